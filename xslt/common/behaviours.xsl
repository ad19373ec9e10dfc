<?xml version="1.0" encoding="UTF-8"?>
<!--
  Which behaviour each element has, in one place for both outputs.

  The edition's own elements take their behaviour from the ODD's processing
  model (behaviours-odd.xsl, generated).  Elements of TEI documents from
  other projects take theirs from the table below, which says only what the
  ODD cannot; anything else is "generic": its text is kept and it is marked
  with its TEI name.  Behaviour names are those of the TEI Processing Model.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xi="http://www.w3.org/2001/XInclude"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="behaviours-odd.xsl"/>

  <xsl:mode name="tk:behaviour" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:default" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:alternate" on-no-match="fail" on-multiple-match="fail"/>

  <!-- Every behaviour an element can have; each output implements each one. -->
  <xsl:variable name="tk:behaviours" as="xs:string+" select="('document', 'metadata', 'text', 'body', 'section',
      'heading', 'paragraph', 'block', 'inline', 'note', 'link', 'alternate', 'list', 'listItem', 'break',
      'anchor', 'omit', 'cit', 'figure', 'table', 'row', 'cell', 'graphic', 'glyph', 'generic')"/>

  <xsl:function name="tk:behaviour" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:apply-templates select="$e" mode="tk:behaviour"/>
  </xsl:function>

  <!-- TEI elements outside the edition's ODD (documents of other projects). -->
  <xsl:template mode="tk:behaviour" priority="4" as="xs:string"
      match="tei:teiCorpus">document</xsl:template>
  <!-- (above the ODD's rules: a TEI inside a corpus is a part of the document, not a document) -->
  <xsl:template mode="tk:behaviour" priority="30" as="xs:string"
      match="tei:teiCorpus/tei:TEI | tei:teiCorpus/tei:teiCorpus | tei:group/tei:text">section</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:facsimile | tei:standOff | tei:sourceDoc | tei:surface | tei:zone | tei:handShift
             | tei:divGen | xi:include | tei:fLib | tei:fvLib | tei:linkGrp | tei:link | tei:timeline
             | tei:interpGrp | tei:spanGrp | tei:alt | tei:altGrp | tei:join | tei:joinGrp">omit</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:group">body</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:app[tei:lem or tei:rdg or tei:rdgGrp]">alternate</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:listApp | tei:castList | tei:listWit | tei:listEvent | tei:listRelation
             | tei:listObject | tei:listNym | tei:castGroup">list</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:castItem | tei:witness | tei:event | tei:relation | tei:object | tei:nym">listItem</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:sp | tei:stage[not(parent::tei:p or parent::tei:l or parent::tei:speaker)] | tei:ab | tei:address
             | tei:addrLine | tei:postscript | tei:argument | tei:docImprint | tei:docEdition | tei:imprimatur
             | tei:noteGrp | tei:biblStruct | tei:biblFull | tei:msDesc | tei:div1 | tei:div2 | tei:div3
             | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:u | tei:spGrp">block</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:speaker">heading</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:lem | tei:rdg | tei:rdgGrp | tei:add | tei:del | tei:subst | tei:damage | tei:ex | tei:am
             | tei:w | tei:s | tei:c | tei:pc | tei:cl | tei:phr | tei:m | tei:rs | tei:role | tei:roleDesc
             | tei:measure | tei:time | tei:said | tei:space | tei:metamark | tei:restore | tei:secl
             | tei:surplus | tei:stage[parent::tei:p or parent::tei:l or parent::tei:speaker] | tei:distinct | tei:gloss | tei:castItem/tei:* | tei:certainty
             | tei:span | tei:ellipsis | tei:stamp | tei:origDate | tei:origPlace | tei:locus | tei:dimensions
             | tei:material | tei:objectType | tei:country | tei:settlement | tei:region | tei:district
             | tei:bloc | tei:geogName | tei:nameLink | tei:offset | tei:affiliation | tei:occupation
             | tei:nationality | tei:faith | tei:sex | tei:age | tei:state | tei:trait | tei:residence
             | tei:education | tei:langKnowledge | tei:socecStatus | tei:floruit | tei:ident | tei:gi
             | tei:att | tei:val | tei:tag | tei:eg | tei:code | tei:formula | tei:caesura | tei:rhyme | tei:mod
             | tei:redo | tei:undo | tei:retrace | tei:substJoin">inline</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:cb | tei:gb">break</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:table">table</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:row">row</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:cell">cell</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:graphic | tei:media | tei:binaryObject">graphic</xsl:template>
  <xsl:template mode="tk:behaviour" priority="5" as="xs:string"
      match="tei:g">glyph</xsl:template>

  <!-- Anything else keeps its text and its TEI name. -->
  <xsl:template mode="tk:behaviour" priority="-10" as="xs:string" match="*">generic</xsl:template>

  <!-- The reading of an app: its lemma, or its first reading when it has none. -->
  <!-- Readings may be grouped (rdgGrp), and a group may hold the lemma. -->
  <xsl:template mode="tk:default" priority="5" as="node()*" match="tei:app[tei:lem or tei:rdg or tei:rdgGrp]">
    <xsl:sequence select="(tei:lem, tei:rdgGrp//tei:lem, tei:rdg, tei:rdgGrp//tei:rdg)[1]"/>
  </xsl:template>
  <xsl:template mode="tk:alternate" priority="5" as="node()*" match="tei:app[tei:lem or tei:rdg or tei:rdgGrp]">
    <xsl:sequence select="(tei:rdg | tei:rdgGrp//tei:rdg) except (tei:lem, tei:rdgGrp//tei:lem, tei:rdg, tei:rdgGrp//tei:rdg)[1]"/>
  </xsl:template>
  <!-- An alternate without a declared pair (a choice of two readings of one kind) reads its first member. -->
  <xsl:template mode="tk:default" priority="-10" as="node()*" match="*">
    <xsl:sequence select="*[1]"/>
  </xsl:template>
  <xsl:template mode="tk:alternate" priority="-10" as="node()*" match="*">
    <xsl:sequence select="*[position() gt 1]"/>
  </xsl:template>

</xsl:stylesheet>
