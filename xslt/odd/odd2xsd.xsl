<?xml version="1.0" encoding="UTF-8"?>
<!--
  ODD to W3C XML Schema 1.0.  Model classes and macros are flattened into
  choices of element references, with duplicates removed, so that the schema
  keeps the Unique Particle Attribution constraint; attribute classes become
  attribute groups.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="odd-common.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:particle" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:choice-members" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:simple" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:variable name="odd" select="/" as="document-node()"/>
  <xsl:variable name="XML" select="'http://www.w3.org/XML/1998/namespace'"/>

  <xsl:template match="/">
    <xsl:variable name="schema" select="//tei:schemaSpec[1]"/>
    <xsl:variable name="ns" select="string(($schema/@ns, 'http://www.tei-c.org/ns/1.0')[1])"/>
    <xsl:comment> Generated from schema/edition.odd by xslt/odd/odd2xsd.xsl: do not edit; run `make schema`. </xsl:comment>
    <xs:schema targetNamespace="{$ns}" elementFormDefault="qualified" attributeFormDefault="unqualified">
      <xsl:namespace name="" select="$ns"/>
      <xsl:namespace name="xml" select="$XML"/>
      <xs:import namespace="{$XML}" schemaLocation="xml.xsd"/>
      <xsl:apply-templates select="$schema/tei:elementSpec"/>
      <xsl:apply-templates select="$schema/tei:classSpec[@type = 'atts']"/>
    </xs:schema>
  </xsl:template>

  <xsl:template match="tei:elementSpec">
    <xsl:variable name="local" select="tei:attList/tei:attDef/@ident"/>
    <xs:element name="{@ident}">
      <xs:annotation><xs:documentation>{normalize-space(tei:gloss)}: {normalize-space(tei:desc)}</xs:documentation></xs:annotation>
      <xs:complexType>
        <xsl:if test="tk:allows-text(tei:content)"><xsl:attribute name="mixed">true</xsl:attribute></xsl:if>
        <xsl:variable name="particle" as="element()*">
          <xsl:apply-templates select="tei:content/*" mode="tk:particle"/>
        </xsl:variable>
        <!-- a complex type's particle is a group, never a bare element -->
        <xsl:choose>
          <xsl:when test="$particle/self::xs:element"><xs:sequence><xsl:sequence select="$particle"/></xs:sequence></xsl:when>
          <xsl:otherwise><xsl:sequence select="$particle"/></xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="tk:att-classes(.)">
          <xsl:choose>
            <xsl:when test="tei:attList/tei:attDef/@ident = $local">
              <xsl:apply-templates select="tei:attList/tei:attDef[not(@ident = $local)]"/>
            </xsl:when>
            <xsl:otherwise><xs:attributeGroup ref="{@ident}.attributes"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:apply-templates select="tei:attList/tei:attDef[not(@mode = 'delete')]"/>
      </xs:complexType>
    </xs:element>
  </xsl:template>

  <xsl:template match="tei:classSpec[@type = 'atts']">
    <xs:attributeGroup name="{@ident}.attributes">
      <xsl:apply-templates select="tei:attList/tei:attDef"/>
    </xs:attributeGroup>
  </xsl:template>

  <!-- attributes -->
  <xsl:template match="tei:attDef[starts-with(@ident, 'xml:')]">
    <xs:attribute ref="{@ident}">
      <xsl:if test="@usage = 'req'"><xsl:attribute name="use">required</xsl:attribute></xsl:if>
    </xs:attribute>
  </xsl:template>

  <xsl:template match="tei:attDef">
    <xs:attribute name="{@ident}">
      <xsl:if test="@usage = 'req'"><xsl:attribute name="use">required</xsl:attribute></xsl:if>
      <xsl:call-template name="tk:att-type"/>
    </xs:attribute>
  </xsl:template>

  <xsl:template name="tk:att-type" as="element(xs:simpleType)">
    <xsl:context-item as="element(tei:attDef)" use="required"/>
    <xsl:variable name="values" select="tk:closed-values(.)"/>
    <xsl:variable name="item" as="element(xs:simpleType)">
      <xsl:choose>
        <xsl:when test="exists($values)">
          <xs:simpleType>
            <xs:restriction base="xs:token">
              <xsl:for-each select="$values"><xs:enumeration value="{.}"/></xsl:for-each>
            </xs:restriction>
          </xs:simpleType>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="tei:datatype/*" mode="tk:simple"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="tk:is-list(.)">
        <xs:simpleType>
          <xs:restriction>
            <xs:simpleType><xs:list><xsl:sequence select="$item"/></xs:list></xs:simpleType>
            <xs:minLength value="1"/>
          </xs:restriction>
        </xs:simpleType>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$item"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:dataRef[@key]" mode="tk:simple">
    <xsl:apply-templates select="key('tk:spec', @key, $odd)/tei:content/*" mode="tk:simple"/>
  </xsl:template>
  <xsl:template match="tei:dataRef[@name]" mode="tk:simple">
    <xs:simpleType>
      <xs:restriction base="xs:{@name}">
        <xsl:if test="@restriction"><xs:pattern value="{@restriction}"/></xsl:if>
      </xs:restriction>
    </xs:simpleType>
  </xsl:template>
  <xsl:template match="tei:alternate" mode="tk:simple">
    <xs:simpleType>
      <xs:union><xsl:apply-templates select="*" mode="tk:simple"/></xs:union>
    </xs:simpleType>
  </xsl:template>
  <xsl:template match="tei:valList" mode="tk:simple">
    <xs:simpleType>
      <xs:restriction base="xs:token">
        <xsl:for-each select="tei:valItem"><xs:enumeration value="{@ident}"/></xsl:for-each>
      </xs:restriction>
    </xs:simpleType>
  </xsl:template>

  <!-- particles -->
  <xsl:template match="tei:empty | tei:textNode" mode="tk:particle"/>

  <xsl:template match="tei:macroRef" mode="tk:particle">
    <xsl:apply-templates select="key('tk:spec', @key, $odd)/tei:content/*" mode="tk:particle"/>
  </xsl:template>

  <xsl:template match="tei:elementRef" mode="tk:particle">
    <xs:element ref="{@key}">
      <xsl:call-template name="tk:occurs"/>
    </xs:element>
  </xsl:template>

  <xsl:template match="tei:classRef" mode="tk:particle">
    <xs:choice>
      <xsl:call-template name="tk:occurs"/>
      <xsl:for-each select="tk:class-members($odd, @key)"><xs:element ref="{.}"/></xsl:for-each>
    </xs:choice>
  </xsl:template>

  <xsl:template match="tei:sequence" mode="tk:particle">
    <xs:sequence>
      <xsl:call-template name="tk:occurs"/>
      <xsl:apply-templates select="*" mode="tk:particle"/>
    </xs:sequence>
  </xsl:template>

  <!-- A choice lists each element once, however many classes and macros lead to it. -->
  <xsl:template match="tei:alternate" mode="tk:particle">
    <xsl:variable name="parts" as="element()*">
      <xsl:apply-templates select="*" mode="tk:choice-members"/>
    </xsl:variable>
    <xsl:variable name="elements" select="distinct-values($parts/self::tk:el/@name)"/>
    <xsl:if test="exists($elements) or $parts/self::xs:*">
      <xs:choice>
        <xsl:call-template name="tk:occurs"/>
        <xsl:for-each select="$elements"><xs:element ref="{.}"/></xsl:for-each>
        <xsl:sequence select="$parts/self::xs:*"/>
      </xs:choice>
    </xsl:if>
  </xsl:template>

  <!-- members of a choice: plain element names where the structure allows, particles otherwise -->
  <xsl:template match="tei:textNode | tei:empty" mode="tk:choice-members"/>
  <xsl:template match="tei:elementRef[not(@minOccurs or @maxOccurs)]" mode="tk:choice-members">
    <tk:el name="{@key}"/>
  </xsl:template>
  <xsl:template match="tei:classRef[not(@minOccurs or @maxOccurs)]" mode="tk:choice-members">
    <xsl:for-each select="tk:class-members($odd, @key)"><tk:el name="{.}"/></xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:macroRef" mode="tk:choice-members">
    <!-- a macro that is itself a repeatable choice merges into a repeatable choice -->
    <xsl:variable name="m" select="key('tk:spec', @key, $odd)/tei:content/*"/>
    <xsl:choose>
      <xsl:when test="count($m) = 1 and $m/self::tei:alternate and tk:max(..) = 'unbounded' and tk:max($m) = 'unbounded'">
        <xsl:apply-templates select="$m/*" mode="tk:choice-members"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$m" mode="tk:particle"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:alternate[not(@minOccurs or @maxOccurs)]" mode="tk:choice-members">
    <xsl:apply-templates select="*" mode="tk:choice-members"/>
  </xsl:template>
  <xsl:template match="tei:elementRef[@minOccurs or @maxOccurs] | tei:classRef[@minOccurs or @maxOccurs]
                       | tei:alternate[@minOccurs or @maxOccurs] | tei:sequence" mode="tk:choice-members">
    <xsl:apply-templates select="." mode="tk:particle"/>
  </xsl:template>

  <xsl:template name="tk:occurs" as="attribute()*">
    <xsl:context-item as="element()" use="required"/>
    <xsl:if test="tk:min(.) != '1'"><xsl:attribute name="minOccurs" select="tk:min(.)"/></xsl:if>
    <xsl:if test="tk:max(.) != '1'"><xsl:attribute name="maxOccurs" select="tk:max(.)"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
