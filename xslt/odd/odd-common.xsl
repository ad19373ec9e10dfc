<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every ODD compiler needs to know about the ODD: the members of a class,
  the attributes of an element, the values an attribute takes.  The edition's
  ODD is self-contained (full content models, no moduleRef), so nothing here
  reads the TEI sources.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all">

  <xsl:key name="tk:spec" match="tei:elementSpec | tei:classSpec | tei:macroSpec | tei:dataSpec" use="@ident"/>
  <xsl:key name="tk:members" match="tei:elementSpec | tei:classSpec" use="tei:classes/tei:memberOf/@key"/>

  <!-- Element idents that belong to a model class, directly or through subclasses, in ODD order. -->
  <xsl:function name="tk:class-members" as="xs:string*">
    <xsl:param name="odd" as="document-node()"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:sequence select="distinct-values(
        for $m in key('tk:members', $class, $odd)
        return if ($m/self::tei:elementSpec) then string($m/@ident)
               else tk:class-members($odd, $m/@ident))"/>
  </xsl:function>

  <!-- The attribute classes an element or class belongs to, nearest first. -->
  <xsl:function name="tk:att-classes" as="element(tei:classSpec)*">
    <xsl:param name="spec" as="element()"/>
    <xsl:for-each select="$spec/tei:classes/tei:memberOf/@key">
      <xsl:variable name="c" select="key('tk:spec', ., root($spec))[self::tei:classSpec[@type = 'atts']]"/>
      <xsl:sequence select="$c, $c ! tk:att-classes(.)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The effective attribute definitions of an element: inherited, then changed, replaced or deleted locally. -->
  <xsl:function name="tk:attributes" as="element(tei:attDef)*">
    <xsl:param name="spec" as="element(tei:elementSpec)"/>
    <xsl:variable name="local" select="$spec/tei:attList/tei:attDef"/>
    <xsl:variable name="inherited" as="element(tei:attDef)*">
      <xsl:for-each-group select="tk:att-classes($spec)/tei:attList/tei:attDef" group-by="@ident">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="$inherited[not(@ident = $local/@ident)],
                          $local[not(@mode = 'delete')]"/>
  </xsl:function>

  <!-- The class an attribute comes from, or the empty sequence for local ones. -->
  <xsl:function name="tk:attribute-origin" as="xs:string?">
    <xsl:param name="att" as="element(tei:attDef)"/>
    <xsl:sequence select="$att/ancestor::tei:classSpec/@ident ! string()"/>
  </xsl:function>

  <xsl:function name="tk:is-list" as="xs:boolean">
    <xsl:param name="att" as="element(tei:attDef)"/>
    <xsl:sequence select="$att/tei:datatype/@maxOccurs = 'unbounded' or number($att/tei:datatype/@maxOccurs) gt 1"/>
  </xsl:function>

  <!-- The closed values of an attribute, or none when its values are open. -->
  <xsl:function name="tk:closed-values" as="xs:string*">
    <xsl:param name="att" as="element(tei:attDef)"/>
    <xsl:sequence select="$att/tei:valList[@type = 'closed']/tei:valItem/@ident ! string()"/>
  </xsl:function>

  <!-- Does a content model (after expanding macros) allow text? -->
  <xsl:function name="tk:allows-text" as="xs:boolean">
    <xsl:param name="content" as="element()"/>
    <xsl:sequence select="exists($content//tei:textNode) or
        (some $m in $content//tei:macroRef satisfies tk:allows-text(key('tk:spec', $m/@key, root($content))/tei:content))"/>
  </xsl:function>

  <xsl:function name="tk:max" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string(($e/@maxOccurs, '1')[1])"/>
  </xsl:function>

  <xsl:function name="tk:min" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string(($e/@minOccurs, '1')[1])"/>
  </xsl:function>

</xsl:stylesheet>
