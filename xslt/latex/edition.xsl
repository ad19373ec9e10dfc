<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: this entry stylesheet only assembles the modules.
  Input: a tk:edition document holding the texts (tk:text/@key, TEI inside).
  Output: one LaTeX document, for one text (options?volume = false) or for
  the whole edition as a volume with title page, contents, principles and index.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:tex="urn:teikit:latex"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="tex.xsl"/>
  <xsl:import href="blocks.xsl"/>
  <xsl:import href="inline.xsl"/>
  <xsl:import href="document.xsl"/>

  <!-- title, editors (of the edition), paper (geometry's options for the trim size), font, volume (true: the
       whole edition) -->
  <xsl:param name="options" as="map(*)" select="map{}"/>
  <xsl:param name="register" as="document-node()?" select="()"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail" use-accumulators="#all"/>

  <xsl:template match="/">
    <xsl:variable name="texts" select="tk:edition/tk:text"/>
    <xsl:variable name="volume" select="$options?volume = true()"/>
    <xsl:variable name="first" select="($texts[1]/(tei:TEI, tei:teiCorpus))[1]"/>
    <xsl:call-template name="tex:preamble">
      <xsl:with-param name="title" select="tex:pdf-string(if ($volume) then $tex:edition-name else tk:title($first))"/>
      <xsl:with-param name="author" select="tex:pdf-string(if ($volume) then tex:option('editors') else string-join(tk:authors($first), ', '))"/>
      <xsl:with-param name="lang" select="if ($volume) then 'en' else tk:text-lang($first)"/>
      <xsl:with-param name="babel" select="tex:babel-languages($texts/(tei:TEI, tei:teiCorpus)[1])"/>
      <xsl:with-param name="bidi" select="tex:needs-bidi($texts/(tei:TEI, tei:teiCorpus)[1])"/>
    </xsl:call-template>
    <xsl:text expand-text="no">\begin{document}&#10;</xsl:text>
    <xsl:if test="$volume">
      <xsl:call-template name="tex:front-matter"><xsl:with-param name="texts" select="$texts"/></xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$texts">
      <xsl:call-template name="tex:text-chapter">
        <xsl:with-param name="with-principles" select="not($volume)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text expand-text="no">&#10;\IfFileExists{persons.ind}{\cleardoublepage\renewcommand{\tkauthor}{Index}\renewcommand{\tktitle}{Index of Persons}\phantomsection\addcontentsline{toc}{chapter}{Index of Persons}\printindex[persons]}{}&#10;</xsl:text>
    <xsl:text expand-text="no">\end{document}&#10;</xsl:text>
  </xsl:template>

  <!-- The volume: title page, contents, and the editorial principles of every text. -->
  <xsl:template name="tex:front-matter">
    <xsl:param name="texts" as="element(tk:text)*"/>
\frontmatter
<xsl:variable name="title" select="tk:title-parts($tex:edition-name)"/>
<xsl:variable name="pub" select="$texts/(tei:TEI, tei:teiCorpus)/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
\begin{{titlepage}}\centering
\vspace*{{0.14\textheight}}
{{\fontsize{{20}}{{25}}\selectfont {tex:plain($title[1])}\par}}
<xsl:if test="$title[2]">\vspace{{1.2em}}
{{\large {tex:plain($title[2])}\par}}
</xsl:if>\vspace{{3em}}
<xsl:if test="tex:option('editors')">{{\large Edited by {tex:plain(tex:option('editors'))}\par}}
</xsl:if>\vfill
<xsl:for-each select="distinct-values($pub/tei:publisher ! normalize-space(.))[. != ''][1]">{{\large {tex:plain(.)}\par}}
</xsl:for-each><xsl:for-each select="max($pub/tei:date/(@when, .)[1] ! substring(normalize-space(.), 1, 4)[. castable as xs:integer] ! xs:integer(.))">{.}\par
</xsl:for-each>\end{{titlepage}}
<xsl:call-template name="tex:colophon"><xsl:with-param name="pub" select="$pub"/></xsl:call-template>
\renewcommand{{\tkauthor}}{{{tex:plain(tex:shorten($tex:edition-name))}}}\renewcommand{{\tktitle}}{{Contents}}
{{\hyphenpenalty=10000\exhyphenpenalty=10000 \tableofcontents}}
\cleardoublepage
\renewcommand{{\tktitle}}{{Editorial Principles}}
\chapter*{{Editorial Principles}}
\addcontentsline{{toc}}{{chapter}}{{Editorial Principles}}
<xsl:for-each select="($texts/(tei:TEI, tei:teiCorpus)/tei:teiHeader/tei:encodingDesc/tei:projectDesc)[1]">{tex:meta(.)}\par\medskip
</xsl:for-each>This volume prints each text as established in its TEI encoding. Lines are numbered in the outer margin every five lines, anew on each page. <xsl:if test="exists($texts//tei:text//tei:lb[tex:source-line(.)])">Where a source numbers its own lines (an inscription), each of them begins a line here and bears the source's number, in the margin and in the apparatus; a line too long for the measure goes on, indented, under the same number, and a hyphen at the end of such a line marks a word the source divides between two lines; the text that follows such lines (a translation, a commentary) is numbered afresh from its first line. </xsl:if>The first apparatus under the text gives, for each line, the editors' emendations and the readings of other witnesses: the reading of this edition, a bracket, then the reading of the source (\textit{{del.}}: a character of the source removed; \textit{{add.}}: other witnesses add what the text has not; \textit{{om.}}: the source has nothing; ␣: a space of the source, where a space is all that differs). The second apparatus gives the editors' notes. The authors' own notes are footnotes with the marks the source prints; a source that marks its notes with asterisks anew on each of its pages (*, **, ***) is followed on the pages of this volume, which are not the source's: the first such note on a page has one asterisk, the second two, and the apparatus names each note by the mark printed here. A vertical bar in the text marks where a page of the source begins; its number stands in the inner margin (a question mark: the number is inferred). Where an English transcription has straight quotation marks, this volume prints them as opening and closing marks; the apparatus gives the source's readings as they are. The principles of each text follow.\par
<xsl:for-each select="$texts">
  <xsl:variable name="tei" select="(tei:TEI, tei:teiCorpus)[1]"/>
\section*{{{tex:in-language(tex:title-element($tei), tex:plain(tk:title($tei)))}}}
<xsl:call-template name="tex:principles-of"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
</xsl:for-each>
\mainmatter
</xsl:template>

  <!-- The back of the title page: who publishes, under which licences, how it was made. Each text
       states its own licence in full; this page names each distinct one once, shortest wording first. -->
  <xsl:template name="tex:colophon">
    <xsl:param name="pub" as="element(tei:publicationStmt)*"/>
    <xsl:variable name="licences" select="$pub/tei:availability/tei:licence"/>
\thispagestyle{{empty}}\null\vfill
\begin{{flushleft}}\small
<xsl:for-each-group select="$licences" group-by="string((@target, normalize-space(.))[1])">
  <xsl:variable name="shortest" select="sort(current-group(), (), function($l) { string-length(normalize-space($l)) })[1]"/>
  <xsl:variable name="url" select="tex:url($shortest/@target)"/>
<xsl:if test="position() = 1">Licence of the texts: </xsl:if>{replace(tex:meta($shortest), '\.$', '')}<xsl:if test="$url"> (\url{{{$url}}})</xsl:if><xsl:if test="position() != last()">; </xsl:if><xsl:if test="position() = last()">. The licence of each text, and of the transcription it was made from, is stated with the text.\par\medskip
</xsl:if></xsl:for-each-group>
<xsl:if test="tex:url(tex:option('base-url'))">The web edition, with the TEI files, registers and search: \url{{{tex:url(tex:option('base-url'))}}}\par\medskip
</xsl:if>Encoded in TEI P5 and typeset with teikit, reledmac and Lua\LaTeX<xsl:if test="tex:option('font')">, in {tex:plain(tex:option('font'))}</xsl:if>.\par
\end{{flushleft}}
\cleardoublepage
  </xsl:template>

</xsl:stylesheet>
