<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a paragraph in LaTeX: phrase-level TEI, emendations and variants
  to apparatus A (\edtext … \Afootnote), editorial notes to apparatus B, the
  author's notes to familiar footnotes with their printed marker, persons to
  the index, source pages to the margin.  What the reading text shows comes
  from the shared functions (tk:reading, tk:alternates), as on the web.
  The tunnel parameter ctx says where we are: 'text', 'note', 'heading', 'meta', 'lemma'.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:tex="urn:teikit:latex"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tex:inline" on-no-match="fail" on-multiple-match="fail" use-accumulators="#all"/>

  <xsl:template match="text()" mode="tex:inline">
    <!-- the key under which teikit.lua remembers how it set this node's quotation marks, so that an
         apparatus lemma repeating the node sets them alike: generate-id() is enough for that, as the
         key lives only within one LaTeX run and is never a label or an anchor anyone cites -->
    <xsl:variable name="quotes" select="(contains(., '&quot;') or contains(., '''')) and not(tk:is-code(.))"/>
    <!-- the layout of the XML before a stop is no space ("Ἀβείρων</lem></app>⏎  · ἵνα"): where it stands in
         a text before this one, it is taken back (\unskip) -->
    <xsl:variable name="own-text" select="if (matches(tk:text(.), '^\s*\n\s*[.,;:·!?)\]]') or (matches(tk:text(.), '^\s') and tex:after-space(.)))
                                          then replace(tk:text(.), '^\s+', '') else tk:text(.)"/>
    <xsl:if test="matches($own-text, '^[.,;:·!?)\]]') and (tex:printed-before(.)[ancestor::* intersect tk:line-block(current())]
                  ! matches(tk:text(.), '\n\s*$')) and not(tex:printing-between(.))">\unskip{{}}</xsl:if>
    <!-- a speaker's name the transcription gives in capitals (LEONCE.) is set in small capitals as a name -->
    <xsl:variable name="own-text" select="if (ancestor::tei:speaker[not(matches(string(.), '\p{Ll}'))])
        then string-join(analyze-string($own-text, '\p{L}+')/* ! (if (self::fn:match) then substring(., 1, 1) || lower-case(substring(., 2)) else string(.)))
        else $own-text"/>
    <xsl:variable name="prose" select="tex:prose($own-text, $quotes and starts-with(tk:lang(.), 'en'),
                                                 if ($quotes) then generate-id() else ())"/>
    <!-- a passage in another language than its text's (a Greek edition beside its translation)
         is hyphenated by that language's rules, or not at all when TeX Live has none -->
    <xsl:variable name="own" select="if (normalize-space() and ancestor::*[@xml:lang]) then tex:hyphenation(tk:lang(.)) else ()"/>
    <xsl:variable name="text" select="if (exists($own)) then tex:hyphenation(tk:text-lang(ancestor::*[self::tei:TEI or self::tei:teiCorpus][last()])) else ()"/>
    <xsl:choose>
      <xsl:when test="empty($own) or $own = $text"><xsl:value-of select="$prose"/></xsl:when>
      <!-- a left-to-right passage without a babel language in a right-to-left text: set left to right -->
      <xsl:when test="$own = 'nohyphenation' and tk:direction(tk:lang(.)) = 'ltr'
                      and tk:direction(tk:text-lang(ancestor::*[self::tei:TEI or self::tei:teiCorpus][last()])) = 'rtl'">\foreignlanguage{{english}}{{\tknohyph{{{$prose}}}}}</xsl:when>
      <xsl:when test="$own = 'nohyphenation'">\tknohyph{{{$prose}}}</xsl:when>
      <xsl:otherwise>\foreignlanguage{{{$own}}}{{{$prose}}}</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="matches(tk:text(.), '[—-]$') and tex:word-follows(.)">\allowbreak{{}}</xsl:if>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="tex:inline"/>

  <!-- The reading text set last before a text node: not a reading the text does not show, a note or forme
       work, nor the white space an app or choice holds between its readings (a step on the preceding axis,
       so that [1] is the nearest). -->
  <xsl:function name="tex:printed-before" as="text()?">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="$t/preceding::text()[not(parent::*[tk:behaviour(.) = 'alternate'])]
        [empty(ancestor::*[self::tei:fw or self::tei:note or self::tei:witDetail or self::tei:teiHeader] except $t/ancestor::*)]
        [not(tk:in-alternate(.))][1]"/>
  </xsl:function>

  <!-- Whether something that prints without text of its own (a gap, a page's bar, a glyph) stands in the block
       between a text node and the text set before it: the space after it is the text's. -->
  <xsl:function name="tex:printing-between" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="prev" select="tex:printed-before($t)"/>
    <xsl:sequence select="exists(tk:line-block($t)//*[self::tei:gap or self::tei:space or self::tei:g or self::tei:graphic
        or self::tei:formula or self::tei:figure or self::tei:ptr or self::tei:pb or self::tei:lb or self::tei:cb
        or self::tei:unclear[exists(tk:sign(.))]]
        [. &lt;&lt; $t][empty($prev) or . &gt;&gt; $prev][not(tk:in-alternate(.))])"/>
  </xsl:function>

  <!-- Whether a text node's leading white space would double a space already set, or open its block
       (the layout of the XML: "ἡμῶν⏎<app><lem/>…</app>⏎Βασιλείου", "<title>⏎Τοῦ"): the reading text
       set before it in its block ends with a space, or there is none. TeX would keep both spaces where
       they stand in different groups. (The white space an app or choice holds between its readings is
       not set: tex:entry gives the space the entry needs.) -->
  <xsl:function name="tex:after-space" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="block" select="tk:line-block($t)"/>
    <xsl:variable name="prev" select="tex:printed-before($t)"/>
    <!-- (white space that only ends a reading is not set: tex:entry trims a reading's layout) -->
    <xsl:sequence select="not(tex:printing-between($t)) and (empty($prev) or not($prev/ancestor::* intersect $block)
        or (matches(tk:text($prev), '\s$') and not(normalize-space($prev) = '' and empty($prev/following-sibling::node())
                                                    and exists($prev/../parent::*[tk:behaviour(.) = 'alternate']))))"/>
  </xsl:function>

  <!-- Whether the reading text goes on with a word right after this node, so that a line may break
       after the dash or hyphen that ends it: TeX sees no word there when markup stands between
       ("crowds<choice>…<corr>—</corr></choice>carefully", "Zinoviev-<persName>Kamenev</persName>",
       where an index entry comes first). Not before a note's mark or a page break. -->
  <xsl:function name="tex:word-follows" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="next" select="($t/following::text()[normalize-space()][empty(ancestor::*[self::tei:sic or self::tei:orig
        or self::tei:abbr or self::tei:rdg or self::tei:fw or self::tei:note or self::tei:witDetail] except $t/ancestor::*)])[1]"/>
    <xsl:sequence select="matches(string($next), '^\p{L}')
        and not(($t/following::*[self::tei:note or self::tei:pb or self::tei:lb or self::tei:cb])[1][. &lt;&lt; $next])"/>
  </xsl:function>

  <xsl:template match="*" mode="tex:inline">
    <xsl:param name="ctx" as="xs:string" tunnel="yes" select="'text'"/>
    <xsl:variable name="b" select="tk:behaviour(.)"/>
    <xsl:if test="tk:glued(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:choose>
      <!-- a note in the header's prose (a witness's, a source's): in brackets where it stands, as on the web -->
      <xsl:when test="self::tei:note and $ctx = 'meta' and ancestor::tei:teiHeader"> {{[}}<xsl:apply-templates mode="tex:inline"/>{{]}}</xsl:when>
      <xsl:when test="tex:is-silent(.) or self::tei:witDetail or self::tei:lacunaStart
                      or self::tei:lacunaEnd or self::tei:graphic or self::tei:media"/>
      <xsl:when test="$b = 'note' and tk:is-flow-note(.)"><xsl:call-template name="tex:note"/></xsl:when>
      <xsl:when test="$b = 'alternate' and tk:is-entry(.)"><xsl:call-template name="tex:entry"/></xsl:when>
      <!-- an app of one reading (what one witness has): the reading, without the layout around it -->
      <xsl:when test="$b = 'alternate' and exists(tk:reading(.))"><xsl:call-template name="tex:entry"><xsl:with-param name="entry" select="false()"/></xsl:call-template></xsl:when>
      <xsl:when test="self::tei:pb"><xsl:call-template name="tex:pb"/></xsl:when>
      <xsl:when test="self::tei:lb and $ctx = 'text' and tex:source-line(.)"><xsl:call-template name="tex:source-line"/></xsl:when>
      <xsl:when test="self::tei:lb or self::tei:cb">{if (@break = 'no') then '' else ' '}</xsl:when>
      <xsl:when test="self::tei:milestone or self::tei:anchor or self::tei:gb"/>
      <!-- an editorial sign (common's tk:sign) after the element's words: its Latin words in italic, [sic] raised -->
      <xsl:when test="exists(tk:sign(.))"><xsl:apply-templates mode="tex:inline"/><xsl:call-template name="tex:sign"/></xsl:when>
      <xsl:when test="self::tei:gap">{{[}}\ldots{string-join(tei:desc ! (' ' || tex:plain(.)))}{{]}}</xsl:when>
      <xsl:when test="self::tei:space">\ {{}}</xsl:when>
      <xsl:when test="self::tei:supplied">{{[}}<xsl:apply-templates mode="tex:inline"/>{{]}}</xsl:when>
      <xsl:when test="self::tei:del">\strikeThrough{{<xsl:apply-templates mode="tex:inline"/>}}</xsl:when>
      <xsl:when test="self::tei:add">\underLine{{<xsl:apply-templates mode="tex:inline"/>}}</xsl:when>
      <xsl:when test="self::tei:persName and $ctx = ('text', 'note')"><xsl:call-template name="tex:person"/></xsl:when>
      <!-- the first pointer to a note set elsewhere (the back's notes): the note, as a footnote marked with the
           pointer's words ("[1]": 1) -->
      <xsl:when test="(self::tei:ref or self::tei:ptr) and $ctx = 'text' and exists(tk:target(.)[tex:note-pointer(.) is current()])">
        <xsl:variable name="pointer" select="."/>
        <xsl:for-each select="tk:target(.)">
          <xsl:text>\edlabel{{tknote-{generate-id()}}}</xsl:text>
          <xsl:call-template name="tex:note">
            <xsl:with-param name="mark" select="tex:pointer-mark($pointer, .)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <!-- a later pointer standing as a marker to that note: the footnote's mark raised, as a reference to it,
           with its page where it is on another ("nesh[1]" again: nesh¹ ⁽ᵖ· ³⁾) -->
      <xsl:when test="(self::tei:ref or self::tei:ptr) and $ctx = 'text' and not(tk:in-alternate(.))
                      and tex:stands-as-marker(.)
                      and exists(tk:target(.)[exists(tex:note-pointer(.))])">
        <xsl:variable name="note" select="tk:target(.)"/>
        <xsl:text>\tknoteagain{{{tex:plain(tex:pointer-mark(tex:note-pointer($note), $note))}}}{{tknote-{generate-id($note)}}}{{tknote-{generate-id()}}}</xsl:text>
      </xsl:when>
      <!-- in a note or a heading, where no label can be set: the footnote's mark raised alone -->
      <xsl:when test="(self::tei:ref or self::tei:ptr) and $ctx = ('note', 'heading') and not(tk:in-alternate(.))
                      and tex:stands-as-marker(.)
                      and exists(tk:target(.)[exists(tex:note-pointer(.))])">
        <xsl:variable name="note" select="tk:target(.)"/>
        <xsl:text>\textsuperscript{{{tex:plain(tex:pointer-mark(tex:note-pointer($note), $note))}}}</xsl:text>
      </xsl:when>
      <xsl:when test="(self::tei:ref or self::tei:ptr) and exists(tex:url(@target))">
        <xsl:variable name="label" as="xs:string"><xsl:value-of><xsl:apply-templates mode="tex:inline"/></xsl:value-of></xsl:variable>
        <xsl:text>\href{{{tex:url(@target)}}}{{{if (normalize-space($label)) then $label else tex:escape(@target)}}}</xsl:text>
      </xsl:when>
      <!-- an empty pointer within the edition: what it points to, as the web edition shows it -->
      <xsl:when test="self::tei:ptr">{let $t := tk:target(.) return if ($t/self::tei:note and tex:marked-per-page($t) and tk:is-flow-note($t))
                                      then 'note ' || tex:note-mark($t) else tex:plain(tk:pointer-text(., tk:note-source-label#1))}</xsl:when>
      <xsl:when test="self::tei:hi or self::tei:emph or self::tei:title[not(@level = 'a')] or self::tei:term
                      or self::tei:mentioned or self::tei:stage or self::tei:foreign[not(ancestor::*[@xml:lang][1]/@xml:lang = @xml:lang)]">
        <xsl:call-template name="tex:styled"/>
      </xsl:when>
      <xsl:when test="tk:is-code(.) and not(tk:is-code(..))">\texttt{{<xsl:apply-templates mode="tex:inline"/>}}</xsl:when>
      <xsl:when test="self::tei:soCalled">‘<xsl:apply-templates mode="tex:inline"/>’</xsl:when>
      <xsl:when test="$b = ('section', 'paragraph', 'block', 'list', 'listItem', 'heading', 'row', 'cell', 'figure', 'table', 'cit')
                      or local-name() = ($tex:splitters, 'l', 'item', 'head', 'label', 'speaker', 'stage', 'cell', 'row')">
        <!-- a block where only a phrase can be (a note, a heading, a table cell): its text, separated -->
        <xsl:if test="preceding-sibling::node()[normalize-space() or self::*]">{if ($ctx = 'note') then '\endgraf ' else ' '}</xsl:if>
        <xsl:apply-templates mode="tex:inline"/>
        <xsl:if test="self::tei:cell and following-sibling::tei:cell">\enspace\textbar\enspace{''}</xsl:if>
      </xsl:when>
      <!-- an element without a behaviour (TEI of other projects): its text, and a message naming it (the
           test of the ODD's elements checks that none of ours comes here) -->
      <xsl:when test="$b = 'generic'">
        <xsl:message select="'teikit: generic ' || name()"/>
        <xsl:apply-templates mode="tex:inline"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="tex:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tex:sign">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="sign" select="replace(replace(tk:sign(.), '(\p{L}+\.?)', '\\textit{$1}'), '…', '\\ldots{}')"/>
    <xsl:value-of select="if (self::tei:sic) then '\textsuperscript{' || $sign || '}' else replace($sign, '^\[(.*)\]$', '{[}$1{]}')"/>
  </xsl:template>

  <!-- A line of the source, where the source numbers its lines (an inscription, a letter whose lb carry @n;
       an lb without @n among numbered ones too): it begins a printed line, which bears the
       source's number (reledmac's \setline); a line too long for the measure goes on, indented, under the
       same number (a lock), so that the margin and the apparatus cite the source's lines. A line break inside
       a word ends the line with a hyphen, as epigraphic editions print it (and the web edition draws it);
       one before any text of its block breaks nothing but still numbers its line. -->
  <xsl:template name="tex:source-line">
    <xsl:context-item as="element(tei:lb)" use="required"/>
    <!-- (one carried from between blocks to the next paragraph only numbers that paragraph's first line) -->
    <xsl:param name="tex:carried" as="node()*" tunnel="yes" select="()"/>
    <xsl:if test="empty(. intersect $tex:carried) and tk:text-before(., tk:line-block(.))">{if (@break = 'no') then '-' else ''}\tksrcbreak{{}}</xsl:if>
    <xsl:text>\tksrcline{{{if (@n castable as xs:integer and xs:integer(@n) ge 0) then xs:integer(@n) else ''}}}</xsl:text>
  </xsl:template>

  <!-- Whether a line break is one of the source's numbered lines: it carries @n, or lb of its block do;
       prose whose line breaks are not numbered (a printed book's, a letter's) flows as before. -->
  <xsl:function name="tex:source-line" as="xs:boolean">
    <xsl:param name="lb" as="element(tei:lb)"/>
    <xsl:sequence select="empty($lb/ancestor::tei:note) and exists($lb/ancestor::tei:text)
                          and (exists($lb/@n) or exists(tk:line-block($lb)//tei:lb[@n][empty(ancestor::tei:note)]))"/>
  </xsl:function>

  <!-- Whether the text of an element numbers lines of its source anywhere (so that prose after them is
       numbered afresh); prose alone (Serge) is set as before. -->
  <xsl:key name="tex:numbered-lb" match="tei:text//tei:lb[@n]" use="'lb'"/>
  <xsl:function name="tex:has-source-lines" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e) and exists(key('tex:numbered-lb', 'lb', root($e)))"/>
  </xsl:function>

  <!-- hi/@rend and the like: italic, bold, small capitals, superscript, underline … -->
  <xsl:template name="tex:styled">
    <xsl:context-item as="element()" use="required"/>
    <xsl:variable name="r" select="tokenize(@rend)"/>
    <xsl:variable name="commands" select="
        (if (self::tei:emph or self::tei:title or self::tei:term or self::tei:mentioned or self::tei:stage
             or self::tei:foreign or $r = ('italic', 'italics', 'i')) then '\textit' else (),
         if ($r = ('bold', 'b', 'strong')) then '\textbf' else (),
         if ($r = ('smallcaps', 'small-caps', 'sc')) then '\textsc' else (),
         if ($r = ('sup', 'superscript')) then '\textsuperscript' else (),
         if ($r = ('sub', 'subscript')) then '\textsubscript' else (),
         if ($r = ('underline', 'u')) then '\underLine' else (),
         if ($r = ('strikethrough', 'overstrike')) then '\strikeThrough' else ())"/>
    <xsl:value-of select="string-join($commands ! (. || '{'))"/>
    <xsl:apply-templates mode="tex:inline"/>
    <xsl:value-of select="string-join($commands ! '}')"/>
  </xsl:template>

  <!-- A person of the register: indexed with page and line. In an author's footnote the entry is
       written at the footnote's mark instead, marked n ("3.16n"): reledmac numbers an \edindex inside
       a familiar footnote with the line where the page ends. -->
  <xsl:template name="tex:person">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="index-here" as="xs:boolean" tunnel="yes" select="true()"/>
    <xsl:if test="$index-here"><xsl:value-of select="tex:person-index(., '')"/></xsl:if>
    <xsl:apply-templates mode="tex:inline"/>
  </xsl:template>

  <xsl:function name="tex:person-index" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:param name="encap" as="xs:string"/>
    <xsl:variable name="entry" select="if ($name/@ref) then tk:entry($name, $register) else ()"/>
    <xsl:variable name="dates" select="if ($entry/self::tei:person) then tk:entry-dates($entry) else ()"/>
    <xsl:variable name="full" select="$entry/tei:persName[@type = 'full']"/>
    <!-- "Seeckt, Hans von": a surname's particle after the forename, where the entry is sorted -->
    <xsl:variable name="shown" select="if ($full/tei:surname) then string-join((tk:surname-proper($full),
                                       string-join(($full/tei:forename, tk:particle($full)) ! normalize-space(.)[.], ' '), $full/tei:genName)
                                       ! normalize-space(.)[.], ', ') else if ($entry) then tk:entry-name($entry) else ''"/>
    <xsl:sequence select="if ($entry/self::tei:person)
        then '\edindex[persons]{' || tex:index-entry(tk:entry-sort($entry), $shown
             || (if ($dates) then ' (' || $dates || ')' else '')) || $encap || '}'
        else ''"/>
  </xsl:function>

  <!-- A page of the source: a bar in the text, the number in the margin. -->
  <xsl:template name="tex:pb">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="ctx" as="xs:string" tunnel="yes" select="'text'"/>
    <xsl:variable name="n" select="tex:plain(@n || (if (@cert = ('low', 'medium')) then '?' else ''))"/>
    <!-- a page begins once: a second pb with the number of the one before it in its text (DraCor's Leonce und
         Lena closes its title page and its cast list each with <pb n="114"/>) marks no new page -->
    <xsl:variable name="text" select="ancestor::*[self::tei:TEI or self::tei:teiCorpus][1]"/>
    <xsl:variable name="previous" select="preceding::tei:pb[string(@ed) = string(current()/@ed)][1][ancestor::* intersect $text]"/>
    <xsl:choose>
      <xsl:when test="exists($previous) and string($previous/@n) = string(@n)"/>
      <xsl:when test="$ctx = 'text' and @n">\tkpb{{{$n}}}</xsl:when>
      <xsl:when test="$ctx = 'note' and @n">\textbar{{}}</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ apparatus A -->

  <!-- A plain, escaped string of a reading (its reading text only), for the apparatus. -->
  <xsl:function name="tex:reading-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="tex:plain(tk:reading-string($nodes))"/>
  </xsl:function>

  <!-- A lemma that reledmac cannot take from the text (a reading with witnesses or notes, an entry of a
       note or heading): the reading as the text sets it (italics, a Greek passage, its quotation marks),
       without its notes, page breaks, apparatus or index entries. -->
  <xsl:function name="tex:lemma" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="s" as="xs:string"><xsl:value-of><xsl:apply-templates select="$nodes" mode="tex:inline">
      <xsl:with-param name="ctx" select="'lemma'" tunnel="yes"/></xsl:apply-templates></xsl:value-of></xsl:variable>
    <!-- a lemma is not divided after its closing dash, before its bracket ("27th—" at a line's end, "] 27th-"
         at the next one's start): the break the text allows after a dash is taken out at the lemma's end -->
    <xsl:sequence select="replace(normalize-space($s), '(\\allowbreak\{\})+$', '')"/>
  </xsl:function>


  <xsl:function name="tex:sigla" as="xs:string">
    <xsl:param name="r" as="element()?"/>
    <xsl:sequence select="if ($r/@wit) then ' \textit{' || tex:plain(string-join(tk:sigla($r), ' ')) || '}' else ''"/>
  </xsl:function>

  <!-- The apparatus side of an entry: each other reading with its witnesses, and details of witnesses. -->
  <xsl:function name="tex:alternates" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tex:alternates($e, '', '')"/>
  </xsl:function>

  <!-- The same, each reading between the words of the text around the entry ($before, $after: an entry
       whose lemma alone says nothing, tex:context). -->
  <xsl:function name="tex:alternates" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="before" as="xs:string"/>
    <xsl:param name="after" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each select="tk:alternates($e)">
        <xsl:variable name="t" select="tex:plain(tk:shown-reading($before || tk:reading-string(node()) || $after,
                                                                   $before || tk:reading-string(tk:reading($e)/node()) || $after))"/>
        <!-- a source reading is not divided at a line end: a hyphen there would look like the source's -->
        <!-- a reading a witness adds above or in the margin (add place="above") says so -->
        <xsl:variable name="added" select="string-join(distinct-values(.//tei:add ! ('(\textit{added' || (@place ! (' ' || tex:plain(replace(., '[-_]', ' '))))
                                           || '})')), ' ')"/>
        <xsl:sequence select="(if ($t = '') then '\textit{om.}' else '\tknohyph{' || $t || '}') || ($added[.] ! (' ' || .)) || tex:sigla(.)
                              || string-join(.//tei:note ! (' [' || tex:plain(normalize-space(tk:reading-string(node()))) || ']'))"/>
      </xsl:for-each>
      <xsl:for-each select="$e/(tei:witDetail | tei:note)">
        <xsl:sequence select="(if (@wit) then tex:sigla(.) || ': ' else '') || tex:plain(.)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($parts, '; ')"/>
  </xsl:function>

  <!-- The words of the text an entry's lemma needs, when the lemma alone says nothing (the web's rule): a
       dash, a stop or nothing at all (a deletion) takes the word before it ("revolution.] revolution. * * *"),
       at the start of its block the word after it ("To] .To"), and a space the editors add, the words on both
       sides ("power. He] power.He"). Empty where the block has no such word: the entry then says what it
       did (del.). -->
  <xsl:function name="tex:context" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="lemma" select="tk:reading-string(tk:reading($e)/node())"/>
    <!-- the last word before it, with the stops and spaces after that word ("ἡμέρᾳ, " rather than ", ") -->
    <xsl:variable name="text" select="if (matches($lemma, '[\p{L}\p{N}]')) then ''
                                      else replace(tk:text-before-in-block($e), '\s*\n\s*([.,;:·!?)\]])', '$1')"/>
    <xsl:variable name="before" select="if (matches($text, '[\p{L}\p{N}]')) then replace($text, '^.*?([^\s\p{L}\p{N}]*[\p{L}\p{N}]+[^\p{L}\p{N}]*)$', '$1', 's')
                                        else if (matches($text, '\S')) then replace($text, '^.*?(\S+\s*)$', '$1', 's') else ''"/>
    <xsl:variable name="sep" select="if ($before != '' and tk:space-before($e) and not(matches($before, '\s$'))) then ' ' else ''"/>
    <!-- the first word after it, with one space before it where the text has one (" He") -->
    <xsl:variable name="next" select="replace(tk:word-after($e), '^\s+', ' ')"/>
    <xsl:variable name="after" select="if (matches($lemma, '[\p{L}\p{N}]')) then ''
        else if ($before = '') then $next
        else if (normalize-space($lemma) = '' and $lemma != '') then normalize-space($next) else ''"/>
    <xsl:sequence select="if ($before = '' and $after = '') then () else ($before || $sep, $after)"/>
  </xsl:function>

  <!-- The lemma of an entry that takes the words around it ($context, tex:context): its reading as the text
       sets it (its quotation marks curled), the words around it plain, then its witnesses. -->
  <xsl:function name="tex:lemma-in-context" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="context" as="xs:string+"/>
    <xsl:variable name="reading" select="tk:reading($e)"/>
    <xsl:variable name="r" select="tk:reading-string($reading/node())"/>
    <xsl:variable name="set" select="if (normalize-space($r) = '') then $r
                                     else (if (matches($r, '^\s')) then ' ' else '') || tex:lemma($reading/node())
                                          || (if (matches($r, '\s$')) then ' ' else '')"/>
    <xsl:sequence select="tex:plain($context[1]) || $set || tex:plain($context[2]) || tex:sigla($reading)"/>
  </xsl:function>

  <!-- What an entry with an empty reading says of the others: the editors removed what the source has
       (del.), or witnesses add what the text has not (add.). -->
  <xsl:function name="tex:empty-lemma" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::tei:app) then 'add.' else 'del.'"/>
  </xsl:function>

  <!-- An emendation or a variant: the reading in the text, the rest in apparatus A. -->
  <xsl:template name="tex:entry">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="ctx" as="xs:string" tunnel="yes" select="'text'"/>
    <xsl:param name="entry" as="xs:boolean" select="true()"/>
    <xsl:variable name="reading" select="tk:reading(.)"/>
    <xsl:variable name="set" as="xs:string"><xsl:value-of><xsl:apply-templates select="$reading/node()" mode="tex:inline"/></xsl:value-of></xsl:variable>
    <!-- the layout of the XML around a reading (a lem that opens with a nested app) is no space of the text -->
    <xsl:variable name="shown" select="replace($set, '^\s+|\s+$', '')"/>
    <!-- an entry that shows nothing (a reading only a witness adds) separates the words around it once -->
    <xsl:variable name="before" select="tk:space-before(.) or (matches($set, '^\s') and matches(string(preceding-sibling::node()[1][self::text()]), '\S$'))"/>
    <xsl:variable name="after" select="tk:space-after(.) or (matches($set, '\s$') and matches(string(following-sibling::node()[1][self::text()]), '^\w'))"/>
    <xsl:if test="if ($shown = '') then $before and $after else $before"><xsl:text> </xsl:text></xsl:if>
    <!-- an entry that shows nothing before a stop: the space the encoder left for the words is not set
         ("τιμωμένην <app><lem/>…</app>;") -->
    <xsl:if test="$shown = '' and (matches(string(following-sibling::node()[1][self::text()]), '^[.,;:·!?)\]]')
                                   or following-sibling::node()[1][self::tei:note[tk:is-flow-note(.) and tk:note-kind(.) != 'editorial']])
                  and matches(string(preceding-sibling::node()[1][self::text()]), '\s$')">\unskip{{}}</xsl:if>
    <xsl:choose>
      <xsl:when test="$ctx = 'text' and $entry">
        <xsl:variable name="lemma" select="tex:reading-text($reading/node())"/>
        <xsl:text>\edtext{{{$shown}}}{{</xsl:text>
        <xsl:variable name="context" select="tex:context(.)"/>
        <xsl:choose>
          <xsl:when test="exists($context)">\lemma{{{tex:lemma-in-context(., $context)}}}\Afootnote{{{tex:alternates(., $context[1], $context[2])}}}</xsl:when>
          <xsl:when test="$lemma = ''">\lemma{{}}\Afootnote[nosep]{{{tex:alternates(.)} \textit{{{tex:empty-lemma(.)}}}}}</xsl:when>
          <xsl:when test="$reading/@wit">\lemma{{{tex:lemma($reading/node())}{tex:sigla($reading)}}}\Afootnote{{{tex:alternates(.)}}}</xsl:when>
          <!-- reledmac's own lemma would be the whole reading, its notes too -->
          <xsl:when test="$reading//tei:note">\lemma{{{tex:lemma($reading/node())}}}\Afootnote{{{tex:alternates(.)}}}</xsl:when>
          <xsl:otherwise>\Afootnote{{{tex:alternates(.)}}}</xsl:otherwise>
        </xsl:choose>
        <xsl:text>}}</xsl:text>
      </xsl:when>
      <!-- in notes and headings the reading only; the entry is given after the note or heading -->
      <xsl:otherwise>{$shown}</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$after and $shown != ''"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- The entries of a note or heading, keyed to the line of its marker: "12 n. *: Official] Oflicial". -->
  <xsl:template name="tex:deferred-entries">
    <xsl:param name="holder" as="element()"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:for-each select="$holder//(tei:choice | tei:app)[tk:is-entry(.)]
                          [not(ancestor::tei:note[tk:is-flow-note(.)][. &gt;&gt; $holder])]">
      <xsl:variable name="lemma" select="tex:lemma(tk:reading(.)/node())"/>
      <!-- a lemma that says nothing (a garbled mark removed first in the note) takes the words around it -->
      <xsl:variable name="context" select="tex:context(.)"/>
      <xsl:choose>
        <xsl:when test="exists($context)">\edtext{{}}{{\lemma{{{$label} {tex:lemma-in-context(., $context)}}}\Afootnote{{{tex:alternates(., $context[1], $context[2])}}}}}</xsl:when>
        <xsl:otherwise>
          <xsl:text>\edtext{{}}{{\lemma{{{$label}{if ($lemma = '') then '' else ' ' || $lemma || tex:sigla(tk:reading(.))}}}\Afootnote{if ($lemma = '') then '[nosep]' else ''}{{{if ($lemma = '') then ' ' else ''}{tex:alternates(.)}{if ($lemma = '') then ' \textit{' || tex:empty-lemma(.) || '}' else ''}}}}}</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ notes -->

  <!-- Whether a note is marked with asterisks, which the source sets anew on each of its pages (*, **,
       *** for the first, second, third note of a page). Our pages are not the book's, so two notes the
       book kept apart could share a page and a mark. -->
  <xsl:function name="tex:marked-per-page" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="matches($note/@n, '^\*+$') and tk:note-kind($note) != 'editorial'"/>
  </xsl:function>

  <!-- The mark of a note printed at the pointer that points to it from elsewhere: the pointer's words without
       their brackets ("[1]": 1), else the note's own label. -->
  <xsl:function name="tex:pointer-mark" as="xs:string">
    <xsl:param name="pointer" as="element()"/>
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="words" select="normalize-space(replace(string($pointer), '^\s*\[(.*)\]\s*$', '$1'))"/>
    <xsl:sequence select="($words[.], tk:note-label($note))[1]"/>
  </xsl:function>

  <!-- The mark of an author's note, as LaTeX. A note marked per page takes as many asterisks as it is
       the first, second … such note on its page of this edition: teikit.lua knows the page from the pass
       before and until then prints the source's mark (\tkstar, with a key that, as for quotation marks,
       lives only within one LaTeX run). -->
  <xsl:function name="tex:note-mark" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (tex:marked-per-page($note)) then '\tkstar{' || generate-id($note) || '}{' || $note/@n || '}'
                          else tex:plain(tk:note-source-label($note))"/>
  </xsl:function>

  <xsl:template name="tex:note">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="ctx" as="xs:string" tunnel="yes" select="'text'"/>
    <xsl:param name="mark" as="xs:string?" select="()"/>
    <xsl:param name="index-here" as="xs:boolean" tunnel="yes" select="true()"/>
    <xsl:variable name="footnote" select="$ctx = 'text' and tk:note-kind(.) != 'editorial'"/>
    <xsl:variable name="body" as="xs:string">
      <xsl:value-of><xsl:apply-templates mode="tex:inline">
        <xsl:with-param name="ctx" select="'note'" tunnel="yes"/>
        <xsl:with-param name="index-here" select="$index-here and not($footnote)" tunnel="yes"/>
      </xsl:apply-templates></xsl:value-of>
    </xsl:variable>
    <xsl:if test="$footnote">
      <!-- the names the footnote prints: not those of source readings it keeps for the apparatus -->
      <xsl:value-of select="string-join((.//tei:persName except .//(tei:sic | tei:orig | tei:abbr | tei:rdg | tei:fw)//tei:persName)
                            ! tex:person-index(., '|tkinnote'))"/>
    </xsl:if>
    <xsl:variable name="marker" select="($mark ! tex:plain(.), tex:note-mark(.))[1]"/>
    <xsl:choose>
      <xsl:when test="$ctx = 'lemma'"/>
      <xsl:when test="$ctx = ('note', 'heading', 'meta')">
        <!-- a note inside a note (or heading): in brackets where it stands -->
        <xsl:text> {{[}}\textit{{Note}}: {$body}{{]}}</xsl:text>
      </xsl:when>
      <xsl:when test="tk:note-kind(.) = 'editorial'">\edtext{{}}{{\Bfootnote{{{$body}}}}}</xsl:when>
      <xsl:otherwise>{if (tex:marked-per-page(.)) then '\tkstarhere{' || generate-id() || '}' else ''}\footnoteA[{$marker}]{{{replace($body, '^\s+', '')}}}</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$ctx = 'text'">
      <xsl:call-template name="tex:deferred-entries">
        <xsl:with-param name="holder" select="."/>
        <xsl:with-param name="label" select="'\textit{n.}\,' || $marker || ':'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
