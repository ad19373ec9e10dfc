<?xml version="1.0" encoding="UTF-8"?>
<!--
  ODD to the encoding guidelines: one HTML page for editors, listing every
  element with its content model, attributes and values, Schematron rules,
  processing behaviour and examples.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron"
    xmlns:tk="urn:teikit"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="odd-common.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:model" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:prose" on-no-match="text-only-copy" on-multiple-match="fail"/>
  <xsl:mode name="tk:eg" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="tk:sch" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <xsl:variable name="odd" select="/" as="document-node()"/>
  <xsl:variable name="schema" select="(//tei:schemaSpec)[1]" as="element(tei:schemaSpec)"/>
  <xsl:variable name="elements" as="element(tei:elementSpec)*">
    <xsl:perform-sort select="$schema/tei:elementSpec"><xsl:sort select="lower-case(@ident)"/></xsl:perform-sort>
  </xsl:variable>

  <!-- children each element may contain, through classes and macros -->
  <xsl:function name="tk:children" as="xs:string*">
    <xsl:param name="content" as="element()*"/>
    <xsl:sequence select="distinct-values(
        for $c in $content//(tei:elementRef | tei:classRef | tei:macroRef)
        return if ($c/self::tei:elementRef) then string($c/@key)
               else if ($c/self::tei:classRef) then tk:class-members($odd, $c/@key)
               else tk:children(key('tk:spec', $c/@key, $odd)/tei:content))"/>
  </xsl:function>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Encoding guidelines: {$schema/@ident}</title>
        <style>
          body {{ font: 16px/1.5 Georgia, serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #222; }}
          code, pre {{ font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }}
          pre {{ background: #f6f5f1; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }}
          nav.toc {{ columns: 4 9rem; font-size: .9em; }}
          nav.toc a {{ display: block; }}
          section.spec {{ border-top: 1px solid #ccc; margin-top: 2rem; }}
          table {{ border-collapse: collapse; width: 100%; font-size: .9em; }}
          th, td {{ border: 1px solid #ddd; padding: .25rem .4rem; text-align: left; vertical-align: top; }}
          .gloss {{ color: #555; font-style: italic; }}
          .model {{ font-family: monospace; font-size: .85em; }}
          .sr-only {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
          .table-scroll {{ overflow-x: auto; }}
          main {{ overflow-wrap: anywhere; }}
        </style>
      </head>
      <body>
        <header>
          <h1>Encoding guidelines</h1>
          <p>Generated from <code>schema/edition.odd</code>: {count($elements)} elements,
             {count($schema//tei:constraintSpec[tei:constraint/*])} Schematron rules.
             Validate with <code>teikit validate</code>, or in Oxygen and VS Code through the
             <code>xml-model</code> instructions at the top of each file.</p>
        </header>
        <main>
          <xsl:apply-templates select="$schema/ancestor::tei:body/tei:div[not(.//tei:schemaSpec)]" mode="tk:prose"/>
          <h2 id="elements">Elements</h2>
          <nav class="toc" aria-label="Elements">
            <xsl:for-each select="$elements"><a href="#el-{@ident}">&lt;{@ident}&gt;</a></xsl:for-each>
          </nav>
          <xsl:apply-templates select="$elements"/>
          <h2 id="rules">Schematron rules</h2>
          <ul>
            <xsl:for-each select="$schema//tei:constraintSpec[tei:constraint/(sch:rule | sch:assert)]">
              <li><code>{@ident}</code> (<a href="#el-{ancestor::tei:elementSpec/@ident}">&lt;{ancestor::tei:elementSpec/@ident}&gt;</a>): {normalize-space(tei:desc)}</li>
            </xsl:for-each>
          </ul>
          <h2 id="datatypes">Datatypes</h2>
          <dl>
            <xsl:for-each select="$schema/tei:dataSpec">
              <dt id="dt-{@ident}"><code>{@ident}</code></dt>
              <dd>{normalize-space(tei:desc)}</dd>
            </xsl:for-each>
          </dl>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:elementSpec">
    <xsl:variable name="ident" select="string(@ident)"/>
    <xsl:variable name="parents" select="$elements[$ident = tk:children(tei:content)]/@ident"/>
    <section class="spec" id="el-{@ident}">
      <h3><code>&lt;{@ident}&gt;</code> <span class="gloss">{tei:gloss}</span></h3>
      <p>{normalize-space(tei:desc)}</p>
      <xsl:apply-templates select="tei:remarks/tei:p" mode="tk:prose"/>
      <p><strong>Content:</strong><xsl:text> </xsl:text><span class="model"><xsl:apply-templates select="tei:content/*" mode="tk:model"/></span></p>
      <xsl:variable name="kids" select="tk:children(tei:content)"/>
      <xsl:if test="exists($kids)">
        <p><strong>May contain:</strong><xsl:text> </xsl:text>
          <xsl:for-each select="sort($kids)"><xsl:if test="position() gt 1">, </xsl:if><a href="#el-{.}">{.}</a></xsl:for-each></p>
      </xsl:if>
      <xsl:if test="exists($parents)">
        <p><strong>May appear in:</strong><xsl:text> </xsl:text>
          <xsl:for-each select="$parents"><xsl:if test="position() gt 1">, </xsl:if><a href="#el-{.}">{.}</a></xsl:for-each></p>
      </xsl:if>
      <xsl:variable name="atts" select="tk:attributes(.)"/>
      <xsl:if test="exists($atts)">
        <!-- on a phone a table scrolls in its own box, reachable by keyboard; the page does not -->
        <div class="table-scroll" role="region" aria-label="Attributes of &lt;{@ident}&gt;" tabindex="0">
        <table>
          <caption class="sr-only">Attributes of &lt;{@ident}&gt;</caption>
          <thead><tr><th scope="col">Attribute</th><th scope="col">Use</th><th scope="col">Values</th><th scope="col">Meaning</th></tr></thead>
          <tbody>
            <xsl:for-each select="$atts">
              <tr>
                <td><code>@{@ident}</code><xsl:if test="tk:attribute-origin(.)"> <small>({tk:attribute-origin(.)})</small></xsl:if></td>
                <td>{if (@usage = 'req') then 'required' else 'optional'}</td>
                <td>
                  <xsl:choose>
                    <xsl:when test="tei:valList[@type = 'closed']">
                      <xsl:for-each select="tei:valList/tei:valItem"><code>{@ident}</code>: {normalize-space(tei:desc)}<br/></xsl:for-each>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:for-each select="tei:datatype/tei:dataRef"><code>{(@key, @name)[1]}</code></xsl:for-each>
                      <xsl:if test="tk:is-list(.)"> (one or more, separated by spaces)</xsl:if>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
                <td>{normalize-space(tei:desc)}</td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:if>
      <xsl:for-each select="tei:constraintSpec[tei:constraint/*]">
        <p><strong>Rule <code>{@ident}</code>:</strong> {normalize-space(tei:desc)}
          <xsl:for-each select=".//sch:assert">
            <br/><small>Checks <code>{@test}</code> on <code>{(ancestor::sch:rule/@context, '.')[1]}</code>.</small>
          </xsl:for-each></p>
      </xsl:for-each>
      <xsl:if test="tei:model">
        <p><strong>Rendering:</strong><xsl:text> </xsl:text>
          <xsl:for-each select="tei:model">
            <xsl:if test="position() gt 1">; otherwise </xsl:if>
            <code>{@behaviour}</code><xsl:if test="@predicate"> when <code>{@predicate}</code></xsl:if>
          </xsl:for-each></p>
      </xsl:if>
      <xsl:for-each select="tei:exemplum/eg:egXML">
        <p><strong>Example:</strong></p>
        <pre><code><xsl:apply-templates select="node()" mode="tk:eg"/></code></pre>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- prose from the ODD -->
  <xsl:template match="tei:div" mode="tk:prose">
    <section><xsl:apply-templates mode="tk:prose"/></section>
  </xsl:template>
  <xsl:template match="tei:head" mode="tk:prose"><h2>{.}</h2></xsl:template>
  <xsl:template match="tei:p" mode="tk:prose"><p><xsl:apply-templates mode="tk:prose"/></p></xsl:template>

  <!-- content models in compact notation: (a, b?, (c | d)*) -->
  <xsl:template match="tei:sequence" mode="tk:model">
    <xsl:text>(</xsl:text>
    <xsl:for-each select="*"><xsl:if test="position() gt 1">, </xsl:if><xsl:apply-templates select="." mode="tk:model"/></xsl:for-each>
    <xsl:text>){tk:occ(.)}</xsl:text>
  </xsl:template>
  <xsl:template match="tei:alternate" mode="tk:model">
    <xsl:text>(</xsl:text>
    <xsl:for-each select="*"><xsl:if test="position() gt 1"> | </xsl:if><xsl:apply-templates select="." mode="tk:model"/></xsl:for-each>
    <xsl:text>){tk:occ(.)}</xsl:text>
  </xsl:template>
  <xsl:template match="tei:elementRef" mode="tk:model"><a href="#el-{@key}">{@key}</a>{tk:occ(.)}</xsl:template>
  <xsl:template match="tei:classRef" mode="tk:model">
    <abbr title="{string-join(tk:class-members($odd, @key), ', ')}">{@key}</abbr>{tk:occ(.)}</xsl:template>
  <xsl:template match="tei:macroRef" mode="tk:model">
    <xsl:apply-templates select="key('tk:spec', @key, $odd)/tei:content/*" mode="tk:model"/>
  </xsl:template>
  <xsl:template match="tei:textNode" mode="tk:model">text</xsl:template>
  <xsl:template match="tei:empty" mode="tk:model">empty</xsl:template>

  <xsl:function name="tk:occ" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="m" select="tk:min($e) || '-' || tk:max($e)"/>
    <xsl:sequence select="if ($m = '0-1') then '?' else if ($m = '0-unbounded') then '*'
                          else if ($m = '1-unbounded') then '+' else ''"/>
  </xsl:function>

  <!-- examples, re-serialised without their namespace -->
  <xsl:template match="*" mode="tk:eg">
    <xsl:text>&lt;{local-name()}</xsl:text>
    <xsl:for-each select="@*"> {name()}="{replace(., '&quot;', '&amp;quot;')}"</xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">&gt;<xsl:apply-templates mode="tk:eg"/>&lt;/{local-name()}&gt;</xsl:when>
      <xsl:otherwise>/&gt;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()" mode="tk:eg"><xsl:value-of select="."/></xsl:template>

</xsl:stylesheet>
