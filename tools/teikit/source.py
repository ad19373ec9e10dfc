"""Edits that keep every byte they do not touch.

lxml re-serialises a whole document when it writes it: attribute quotes,
character references, the XML declaration and spacing inside tags may all
change.  Editors reviewing ``git diff`` must see only the new markup, so
enrich and the safe lint fixes work on the source text instead: this module
tokenises a (well-formed, already parsed) document into tags, text and the
rest, keeps each element's context, maps the characters of each text run to
their offsets in the source, and applies insertions without touching
anything else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .parsing import LINE_END, Document, line_starts

XML_NS = "http://www.w3.org/XML/1998/namespace"

_TOKEN = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<cdata><!\[CDATA\[.*?\]\]>)"
    r"|(?P<pi><\?.*?\?>)"
    # (quoted values and comments may hold ] and >, which end neither the subset nor the declaration)
    r"|(?P<doctype><!DOCTYPE(?:\"[^\"]*\"|'[^']*'|[^\[>\"']|\[(?:\"[^\"]*\"|'[^']*'|<!--.*?-->|<\?.*?\?>|[^\]\"'])*\])*>)"
    r"|(?P<end></(?P<ename>[^\s>]+)\s*>)"
    r"|(?P<start><(?P<sname>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>)"
    r"|(?P<text>[^<]+)",
    re.S,
)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);")
# a reference, or a line end, which XML reads as one LF whether it is CR LF, LF or a lone CR
_REF_OR_EOL = re.compile(_REF.pattern + r"|\r\n?")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


@dataclass
class Element:
    """An element open at some point of the source: its names and attributes."""

    qname: str
    ns: str | None
    local: str
    attrs: dict[str, str]
    nsmap: dict[str | None, str]
    start: int   # offset of '<'
    name_end: int  # offset just after the qname in the start tag
    tag_end: int  # offset just after '>'
    empty: bool
    end: int = -1  # offset just after the end tag (or the empty tag)

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)


@dataclass
class TextRun:
    """One text node of the source, decoded, with the source offset of each character."""

    text: str
    offsets: list[int]   # len(text) + 1 source offsets
    ancestors: tuple[Element, ...]
    editable: bool = True  # False inside CDATA or where an unknown entity stands
    # (start, end) of the characters each reference to an entity of the DOCTYPE stands for: one reference
    # in the source, so markup goes before or after all of them, never between two
    sealed: tuple[tuple[int, int], ...] = ()

    def can_cut(self, i: int) -> bool:
        """May markup be inserted before character ``i`` of the run (``len(text)``: at its end)?"""
        return self.editable and not any(a < i < b for a, b in self.sealed)

    @property
    def parent(self) -> Element | None:
        return self.ancestors[-1] if self.ancestors else None

    def inside(self, *locals_: str, ns: str | None = None) -> bool:
        return any(a.local in locals_ and (ns is None or a.ns == ns) for a in self.ancestors)


@dataclass
class Source:
    text: str
    elements: list[Element] = field(default_factory=list)
    runs: list[TextRun] = field(default_factory=list)
    # (start, end) of each comment and processing instruction inside the root element, in document order
    others: list[tuple[int, int]] = field(default_factory=list)
    # the replacement text of each entity the DOCTYPE declares as plain text (as the parser expands them)
    entities: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> "Source":
        return cls.parse(doc.text)

    @classmethod
    def parse(cls, text: str) -> "Source":
        src = cls(text)
        stack: list[Element] = []
        for m in _TOKEN.finditer(text):
            kind = m.lastgroup
            if kind == "start":
                nsmap = dict(stack[-1].nsmap) if stack else {"xml": XML_NS}
                attrs = {}
                for a in _ATTR.finditer(m.group("attrs") or ""):
                    value = html.unescape(a.group(2) if a.group(2) is not None else a.group(3))
                    name = a.group(1)
                    attrs[name] = value
                    if name == "xmlns":
                        nsmap[None] = value
                    elif name.startswith("xmlns:"):
                        nsmap[name[6:]] = value
                qname = m.group("sname")
                prefix, _, local = qname.rpartition(":")
                el = Element(qname, nsmap.get(prefix or None), local, attrs, nsmap,
                             m.start(), m.start() + 1 + len(qname), m.end(), bool(m.group("empty")))
                src.elements.append(el)
                if el.empty:
                    el.end = m.end()
                else:
                    stack.append(el)
            elif kind == "end":
                if stack:
                    stack.pop().end = m.end()
            elif kind == "doctype":
                src.entities = _declared_entities(m.group(0))
            elif kind == "text":
                src.runs.append(_decode(m.group(0), m.start(), tuple(stack), entities=src.entities))
            elif kind in ("comment", "pi") and stack:
                src.others.append((m.start(), m.end()))
            elif kind == "cdata":
                run = _decode(m.group(0)[9:-3], m.start() + 9, tuple(stack), references=False)
                run.editable = False
                src.runs.append(run)
        return src

    def run_at(self, offset: int) -> TextRun | None:
        """The text run that starts at a source offset."""
        if not hasattr(self, "_runs_by_start"):
            self._runs_by_start = {r.offsets[0]: r for r in self.runs if r.offsets}
        return self._runs_by_start.get(offset)

    @property
    def line_starts(self) -> list[int]:
        """The offset at which each line begins; CR LF, LF and a lone CR each end a line."""
        if not hasattr(self, "_line_starts"):
            self._line_starts = line_starts(self.text)
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        import bisect
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int | None:
        """The source offset of a 1-based line and column (as line_col gives them), or None."""
        if not 1 <= line <= len(self.line_starts) or column < 1:
            return None
        return self.line_starts[line - 1] + column - 1

    def prefix_for(self, ns: str, at: Element | None) -> str | None:
        """The prefix bound to ``ns`` where ``at`` stands ('' for the default namespace)."""
        nsmap = at.nsmap if at is not None else {}
        if nsmap.get(None) == ns:
            return ""
        for p, uri in nsmap.items():
            if uri == ns and p:
                return p
        return None


_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")
_ENTITY_DECL = re.compile(r"""<!ENTITY\s+([^\s%]+)\s+(?:"([^"]*)"|'([^']*)')\s*>""")


def _declared_entities(doctype: str) -> dict[str, str]:
    """Internal general entities whose value is plain text (character references allowed), and that value.

    Others (external, or holding markup or further references) are left out: parsing refuses those
    documents, and a run using one stays uneditable.
    """
    out: dict[str, str] = {}
    for m in _ENTITY_DECL.finditer(re.sub(r"<!--.*?-->", "", doctype, flags=re.S)):
        value = m.group(2) if m.group(2) is not None else m.group(3)
        if "<" in value or re.search(r"&(?!#)", value) or "%" in value:
            continue
        value = _CHAR_REF.sub(lambda r: chr(int(r.group(1)[1:], 16) if r.group(1)[0] == "x" else int(r.group(1))),
                              value.replace("\r\n", "\n").replace("\r", "\n"))
        out.setdefault(m.group(1), value)  # the first declaration binds
    return out


def _decode(raw: str, base: int, ancestors, *, references: bool = True, entities: dict | None = None) -> TextRun:
    """Decode character and entity references, and line ends to LF, remembering each character's offset.

    The run's text is then the text lxml gives (a CR LF is one character there), so that an offset in
    an element's text is the same index in the run.  A reference to an entity the DOCTYPE declares
    stands for its replacement text, sealed (see :attr:`TextRun.sealed`); one to an unknown entity
    leaves the run uneditable.
    """
    out: list[str] = []
    offsets: list[int] = []
    sealed: list[tuple[int, int]] = []
    editable = True
    pos = 0
    for m in (_REF_OR_EOL if references else LINE_END).finditer(raw):
        for i in range(pos, m.start()):
            out.append(raw[i])
            offsets.append(base + i)
        ref = m.group(1) if references else None
        if ref is None:  # a line end
            ch = "\n"
        elif ref.startswith("#x"):
            ch = chr(int(ref[2:], 16))
        elif ref.startswith("#"):
            ch = chr(int(ref[1:]))
        elif ref in _PREDEFINED:
            ch = _PREDEFINED[ref]
        elif entities and ref in entities:
            ch = entities[ref]
            sealed.append((len(out), len(out) + len(ch)))
        else:  # an entity whose text is not known here: leave the run alone
            ch = m.group(0)
            editable = False
        for c in ch:
            out.append(c)
            offsets.append(base + m.start())
        pos = m.end()
    for i in range(pos, len(raw)):
        out.append(raw[i])
        offsets.append(base + i)
    offsets.append(base + len(raw))
    return TextRun("".join(out), offsets, ancestors, editable, tuple(sealed))


@dataclass(frozen=True, order=True)
class Edit:
    """Replace source[start:end] by ``text`` (an insertion when start == end)."""

    start: int
    end: int
    text: str
    order: int = 0  # among insertions at one offset: closing tags (lower) before opening ones


def apply(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits to the source text."""
    edits = sorted(edits, key=lambda e: (e.start, e.end, e.order))
    out, pos = [], 0
    for e in edits:
        if e.start < pos:
            raise ValueError(f"overlapping edits at offset {e.start}")
        out.append(text[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def escape_attr(value: str) -> str:
    return html.escape(value, quote=True)


def wrap(run: TextRun, start: int, end: int, open_tag: str, close_tag: str) -> list[Edit]:
    """Edits that wrap characters [start, end) of a text run in an element."""
    if not (run.can_cut(start) and run.can_cut(end)):
        raise ValueError("this text run cannot be edited there")
    return [Edit(run.offsets[start], run.offsets[start], open_tag, order=1),
            Edit(run.offsets[end], run.offsets[end], close_tag, order=0)]


def add_attribute(el: Element, name: str, value: str) -> Edit:
    """An edit that adds an attribute right after the element name."""
    return Edit(el.name_end, el.name_end, f' {name}="{escape_attr(value)}"', order=2)
