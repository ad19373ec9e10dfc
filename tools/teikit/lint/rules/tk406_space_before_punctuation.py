from __future__ import annotations

import re

from dataclasses import replace

from .. import Rule
from ._text import emendation_fix, found, prose_blocks

# A space between a word (or a closing bracket or quotation mark) and , ; : ? ! or a full stop.
# A stop followed by more dots belongs to an ellipsis (". . . ." is how many books print one),
# and a colon between numbers is a ratio or a time (3 : 1).
_SPACED = re.compile(r"(?<=[\w)\]\"'’”]) (?:[,;?!]|:(?!\s*\d)|\.(?![\s.]*\.))(?![\w.])")


class SpaceBeforePunctuation(Rule):
    """A space before a comma, semicolon, colon, question or exclamation mark, or full stop.

    What it flags: in English text, a space that stands between a word (or a
    closing bracket or quotation mark) and the punctuation mark after it. The
    dots of a spaced ellipsis (`. . .`) and a colon between numbers are not
    flagged; other languages are not checked (French sets a space before
    `; : ? !`).

    Why it matters: English sets no space there; in a transcription from OCR
    the space is the scanner's, and readers see a mark stranded at the start
    of a line.

    Example: `been obtained . (November 25, 1936.)` and `trial) ? One` are
    flagged.

    Fix (unsafe, with --unsafe-fixes): emend it as
    `<choice><sic> .</sic><corr resp="#ed">.</corr></choice>` (type "transcription") and
    add a change to the revisionDesc; if the printed source has the space, silence
    the occurrence where it stands.
    """

    code = "TK406"
    name = "space-before-punctuation"
    fix_safety = "unsafe"

    def check(self, ctx):
        for block in prose_blocks(ctx):
            for m in _SPACED.finditer(block.text):
                if not _english_at(ctx, block, m.end() - 1):
                    continue
                mark = m[0][-1]
                d = found(ctx, self, block, m.start(), f"space before {mark!r}", severity="warning")
                if d is not None:
                    fix = emendation_fix(ctx, self, block, m.start(), m.end(), mark, "transcription")
                    yield d if fix is None else replace(d, fix=fix)


def _english_at(ctx, block, offset) -> bool:
    """Whether the character at offset is in English (a French phrase inside an English paragraph is not)."""
    owner, kind, _ = block.locate(offset)
    holder = owner if kind != "tail" else owner.getparent()
    return (ctx.language(holder) if holder is not None else block.language).startswith("en")
