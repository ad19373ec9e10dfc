<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition: this entry stylesheet only assembles the modules.
  Input: a tk:edition document holding the texts (tk:text/@key, TEI inside);
  output: every page as a secondary result document, and the search records.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:html="urn:teikit:html"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="behaviours.xsl"/>
  <xsl:import href="quotations.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="registers.xsl"/>
  <xsl:import href="home.xsl"/>
  <xsl:import href="docs.xsl"/>

  <!-- title, editors, base-url (for citations), pdf (whether the PDFs are built) -->
  <xsl:param name="options" as="map(*)" select="map{}"/>
  <!-- the documentation pages by file name (guidelines.html, lint-rules.html), as parsed HTML -->
  <xsl:param name="docs" as="map(xs:string, document-node())" select="map{}"/>

  <!-- The site's name, in its pages' titles, header and footer: the edition's title where the configuration
       gives one (html:edition-title), else its one text's title, else plainly "Edition" (tk:edition-name). -->
  <xsl:variable name="html:site-name" as="xs:string"
                select="tk:edition-name(html:edition-title(), tk:edition)"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:output name="page" method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:output name="xml" method="xml" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail" use-accumulators="#all"/>
  <xsl:mode name="html:search-records" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="edition" select="."/>
    <xsl:result-document href="index.html" format="page">
      <xsl:call-template name="html:home"><xsl:with-param name="edition" select="$edition"/></xsl:call-template>
    </xsl:result-document>
    <xsl:result-document href="search.html" format="page">
      <xsl:call-template name="html:search"/>
    </xsl:result-document>
    <xsl:for-each select="tk:edition/tk:text">
      <xsl:result-document href="texts/{@key}.html" format="page">
        <xsl:call-template name="html:text-page"/>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:if test="$register">
      <xsl:for-each select="map:keys($html:register-kinds)[. = $html:offered]" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
        <xsl:result-document href="registers/{.}.html" format="page">
          <xsl:call-template name="html:register-page">
            <xsl:with-param name="kind" select="."/>
            <xsl:with-param name="edition" select="$edition"/>
          </xsl:call-template>
        </xsl:result-document>
      </xsl:for-each>
    </xsl:if>
    <xsl:for-each select="map:keys($docs)" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
      <xsl:result-document href="docs/{.}" format="page">
        <xsl:call-template name="html:docs-page">
          <xsl:with-param name="name" select="current()"/>
          <xsl:with-param name="doc" select="$docs(current())"/>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="search-records.xml" format="xml">
      <tk:records>
        <xsl:apply-templates select="tk:edition/tk:text" mode="html:search-records"/>
        <xsl:apply-templates select="$register//tei:text//(tei:person | tei:place | tei:org | tei:bibl)[@xml:id]
                                     [tk:entry-kind(.) = $html:offered]" mode="html:search-records"/>
      </tk:records>
    </xsl:result-document>
    <!-- the principal result is a report of what was built -->
    <tk:built texts="{count(tk:edition/tk:text)}"/>
  </xsl:template>

  <!-- One search record per paragraph, heading and note, so that results lead to the paragraph. -->
  <xsl:template match="tk:text" mode="html:search-records">
    <xsl:variable name="tei" select="(.//(tei:TEI | tei:teiCorpus))[1]"/>
    <xsl:variable name="key" select="string(@key)"/>
    <xsl:variable name="title" select="tk:title($tei)"/>
    <xsl:variable name="authors" select="string-join(tk:authors($tei), '; ')"/>
    <!-- and the other blocks of text (a speech, an inscription, a cast list) and an apparatus's comments -->
    <xsl:for-each select=".//tei:text//(*[html:is-record(.)] | *[html:is-text-block(.)] | tei:app[tk:is-comment(.)])">
      <xsl:variable name="text" select="normalize-space(if (self::tei:app) then string-join(tei:note ! html:plain(.), ' ')
                                                        else html:plain(.))"/>
      <xsl:if test="$text">
        <tk:record url="texts/{$key}.html#{tk:id(.)}" text="{$title}" author="{$authors}"
                   label="{html:record-label(., $text)}"
                   lang="{tk:lang(.)}">{$text}<xsl:sequence select="html:record-entities(.)"/></tk:record>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A register entry is a record of its own, with the words its entry shows: a search for any form of
       the name finds it, and the entry lists every mention. -->
  <xsl:template match="tei:person | tei:place | tei:org | tei:bibl" mode="html:search-records">
    <xsl:variable name="kind" select="tk:entry-kind(.)"/>
    <xsl:variable name="forms" select="html:printed-forms(.)"/>
    <tk:record url="registers/{$kind}.html#{tk:id(.)}" text="{$html:register-kinds($kind)}" label="{tk:entry-name(.)}"
               lang="en">{string-join((tk:entry-name(.) || (tk:entry-dates(.) ! (' (' || . || ')')),
                                      tei:note[1] ! normalize-space(.),
                                      if (exists($forms)) then 'Printed as: ' || string-join($forms, ', ') else ()), ' ')}<xsl:sequence
        select="html:entity(., ())"/></tk:record>
  </xsl:template>

  <!-- The register entries a block names (not in the notes it holds, which are records of their own): the
       search filters by them, and finds the block by the forms of their names it does not print. -->
  <xsl:function name="html:record-entities" as="element(tk:entity)*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="inner-notes" select="$e//tei:note"/>
    <xsl:variable name="names" select="$e//*[@ref][empty(ancestor::tei:note intersect $inner-notes)]"/>
    <xsl:for-each-group select="$names[tk:entry(., $register)]" group-by="generate-id(tk:entry(., $register))">
      <xsl:sequence select="html:entity(tk:entry(., $register), current-group() ! normalize-space(html:plain(.)))"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="html:entity" as="element(tk:entity)">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="printed" as="xs:string*"/>
    <tk:entity kind="{tk:entry-kind($entry)}" name="{tk:entry-name($entry)}">
      <!-- the forms the texts print, else every form (the display form's forenames alone would find every
           passage that names him) -->
      <xsl:variable name="all" select="distinct-values(($entry/(tei:persName | tei:placeName | tei:orgName | tei:title) ! normalize-space(.))[.])"/>
      <xsl:for-each select="if (exists(html:printed-forms($entry)[.])) then html:printed-forms($entry)[.] else $all">
        <tk:form>{.}</tk:form>
      </xsl:for-each>
      <xsl:for-each select="distinct-values($printed[.])"><tk:printed>{.}</tk:printed></xsl:for-each>
    </tk:entity>
  </xsl:function>

  <!-- What a search result is called after its text's title: a paragraph's number, a note's label, a
       speech's speaker, a heading's (or another block's) own words, a long one shortened. -->
  <xsl:function name="html:record-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="speaker" select="normalize-space(string(($e/ancestor::tei:sp/tei:speaker)[1] ! html:plain(.)))"/>
    <xsl:sequence select="if ($e/self::tei:note) then 'note ' || tk:note-label($e)
                          else if ($e/self::tei:p[html:is-numbered(.)]) then '¶ ' || html:paragraph-number($e)
                          else if ($e/self::tei:l) then 'verse line'
                          else if ($e/self::tei:app) then 'apparatus' || (tokenize($e/@loc)[1] ! (', l. ' || .), '')[1]
                          else if ($speaker) then replace($speaker, '[\s:;,.]+$', '')
                          else if (string-length($text) gt 80) then substring($text, 1, 79) || '…'
                          else replace($text, '[\s:;,.]+$', '')"/>
  </xsl:function>

</xsl:stylesheet>
