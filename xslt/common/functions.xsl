<?xml version="1.0" encoding="UTF-8"?>
<!--
  What is read, shared by the HTML and LaTeX transforms: which member of a
  choice or app is the reading, how notes and apparatus entries are numbered
  and labelled, how pointers into the register resolve, which links are
  safe.  Nothing here decides how anything looks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="sources.xsl"/>
  <xsl:include href="manuscripts.xsl"/>
  <xsl:include href="spoken.xsl"/>

  <xsl:key name="tk:id" match="*[@xml:id]" use="@xml:id"/>

  <!-- ============================================================ readings -->

  <xsl:function name="tk:reading" as="node()*">
    <xsl:param name="e" as="element()"/>
    <xsl:apply-templates select="$e" mode="tk:default"/>
  </xsl:function>

  <!-- The reading text of nodes as a plain string: of each alternate only its reading, no notes, no
       forme work; a line break is a space unless it divides a word (and then the file's layout around
       it is no space either: tk:text), and so is a space the source leaves. -->
  <xsl:function name="tk:reading-string" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join($nodes ! (if (self::text()) then tk:text(.)
        else if (self::tei:note or self::tei:fw or self::tei:witDetail) then ''
        else if (self::tei:lb[not(@break = 'no')] or self::tei:space) then ' '
        else if (self::* and tk:behaviour(.) = 'alternate') then tk:reading-string(tk:reading(.)/node())
        else tk:reading-string(node())))"/>
  </xsl:function>

  <xsl:function name="tk:alternates" as="node()*">
    <xsl:param name="e" as="element()"/>
    <xsl:apply-templates select="$e" mode="tk:alternate"/>
  </xsl:function>

  <!-- An apparatus entry: an emendation (choice) or a variant (app). -->
  <xsl:function name="tk:is-entry" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:behaviour($e) = 'alternate' and exists(tk:alternates($e))"/>
  </xsl:function>

  <!-- Running numbers, counted once in document order by accumulators (xsl:number per node is
       quadratic on a novel). A stylesheet's modes must declare use-accumulators="#all". -->
  <xsl:accumulator name="tk:entries" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text[not(ancestor::tei:text)]" select="0"/>
    <xsl:accumulator-rule match="tei:choice | tei:app" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="tk:entry-number" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/accumulator-before('tk:entries')"/>
  </xsl:function>

  <!-- A text node as the reading text has it: the white space an encoder puts around a break inside
       a word (διαμέ⏎<lb break="no"/>νειν) is layout of the file, not a space of the text. -->
  <xsl:function name="tk:text" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="s" select="if ($t/following-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no'])
                                   then replace(string($t), '\s+$', '') else string($t)"/>
    <xsl:sequence select="if ($t/preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no'])
                          then replace($s, '^\s+', '') else $s"/>
  </xsl:function>

  <!-- Is there text of a block before a node in it (not of a note), so that a line break there ends a
       line?  One before the block's first words breaks nothing: the block begins a line anyway. -->
  <xsl:function name="tk:text-before" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:sequence select="exists($block//text()[normalize-space()][. &lt;&lt; $n][not(ancestor::tei:note)])"/>
  </xsl:function>

  <!-- Encoders separate a variant from the words around it by the white space inside the app
       (word<app>⏎<lem>…</lem></app>): the renderings put a space there. -->
  <xsl:function name="tk:space-before" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:app) and exists($e/node()[1][self::text()][not(normalize-space())])
                          and exists($e/preceding-sibling::node()[1][self::text()][matches(., '\S$')])"/>
  </xsl:function>
  <xsl:function name="tk:space-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:app) and exists($e/node()[last()][self::text()][not(normalize-space())])
                          and exists($e/following-sibling::node()[1][self::text()][matches(., '^\w')])"/>
  </xsl:function>

  <!-- The parts of a structured reference or name may stand with nothing between them
       (<monogr><author>…</author><title>…</title>…): the renderings put a space there, so that their
       words do not run together. Not between words or signs of a tokenised text (w, pc), but for the
       tokens of an utterance (tk:space-before-token). -->
  <xsl:function name="tk:glued" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[local-name() = ('biblStruct', 'analytic', 'monogr', 'series', 'imprint',
                          'biblFull', 'msIdentifier', 'respStmt', 'persName', 'placeName', 'orgName', 'name',
                          'address', 'titleStmt', 'editionStmt', 'publicationStmt', 'seriesStmt')])
                          and exists($e/preceding-sibling::node()[1][self::*]) or tk:space-before-token($e)"/>
  </xsl:function>

  <!-- The witnesses of a reading, as their sigla (the listWit's abbr or @n, or the id). -->
  <xsl:function name="tk:sigla" as="xs:string*">
    <xsl:param name="rdg" as="element()"/>
    <xsl:for-each select="tokenize($rdg/@wit)">
      <xsl:variable name="id" select="substring-after(., '#')"/>
      <xsl:variable name="w" select="tk:local-id($id, $rdg)[self::tei:witness][1]"/>
      <xsl:sequence select="if ($w) then tk:siglum($w) else (if ($id) then $id else .)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The witnesses a text's readings can name, each with its siglum (tk:siglum): what a reader needs to
       read the apparatus (the web's list of witnesses, the print's metadata). -->
  <xsl:function name="tk:witnesses" as="element(tei:witness)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei//tei:listWit//tei:witness[@xml:id]"/>
  </xsl:function>

  <!-- What a witness is (its description), without the siglum that heads it. -->
  <xsl:function name="tk:witness-description" as="node()*">
    <xsl:param name="w" as="element(tei:witness)"/>
    <xsl:sequence select="$w/node() except $w/tei:abbr[@type = 'siglum']"/>
  </xsl:function>

  <xsl:function name="tk:siglum" as="xs:string">
    <xsl:param name="w" as="element(tei:witness)"/>
    <xsl:sequence select="normalize-space(($w/tei:abbr[@type = 'siglum'], $w/@n, $w/tei:abbr, $w/@xml:id)[1])"/>
  </xsl:function>

  <!-- ============================================================ notes -->

  <xsl:function name="tk:note-kind" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@type = 'editorial') then 'editorial'
                          else if ($note/@type = 'translator') then 'translator'
                          else 'authorial'"/>
  </xsl:function>

  <!-- Notes of the text, out of the flow: not those of the header, not notes that are a note's content,
       not the note of an apparatus entry (app/note beside readings, or a note in a variant), which the
       entry shows. -->
  <xsl:function name="tk:is-flow-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/ancestor::tei:text) and not($note/parent::tei:notesStmt | $note/parent::tei:app[tk:is-entry(.) or tk:is-comment(.)])
                          and tk:behaviour($note) = 'note' and not(tk:in-alternate($note))"/>
  </xsl:function>

  <!-- An apparatus entry without readings (EpiDoc's list of line comments, <app loc="4"><note>…</note></app>):
       a comment on the text, which stands where it is, headed by the lines it names; its note has no marker. -->
  <xsl:function name="tk:is-comment" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:app[not(tei:lem or tei:rdg or tei:rdgGrp)])"/>
  </xsl:function>

  <xsl:function name="tk:comment-lines" as="xs:string?">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="lines" select="tokenize($app/@loc)"/>
    <xsl:sequence select="if (exists($lines)) then (if (count($lines) gt 1) then 'll. ' else 'l. ') || string-join($lines, '–') else ()"/>
  </xsl:function>

  <!-- The element of the same document a pointer #id names (not one of another text of the edition,
       which is on another page). -->
  <xsl:function name="tk:local-target" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="element()"/>
    <xsl:sequence select="if (starts-with($pointer, '#') and string-length($pointer) gt 1)
                          then tk:local-id(substring($pointer, 2), $context)[1] else ()"/>
  </xsl:function>

  <!-- The element of the document a link points to (#id): in the text, or in the header or standOff, where
       a letter or a play keeps its own index of persons and places (listPerson in particDesc). -->
  <xsl:function name="tk:target" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(($e/@target, $e/@ref)[1] ! tokenize(.)[1]) ! tk:local-target(., $e)
                          [ancestor::tei:text or ancestor::tei:teiHeader or ancestor::tei:standOff]"/>
  </xsl:function>

  <!-- What an empty pointer shows: the label of the note or the heading it points to, the name of the
       person, place or organisation of the document's own index, else its target.
       A note goes by the label the output prints at its marker (print keeps the source's). -->
  <xsl:function name="tk:pointer-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:pointer-text($e, tk:note-label#1)"/>
  </xsl:function>

  <xsl:function name="tk:pointer-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="note-label" as="function(element()) as xs:string"/>
    <xsl:variable name="t" select="tk:target($e)"/>
    <xsl:sequence select="if ($t/self::tei:note) then 'note ' || $note-label($t)
                          else if ($t/tei:head) then normalize-space(tk:reading-string($t/tei:head[1]/node()))
                          else ($t[self::tei:person or self::tei:personGrp or self::tei:place or self::tei:org]
                                ! tk:own-entry-name(.), string(($e/@target, $e/@ref)[1]))[1]"/>
  </xsl:function>

  <!-- The name of a person, place or organisation of the document's own index (its first name). -->
  <xsl:function name="tk:own-entry-name" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/(tei:persName, tei:placeName, tei:orgName, tei:name))[1]
                          ! normalize-space(tk:reading-string(node()))[. != '']"/>
  </xsl:function>

  <!-- Does a node stand in a reading the text does not show (a sic, a variant)? A note there has no
       place in the text: the apparatus entry gives it with its reading. -->
  <xsl:function name="tk:in-alternate" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="some $a in $n/ancestor::*[parent::*[tk:behaviour(.) = 'alternate']]
                          satisfies exists($a intersect tk:alternates($a/..))"/>
  </xsl:function>

  <xsl:accumulator name="tk:editorial-notes" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="(tei:TEI | tei:teiCorpus)[not(ancestor::tei:teiCorpus)]" select="0"/>
    <xsl:accumulator-rule match="tei:note[@type = 'editorial'][ancestor::tei:text][not(parent::tei:app[tk:is-entry(.) or tk:is-comment(.)])][not(tk:in-alternate(.))]" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="tk:other-notes" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="(tei:TEI | tei:teiCorpus)[not(ancestor::tei:teiCorpus)]" select="0"/>
    <xsl:accumulator-rule match="tei:note[not(@type = 'editorial')][ancestor::tei:text][not(parent::tei:app[tk:is-entry(.) or tk:is-comment(.)])][not(tk:in-alternate(.))]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="tk:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="max((1, if (tk:note-kind($note) = 'editorial') then $note/accumulator-before('tk:editorial-notes')
                                    else $note/accumulator-before('tk:other-notes')))"/>
  </xsl:function>

  <!--
    The label of a note in the edited text: the printed number when the source
    numbers its notes (73), else a running number (the source's *, ** restart
    on every page); editorial notes run a, b, c … .  The source view shows @n.
  -->
  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (tk:note-kind($note) = 'editorial') then tk:letters(tk:note-number($note))
                          else if (matches($note/@n, '^\d+$') and empty(key('tk:unnumbered-notes', true(), root($note))))
                          then string($note/@n)
                          else string(tk:note-number($note))"/>
  </xsl:function>

  <!-- The source's notes that have no printed number: when a document has one, its printed numbers would
       meet the running ones (1, 2 beside a printed 1), so all its notes run. -->
  <xsl:key name="tk:unnumbered-notes" match="tei:note[not(@type = 'editorial')][not(matches(@n, '^\d+$'))][tk:is-flow-note(.)]"
           use="true()"/>

  <xsl:function name="tk:note-source-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(($note/@n, tk:note-label($note))[1])"/>
  </xsl:function>

  <xsl:function name="tk:letters" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:number value="$n" format="a"/>
  </xsl:function>

  <!-- ============================================================ ids -->

  <!--
    The id of an element on its page: its xml:id, else one made from the text itself, so that a
    reader's link to it survives the next build.  Never generate-id(): Saxon numbers the nodes by the
    order in which it loads documents, so those ids change when a stylesheet module is added or when
    anything comes before the element in the edition document (another text, a word earlier on).
    A page break is its text's key and its page number, leninstalin-p-16 (with its edition:
    key-p-A-16); a number met before in the same text takes _2, _3 … (a teiCorpus whose members
    each begin at p. 1).  Any other element (a page break without a number too) is its name and its
    ordinal among the elements of that name in the same text: key-tk-note-3 (key-tkh-… in the
    header, a page break of a transcribed source description included, so that a change to the
    header moves no anchor of the text).  "The same text" is the tk:text, the page: nothing here
    depends on the other texts of the build.  The three forms cannot meet (p-, tk-, tkh-); an
    encoder's xml:id that happens to equal one is kept, and the made one takes _tk.
  -->
  <!-- The ids the web pages give their own parts (skip link, notes, apparatus, the document's own index,
       the parts in other files, headings of sections); a test checks that every id the stylesheets write
       is here.  The prefixes: ids the pages make from an element's id (ref-ID for a note's marker, app-ID
       for an apparatus entry, src-… for a quotation's source, card-ID, letter-X of a register). -->
  <xsl:variable name="tk:page-ids" as="xs:string+" select="('main', 'notes', 'notes-h', 'editorial-notes', 'enotes-h',
      'apparatus', 'app-h', 'index', 'index-h', 'missing-parts', 'missing-h', 'principles', 'principles-h', 'texts',
      'texts-h', 'search', 'dl-h', 'reg-h', 'top', 'contents', 'toc', 'meta', 'cards')"/>
  <xsl:variable name="tk:page-id-prefixes" as="xs:string+" select="('ref-', 'app-', 'src-', 'card-', 'letter-')"/>

  <xsl:function name="tk:id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:choose>
      <!-- an encoder's id that a page of the edition uses for itself (main, notes…) is kept apart -->
      <xsl:when test="$e/@xml:id = $tk:page-ids or (some $p in $tk:page-id-prefixes satisfies starts-with($e/@xml:id, $p))">
        <xsl:sequence select="$e/@xml:id || '-tei'"/></xsl:when>
      <xsl:when test="$e/@xml:id"><xsl:sequence select="string($e/@xml:id)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="base" select="tk:id-base($e)"/>
        <xsl:variable name="k" select="$e/accumulator-before('tk:ordinals')($base)" as="xs:integer"/>
        <xsl:variable name="id" select="string-join(($e/ancestor::tk:text[1]/@key[. != ''], $base), '-')
                                        || (if (starts-with($base, 'p-')) then ('_' || $k)[$k gt 1] else '-' || $k)"/>
        <xsl:sequence select="if (exists(tk:local-id($id, $e))) then $id || '_tk' else $id"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:id-base" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" select="$e/self::tei:pb[not(ancestor::tei:teiHeader)]/@n ! tk:id-part(.)"/>
    <xsl:sequence select="if ($n != '') then 'p-' || (($e/@ed, $e/@edition)[1] ! tk:id-part(.) ! (if (. != '') then . || '-' else '')) || $n
                          else (if ($e/ancestor-or-self::tei:teiHeader) then 'tkh-' else 'tk-') || local-name($e)"/>
  </xsl:function>

  <!-- A value as part of an id: letters and digits, other runs as one hyphen (#ed1 → ed1, [xii] → xii). -->
  <xsl:function name="tk:id-part" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(replace(string($s), '[^\p{L}\p{N}]+', '-'), '^-+|-+$', '')"/>
  </xsl:function>

  <!-- How many elements of each id base (tk:id-base) the text has up to here, this one included;
       counted once in document order, anew for each text of the edition. -->
  <xsl:accumulator name="tk:ordinals" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="tk:text" select="map{}"/>
    <xsl:accumulator-rule match="*[not(self::tk:*)]"
                          select="let $b := tk:id-base(.) return map:put($value, $b, ($value($b), 0)[1] + 1)"/>
  </xsl:accumulator>

  <!-- The elements a pointer #id of this text names: those of its own document (the tk:text that holds
       it in the edition), never those of another text of the build, which the page does not show. -->
  <xsl:function name="tk:local-id" as="element()*">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="key('tk:id', $id, ($context/ancestor-or-self::tk:text[1], root($context))[1])"/>
  </xsl:function>

  <!-- ============================================================ register -->

  <!-- A pointer with its prefix expanded by its own document's prefixDef: psn:stalin → register.xml#stalin.
       The nearest header that declares the prefix counts (a teiCorpus member's own, then the corpus's),
       never that of another text of the edition. -->
  <xsl:function name="tk:expand" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="substring-before($pointer, ':')"/>
    <xsl:variable name="def" select="(reverse($context/ancestor-or-self::*[self::tei:TEI or self::tei:teiCorpus])
                                      ! tei:teiHeader//tei:prefixDef[@ident = $prefix])[1]"/>
    <xsl:sequence select="if ($def and matches(substring-after($pointer, ':'), '^' || $def/@matchPattern || '$'))
                          then replace(substring-after($pointer, ':'), '^' || $def/@matchPattern || '$',
                                       $def/@replacementPattern)
                          else $pointer"/>
  </xsl:function>

  <!-- The register's file name, which the texts' pointers name (the build passes it: a project's may be
       persons.xml). -->
  <xsl:param name="register-file" as="xs:string" select="'register.xml'"/>

  <!-- The id in the register a pointer names, by its own document's prefixes (psn:stalin →
       register.xml#stalin → stalin); none for a pointer elsewhere. -->
  <xsl:function name="tk:register-id" as="xs:string?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="t" select="tk:expand($pointer, $context)"/>
    <xsl:variable name="file" select="substring-before($t, '#')"/>
    <xsl:sequence select="if ($file = $register-file or ends-with($file, '/' || $register-file))
                          then substring-after($t, '#') else ()"/>
  </xsl:function>

  <!-- The register entry of an id, if the register has one (a person, place, organisation or work). -->
  <xsl:function name="tk:entry-by-id" as="element()?">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:param name="register" as="document-node()?"/>
    <xsl:sequence select="if ($register and exists($id))
                          then (key('tk:id', $id, $register)[self::tei:person or self::tei:place
                                or self::tei:org or self::tei:bibl])[1] else ()"/>
  </xsl:function>

  <!-- The register entry a name points to (the first of its @ref the register holds an id for). -->
  <xsl:function name="tk:entry" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="register" as="document-node()?"/>
    <xsl:sequence select="tk:entry-by-id((tokenize($e/@ref) ! tk:register-id(., $e))[1], $register)"/>
  </xsl:function>

  <xsl:function name="tk:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="map{'person': 'persons', 'place': 'places', 'org': 'organisations', 'bibl': 'works'}
                          (local-name($entry))"/>
  </xsl:function>

  <xsl:function name="tk:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string(($entry/*[@type = 'full'], $entry/(tei:persName | tei:placeName
                          | tei:orgName | tei:title))[1]))"/>
  </xsl:function>

  <!-- The name under which an entry is sorted: surname first for persons, without the particle it begins
       with ("von Seeckt" under S, as indexes list him: "Seeckt, Hans von"). -->
  <xsl:function name="tk:entry-sort" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="full" select="($entry/*[@type = 'full'])[1]"/>
    <xsl:sequence select="lower-case(normalize-space(if ($full/tei:surname)
                          then string-join((tk:surname-proper($full), $full/tei:forename), ' ')
                          else tk:entry-name($entry)))"/>
  </xsl:function>

  <!-- The particle a person's surname begins with, in small letters ("von", "de la"), else "" ("Van Buren" is
       under V); and the surname without it. -->
  <xsl:function name="tk:particle" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:variable name="lead" select="'^(((von|vom|zu|zum|zur|van|den|der|de|del|della|di|da|du|la|le|ten|ter) )+)'"/>
    <xsl:variable name="surname" select="normalize-space(string-join($name/tei:surname, ' '))"/>
    <xsl:sequence select="if (matches($surname, $lead)) then normalize-space(replace($surname, $lead || '.*$', '$1')) else ''"/>
  </xsl:function>

  <xsl:function name="tk:surname-proper" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="normalize-space(substring(normalize-space(string-join($name/tei:surname, ' ')), string-length(tk:particle($name)) + 1))"/>
  </xsl:function>

  <xsl:function name="tk:entry-dates" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="($entry/tei:birth/(@when, @notBefore, @from))[1]"/>
    <xsl:variable name="d" select="($entry/tei:death/(@when, @notAfter, @to))[1]"/>
    <xsl:sequence select="if ($b or $d) then (if ($b) then substring($b, 1, 4) else '?') || '–'
                          || (if ($d) then substring($d, 1, 4) else '') else ()"/>
  </xsl:function>

  <!-- ============================================================ dates -->

  <xsl:variable name="tk:months" as="xs:string+" select="('January', 'February', 'March', 'April', 'May', 'June',
      'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- An ISO date in words: 1937-03-03 → 3 March 1937; 1937-03 → March 1937. -->
  <xsl:function name="tk:date-words" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="p" select="tokenize(replace($iso, '^(-?\d{4})', '$1'), '-')[. != '']"/>
    <xsl:sequence select="if (matches($iso, '^\d{4}-\d{2}-\d{2}')) then
                            xs:integer(substring($iso, 9, 2)) || ' ' || $tk:months[xs:integer(substring($iso, 6, 2))]
                            || ' ' || substring($iso, 1, 4)
                          else if (matches($iso, '^\d{4}-\d{2}$')) then
                            $tk:months[xs:integer(substring($iso, 6, 2))] || ' ' || substring($iso, 1, 4)
                          else $iso"/>
  </xsl:function>

  <!-- What a date means, for a reader: its normalised value, its calendar, its certainty. -->
  <xsl:function name="tk:date-meaning" as="xs:string?">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="value" as="xs:string?">
      <xsl:choose>
        <xsl:when test="$d/@when">{tk:date-words($d/@when)}</xsl:when>
        <xsl:when test="$d/@from or $d/@to">{($d/@from ! tk:date-words(.), '…')[1]} to {($d/@to ! tk:date-words(.), '…')[1]}</xsl:when>
        <xsl:when test="$d/@notBefore or $d/@notAfter">between {($d/@notBefore ! tk:date-words(.), '…')[1]} and {($d/@notAfter ! tk:date-words(.), '…')[1]}</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="if (empty($value)) then () else string-join((
        $value,
        if ($d/@datingMethod = '#julian') then '(Gregorian; printed in the Julian calendar, old style: '
          || tk:date-words(($d/@when-custom, $d/@from-custom)[1]) || ')' else (),
        if ($d/@cert = ('medium', 'low')) then '(year inferred)' else ()), ' ')"/>
  </xsl:function>

  <!-- ============================================================ links -->

  <!-- Only web links, relative paths and fragments are followed: javascript:, data: and the rest are dropped. -->
  <xsl:function name="tk:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="if (matches($u, '^(https?://|#|\./|\.\./)', 'i') or
                              ($u != '' and not(matches($u, '^[a-zA-Z][a-zA-Z0-9+.\-]*:')) and not(starts-with($u, '//'))))
                          then $u else ()"/>
  </xsl:function>

  <!-- ============================================================ the text's metadata -->

  <!-- Markup or formal code quoted in the text (<code>resp="#ed"</code>): set as written, in both
       outputs, without typographic quotation marks.  Each of these elements is inline (the ODD's
       model for code, the table of behaviours.xsl for the others), so both outputs set it as code. -->
  <xsl:function name="tk:is-code" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/ancestor-or-self::*[self::tei:code or self::tei:att or self::tei:val or self::tei:gi
                          or self::tei:tag or self::tei:ident or self::tei:eg])"/>
  </xsl:function>

  <!-- The language of a node: the nearest xml:lang, else the main language the header's langUsage
       declares (the one with the highest @usage), else English; as a BCP 47 tag for HTML and LaTeX. -->
  <xsl:function name="tk:lang" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="usage" select="($n/ancestor-or-self::*[self::tei:TEI or self::tei:teiCorpus]/tei:teiHeader
                                        /tei:profileDesc/tei:langUsage[tei:language/@ident])[last()]/tei:language[@ident]"/>
    <xsl:variable name="main" select="($usage[number(@usage) = max($usage/number(@usage))], $usage)[1]/@ident"/>
    <xsl:sequence select="tk:bcp47(string(($n/ancestor-or-self::*[@xml:lang][1]/@xml:lang, $main, 'en')[1]))"/>
  </xsl:function>

  <!-- The writing direction of a language (a BCP 47 tag): its script subtag decides when it has one
       (az-Arab, ku-Arab are right to left, sd-Deva is not), else its primary language. -->
  <xsl:function name="tk:direction" as="xs:string">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="subtags" select="tokenize(lower-case($lang), '[-_]')"/>
    <xsl:variable name="script" select="$subtags[position() gt 1][string-length(.) = 4 and matches(., '^[a-z]+$')][1]"/>
    <xsl:sequence select="if (if (exists($script)) then $script = ('arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'mand', 'samr', 'rohg')
                              else $subtags[1] = ('he', 'yi', 'ar', 'fa', 'ur', 'ps', 'ug', 'syr', 'dv', 'ckb', 'sd', 'arc', 'heb', 'ara', 'per', 'fas'))
                          then 'rtl' else 'ltr'"/>
  </xsl:function>

  <!-- The language of a document's text (a Greek text may have an English header and TEI/@xml:lang). -->
  <xsl:function name="tk:text-lang" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:lang(($tei/tei:text, $tei)[1])"/>
  </xsl:function>

  <!-- ISO 639-2 codes (deu, ger, fra, eng) as the two-letter subtags BCP 47 requires where they exist. -->
  <xsl:variable name="tk:iso639-1" as="map(xs:string, xs:string)" select="map{
      'eng': 'en', 'deu': 'de', 'ger': 'de', 'fra': 'fr', 'fre': 'fr', 'ita': 'it', 'spa': 'es', 'por': 'pt',
      'rus': 'ru', 'lat': 'la', 'ell': 'el', 'gre': 'el', 'nld': 'nl', 'dut': 'nl', 'pol': 'pl', 'ces': 'cs',
      'cze': 'cs', 'san': 'sa', 'hun': 'hu', 'swe': 'sv', 'dan': 'da', 'nor': 'no', 'fin': 'fi', 'heb': 'he',
      'ara': 'ar', 'chi': 'zh', 'zho': 'zh', 'jpn': 'ja', 'ukr': 'uk', 'cat': 'ca', 'gle': 'ga', 'wel': 'cy',
      'cym': 'cy', 'tur': 'tr', 'yid': 'yi'}"/>

  <xsl:function name="tk:bcp47" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="primary" select="lower-case(substring-before($code || '-', '-'))"/>
    <!-- (the language subtag in lower case: tags are case-insensitive, and EN-GB is en-GB) -->
    <xsl:sequence select="(if (map:contains($tk:iso639-1, $primary)) then $tk:iso639-1($primary) else $primary)
                          || substring($code, string-length($primary) + 1)"/>
  </xsl:function>

  <xsl:function name="tk:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="t" select="($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)"/>
    <xsl:sequence select="normalize-space(string(($t[@type = 'main'], $t[not(@type)], $t)[1]))"/>
  </xsl:function>

  <!-- A reading as the apparatus shows it, its white space normalised; where it differs from the
       lemma only by white space (a space the scanner set before a stop: "trial ?"), each space of
       the source is shown as ␣, or the entry would read "?] ?" (or "trial?] trial ?", where the
       word before is given). -->
  <xsl:function name="tk:shown-reading" as="xs:string">
    <xsl:param name="reading" as="xs:string"/>
    <xsl:param name="lemma" as="xs:string"/>
    <xsl:variable name="r" select="normalize-space($reading)"/>
    <xsl:sequence select="if ($r != '' and replace($r, '\s', '') = replace($lemma, '\s', '')
                              and normalize-space($reading) != normalize-space($lemma) or
                              $r != '' and $r = normalize-space($lemma) and $reading != $lemma)
                          then replace($reading, '\s+', '␣') else $r"/>
  </xsl:function>

  <!-- The word of the reading text just before an entry, with the space after it ("Europe "), for an
       apparatus whose lemma alone says nothing: a dash, a stop, or nothing at all (a deletion). -->
  <xsl:function name="tk:word-before" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" select="tk:text-before-in-block($e)"/>
    <xsl:sequence select="if (matches($before, '\S')) then replace($before, '^.*?(\S+\s*)$', '$1', 's') else ''"/>
  </xsl:function>

  <!-- The word of the reading text just after an element, with the space before it (" A"): for an entry
       without a letter that stands first in its block (tk:word-before finds nothing there). -->
  <xsl:function name="tk:word-after" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="after" select="tk:text-after-in-block($e)"/>
    <xsl:sequence select="if (matches($after, '\S')) then replace($after, '^(\s*\S+).*$', '$1', 's') else ''"/>
  </xsl:function>

  <!-- The reading text of an element's block before it and after it (its paragraph, heading, item, note,
       line or cell). -->
  <xsl:function name="tk:text-before-in-block" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join(tk:reading-text-in-block($e)[. &lt;&lt; $e])"/>
  </xsl:function>

  <xsl:function name="tk:text-after-in-block" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join(tk:reading-text-in-block($e)[. >> $e][not(ancestor::* intersect $e)])"/>
  </xsl:function>

  <xsl:function name="tk:reading-text-in-block" as="text()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="block" select="$e/ancestor::*[tk:behaviour(.) = ('paragraph', 'heading', 'listItem', 'note')
                                       or self::tei:l or self::tei:cell][1]"/>
    <xsl:sequence select="$block//text()
        [not(ancestor::*[self::tei:sic or self::tei:orig or self::tei:abbr or self::tei:rdg or self::tei:fw
                         or self::tei:note[not(. is $block)] or self::tei:witDetail][. >> $block])]"/>
  </xsl:function>

  <!-- A title and its subtitle, split at the first colon ("Main: sub" → "Main", "sub"), as a
       title page sets them; a title without a colon, or whose colon ends a short prefix, stays whole. -->
  <xsl:function name="tk:title-parts" as="xs:string+">
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="main" select="normalize-space(substring-before($title, ':'))"/>
    <xsl:variable name="sub" select="normalize-space(substring-after($title, ':'))"/>
    <xsl:sequence select="if (string-length($main) ge 8 and $sub != '') then ($main, $sub) else normalize-space($title)"/>
  </xsl:function>

  <xsl:function name="tk:authors" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <!-- the name only: authority numbers (idno) and notes inside author are not part of it -->
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author
                          ! normalize-space(string-join(.//text()[not(ancestor::tei:idno or ancestor::tei:note)], ' '))
                          [. != '']"/>
  </xsl:function>

  <!-- When a text was written: its creation, else the date a letter was sent (correspDesc), else the
       event a play's project records as its writing (DraCor's standOff). -->
  <xsl:function name="tk:written" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:profileDesc/tei:creation ! normalize-space(.),
        $tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date ! normalize-space(),
        $tei/tei:standOff//tei:event[@type = 'written']/(@when, @notBefore, @from)[1] ! string())[. != ''][1]"/>
  </xsl:function>

  <!-- Is an element the heading of a section (a division of any level, the body, front or back, a group of
       texts)?  Each output sets it as one; other heads (of a list, a quoted document, a figure) are labels. -->
  <xsl:function name="tk:is-section-head" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:head/parent::*[self::tei:div or self::tei:div1 or self::tei:div2
        or self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:body
        or self::tei:front or self::tei:back or self::tei:group])"/>
  </xsl:function>

  <!-- The block whose lines a node stands on: the nearest element around it that is not a phrase (an
       apparatus list's comment on lines is a block of that list). -->
  <xsl:function name="tk:line-block" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/ancestor::*[not(tk:behaviour(.) = ('inline', 'link', 'alternate', 'glyph')) or tk:is-comment(.)][1]"/>
  </xsl:function>

  <!-- The edition's name, on the web's pages and the book's title page and running heads: its title where
       the configuration gives one ($title, empty where none is), else its one text's title, else plainly
       "Edition"; the configuration's placeholder, "TEI edition", names nothing. -->
  <xsl:function name="tk:edition-name" as="xs:string">
    <xsl:param name="title" as="xs:string?"/>
    <xsl:param name="edition" as="element(tk:edition)?"/>
    <xsl:sequence select="($title, $edition[count(tk:text) = 1]/tk:text/tk:title((.//(tei:TEI | tei:teiCorpus))[1]),
                           'Edition')[. != ''][1]"/>
  </xsl:function>

  <!-- Is an element part of running text (so set inline) or between blocks? -->
  <xsl:function name="tk:in-phrase" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/../text()[normalize-space()]) or
        tk:behaviour($e/..) = ('inline', 'paragraph', 'heading', 'link', 'alternate', 'note')"/>
  </xsl:function>

  <!-- Where a note is anchored: the pointers to a note standing apart from the text (a novel's
       <ref target="#footnote1">[1]</ref> to its notes in the back, a letter's <ptr target="#note1"/>).
       Only a note of the flow with an id, standing between blocks; only pointers of the reading text
       of its own document (not in a note, nor in a reading the text does not show) that lead to it. -->
  <xsl:key name="tk:pointers" match="tei:ref[@target] | tei:ptr[@target]"
           use="tokenize(@target)[starts-with(., '#')] ! substring(., 2)"/>

  <xsl:function name="tk:note-pointers" as="element()*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/self::tei:note[@xml:id] and tk:is-flow-note($note) and not(tk:in-phrase($note)))
        then key('tk:pointers', string($note/@xml:id), ($note/ancestor::tk:text[1], root($note))[1])
             [ancestor::tei:text][not(ancestor::tei:note)][not(tk:in-alternate(.))][tk:target(.) is $note]
        else ()"/>
  </xsl:function>

  <!-- Is an element part of the text of an epigraphic edition (EpiDoc's div type="edition"), which Leiden
       conventions mark up for its readers? -->
  <xsl:function name="tk:in-edition" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor::tei:div[@type = 'edition'])"/>
  </xsl:function>

  <!-- The editorial sign the reading text shows with an element, after its words if it has any: Leiden's
       vac. (vacat where its extent is unknown, with the number of letters it would hold) for a space left
       empty in an epigraphic edition, and (- - -) after an abbreviation its editors leave unresolved; […]
       for letters marked but not read; [sic] after a word kept as the source has it, where no correction
       stands beside it.  Both outputs show it, each in its own style. -->
  <xsl:function name="tk:sign" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if ($e/self::tei:space and tk:in-edition($e))
          then string-join((if ($e/@extent = 'unknown') then 'vacat' else 'vac.',
                            $e/@quantity[. castable as xs:integer][xs:integer(.) gt 1] ! string(.)), ' ')
        else if ($e/self::tei:abbr and tk:in-edition($e) and not($e/ancestor::tei:expan or $e/parent::tei:choice)) then '(- - -)'
        else if ($e/self::tei:unclear and empty($e/node()[self::* or normalize-space()])) then '[…]'
        else if ($e/self::tei:sic and not($e/parent::tei:choice)) then '[sic]'
        else ()"/>
  </xsl:function>

  <!-- A printed page label for the margin: p. 16 (and a question mark when the number is inferred). -->
  <xsl:function name="tk:page-label" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <!-- (a page without a number has no label: each output marks it its own way) -->
    <xsl:sequence select="'p. ' || $pb/@n || (if ($pb/@cert = ('low', 'medium')) then '?' else '')"/>
  </xsl:function>

</xsl:stylesheet>
