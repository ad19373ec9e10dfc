<?xml version="1.0" encoding="UTF-8"?>
<!-- ODD to RELAX NG (XML syntax).  Classes are flattened into choices, macros inlined. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:rng="http://relaxng.org/ns/structure/1.0"
    xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="odd-common.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:content" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:datatype" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:variable name="odd" select="/" as="document-node()"/>

  <xsl:template match="/">
    <xsl:variable name="schema" select="//tei:schemaSpec[1]"/>
    <xsl:comment> Generated from schema/edition.odd by xslt/odd/odd2rng.xsl: do not edit; run `make schema`. </xsl:comment>
    <rng:grammar ns="{($schema/@ns, 'http://www.tei-c.org/ns/1.0')[1]}"
                 datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <xsl:namespace name="a" select="'http://relaxng.org/ns/compatibility/annotations/1.0'"/>
      <rng:start>
        <rng:choice>
          <xsl:for-each select="tokenize($schema/@start)">
            <rng:ref name="{.}"/>
          </xsl:for-each>
        </rng:choice>
      </rng:start>
      <xsl:apply-templates select="$schema/tei:elementSpec"/>
      <xsl:apply-templates select="$schema/tei:classSpec[@type = 'atts']"/>
      <xsl:apply-templates select="$schema/tei:classSpec[@type = 'model']"/>
      <xsl:apply-templates select="$schema/tei:macroSpec"/>
    </rng:grammar>
  </xsl:template>

  <xsl:template match="tei:elementSpec">
    <rng:define name="{@ident}">
      <rng:element name="{@ident}">
        <a:documentation>{normalize-space(tei:gloss)}: {normalize-space(tei:desc)}</a:documentation>
        <xsl:variable name="local" select="tei:attList/tei:attDef/@ident"/>
        <!-- a class whose attributes the element leaves alone is referenced whole -->
        <xsl:for-each select="tk:att-classes(.)">
          <xsl:choose>
            <xsl:when test="tei:attList/tei:attDef/@ident = $local">
              <xsl:apply-templates select="tei:attList/tei:attDef[not(@ident = $local)]"/>
            </xsl:when>
            <xsl:otherwise><rng:ref name="{@ident}.attributes"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:apply-templates select="tei:attList/tei:attDef[not(@mode = 'delete')]"/>
        <xsl:apply-templates select="tei:content/*" mode="tk:content"/>
      </rng:element>
    </rng:define>
  </xsl:template>

  <xsl:template match="tei:classSpec[@type = 'atts']">
    <rng:define name="{@ident}.attributes">
      <xsl:apply-templates select="tei:attList/tei:attDef"/>
      <rng:empty/>
    </rng:define>
  </xsl:template>

  <xsl:template match="tei:classSpec[@type = 'model']">
    <xsl:variable name="members" select="tk:class-members($odd, @ident)"/>
    <rng:define name="{@ident}">
      <xsl:choose>
        <xsl:when test="empty($members)"><rng:notAllowed/></xsl:when>
        <xsl:otherwise>
          <rng:choice><xsl:for-each select="$members"><rng:ref name="{.}"/></xsl:for-each></rng:choice>
        </xsl:otherwise>
      </xsl:choose>
    </rng:define>
  </xsl:template>

  <xsl:template match="tei:macroSpec">
    <rng:define name="{@ident}">
      <xsl:apply-templates select="tei:content/*" mode="tk:content"/>
    </rng:define>
  </xsl:template>

  <xsl:template match="tei:attDef">
    <xsl:variable name="attribute">
      <rng:attribute name="{@ident}">
        <xsl:call-template name="tk:att-value"/>
      </rng:attribute>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@usage = 'req'"><xsl:sequence select="$attribute"/></xsl:when>
      <xsl:otherwise><rng:optional><xsl:sequence select="$attribute"/></rng:optional></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tk:att-value" as="element()">
    <xsl:context-item as="element(tei:attDef)" use="required"/>
    <xsl:variable name="values" select="tk:closed-values(.)"/>
    <xsl:variable name="item" as="element()">
      <xsl:choose>
        <xsl:when test="exists($values)">
          <rng:choice>
            <xsl:for-each select="$values"><rng:value>{.}</rng:value></xsl:for-each>
          </rng:choice>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="tei:datatype/*" mode="tk:datatype"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="tk:is-list(.)"><rng:list><rng:oneOrMore><xsl:sequence select="$item"/></rng:oneOrMore></rng:list></xsl:when>
      <xsl:otherwise><xsl:sequence select="$item"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- datatypes -->
  <xsl:template match="tei:dataRef[@key]" mode="tk:datatype">
    <xsl:apply-templates select="key('tk:spec', @key, $odd)/tei:content/*" mode="tk:datatype"/>
  </xsl:template>
  <xsl:template match="tei:dataRef[@name]" mode="tk:datatype">
    <rng:data type="{@name}">
      <xsl:if test="@restriction"><rng:param name="pattern">{@restriction}</rng:param></xsl:if>
    </rng:data>
  </xsl:template>
  <xsl:template match="tei:alternate" mode="tk:datatype">
    <rng:choice><xsl:apply-templates select="*" mode="tk:datatype"/></rng:choice>
  </xsl:template>
  <xsl:template match="tei:valList" mode="tk:datatype">
    <rng:choice>
      <xsl:for-each select="tei:valItem"><rng:value>{@ident}</rng:value></xsl:for-each>
    </rng:choice>
  </xsl:template>

  <!-- content models -->
  <xsl:template match="tei:textNode" mode="tk:content"><rng:text/></xsl:template>
  <xsl:template match="tei:empty" mode="tk:content"><rng:empty/></xsl:template>
  <xsl:template match="tei:elementRef" mode="tk:content">
    <xsl:call-template name="tk:occurs">
      <xsl:with-param name="body" as="element()"><rng:ref name="{@key}"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:classRef | tei:macroRef" mode="tk:content">
    <xsl:call-template name="tk:occurs">
      <xsl:with-param name="body" as="element()"><rng:ref name="{@key}"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:alternate" mode="tk:content">
    <xsl:call-template name="tk:occurs">
      <xsl:with-param name="body" as="element()"><rng:choice><xsl:apply-templates select="*" mode="tk:content"/></rng:choice></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:sequence" mode="tk:content">
    <xsl:call-template name="tk:occurs">
      <xsl:with-param name="body" as="element()"><rng:group><xsl:apply-templates select="*" mode="tk:content"/></rng:group></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tk:occurs" as="element()*">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="body" as="element()"/>
    <xsl:variable name="min" select="tk:min(.)"/>
    <xsl:variable name="max" select="tk:max(.)"/>
    <xsl:choose>
      <xsl:when test="$min = '1' and $max = '1'"><xsl:sequence select="$body"/></xsl:when>
      <xsl:when test="$min = '0' and $max = '1'"><rng:optional><xsl:sequence select="$body"/></rng:optional></xsl:when>
      <xsl:when test="$min = '0' and $max = 'unbounded'"><rng:zeroOrMore><xsl:sequence select="$body"/></rng:zeroOrMore></xsl:when>
      <xsl:when test="$min = '1' and $max = 'unbounded'"><rng:oneOrMore><xsl:sequence select="$body"/></rng:oneOrMore></xsl:when>
      <xsl:when test="$max = 'unbounded'">
        <xsl:for-each select="1 to xs:integer($min)"><xsl:sequence select="$body"/></xsl:for-each>
        <rng:zeroOrMore><xsl:sequence select="$body"/></rng:zeroOrMore>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">unsupported occurrence {$min}..{$max} on {name()} in {ancestor::*[@ident][1]/@ident}</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
