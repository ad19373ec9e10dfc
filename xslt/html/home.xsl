<?xml version="1.0" encoding="UTF-8"?>
<!-- The home page and the search page of the web edition. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:html="urn:teikit:html"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template name="html:home">
    <xsl:param name="edition" as="document-node()"/>
    <xsl:call-template name="html:page">
      <xsl:with-param name="title" select="'Home'"/>
      <xsl:with-param name="path" select="'index.html'"/>
      <xsl:with-param name="description" select="$html:site-name || '. A digital edition of '
          || count($edition/tk:edition/tk:text) || (if (count($edition/tk:edition/tk:text) = 1) then ' text' else ' texts')
          || ' in TEI P5, with apparatus, notes, registers and search'
          || (html:option('editors')[. != ''] ! (', edited by ' || .)) || '.'"/>
      <xsl:with-param name="body">
        <xsl:variable name="texts" as="element(tk:text)*">
          <xsl:perform-sort select="$edition/tk:edition/tk:text">
            <xsl:sort select="html:written-key((.//(tei:TEI | tei:teiCorpus))[1])"/>
            <xsl:sort select="tk:title((.//(tei:TEI | tei:teiCorpus))[1])" lang="en"/>
          </xsl:perform-sort>
        </xsl:variable>
        <xsl:variable name="title" select="tk:title-parts($html:site-name)"/>
        <h1>{$title[1]}<xsl:if test="$title[2]"><span class="sr-only">: </span><span class="subtitle">{$title[2]}</span></xsl:if></h1>
        <xsl:if test="html:option('editors')"><p class="editors">Edited by {html:option('editors')}</p></xsl:if>
        <section id="texts" aria-labelledby="texts-h">
          <h2 id="texts-h">Texts</h2>
          <!-- a wide table scrolls in its own focusable region on a phone; the page does not -->
          <div class="table-scroll" role="region" aria-label="Table of the texts" tabindex="0">
          <table class="texts">
            <caption class="sr-only">The texts of the edition</caption>
            <thead><tr><th scope="col">Title</th><th scope="col">Author</th><th scope="col">Written</th><th scope="col">Source</th></tr></thead>
            <tbody>
              <xsl:for-each select="$texts">
                <xsl:variable name="tei" select="(.//(tei:TEI | tei:teiCorpus))[1]"/>
                <tr>
                  <th scope="row"><a href="texts/{@key}.html">{tk:title($tei)}</a></th>
                  <td data-label="Author">{string-join(tk:authors($tei), '; ')}</td>
                  <td data-label="Written">{tk:written($tei)}</td>
                  <td data-label="Source"><xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/(tei:bibl[@type = 'original'],
                      tei:bibl, tei:biblFull, tei:p))[1] ! html:source-cell(.)"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          </div>
        </section>
        <section aria-labelledby="reg-h">
          <h2 id="reg-h">{if ($register) then 'Registers and search' else 'Search'}</h2>
          <ul>
            <xsl:variable name="kinds" select="('persons', 'places', 'organisations', 'works')[. = $html:offered]"/>
            <xsl:if test="exists($kinds)">
              <li>
                <xsl:for-each select="$kinds">
                  <xsl:variable name="label" select="$html:register-kinds(.)"/>
                  <xsl:if test="position() gt 1">{if (position() = last()) then ' and ' else ', '}</xsl:if>
                  <a href="registers/{.}.html">{if (position() = 1) then $label else lower-case($label)}</a>
                </xsl:for-each>
                <xsl:text> named in the texts, with every mention.</xsl:text>
              </li>
            </xsl:if>
            <li><a href="search.html">Full-text search</a>, by text and author.</li>
            <xsl:if test="$html:offered = 'schema'">
              <li><a href="docs/guidelines.html">Encoding guidelines</a> (the edition's TEI customization) and
                <a href="docs/lint-rules.html">editorial checks</a>.</li>
            </xsl:if>
          </ul>
        </section>
        <section aria-labelledby="dl-h">
          <h2 id="dl-h">Downloads</h2>
          <ul>
            <xsl:for-each select="$texts">
              <li>{tk:title((.//(tei:TEI | tei:teiCorpus))[1])}: <a href="downloads/{@key}.xml">TEI</a><xsl:if test="@pdf = 'true'"> · <a href="downloads/{@key}.pdf">PDF</a></xsl:if></li>
            </xsl:for-each>
            <xsl:if test="$options('pdf')"><li>The whole edition as one volume: <a href="downloads/edition.pdf">PDF</a></li></xsl:if>
            <xsl:if test="$register"><li>The register: <a href="downloads/{$register-file}">TEI</a></li></xsl:if>
            <xsl:if test="$html:offered = 'schema'">
              <li>The encoding schema (the texts’ <code>xml-model</code> instructions point to it): <a href="schema/edition.odd">ODD</a>
                · <a href="schema/edition.rng">RELAX NG</a> · <a href="schema/edition.sch">Schematron</a>
                · <a href="schema/edition.xsd">W3C XML Schema</a>; described in the <a href="docs/guidelines.html">encoding guidelines</a></li>
            </xsl:if>
          </ul>
        </section>
        <section id="principles" aria-labelledby="principles-h">
          <h2 id="principles-h">Editorial principles</h2>
          <p>Each text states its principles in its TEI header; they are gathered here.</p>
          <xsl:for-each select="$texts">
            <xsl:variable name="tei" select="(.//(tei:TEI | tei:teiCorpus))[1]"/>
            <details>
              <summary>{tk:title($tei)}</summary>
              <xsl:for-each select="$tei/tei:teiHeader/tei:encodingDesc/(tei:projectDesc | tei:editorialDecl)/(tei:p | */tei:p)">
                <!-- the paragraph's own rendering: one holding a list becomes a div, as in the texts -->
                <xsl:apply-templates select="." mode="html:render"/>
              </xsl:for-each>
            </details>
          </xsl:for-each>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The texts in the order they were written (the first date of their creation, of a letter's sending,
       or of a 'written' event: where tk:written finds the date it shows), then by title; a text without a
       date comes last. -->
  <xsl:function name="html:written-key" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="($tei/tei:teiHeader/tei:profileDesc/tei:creation//(tei:date | tei:origDate),
        $tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
        $tei/tei:standOff//tei:event[@type = 'written'])[1]"/>
    <xsl:sequence select="(($date/(@when, @from, @notBefore, @to, @notAfter))[1] ! string(),
        replace(string($date), '^\D*(\d{4}).*$', '$1', 's')[matches(., '^\d{4}$')], '~')[1]"/>
  </xsl:function>

  <!-- A source in the texts' table: as one line of text, its titles in italics (a catalogue's title as well) -->
  <xsl:function name="html:source-cell" as="node()*">
    <xsl:param name="source" as="element()"/>
    <xsl:choose>
      <xsl:when test="$source/self::tei:biblFull"><xsl:apply-templates select="$source" mode="html:source"/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$source/node()">
          <xsl:variable name="first" select="position() = 1"/>
          <xsl:variable name="last" select="position() = last()"/>
          <xsl:variable name="text" select="replace(tk:bibl-string(.), '\s+', ' ')
              ! (if ($first) then replace(., '^ ', '') else .) ! (if ($last) then replace(., ' $', '') else .)"/>
          <xsl:choose>
            <xsl:when test="self::tei:title"><cite>{$text}</cite></xsl:when>
            <xsl:otherwise>{$text}</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:template name="html:search">
    <xsl:call-template name="html:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="path" select="'search.html'"/>
      <xsl:with-param name="extra-head">
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <script src="pagefind/pagefind-ui.js"></script>
      </xsl:with-param>
      <xsl:with-param name="body">
        <h1>Search</h1>
        <p>Search the reading text and the notes of every text; filter the results by text and author. Each result leads to its paragraph.</p>
        <div id="search" data-search=""></div>
        <noscript><p>The search needs JavaScript; the <a href="index.html#texts">texts</a><xsl:if test="$register"> and the
          <a href="registers/persons.html">registers</a></xsl:if> work without it.</p></noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
