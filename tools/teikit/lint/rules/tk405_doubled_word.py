from __future__ import annotations

import re

from dataclasses import replace

from .. import Rule
from ._text import emendation_fix, found, prose_blocks

_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
# repetitions English grammar or emphasis allows: "that that", "gave her her hat", "long long ago"
_GRAMMATICAL = {"that", "had", "is", "was", "do", "her", "long", "very", "far", "so", "no", "ha"}


class DoubledWord(Rule):
    """The same word twice in a row (the the).

    What it flags: a word repeated immediately in English reading text (the
    second time in the same case, or lower case after a capital: The the),
    except the repetitions grammar allows (that that, had had, her her,
    long long).

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
            if not block.language.startswith("en"):
                continue  # other languages double words by grammar (German "die die")
            for m in _DOUBLED.finditer(block.text):
                first, second = m[1], m[0][-len(m[1]):]
                if m[1].lower() in _GRAMMATICAL or m[1].isdigit():
                    continue
                if second != first and second != first.lower():
                    continue  # "the The" or "polish Polish" are not one word printed twice
                d = found(ctx, self, block, m.start(), f"doubled word: {m[0]!r}")
                if d is not None:
                    fix = emendation_fix(ctx, self, block, m.start(), m.end(), m[1], "misprint")
                    yield d if fix is None else replace(d, fix=fix)
