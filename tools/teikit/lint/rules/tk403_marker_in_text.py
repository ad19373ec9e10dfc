from __future__ import annotations

import re

from .. import Rule
from ._text import found, prose_blocks

_MARKERS = re.compile(r"\[\d{1,3}\]|(?<![\w*])\*{1,3}(?![\w*])|(?<=[a-z,;.])\d{1,3}(?=\s|$)|(?<=\s)\d{1,3}(?=\s*$)")
_LISTS = {"cell", "item", "label", "l"}


class MarkerInText(Rule):
    """Printed page numbers or note markers left in the running text.

    What it flags: note markers such as [73] or a lone *, and page numbers
    glued to a word (appear16) or standing at the end of a text run.

    Why it matters: markers belong to the note they call (note/@n), page
    numbers to a page break (pb/@n, with fw keeping the printed form); left
    in the text they read as part of the sentence.

    Example: `were "rehabilitated" [73] after` is flagged.

    Fix: put the note at its marker (`<note place="foot" n="73">…</note>`)
    and remove the marker, or turn the number into `<pb n="16"/><fw type="pageNum">16</fw>`.
    """

    code = "TK403"
    name = "marker-in-text"

    def check(self, ctx):
        for block in prose_blocks(ctx):
            text = block.text
            for m in _MARKERS.finditer(text):
                if m[0].isdigit():
                    before = text[:m.start()]
                    # a number after a word that takes numbers (page 16, No. 3, c. 65) is not a page number
                    if re.search(r"(?:\b(?:p|pp|No|no|Vol|vol|page|pages|chapter|art|c|ca|cf)|§)\.?\s*$", before) or \
                            re.search(r"\d[\d,.]*\s*$", before):
                        continue
                    if not re.search(r"[a-z,;.]$", before) and m.start() > 0:
                        if text[m.end():].strip() != "":
                            continue
                        # a number ending a block is a page number only after a finished sentence, and
                        # never in a table cell or list item, where numbers end lines ("Total 16")
                        if block.element.tag.rpartition("}")[2] in _LISTS or \
                                not re.search(r"[.!?;:\"”’)]\s+$", before):
                            continue
                d = found(ctx, self, block, m.start(), f"note marker or page number in the text: {m[0]!r}")
                if d is not None:
                    yield d
