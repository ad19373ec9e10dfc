<?xml version="1.0" encoding="UTF-8"?>
<!--
  How each behaviour looks in HTML: one template per behaviour, in mode
  html:render.  Every element keeps its TEI name (class tei-NAME and
  data-tei), xml:id becomes id, xml:lang becomes lang.  What is read (the
  reading of a choice, the label of a note) comes from xslt/common.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:html="urn:teikit:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="html:render" on-no-match="fail" on-multiple-match="fail"/>

  <!-- The register (persons, places, organisations, works), if there is one. -->
  <xsl:param name="register" as="document-node()?" select="()"/>

  <!-- ============================================================ dispatch -->

  <xsl:template match="text()" mode="html:render">{tk:text(.)}</xsl:template>
  <!-- the text after a quotation, whose closing marks the quotation has given (quotations.xsl) -->
  <xsl:template match="text()[preceding-sibling::node()[1][self::tei:quote[@source]][tk:behaviour(.) = 'inline']]"
                mode="html:render" priority="1">{substring(tk:text(.), string-length(html:marks-after(preceding-sibling::node()[1])) + 1)}</xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="html:render"/>
  <!-- A note in a bibliographic description of the header (a source's "after the first printing"): the page
       lists no notes of its header to anchor a marker in, so the note stands in brackets where it is. -->
  <xsl:template match="tei:note[ancestor::tei:teiHeader][ancestor::tei:bibl or ancestor::tei:biblStruct or ancestor::tei:biblFull]"
                mode="html:render" priority="1">
    <xsl:text> </xsl:text>
    <span><xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'note-inline'"/></xsl:call-template>[<xsl:apply-templates mode="html:render"/>]</span>
  </xsl:template>

  <!-- An utterance of a transcription of speech (ISO 24624): its speaker above it, as in a play, and its
       annotations (a translation, a comment) on lines under it. -->
  <xsl:template match="tei:annotationBlock | tei:u[@who][not(parent::tei:annotationBlock)]" mode="html:render" priority="1">
    <div>
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'utterance'"/></xsl:call-template>
      <xsl:if test="@who"><p class="tei-speaker" data-who="{@who}">{string-join(tk:speaker-names(.), ', ')}</p></xsl:if>
      <xsl:choose>
        <xsl:when test="self::tei:u"><xsl:call-template name="html:block"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="node() except tei:spanGrp" mode="html:render"/></xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="tk:utterance-annotations(.)">
        <p class="utterance-annotation" lang="{tk:lang(.)}"><xsl:sequence select="html:dir(tk:lang(.), tk:lang(..))"/>
          <xsl:if test="@type"><span class="annotation-type" lang="en">{@type}: </span></xsl:if>{normalize-space(.)}</p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- A licence named only by its address (ELTeC: <licence target="https://creativecommons.org/…"/>) shows
       the address, or its row would be empty. -->
  <xsl:template match="tei:licence[@target][not(normalize-space())]" mode="html:render" priority="1">
    <xsl:variable name="url" select="tk:safe-url(tokenize(@target)[1])"/>
    <div><xsl:call-template name="html:attributes"/>
      <xsl:choose>
        <xsl:when test="matches($url, '^https?://')"><a href="{$url}">{$url}</a></xsl:when>
        <xsl:otherwise>{normalize-space(@target)}</xsl:otherwise>
      </xsl:choose></div>
  </xsl:template>

  <xsl:template match="*" mode="html:render">
    <xsl:variable name="b" select="tk:behaviour(.)"/>
    <xsl:if test="tk:glued(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:choose>
      <xsl:when test="$b = ('metadata', 'omit')"><xsl:call-template name="html:omit"/></xsl:when>
      <xsl:when test="$b = ('document', 'text', 'body')"><xsl:call-template name="html:container"/></xsl:when>
      <xsl:when test="$b = 'section'"><xsl:call-template name="html:section"/></xsl:when>
      <xsl:when test="$b = 'heading'"><xsl:call-template name="html:heading"/></xsl:when>
      <xsl:when test="$b = 'paragraph'"><xsl:call-template name="html:paragraph"/></xsl:when>
      <xsl:when test="$b = 'block'"><xsl:call-template name="html:block"/></xsl:when>
      <!-- a reference string or name that points to an entry the page shows (a letter's index of persons
           in its back: <rs ref="#pmb11485">) leads to it -->
      <xsl:when test="$b = 'inline' and html:names-entry(.)"><xsl:call-template name="html:link"/></xsl:when>
      <xsl:when test="$b = 'inline'"><xsl:call-template name="html:inline"/></xsl:when>
      <xsl:when test="$b = 'note'"><xsl:call-template name="html:note"/></xsl:when>
      <xsl:when test="$b = 'link'"><xsl:call-template name="html:link"/></xsl:when>
      <xsl:when test="$b = 'alternate'"><xsl:call-template name="html:alternate"/></xsl:when>
      <xsl:when test="$b = 'list'"><xsl:call-template name="html:list"/></xsl:when>
      <xsl:when test="$b = 'listItem'"><xsl:call-template name="html:list-item"/></xsl:when>
      <xsl:when test="$b = 'break'"><xsl:call-template name="html:break"/></xsl:when>
      <xsl:when test="$b = 'anchor'"><span id="{tk:id(.)}" class="tei-anchor" data-tei="anchor"/></xsl:when>
      <xsl:when test="$b = 'cit'"><xsl:call-template name="html:cit"/></xsl:when>
      <xsl:when test="$b = 'figure'"><xsl:call-template name="html:figure"/></xsl:when>
      <xsl:when test="$b = 'table'"><xsl:call-template name="html:table"/></xsl:when>
      <xsl:when test="$b = 'row'"><tr><xsl:call-template name="html:attributes"/>
        <xsl:apply-templates select="node() except *[html:is-stray(.)]" mode="html:render"/></tr></xsl:when>
      <xsl:when test="$b = 'cell'"><xsl:call-template name="html:cell"/></xsl:when>
      <xsl:when test="$b = 'graphic'"><xsl:call-template name="html:graphic"/></xsl:when>
      <xsl:when test="$b = 'glyph'"><xsl:call-template name="html:inline"/></xsl:when>
      <xsl:when test="tk:is-comment(.)"><xsl:call-template name="html:app-comment"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="html:generic"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ shared pieces -->

  <!-- The TEI identity of an HTML element: its name, id, language, rendition. -->
  <xsl:template name="html:attributes" as="attribute()*">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:attribute name="class" select="string-join(('tei-' || local-name(), $class,
        tokenize(@rend) ! ('rend-' || replace(., '[^\w-]', '')), @type ! ('type-' || replace(., '[^\w-]', '')),
        tokenize(@rendition) ! ('rendition-' || replace(replace(., '^.*[#:]', ''), '[^\w-]', '')),
        @reason ! ('reason-' || replace(., '[^\w-]', '')), html:line-alignment(.)), ' ')"/>
    <xsl:attribute name="data-tei" select="local-name()"/>
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="tk:id(.)"/></xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="tk:bcp47(@xml:lang)"/>
      <xsl:sequence select="html:dir(tk:lang(.), tk:lang(..))"/>
    </xsl:if>
  </xsl:template>

  <!-- A passage of running text that the source sets apart on a line of its own, aligned (Bellini's
       <hi rend="align(right)">Il tuo Vincenzillo</hi> after a line break): the passage is that line,
       drawn as a block aligned as the source has it (classes aligned-line and align-right).  A passage
       that shares its line with other words keeps only its rend class: part of a line cannot be aligned. -->
  <xsl:function name="html:line-alignment" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="align" select="(tokenize($e/@rend) ! replace(., '^align\(?-?(right|center|centre)\)?$', '$1')
        [. = ('right', 'center', 'centre')])[1] ! replace(., 'centre', 'center')"/>
    <xsl:if test="exists($align) and tk:behaviour($e) = 'inline' and tk:in-phrase($e) and html:is-own-line($e)">
      <xsl:sequence select="'aligned-line', 'align-' || $align"/>
    </xsl:if>
  </xsl:function>

  <!-- Does an element stand alone on its line: no words between the line break (or the start of its
       block) before it and itself, nor between itself and the next line break (or the end of its block)? -->
  <xsl:function name="html:is-own-line" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="block" select="tk:line-block($e)"/>
    <xsl:variable name="before" select="$e/preceding::tei:lb[1][. &gt;&gt; $block]"/>
    <xsl:variable name="after" select="$e/following::tei:lb[1][some $b in ancestor::* satisfies $b is $block]"/>
    <xsl:sequence select="empty($block//text()[normalize-space()][not(ancestor::tei:note)]
        [. &lt;&lt; $e][empty($before) or . &gt;&gt; $before])
        and empty($block//text()[normalize-space()][not(ancestor::tei:note)]
        [. &gt;&gt; $e][not(ancestor::* intersect $e)][empty($after) or . &lt;&lt; $after])"/>
  </xsl:function>

  <!-- A dir attribute where a passage's writing direction differs from its surroundings' (a Hebrew
       word in English text, an English note in a Hebrew text); browsers order the rest themselves.
       No language (xml:lang="") means no direction of its own: the browser takes it from the passage's
       first letters (auto), and a passage inside one says its direction whatever it is. -->
  <xsl:function name="html:dir" as="attribute(dir)?">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="around" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$lang = ''"><xsl:attribute name="dir" select="'auto'"/></xsl:when>
      <xsl:when test="$around = '' or tk:direction($lang) != tk:direction($around)">
        <xsl:attribute name="dir" select="tk:direction($lang)"/></xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- Paragraphs of the text are numbered and citable, block quotations and quoted documents
       included; those of notes, list items, speeches, figures, readings and epigraphs are not, nor
       a paragraph inside another one. -->
  <xsl:function name="html:is-numbered" as="xs:boolean">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="exists($p/ancestor::tei:text) and tk:behaviour($p) = 'paragraph'
        and not($p/ancestor::tei:note | $p/ancestor::tei:item | $p/ancestor::tei:figure | $p/ancestor::tei:sp
                | $p/ancestor::tei:lem | $p/ancestor::tei:rdg | $p/ancestor::tei:epigraph)
        and not($p/ancestor::*[tk:behaviour(.) = 'paragraph'])"/>
  </xsl:function>

  <!-- Paragraph numbers, counted once in document order (xsl:number per paragraph would be quadratic). -->
  <xsl:accumulator name="html:paragraphs" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="(tei:TEI | tei:teiCorpus)[not(ancestor::tei:teiCorpus)]" select="0"/>
    <xsl:accumulator-rule match="tei:p[html:is-numbered(.)]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="html:paragraph-number" as="xs:integer">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="$p/accumulator-before('html:paragraphs')"/>
  </xsl:function>

  <!-- ============================================================ behaviours -->

  <xsl:template name="html:omit">
    <xsl:context-item as="element()" use="required"/>
    <!-- forme work and page furniture are the source's: shown only in the source view -->
    <xsl:if test="self::tei:fw">
      <span class="tei-fw source-only" data-tei="fw" data-type="{@type}">
        <xsl:apply-templates mode="html:render"/>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html:container">
    <xsl:context-item as="element()" use="required"/>
    <div><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></div>
  </xsl:template>

  <xsl:template name="html:section">
    <xsl:context-item as="element()" use="required"/>
    <section>
      <xsl:call-template name="html:attributes"/>
      <xsl:attribute name="id" select="tk:id(.)"/>
      <!-- a member of a corpus is headed by the title (and authors) of its own header -->
      <xsl:for-each select="self::*[self::tei:TEI or self::tei:teiCorpus][parent::tei:teiCorpus]/tei:teiHeader/tei:fileDesc/tei:titleStmt[tei:title]">
        <xsl:element name="h{min((6, 1 + count(ancestor::tei:teiCorpus)))}">
          <xsl:attribute name="class" select="'member-title'"/>
          <xsl:value-of select="normalize-space(tk:reading-string(tei:title[1]/node()))"/>
        </xsl:element>
        <!-- (the names only, as the text's own page gives them: no authority numbers) -->
        <xsl:variable name="authors" select="tk:authors(ancestor::*[self::tei:TEI or self::tei:teiCorpus][1])"/>
        <xsl:if test="exists($authors)"><p class="member-authors">{string-join($authors, '; ')}</p></xsl:if>
        <xsl:call-template name="html:member-meta"/>
      </xsl:for-each>
      <!-- the standard parts of an epigraphic edition are named, as EpiDoc's own editions name them -->
      <xsl:for-each select="self::tei:div[not(tei:head)][@type = map:keys($html:part-names)][../tei:div[@type = 'edition']]">
        <xsl:element name="h{max((2, min((6, 2 + count(ancestor::*[tei:head[tk:is-section-head(.)]])))))}">
          <xsl:attribute name="class" select="'part-head'"/>
          <xsl:attribute name="lang" select="'en'"/>
          <xsl:value-of select="$html:part-names(string(@type)) || (if (@type = 'translation' and @xml:lang)
              then ' (' || html:language-name(@xml:lang) || ')' else '')"/>
        </xsl:element>
      </xsl:for-each>
      <xsl:apply-templates mode="html:render"/>
    </section>
  </xsl:template>

  <xsl:variable name="html:part-names" as="map(xs:string, xs:string)" select="map{'edition': 'Text',
      'translation': 'Translation', 'commentary': 'Commentary', 'apparatus': 'Apparatus', 'bibliography': 'Bibliography'}"/>

  <xsl:function name="html:language-name" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="names" select="map{'en': 'English', 'de': 'German', 'fr': 'French', 'it': 'Italian', 'es': 'Spanish',
        'la': 'Latin', 'grc': 'Ancient Greek', 'el': 'Greek', 'nl': 'Dutch', 'pt': 'Portuguese', 'ru': 'Russian'}"/>
    <xsl:variable name="primary" select="substring-before(tk:bcp47($code) || '-', '-')"/>
    <xsl:sequence select="($names($primary), $code)[1]"/>
  </xsl:function>

  <!-- What the header of a corpus member says of it besides title and authors: its sources and when it
       was written (a corpus gathers texts of different origins). -->
  <xsl:template name="html:member-meta">
    <xsl:context-item as="element(tei:titleStmt)" use="required"/>
    <xsl:variable name="header" select="ancestor::tei:teiHeader[1]"/>
    <xsl:variable name="sources" select="html:sources($header)"/>
    <xsl:variable name="written" select="$header/tei:profileDesc/tei:creation[normalize-space()]"/>
    <xsl:if test="$sources or $written">
      <dl class="member-meta">
        <xsl:for-each select="$sources"><dt lang="en">Source</dt><dd><xsl:apply-templates select="." mode="html:source"/></dd></xsl:for-each>
        <xsl:for-each select="$written"><dt lang="en">Written</dt><dd><xsl:apply-templates select="node()" mode="html:render"/></dd></xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html:heading">
    <xsl:context-item as="element()" use="required"/>
    <xsl:choose>
      <xsl:when test="tk:is-section-head(.)">
        <xsl:element name="h{html:heading-level(.)}">
          <xsl:call-template name="html:attributes"/>
          <xsl:attribute name="id" select="tk:id(.)"/>
          <xsl:apply-templates mode="html:render"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="rendered" as="node()*"><xsl:apply-templates mode="html:render"/></xsl:variable>
        <xsl:variable name="content" as="node()*"><xsl:call-template name="html:speaker-link"><xsl:with-param name="content" select="$rendered"/></xsl:call-template></xsl:variable>
        <xsl:element name="{html:p-or-div($content)}">
          <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'heading'"/></xsl:call-template>
          <xsl:if test="ancestor::tei:text"><xsl:attribute name="id" select="tk:id(.)"/></xsl:if>
          <xsl:sequence select="$content"/></xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The speaker of a speech whose @who names a person of the play's own list (DraCor's particDesc:
       <sp who="#leonce"><speaker>LEONCE.</speaker>) leads to that person in the list the page shows
       after the text (html:index), and its title names the person, as DraCor's and TEI Publisher's
       readers name a speech's character.  A speaker of several persons (BEIDE.) names them all; one
       holding a link or a note of its own keeps it and has the title only (links do not nest). -->
  <xsl:template name="html:speaker-link" as="node()*">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:variable name="persons" select="self::tei:speaker/parent::tei:sp ! html:speech-persons(.)"/>
    <xsl:choose>
      <xsl:when test="empty($persons)"><xsl:sequence select="$content"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="names" select="string-join($persons ! html:person-summary(.), '; ')"/>
        <xsl:element name="{if (count($persons) = 1 and not(.//*[tk:behaviour(.) = ('note', 'link')] or .//*[html:names-entry(.)])) then 'a' else 'span'}">
          <xsl:attribute name="class" select="'speaker-person'"/>
          <xsl:if test="count($persons) = 1"><xsl:attribute name="href" select="'#' || tk:id($persons)"/></xsl:if>
          <xsl:attribute name="title" select="$names"/>
          <xsl:sequence select="$content"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The persons (and groups) of the document's own list that a speech's @who names. -->
  <xsl:function name="html:speech-persons" as="element()*">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="(tokenize($sp/@who) ! tk:local-target(., $sp))[self::tei:person or self::tei:personGrp]
        [html:is-index-entry(.)]"/>
  </xsl:function>

  <!-- A person of the document's own list in a few words: the name, and the encoders' note on it. -->
  <xsl:function name="html:person-summary" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:sequence select="string-join((tk:own-entry-name($person),
        $person/tei:note[normalize-space()][1] ! normalize-space(tk:reading-string(node())))[. != ''], ': ')"/>
  </xsl:function>

  <!-- A heading's level is that of the nesting the page shows: the headed divisions around it (h1 is the
       title). A division without a heading, a quoted document or a corpus member adds none, so that no
       level is skipped: Serge's "Supplementary notes", in a document quoted in a chapter, is an h3.
       A subtitle or a date under a heading is one level below it. -->
  <xsl:function name="html:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:variable name="under" select="if ($head/@type = ('sub', 'date') and $head/preceding-sibling::tei:head) then 1 else 0"/>
    <xsl:sequence select="max((2, min((6, 1 + count($head/ancestor::*[tei:head[tk:is-section-head(.)]]) + $under))))"/>
  </xsl:function>

  <!-- An HTML p holds phrasing content only: a browser ends it at the first block it meets (a list, a
       figure, a block quotation, a table, even inside a span), and the text after the block falls out of
       the numbered paragraph.  So a paragraph whose rendering holds a block is a div with the same
       classes and id (a ration list inside Serge's sentence); notes are only markers here. -->
  <xsl:variable name="html:blocks" as="xs:string+" select="('address', 'article', 'aside', 'blockquote', 'details',
      'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
      'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul')"/>

  <xsl:function name="html:p-or-div" as="xs:string">
    <xsl:param name="content" as="node()*"/>
    <xsl:sequence select="if (exists($content/descendant-or-self::*[local-name() = $html:blocks])) then 'div' else 'p'"/>
  </xsl:function>

  <xsl:template name="html:paragraph">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="content" as="node()*"><xsl:apply-templates mode="html:render"/></xsl:variable>
    <xsl:element name="{html:p-or-div($content)}">
      <xsl:call-template name="html:attributes"/>
      <xsl:call-template name="html:line-id"/>
      <xsl:if test="html:is-numbered(.)">
        <xsl:variable name="n" select="html:paragraph-number(.)"/>
        <xsl:variable name="id" select="tk:id(.)"/>
        <xsl:attribute name="id" select="$id"/>
        <xsl:attribute name="data-n" select="$n"/>
        <a class="pnum" href="#{$id}" aria-label="Paragraph {$n}: permanent link">{$n}</a>
      </xsl:if>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="html:block">
    <xsl:context-item as="element()" use="required"/>
    <xsl:choose>
      <xsl:when test="self::tei:quote"><xsl:call-template name="html:block-quote"/></xsl:when>
      <xsl:when test="tk:in-phrase(.)">
        <span><xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'block-in-phrase'"/></xsl:call-template>
          <xsl:call-template name="html:line-id"/><xsl:call-template name="html:verse-number"/>
          <xsl:apply-templates mode="html:render"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div><xsl:call-template name="html:attributes"/><xsl:call-template name="html:line-id"/><xsl:call-template name="html:verse-number"/>
          <!-- a reference known by its series' siglum only (EpiDoc: <bibl type="bulletin" n="SEG">) -->
          <xsl:if test="self::tei:bibl[@n][not(tei:author or tei:editor or tei:title)]"><span class="bibl-n">{@n}</span><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates mode="html:render"/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A verse line is citable, and a search result leads to it. -->
  <xsl:template name="html:line-id" as="attribute()?">
    <xsl:context-item as="element()" use="required"/>
    <xsl:if test="(self::tei:l or html:is-text-block(.)) and ancestor::tei:text"><xsl:attribute name="id" select="tk:id(.)"/></xsl:if>
  </xsl:template>

  <!-- A block of text that no numbered paragraph, heading, verse line or note holds: a speech's
       paragraph, an inscription's ab, a cast item, a stage direction, a letter's salute.  It has an
       anchor, and search finds its words there (site.xsl). -->
  <xsl:function name="html:is-text-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not(html:is-record($e)) and html:holds-text($e)
        and not($e/ancestor::*[html:is-record(.) or html:holds-text(.)])"/>
  </xsl:function>

  <!-- A block that holds text of its own: words directly in it or in a phrase of it (a dateline's
       sentence), or only phrases (a cast item of a role and its description); not only blocks (a speech
       of a speaker and paragraphs). -->
  <xsl:function name="html:holds-text" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="html:is-blockish($e) and normalize-space($e) != ''
        and (exists($e/text()[normalize-space()]) or exists($e/*[normalize-space()][not(html:is-blockish(.))])
             or empty($e/descendant::*[html:is-blockish(.)][1]))"/>
  </xsl:function>

  <xsl:function name="html:is-blockish" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor::tei:text) and tk:behaviour($e) = ('paragraph', 'heading', 'block', 'listItem', 'cell', 'generic')
        and not(tk:in-phrase($e))"/>
  </xsl:function>

  <!-- What search finds as a unit with an anchor of its own: a numbered paragraph, a heading, a verse
       line, a note. -->
  <xsl:function name="html:is-record" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:p[html:is-numbered(.)] or self::tei:head or self::tei:l
                                    or self::tei:note[tk:is-flow-note(.)]])"/>
  </xsl:function>

  <xsl:template name="html:inline">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="meaning" select="if (self::tei:date or self::tei:docDate) then tk:date-meaning(.) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($meaning)">
        <xsl:element name="{if (matches(@when, '^\d{4}(-\d{2}(-\d{2})?)?$')) then 'time' else 'span'}">
          <xsl:call-template name="html:attributes"/>
          <xsl:if test="matches(@when, '^\d{4}(-\d{2}(-\d{2})?)?$')"><xsl:attribute name="datetime" select="@when"/></xsl:if>
          <xsl:attribute name="title" select="$meaning"/>
          <xsl:apply-templates mode="html:render"/>
        </xsl:element>
      </xsl:when>
      <xsl:when test="self::tei:quote"><xsl:call-template name="html:inline-quote"/></xsl:when>
      <xsl:when test="tk:is-code(.) and not(tk:is-code(..))">
        <code><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></code>
      </xsl:when>
      <xsl:when test="self::tei:emph or (self::tei:hi and contains-token(@rend, 'italic'))">
        <em><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></em>
      </xsl:when>
      <xsl:when test="self::tei:hi and (tokenize(@rend) = ('superscript', 'sup') or contains-token(@rendition, '#sup'))">
        <sup><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></sup>
      </xsl:when>
      <xsl:when test="self::tei:hi and (tokenize(@rend) = ('subscript', 'sub') or contains-token(@rendition, '#sub'))">
        <sub><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></sub>
      </xsl:when>
      <!-- an editorial sign (common's tk:sign): Leiden's vac. and (- - -), […] for letters not read, [sic] -->
      <xsl:when test="exists(tk:sign(.))"><xsl:call-template name="html:signed"/></xsl:when>
      <!-- a glyph encoded by reference only (<g ref="#char-x"/>) is the character its declaration maps it to -->
      <xsl:when test="self::tei:g and not(node())">
        <xsl:variable name="glyph" select="tk:local-target(string(@ref), .)[self::tei:glyph or self::tei:char]"/>
        <span><xsl:call-template name="html:attributes"/>
          <xsl:attribute name="title" select="normalize-space(($glyph/(tei:localProp[@name = 'Name']/@value, tei:glyphName, tei:charName, tei:desc), @ref)[1])"/>
          <xsl:value-of select="($glyph/tei:mapping[@type = ('standard', 'normalized')], $glyph/tei:mapping)[1]"/></span>
      </xsl:when>
      <!-- a long s the transcription writes s, with a rendition that says so (Schnitzler's letters:
           <c rendition="#langesS">s</c>): s in the edited text, ſ in the source view, as an early print's
           regularised letters -->
      <xsl:when test="self::tei:c and html:is-long-s(.)">
        <span><xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'long-s'"/></xsl:call-template>
          <span class="reading"><xsl:apply-templates mode="html:render"/></span><span class="source" hidden="" title="long s">ſ</span></span>
      </xsl:when>
      <xsl:when test="self::tei:del">
        <del><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></del>
      </xsl:when>
      <xsl:when test="self::tei:add">
        <ins><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></ins>
      </xsl:when>
      <xsl:when test="self::tei:space">
        <span><xsl:call-template name="html:attributes"/><xsl:attribute name="title" select="'space in the source'"/><xsl:text> </xsl:text></span>
      </xsl:when>
      <xsl:when test="self::tei:gap">
        <span><xsl:call-template name="html:attributes"/>
          <xsl:attribute name="title" select="string-join(('text omitted or lost', @reason, @quantity, @unit), ' ')"/>[…<xsl:if
            test="tei:desc[normalize-space()]"><xsl:text> </xsl:text><span class="gap-desc">{normalize-space(tei:desc[1])}</span></xsl:if>]</span>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element shown with its editorial sign: its words, then the sign (vac. in Latin and italic, with
       the count of letters after it). -->
  <xsl:template name="html:signed">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="sign" select="tk:sign(.)"/>
    <span>
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'abbr-unresolved'[current()/self::tei:abbr]"/></xsl:call-template>
      <xsl:attribute name="title" select="if (self::tei:abbr) then 'abbreviation, not expanded'
          else if (self::tei:space) then string-join(('space left empty', @quantity, @unit[../@quantity], @extent), ' ')
          else if (self::tei:unclear) then string-join(('illegible', @reason[. != 'illegible']), ': ')
          else 'so in the source'"/>
      <xsl:apply-templates mode="html:render"/>
      <xsl:choose>
        <xsl:when test="self::tei:space"><i class="vac" lang="la">{tokenize($sign)[1]}</i>{tokenize($sign)[position() gt 1] ! (' ' || .)}</xsl:when>
        <xsl:when test="self::tei:unclear">{$sign}</xsl:when>
        <xsl:otherwise><xsl:if test="self::tei:sic"><xsl:text> </xsl:text></xsl:if><span class="sign">{$sign}</span></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- Is a character an s the source writes long?  Its rendition says so: the header's declaration of it
       (tagsDecl/rendition) gives ſ or names the long s; a rendition the header does not declare (the
       Schnitzler letters declare theirs in the project's files) is known by its name (langesS, longS).
       ſ is looked for case-sensitively: without case, it matches every s. -->
  <xsl:function name="html:is-long-s" as="xs:boolean">
    <xsl:param name="c" as="element()"/>
    <xsl:sequence select="string($c) = 's' and empty($c/*) and (some $r in tokenize($c/@rendition) satisfies
        (let $declared := tk:local-target($r, $c)[self::tei:rendition]
         return if (exists($declared)) then (contains(string($declared), 'ſ')
                    or matches(string($declared), '(long|lang(es)?)[ -]?s([^\p{L}]|$)', 'i'))
                else matches(replace($r, '^.*[#:]', ''), '^(lang(es)?|long)[-_]?s$', 'i')))"/>
  </xsl:function>

  <!-- A note stays out of the flow: a marker here, the note in the notes at the end. -->
  <xsl:template name="html:note">
    <xsl:context-item as="element()" use="required"/>
    <xsl:if test="not(html:in-link(.) or html:is-endnote(.))"><xsl:call-template name="html:note-marker"/></xsl:if>
  </xsl:template>

  <!-- An endnote of the source: a note standing between blocks (in the back, after the text) that the text
       points to (a novel's <ref target="#footnote1">[1]</ref>, a letter's <ptr target="#note1"/>).  The
       pointer is its marker, and opens it as a marker does; where the note stands, no marker is shown (a
       row of bare numbers at the end of the text would lead only to the notes). -->
  <xsl:function name="html:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists(tk:note-pointers($note))"/>
  </xsl:function>

  <!-- A pointer to an endnote: its words as the text has them ("[1]", or "note 2" for an empty one), and
       the note's marker (it opens the note; the first pointer is where the note's back link returns). -->
  <xsl:template name="html:endnote-pointer">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="id" select="tk:id($note)"/>
    <a href="#{$id}" role="doc-noteref" data-note="{$id}" aria-label="{html:note-name($note)}">
      <!-- an empty pointer that touches the word before it stands where a marker stands (lass<ptr/>,):
           it is one, with the note's label -->
      <xsl:variable name="marker" select="not(node()) and matches(string(preceding-sibling::node()[1][self::text()]), '\S$')"/>
      <xsl:call-template name="html:attributes">
        <xsl:with-param name="class" select="('note-ref', 'note-' || tk:note-kind($note), 'note-pointer'[not($marker)])"/>
      </xsl:call-template>
      <xsl:if test="tk:note-pointers($note)[1] is ."><xsl:attribute name="id" select="'ref-' || $id"/></xsl:if>
      <xsl:apply-templates mode="html:render"/>
      <xsl:choose>
        <xsl:when test="$marker"><xsl:sequence select="html:note-labels($note)"/></xsl:when>
        <xsl:when test="not(node())">{tk:pointer-text(.)}</xsl:when>
      </xsl:choose>
    </a>
  </xsl:template>

  <xsl:template name="html:note-marker">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="id" select="tk:id(.)"/>
    <a class="note-ref note-{tk:note-kind(.)}" id="ref-{$id}" href="#{$id}" role="doc-noteref" data-note="{$id}"
       aria-label="{html:note-name(.)}"><xsl:sequence select="html:note-labels(.)"/></a>
  </xsl:template>

  <!-- A note's label as the page shows it, the edition's and the source's (for the source view). -->
  <xsl:function name="html:note-labels" as="element()+">
    <xsl:param name="note" as="element()"/>
    <span class="label-edited">{tk:note-label($note)}</span><span class="label-source">{tk:note-source-label($note)}</span>
  </xsl:function>

  <xsl:function name="html:note-name" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="(if (tk:note-kind($note) = 'editorial') then 'Editorial note ' else 'Note ') || tk:note-label($note)"/>
  </xsl:function>

  <!-- Where a link goes: the register entry of a name, else a safe absolute URL (none for javascript:
       and the like), else an element the page shows with its id (#id). A relative target names a file
       of the encoders' own project (TEI-ListBibl.xml#x, a letter L02845, a person pmb2121), which the
       site does not have: such a link would lead nowhere, so it is shown as text; so is a #id the page
       has no anchor for. -->
  <xsl:function name="html:href" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="entry" select="if ($e/@ref) then tk:entry($e, $register) else ()"/>
    <xsl:variable name="url" select="tk:safe-url(($e/@target, $e/@ref)[1] ! tokenize(.)[1])"/>
    <xsl:variable name="local" select="(tk:target($e)[html:has-anchor(.)], html:index-target($e))[1]"/>
    <xsl:sequence select="if ($entry) then '../registers/' || tk:entry-kind($entry) || '.html#' || tk:id($entry)
                          else if (starts-with($url, '#')) then $local ! ('#' || tk:id(.))
                          else if (matches($url, '^[a-z][a-z0-9+.-]*:', 'i')) then $url
                          else ()"/>
  </xsl:function>

  <!-- The entry of the document's own index of persons, places and organisations (in its header or
       standOff: a letter edition's listPerson in sourceDesc) that a name of the text points to; the page
       lists such entries after the text (page.xsl, html:index). -->
  <xsl:function name="html:index-target" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e[ancestor::tei:text] ! tk:target(.)[html:is-index-entry(.)]"/>
  </xsl:function>

  <xsl:function name="html:is-index-entry" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:person or self::tei:personGrp or self::tei:place or self::tei:org]
        [@xml:id][ancestor::tei:teiHeader or ancestor::tei:standOff])"/>
  </xsl:function>

  <!-- Does the page show an element with its id (so that #id leads to it)?  Not the header, not what is
       omitted, not a line break (a br without id), not a note the apparatus shows as plain text.  Not
       a choice or app itself (its span has the id of its apparatus entry's anchor, app-…-ref), nor its
       reading (whose span carries no id), nor anything of the source's readings (sic, rdg …), which
       are in a hidden span; what the shown reading (corr, lem) holds is on the page with its ids. -->
  <xsl:function name="html:has-anchor" as="xs:boolean">
    <xsl:param name="t" as="element()"/>
    <xsl:sequence select="exists($t/ancestor::tei:text) and not($t/self::tei:lb)
        and not($t/ancestor-or-self::*[tk:behaviour(.) = ('omit', 'metadata')])
        and tk:behaviour($t) != 'alternate'
        and not($t/ancestor-or-self::*[parent::*[tk:behaviour(.) = 'alternate']]
                                      [. is $t or empty(. intersect tk:reading(..))])
        and not($t/ancestor-or-self::tei:note[not(tk:is-flow-note(.))])
        and not($t/ancestor-or-self::tei:witDetail)"/>
  </xsl:function>

  
  <!-- HTML links do not nest: inside a link, names are plain and markers move after the link. -->
  <xsl:function name="html:in-link" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor::*[tk:behaviour(.) = 'link' or html:names-entry(.)][exists(html:href(.))])"/>
  </xsl:function>

  <!-- A reference string or a name (behaviour inline) that points to an entry the page shows, a letter's
       index of persons in its back (<rs ref="#pmb11485">Goldmann</rs>): it leads there. -->
  <xsl:function name="html:names-entry" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:rs or self::tei:name][ancestor::tei:text][normalize-space()]
        [starts-with(normalize-space(@ref), '#')][exists(html:href(.))])"/>
  </xsl:function>

  <xsl:template name="html:link">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="entry" select="if (@ref) then tk:entry(., $register) else ()"/>
    <xsl:variable name="href" select="html:href(.)"/>
    <xsl:variable name="self" select="."/>
    <xsl:variable name="endnote" select="tk:target(.)[self::tei:note][some $p in tk:note-pointers(.) satisfies $p is $self]"/>
    <xsl:choose>
      <xsl:when test="exists($href) and html:in-link(.)">
        <span><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></span>
      </xsl:when>
      <xsl:when test="exists($endnote)">
        <xsl:call-template name="html:endnote-pointer"><xsl:with-param name="note" select="$endnote"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="exists($href)">
        <a href="{$href}">
          <xsl:call-template name="html:attributes"/>
          <xsl:if test="$entry">
            <xsl:attribute name="data-entry" select="$entry/@xml:id"/>
            <xsl:attribute name="aria-describedby" select="'card-' || $entry/@xml:id"/>
          </xsl:if>
          <xsl:apply-templates mode="html:render"/>
          <xsl:if test="not(node())">{tk:pointer-text(.)}</xsl:if>
        </a>
        <xsl:for-each select=".//(tei:choice | tei:app)[html:is-listed(.)]">
          <a class="app-ref" href="#app-{tk:id(.)}" aria-label="Apparatus entry {tk:entry-number(.)}"/>
        </xsl:for-each>
        <xsl:for-each select=".//tei:note[tk:is-flow-note(.)][not(html:is-endnote(.))]"><xsl:call-template name="html:note-marker"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <!-- a pointer that leads nowhere on this site keeps its target in view, as text -->
        <xsl:variable name="elsewhere" select="@target[not(matches(., '^\s*[a-z][a-z0-9+.-]*:', 'i'))]"/>
        <span><xsl:call-template name="html:attributes"/>
          <xsl:if test="$elsewhere"><xsl:attribute name="title" select="$elsewhere"/></xsl:if>
          <xsl:apply-templates mode="html:render"/>
          <xsl:if test="not(node()) and $elsewhere">[{$elsewhere}]</xsl:if></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    An emendation or a variant: the reading, with the source's reading kept
    beside it for the source view, and a discreet link to its apparatus entry.
  -->
  <xsl:template name="html:alternate">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="reading" select="tk:reading(.)"/>
    <xsl:variable name="others" select="tk:alternates(.)"/>
    <xsl:variable name="n" select="tk:entry-number(.)"/>
    <xsl:variable name="id" select="tk:id(.)"/>
    <!-- the space the encoder left around the readings (word<app> <lem>…) parts them from the words
         around; where the reading is empty (witnesses add words the text has not), the entry's mark
         follows the word before, the words around need one space between them, and each added reading
         its own space before it, shown with it -->
    <xsl:variable name="before" select="tk:space-before(.)"/>
    <xsl:variable name="after" select="tk:space-after(.)"/>
    <xsl:variable name="empty" select="not(html:shows-something($reading))"/>
    <xsl:if test="$before and not($empty)"><xsl:text> </xsl:text></xsl:if>
    <span>
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="('app-entry', 'app-silent'[not(html:is-listed(current()))])"/></xsl:call-template>
      <xsl:attribute name="id" select="'app-' || $id || '-ref'"/>
      <span class="reading" data-wit="{$reading/@wit}"><xsl:apply-templates select="$reading/node()" mode="html:render"/></span>
      <xsl:for-each select="$others">
        <span class="source" data-wit="{@wit}" data-tei="{local-name()}" hidden="">
          <xsl:if test="$empty and $before and html:shows-something(.)"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates select="node()" mode="html:render"/>
        </span>
      </xsl:for-each>
      <!-- an app with a lemma only (a lacuna marked in one witness) has no entry to link to, nor has a
           letter regularised as the print's typography asks (html:is-listed) -->
      <xsl:if test="not(html:in-link(.)) and html:is-listed(.)"><a class="app-ref" href="#app-{$id}" aria-label="Apparatus entry {$n}"/></xsl:if>
    </span>
    <xsl:if test="$after"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Is an emendation or variant listed in the apparatus?  Not a letter regularised as the print's
       typography asks, one or two letters for one or two (an early print's ſ as s, u as v, vv as w; not a
       ditto mark read as words): in a book of such letters the apparatus would list little else.  The
       switch to the source readings shows them, and the apparatus says so. -->
  <xsl:function name="html:is-listed" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:is-entry($e) and not(html:is-typographic($e))"/>
  </xsl:function>

  <xsl:function name="html:is-typographic" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:choice[tei:orig and tei:reg][count(*) = 2]) and
        (every $side in $e/(tei:orig, tei:reg) satisfies
           matches(tk:reading-string($side/node()), '^\p{L}{1,2}$') and not($side//*))"/>
  </xsl:function>

  <!-- Does a reading show anything (words, a mark, a gap), or is it empty? -->
  <xsl:function name="html:shows-something" as="xs:boolean">
    <xsl:param name="reading" as="node()*"/>
    <xsl:sequence select="exists($reading/node()[self::* or normalize-space()])"/>
  </xsl:function>

  <xsl:template name="html:list">
    <xsl:context-item as="element()" use="required"/>
    <xsl:apply-templates select="tei:head" mode="html:render"/>
    <xsl:element name="{if (@type = 'ordered' or @rend = 'numbered') then 'ol' else 'ul'}">
      <xsl:call-template name="html:attributes"/>
      <xsl:for-each select="node() except tei:head">
        <xsl:choose>
          <xsl:when test="self::element() and tk:behaviour(.) = 'listItem'"><xsl:apply-templates select="." mode="html:render"/></xsl:when>
          <xsl:when test="html:goes-with-item(.)"/>
          <xsl:when test="self::element()"><li class="list-extra"><xsl:apply-templates select="." mode="html:render"/></li></xsl:when>
          <xsl:when test="self::text()[normalize-space()]"><li class="list-extra">{.}</li></xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- A note or page break between the items of a list is shown at the end of the item before it
       (a list holds only items; a bullet of its own would be an empty line). -->
  <xsl:function name="html:goes-with-item" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/self::element()[tk:behaviour(.) = ('note', 'break', 'anchor')]
                          [preceding-sibling::*[tk:behaviour(.) = 'listItem']])"/>
  </xsl:function>

  <xsl:template name="html:list-item">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="item" select="."/>
    <li><xsl:call-template name="html:attributes"/><xsl:call-template name="html:line-id"/><xsl:apply-templates mode="html:render"/>
      <xsl:apply-templates mode="html:render" select="following-sibling::*[html:goes-with-item(.)]
          [preceding-sibling::*[tk:behaviour(.) = 'listItem'][1] is $item]"/></li>
  </xsl:template>

  <xsl:template name="html:break">
    <xsl:context-item as="element()" use="required"/>
    <xsl:choose>
      <xsl:when test="self::tei:pb">
        <!-- a page that begins inside a word is marked after the word (the text template below) -->
        <xsl:if test="not(html:after-word(.))"><xsl:call-template name="html:page-break"/></xsl:if>
      </xsl:when>
      <xsl:when test="self::tei:lb"><xsl:call-template name="html:line-break"/></xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="html:attributes"/>
          <xsl:attribute name="title" select="string-join((local-name(), @unit, @n), ' ')"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A line break of the source.  One that stands between blocks (a letter's lb between paragraphs) or
       before any text of its block (an inscription's first line) breaks nothing: the block begins a line
       anyway.  Inside a word (break="no") the word stays whole for Find, copying and reading aloud: the
       stylesheet draws the hyphen at the end of the line, as epigraphic editions print it.  A line number
       that is a multiple of five stands in the margin, drawn as well (data-n), so that it never falls
       between the letters of a word. -->
  <xsl:template name="html:line-break">
    <xsl:context-item as="element(tei:lb)" use="required"/>
    <xsl:variable name="starts-block" select="not(tk:in-phrase(.)) or not(tk:text-before(., tk:line-block(.)))"/>
    <xsl:variable name="n" select="html:margin-number(@n)"/>
    <xsl:choose>
      <xsl:when test="@break = 'no' and not($starts-block)">
        <span class="tei-lb lb-in-word" data-tei="lb"><xsl:if test="exists($n)"><xsl:attribute name="data-n" select="$n"/></xsl:if></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="not($starts-block)"><br class="tei-lb" data-tei="lb"/></xsl:if>
        <xsl:if test="exists($n)"><span class="lnum" data-n="{$n}"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A line number worth showing in the margin: every fifth (not 0); other numbers and labels are not. -->
  <xsl:function name="html:margin-number" as="xs:integer?">
    <xsl:param name="n" as="item()?"/>
    <xsl:sequence select="(if ($n castable as xs:integer) then xs:integer($n) else ())[. gt 0 and . mod 5 = 0]"/>
  </xsl:function>

  <!-- Verse lines are numbered within their poem (the nearest element around them that is not a stanza:
       a division, a speech, a quotation), unless the encoder numbered them (@n); every fifth is shown. -->
  <xsl:function name="html:poem" as="element()?">
    <xsl:param name="l" as="element()"/>
    <xsl:sequence select="$l/ancestor::*[not(self::tei:lg or self::tei:l)][1]"/>
  </xsl:function>

  <xsl:accumulator name="html:verse-lines" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="tk:text" select="map{}"/>
    <xsl:accumulator-rule match="tei:l[ancestor::tei:text]"
        select="let $c := generate-id(html:poem(.)) return map:put($value, $c, ($value($c), 0)[1] + 1)"/>
  </xsl:accumulator>

  <xsl:template name="html:verse-number" as="element()?">
    <xsl:context-item as="element()" use="required"/>
    <xsl:if test="self::tei:l and ancestor::tei:text">
      <xsl:variable name="n" select="html:margin-number(if (@n) then string(@n)
          else accumulator-before('html:verse-lines')(generate-id(html:poem(.))))"/>
      <xsl:if test="exists($n)"><span class="lnum" data-n="{$n}"/></xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html:page-break">
    <xsl:context-item as="element(tei:pb)" use="required"/>
    <xsl:variable name="id" select="tk:id(.)"/>
    <span>
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="('page', 'page-unnumbered'[empty(current()/@n)])"/></xsl:call-template>
      <xsl:attribute name="id" select="$id"/>
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
      <xsl:if test="@facs"><xsl:attribute name="data-facs" select="@facs"/></xsl:if>
      <!-- the label is text, so that it is found, copied and read like the text around it; its title
           says what the page is, and what a "?" means.  A page the source does not number is marked
           as a new page, with no number made up for it (its facsimile, if any, in the title) -->
      <xsl:element name="{if (html:in-link(.)) then 'span' else 'a'}">
        <xsl:attribute name="class" select="'page-label'"/>
        <xsl:if test="not(html:in-link(.))"><xsl:attribute name="href" select="'#' || $id"/></xsl:if>
        <xsl:attribute name="title" select="html:page-title(.)"/>
        <xsl:if test="empty(@n)"><xsl:attribute name="lang" select="'en'"/></xsl:if>[{if (@n) then tk:page-label(.) else 'page'}]</xsl:element>
    </span>
  </xsl:template>

  <!-- A page break inside a word (com<pb break="no"/>missar) is shown after the word, so that the word
       stays whole for Find, copying and reading aloud; its anchor moves by those few letters. -->
  <xsl:function name="html:after-word" as="xs:boolean">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="$pb/@break = 'no' and exists($pb/following-sibling::node()[1][self::text()][matches(tk:text(.), '^\S')])"/>
  </xsl:function>

  <xsl:template match="text()[preceding-sibling::node()[1][self::tei:pb][html:after-word(.)]]" mode="html:render" priority="2">
    <xsl:variable name="text" select="tk:text(.)"/>
    <xsl:variable name="rest" select="replace($text, '^\S+', '')"/>
    <xsl:value-of select="substring($text, 1, string-length($text) - string-length($rest))"/>
    <xsl:for-each select="preceding-sibling::node()[1]"><xsl:call-template name="html:page-break"/></xsl:for-each>
    <xsl:value-of select="$rest"/>
  </xsl:template>

  <xsl:function name="html:page-title" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="if (empty($pb/@n)) then 'A new page of the source, which bears no number'
             || ($pb/@facs[normalize-space()] ! ('; facsimile ' || normalize-space(.)))
        else 'Page ' || $pb/@n || ' of the source'
             || (if ($pb/@cert = ('low', 'medium')) then '; the ? marks a number inferred by the editors, not read in the source' else '')"/>
  </xsl:function>

  <xsl:template name="html:cit">
    <xsl:context-item as="element()" use="required"/>
    <figure><xsl:call-template name="html:attributes"/>
      <xsl:apply-templates select="node() except tei:bibl" mode="html:render"/>
      <xsl:if test="tei:bibl"><figcaption><xsl:apply-templates select="tei:bibl" mode="html:render"/></figcaption></xsl:if>
    </figure>
  </xsl:template>

  <xsl:template name="html:figure">
    <xsl:context-item as="element()" use="required"/>
    <figure><xsl:call-template name="html:attributes"/>
      <!-- a figure the encoders did not describe (an early print's woodcut or ornament) is marked as one -->
      <xsl:if test="not(*) and not(normalize-space())"><span class="figure-mark" lang="en" title="a figure of the source, not described">[figure]</span></xsl:if>
      <xsl:apply-templates select="node() except (tei:head | tei:note)" mode="html:render"/>
      <xsl:if test="tei:head or tei:note">
        <figcaption>
          <xsl:for-each select="tei:head[1][@xml:id]"><xsl:attribute name="id" select="tk:id(.)"/></xsl:for-each>
          <xsl:apply-templates select="tei:head/node(), tei:note" mode="html:render"/>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- A table holds rows and a row cells: anything else (a p, a span) the browser moves out before the
       table.  So the heads are the caption, and a page break, note or anchor between rows or cells
       (a stray) is shown in the cell where it falls: the next one, else the last. -->
  <xsl:template name="html:table">
    <xsl:context-item as="element()" use="required"/>
    <table><xsl:call-template name="html:attributes"/>
      <xsl:if test="tei:head">
        <caption><xsl:for-each select="tei:head">
          <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <span><xsl:call-template name="html:attributes"/>
            <xsl:if test="ancestor::tei:text"><xsl:attribute name="id" select="tk:id(.)"/></xsl:if>
            <xsl:apply-templates mode="html:render"/></span>
        </xsl:for-each></caption>
      </xsl:if>
      <xsl:apply-templates select="node() except (tei:head | *[html:is-stray(.)])" mode="html:render"/>
    </table>
  </xsl:template>

  <xsl:function name="html:is-stray" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[tk:behaviour(.) = ('table', 'row')])
        and not(tk:behaviour($e) = ('row', 'cell')) and not($e/self::tei:head[tk:behaviour(..) = 'table'])
        and exists(html:stray-cell($e))"/>
  </xsl:function>

  <xsl:function name="html:stray-cell" as="element()?">
    <xsl:param name="stray" as="element()"/>
    <xsl:variable name="cells" select="($stray/../* | $stray/../*/*)[tk:behaviour(.) = 'cell']"/>
    <xsl:sequence select="($cells[. &gt;&gt; $stray][1], $cells[. &lt;&lt; $stray][last()])[1]"/>
  </xsl:function>

  <xsl:template name="html:cell">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="cell" select="."/>
    <xsl:variable name="strays" select="(../* | ../../*)[html:is-stray(.)][html:stray-cell(.) is $cell]"/>
    <td><xsl:call-template name="html:attributes"/><xsl:call-template name="html:line-id"/>
      <xsl:apply-templates select="$strays[. &lt;&lt; $cell]" mode="html:render"/>
      <xsl:apply-templates mode="html:render"/>
      <xsl:apply-templates select="$strays[. &gt;&gt; $cell]" mode="html:render"/></td>
  </xsl:template>

  <xsl:template name="html:graphic">
    <xsl:context-item as="element()" use="required"/>
    <span><xsl:call-template name="html:attributes"/>[image{@url ! (': ' || .)}]</span>
  </xsl:template>

  <!-- An entry of an apparatus that gives no readings, only the editors' words on a line (EpiDoc's
       <listApp><app loc="4"><note>…</note></app>): the line it is about, then its words, in place. -->
  <xsl:template name="html:app-comment">
    <xsl:context-item as="element(tei:app)" use="required"/>
    <xsl:variable name="content" as="node()*">
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::tei:note"><xsl:apply-templates select="node()" mode="html:render"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="html:render"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:element name="{if (tk:in-phrase(.)) then 'span' else 'div'}">
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'app-comment'"/></xsl:call-template>
      <xsl:attribute name="id" select="tk:id(.)"/>
      <xsl:for-each select="tk:comment-lines(.)"><span class="app-loc" lang="en">{.}</span><xsl:text> </xsl:text></xsl:for-each>
      <xsl:element name="{if (html:p-or-div($content) = 'div') then 'div' else 'span'}">
        <xsl:attribute name="class" select="'app-comment-text'"/>
        <xsl:for-each select="tei:note[@xml:lang]"><xsl:attribute name="lang" select="tk:bcp47(@xml:lang)"/></xsl:for-each>
        <xsl:sequence select="$content"/>
      </xsl:element>
    </xsl:element>
  </xsl:template>


  <!-- Elements without a dedicated behaviour keep their text and their TEI name. -->
  <xsl:template name="html:generic">
    <xsl:context-item as="element()" use="required"/>
    <xsl:element name="{if (tk:in-phrase(.)) then 'span' else 'div'}">
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'tei-generic'"/></xsl:call-template>
      <xsl:call-template name="html:line-id"/>
      <xsl:apply-templates mode="html:render"/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
