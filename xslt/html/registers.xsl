<?xml version="1.0" encoding="UTF-8"?>
<!--
  The registers of the web edition: persons, places, organisations and works,
  each entry with its authority links and every mention across the edition,
  linked to the paragraph.
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

  <!-- every name of the edition, by the register entry it points to -->
  <xsl:key name="html:mentions" match="tk:text//tei:text//*[@ref]"
           use="for $r in tokenize(@ref) return tk:register-id($r, .)"/>

  <!-- every quotation of the edition, by the register entries it quotes (quotations.xsl) -->
  <xsl:key name="html:quotations" match="tk:text//tei:text//tei:quote[@source]" use="html:quoted-entry-ids(.)"/>

  <xsl:variable name="html:register-kinds" as="map(xs:string, xs:string)"
      select="map{'persons': 'Persons', 'places': 'Places', 'organisations': 'Organisations', 'works': 'Works and periodicals'}"/>

  <xsl:template name="html:register-page">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="edition" as="document-node()"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:perform-sort select="$register//tei:text//(tei:person | tei:place | tei:org | tei:bibl)[@xml:id][tk:entry-kind(.) = $kind]">
        <xsl:sort select="tk:entry-sort(.)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:call-template name="html:page">
      <xsl:with-param name="title" select="$html:register-kinds($kind)"/>
      <xsl:with-param name="path" select="'registers/' || $kind || '.html'"/>
      <xsl:with-param name="body">
        <h1>{$html:register-kinds($kind)}</h1>
        <p class="register-intro">{count($entries)} entries. Each lists the forms in which the name is printed, the
          authority records where the editors verified one, and every mention in the edition<xsl:if
          test="exists($entries ! key('html:quotations', string(@xml:id), $edition))">; quotations from an entry are listed apart (“Quoted in”)</xsl:if>.</p>
        <nav class="letters" aria-label="Initial letters">
          <xsl:for-each-group select="$entries" group-by="upper-case(substring(tk:entry-sort(.), 1, 1))">
            <a href="#letter-{current-grouping-key()}">{current-grouping-key()}</a><xsl:text> </xsl:text>
          </xsl:for-each-group>
        </nav>
        <xsl:for-each-group select="$entries" group-by="upper-case(substring(tk:entry-sort(.), 1, 1))">
          <h2 id="letter-{current-grouping-key()}">{current-grouping-key()}</h2>
          <xsl:for-each select="current-group()">
            <xsl:call-template name="html:register-entry"><xsl:with-param name="edition" select="$edition"/></xsl:call-template>
          </xsl:for-each>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="html:register-entry">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="edition" as="document-node()"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <section class="entry" id="{tk:id(.)}" data-tei="{local-name()}">
      <h3>{tk:entry-name(.)}<xsl:if test="tk:entry-dates(.)"><xsl:text> </xsl:text><span class="dates">({tk:entry-dates(.)})</span></xsl:if></h3>
      <xsl:if test="tei:note"><p>{normalize-space(tei:note[1])}</p></xsl:if>
      <xsl:call-template name="html:authority-links"/>
      <xsl:variable name="forms" select="html:printed-forms(.)"/>
      <xsl:if test="exists($forms)"><p class="forms">Printed as: {string-join($forms, ', ')}</p></xsl:if>
      <xsl:variable name="mentions" select="key('html:mentions', $id, $edition)"/>
      <xsl:variable name="quotations" select="key('html:quotations', $id, $edition)"/>
      <xsl:if test="$mentions">
        <ul class="mentions">
          <xsl:call-template name="html:places-in-texts"><xsl:with-param name="found" select="$mentions"/></xsl:call-template>
        </ul>
      </xsl:if>
      <!-- a quotation from the work is not a mere mention of its title: listed apart -->
      <xsl:if test="$quotations">
        <ul class="quotations">
          <xsl:call-template name="html:places-in-texts">
            <xsl:with-param name="found" select="$quotations"/>
            <xsl:with-param name="intro" select="'Quoted in '"/>
          </xsl:call-template>
        </ul>
      </xsl:if>
      <xsl:if test="empty($mentions | $quotations)"><p class="mentions none">No mention in the texts.</p></xsl:if>
    </section>
  </xsl:template>

  <!-- The forms in which an entry's name is printed (its register search record shows them too). -->
  <xsl:function name="html:printed-forms" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="distinct-values(($entry/(tei:persName | tei:placeName | tei:orgName | tei:title))[@type = 'variant']
                          ! normalize-space(.))"/>
  </xsl:function>

  <!-- One item per text: its title, then where in it (the paragraph, heading or note), each place once. -->
  <xsl:template name="html:places-in-texts">
    <xsl:param name="found" as="element()+"/>
    <xsl:param name="intro" as="xs:string" select="''"/>
    <xsl:for-each-group select="$found" group-by="ancestor::tk:text/@key">
      <xsl:variable name="text" select="current-group()[1]/ancestor::tk:text"/>
      <li>{$intro}<a href="../texts/{current-grouping-key()}.html">{tk:title(($text//(tei:TEI | tei:teiCorpus))[1])}</a>:
        <xsl:for-each-group select="current-group()" group-by="html:place-anchor(.)">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="../texts/{$text/@key}.html#{current-grouping-key()}">{html:place-label(current-group()[1])}</a>
        </xsl:for-each-group>
      </li>
    </xsl:for-each-group>
  </xsl:template>

  <!-- Where a mention is cited: its paragraph, heading or note. -->
  <xsl:function name="html:mention-anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <!-- the nearest of each (a step's [1] on a reverse axis), as html:mention-label names it: a note nested
         in a note is its own place, not the outer note's -->
    <xsl:variable name="holder" select="($e/ancestor::tei:note[tk:is-flow-note(.)][1], $e/ancestor::tei:p[html:is-numbered(.)][1],
        $e/ancestor::tei:head[1], ($e/ancestor::*[@xml:id][ancestor::tei:text])[last()])[1]"/>
    <xsl:sequence select="if ($holder) then tk:id($holder) else 'main'"/>
  </xsl:function>

  <xsl:function name="html:mention-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="note" select="$e/ancestor::tei:note[tk:is-flow-note(.)][1]"/>
    <xsl:variable name="p" select="$e/ancestor::tei:p[html:is-numbered(.)][1]"/>
    <xsl:sequence select="if ($note) then 'note ' || tk:note-label($note)
                          else if ($p) then '¶ ' || html:paragraph-number($p)
                          else if ($e/ancestor::tei:head) then 'heading'
                          else if ($e/accumulator-before('html:paragraphs') gt 0)
                          then 'after ¶ ' || $e/accumulator-before('html:paragraphs')
                          else 'text'"/>
  </xsl:function>

</xsl:stylesheet>
