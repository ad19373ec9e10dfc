<?xml version="1.0" encoding="UTF-8"?>
<!--
  ODD to XSLT: the processing model of the ODD (one <model> per element, the
  first matching one winning) as templates in mode tk:behaviour, and the
  parameters of its alternate models (what is the reading, what the
  alternative) as templates in modes tk:default and tk:alternate.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:axsl="urn:teikit:alias"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:comment> Generated from schema/edition.odd by xslt/odd/odd2behaviours.xsl: do not edit; run `make schema`. </xsl:comment>
    <axsl:stylesheet version="3.0" exclude-result-prefixes="#all">
      <xsl:namespace name="tei" select="'http://www.tei-c.org/ns/1.0'"/>
      <xsl:namespace name="tk" select="'urn:teikit'"/>
      <xsl:namespace name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
      <xsl:for-each select="//tei:schemaSpec[1]/tei:elementSpec[tei:model]">
        <xsl:variable name="ident" select="string(@ident)"/>
        <xsl:for-each select="tei:model">
          <xsl:variable name="match" select="'tei:' || $ident || (if (@predicate) then '[' || @predicate || ']' else '')"/>
          <xsl:variable name="priority" select="format-number(20 - position() div 10, '0.0')"/>
          <axsl:template match="{$match}" mode="tk:behaviour" priority="{$priority}" as="xs:string">{@behaviour}</axsl:template>
          <xsl:for-each select="tei:param[@name = ('default', 'alternate')]">
            <axsl:template match="{$match}" mode="tk:{@name}" priority="{$priority}" as="node()*">
              <axsl:sequence select="{@value}"/>
            </axsl:template>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

</xsl:stylesheet>
