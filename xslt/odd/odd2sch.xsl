<?xml version="1.0" encoding="UTF-8"?>
<!-- ODD to ISO Schematron: one pattern per constraintSpec, rules copied as written. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="odd-common.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:copy" on-no-match="shallow-copy" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="schema" select="//tei:schemaSpec[1]"/>
    <xsl:comment> Generated from schema/edition.odd by xslt/odd/odd2sch.xsl: do not edit; run `make schema`. </xsl:comment>
    <sch:schema queryBinding="xslt3">
      <sch:title>Schematron rules of the {$schema/@ident} customization</sch:title>
      <xsl:apply-templates select="$schema//tei:constraint/sch:ns" mode="tk:copy"/>
      <xsl:apply-templates select="$schema//tei:constraintSpec[tei:constraint/(sch:rule | sch:assert | sch:report)]"/>
    </sch:schema>
  </xsl:template>

  <xsl:template match="tei:constraintSpec">
    <xsl:variable name="owner" select="ancestor::tei:elementSpec/@ident"/>
    <!-- the pattern's id is not the assertions' (an ID is unique in the document: jing refuses a repeat) -->
    <sch:pattern id="{@ident}-pattern">
      <sch:title>{normalize-space(tei:desc)}</sch:title>
      <xsl:apply-templates select="tei:constraint/sch:rule" mode="tk:copy"/>
      <!-- bare assertions apply to the element whose specification holds them -->
      <xsl:if test="tei:constraint/(sch:assert | sch:report)">
        <sch:rule context="tei:{$owner}">
          <xsl:apply-templates select="tei:constraint/(sch:assert | sch:report)" mode="tk:copy"/>
        </sch:rule>
      </xsl:if>
    </sch:pattern>
  </xsl:template>

  <!-- Assertions get an id from their constraint, so diagnostics can name them; a second one in the
       same constraint is numbered. -->
  <xsl:template match="sch:rule/sch:assert[not(@id)] | sch:rule/sch:report[not(@id)]" mode="tk:copy">
    <xsl:variable name="spec" select="ancestor::tei:constraintSpec"/>
    <xsl:variable name="n" select="count($spec//(sch:assert | sch:report)[. &lt;&lt; current()]) + 1"/>
    <xsl:copy>
      <xsl:attribute name="id" select="$spec/@ident || (if ($n gt 1) then '-' || $n else '')"/>
      <xsl:apply-templates select="@* | node()" mode="tk:copy"/>
    </xsl:copy>
  </xsl:template>

</xsl:stylesheet>
