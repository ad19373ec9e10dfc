from __future__ import annotations

import re

from ...parsing import TEI_NS
from .. import Rule

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def page_value(n: str | None) -> int | None:
    """The number of a page label: 16, or a roman numeral (xii), or None."""
    if not n:
        return None
    n = n.strip()
    if re.fullmatch(r"\d+", n):
        return int(n)
    if re.fullmatch(r"[ivxlcdm]+", n.lower()):
        total, prev = 0, 0
        for ch in reversed(n.lower()):
            v = _ROMAN[ch]
            total = total - v if v < prev else total + v
            prev = max(prev, v)
        return -1000 + total  # front matter pages come before arabic ones
    return None


def page_breaks(ctx):
    """(pb, value) of the page breaks of the text, by edition (@ed)."""
    text = ctx.doc.root.find(f"{{{TEI_NS}}}text")
    by_ed: dict[str, list] = {}
    if text is None:
        return by_ed
    for pb in text.iter(f"{{{TEI_NS}}}pb"):
        v = page_value(pb.get("n"))
        if v is not None:
            by_ed.setdefault(pb.get("ed") or "", []).append((pb, v))
    return by_ed


class PagesNotIncreasing(Rule):
    """Page numbers that do not increase through the text.

    What it flags: a page break whose @n is not greater than the previous
    page break's (of the same edition, @ed).

    Why it matters: the edition cites the source by its pagination; a number
    out of sequence is a misread page number or a page break in the wrong
    place, and every later citation is off.

    Example: `<pb n="19"/> … <pb n="16"/>`.

    Fix: correct @n (give the inferred number and @cert when the printed one
    is garbled), or move the page break.
    """

    code = "TK701"
    name = "pages-not-increasing"

    def check(self, ctx):
        for breaks in page_breaks(ctx).values():
            for (a, x), (b, y) in zip(breaks, breaks[1:]):
                if y <= x and not ctx.ignored(self.code, b):
                    yield ctx.diag(self, b, f"page {b.get('n')} follows page {a.get('n')}")
