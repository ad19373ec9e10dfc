from __future__ import annotations

import re

from dataclasses import replace

from .. import Rule
from ..words import divided, known
from ._text import emendation_fix, extra_for, found, prose_blocks, words_for

_SPLIT = re.compile(r"\b([A-Za-z]+)-\s+([a-z]+)\b")
_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([a-z]+)\b")
# endings a line may be divided before (vile-ness); a compound's second half is a word or a derived one
# (hard-heartedness, new-fangled), and a compound's first half is a word
_SUFFIX = re.compile(r"^(?:ness|less|ment|ments|ly|ity|ities|tion|tions|sion|sions|ation|ing|ings|ed|er|ers|est|"
                     r"ous|ful|ism|isms|ist|ists|ize|ized|ise|ised|able|ible|ance|ence|ant|ent|al|ally|ic|ical|"
                     r"ive|ure|ures|ship|hood|dom)$")


def leftover(first: str, second: str, words, extra, spaced: bool = False) -> bool:
    """Are these two halves one word divided at a line end (com- mittee, vile-ness)?"""
    if spaced:  # "com- mittee": a hyphen then a space is never a compound's; read it as ingest reads a line end
        return divided(first, second, words, extra) is True
    if not words or not known(first + second, words, extra) or known(second, words, extra):
        return False
    return not known(first, words, extra) or bool(_SUFFIX.match(second))


class LeftoverHyphenation(Rule):
    """End-of-line hyphenation of the source left in the reading text.

    What it flags: a word broken by a hyphen and a space (com- mittee), and a
    hyphenated word whose halves make one dictionary word while the second
    half alone is not a word and either the first half is not one either
    (revo-lution) or the second is an ending (vile-ness); compounds whose
    halves are words or derived words are left alone (hard-heartedness,
    new-fangled).

    Why it matters: the edition joins end-of-line hyphenation (the source's
    lines are not kept), so a leftover hyphen is an error of the reflowing,
    and it breaks search and spelling checks.

    Example: `unprecedented in vile-ness and cruelty` is flagged.

    Fix (unsafe, with --unsafe-fixes): join the word; since this changes the
    text of the transcription, the fix records it as
    `<choice><sic>vile-ness</sic><corr resp="#ed">vileness</corr></choice>`
    and adds a change to the revisionDesc.
    """

    code = "TK402"
    name = "leftover-hyphenation"
    fix_safety = "unsafe"

    def check(self, ctx):
        words, extra = words_for(ctx), extra_for(ctx)
        for block in prose_blocks(ctx):
            if not block.language.startswith("en"):
                continue
            text = block.text
            for m in _SPLIT.finditer(text):
                if leftover(m[1], m[2], words, extra, spaced=True):
                    d = found(ctx, self, block, m.start(), f"word broken by end-of-line hyphenation: {m[0]!r}")
                    if d is not None:
                        yield d
            for m in _HYPHENATED.finditer(text):
                joined = m[1] + m[2]
                if leftover(m[1], m[2], words, extra):
                    d = found(ctx, self, block, m.start(),
                              f"leftover end-of-line hyphen in {m[0]!r} (one word: {joined!r})")
                    if d is not None:
                        fix = emendation_fix(ctx, self, block, m.start(), m.end(), joined, "transcription")
                        yield d if fix is None else replace(d, fix=fix)
