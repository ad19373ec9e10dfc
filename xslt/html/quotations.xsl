<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where a quotation comes from (quote/@source), as the web edition shows it.

  The printed quotation marks are characters of the text, outside the quote
  element, so an inline quotation is an HTML q whose automatic marks the
  stylesheet turns off.  Its source is shown by a small raised link (↗) just
  after the closing mark, not by a tooltip alone or a link on the quoted words:
  the words keep their own links (names), the marker is reached by Tab and
  followed without JavaScript, it disturbs the reading text no more than a
  note marker, and its accessible name says what the source is ("Source: Le
  Temps, March 24, 1936"); the q is described by it (aria-describedby).  The
  marker leads to the bibl of the paragraph that cites the source, or to the
  work's entry on the works register (whose card opens on focus, as for
  names).  A block quotation is a figure whose caption names the source, under
  the quotation.  A source that leads nowhere on this site (a missing id, a
  file of another project, a register the edition lacks) is text only: a
  title on the quotation and a hidden description, no link.
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

  <!-- Closing quotation marks that may follow a quote element: English, German (“), French (» after a
       space), CJK corner brackets, and straight marks. -->
  <xsl:variable name="html:closing-marks" as="xs:string">(([&#xA0;&#x202F; ]?[»›])|[”"’'“」』])+</xsl:variable>

  <!-- ============================================================ what a source is -->

  <!-- The register entry a pointer names (bib:pravda → register.xml#pravda), if the register has it. -->
  <xsl:function name="html:source-entry" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="element()"/>
    <xsl:sequence select="tk:entry-by-id(tk:register-id($pointer, $context), $register)"/>
  </xsl:function>

  <!-- What the reader is told a local source is: a citation's words, a paragraph's number, a note's label. -->
  <xsl:function name="html:source-label" as="xs:string">
    <xsl:param name="t" as="element()"/>
    <xsl:variable name="words" select="normalize-space(html:plain($t))"/>
    <xsl:sequence select="if ($t/self::tei:p[html:is-numbered(.)]) then '¶ ' || html:paragraph-number($t)
                          else if ($t/self::tei:note[tk:is-flow-note(.)]) then 'note ' || tk:note-label($t)
                          else if ($words = '') then '#' || $t/@xml:id
                          else if (string-length($words) gt 120) then substring($words, 1, 119) || '…'
                          else $words"/>
  </xsl:function>

  <!-- The sources of a quotation, one map per pointer of @source: label (what it is, as text), href (only
       where it leads somewhere on this site or is a web address), linked (whether the page links it: not
       inside a link, for links cannot nest), entry (a register entry), target (an element of the page).
       The bibl of the quotation's own cit is already its caption: not repeated. -->
  <xsl:function name="html:quote-sources" as="map(*)*">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="in-link" select="html:in-link($q)"/>
    <xsl:for-each select="tokenize($q/@source)">
      <xsl:variable name="entry" select="html:source-entry(., $q)"/>
      <xsl:variable name="local" select="tk:local-target(., $q)"/>
      <xsl:variable name="url" select="tk:safe-url(.)"/>
      <xsl:choose>
        <xsl:when test="$entry">
          <xsl:sequence select="map{'label': tk:entry-name($entry), 'entry': $entry, 'linked': not($in-link),
              'href': '../registers/' || tk:entry-kind($entry) || '.html#' || tk:id($entry)}"/>
        </xsl:when>
        <xsl:when test="$local intersect $q/parent::tei:cit/tei:bibl"/>
        <xsl:when test="$local and html:has-anchor($local)">
          <xsl:sequence select="map{'label': html:source-label($local), 'target': $local, 'href': '#' || tk:id($local),
              'linked': not($in-link)}"/>
        </xsl:when>
        <xsl:when test="$local">
          <xsl:sequence select="map{'label': html:source-label($local), 'target': $local, 'linked': false()}"/>
        </xsl:when>
        <xsl:when test="matches($url, '^https?://', 'i')">
          <xsl:sequence select="map{'label': $url, 'href': $url, 'linked': not($in-link)}"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="map{'label': string(.), 'linked': false()}"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- The register entries a quotation quotes: those @source names, and the works named by the titles
       of a citation of the text it points to (#worldrev-bibl1 cites Le Temps). -->
  <xsl:function name="html:quoted-entry-ids" as="xs:string*">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="distinct-values(for $s in tokenize($q/@source) return (
        tk:register-id($s, $q),
        tk:local-target($s, $q)[self::tei:bibl or self::tei:biblStruct or self::tei:cit]
            //tei:title[@ref] ! (for $r in tokenize(@ref) return tk:register-id($r, .))))"/>
  </xsl:function>

  <!-- Where the register cites a quotation or a mention: the paragraphs of a block quotation (its first
       one), else the place of a mention (registers.xsl). -->
  <xsl:function name="html:place-anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="ps" select="$e//tei:p[html:is-numbered(.)]"/>
    <xsl:sequence select="if ($ps) then tk:id($ps[1]) else html:mention-anchor($e)"/>
  </xsl:function>

  <xsl:function name="html:place-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="ps" select="$e//tei:p[html:is-numbered(.)]"/>
    <xsl:sequence select="if (count($ps) gt 1) then '¶ ' || html:paragraph-number($ps[1]) || '–' || html:paragraph-number($ps[last()])
                          else if ($ps) then '¶ ' || html:paragraph-number($ps)
                          else html:mention-label($e)"/>
  </xsl:function>

  <!-- ============================================================ how it is shown -->

  <!-- The id of the element that describes a source of a quotation (its marker, its hidden text), from
       the quotation's id. -->
  <xsl:function name="html:source-id" as="xs:string">
    <xsl:param name="q-id" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="'src-' || $q-id || '-' || $n"/>
  </xsl:function>

  <!-- The closing marks that follow an inline quotation in the text ('' when none do).  A closing ’ or '
       before a letter is an apostrophe (“Pravda’s view”): the marker goes before it. -->
  <xsl:function name="html:marks-after" as="xs:string">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="next" select="$q/following-sibling::node()[1][self::text()]"/>
    <xsl:variable name="s" select="if ($next) then tk:text($next) else ''"/>
    <xsl:variable name="marks" select="if (matches($s, '^' || $html:closing-marks))
                                       then replace($s, '^(' || $html:closing-marks || ').*$', '$1', 's') else ''"/>
    <xsl:sequence select="if (matches(substring($s, string-length($marks) + 1), '^\p{L}'))
                          then replace($marks, '[’'']+$', '') else $marks"/>
  </xsl:function>

  <!-- A quotation within the text: q, without the browser's marks (see edition.css), then the closing
       marks of the text, which the next text node holds, then the markers of its sources (the text()
       template after a quotation leaves out the marks given here). -->
  <xsl:template name="html:inline-quote">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="q-id" select="tk:id(.)"/>
    <xsl:variable name="sources" select="html:quote-sources(.)"/>
    <q>
      <xsl:call-template name="html:attributes"/>
      <xsl:if test="exists($sources)">
        <xsl:attribute name="data-source" select="@source"/>
        <xsl:attribute name="aria-describedby" select="string-join(for $i in 1 to count($sources) return html:source-id($q-id, $i), ' ')"/>
        <xsl:if test="exists($sources[not(?linked)])">
          <xsl:attribute name="title" select="'Source: ' || string-join($sources[not(?linked)]?label, '; ')"/>
        </xsl:if>
      </xsl:if>
      <xsl:apply-templates mode="html:render"/>
    </q>
    <xsl:if test="@source">{html:marks-after(.)}</xsl:if>
    <xsl:call-template name="html:source-markers">
      <xsl:with-param name="q-id" select="$q-id"/>
      <xsl:with-param name="sources" select="$sources"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="html:source-markers">
    <xsl:param name="q-id" as="xs:string"/>
    <xsl:param name="sources" as="map(*)*"/>
    <xsl:for-each select="$sources">
      <xsl:variable name="id" select="html:source-id($q-id, position())"/>
      <xsl:choose>
        <xsl:when test="?linked">
          <a class="quote-source" id="{$id}" href="{?href}" aria-label="Source: {?label}" title="Source: {?label}">
            <xsl:if test="exists(?entry)">
              <xsl:attribute name="data-entry" select="?entry/@xml:id"/>
            </xsl:if>↗</a>
        </xsl:when>
        <xsl:otherwise><span class="quote-source-text" id="{$id}" hidden="">Source: {?label}</span></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A block quotation with a source: the source on a line under it (HTML wants the attribution outside
       the blockquote). -->
  <xsl:template name="html:block-quote">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="source-id" select="html:source-id(tk:id(.), 0)"/>
    <xsl:variable name="sources" select="html:quote-sources(.)"/>
    <xsl:variable name="quote" as="element()">
      <blockquote><xsl:call-template name="html:attributes"/><xsl:call-template name="html:line-id"/>
        <xsl:if test="exists($sources)">
          <xsl:attribute name="data-source" select="@source"/>
          <xsl:attribute name="aria-describedby" select="$source-id"/>
        </xsl:if>
        <xsl:apply-templates mode="html:render"/></blockquote>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="empty($sources)"><xsl:sequence select="$quote"/></xsl:when>
      <xsl:otherwise>
        <figure class="quotation">
          <xsl:sequence select="$quote"/>
          <figcaption class="quote-source" id="{$source-id}"><span lang="en">Source:</span><xsl:text> </xsl:text>
            <xsl:for-each select="$sources">
              <xsl:if test="position() gt 1">; </xsl:if>
              <xsl:element name="{if (?linked) then 'a' else 'span'}">
                <xsl:if test="?linked"><xsl:attribute name="href" select="?href"/></xsl:if>
                <xsl:if test="exists(?entry)"><xsl:attribute name="data-entry" select="?entry/@xml:id"/></xsl:if>
                <xsl:for-each select="(?target, ?entry)[1]"><xsl:attribute name="lang" select="tk:lang(.)"/></xsl:for-each>
                <xsl:if test="not(?linked) and empty(?target)"><xsl:attribute name="class" select="'pointer'"/></xsl:if>
                <xsl:sequence select="?label"/>
              </xsl:element>
            </xsl:for-each>
          </figcaption>
        </figure>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
