<?xml version="1.0" encoding="UTF-8"?>
<!--
  The pages of the web edition: the frame every page shares, and the page of
  one text (metadata, citation, contents, reading text, notes, apparatus).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:html="urn:teikit:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="html:toc" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="html:notes" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="html:apparatus" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="html:index" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="html:source" on-no-match="fail" on-multiple-match="fail"/>

  <!-- ============================================================ the frame -->

  <xsl:template name="html:page">
    <xsl:param name="title" as="xs:string"/>
    <!-- where the page is in the site (texts/x.html): its links go up to the root, and the navigation
         marks it as the current page -->
    <xsl:param name="path" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="body" as="node()*"/>
    <xsl:param name="extra-head" as="node()*" select="()"/>
    <xsl:param name="description" as="xs:string" select="$title || '. ' || $html:site-name || '.'"/>
    <xsl:variable name="up" select="string-join(tail(tokenize($path, '/')) ! '../')"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{string-join(distinct-values(($title, $html:site-name)), ' · ')}</title>
        <meta name="description" content="{$description}"/>
        <link rel="icon" href="{$up}assets/favicon.svg" type="image/svg+xml"/>
        <link rel="stylesheet" href="{$up}assets/edition.css"/>
        <link rel="stylesheet" href="{$up}assets/print.css" media="print"/>
        <script src="{$up}assets/edition.js" defer=""></script>
        <xsl:sequence select="$extra-head"/>
      </head>
      <body>
        <a class="skip" href="#main" lang="en">Skip to the text</a>
        <header class="site" lang="en">
          <p class="site-title"><a href="{$up}index.html"><xsl:sequence select="html:current('index.html', $path)"/>{tk:title-parts($html:site-name)[1]}</a></p>
          <nav aria-label="Edition">
            <ul>
              <xsl:for-each select="$html:navigation[empty(?offered) or ?offered = $html:offered]">
                <li><a href="{$up}{?href}"><xsl:sequence select="html:current(?href, $path)"/>{?label}</a></li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$body"/>
        </main>
        <footer class="site" lang="en">
          <p>{$html:site-name}. Encoded in TEI P5 and published with teikit. Texts under the licences stated on each page.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- The links of every page's navigation, from the site's root; offered: only when the site has it. -->
  <xsl:variable name="html:navigation" as="map(*)+" select="(
      map{'href': 'index.html#texts', 'label': 'Texts'},
      map{'href': 'registers/persons.html', 'label': 'Persons', 'offered': 'persons'},
      map{'href': 'registers/places.html', 'label': 'Places', 'offered': 'places'},
      map{'href': 'registers/organisations.html', 'label': 'Organisations', 'offered': 'organisations'},
      map{'href': 'registers/works.html', 'label': 'Works', 'offered': 'works'},
      map{'href': 'search.html', 'label': 'Search'},
      map{'href': 'docs/guidelines.html', 'label': 'Encoding guidelines', 'offered': 'schema'})"/>

  <!-- What the site offers beyond its texts and search: the kinds of register entries it has (a register
       without organisations gets no empty page), and the edition's schema and guidelines, only when the
       texts are encoded to it (another project's texts are not described by this edition's guidelines). -->
  <xsl:variable name="html:offered" as="xs:string*"
      select="distinct-values($register//tei:text//(tei:person | tei:place | tei:org | tei:bibl)[@xml:id]
              ! tk:entry-kind(.)), 'schema'[$options('schema')]"/>

  <!-- aria-current on the link to the page it is on -->
  <xsl:function name="html:current" as="attribute()?">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="path" as="xs:string"/>
    <xsl:if test="$href = $path"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
  </xsl:function>

  <xsl:function name="html:option" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="string(($options($name), '')[1])"/>
  </xsl:function>

  <!-- The edition's title where the configuration gives one: a citation is "in" it, not "in TEI edition". -->
  <xsl:function name="html:edition-title" as="xs:string?">
    <xsl:sequence select="html:option('title')[. != ''][not($options?titled = false())]"/>
  </xsl:function>

  <!-- ============================================================ a text -->

  <xsl:template name="html:text-page">
    <xsl:context-item as="element(tk:text)" use="required"/>
    <xsl:variable name="tei" select="(tei:TEI, tei:teiCorpus)[1]"/>
    <xsl:variable name="lang" select="tk:lang($tei)"/>
    <xsl:call-template name="html:page">
      <xsl:with-param name="title" select="tk:title($tei)"/>
      <xsl:with-param name="path" select="'texts/' || @key || '.html'"/>
      <xsl:with-param name="description" select="string-join(tk:authors($tei), ', ')[. != ''] ! (. || ': ')
          || tk:title($tei) || (tk:written($tei) ! (' (' || . || ')')) || '.' || (html:edition-title() ! (' In ' || . || '.'))"/>
      <xsl:with-param name="extra-head"><xsl:call-template name="html:citation-meta"><xsl:with-param name="tei" select="$tei"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="body">
        <!-- the page is in the interface's language (its navigation, labels, script); the text's own
             language stands on the article, whose English labels say so -->
        <article class="text" data-key="{@key}" data-pagefind-body="" lang="{$lang}">
          <xsl:call-template name="html:text-meta"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="html:toc"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:if test="html:has-source-view($tei) or html:has-witness-view($tei)">
          <div class="controls" role="group" aria-label="View" lang="en">
            <xsl:if test="html:has-source-view($tei)">
              <button type="button" class="view-toggle" aria-pressed="false" hidden="">Show the source readings</button>
            </xsl:if>
            <xsl:if test="html:has-witness-view($tei)">
              <label class="witness-choice" hidden="">Show the text of
                <select class="witness-select">
                  <option value="">the edited text</option>
                  <xsl:for-each select="tk:witnesses($tei)">
                    <option value="#{@xml:id}">witness {tk:siglum(.)}</option>
                  </xsl:for-each>
                </select></label>
            </xsl:if>
          </div>
          </xsl:if>
          <div class="reading-text" lang="{tk:text-lang($tei)}">
            <xsl:sequence select="html:dir(tk:text-lang($tei), 'en')"/>
            <!-- a corpus shows its members (each a section holding its text) and corpora, each once -->
            <xsl:apply-templates select="$tei/tei:text | $tei/tei:TEI | $tei/tei:teiCorpus" mode="html:render"/>
          </div>
          <xsl:call-template name="html:missing-parts"/>
          <xsl:call-template name="html:index"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="html:notes"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="html:apparatus"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="html:cards"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The switch to the source readings is offered where it changes something: an emendation (choice),
       forme work, a long s the transcription writes s (html:is-long-s), or a note the source marks otherwise than the edition.  The choice of a witness is
       offered where readings name their witnesses. -->
  <xsl:function name="html:has-source-view" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="exists($tei//tei:text//tei:choice[tk:is-entry(.)]) or exists($tei//tei:text//tei:fw)
        or exists($tei//tei:text//tei:c[@rendition][html:is-long-s(.)])
        or (some $n in html:flow-notes($tei)[@n] satisfies tk:note-source-label($n) != tk:note-label($n))"/>
  </xsl:function>

  <xsl:function name="html:has-witness-view" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="exists(tk:witnesses($tei)) and exists($tei//tei:text//(tei:lem | tei:rdg)[@wit])"/>
  </xsl:function>

  <xsl:template name="html:text-meta">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="key" select="string(@key)"/>
    <xsl:variable name="header" select="($tei/tei:teiHeader)[1]"/>
    <xsl:variable name="url" select="html:url('texts/' || $key || '.html')"/>
    <header class="text-meta">
      <h1 data-pagefind-meta="title">{tk:title($tei)}</h1>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub']">
        <p class="subtitle">{normalize-space(.)}</p>
      </xsl:for-each>
      <dl class="meta">
        <xsl:if test="$header/tei:fileDesc/tei:titleStmt/tei:author">
          <dt lang="en">Author</dt>
          <dd data-pagefind-filter="author"><xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:author">
            <xsl:if test="position() gt 1">; </xsl:if><xsl:apply-templates select="node() except (tei:idno | tei:note)" mode="html:render"/></xsl:for-each></dd>
        </xsl:if>
        <xsl:if test="$header/tei:fileDesc/(tei:titleStmt | tei:editionStmt)/tei:respStmt">
          <dt lang="en">Responsibility</dt>
          <dd><ul class="resp"><xsl:for-each select="$header/tei:fileDesc/(tei:titleStmt | tei:editionStmt)/tei:respStmt">
            <li><xsl:call-template name="html:resp-statement"/></li>
          </xsl:for-each></ul></dd>
        </xsl:if>
        <xsl:if test="normalize-space($header/tei:profileDesc/tei:creation)">
          <dt lang="en">Written</dt><dd><xsl:apply-templates select="$header/tei:profileDesc/tei:creation/node()" mode="html:render"/></dd>
        </xsl:if>
        <xsl:if test="not(normalize-space($header/tei:profileDesc/tei:creation)) and $tei/tei:standOff//tei:event[@type = 'written']">
          <dt lang="en">Written</dt><dd>{tk:written($tei)}</dd>
        </xsl:if>
        <xsl:for-each select="html:sources($header)">
          <dt lang="en">{if (@type = 'transcription') then 'Transcription used' else if (@type = 'reprint') then 'Reprinted' else 'Source'}</dt>
          <dd><xsl:apply-templates select="." mode="html:source"/></dd>
        </xsl:for-each>
        <!-- a letter: who sent it from where and when, who received it -->
        <xsl:for-each select="$header/tei:profileDesc/tei:correspDesc/tei:correspAction">
          <dt lang="en">{(map{'sent': 'Sent', 'received': 'Received', 'forwarded': 'Forwarded', 'redirected': 'Redirected',
              'transmitted': 'Transmitted'}(string(@type)), 'Correspondence')[1]}</dt>
          <dd><xsl:for-each select="*[normalize-space()]">
            <xsl:if test="position() gt 1"> · </xsl:if><xsl:apply-templates select="." mode="html:render"/></xsl:for-each></dd>
        </xsl:for-each>
        <!-- a manuscript: where it is kept, what it holds, what it is and whence (tk:ms-description) -->
        <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc//tei:msDesc">
          <xsl:variable name="lang" select="tk:lang(.)"/>
          <xsl:for-each select="tk:ms-description(.)">
            <dt lang="en">{?label}</dt>
            <dd lang="{$lang}"><xsl:choose>
              <xsl:when test="count(?values) gt 1"><ul class="ms-values"><xsl:for-each select="?values"><li>{.}</li></xsl:for-each></ul></xsl:when>
              <xsl:otherwise>{?values}</xsl:otherwise>
            </xsl:choose></dd>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:variable name="witnesses" select="tk:witnesses($tei)"/>
        <xsl:if test="$witnesses">
          <dt lang="en">Witnesses</dt>
          <dd><ul class="witnesses"><xsl:for-each select="$witnesses">
            <li><span class="sigla">{tk:siglum(.)}</span><xsl:text> </xsl:text><xsl:apply-templates
                select="tk:witness-description(.)" mode="html:render"/></li>
          </xsl:for-each></ul></dd>
        </xsl:if>
        <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:availability">
          <dt lang="en">Licence</dt><dd><xsl:apply-templates select="node()" mode="html:render"/></dd>
        </xsl:for-each>
        <dt lang="en">How to cite</dt>
        <dd class="citation" lang="en"><span lang="{tk:lang($tei)}">{string-join(tk:authors($tei), ', ')}{if (exists(tk:authors($tei))) then ', ' else ''}“{tk:title($tei)}”</span>{html:edition-title() ! (', in ' || .)}{html:option('editors')[. != ''] ! (', ed. ' || .)}, <a href="{$url}" class="cite-url">{$url}</a>. Cite a paragraph by its number and the link on it.</dd>
        <dt lang="en">Downloads</dt>
        <!-- on paper each download shows its address: the public one where the edition has one, else the
             one the script reads from the page (edition.js: citation) -->
        <dd lang="en"><a href="../downloads/{$key}.xml" class="download" download="">
            <xsl:sequence select="html:print-address('downloads/' || $key || '.xml')"/>TEI XML</a><xsl:if
            test="@pdf = 'true'"> · <a href="../downloads/{$key}.pdf" class="download"><xsl:sequence
            select="html:print-address('downloads/' || $key || '.pdf')"/>PDF</a></xsl:if></dd>
      </dl>
      <xsl:variable name="notes" select="$header/tei:fileDesc/tei:notesStmt/tei:note"/>
      <xsl:if test="$notes">
        <details class="header-notes">
          <summary lang="en">Editors’ notes on this text ({count($notes)})</summary>
          <xsl:for-each select="$notes">
            <aside class="editorial-note-header" aria-label="Editorial note"><p><xsl:apply-templates select="node()" mode="html:render"/></p></aside>
          </xsl:for-each>
        </details>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- The sources a header describes, for the page's metadata, a corpus member's and the citation tags. -->
  <xsl:function name="html:sources" as="element()*">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="$header/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull | tei:p
                          | tei:listBibl/(tei:bibl | tei:biblStruct | tei:biblFull))"/>
  </xsl:function>

  <!-- A source as the metadata shows it: a bibl or a paragraph as it is written (a note in it in brackets,
       behaviours.xsl), a biblFull as a bibliography would cite it (tk:bibl-full-parts). -->
  <xsl:template match="tei:bibl | tei:biblStruct | tei:p" mode="html:source">
    <xsl:apply-templates select="node()" mode="html:render"/>
  </xsl:template>

  <xsl:template match="tei:biblFull" mode="html:source">
    <span class="tei-biblFull" data-tei="biblFull">
      <xsl:for-each select="tk:bibl-full-parts(.)">
        <xsl:element name="{if (?part = 'title') then 'cite' else 'span'}">
          <xsl:attribute name="class" select="'bibl-' || ?part"/>{?text}</xsl:element>{?after}</xsl:for-each>
    </span>
  </xsl:template>

  <!-- A path of the site as a reader should cite it: under the public address when one is
       configured, else relative to a text page. -->
  <xsl:function name="html:print-address" as="attribute()?">
    <xsl:param name="path" as="xs:string"/>
    <xsl:if test="html:option('base-url') != ''"><xsl:attribute name="data-address" select="html:url($path)"/></xsl:if>
  </xsl:function>

  <xsl:function name="html:url" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="(html:option('base-url')[. != ''], '../')[1] || $path"/>
  </xsl:function>

  <!-- What reference managers and library catalogues read from a page: Highwire Press tags
       (Zotero, Google Scholar) and Dublin Core, the TEI and the PDF as alternates, and the
       canonical address when the edition has a public one. -->
  <xsl:template name="html:citation-meta">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="key" select="string(@key)"/>
    <xsl:variable name="public" select="html:option('base-url') != ''"/>
    <xsl:variable name="file" select="$tei/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="published" select="string(($file/tei:publicationStmt/tei:date/(string(@when), normalize-space(.)))[. != ''][1])"/>
    <xsl:variable name="created" select="string(($tei/tei:teiHeader/tei:profileDesc/tei:creation//tei:date
                                          /(@when, @from, @notBefore, @notAfter, @to))[1])"/>
    <xsl:variable name="licence" select="($file/tei:publicationStmt/tei:availability//tei:licence/@target)[1]"/>
    <xsl:variable name="source" select="html:sources($tei/tei:teiHeader)[not(self::tei:p or @type = 'transcription')][1]"/>
    <xsl:variable name="lang" select="tk:text-lang($tei)"/>
    <xsl:variable name="page" select="html:url('texts/' || $key || '.html')"/>
    <xsl:if test="$public"><link rel="canonical" href="{$page}"/></xsl:if>
    <link rel="alternate" type="application/tei+xml" href="../downloads/{$key}.xml" title="TEI XML"/>
    <xsl:if test="@pdf = 'true'"><link rel="alternate" type="application/pdf" href="../downloads/{$key}.pdf" title="PDF"/></xsl:if>
    <meta name="citation_title" content="{tk:title($tei)}"/>
    <xsl:for-each select="tk:authors($tei)"><meta name="citation_author" content="{.}"/></xsl:for-each>
    <xsl:if test="$published"><meta name="citation_publication_date" content="{translate($published, '-', '/')}"/></xsl:if>
    <meta name="citation_publisher" content="{normalize-space(($file/tei:publicationStmt/tei:publisher, html:option('editors'))[1])}"/>
    <meta name="citation_language" content="{$lang}"/>
    <xsl:if test="$public">
      <meta name="citation_public_url" content="{$page}"/>
      <xsl:if test="@pdf = 'true'"><meta name="citation_pdf_url" content="{html:url('downloads/' || $key || '.pdf')}"/></xsl:if>
    </xsl:if>
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <link rel="schema.DCTERMS" href="http://purl.org/dc/terms/"/>
    <meta name="DC.title" content="{tk:title($tei)}"/>
    <xsl:for-each select="tk:authors($tei)"><meta name="DC.creator" content="{.}"/></xsl:for-each>
    <xsl:if test="$created"><meta name="DCTERMS.created" content="{$created}"/></xsl:if>
    <xsl:if test="$published"><meta name="DC.date" content="{$published}"/></xsl:if>
    <meta name="DC.language" content="{$lang}"/>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
    <xsl:if test="$source"><meta name="DC.source" content="{tk:source-text($source)}"/></xsl:if>
    <xsl:if test="$licence"><meta name="DC.rights" content="{$licence}"/></xsl:if>
    <xsl:for-each select="html:edition-title()"><meta name="DCTERMS.isPartOf" content="{.}"/></xsl:for-each>
    <xsl:if test="$public"><meta name="DC.identifier" content="{$page}"/></xsl:if>
  </xsl:template>

  <!-- The files a document includes (xi:include) that the edition does not have: a corpus's members
       kept in files of their own.  Named, so that the page says where its parts are. -->
  <xsl:template name="html:missing-parts">
    <xsl:context-item as="element(tk:text)" use="required"/>
    <xsl:if test="tk:missing">
      <section class="missing-parts" id="missing-parts" aria-labelledby="missing-h" lang="en">
        <h2 id="missing-h">Parts in other files</h2>
        <p>This document includes {count(tk:missing)} {if (count(tk:missing) = 1) then 'part' else 'parts'} from other
          files, which are not part of this edition:</p>
        <ul class="missing-parts">
          <xsl:for-each select="tk:missing">
            <li><code>{@href}</code>{@xpointer[. != ''] ! (' (' || . || ')')}</li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The persons, places and organisations of the document's own index (in its header or standOff) that
       names of the text point to: each with its dates and the encoders' notes on it, the names leading
       here (html:index-target); then the relations between them the document records (listRelation). -->
  <xsl:template name="html:index">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="entries" select="html:index-entries($tei)"/>
    <xsl:if test="exists($entries)">
      <section class="index" id="index" aria-labelledby="index-h">
        <h2 id="index-h" lang="en">{html:index-heading($entries)}</h2>
        <ul class="index">
          <xsl:for-each select="$entries">
            <li id="{tk:id(.)}" class="index-entry tei-{local-name()}" data-tei="{local-name()}">
              <strong>{tk:own-entry-name(.)}</strong>
              {tk:entry-dates(.) ! (' (' || . || ')')}
              <xsl:for-each select="tei:note[normalize-space()]">
                <xsl:text> </xsl:text><span class="index-note">{normalize-space(string-join(.//(tei:p | self::tei:note[not(tei:p)]) ! html:plain(.), ' '))}</span>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:variable name="relations" select="$tei//tei:relation[not(ancestor::tei:text)]
            [exists(html:relation-members(.) intersect $entries)]"/>
        <xsl:if test="$relations">
          <h3 lang="en">Relations</h3>
          <ul class="relations">
            <xsl:apply-templates select="$relations" mode="html:index">
              <xsl:with-param name="entries" select="$entries" tunnel="yes"/>
            </xsl:apply-templates>
          </ul>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The heading names the kinds the index holds: a play lists persons only. -->
  <xsl:function name="html:index-heading" as="xs:string">
    <xsl:param name="entries" as="element()+"/>
    <xsl:variable name="kinds" select="('persons'[$entries[self::tei:person or self::tei:personGrp]],
        'places'[$entries/self::tei:place], 'organisations'[$entries/self::tei:org])"/>
    <xsl:variable name="words" select="if (count($kinds) gt 1)
        then string-join($kinds[position() lt last()], ', ') || ' and ' || $kinds[last()] else $kinds"/>
    <xsl:sequence select="upper-case(substring($words, 1, 1)) || substring($words, 2)"/>
  </xsl:function>

  <!-- A relation between persons of the index, in words (DraCor's <relation name="parent_of"
       active="#koenig_peter" passive="#leonce"/>: König Peter — parent of — Leonce); a mutual one names
       its first member, the relation, then the others.  Members the page lists lead to their entries. -->
  <xsl:template match="tei:relation" mode="html:index">
    <xsl:param name="entries" as="element()*" tunnel="yes"/>
    <xsl:variable name="mutual" select="tokenize(@mutual)"/>
    <xsl:variable name="left" select="if (exists($mutual)) then $mutual[1] else tokenize(@active)"/>
    <xsl:variable name="right" select="if (exists($mutual)) then tail($mutual) else tokenize(@passive)"/>
    <li class="tei-relation" data-tei="relation">
      <xsl:call-template name="html:relation-side"><xsl:with-param name="pointers" select="$left"/></xsl:call-template>
      <span class="relation-name" lang="en"> — {replace((@name, @ref, @key, @type)[1], '[_\s]+', ' ')} — </span>
      <xsl:call-template name="html:relation-side"><xsl:with-param name="pointers" select="$right"/></xsl:call-template>
    </li>
  </xsl:template>

  <xsl:template name="html:relation-side">
    <xsl:context-item as="element(tei:relation)" use="required"/>
    <xsl:param name="pointers" as="xs:string*"/>
    <xsl:param name="entries" as="element()*" tunnel="yes"/>
    <xsl:variable name="relation" select="."/>
    <xsl:for-each select="$pointers">
      <xsl:variable name="member" select="tk:local-target(., $relation)"/>
      <xsl:if test="position() gt 1">, </xsl:if>
      <xsl:choose>
        <xsl:when test="$member intersect $entries"><a href="#{tk:id($member)}">{tk:own-entry-name($member)}</a></xsl:when>
        <xsl:otherwise>{($member ! tk:own-entry-name(.), .)[1]}</xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The persons of the document's own index a relation names. -->
  <xsl:function name="html:relation-members" as="element()*">
    <xsl:param name="relation" as="element(tei:relation)"/>
    <xsl:sequence select="tokenize(string-join($relation/(@active, @passive, @mutual), ' '))
        ! tk:local-target(., $relation)[html:is-index-entry(.)]"/>
  </xsl:function>

  <!-- The entries of that index the text names: by a name's pointer, or as a speech's speaker (sp/@who);
       a union, so each once, in the index's order. -->
  <xsl:function name="html:index-entries" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei//tei:text//*[@ref or @target] ! html:index-target(.))
        | ($tei//tei:text//tei:sp[@who][tei:speaker] ! html:speech-persons(.))"/>
  </xsl:function>

  <!-- ============================================================ contents -->

  <!-- The chapters, then the notes and the apparatus after the text (so that keyboard users reach
       them without passing every name of the text). -->
  <xsl:template name="html:toc">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="heads" select="$tei//tei:text//(tei:div | tei:div1 | tei:div2 | tei:div3)[tei:head]
        | $tei//(tei:TEI | tei:teiCorpus)[parent::tei:teiCorpus]"/>
    <xsl:variable name="notes" select="html:flow-notes($tei)"/>
    <xsl:variable name="index" select="html:index-entries($tei)"/>
    <xsl:variable name="after" as="element()*">
      <xsl:if test="$notes[tk:note-kind(.) != 'editorial']"><li><a href="#notes">Notes</a></li></xsl:if>
      <xsl:if test="$notes[tk:note-kind(.) = 'editorial']"><li><a href="#editorial-notes">Editorial notes</a></li></xsl:if>
      <xsl:if test="exists(html:listed-entries($tei))"><li><a href="#apparatus">Apparatus</a></li></xsl:if>
      <xsl:if test="$tei/../tk:missing"><li><a href="#missing-parts">Parts in other files</a></li></xsl:if>
      <xsl:if test="exists($index)"><li><a href="#index">{html:index-heading($index)}</a></li></xsl:if>
    </xsl:variable>
    <!-- a corpus lists its members, however few -->
    <xsl:variable name="listed" select="count($heads) gt 1 or exists($tei/self::tei:teiCorpus/(tei:TEI | tei:teiCorpus))"/>
    <xsl:if test="$listed or exists($after)">
      <nav class="toc" aria-label="Contents">
        <h2 lang="en">Contents</h2>
        <ol>
          <xsl:if test="$listed">
            <xsl:apply-templates select="if ($tei/self::tei:teiCorpus) then $tei/(tei:TEI | tei:teiCorpus)
                                         else $tei//tei:text/(tei:front | tei:body | tei:back)" mode="html:toc"/>
          </xsl:if>
          <xsl:sequence select="$after"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:div[tei:head] | tei:div1[tei:head] | tei:div2[tei:head] | tei:div3[tei:head]" mode="html:toc">
    <li><a href="#{tk:id(tei:head[1])}">{string-join(tei:head ! normalize-space(html:plain(.)), ' · ')}</a>
      <xsl:if test="(tei:div | tei:div1 | tei:div2 | tei:div3)[tei:head]">
        <ol><xsl:apply-templates select="tei:div | tei:div1 | tei:div2 | tei:div3" mode="html:toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>
  <xsl:template match="tei:note | tei:quote | tei:floatingText" mode="html:toc"/>

  <!-- a corpus lists its members by title, each with its own chapters -->
  <xsl:template match="(tei:TEI | tei:teiCorpus)[parent::tei:teiCorpus]" mode="html:toc">
    <xsl:variable name="inner" as="element()*">
      <xsl:apply-templates select="tei:TEI | tei:teiCorpus | .//tei:text/(tei:front | tei:body | tei:back)
          [ancestor::*[self::tei:TEI or self::tei:teiCorpus][1] is current()]" mode="html:toc"/>
    </xsl:variable>
    <li><a href="#{tk:id(.)}">{(tk:title(.)[. != ''], 'Untitled')[1]}</a>
      <xsl:if test="exists($inner)"><ol><xsl:sequence select="$inner"/></ol></xsl:if>
    </li>
  </xsl:template>

  <!-- The reading text of an element, as plain text (no notes within it, no source readings). -->
  <!-- A respStmt as its header says it: every resp, then the names (none: no colon after the resp). -->
  <xsl:template name="html:resp-statement">
    <xsl:context-item as="element(tei:respStmt)" use="required"/>
    <xsl:variable name="names" select="tei:name | tei:persName | tei:orgName"/>
    <xsl:variable name="resp" select="string-join(tei:resp ! normalize-space(.)[.], ', ')"/>
    <xsl:value-of select="$resp"/>
    <xsl:if test="$resp and $names">: </xsl:if>
    <xsl:for-each select="$names">
      <xsl:if test="position() gt 1">; </xsl:if>
      <xsl:choose>
        <xsl:when test="normalize-space(.)"><xsl:apply-templates select="." mode="html:render"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="html:name-by-pointer"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A name given only by its pointer (persName ref="#jd"/): the name it points to, in the register or the
       document's own list of persons, else the address it gives. -->
  <xsl:template name="html:name-by-pointer">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="label" select="(tk:entry(., $register) ! tk:entry-name(.), tk:pointer-text(.))[1]"/>
    <span class="tei-{local-name()}" data-tei="{local-name()}">
      <xsl:choose>
        <xsl:when test="matches($label, '^https?://')"><a href="{$label}">{$label}</a></xsl:when>
        <xsl:otherwise>{$label}</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:function name="html:plain" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:reading-string($e/node())"/>
  </xsl:function>

  <!-- ============================================================ notes -->

  <!-- What the page lists after the text, asked by the contents and by the lists themselves. -->
  <xsl:function name="html:flow-notes" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei//tei:note[tk:is-flow-note(.)]"/>
  </xsl:function>

  <xsl:function name="html:listed-entries" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei//tei:text//(tei:choice | tei:app)[html:is-listed(.)]"/>
  </xsl:function>

  <xsl:template name="html:notes">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="notes" select="html:flow-notes($tei)"/>
    <xsl:variable name="author" select="$notes[tk:note-kind(.) != 'editorial']"/>
    <xsl:variable name="editorial" select="$notes[tk:note-kind(.) = 'editorial']"/>
    <xsl:if test="$author">
      <section class="notes" id="notes" aria-labelledby="notes-h" role="doc-endnotes">
        <h2 id="notes-h" lang="en">Notes</h2>
        <ol class="notes"><xsl:apply-templates select="$author" mode="html:notes"/></ol>
      </section>
    </xsl:if>
    <xsl:if test="$editorial">
      <section class="notes editorial-notes" id="editorial-notes" aria-labelledby="enotes-h">
        <h2 id="enotes-h" lang="en">Editorial notes</h2>
        <ol class="notes"><xsl:apply-templates select="$editorial" mode="html:notes"/></ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="html:notes">
    <xsl:variable name="id" select="tk:id(.)"/>
    <li id="{$id}" class="note note-{tk:note-kind(.)}" data-tei="note">
      <a class="backref" href="#ref-{$id}" aria-label="Back to {lower-case(substring(html:note-name(.), 1, 1)) || substring(html:note-name(.), 2)} in the text"><xsl:sequence select="html:note-labels(.)"/></a>
      <xsl:text> </xsl:text>
      <xsl:if test="tk:note-kind(.) = 'translator'"><span class="note-kind">Translator’s note. </span></xsl:if>
      <div class="note-body" lang="{tk:lang(.)}"><xsl:sequence select="html:dir(tk:lang(.), 'en')"/><xsl:apply-templates mode="html:render"/></div>
    </li>
  </xsl:template>

  <!-- ============================================================ apparatus -->

  <xsl:template name="html:apparatus">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="entries" select="html:listed-entries($tei)"/>
    <xsl:variable name="letters" select="$tei//tei:text//tei:choice[html:is-typographic(.)]"/>
    <xsl:if test="$entries or $letters">
      <section class="apparatus" id="apparatus" aria-labelledby="app-h">
        <h2 id="app-h" lang="en">Apparatus</h2>
        <p class="explain" lang="en">Each entry gives the reading of this edition, a bracket, and the source's reading
          (with its witnesses, for variants); <span class="app-resp">ed.</span> marks the editors' emendations;
          where the reading is only a mark or nothing (a character of the source removed), both sides begin
          with the word before it (or, first in a note, end with the word after it); an entry in a note is
          cited by the note (n. 1); <i>om.</i> means that the source has nothing; ␣ stands for a space of the
          source where a space is all that differs.<xsl:if test="$letters"> The letters the edition regularises as the
          print's typography asks ({string-join(distinct-values($letters ! (tk:reading-string(tei:orig/node()) || ' as '
          || tk:reading-string(tei:reg/node()))), ', ')}) are not listed: “Show the source readings” shows
          them in the text.</xsl:if></p>
        <xsl:if test="$entries"><ol class="apparatus"><xsl:apply-templates select="$entries" mode="html:apparatus"/></ol></xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:choice | tei:app" mode="html:apparatus">
    <xsl:variable name="reading" select="tk:reading(.)"/>
    <xsl:variable name="lemma" select="tk:reading-string($reading)"/>
    <xsl:variable name="p" select="ancestor::tei:p[html:is-numbered(.)][1]"/>
    <!-- an entry in a note is cited by the note, not by the paragraph the note is anchored in -->
    <xsl:variable name="note" select="ancestor::tei:note[tk:is-flow-note(.)][1]"/>
    <!-- a lemma without a letter (a dash, a stop, a deletion) takes the word before it on both sides;
         at the start of its block (a note's first mark), the word after it -->
    <xsl:variable name="context" select="if (matches($lemma, '[\p{L}\p{N}]')) then '' else tk:word-before(.)"/>
    <xsl:variable name="after" select="if (matches($lemma, '[\p{L}\p{N}]') or $context != '') then '' else tk:word-after(.)"/>
    <!-- a reading the encoder set apart from the word before (θεὸς<app> <rdg>ἐν αὐτῆ…) stays apart from it -->
    <xsl:variable name="sep" select="if ($context != '' and tk:space-before(.) and not(matches($context, '\s$'))) then ' ' else ''"/>
    <xsl:variable name="id" select="tk:id(.)"/>
    <li id="app-{$id}" data-tei="{local-name()}" lang="{tk:lang(($reading, .)[1])}">
      <xsl:sequence select="html:dir(tk:lang(($reading, .)[1]), 'en')"/>
      <xsl:variable name="where" select="if ($note) then 'n. ' || tk:note-label($note)
          else if ($p) then '¶ ' || html:paragraph-number($p)
          else (html:source-line(.) ! ('l. ' || .), ancestor::tei:head[1] ! 'heading',
                accumulator-before('html:paragraphs')[. gt 0] ! ('after ¶ ' || .), '↑')[1]"/>
      <!-- each named apart (a list of links all called "Back to the text" says nothing), its label in its name -->
      <a class="backref" href="#app-{$id}-ref" aria-label="{$where[. != '↑'] ! (. || ', ')}back to apparatus entry {tk:entry-number(.)} in the text">{$where}</a>
      <xsl:text> </xsl:text>
      <span class="lemma">{normalize-space($context || $sep[$lemma != ''] || $lemma || $after)}</span>
      <xsl:if test="$reading/@wit"><xsl:text> </xsl:text><span class="sigla">{string-join(tk:sigla($reading), ' ')}</span></xsl:if>
      <xsl:text>] </xsl:text>
      <xsl:for-each select="tk:alternates(.)">
        <xsl:variable name="variant" select="tk:reading-string(.)"/>
        <xsl:if test="position() gt 1">; </xsl:if>
        <span class="variant">
          <xsl:if test="@xml:lang">
            <xsl:attribute name="lang" select="tk:bcp47(@xml:lang)"/>
            <xsl:sequence select="html:dir(tk:lang(.), tk:lang(($reading, ..)[1]))"/>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="normalize-space($context || $variant) = ''"><i class="app-om" lang="en">om.</i></xsl:when>
            <xsl:otherwise>{tk:shown-reading($context || $sep[$variant != ''] || $variant || $after,
                                             $context || $sep[$lemma != ''] || $lemma || $after)}</xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:if test="@wit"><xsl:text> </xsl:text><span class="sigla">{string-join(tk:sigla(.), ' ')}</span></xsl:if>
        <xsl:for-each select=".//tei:note"><xsl:text> </xsl:text><span class="app-detail">[{normalize-space(tk:reading-string(node()))}]</span></xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="tei:witDetail | tei:note">
        <xsl:text>; </xsl:text>
        <span class="app-detail"><xsl:if test="@wit"><span class="sigla">{string-join(tk:sigla(.), ' ')}</span>: </xsl:if>{normalize-space(.)}</span>
      </xsl:for-each>
      <xsl:if test="$reading/@resp"><xsl:text> </xsl:text><span class="app-resp" lang="en">ed.</span></xsl:if>
      <xsl:if test="$reading/@type"><xsl:text> </xsl:text><span class="app-type" lang="en">({$reading/@type})</span></xsl:if>
    </li>
  </xsl:template>

  <!-- The line of the source an element stands on, where the encoder numbered the lines (lb n="4" in an
       inscription or a manuscript) and no numbered paragraph holds it. -->
  <xsl:function name="html:source-line" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="lb" select="$e/preceding::tei:lb[1][@n]"/>
    <xsl:sequence select="$lb[ancestor::tei:div[1] is $e/ancestor::tei:div[1]]/string(@n)"/>
  </xsl:function>

  <!-- ============================================================ cards -->

  <!-- One card per register entry named or quoted on the page, shown on hover or focus (not a tooltip:
       it holds links, which the script lets the pointer and Tab reach). -->
  <xsl:template name="html:cards">
    <xsl:param name="tei" as="element()"/>
    <!-- a union: each entry once, in the register's order -->
    <xsl:variable name="entries" select="$tei//tei:text//*[@ref] ! tk:entry(., $register)
        | (for $q in $tei//tei:text//tei:quote[@source], $p in tokenize($q/@source) return html:source-entry($p, $q))"/>
    <xsl:if test="$entries">
      <div class="cards">
        <xsl:for-each select="$entries">
          <div class="card" id="card-{@xml:id}" hidden="">
            <xsl:call-template name="html:entry-summary"/>
          </div>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html:entry-summary">
    <xsl:context-item as="element()" use="required"/>
    <p class="card-name"><strong>{tk:entry-name(.)}</strong>{tk:entry-dates(.) ! (' (' || . || ')')}</p>
    <xsl:if test="tei:note"><p class="card-note">{normalize-space(tei:note[1])}</p></xsl:if>
    <xsl:call-template name="html:authority-links"/>
  </xsl:template>

  <xsl:template name="html:authority-links">
    <xsl:context-item as="element()" use="required"/>
    <xsl:if test="tei:idno[@type = ('wikidata', 'viaf')]">
      <p class="authority">
        <xsl:for-each select="tei:idno[@type = 'wikidata']"><a href="https://www.wikidata.org/wiki/{normalize-space(.)}">Wikidata {normalize-space(.)}</a></xsl:for-each>
        <xsl:if test="tei:idno[@type = 'wikidata'] and tei:idno[@type = 'viaf']"> · </xsl:if>
        <xsl:for-each select="tei:idno[@type = 'viaf']"><a href="https://viaf.org/viaf/{normalize-space(.)}">VIAF {normalize-space(.)}</a></xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
