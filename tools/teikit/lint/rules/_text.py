"""Helpers shared by the text rules: tokens of the reading text and what is allowed."""

from __future__ import annotations

import re

from ...reading import is_aside
from ..words import DEFAULT_WORDLIST, EDGE, extra_words, wordlist

# Content of these elements is not checked as English prose.
NOT_PROSE = frozenset({"persName", "placeName", "orgName", "name", "rs", "title", "foreign", "num", "idno",
                       "ref", "ptr", "term", "mentioned", "bibl", "date", "gap", "code", "egXML", "geo",
                       "forename", "surname", "roleName", "addName", "genName"})
TOKEN = re.compile(r"[^\s—–]+")
HOLE = " \u2060 "  # stands for a name or a nested block: separates words, is not a word


def words_for(ctx) -> frozenset[str]:
    configured = ctx.config.get("wordlist") or DEFAULT_WORDLIST
    return wordlist(tuple(configured) if isinstance(configured, list) else configured)


def extra_for(ctx) -> frozenset[str]:
    key = ("_extra_words", id(ctx.register))  # documents may use different registers, or none
    if key not in ctx.config:
        ctx.config[key] = extra_words(ctx.config.get("extra-words") or (), ctx.config.get("extra-words-file"),
                                      ctx.register)
    return ctx.config[key]


# Elements whose text is checked as a unit (a paragraph, a heading, a note...).
BLOCKS = frozenset({"p", "head", "note", "item", "l", "ab", "label", "dateline", "byline", "salute", "signed",
                    "trailer", "cell", "titlePart", "docAuthor", "docDate", "closer", "opener", "epigraph",
                    "quote", "cit", "lg", "sp", "speaker", "stage", "figDesc", "lem", "rdg"})
# Empty elements that may stand inside a word (a page break in "com<pb break="no"/>missar").
JOINING = frozenset({"milestone", "anchor", "pb", "lb", "cb",
                     "corr", "reg", "expan", "supplied", "add"})  # an empty correction removes characters


class Block:
    """The prose of one block as a string, with each stretch traced back to its text node."""

    def __init__(self, element, language):
        self.element = element
        self.language = language
        self.text = ""
        self.spans = []  # (start in self.text, owner, kind, start in owner's text, length)

    def add(self, owner, kind, text, start=0):
        self.spans.append((len(self.text), owner, kind, start, len(text)))
        self.text += text

    def locate(self, offset):
        """(owner, kind, offset in that text node) of a character of the block."""
        for start, owner, kind, node_start, length in reversed(self.spans):
            if start <= offset < start + length or (offset == start + length and length):
                return owner, kind, node_start + (offset - start)
        return self.element, None, 0


def prose_blocks(ctx):
    """Each block of the reading text with its prose as one string.

    The source side of choices and forme work are left out, names and other
    non-prose phrases become a space, empty milestones join (they may stand
    inside a word), and nested blocks (a note inside a paragraph) are blocks
    of their own.
    """
    from lxml import etree
    text_el = ctx.doc.root.find("{http://www.tei-c.org/ns/1.0}text")
    if text_el is None or ctx.is_register:
        return  # the register's notes are the editors' prose, not a transcription
    for el in text_el.iter():
        if not isinstance(el.tag, str) or etree.QName(el).localname not in BLOCKS:
            continue
        if any(is_aside(a) or etree.QName(a).localname in NOT_PROSE for a in el.iterancestors()):
            continue
        block = Block(el, ctx.language(el))
        _walk(el, block, top=True)
        if block.text.strip():
            yield block


def _walk(el, block, top=False):
    from lxml import etree
    local = etree.QName(el).localname
    if not top:
        if is_aside(el):
            # the other side of the choice (or the page break after forme work) carries on the
            # prose: adding nothing keeps a word whole across "repug<choice><sic>:</sic>…</choice>nance"
            _tail(el, block)
            return
        if local in BLOCKS:
            block.add(el, None, HOLE)
            _tail(el, block)
            return
        if local in NOT_PROSE or _other_language(el, block.language):
            block.add(el, None, HOLE)
            _tail(el, block)
            return
        if len(el) == 0 and not el.text:
            if not (local in JOINING and (local not in ("pb", "lb", "cb") or el.get("break") == "no")):
                block.add(el, None, " ")
            _tail(el, block)
            return
    if el.text:
        block.add(el, "text", el.text)
    for child in el:
        if isinstance(child.tag, str):
            _walk(child, block)
        elif child.tail:
            block.add(child, "tail", child.tail)
    if not top:
        _tail(el, block)


def _other_language(el, language: str) -> bool:
    """A phrase in another language than its block's (a German quotation in English prose)."""
    lang = el.get("{http://www.w3.org/XML/1998/namespace}lang")
    return bool(lang) and lang.split("-")[0].lower() != language.split("-")[0].lower()


def _tail(el, block):
    if el.tail:
        block.add(el, "tail", el.tail)


def reading_text(el, skip=frozenset()) -> str:
    """The reading text of an element, without the descendants named in ``skip`` (notes, nested blocks …)."""
    from lxml import etree
    out = []

    def walk(e):
        if e is not el and (is_aside(e) or etree.QName(e).localname in skip):
            return
        if e.text:
            out.append(e.text)
        for c in e:
            if isinstance(c.tag, str):
                walk(c)
            if c.tail:
                out.append(c.tail)

    walk(el)
    return "".join(out)


def found(ctx, rule, block, offset, message, severity="error"):
    """A diagnostic for a finding at a character of a block, unless silenced where it stands."""
    owner, kind, local = block.locate(offset)
    if kind in ("text", "tail"):
        node_text = (owner.text if kind == "text" else owner.tail) or ""
        # a processing instruction silences the occurrence that follows it directly
        if not node_text[:local].strip() and ctx.ignored(rule.code, owner, kind):
            return None
    if kind is None:
        return ctx.diag(rule, owner, message, severity=severity)
    return ctx.diag(rule, owner, message, kind=kind, offset=local, severity=severity)


def emendation_fix(ctx, rule, block, start: int, end: int, corr: str, kind: str):
    """An unsafe fix that records an emendation: choice/sic/corr in place, and a change in the header."""
    from ...diagnostics import Fix
    from ...rewrite import record_change
    from ...source import escape_attr
    owner, k, local = block.locate(start)
    owner2, k2, local2 = block.locate(end - 1)
    if k not in ("text", "tail") or (owner2, k2) != (owner, k):
        return None
    a = ctx.source_offset(owner, k, local)
    b = ctx.source_offset(owner, k, local2)
    resp = ctx.editor_pointer()
    if a is None or b is None:
        return None
    if resp is None:  # shown, never applied: say what the fix needs rather than offer none silently
        return Fix("emend as choice/sic/corr once the header names an editor with an xml:id (for @resp)",
                   "display")
    b += 1
    sic = ctx.source.text[a:b]
    if sic != block.text[start:end]:
        return None  # character references inside: leave it to the editor
    prefix = ctx.source.prefix_for("http://www.tei-c.org/ns/1.0", None) or ""
    q = (lambda n: f"{prefix}:{n}" if prefix else n)
    new = (f"<{q('choice')}><{q('sic')}>{sic}</{q('sic')}><{q('corr')} resp=\"{escape_attr(resp)}\" "
           f"type=\"{kind}\">{corr}</{q('corr')}></{q('choice')}>")
    import datetime as dt
    change = (f"<{q('change')} when=\"{dt.date.today().isoformat()}\" who=\"{escape_attr(resp)}\">Emendations "
              f"recorded with teikit lint --fix --unsafe-fixes.</{q('change')}>")
    record = record_change(ctx.source, change)  # in the revisionDesc, which is added when missing
    if record is None:
        return None
    return Fix(f"emend as choice/sic/corr ({corr!r})", "unsafe", ((a, b, new), (record.start, record.end, record.text)))


def prose(ctx):
    """(owner, kind, text, language) of the reading text that is prose."""
    for owner, kind, text in ctx.reading_text(skip=NOT_PROSE):
        holder = owner if kind == "text" else owner.getparent()
        if holder is None:
            continue
        yield owner, kind, text, ctx.language(holder)


def tokens(text: str):
    """(start, core) of each whitespace-separated token, with its edge punctuation removed."""
    for m in TOKEN.finditer(text):
        raw = m.group(0)
        if len(raw) == 2 and raw[0].isalpha() and raw[1] == ".":
            continue  # an initial or an abbreviation: L., p.
        if raw in ("'s", "’s") or raw.startswith(("'s", "’s")) and not raw[2:3].isalnum():
            continue  # a possessive after a name element: <persName>Stalin</persName>'s
        lead = len(raw) - len(raw.lstrip(EDGE))
        core = raw.strip(EDGE)
        if core:
            yield m.start() + lead, core
