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
    opens a quote and only the last closes it.  Curly quotes pair as the
    language writes them: “…” (English), „…“ (German, Czech), „…” (Polish,
    Hungarian), ”…” (Swedish, Finnish, by the block's xml:lang).

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
            opening, closing = _curly(t, ctx.language(el))
            straight = t.count('"')
            if etree.QName(el).localname == "item":
                straight -= len(_DITTO.findall(t))
            if straight % 2 == 0 and opening == closing:
                continue
            nxt = texts[blocks[i + 1]].lstrip() if i + 1 < len(blocks) else ""
            continued = opening == closing + 1 and _curly(nxt[:1], ctx.language(el))[0] == 1 or \
                straight % 2 == 1 and nxt.startswith('"')
            if continued or ctx.ignored(self.code, el):
                continue
            what = (f"{opening} opening and {closing} closing curly quotes" if opening != closing
                    else f"{straight} straight double quotes")
            yield ctx.diag(self, el, f"unbalanced quotation marks: {what}")


def _curly(text: str, lang: str) -> tuple[int, int]:
    """How many curly double quotes open and close in text, by the conventions that use them."""
    low, left, right = text.count("„"), text.count("“"), text.count("”")
    if low:  # „ only opens; it is closed by “ or ” as the language has it
        return low, left + right
    if lang.split("-")[0].lower() in ("sv", "fi"):  # ” both opens and closes
        return (right + 1) // 2, right // 2
    return left, right


def _reading(el) -> str:
    """The reading text of a block, without source readings and nested blocks (checked on their own)."""
    return reading_text(el, BLOCKS)
