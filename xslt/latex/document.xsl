<?xml version="1.0" encoding="UTF-8"?>
<!--
  The LaTeX document: preamble (reledmac, fonts, trim, running heads, PDF
  metadata), the volume's front matter (title page, contents, editorial
  principles), one chapter per text with its metadata and its numbered text,
  and the index of persons.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:tex="urn:teikit:latex"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:function name="tex:option" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="string(($options($name), '')[1])"/>
  </xsl:function>

  <!-- The edition's name (tk:edition-name): the configured title, else the one text's title, else "Edition". -->
  <xsl:variable name="tex:edition-name" as="xs:string"
                select="tk:edition-name(tex:option('title')[. != ''][not($options?titled = false())], /tk:edition)"/>

  <xsl:template name="tex:preamble">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="author" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="babel" as="xs:string*" select="()"/>
    <xsl:param name="bidi" as="xs:boolean" select="false()"/>
\documentclass[10pt,twoside,openany]{{book}}
% Written by teikit from TEI; compile with lualatex -no-shell-escape.
\usepackage[{tex:option('paper')},inner=0.7in,outer=0.9in,top=0.75in,bottom=0.8in,headsep=14pt,marginparwidth=0.55in,marginparsep=6pt]{{geometry}}
\usepackage{{fontspec}}
% letters the book face lacks come from the fonts installed that have them (HarfBuzz shapes them)
\directlua{{luaotfload.add_fallback("tkfallback", {{{string-join(tex:fallback-fonts() ! ('"' || . || ':mode=harf;"'), ', ')}}})}}
\setmainfont{{{tex:plain(tex:option('font'))}}}[RawFeature={{fallback=tkfallback}}]
\tracinglostchars=2
<xsl:if test="$bidi">% right-to-left scripts: babel orders each run by the Unicode bidirectional algorithm
</xsl:if>\usepackage[english{if ($bidi) then ', bidi=basic' else ''}]{{babel}}
<!-- Greek in a face of its own, as a whole (the build names one when the book face lacks letters the Greek
     uses): every letter of the Greek script takes it, tagged or not, in the text as in the apparatus (babel's
     onchar, given to one Greek language: the script is one), and a Greek passage's spaces and stops too -->
<xsl:variable name="greek" select="('ancientgreek', 'greek')[tex:option('greek-font') != '']"/>
<xsl:variable name="languages" select="if (exists($greek) and not($babel = $greek)) then ($babel, $greek[1]) else $babel"/>
<xsl:for-each select="$languages">% {.}: its hyphenation patterns when TeX Live has them (texlive-lang-*), else none
\babelprovide[import, hyphenrules={.} nohyphenation{if (. = ($languages[. = $greek])[1]) then ', onchar=fonts'
    else if (. = ($languages[. = $tex:arabic-script])[1] or . = ($languages[. = $tex:hebrew-script])[1]) then ', onchar=ids fonts' else ''}]{{{.}}}
<xsl:if test=". = $greek">\babelfont[{.}]{{rm}}[RawFeature={{fallback=tkfallback}}]{{{tex:plain(tex:option('greek-font'))}}}
</xsl:if><xsl:if test="$tex:rtl-fonts(.)">\babelfont[{.}]{{rm}}[Renderer=HarfBuzz, ItalicFont=*, BoldItalicFont=*, BoldItalicFeatures={{FakeBold=2}}, RawFeature={{fallback=tkfallback}}]{{{$tex:rtl-fonts(.)}}}
</xsl:if></xsl:for-each>% English words divided after three letters at least (no "Zi-noviev", "Yu-denich"), and names the patterns divide
% badly divided where they should be
\def\englishhyphenmins{{33}}\babelhyphenation[english]{{Robes-pierre}}
\makeatletter\newcommand{{\tknohyph}}[1]{{{{\language\l@nohyphenation #1}}}}\makeatother
\usepackage{{lua-ul}}
\usepackage{{array}}
\usepackage{{longtable}}
\usepackage{{fancyhdr}}
\usepackage[noautomatic]{{imakeidx}}
\usepackage[series={{A,B}},noend]{{reledmac}}
\makeindex[name=persons,title=Index of Persons,columns=2]
\usepackage[hidelinks,hyperfootnotes=false,hyperindex=false,bookmarks=true,bookmarksopen=true,pdftitle={{{$title}}},pdfauthor={{{$author}}},pdfcreator={{teikit}},pdflang={{{tex:plain($lang)}}}]{{hyperref}}
\setcounter{{tocdepth}}{{1}}\setcounter{{secnumdepth}}{{-1}}
% headings (LaTeX's, which reledmac's \eledsection sets) ragged right and not divided, unless a word is
% longer than the measure: ragged right, a line ending at a space costs nothing, a divided word all but
% the most (9999, not 10000: that word would run into the margin)
\newcommand{{\tkheadstyle}}{{\raggedright\hyphenpenalty=9999\exhyphenpenalty=9999 }}
\newcommand{{\tkheadwarning}}{{\PackageWarning{{teikit}}{{the class has changed: headings may be justified}}}}
\patchcmd{{\section}}{{\bfseries}}{{\bfseries\tkheadstyle}}{{}}{{\tkheadwarning}}\patchcmd{{\subsection}}{{\bfseries}}{{\bfseries\tkheadstyle}}{{}}{{\tkheadwarning}}
\patchcmd{{\subsubsection}}{{\bfseries}}{{\bfseries\tkheadstyle}}{{}}{{\tkheadwarning}}
% reledmac numbers the lines a heading's text takes in its own paragraph, and prints LaTeX's heading in their
% place: that paragraph is set as the heading is (the class's size, bold, its style), so that a heading of
% two lines counts two (inside the paragraph, not in \pstart's options: reledmac prints its lines, out of
% sight, with the options in force, and ragged right they would break onto the page)
\newcommand{{\tkheadlines}}[1]{{\noindent\normalfont#1\bfseries\tkheadstyle}}
% reledmac: lines numbered every five, restarting on each page; apparatus A (readings)
% and B (editorial notes) as paragraphs under the author's footnotes.
\lineation{{page}}\firstlinenum{{{tex:option('line-numbers-every')}}}\linenumincrement{{{tex:option('line-numbers-every')}}}
% the line numbers in the outer margin, the source's page numbers in the inner one: neither in the
% gutter's way of the other, on a left page as on a right one
\linenummargin{{outer}}
\Xarrangement{{paragraph}}\Xlemmaseparator[B]{{}}
% the bracket closes the lemma without a space before it ("Russian] RltsSian"), left to right or not
\makeatletter\patchcmd{{\rbracket}}{{\thinspace[}}{{[}}{{}}{{}}\patchcmd{{\rbracket}}{{\thinspace]}}{{]}}{{}}{{}}\patchcmd{{\rbracket}}{{\thinspace]}}{{]}}{{}}{{}}\Xlemmaseparator[A]{{\rbracket}}\makeatother
\Xnotenumfont{{\normalfont\bfseries}}
% an entry's line number never ends a line of the apparatus apart from its lemma
\Xnonbreakableafternumber
% a reading that cannot be divided (a source's, \tknohyph) may leave its line short rather than run into the margin
\Xbhookgroup{{\tolerance=2000 \emergencystretch=3em}}
% an apparatus entry's line number takes at least the width of two digits (a range of lines, of two
% and two), so that an entry does not grow when its line moves from line 1 of a page to line 41 of the
% one before: such a change could push the line back, and the passes would never settle
\makeatletter\newsavebox\tknumbox\newsavebox\tknumtwo
\renewcommand{{\boxfootnotenumbers}}[2]{{\sbox\tknumbox{{\printlinefootnotenumbers{{#1}}{{#2}}}}\sbox\tknumtwo{{00}}%
\ifdim\wd\tknumbox>\wd\tknumtwo\sbox\tknumtwo{{00\endashchar00}}\fi%
\ifdim\wd\tknumbox&lt;\wd\tknumtwo\hbox to\wd\tknumtwo{{\hfil\usebox\tknumbox}}\else\usebox\tknumbox\fi}}\makeatother
% a page kept short (no widow, no lone heading, an orphan if cheap) leaves its white above the notes,
% not between the paragraphs: the space above each block of notes (footnotes, apparatus A, B) may
% stretch by two lines; on a page with one block (most pages) a page one or two lines short costs less
% than an orphan (\clubpenalty 150) and more lines cost more, and with more blocks the white is shared;
% a heading's bonus for a break before it would end such pages early, so it has none
\makeatletter\@secpenalty=0\makeatother
\beforenotesX{{1.2em plus 24pt minus .6em}}\Xbeforenotes{{0.8em plus 24pt}}
\renewcommand{{\pagelinesep}}{{.}}
% notes are set where their line is, inside the paragraph's style (an italic caption): they reset the font
\Xnotefontsize{{\normalfont\footnotesize}}\notefontsizeX{{\normalfont\footnotesize}}
% the author's footnote: its marker, a space, its text
\makeatletter\renewcommand*{{\footfootmarkA}}{{\normalfootfootmarkX{{A}}\nobreak\hspace{{0.3em}}}}\makeatother
\newcommand{{\tkinnote}}[1]{{#1\textit{{n}}}}
% a second pointer to a note set at its first (tex:note-pointer): the note's mark raised, and its page when on another
\newcommand{{\tknoteagain}}[3]{{\edlabel{{#3}}\textsuperscript{{#1\ifnumequal{{\xpageref{{#2}}}}{{\xpageref{{#3}}}}{{}}{{\,(p.\,\edpageref{{#2}})}}}}}}
\emergencystretch=2em
% no widow (a paragraph's last line alone at the top of a page), an orphan only when nothing better
% is found; no word divided across two pages, no heading alone at a page's foot: teikit.lua adds the
% penalties reledmac's line boxes lose (\brokenpenalty; a heading's lines carry the attribute \tkkeepattr)
\widowpenalty=10000\clubpenalty=150\brokenpenalty=10000\newcount\tklinepenalty\newattribute\tkkeepattr
\directlua{{dofile(kpse.find_file("teikit.lua") or "teikit.lua")}}
% the page builder is told how many lines each block of apparatus takes on the page (teikit.lua), not
% reledmac's share of a line per note, which left out each block's last line: notes end in the text block
\makeatletter\AtBeginDocument{{\begingroup\def\do#1{{\ifcsstring{{series@display#1}}{{paragraph}}{{{{\csuse{{Xnotefontsize@#1}}%
\directlua{{teikit.paragraph_notes(\number\csuse{{#1footins}}, \number\dimexpr\csuse{{Xwidth@#1}}\relax, \number\baselineskip)}}}}}}{{}}}}%
\dolistloop{{\@series}}\endgroup}}\makeatother
% an author's note that the source marks with asterisks, anew on each of its pages, takes as many as it
% is the first, second … such note on its page of this edition: teikit.lua counts the marks on each page
% shipped out, the .aux keeps the counts for the next pass
\makeatletter\newcommand{{\tkauxwrite}}[1]{{\if@filesw\immediate\write\@auxout{{#1}}\fi}}\makeatother
\newcommand{{\tkstarmark}}[2]{{\directlua{{teikit.star_mark("\luaescapestring{{#1}}", #2)}}}}
\newcommand{{\tkstar}}[2]{{\directlua{{teikit.star("\luaescapestring{{#1}}", "\luaescapestring{{#2}}")}}}}
\newcommand{{\tkstarhere}}[1]{{\latelua{{teikit.star_here("\luaescapestring{{#1}}")}}}}
\AddToHook{{enddocument/afterlastpage}}{{\directlua{{teikit.write_star_marks()}}}}
% straight quotation marks of English text, set as curly ones by teikit.lua (plain in bookmarks);
% the argument names the mark, so that an apparatus lemma repeats what the text decided
\protected\def\tkdqtex#1{{\directlua{{teikit.dq(false, "\luaescapestring{{#1}}")}}}}
\protected\def\tkdqstex#1{{\directlua{{teikit.dq(true, "\luaescapestring{{#1}}")}}}}
\protected\def\tkdqltex#1{{\directlua{{teikit.dq(true, "\luaescapestring{{#1}}", true)}}}}
\protected\def\tksqtex#1{{\directlua{{teikit.sq("\luaescapestring{{#1}}")}}}}
\newcommand{{\tkdq}}[1]{{\texorpdfstring{{\tkdqtex{{#1}}}}{{"}}}}\newcommand{{\tkdqs}}[1]{{\texorpdfstring{{\tkdqstex{{#1}}}}{{"}}}}
\newcommand{{\tkdql}}[1]{{\texorpdfstring{{\tkdqltex{{#1}}}}{{"}}}}
\newcommand{{\tksq}}[1]{{\texorpdfstring{{\tksqtex{{#1}}}}{{'}}}}
\makeatletter
\apptocmd{{\getline@num}}{{\directlua{{teikit.line_penalty(\number\one@line)}}\global\advance\ballast@count\tklinepenalty}}{{}}{{\PackageWarning{{teikit}}{{reledmac has changed: words may be divided across pages, headings end pages}}}}
% reledmac sets a section heading, then an empty line pushed off the page, then a glue where the page
% may break: no break there, and teikit.lua keeps the next line too. Each further line of a heading's
% paragraph (a heading of two or three lines) comes the same way, after the apparatus entries it carries,
% which would let the page break between the heading and its text: no break before those lines either
% (the flag is down again at the first line of text, and at a new numbered text)
\newif\iftkinhead\patchcmd{{\print@eledsection}}{{\@eled@sectioningfalse}}{{\@eled@sectioningfalse\iftkinhead\nobreak\fi}}{{}}{{\PackageWarning{{teikit}}{{reledmac has changed: a heading may end a page}}}}\pretocmd{{\print@line}}{{\global\tkinheadfalse}}{{}}{{\PackageWarning{{teikit}}{{reledmac has changed: a heading may end a page}}}}
\patchcmd{{\print@eledsection}}{{\vskip-\baselineskip}}{{\endgraf\nobreak\vskip-\baselineskip\global\tkinheadtrue\directlua{{teikit.heading()}}}}{{}}{{\PackageWarning{{teikit}}{{reledmac has changed: headings may end a page}}}}
% the lines of a heading's own paragraph, which reledmac prints out of sight, take no room: set in the heading's
% size they would push the text down (what stands between a heading and its text is the class's space)
\def\tkhidelines{{\patchcmd{{\print@eledsection}}{{\hbox{{\l@dunhbox@line{{\one@line}}}}}}{{\smash{{\l@dunhbox@line{{\one@line}}}}}}{{}}{{\PackageWarning{{teikit}}{{reledmac has changed: a heading may stand apart from its text}}}}}}
\tkhidelines\tkhidelines % (once for each direction)
\makeatother
% one space after a stop, as in English books now (and abbreviations, St. Petersburg, take no sentence space)
\frenchspacing
\setlength{{\parindent}}{{1.2em}}
% the source pagination: a bar in the text, the number in the inner margin
\newcommand{{\tkpb}}[1]{{\ledinnernote{{\normalfont\footnotesize\textbar#1}}{{\normalfont\textbar}}}}
% paragraph styles (given to \pstart, which does not reset them: \tkreset first)
\newcommand{{\tkreset}}{{\unsetattribute\tkkeepattr\leftskip=0pt\rightskip=0pt\parfillskip=0pt plus 1fil\parindent=1.2em\hangindent=0pt\normalfont\normalsize\tolerance=200 \emergencystretch=2em}}
\newcommand{{\tkquote}}{{\advance\leftskip 1.5em\advance\rightskip 1.5em\small}}
\newcommand{{\tkverse}}{{\advance\leftskip 2em\parindent=0pt\hangindent=1.5em\hangafter=1}}
% a style that sets its paragraph flush (reledmac begins the paragraph it numbers itself, with the indentation in
% force: \noindent in \pstart's options would not reach it)
\newcommand{{\tknoindent}}{{\parindent=0pt\relax}}
\newcommand{{\tkline}}{{\tknoindent \advance\leftskip 2em\hangindent=1.5em\hangafter=1}}
\newcommand{{\tklist}}{{\advance\leftskip 1em}}
\newcommand{{\tkitem}}{{\tknoindent \hangindent=1em\hangafter=1}}
\newcommand{{\tkcont}}{{\tknoindent }}
% the lines of a source that numbers them (an inscription's): each begins a printed line and bears the
% source's number (\setline); a line too long for the measure goes on indented, under the same number,
% which the margin shows once (a lock); each line ends as a paragraph ends (\parfillskip: ragged, or
% flush right in a block set flush right), and a line that wraps is ragged too (a finite stretch, which
% a block set flush right or centred overrides with its own), so that the block keeps its style's alignment
% The text after such lines (a translation, a commentary) is numbered afresh from 1, as a new division
% is (\tkprose), not on from the source's last number; a part of a source line wrapped onto a new page keeps
% its line's number (no reset within a lock: the apparatus would cite line 0)
\newif\iftksrc\lockdisp{{first}}\newif\iftksrcafter
\newcommand{{\tksrclines}}{{\global\tksrcafterfalse\parindent=0pt\advance\leftskip 1.5em\rightskip=0pt plus 2em}}
\newcommand{{\tksrcdone}}{{\tksrcend\global\tksrcaftertrue}}
\newcommand{{\tkprose}}{{\iftksrcafter\global\tksrcafterfalse\setline{{1}}\fi}}
\makeatletter\newif\iftkbypage\def\tklockcheck{{\tkbypagefalse\ifbypage@\ifcase\@lock\tkbypagetrue\or\or\else\tkbypagetrue\fi\fi}}
\patchcmd{{\@page}}{{\ifbypage@}}{{\tklockcheck\iftkbypage}}{{}}{{\PackageWarning{{teikit}}{{reledmac has changed: a source line wrapped onto a new page may be cited as line 0}}}}\makeatother
\newcommand{{\tksrcstart}}{{\hspace*{{-1.5em}}}}
\newcommand{{\tksrcend}}{{\iftksrc\endlock\global\tksrcfalse\fi}}
\newcommand{{\tksrcbreak}}{{\unskip\tksrcend\hskip\parfillskip\break\tksrcstart}}
\newcommand{{\tksrcline}}[1]{{\tksrcend\if\relax\detokenize{{#1}}\relax\else\setline{{#1}}\fi\startlock\global\tksrctrue}}
\newcommand{{\tknote}}{{\small}}
\newcommand{{\tkspeaker}}{{\tknoindent \scshape\tkkeep}}
\newcommand{{\tkspeech}}{{}}
\newcommand{{\tkstage}}{{\tknoindent \itshape}}
\newcommand{{\tkright}}{{\tknoindent \leftskip=0pt plus 1fil\parfillskip=0pt}}
\newcommand{{\tkcenter}}{{\tknoindent \leftskip=0pt plus 1fil\rightskip=0pt plus 1fil\parfillskip=0pt}}
\newcommand{{\tklabel}}{{\tknoindent \bfseries}}
\newcommand{{\tkkeep}}{{\setattribute\tkkeepattr{{1}}}}
\newcommand{{\tksource}}{{\tknoindent \leftskip=0pt plus 1fil\parfillskip=0pt\small}}
\newcommand{{\tkcaption}}{{\tknoindent \small\itshape}}
\newcommand{{\tkcloser}}{{}}
\newcommand{{\tkrow}}{{\tknoindent \small}}
\newcommand{{\tkbodyhead}}{{\tkcenter\Large\bfseries\tkkeep}}
\newcommand{{\tksubhead}}{{\tknoindent \leftskip=0pt plus 1fil\rightskip=0pt plus 1fil\parfillskip=0pt\scshape\tkkeep}}
% running heads: the author on the left page, the title on the right
\newcommand{{\tkauthor}}{{}}\newcommand{{\tktitle}}{{}}
\pagestyle{{fancy}}\fancyhf{{}}
\fancyhead[LE]{{\small\thepage\quad\itshape\tkauthor}}
\fancyhead[RO]{{\small\itshape\tktitle\quad\upshape\thepage}}
\renewcommand{{\headrulewidth}}{{0pt}}
% a page left blank before a text that opens on a right page has no running head and no number
\makeatletter\renewcommand{{\cleardoublepage}}{{\clearpage\if@twoside\ifodd\c@page\else\hbox{{}}\thispagestyle{{empty}}\newpage\fi\fi}}\makeatother
\fancypagestyle{{plain}}{{\fancyhf{{}}\fancyfoot[C]{{\small\thepage}}}}
% the metadata of a text: two ragged-right columns (justified, a narrow column leaves holes between words)
\newenvironment{{tkmeta}}{{\par\small\setlength{{\LTleft}}{{0pt}}\setlength{{\LTright}}{{0pt}}\setlength{{\LTpre}}{{0pt}}\setlength{{\LTpost}}{{0pt}}\begin{{longtable}}{{@{{}}>{{\raggedright\arraybackslash}}p{{0.24\textwidth}}@{{\hspace{{0.03\textwidth}}}}>{{\raggedright\arraybackslash}}p{{0.73\textwidth}}@{{}}}}}}{{\end{{longtable}}\par\medskip}}
\newenvironment{{tknotes}}{{\par\footnotesize}}{{\par\medskip}}
</xsl:template>

  <!-- The title in the running head, on one line: a short title if the header has one, else the title
       up to its first colon, else its first words. -->
  <xsl:function name="tex:running-title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="short" select="normalize-space(($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'short'])[1])"/>
    <xsl:sequence select="if ($short) then $short else tex:shorten(tk:title($tei))"/>
  </xsl:function>

  <xsl:function name="tex:shorten" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="head" select="normalize-space(substring-before($title, ':'))"/>
    <xsl:sequence select="
        if (string-length($title) le 48) then $title
        else if (string-length($head) ge 8 and string-length($head) le 48) then $head
        else replace(substring($title, 1, 46), '[\s,;:.]+\S*$', '') || '…'"/>
  </xsl:function>

  <!-- babel's name of a language that TeX Live may hyphenate or that is written right to left,
       by its BCP 47 primary subtag. -->
  <xsl:variable name="tex:babel-names" as="map(xs:string, xs:string)" select="map{
      'de': 'ngerman', 'fr': 'french', 'it': 'italian', 'es': 'spanish', 'pt': 'portuguese', 'la': 'latin',
      'grc': 'ancientgreek', 'el': 'greek', 'ru': 'russian', 'uk': 'ukrainian', 'nl': 'dutch', 'pl': 'polish',
      'cs': 'czech', 'hu': 'hungarian', 'sv': 'swedish', 'da': 'danish', 'fi': 'finnish', 'ca': 'catalan',
      'tr': 'turkish', 'cy': 'welsh', 'ga': 'irish',
      'he': 'hebrew', 'yi': 'yiddish', 'ar': 'arabic', 'fa': 'persian', 'ur': 'urdu', 'ps': 'pashto',
      'ug': 'uyghur', 'syr': 'syriac'}"/>

  <!-- The face of a right-to-left language, when a font always at hand has its script (DejaVu Sans:
       Hebrew and Arabic); babel switches to it and sets the language's direction. Syriac has none. -->
  <xsl:variable name="tex:rtl-fonts" as="map(xs:string, xs:string)" select="map{
      'hebrew': 'DejaVu Sans', 'yiddish': 'DejaVu Sans', 'arabic': 'DejaVu Sans', 'persian': 'DejaVu Sans',
      'urdu': 'DejaVu Sans', 'pashto': 'DejaVu Sans', 'uyghur': 'DejaVu Sans'}"/>

  <!-- The languages written in the Arabic and the Hebrew scripts: the first of each a text uses takes every
       letter of its script, tagged or not (babel's onchar), so that a title, an author or a header field in
       Arabic is shaped and ordered as the text is, wherever it stands (a title set before the text's own
       language opens, a mixed "محمد كرد علي, Muḥammad Kurd ʿAlī"). -->
  <xsl:variable name="tex:arabic-script" as="xs:string+" select="('arabic', 'persian', 'urdu', 'pashto', 'uyghur')"/>
  <xsl:variable name="tex:hebrew-script" as="xs:string+" select="('hebrew', 'yiddish')"/>

  <!-- Whether a text needs babel's bidirectional ordering: a right-to-left language, or letters of a
       right-to-left script anywhere in its text (Hebrew to Arabic Extended, their presentation forms;
       without them, the option costs time for nothing). -->
  <xsl:function name="tex:needs-bidi" as="xs:boolean">
    <xsl:param name="docs" as="element()*"/>
    <xsl:sequence select="(some $l in ($docs ! tk:text-lang(.), $docs//(tei:text | tei:TEI)//*[@xml:lang] ! tk:lang(.))
                           satisfies tk:direction($l) = 'rtl')
        or (some $t in $docs//text() satisfies matches($t, '[&#x0590;-&#x08FF;&#xFB1D;-&#xFDFF;&#xFE70;-&#xFEFC;]'))"/>
  </xsl:function>

  <!-- The fonts letters missing from the book face come from: the option's list (the build passes
       the fonts installed on the machine), else DejaVu. -->
  <xsl:function name="tex:fallback-fonts" as="xs:string+">
    <xsl:sequence select="(tokenize(tex:option('fallback-fonts'), '\s*\|\s*')[. != ''] ! replace(., '[^\p{L}\p{N} -]', ''),
                           'DejaVu Serif', 'DejaVu Sans')[. != ''] => distinct-values()"/>
  </xsl:function>

  <xsl:function name="tex:babel" as="xs:string?">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="$tex:babel-names(lower-case(substring-before(tk:bcp47($lang) || '-', '-')))"/>
  </xsl:function>

  <!-- The hyphenation a language gets: English, a babel language, or none. -->
  <xsl:function name="tex:hyphenation" as="xs:string">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="if (starts-with($lang, 'en')) then 'english' else (tex:babel($lang), 'nohyphenation')[1]"/>
  </xsl:function>

  <!-- A title or heading set outside its text's language environment (the chapter's title, its subtitle, the
       contents), in the language of the element it comes from: divided by that language's rules, or not at
       all when TeX Live has none. Right-to-left languages are left to babel's onchar, which takes their
       letters wherever they stand. -->
  <xsl:function name="tex:in-language" as="xs:string">
    <xsl:param name="from" as="element()?"/>
    <xsl:param name="latex" as="xs:string"/>
    <xsl:variable name="lang" select="if (exists($from)) then tk:lang($from) else 'en'"/>
    <xsl:variable name="hyphenation" select="tex:hyphenation($lang)"/>
    <xsl:sequence select="if ($hyphenation = 'english' or tk:direction($lang) = 'rtl' or $latex = '') then $latex
                          else if ($hyphenation = 'nohyphenation') then '\tknohyph{' || $latex || '}'
                          else '\foreignlanguage{' || $hyphenation || '}{' || $latex || '}'"/>
  </xsl:function>

  <!-- The title element tk:title reads, for its language. -->
  <xsl:function name="tex:title-element" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="t" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="($t[@type = 'main'], $t[not(@type)], $t)[1]"/>
  </xsl:function>

  <!-- The babel languages of the texts and of the passages in them. -->
  <xsl:function name="tex:babel-languages" as="xs:string*">
    <xsl:param name="docs" as="element()*"/>
    <xsl:sequence select="distinct-values(($docs ! tk:text-lang(.), $docs//(tei:text | tei:TEI)//*[@xml:lang] ! tk:lang(.)) ! tex:babel(.))"/>
  </xsl:function>

  <!-- ============================================================ a text -->

  <xsl:template name="tex:text-chapter">
    <xsl:context-item as="element(tk:text)" use="required"/>
    <xsl:param name="with-principles" as="xs:boolean" select="false()"/>
    <xsl:variable name="tei" select="(tei:TEI, tei:teiCorpus)[1]"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:variable name="title" select="tk:title($tei)"/>
    <xsl:variable name="authors" select="string-join(tk:authors($tei), ', ')"/>
    <xsl:variable name="lang" select="tk:text-lang($tei)"/>
\cleardoublepage
\renewcommand{{\tkauthor}}{{{tex:plain(if ($authors) then $authors else tex:shorten($tex:edition-name))}}}
\renewcommand{{\tktitle}}{{{tex:plain(tex:running-title($tei))}}}
<xsl:variable name="title-el" select="tex:title-element($tei)"/>
\chapter*{{{tex:in-language($title-el, tex:plain($title))}}}
\addcontentsline{{toc}}{{chapter}}{{\texorpdfstring{{{string-join(($authors[. != ''] ! tex:plain(.), tex:in-language($title-el, tex:plain($title))), ': ')}}}{{{tex:pdf-string(string-join(($authors[. != ''], $title), ': '))}}}}}
<xsl:if test="$header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub']">{{\large\itshape {$header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1] ! tex:in-language(., tex:plain(.))}\par}}\bigskip
</xsl:if>
<xsl:call-template name="tex:metadata"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
<xsl:if test="$with-principles"><xsl:call-template name="tex:principles-of"><xsl:with-param name="tei" select="$tei"/></xsl:call-template></xsl:if>
<xsl:variable name="hyphenation" select="tex:hyphenation($lang)"/>
<!-- the environment of a text not in English: its language, or no hyphenation -->
<xsl:variable name="env" select="if ($hyphenation = 'english') then ()
                                 else if ($hyphenation = 'nohyphenation') then 'hyphenrules' else 'otherlanguage'"/>
<xsl:if test="$env">\begin{{{$env}}}{{{$hyphenation}}}
</xsl:if>
<xsl:variable name="chunks" select="tex:chunks($tei/(tei:text | tei:TEI | tei:teiCorpus), (), false(), $tei)"/>
<xsl:choose>
  <xsl:when test="exists($chunks)">\beginnumbering\global\tkinheadfalse\directlua{{teikit.heading(false)}}
<xsl:apply-templates select="$chunks" mode="tex:chunk"><xsl:with-param name="key" select="string(@key)" tunnel="yes"/></xsl:apply-templates>
\endnumbering
</xsl:when>
  <xsl:otherwise>\noindent\textit{{This document has no text of its own in the file (its parts may be included from other files, which are not part of this build).}}\par
</xsl:otherwise>
</xsl:choose><xsl:if test="$env">\end{{{$env}}}
</xsl:if>
  </xsl:template>

  <!-- The text's metadata, as on the web page: author, date, source, licence, the editors' notes. -->
  <xsl:template name="tex:metadata">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="fd" select="$tei/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="rows" as="xs:string*">
      <xsl:if test="exists(tk:authors($tei))"><xsl:sequence select="'Author &amp; ' || tex:plain(string-join(tk:authors($tei), '; '))"/></xsl:if>
      <xsl:for-each select="$fd/tei:titleStmt/tei:respStmt">
        <xsl:sequence select="tex:plain(tei:resp[1]) || ' &amp; ' || tex:plain(string-join((tei:name | tei:persName | tei:orgName) ! normalize-space(.), '; '))"/>
      </xsl:for-each>
      <xsl:if test="exists(tk:written($tei))"><xsl:sequence select="'Written &amp; ' || tex:plain(tk:written($tei))"/></xsl:if>
      <xsl:for-each select="$fd/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull | tei:p
                            | tei:listBibl/(tei:bibl | tei:biblStruct | tei:biblFull))">
        <xsl:sequence select="(if (@type = 'transcription') then 'Transcription used' else if (@type = 'reprint') then 'Reprinted' else 'Source')
                              || ' &amp; ' || (if (self::tei:biblFull) then tex:bibl-full(.) else tex:meta(.))"/>
      </xsl:for-each>
      <!-- a manuscript: where it is kept, what it holds, what it is and whence (tk:ms-description, as on the web),
           each part a row, several values one under the other -->
      <xsl:for-each select="$fd/tei:sourceDesc//tei:msDesc">
        <xsl:for-each select="tk:ms-description(.)">
          <xsl:sequence select="tex:plain(?label) || ' &amp; ' || string-join(?values ! tex:plain(.), '\newline ')"/>
        </xsl:for-each>
      </xsl:for-each>
      <!-- the witnesses with their sigla, which the apparatus cites -->
      <xsl:for-each select="tk:witnesses($tei)">
        <xsl:sequence select="(if (position() = 1) then 'Witnesses' else '') || ' &amp; \hangindent=1em\hangafter=1 \textit{' || tex:plain(tk:siglum(.)) || '}\enspace '
                              || tex:meta-nodes(tk:witness-description(.))"/>
      </xsl:for-each>
      <xsl:for-each select="$fd/tei:publicationStmt/tei:availability">
        <xsl:sequence select="'Licence &amp; ' || tex:meta(.)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($rows)">
\begin{{tkmeta}}
{string-join($rows, ' \\&#10;')} \\
\end{{tkmeta}}
</xsl:if>
    <xsl:if test="$fd/tei:notesStmt/tei:note[tex:meta(.) != '']">
\begin{{tknotes}}
<xsl:for-each select="$fd/tei:notesStmt/tei:note[tex:meta(.) != '']">{tex:meta(.)}\par
</xsl:for-each>\end{{tknotes}}
</xsl:if>
  </xsl:template>

  <!-- A biblFull as a catalogue cites it (tk:bibl-full-parts), its title in italics; its quotation
       marks set as in the header's other prose (tex:meta). -->
  <xsl:function name="tex:bibl-full" as="xs:string">
    <xsl:param name="b" as="element(tei:biblFull)"/>
    <xsl:variable name="english" select="starts-with(tk:lang($b), 'en')"/>
    <xsl:sequence select="string-join(tk:bibl-full-parts($b) ! (let $t := tex:prose(?text, $english, ())
                                                                return (if (?part = 'title') then '\textit{' || $t || '}' else $t) || ?after))"/>
  </xsl:function>

  <!-- Header prose, with its phrase markup but no apparatus, index or margin. -->
  <xsl:function name="tex:meta" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tex:meta-nodes($e/node())"/>
  </xsl:function>

  <xsl:function name="tex:meta-nodes" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="s" as="xs:string"><xsl:value-of><xsl:apply-templates select="$nodes" mode="tex:inline">
      <xsl:with-param name="ctx" select="'meta'" tunnel="yes"/></xsl:apply-templates></xsl:value-of></xsl:variable>
    <xsl:sequence select="normalize-space($s)"/>
  </xsl:function>

  <!-- The editorial principles of a text: its projectDesc and editorialDecl. -->
  <xsl:template name="tex:principles-of">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="decl" select="$tei/tei:teiHeader/tei:encodingDesc/(tei:editorialDecl | tei:samplingDecl)"/>
    <!-- a section with no text (a <p> that holds only a comment) is not printed as a bare label -->
    <xsl:variable name="sections" select="$decl/*[tex:meta(.) != '']"/>
    <xsl:if test="$sections">
\begin{{tknotes}}
<xsl:for-each select="$sections"><xsl:if test="not(self::tei:p)">\textit{{{tex:plain(upper-case(substring(local-name(), 1, 1)) || replace(substring(local-name(), 2), '([A-Z])', ' $1'))}.}} </xsl:if>{tex:meta(.)}\par
</xsl:for-each>\end{{tknotes}}
</xsl:if>
  </xsl:template>

  <!-- ============================================================ chunks to paragraphs -->

  <xsl:mode name="tex:chunk" on-no-match="fail" on-multiple-match="fail" use-accumulators="#all"/>

  <xsl:template match=".[. instance of map(*)]" mode="tex:chunk">
    <xsl:param name="key" as="xs:string" tunnel="yes"/>
    <xsl:variable name="el" select=".?el"/>
    <xsl:text>% tei: {$key} {path($el)}&#10;</xsl:text>
    <xsl:choose>
      <xsl:when test=".?kind = 'skip'">\medskip&#10;</xsl:when>
      <xsl:when test=".?kind = 'heading'">
        <xsl:variable name="depth" select="if (exists(.?depth)) then .?depth
            else count($el/ancestor::*[local-name() = ('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'floatingText')])"/>
        <xsl:variable name="text" as="xs:string"><xsl:value-of><xsl:apply-templates select=".?nodes" mode="tex:inline">
          <xsl:with-param name="ctx" select="'heading'" tunnel="yes"/></xsl:apply-templates></xsl:value-of></xsl:variable>
        <xsl:variable name="plain" select="tex:pdf-string(tk:reading-string(.?nodes))"/>
        <!-- the first heading of a division is its title; a date or subtitle is set above or below it -->
        <!-- a first heading that only repeats the text's title (a text of one division) is set as the
             title, not listed in the contents a second time under the text's own entry -->
        <xsl:variable name="repeats-title" select="$depth = 1 and empty($el/../preceding-sibling::*[tk:behaviour(.) = 'section'])
            and lower-case(normalize-space($plain)) = ($el/ancestor::*[self::tei:TEI or self::tei:teiCorpus][1] ! lower-case(tk:title(.)))"/>
        <xsl:variable name="command" select="if ($el/@type = ('sub', 'date') or $el/preceding-sibling::tei:head[not(@type = ('sub', 'date'))]) then ()
            else if ($depth = 0 or $repeats-title) then '\tkbodyhead' else if ($depth = 1) then '\eledsection' else if ($depth = 2) then '\eledsubsection' else '\eledsubsubsection'"/>
        <xsl:variable name="prose" select="if (tex:has-source-lines($el)) then '\tkprose{}' else ''"/>
        <xsl:choose>
          <xsl:when test="$command = '\tkbodyhead'">\pstart[\tkreset\tkbodyhead] {$prose}{normalize-space($text)}</xsl:when>
          <xsl:when test="exists($command)">
            <xsl:variable name="size" select="map{'\eledsection': '\Large', '\eledsubsection': '\large'}($command)"/>
            <xsl:text>\pstart[\tkreset]\tkheadlines{{{($size, '\normalsize')[1]}}}{$prose}{$command}{{\texorpdfstring{{{normalize-space($text)}}}{{{$plain}}}}}</xsl:text>
          </xsl:when>
          <xsl:otherwise>\pstart[\tkreset\tksubhead] {$prose}{normalize-space($text)}</xsl:otherwise>
        </xsl:choose>
        <!-- (reledmac sets a lemma in the font of its place: here not the heading's bold) -->
        <xsl:text>\normalfont{}</xsl:text>
        <xsl:call-template name="tex:deferred-entries">
          <xsl:with-param name="holder" select="$el"/>
          <xsl:with-param name="label" select="'\textit{head.}'"/>
        </xsl:call-template>
        <xsl:text>\pend&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lines" select="exists(.?nodes/descendant-or-self::tei:lb[tex:source-line(.)])"/>
        <!-- (first, so that the styles of the block set its alignment and add to its indentation) -->
        <xsl:variable name="style" select="distinct-values((if ($lines) then 'srclines' else (), .?style))"/>
        <!-- a paragraph in a language TeX cannot hyphenate is set loosely rather than into the margin -->
        <xsl:variable name="lang" select="tk:lang(($el, (.?nodes)[1]/parent::*)[1])"/>
        <!-- a paragraph written the other way than its text (English in a Hebrew text) runs from its own side -->
        <xsl:variable name="dir" select="tk:direction($lang)[. != tk:direction(tk:text-lang(($el, (.?nodes)[1])[1]/ancestor::*[self::tei:TEI or self::tei:teiCorpus][last()]))]"/>
        <xsl:variable name="setup" select="string-join(('\tkreset', $style ! ('\tk' || .),
                                           if (tex:hyphenation($lang) = 'nohyphenation') then '\sloppy' else (),
                                           $dir ! (if (. = 'ltr') then '\pardir TLT\textdir TLT ' else '\pardir TRT\textdir TRT ')))"/>
        <xsl:variable name="body" as="xs:string"><xsl:value-of><xsl:apply-templates select=".?nodes" mode="tex:inline">
          <xsl:with-param name="tex:carried" select=".?carried" tunnel="yes"/></xsl:apply-templates></xsl:value-of></xsl:variable>
        <xsl:if test="normalize-space($body)">
          <xsl:text>\pstart[{$setup}] </xsl:text>
          <xsl:if test="$el/self::tei:item/parent::tei:list[@type = 'ordered' or @rend = 'numbered'] and .?nodes[1] is $el/node()[1]">
            <xsl:text>{count($el/preceding-sibling::tei:item) + 1}.\enspace{{}}</xsl:text>
          </xsl:if>
          <xsl:if test="exists(.?label)">\textbf{{{tex:plain(.?label)}}}\enspace{{}}</xsl:if>
          <xsl:if test="$lines">\tksrcstart{{}}</xsl:if>
          <xsl:if test="not($lines) and tex:has-source-lines($el)">\tkprose{{}}</xsl:if>
          <xsl:value-of select="replace(normalize-space($body), '^\s+', '')"/>
          <xsl:text>{if ($lines) then '\tksrcdone' else ''}\pend&#10;</xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
