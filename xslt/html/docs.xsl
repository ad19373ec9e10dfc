<?xml version="1.0" encoding="UTF-8"?>
<!--
  The encoding guidelines and the lint rules in the site's frame: the pages
  that teikit writes on their own (schema.guidelines_html, lint.docs) are
  given here as parsed HTML, and keep their content, not their head.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:html="urn:teikit:html"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="html:adopt" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template name="html:docs-page">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="doc" as="document-node()"/>
    <xsl:call-template name="html:page">
      <xsl:with-param name="title" select="normalize-space($doc/*:html/*:head/*:title)"/>
      <xsl:with-param name="path" select="'docs/' || $name"/>
      <xsl:with-param name="lang" select="string(($doc/*:html/@lang, 'en')[1])"/>
      <xsl:with-param name="body">
        <div class="docs"><xsl:apply-templates select="$doc/*:html/*:body/node()" mode="html:adopt"/></div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- the page's own header and main landmark give way to the site's -->
  <xsl:template match="*:body/*:header | *:body/*:main" mode="html:adopt">
    <xsl:apply-templates mode="html:adopt"/>
  </xsl:template>

  <!-- parsed HTML may have no namespace: its elements join the site's -->
  <xsl:template match="*" mode="html:adopt">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="html:adopt"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="text()" mode="html:adopt"><xsl:copy/></xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="html:adopt"/>

</xsl:stylesheet>
