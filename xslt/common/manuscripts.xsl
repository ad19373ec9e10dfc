<?xml version="1.0" encoding="UTF-8"?>
<!--
  A manuscript description (msDesc) as both outputs show it: which of its parts are given, in which
  order, under which label. Each output only sets the labels and values (the web as rows of its
  metadata, print as rows of its table).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- The parts of a description in the order of a catalogue entry: where it is kept, what it holds,
       what it is made of and by whom it was written, when and where, and where it is described. Each
       is map{'label': …, 'values': one string or more}; a part without text is left out. -->
  <xsl:function name="tk:ms-description" as="map(xs:string, item()*)*">
    <xsl:param name="ms" as="element(tei:msDesc)"/>
    <xsl:variable name="id" select="$ms/tei:msIdentifier"/>
    <xsl:variable name="phys" select="$ms/tei:physDesc"/>
    <xsl:variable name="history" select="$ms/tei:history"/>
    <xsl:sequence select="
        tk:ms-part('Manuscript', string-join(($id/(tei:settlement, tei:institution, tei:repository, tei:collection,
            tei:idno, tei:msName)) ! normalize-space()[. != ''], ', ')),
        tk:ms-part('Other identifiers', $id/tei:altIdentifier ! string-join(
            (tei:idno ! (normalize-space() || (@type ! (' (' || . || ')'))), tei:collection ! normalize-space()), ', ')),
        tk:ms-part('Summary', $ms/tei:msContents/(tei:summary, tei:p) ! normalize-space()),
        tk:ms-part('Contents', $ms/tei:msContents//tei:msItem ! tk:ms-item(.)),
        tk:ms-part('Physical description', $phys/tei:p ! normalize-space()),
        tk:ms-part('Form', $phys/tei:objectDesc/@form ! string()),
        tk:ms-part('Support', $phys//tei:supportDesc ! (normalize-space(tei:support), @material)[. != ''][1]),
        tk:ms-part('Extent', $phys//tei:supportDesc/tei:extent ! normalize-space()),
        tk:ms-part('Collation', $phys//tei:supportDesc/(tei:foliation, tei:collation) ! normalize-space()),
        tk:ms-part('Condition', $phys//tei:supportDesc/tei:condition ! normalize-space()),
        tk:ms-part('Layout', $phys//tei:layoutDesc ! normalize-space()),
        tk:ms-part('Hands', ($phys/tei:handDesc/@hands ! (. || ' hands'),
            $phys/tei:handDesc/(tei:handNote, tei:p) ! (normalize-space() || (@scope ! (' (' || . || ')'))))),
        tk:ms-part('Script', $phys/tei:scriptDesc ! normalize-space()),
        tk:ms-part('Decoration', $phys/tei:decoDesc ! normalize-space()),
        tk:ms-part('Additions', $phys/tei:additions ! normalize-space()),
        tk:ms-part('Binding', $phys/tei:bindingDesc ! normalize-space()),
        tk:ms-part('Seals', $phys/tei:sealDesc ! normalize-space()),
        tk:ms-part('Accompanying material', $phys/tei:accMat ! normalize-space()),
        tk:ms-part('Origin', $history/tei:origin ! tk:ms-dated(.)),
        tk:ms-part('Provenance', $history/tei:provenance ! tk:ms-dated(.)),
        tk:ms-part('Acquisition', $history/tei:acquisition ! tk:ms-dated(.)),
        tk:ms-part('Parts', $ms/tei:msPart ! string-join((tei:msIdentifier/(tei:idno, tei:altIdentifier/tei:idno)[1],
            tei:msContents//tei:msItem/tei:title[1]) ! normalize-space()[. != ''], ': ')),
        tk:ms-part('Description', $ms/tei:additional/tei:adminInfo/tei:recordHist/tei:source
            ! normalize-space(string-join(node() except tei:listBibl, ' '))),
        tk:ms-part('Surrogates', $ms/tei:additional/tei:surrogates ! normalize-space()),
        tk:ms-part('Bibliography', $ms/tei:additional//tei:listBibl/(tei:bibl, tei:biblStruct) ! normalize-space())"/>
  </xsl:function>

  <xsl:function name="tk:ms-part" as="map(xs:string, item()*)?">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:variable name="given" select="$values[normalize-space() != '']"/>
    <xsl:sequence select="if (exists($given)) then map{'label': $label, 'values': $given} else ()"/>
  </xsl:function>

  <!-- One item of the contents: its number, author, title (or its description), and language. -->
  <xsl:function name="tk:ms-item" as="xs:string">
    <xsl:param name="item" as="element(tei:msItem)"/>
    <xsl:variable name="own" select="($item, $item/tei:bibl)"/>
    <xsl:variable name="author" select="string-join($own/tei:author ! normalize-space()[. != ''], ', ')"/>
    <xsl:variable name="title" select="string-join($own/tei:title ! normalize-space()[. != ''], '; ')"/>
    <xsl:variable name="lang" select="$own/tei:textLang[1] ! normalize-space()[. != '']"/>
    <xsl:variable name="locus" select="$item/(tei:locus, tei:locusGrp/tei:locus) ! normalize-space()[. != '']"/>
    <xsl:sequence select="string-join((
        $item/@n ! (. || '.'),
        string-join(($author, $title)[. != ''], ', ') || ($lang ! (' (' || . || ')')),
        $locus ! ('[' || string-join(., ', ') || ']')), ' ')
        ! (if (normalize-space() != '') then normalize-space() else normalize-space($item))"/>
  </xsl:function>

  <!-- An origin or a provenance with its dates in figures where its words do not give their years
       ("13th century, second half to 14th century, late (1250–1390)"; "1816" stays as it is). -->
  <xsl:function name="tk:ms-dated" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="text" select="normalize-space($e)"/>
    <xsl:variable name="dated" select="($e/descendant-or-self::*[@when or @notBefore or @notAfter or @from or @to])[1]"/>
    <xsl:variable name="from" select="($dated/(@when, @from, @notBefore))[1] ! string()"/>
    <xsl:variable name="to" select="($dated/(@to, @notAfter))[1] ! string()"/>
    <xsl:variable name="range" select="string-join(distinct-values(($from, $to)), '–')"/>
    <xsl:sequence select="if ($range = '' or (every $d in ($from, $to) satisfies contains($text, substring($d, 1, 4)))) then $text
                          else normalize-space($text || ' (' || $range || ')')"/>
  </xsl:function>

</xsl:stylesheet>
