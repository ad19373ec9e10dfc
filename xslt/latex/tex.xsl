<?xml version="1.0" encoding="UTF-8"?>
<!--
  Writing TeX safely: every character of the TEI goes through tex:escape, so
  no content of a document can run a TeX command.  Index keys go through
  tex:index-entry (makeindex quoting on top of TeX escaping).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:tex="urn:teikit:latex"
    exclude-result-prefixes="#all">

  <!-- TeX's special characters, those that would start a ligature, an optional argument or a paragraph,
       and places where a long URL may break. -->
  <xsl:variable name="tex:specials" as="map(xs:string, xs:string)" select="map{
      '\': '\textbackslash{}', '{': '\{', '}': '\}', '$': '\$', '&amp;': '\&amp;\allowbreak{}', '#': '\#',
      '^': '\textasciicircum{}', '_': '\_', '~': '\textasciitilde{}', '%': '\%',
      '&lt;': '\textless{}', '&gt;': '\textgreater{}', '|': '\textbar{}', '`': '\textasciigrave{}',
      '[': '{[}', ']': '{]}', '&quot;': '\textquotedbl{}', '/': '/\allowbreak{}',
      '?': '?\allowbreak{}', '=': '=\allowbreak{}', '&#xA0;': '~'}"/>

  <!-- The text as TeX input that prints it literally.  Besides the specials: the characters of TeX's
       ligatures (two hyphens, commas, apostrophes, angle brackets or grave accents) are kept apart,
       since LuaTeX would join them even from separate commands; an abbreviation (G.P.U.) stays whole,
       a dot before a letter inside a longer word (an address) may break, a dot inside a number
       (1.000.000) may not; the dots of a spaced ellipsis stay together and with the word before them.
       A line may break after an em dash before a letter (LuaTeX sees no break in "crowds—carefully"),
       not before a closing mark, a stop or another dash. -->
  <xsl:function name="tex:escape" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="dots" select="tex:tie-ellipses(string($s))"/>
    <xsl:sequence select="string-join(analyze-string($dots,
        '(\p{L}\.){2,}|[-,''&lt;&gt;`]{2,}|!`|[\\{}$&amp;#\^_~%&lt;&gt;|`\[\]&quot;/?=&#xA0;]|[.—]\p{L}|\s+')/*
        ! (if (self::fn:non-match) then string(.)
           else if (normalize-space(.) = '') then ' '
           else if (matches(., '^(\p{L}\.){2,}$')) then string(.)
           else if (matches(., '^[.—]\p{L}$')) then substring(., 1, 1) || '\allowbreak{}' || substring(., 2)
           else if (string-length(.) gt 1) then string-join((for $c in string-to-codepoints(.) return codepoints-to-string($c))
                ! ($tex:specials(.), .)[1], '\kern0pt{}')
           else $tex:specials(string(.))))"/>
  </xsl:function>

  <!-- "prison . . . ." and "proletariat ....": the spaces between the dots, and before the first,
       become unbreakable. -->
  <xsl:function name="tex:tie-ellipses" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="inner" select="replace(replace($s, '\.[ \t\n\r]+\.', '.&#xA0;.'), '\.[ \t\n\r]+\.', '.&#xA0;.')"/>
    <xsl:sequence select="replace($inner, '(\S)[ \t\n\r]+(\.[.&#xA0;]*\.)', '$1&#xA0;$2')"/>
  </xsl:function>

  <!-- Running text: in English, each straight quotation mark becomes \tkdq (\tkdqs when a space
       follows, \tkdql when a space and a small letter follow), and a single mark opening a quotation before a word becomes \tksq; teikit.lua then sets
       each as an opening or closing mark from what precedes it on the page.  Elisions keep the
       apostrophe ('tis, 'gainst).  $key names the marks of a text that reledmac sets twice (an
       apparatus lemma): the apparatus repeats what the text decided. -->
  <xsl:variable name="tex:elisions" as="xs:string*"
      select="('tis', 'twas', 'twere', 'twill', 'twould', 'twixt', 'tween', 'gainst', 'mongst', 'midst',
               'neath', 'em', 'n', 'ne', 'til', 'till', 'cause', 'bout', 'round', 'im', 's', 'd', 'll')"/>

  <xsl:function name="tex:prose" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:param name="english" as="xs:boolean"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:sequence select="if (not($english) or not(matches(string($s), '[&quot;'']'))) then tex:escape($s) else
        string-join(analyze-string(string($s), '&quot;(\s+(\p{Ll})?)?|(^|[\s(\[{—–“‘])''(\p{L}+)')/*
          ! (let $arg := '{' || (if ($key) then $key || '.' || position() else '') || '}' return
             if (self::fn:non-match) then tex:escape(.)
             else if (starts-with(., '&quot;')) then
               (if (not(fn:group)) then '\tkdq' || $arg
                else (if (.//fn:group[@nr = 2]) then '\tkdql' else '\tkdqs') || $arg || tex:escape(fn:group[@nr = 1]))
             else tex:escape(string(fn:group[@nr = 3])) || (if (lower-case(fn:group[@nr = 4]) = $tex:elisions)
                  then '''' else '\tksq' || $arg) || tex:escape(fn:group[@nr = 4])))"/>
  </xsl:function>

  <!-- The same, for a string that is already a single line of plain text (titles, PDF metadata). -->
  <xsl:function name="tex:plain" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="tex:escape(normalize-space($s))"/>
  </xsl:function>

  <!-- A string for the PDF's metadata and bookmarks: the apostrophe the page shows (TeX's ligatures
       set ' as ’ on the page, not in the metadata), and no break hints. -->
  <xsl:function name="tex:pdf-string" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="tex:unbreakable(replace(string($s), '(\p{L})''', '$1’'))"/>
  </xsl:function>

  <!-- Plain text without the break hints and ligature guards tex:escape adds (they mean nothing in PDF
       strings, and makeindex would keep them in an entry). -->
  <xsl:function name="tex:unbreakable" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(tex:plain($s), '\\(allowbreak|kern0pt)\{\}', '')"/>
  </xsl:function>

  <!-- An index entry: sort key @ printed form, with makeindex's own characters quoted. -->
  <xsl:function name="tex:index-entry" as="xs:string">
    <xsl:param name="sort" as="xs:string"/>
    <xsl:param name="shown" as="xs:string"/>
    <xsl:variable name="key" select="replace(normalize-unicode(normalize-space($sort), 'NFD'), '[^\p{L}\p{N} ,.\-]', '')"/>
    <!-- no break hints: written from a note, \allowbreak{} comes back as "\allowbreak  {}", and makeindex
         would see two headwords -->
    <xsl:sequence select="tex:quote-index($key) || '@' || tex:quote-index(tex:unbreakable($shown))"/>
  </xsl:function>

  <xsl:function name="tex:quote-index" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '([&quot;!@|])', '&quot;$1')"/>
  </xsl:function>

  <!-- A URL for \href: only absolute http(s), with TeX's characters escaped for hyperref (\string~: the
       link's target is the tilde itself, also in a note's argument). -->
  <xsl:function name="tex:url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="if (matches($u, '^https?://[^\s\\{}]+$', 'i'))
                          then replace(replace(replace($u, '%', '\\%'), '#', '\\#'), '~', '\\string~') else ()"/>
  </xsl:function>

</xsl:stylesheet>
