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
      <xsl:otherwise><xsl:call-template name="html:generic"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ shared pieces -->

  <!-- The TEI identity of an HTML element: its name, id, language, rendition. -->
  <xsl:template name="html:attributes" as="attribute()*">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:attribute name="class" select="string-join(('tei-' || local-name(), $class,
        tokenize(@rend) ! ('rend-' || replace(., '[^\w-]', '')), @type ! ('type-' || replace(., '[^\w-]', ''))), ' ')"/>
    <xsl:attribute name="data-tei" select="local-name()"/>
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="tk:bcp47(@xml:lang)"/>
      <xsl:sequence select="html:dir(tk:lang(.), tk:lang(..))"/>
    </xsl:if>
  </xsl:template>

  <!-- A dir attribute where a passage's writing direction differs from its surroundings' (a Hebrew
       word in English text, an English note in a Hebrew text); browsers order the rest themselves. -->
  <xsl:function name="html:dir" as="attribute(dir)?">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="around" as="xs:string"/>
    <xsl:if test="tk:direction($lang) != tk:direction($around)"><xsl:attribute name="dir" select="tk:direction($lang)"/></xsl:if>
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

  <!-- Is an element part of running text (so rendered inline) or between blocks? -->
  <xsl:function name="html:in-phrase" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/../text()[normalize-space()]) or
        tk:behaviour($e/..) = ('inline', 'paragraph', 'heading', 'link', 'alternate', 'note')"/>
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
    <xsl:variable name="id" select="tk:id(.)"/>
    <section id="{$id}">
      <xsl:call-template name="html:attributes"/>
      <xsl:attribute name="id" select="$id"/>
      <!-- a member of a corpus is headed by the title (and authors) of its own header -->
      <xsl:for-each select="self::*[self::tei:TEI or self::tei:teiCorpus][parent::tei:teiCorpus]/tei:teiHeader/tei:fileDesc/tei:titleStmt[tei:title]">
        <xsl:element name="h{min((6, 1 + count(ancestor::tei:teiCorpus)))}">
          <xsl:attribute name="class" select="'member-title'"/>
          <xsl:value-of select="normalize-space(tk:reading-string(tei:title[1]/node()))"/>
        </xsl:element>
        <xsl:if test="tei:author"><p class="member-authors">{string-join(tei:author ! normalize-space(.), '; ')}</p></xsl:if>
      </xsl:for-each>
      <xsl:apply-templates mode="html:render"/>
    </section>
  </xsl:template>

  <xsl:template name="html:heading">
    <xsl:context-item as="element()" use="required"/>
    <xsl:choose>
      <xsl:when test="html:is-section-head(.)">
        <xsl:element name="h{html:heading-level(.)}">
          <xsl:call-template name="html:attributes"/>
          <xsl:attribute name="id" select="tk:id(.)"/>
          <xsl:apply-templates mode="html:render"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="content" as="node()*"><xsl:apply-templates mode="html:render"/></xsl:variable>
        <xsl:element name="{html:p-or-div($content)}">
          <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'heading'"/></xsl:call-template>
          <xsl:if test="ancestor::tei:text"><xsl:attribute name="id" select="tk:id(.)"/></xsl:if>
          <xsl:sequence select="$content"/></xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A head of a division (or of the body, front or back) is an HTML heading; others (of a list, a
       quoted document, a figure) are paragraphs. -->
  <xsl:function name="html:is-section-head" as="xs:boolean">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="exists($head/parent::*[self::tei:div or self::tei:body or self::tei:front or self::tei:back
                                                  or self::tei:div1 or self::tei:div2 or self::tei:div3])"/>
  </xsl:function>

  <!-- A heading's level is that of the nesting the page shows: the headed divisions around it (h1 is the
       title). A division without a heading, a quoted document or a corpus member adds none, so that no
       level is skipped: Serge's "Supplementary notes", in a document quoted in a chapter, is an h3.
       A subtitle or a date under a heading is one level below it. -->
  <xsl:function name="html:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:variable name="under" select="if ($head/@type = ('sub', 'date') and $head/preceding-sibling::tei:head) then 1 else 0"/>
    <xsl:sequence select="max((2, min((6, 1 + count($head/ancestor::*[tei:head[html:is-section-head(.)]]) + $under))))"/>
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
      <xsl:when test="html:in-phrase(.)">
        <span><xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'block-in-phrase'"/></xsl:call-template>
          <xsl:call-template name="html:line-id"/>
          <xsl:apply-templates mode="html:render"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div><xsl:call-template name="html:attributes"/><xsl:call-template name="html:line-id"/>
          <xsl:apply-templates mode="html:render"/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A verse line is citable, and a search result leads to it. -->
  <xsl:template name="html:line-id" as="attribute()?">
    <xsl:context-item as="element()" use="required"/>
    <xsl:if test="self::tei:l and ancestor::tei:text"><xsl:attribute name="id" select="tk:id(.)"/></xsl:if>
  </xsl:template>

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
      <xsl:when test="self::tei:hi and contains-token(@rend, 'superscript')">
        <sup><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></sup>
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

  <!-- A note stays out of the flow: a marker here, the note in the notes at the end. -->
  <xsl:template name="html:note">
    <xsl:context-item as="element()" use="required"/>
    <xsl:if test="not(html:in-link(.))"><xsl:call-template name="html:note-marker"/></xsl:if>
  </xsl:template>

  <xsl:template name="html:note-marker">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="id" select="tk:id(.)"/>
    <xsl:variable name="kind" select="tk:note-kind(.)"/>
    <a class="note-ref note-{$kind}" id="ref-{$id}" href="#{$id}" role="doc-noteref" data-note="{$id}"
       aria-label="{if ($kind = 'editorial') then 'Editorial note' else 'Note'} {tk:note-label(.)}">
      <span class="label-edited">{tk:note-label(.)}</span><span class="label-source">{tk:note-source-label(.)}</span>
    </a>
  </xsl:template>

  <!-- Where a link goes: the register entry of a name, else a safe absolute URL (none for javascript:
       and the like), else an element the page shows with its id (#id). A relative target names a file
       of the encoders' own project (TEI-ListBibl.xml#x, a letter L02845, a person pmb2121), which the
       site does not have: such a link would lead nowhere, so it is shown as text; so is a #id the page
       has no anchor for. -->
  <xsl:function name="html:href" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="entry" select="if ($e/@ref) then tk:entry($e, $register) else ()"/>
    <xsl:variable name="url" select="tk:safe-url(($e/@target, $e/@ref)[1] ! tokenize(.)[1])"/>
    <xsl:sequence select="if ($entry) then '../registers/' || tk:entry-kind($entry) || '.html#' || $entry/@xml:id
                          else if (starts-with($url, '#')) then $url[exists(tk:target($e)[html:has-anchor(.)])]
                          else if (matches($url, '^[a-z][a-z0-9+.-]*:', 'i')) then $url
                          else ()"/>
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
    <xsl:sequence select="exists($e/ancestor::*[tk:behaviour(.) = 'link'][exists(html:href(.))])"/>
  </xsl:function>

  <xsl:template name="html:link">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="entry" select="if (@ref) then tk:entry(., $register) else ()"/>
    <xsl:variable name="href" select="html:href(.)"/>
    <xsl:choose>
      <xsl:when test="exists($href) and html:in-link(.)">
        <span><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/></span>
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
        <xsl:for-each select=".//(tei:choice | tei:app)[tk:is-entry(.)]">
          <a class="app-ref" href="#app-{tk:id(.)}" aria-label="Apparatus entry {tk:entry-number(.)}"/>
        </xsl:for-each>
        <xsl:for-each select=".//tei:note[tk:is-flow-note(.)]"><xsl:call-template name="html:note-marker"/></xsl:for-each>
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
    <xsl:if test="tk:space-before(.)"><xsl:text> </xsl:text></xsl:if>
    <span id="app-{$n}-ref">
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'app-entry'"/></xsl:call-template>
      <xsl:attribute name="id" select="'app-' || $id || '-ref'"/>
      <span class="reading" data-wit="{$reading/@wit}"><xsl:apply-templates select="$reading/node()" mode="html:render"/></span>
      <xsl:for-each select="$others">
        <span class="source" data-wit="{@wit}" data-tei="{local-name()}" hidden="">
          <xsl:apply-templates select="node()" mode="html:render"/>
        </span>
      </xsl:for-each>
      <!-- an app with a lemma only (a lacuna marked in one witness) has no entry to link to -->
      <xsl:if test="not(html:in-link(.)) and exists($others)"><a class="app-ref" href="#app-{$id}" aria-label="Apparatus entry {$n}"/></xsl:if>
    </span>
    <xsl:if test="tk:space-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

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
    <li><xsl:call-template name="html:attributes"/><xsl:apply-templates mode="html:render"/>
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
      <xsl:when test="self::tei:lb and @break = 'no'"/>
      <xsl:when test="self::tei:lb"><br class="tei-lb" data-tei="lb"/></xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="html:attributes"/>
          <xsl:attribute name="title" select="string-join((local-name(), @unit, @n), ' ')"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="html:page-break">
    <xsl:context-item as="element(tei:pb)" use="required"/>
    <xsl:variable name="id" select="tk:id(.)"/>
    <span id="{$id}" data-n="{@n}">
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'page'"/></xsl:call-template>
      <xsl:attribute name="id" select="$id"/>
      <!-- the label is text, so that it is found, copied and read like the text around it; its title
           says what the page is, and what a "?" means -->
      <xsl:element name="{if (html:in-link(.)) then 'span' else 'a'}">
        <xsl:attribute name="class" select="'page-label'"/>
        <xsl:if test="not(html:in-link(.))"><xsl:attribute name="href" select="'#' || $id"/></xsl:if>
        <xsl:attribute name="title" select="html:page-title(.)"/>[{tk:page-label(.)}]</xsl:element>
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
    <xsl:sequence select="if (empty($pb/@n)) then 'A page of the source; it bears no number'
        else 'Page ' || $pb/@n || ' of the source'
             || (if (ends-with(tk:page-label($pb), '?')) then '; the ? marks a number inferred by the editors, not read in the source' else '')"/>
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
      <xsl:apply-templates select="node() except (tei:head | tei:note)" mode="html:render"/>
      <xsl:if test="tei:head or tei:note">
        <figcaption>
          <xsl:for-each select="tei:head[1]/@xml:id"><xsl:attribute name="id" select="."/></xsl:for-each>
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
    <td><xsl:call-template name="html:attributes"/>
      <xsl:apply-templates select="$strays[. &lt;&lt; $cell]" mode="html:render"/>
      <xsl:apply-templates mode="html:render"/>
      <xsl:apply-templates select="$strays[. &gt;&gt; $cell]" mode="html:render"/></td>
  </xsl:template>

  <xsl:template name="html:graphic">
    <xsl:context-item as="element()" use="required"/>
    <span><xsl:call-template name="html:attributes"/>[image{@url ! (': ' || .)}]</span>
  </xsl:template>

  <!-- Elements without a dedicated behaviour keep their text and their TEI name. -->
  <xsl:template name="html:generic">
    <xsl:context-item as="element()" use="required"/>
    <xsl:element name="{if (html:in-phrase(.)) then 'span' else 'div'}">
      <xsl:call-template name="html:attributes"><xsl:with-param name="class" select="'tei-generic'"/></xsl:call-template>
      <xsl:apply-templates mode="html:render"/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
