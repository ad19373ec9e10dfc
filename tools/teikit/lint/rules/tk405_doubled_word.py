from __future__ import annotations

import re

from .. import Rule
from ._text import prose

_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
_GRAMMATICAL = {"that", "had", "is", "was", "do"}


class DoubledWord(Rule):
    """The same word twice in a row (the the).

    What it flags: a word repeated immediately in the reading text, except
    the repetitions grammar allows (that that, had had).

    Why it matters: a doubled word is a classic misprint or transcription slip.

    Example: `the the Moscow trials` is flagged.

    Fix: check the source; if the source has it, emend it with
    `<choice><sic>the the</sic><corr resp="#ed">the</corr></choice>`.
    """

    code = "TK405"
    name = "doubled-word"

    def check(self, ctx):
        for owner, kind, text, lang in prose(ctx):
            for m in _DOUBLED.finditer(text):
                if m[1].lower() in _GRAMMATICAL or m[1].isdigit():
                    continue
                if ctx.ignored(self.code, owner, kind):
                    continue
                yield ctx.diag(self, owner, f"doubled word: {m[0]!r}", kind=kind, offset=m.start())
