<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcriptions of speech (ISO 24624, the TEI's spoken chapter): what is read between the tokens of an
  utterance, for both outputs.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Whether a space is read before a token (w, pc, or an element that begins with one: unclear) of an
       utterance that follows another with nothing written between them (a pause or an anchor is not
       text): transcriptions write <w>Ich</w><w>fang</w> for two words, which read as one without it. No
       space where @join joins the two (the token's 'left', the one before's 'right', or 'both'), before
       closing punctuation, or after opening punctuation. Tokens the encoder set apart by white space, and
       tokens outside an utterance, keep the file's own spacing. -->
  <xsl:function name="tk:space-before-token" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor::tei:u) and normalize-space($e) != '' and (
        let $before := $e/preceding-sibling::node()[self::text() or self::*[normalize-space()]][1],
            $last := $before/descendant-or-self::*[self::tei:w or self::tei:pc][normalize-space()][last()],
            $first := $e/descendant-or-self::*[self::tei:w or self::tei:pc][normalize-space()][1]
        return exists($last) and exists($first) and $before instance of element()
          and not($first/@join = ('left', 'both') or $last/@join = ('right', 'both'))
          and not($first/self::tei:pc[not(@join)][matches(., '^\s*[.,;:!?…)\]}»”’%]')] and not(matches($first, '^\s*\.\.')))
          and not($last/self::tei:pc[not(@join)][matches(., '[(\[{«„“‘¿¡]\s*$')]))"/>
  </xsl:function>

  <!-- Who speaks an utterance (annotationBlock/@who, u/@who): the name the header's list of participants
       gives the speaker (its persName, else its @n), else the pointer's own word. -->
  <xsl:function name="tk:speaker-names" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:for-each select="tokenize($e/@who)">
      <xsl:variable name="id" select="replace(., '^#', '')"/>
      <xsl:variable name="person" select="(root($e)//tei:particDesc//(tei:person | tei:persName/parent::tei:person)
          [@xml:id = $id or @id = $id])[1]"/>
      <xsl:sequence select="($person/(tei:persName[normalize-space()][1] ! normalize-space(), @n[normalize-space()] ! string()), $id)[1]"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The spoken annotations of an utterance's block (spanGrp/span: a translation, a comment), each with
       its type, to be read under the utterance. -->
  <xsl:function name="tk:utterance-annotations" as="element(tei:span)*">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block/tei:spanGrp/tei:span[normalize-space()]"/>
  </xsl:function>

</xsl:stylesheet>
