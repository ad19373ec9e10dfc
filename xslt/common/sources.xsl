<?xml version="1.0" encoding="UTF-8"?>
<!--
  How a header's source is cited, shared by the HTML and LaTeX transforms: which parts of a biblFull
  are cited, in which order and with which punctuation between them.  Each output decides how a part
  looks (the web sets the title in a cite, print in italics).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- A source as one line of text (the web's home table and citation tags). -->
  <xsl:function name="tk:source-text" as="xs:string">
    <xsl:param name="source" as="element()"/>
    <xsl:sequence select="if ($source/self::tei:biblFull) then string-join(tk:bibl-full-parts($source) ! (?text || ?after))
                          else normalize-space(tk:bibl-string($source/node()))"/>
  </xsl:function>

  <!-- Text with its notes in brackets, where they stand ("S. 3 [after the first printing]"). -->
  <xsl:function name="tk:bibl-string" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join($nodes ! (if (self::tei:note) then ' [' || normalize-space(tk:bibl-string(node())) || ']'
                                                else if (self::*[.//tei:note]) then tk:bibl-string(node())
                                                else tk:reading-string(.)))"/>
  </xsl:function>

  <!-- A biblFull (a whole file description: EEBO's description of the printed book) in the order of a
       library catalogue: author. title. edition. place : publisher, date. extent. (series). identifiers.
       notes.  Each part a map: part (its name), text, and after (the punctuation before the next part;
       the source's own trailing punctuation, "London :", "Printed by William Stansby,", is kept where
       it serves, and dropped where a sentence ends). -->
  <xsl:function name="tk:bibl-full-parts" as="map(*)*">
    <xsl:param name="b" as="element(tei:biblFull)"/>
    <xsl:variable name="title" select="$b/tei:titleStmt"/>
    <xsl:variable name="pub" select="$b/tei:publicationStmt"/>
    <xsl:variable name="parts" as="map(*)*" select="(
        tk:bibl-part('author', string-join($title/tei:author ! tk:catalogue-name(.)[. != ''], '; ')),
        tk:bibl-part('title', string-join(($title/tei:title[@type = 'main'], $title/tei:title[not(@type = 'main')])
            ! normalize-space(tk:bibl-string(node()))[. != ''], ': ')),
        tk:bibl-part('editor', string-join($title/tei:editor ! normalize-space(tk:bibl-string(node()))[. != ''], '; ')[. != '']
            ! ('Edited by ' || .)),
        $title/tei:respStmt ! tk:bibl-part('resp', string-join((tei:resp, tei:name | tei:persName | tei:orgName)
            ! normalize-space(tk:bibl-string(node()))[. != ''], ' ')),
        tk:bibl-part('edition', string-join($b/tei:editionStmt/(tei:edition, tei:p, tei:respStmt)
            ! normalize-space(tk:bibl-string(node()))[. != ''], '; ')),
        $pub/tei:pubPlace ! tk:bibl-part('place', normalize-space(tk:bibl-string(node()))),
        $pub/(tei:publisher | tei:distributor | tei:authority) ! tk:bibl-part('publisher', normalize-space(tk:bibl-string(node()))),
        $pub/tei:date ! tk:bibl-part('date', (normalize-space(tk:bibl-string(node()))[. != ''], @when, @from, @notBefore)[1]),
        $pub/tei:p ! tk:bibl-part('publication', normalize-space(tk:bibl-string(node()))),
        $b/tei:extent ! tk:bibl-part('extent', normalize-space(tk:bibl-string(node()))),
        $b/tei:seriesStmt ! tk:bibl-part('series', string-join((tei:title, tei:biblScope, tei:idno, tei:p)
            ! replace(normalize-space(tk:bibl-string(node())), '[\s.,;:]+$', '')[. != ''], ', ')[. != ''] ! ('(' || . || ')')),
        tk:bibl-part('idno', string-join($pub/tei:idno ! normalize-space(
            (if (@type and not(starts-with(normalize-space(.), @type))) then @type || ' ' else '') || .)[. != ''], '; ')),
        $b/tei:notesStmt/(tei:note, tei:relatedItem) ! tk:bibl-part('note', normalize-space(tk:bibl-string(node()))),
        $b/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull | tei:p) ! tk:bibl-part('source', 'From: ' || tk:source-text(.))
      )[?text != '']"/>
    <xsl:for-each select="$parts">
      <xsl:variable name="i" select="position()"/>
      <xsl:variable name="next" select="$parts[$i + 1]?part"/>
      <xsl:variable name="text" select="?text"/>
      <xsl:variable name="punctuated" select="matches($text, '[.,;:!?]$')"/>
      <xsl:sequence select="
          if (?part = 'place' and $next = 'publisher') then map:put(., 'after', if (ends-with($text, ':')) then ' ' else ': ')
          else if (?part = ('place', 'publisher') and $next = ('publisher', 'date')) then map:put(., 'after', if ($punctuated) then ' ' else ', ')
          else if (?part = 'place' and $next = 'place') then map:put(., 'after', if ($punctuated) then ' ' else '; ')
          else
            (: the end of a sentence: a comma or colon the source set before what came next in it goes :)
            let $t := replace($text, '\s*[,;:]+$', '')
            return map{'part': ?part, 'text': $t, 'after': (if (matches($t, '[.!?]$')) then '' else '.') || ' '[exists($next)]}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A name as a catalogue heads an entry: a name given only as surname and forename as "Surname, Forename",
       whatever order the encoder wrote them in; any other as it is written. -->
  <xsl:function name="tk:catalogue-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="parts" select="$name/(self::*, tei:persName)[last()]/*"/>
    <xsl:sequence select="if ($parts/self::tei:surname and $parts/self::tei:forename and empty($parts[not(self::tei:surname or self::tei:forename)])
                              and empty(($name, $name/tei:persName)/text()[normalize-space()]))
                          then string-join($parts/self::tei:surname ! normalize-space(), ' ') || ', '
                               || string-join($parts/self::tei:forename ! normalize-space(), ' ')
                          else normalize-space(tk:bibl-string($name/node()))"/>
  </xsl:function>

  <xsl:function name="tk:bibl-part" as="map(*)">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="map{'part': $part, 'text': string($text), 'after': ''}"/>
  </xsl:function>

</xsl:stylesheet>
