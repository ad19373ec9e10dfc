<?xml version="1.0" encoding="UTF-8"?>
<!--
  A compiler for the ISO Schematron subset that teikit's ODD produces
  (ns, let, pattern, rule, assert, report, value-of, name), for the xslt3
  query binding.  The result is an XSLT 3 stylesheet that reports each failed
  assertion or successful report as <tk:failed id="" role="" path="">message</tk:failed>,
  where @path is fn:path() of the node, which teikit resolves to a line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:axsl="urn:teikit:alias"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:message" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:global" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:apply-templates select="sch:schema"/>
  </xsl:template>

  <xsl:template match="sch:schema">
    <axsl:stylesheet version="3.0" exclude-result-prefixes="#all">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="@uri"/>
      </xsl:for-each>
      <xsl:namespace name="tk" select="'urn:teikit'"/>
      <xsl:apply-templates select="sch:let" mode="tk:global"/>
      <axsl:template match="/">
        <tk:report>
          <xsl:for-each select="sch:pattern">
            <axsl:apply-templates select="/" mode="tk:p{position()}"/>
          </xsl:for-each>
        </tk:report>
      </axsl:template>
      <xsl:apply-templates select="sch:pattern"/>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:template match="sch:let" mode="tk:global">
    <axsl:variable name="{@name}" select="{@value}"/>
  </xsl:template>

  <!-- One mode per pattern: within a pattern, the first rule that matches a node fires. -->
  <xsl:template match="sch:pattern">
    <xsl:variable name="mode" select="'tk:p' || position()"/>
    <axsl:mode name="{$mode}" on-no-match="shallow-skip"/>
    <xsl:for-each select="sch:rule">
      <axsl:template match="{@context}" mode="{$mode}" priority="{1000 - position()}">
        <xsl:for-each select="sch:let">
          <axsl:variable name="{@name}" select="{@value}"/>
        </xsl:for-each>
        <xsl:apply-templates select="sch:assert | sch:report"/>
        <axsl:apply-templates select="node()" mode="{$mode}"/>
      </axsl:template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report">
    <axsl:if test="{if (self::sch:assert) then 'not(' || @test || ')' else @test}">
      <tk:failed id="{@id}" role="{(@role, 'error')[1]}" kind="{local-name()}">
        <axsl:attribute name="path" select="path(.)"/>
        <xsl:apply-templates select="node()" mode="tk:message"/>
      </tk:failed>
    </axsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="tk:message">
    <axsl:text>{.}</axsl:text>
  </xsl:template>
  <xsl:template match="sch:value-of" mode="tk:message">
    <axsl:value-of select="{@select}"/>
  </xsl:template>
  <xsl:template match="sch:name" mode="tk:message">
    <axsl:value-of select="name({(@path, '.')[1]})"/>
  </xsl:template>

</xsl:stylesheet>
