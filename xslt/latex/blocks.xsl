<?xml version="1.0" encoding="UTF-8"?>
<!--
  From the TEI tree to reledmac's paragraphs.  reledmac numbers the lines of
  \pstart … \pend paragraphs that follow one another, so the nesting of TEI
  (a list or a block quotation inside a paragraph, letters inside a chapter)
  is flattened here into a sequence of chunks, each a map:
    kind  'para' | 'heading' | 'skip' (a blank line between stanzas)
    style the styles it is set in, outermost first ('quote', 'verse', 'item' …)
    nodes the TEI nodes whose text it holds (references, not copies)
    el    the TEI element it comes from (for error messages)
  A paragraph interrupted by a block continues after it without indentation.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:tex="urn:teikit:latex"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- Phrase-level elements: never a paragraph of their own, wherever they stand. -->
  <xsl:variable name="tex:phrase" as="xs:string*" select="('hi', 'emph', 'foreign', 'term', 'mentioned', 'soCalled',
      'persName', 'placeName', 'orgName', 'name', 'rs', 'date', 'time', 'num', 'measure', 'choice', 'app', 'sic',
      'corr', 'orig', 'reg', 'abbr', 'expan', 'ex', 'am', 'supplied', 'unclear', 'gap', 'space', 'damage', 'add',
      'del', 'subst', 'restore', 'g', 'c', 'w', 'pc', 'seg', 's', 'ref', 'ptr', 'note', 'pb', 'lb', 'cb', 'gb',
      'milestone', 'anchor', 'fw', 'forename', 'surname', 'roleName', 'addName', 'genName', 'nameLink',
      'geogName', 'settlement', 'region', 'country', 'bloc', 'district', 'geo', 'idno', 'biblScope', 'citedRange',
      'metamark', 'stamp', 'lacunaStart', 'lacunaEnd', 'witStart', 'witEnd', 'witDetail', 'handShift', 'index',
      'affiliation', 'occupation', 'email', 'graphic', 'formula', 'origDate', 'origPlace', 'locus', 'catchwords',
      'title', 'author', 'editor', 'resp', 'pubPlace', 'publisher', 'edition', 'imprint', 'monogr', 'analytic',
      'series', 'extent', 'distributor', 'respStmt', 'cell')"/>

  <!-- Elements that interrupt a paragraph when they stand inside one. -->
  <xsl:variable name="tex:splitters" as="xs:string*" select="('p', 'ab', 'lg', 'list', 'listBibl', 'table',
      'floatingText', 'figure', 'sp', 'div', 'div1', 'div2', 'div3', 'div4', 'castList', 'epigraph', 'listPerson',
      'listPlace', 'listOrg', 'listEvent', 'listApp', 'listWit', 'argument', 'postscript', 'opener', 'closer')"/>

  <!-- Elements whose children are blocks; any element without text of its own is treated the same way. -->
  <xsl:variable name="tex:containers" as="xs:string*" select="('TEI', 'teiCorpus', 'text', 'group', 'front', 'body',
      'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'floatingText', 'lg', 'sp', 'list', 'listBibl', 'table',
      'figure', 'epigraph', 'opener', 'closer', 'castList', 'castGroup', 'titlePage', 'docTitle', 'argument',
      'postscript', 'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listApp', 'listWit', 'person', 'place',
      'org', 'event', 'address', 'cit', 'quote', 'q', 'said', 'standOff', 'sourceDoc', 'surface', 'zone')"/>

  <!-- The style a container gives the paragraphs inside it. -->
  <xsl:function name="tex:style-of" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" select="local-name($e)"/>
    <xsl:sequence select="
        if ($n = ('quote', 'q', 'said', 'cit', 'epigraph', 'floatingText')) then 'quote'
        else if ($n = 'lg') then 'verse'
        else if ($n = ('list', 'listBibl', 'castList', 'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listApp', 'listWit')) then 'list'
        else if ($n = 'sp') then 'speech'
        else if ($n = ('opener', 'closer')) then 'closer'
        else if ($n = 'figure') then 'caption'
        else ()"/>
  </xsl:function>

  <!-- The style of a paragraph-like element itself. -->
  <xsl:function name="tex:para-style" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" select="local-name($e)"/>
    <xsl:sequence select="
        if ($n = 'l') then 'line'
        else if ($n = ('item', 'castItem', 'person', 'place', 'org', 'event') or ($n = 'bibl' and $e/parent::tei:listBibl)) then 'item'
        else if ($n = 'speaker') then 'speaker'
        (: a speech begins flush under its speaker's name :)
        else if ($n = ('p', 'ab') and $e/preceding-sibling::*[1][self::tei:speaker]) then 'cont'
        else if ($n = 'stage') then 'stage'
        else if ($n = ('dateline', 'salute', 'signed', 'docDate', 'byline', 'docAuthor')) then 'right'
        else if ($n = ('titlePart', 'docImprint')) then 'center'
        else if ($n = 'trailer') then 'label'
        else if ($n = 'label' or ($n = 'head' and not(tk:is-section-head($e)))) then ('label',
             (: a heading stays with what follows it; a caption belongs to its figure, not to the text after it :)
             if ($e/parent::tei:figure or empty($e/following-sibling::*[not(self::tei:figDesc or self::tei:note)])) then () else 'keep')
        else if ($n = 'bibl' and $e/parent::tei:cit) then 'source'
        else if ($n = 'row') then 'row'
        else ()"/>
  </xsl:function>

  <!-- Does a node start a block where it stands (in a container, or inside a paragraph)? -->
  <xsl:function name="tex:is-block" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="in-paragraph" as="xs:boolean"/>
    <xsl:variable name="name" select="local-name($n)"/>
    <!-- (a comment of an apparatus list is a paragraph of it, not a phrase) -->
    <xsl:sequence select="$n instance of element() and (not($name = $tex:phrase) or ($name = 'app' and tk:is-comment($n))) and
        (not($in-paragraph) or $name = $tex:splitters
         or ($name = ('quote', 'q', 'said', 'cit') and exists($n/(.//tei:p | .//tei:lg | .//tei:l | @rend[. = ('block', 'display')]))))"/>
  </xsl:function>

  <!-- Elements of the text that print nothing in the book where they stand (a note the text points to
       is printed at its pointer). -->
  <xsl:function name="tex:is-silent" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:teiHeader | $e/self::tei:fw | $e/self::tei:facsimile)
        or tk:behaviour($e) = ('metadata', 'omit') or exists(tex:note-pointer($e))"/>
  </xsl:function>

  <!-- A note the text points to from elsewhere (a novel's <ref target="#footnote1">[1]</ref> to its notes in
       the back): the first of its pointers (tk:note-pointers, where the web opens it too) that stands as a
       marker, where the book sets the note as a footnote: one with words ([1]), or an empty one touching the
       word before it (lass<ptr/>,); "see <ptr/>" is a cross-reference.  Not one in a heading, which sets a
       note in brackets where it stands: there, as in a note, the pointer is the footnote's mark raised. -->
  <xsl:function name="tex:note-pointer" as="element()?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (tk:note-kind($note) = 'editorial') then ()
        else tk:note-pointers($note)[tex:stands-as-marker(.)][not(ancestor::tei:head)][1]"/>
  </xsl:function>

  <!-- Does a pointer stand as a note's marker: its words a mark ([1], *, 12a), or empty and touching the word
       before it (lass<ptr/>,)?  Words that say something ("see <ref>the gloss</ref>") are kept as words. -->
  <xsl:function name="tex:stands-as-marker" as="xs:boolean">
    <xsl:param name="pointer" as="element()"/>
    <xsl:sequence select="if (normalize-space($pointer)) then matches(normalize-space($pointer), '^[\[(]?[\p{N}\p{L}*†‡]{1,4}[\])]?$')
                          and not(matches(normalize-space($pointer), '^\p{L}{3,}$'))
        else matches(string($pointer/preceding-sibling::node()[1][self::text()]), '\S$')"/>
  </xsl:function>

  <!-- ============================================================ the flow -->

  <xsl:function name="tex:chunks" as="map(*)*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="style" as="xs:string*"/>
    <xsl:param name="in-paragraph" as="xs:boolean"/>
    <xsl:param name="holder" as="element()"/>
    <xsl:variable name="raw" as="map(*)*">
      <xsl:for-each-group select="$nodes[not(self::comment() or self::processing-instruction())]"
                          group-adjacent="tex:is-block(., $in-paragraph)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:for-each select="current-group()">
              <xsl:sequence select="tex:block(., $style)"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="empty(current-group()[self::text()[normalize-space()]
                                 or self::*[not(self::tei:note[tk:is-flow-note(.)] or self::tei:pb or self::tei:milestone or self::tei:anchor
                                 or self::tei:lb or self::tei:cb or tex:is-silent(.))]]) and exists(current-group()[self::tei:note])">
            <!-- notes standing between blocks (a note after the last item of a list): with the paragraph before -->
            <xsl:sequence select="map{'kind': 'attach', 'nodes': current-group()}"/>
          </xsl:when>
          <xsl:when test="exists(current-group()[self::text()[normalize-space()]
                                 or self::*[not(self::tei:pb or self::tei:milestone or self::tei:anchor
                                 or self::tei:lb or self::tei:cb or tex:is-silent(.))]])">
            <xsl:sequence select="map{'kind': 'para', 'style': $style, 'nodes': current-group(), 'el': $holder}"/>
          </xsl:when>
          <xsl:when test="exists(current-group()[self::tei:pb or self::tei:lb[tex:source-line(.)]])">
            <!-- a page break between paragraphs: carried to the next paragraph; so is a numbered line break
                 between blocks (an address line by line), whose number the next paragraph's first line bears -->
            <xsl:sequence select="map{'kind': 'carry', 'nodes': current-group()[self::tei:pb or self::tei:lb[tex:source-line(.)]]}"/>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="tex:carry($raw)"/>
  </xsl:function>

  <!-- Page breaks between paragraphs go to the start of the next paragraph (or the end of the last);
       notes between them go to the end of the paragraph before (or the start of the next). -->
  <xsl:function name="tex:carry" as="map(*)*">
    <xsl:param name="chunks" as="map(*)*"/>
    <xsl:iterate select="$chunks">
      <xsl:param name="pending" as="node()*" select="()"/>
      <xsl:param name="done" as="map(*)*" select="()"/>
      <xsl:on-completion>
        <xsl:sequence select="if (empty($pending)) then $done
            else if (empty($done)) then tex:loose-notes($pending)
            else if ($done[last()]?kind = 'para') then ($done[position() lt last()],
                  map:put($done[last()], 'nodes', ($done[last()]?nodes, $pending[not(self::tei:lb)])))
            else ($done, tex:loose-notes($pending))"/>
      </xsl:on-completion>
      <xsl:choose>
        <xsl:when test=".?kind = 'attach' and exists($done[last()][?kind = 'para'])">
          <xsl:next-iteration>
            <xsl:with-param name="done" select="($done[position() lt last()],
                                                 map:put($done[last()], 'nodes', ($done[last()]?nodes, .?nodes)))"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test=".?kind = ('carry', 'attach')">
          <xsl:next-iteration><xsl:with-param name="pending" select="($pending, .?nodes)"/></xsl:next-iteration>
        </xsl:when>
        <xsl:when test=".?kind = 'para' and exists($pending)">
          <xsl:next-iteration>
            <xsl:with-param name="pending" select="()"/>
            <xsl:with-param name="done" select="($done, map:put(map:put(., 'nodes', ($pending, .?nodes)),
                                                 'carried', $pending[self::tei:lb]))"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration><xsl:with-param name="done" select="($done, .)"/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- Notes with no paragraph to hang from (a division of endnotes after its heading, a division that
       holds only a note): each a paragraph of its own, headed by its label; page breaks among them go to
       the first (or, without notes, to the next paragraph). -->
  <xsl:function name="tex:loose-notes" as="map(*)*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="notes" as="map(*)*">
      <xsl:for-each select="$nodes[self::tei:note][not(tex:is-silent(.))]">
        <xsl:variable name="inner" select="tex:chunks(node(), 'note', true(), .)"/>
        <xsl:variable name="first" select="index-of($inner ! ?kind, 'para')[1]"/>
        <xsl:sequence select="if (exists($first)) then ($inner[position() lt $first],
                                map:put($inner[$first], 'label', tk:note-source-label(.)), $inner[position() gt $first])
                              else $inner"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (exists($notes)) then tex:carry((map{'kind': 'carry', 'nodes': $nodes[self::tei:pb]}, $notes))
                          else map{'kind': 'carry', 'nodes': $nodes[self::tei:pb]}"/>
  </xsl:function>

  <!-- One block element: a heading, a paragraph (possibly interrupted), or a container of blocks. -->
  <xsl:function name="tex:block" as="map(*)*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="style" as="xs:string*"/>
    <xsl:variable name="name" select="local-name($e)"/>
    <!-- an element without a behaviour (TEI of other projects) is set by its shape, and named in a message -->
    <xsl:if test="tk:behaviour($e) = 'generic'"><xsl:message select="'teikit: generic ' || name($e)"/></xsl:if>
    <xsl:choose>
      <xsl:when test="tex:is-silent($e)"/>
      <xsl:when test="tk:is-section-head($e)">
        <!-- a heading that prints nothing is no heading (reledmac cannot set an empty one); the page breaks
             inside a heading, and the notes of an empty one, go to the next paragraph -->
        <xsl:variable name="printed" select="normalize-space(tk:reading-string($e/node())) != ''
                                             or exists($e//(tei:gap | tei:graphic | tei:formula | tei:g | tei:figure))"/>
        <xsl:if test="$printed">
          <xsl:sequence select="map{'kind': 'heading', 'style': $style, 'nodes': $e/node(), 'el': $e}"/>
        </xsl:if>
        <xsl:variable name="carried" select="$e//tei:pb[@n] | (if ($printed) then () else $e//tei:note[not(ancestor::tei:note)])"/>
        <xsl:if test="exists($carried)">
          <xsl:sequence select="map{'kind': 'carry', 'nodes': $carried}"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$name = ('TEI', 'teiCorpus') and $e/parent::tei:teiCorpus">
        <!-- a member of a corpus: a section headed by the title of its own header -->
        <xsl:variable name="title" select="($e/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]"/>
        <xsl:if test="$title">
          <xsl:sequence select="map{'kind': 'heading', 'style': $style, 'nodes': $title/node(), 'el': $title,
                                    'depth': min((3, count($e/ancestor::tei:teiCorpus)))}"/>
        </xsl:if>
        <xsl:sequence select="tex:chunks($e/node(), $style, false(), $e)"/>
      </xsl:when>
      <xsl:when test="$name = $tex:containers and not($name = ('quote', 'q', 'said', 'cit', 'address')
                      and exists($e/text()[normalize-space()]))">
        <!-- a stanza after other blocks: a blank between them (reledmac takes vertical space between paragraphs) -->
        <xsl:if test="$name = 'lg' and $e/preceding-sibling::*[not(self::tei:head or self::tei:pb or self::tei:milestone
                      or self::tei:lb or self::tei:cb or self::tei:anchor or tex:is-silent(.))]">
          <xsl:sequence select="map{'kind': 'skip', 'el': $e}"/>
        </xsl:if>
        <xsl:sequence select="tex:chunks($e/node(), ($style, tex:style-of($e)), false(), $e)"/>
      </xsl:when>
      <xsl:when test="$name = 'app' and tk:is-comment($e)">
        <!-- a comment on lines of the text: an item headed by them -->
        <xsl:variable name="inner" select="tex:chunks($e/node(), ($style, 'item'), true(), $e)"/>
        <xsl:variable name="first" select="index-of($inner ! ?kind, 'para')[1]"/>
        <xsl:sequence select="if (exists($first) and exists(tk:comment-lines($e)))
                              then ($inner[position() lt $first], map:put($inner[$first], 'label', tk:comment-lines($e)),
                                    $inner[position() gt $first])
                              else $inner"/>
      </xsl:when>
      <xsl:when test="not($e/text()[normalize-space()]) and exists($e/*) and
                      (every $c in $e/* satisfies tex:is-block($c, false()))">
        <!-- an element we do not know, holding only blocks: a container -->
        <xsl:sequence select="tex:chunks($e/node(), $style, false(), $e)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="inner" select="tex:chunks($e/node(), ($style, tex:para-style($e)), true(), $e)"/>
        <!-- the paragraph's own parts after an interruption continue without indentation -->
        <xsl:for-each select="$inner">
          <xsl:sequence select="if (position() gt 1 and .?kind = 'para' and .?el is $e)
                                then map:put(., 'style', (.?style, 'cont')) else ."/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
