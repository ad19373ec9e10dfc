"""Stable citation ids for divisions, paragraphs, notes and headings.

Ids are ``{document}-{kind}{number}`` (``serge-p12``); existing ids are never
changed, and new ones take numbers not yet used, so that an anchor once
published keeps pointing at the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..parsing import TEI_NS, XML_NS
from ..source import Edit, add_attribute
from . import Change, Context

KINDS = {"div": "d", "p": "p", "note": "n", "head": "h"}


def document_key(ctx: Context) -> str:
    root_id = ctx.doc.root.get(f"{{{XML_NS}}}id")
    if root_id:
        return root_id
    stem = re.sub(r"[^a-z0-9]+", "-", Path(ctx.doc.path).stem.lower()).strip("-")
    return stem if stem and stem[0].isalpha() else f"d-{stem}"


@dataclass
class IdsPass:
    name: str = "ids"
    elements: dict = field(default_factory=lambda: dict(KINDS))

    def edits(self, ctx: Context, change: Change) -> list[Edit]:
        key = document_key(ctx)
        taken = {e.get("xml:id") for e in ctx.source.elements if e.get("xml:id")}
        used: dict[str, set[int]] = {k: set() for k in self.elements.values()}
        for ident in taken:
            m = re.fullmatch(rf"{re.escape(key)}-([a-z]+)(\d+)", ident or "")
            if m and m.group(1) in used:
                used[m.group(1)].add(int(m.group(2)))
        counters = {k: 0 for k in used}
        edits = []
        header = _header_span(ctx)
        for el in ctx.source.elements:
            if el.ns != TEI_NS or el.local not in self.elements or el.get("xml:id") is not None:
                continue  # an id, even an empty one, is the encoder's: a second xml:id would not be well-formed
            if any(a <= el.start < b for a, b in header):
                continue
            kind = self.elements[el.local]
            n = counters[kind] + 1
            while n in used[kind] or f"{key}-{kind}{n}" in taken:
                n += 1
            counters[kind] = n
            used[kind].add(n)
            new = f"{key}-{kind}{n}"
            taken.add(new)
            edits.append(add_attribute(el, "xml:id", new))
            change.add(el.local)
        return edits


def _header_span(ctx: Context) -> list[tuple[int, int]]:
    """Source spans of the TEI headers."""
    return [(e.start, e.end) for e in ctx.source.elements if e.ns == TEI_NS and e.local == "teiHeader"]
