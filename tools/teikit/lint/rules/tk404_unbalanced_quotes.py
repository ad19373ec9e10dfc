from __future__ import annotations

import re

from lxml import etree

from .. import Rule
from ._text import reading_text
from ...parsing import NS

BLOCKS = ("p", "head", "item", "l", "note")
_DITTO = re.compile(r'(?<!\S)"(?!\S)')  # a straight double quote alone between spaces


class UnbalancedQuotes(Rule):
    """Quotation marks that do not pair up within a paragraph.

    What it flags: a paragraph (or heading, list item, note) of the reading
    text with more opening than closing curly quotes, or the other way round,
    or an odd number of straight double quotes.  In a list item, a
    straight quote standing alone between spaces is a ditto mark, not a
    quotation mark, and is not counted.  A quotation that runs over
    several paragraphs is not flagged: by convention each of its paragraphs
    opens a quote and only the last closes it.

    Why it matters: a lost or extra quotation mark usually means a lost
    word, a misread character, or a quotation whose end was misplaced.

    Example: `<p>"Bolshevism," I said, "is the unity of word and deed.</p>`
    followed by a paragraph that does not open with a quote is flagged.

    Fix: find the missing mark in the source and emend with choice/sic/corr.
    """

    code = "TK404"
    name = "unbalanced-quotes"

    def check(self, ctx):
        text_el = ctx.doc.root.find("tei:text", NS)
        if text_el is None:
            return
        blocks = [el for el in text_el.iter(*(f"{{{NS['tei']}}}{b}" for b in BLOCKS))]
        texts = {el: _reading(el) for el in blocks}
        for i, el in enumerate(blocks):
            t = texts[el]
            opening, closing = t.count("“"), t.count("”")
            straight = t.count('"')
            if etree.QName(el).localname == "item":
                straight -= len(_DITTO.findall(t))
            if straight % 2 == 0 and opening == closing:
                continue
            nxt = texts[blocks[i + 1]].lstrip() if i + 1 < len(blocks) else ""
            continued = opening == closing + 1 and nxt.startswith("“") or \
                straight % 2 == 1 and nxt.startswith('"')
            if continued or ctx.ignored(self.code, el):
                continue
            what = (f"{opening} opening and {closing} closing curly quotes" if opening != closing
                    else f"{straight} straight double quotes")
            yield ctx.diag(self, el, f"unbalanced quotation marks: {what}")


def _reading(el) -> str:
    """The reading text of a block, without source readings and nested blocks (checked on their own)."""
    return reading_text(el, {"sic", "orig", "abbr", "fw", *BLOCKS})
