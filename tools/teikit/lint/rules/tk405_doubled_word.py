from __future__ import annotations

import re

from dataclasses import replace

from .. import Rule
from ._text import emendation_fix, found, prose_blocks

_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
_GRAMMATICAL = {"that", "had", "is", "was", "do"}


class DoubledWord(Rule):
    """The same word twice in a row (the the).

    What it flags: a word repeated immediately in the reading text, except
    the repetitions grammar allows (that that, had had).

    Why it matters: a doubled word is a classic misprint or transcription slip.

    Example: `the the Moscow trials` is flagged.

    Fix (unsafe, with --unsafe-fixes): emend it as
    `<choice><sic>the the</sic><corr resp="#ed">the</corr></choice>` and add a
    change to the revisionDesc; check the source first: a repetition it
    really has (and grammar allows) is silenced where it stands.
    """

    code = "TK405"
    name = "doubled-word"
    fix_safety = "unsafe"

    def check(self, ctx):
        for block in prose_blocks(ctx):
            for m in _DOUBLED.finditer(block.text):
                if m[1].lower() in _GRAMMATICAL or m[1].isdigit():
                    continue
                d = found(ctx, self, block, m.start(), f"doubled word: {m[0]!r}")
                if d is not None:
                    fix = emendation_fix(ctx, self, block, m.start(), m.end(), m[1], "misprint")
                    yield d if fix is None else replace(d, fix=fix)
