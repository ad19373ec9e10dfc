"""lxml text and tail arithmetic, in one place.

lxml stores the characters after an element in that element's ``tail``, so
wrapping a span of text or inserting a milestone in the middle of a run
means splitting ``text`` and ``tail`` strings and re-hanging them.  Every
tree edit that teikit makes in Python (ingest, the Serge tooling) goes
through these functions, each of which keeps the string value of the tree
unless it says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lxml import etree


@dataclass(frozen=True)
class Segment:
    """A stretch of character data: ``owner.text`` or ``owner.tail``, at [start, end) of the string value."""

    owner: etree._Element
    kind: str  # "text" or "tail"
    start: int
    end: int

    @property
    def value(self) -> str:
        return (self.owner.text if self.kind == "text" else self.owner.tail) or ""


def segments(el: etree._Element) -> Iterator[Segment]:
    """The character data of ``el`` in document order, with offsets into its string value.

    A comment or processing instruction has no character data (lxml's ``text`` of one is its
    content, which is no text of the document), but the text after it does.
    """
    pos = 0

    def walk(node, include_tail):
        nonlocal pos
        if node.text and isinstance(node.tag, str):
            yield Segment(node, "text", pos, pos + len(node.text))
            pos += len(node.text)
        for child in node:
            yield from walk(child, True)
        if include_tail and node.tail:
            yield Segment(node, "tail", pos, pos + len(node.tail))
            pos += len(node.tail)

    yield from walk(el, False)


def string(el: etree._Element) -> str:
    return "".join(s.value for s in segments(el))


def append_text(el: etree._Element, text: str) -> None:
    """Add text at the end of an element's content."""
    if not text:
        return
    if len(el):
        last = el[-1]
        last.tail = (last.tail or "") + text
    else:
        el.text = (el.text or "") + text


def append(el: etree._Element, child: etree._Element, tail: str = "") -> etree._Element:
    el.append(child)
    child.tail = tail or None
    return child


def _segment_at(el, start: int, end: int) -> Segment:
    for s in segments(el):
        if s.start <= start and end <= s.end and (s.start < end or start == end == s.end or s.start == start):
            return s
    raise ValueError(f"characters {start}-{end} do not lie in one text run of <{etree.QName(el).localname}>")


def _split(seg: Segment, a: int, b: int, new: etree._Element, keep: bool) -> str:
    value = seg.value
    before, span, after = value[:a], value[a:b], value[b:]
    if keep:
        new.text = span
    new.tail = after or None
    if seg.kind == "text":
        seg.owner.text = before or None
        seg.owner.insert(0, new)
    else:
        seg.owner.tail = before or None
        parent = seg.owner.getparent()
        parent.insert(parent.index(seg.owner) + 1, new)
    return span


def wrap(el: etree._Element, start: int, end: int, new: etree._Element) -> etree._Element:
    """Move characters [start, end) of el's string value into ``new``, put where they were."""
    seg = _segment_at(el, start, end)
    a, b = start - seg.start, end - seg.start
    new.text = None
    _split(seg, a, b, new, keep=True)
    return new


def replace(el: etree._Element, start: int, end: int, new: etree._Element) -> str:
    """Put ``new`` in place of characters [start, end) and return them (the caller keeps them)."""
    seg = _segment_at(el, start, end)
    return _split(seg, start - seg.start, end - seg.start, new, keep=False)


def insert(el: etree._Element, offset: int, new: etree._Element) -> etree._Element:
    """Insert an element (a page break, an anchor, a note) at a character offset of el's string value.

    At a boundary between nodes the element goes at the shallowest level:
    between two children rather than inside either.
    """
    text = el.text or ""
    if offset <= len(text):
        el.text = text[:offset] or None
        new.tail = text[offset:] or None
        el.insert(0, new)
        return new
    pos = len(text)
    for i, child in enumerate(el):
        size = len(string(child))
        if pos < offset < pos + size:
            return insert(child, offset - pos, new)
        pos += size
        tail = child.tail or ""
        if pos <= offset <= pos + len(tail):
            child.tail = tail[:offset - pos] or None
            new.tail = tail[offset - pos:] or None
            el.insert(i + 1, new)
            return new
        pos += len(tail)
    raise ValueError(f"offset {offset} is beyond the text of <{etree.QName(el).localname}>")


def replace_with(el: etree._Element, children: list, text: str | None) -> None:
    """Replace an element by a list of nodes, keeping the surrounding text."""
    parent = el.getparent()
    idx = parent.index(el)
    lead = (text or "")
    tail = el.tail or ""
    prev = el.getprevious()
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    else:
        lead += tail
    if lead:
        if prev is not None:
            prev.tail = (prev.tail or "") + lead
        else:
            parent.text = (parent.text or "") + lead
    parent.remove(el)
    for i, child in enumerate(children):
        parent.insert(idx + i, child)
