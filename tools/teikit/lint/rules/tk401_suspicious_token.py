from __future__ import annotations

from dataclasses import replace

import re

from .. import Rule
from ..words import known
from ._text import extra_for, found, prose_blocks, tokens, words_for

_MIXED = re.compile(r"[a-z][A-Z]")
_NAME_CAPS = re.compile(r"^(?:Mc|Mac|O'|O’|D'|d'|De|La|Le|Van|Von|Di|Du)[A-Z]")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|s|'s)$")
_INNER_PUNCT = re.compile(r"[^\w'’\-.&/]|(?<=[a-z])\.(?=[a-z])")
_ABBREV = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?\.?$")
_LONE = {"a", "A", "I", "O", "o"}


def classify(core: str, words: frozenset[str], extra: frozenset[str]) -> str | None:
    """Why a token looks like OCR garbage, or None."""
    if core in extra or core.isdigit():
        return None
    if not re.search(r"[A-Za-z0-9]", core) and any(ch.isalpha() for ch in core):
        return None  # a word in another script (Greek, Cyrillic) is not English to check
    if re.fullmatch(r"[\d.,:/%$£-]+", core) or re.fullmatch(r"(?:No|Nos|no|Vol|vol|pp?)\.\d+", core):
        return None
    if re.search(r"[~^|\\=<>{}§¢°«»]", core):
        return "a character that does not belong in a word"
    for part in re.split(r"[-–]", core):
        letters = re.sub(r"[^A-Za-z]", "", part)
        if re.search(r"\d", part) and letters and not _ORDINAL.match(part):
            return "digits inside a word"
    if _INNER_PUNCT.search(core) and not _ABBREV.match(core):
        return "punctuation inside a word"
    if _MIXED.search(core) and not _NAME_CAPS.match(core) and core not in extra:
        return "mixed case inside a word"
    if len(core) == 1 and core.isalpha() and core not in _LONE:
        return "a stray letter"
    if "-" in core and known(core, words, extra):
        return None  # a compound known as a whole (new-fangled, co-operation)
    parts = [p for p in re.split(r"[-–/]", core) if p]
    for p in parts:
        p = p.strip("'’")
        if not p or not p.isalpha():
            continue
        if not known(p, words, extra):
            return "not in the word list or the register"
    return None


def _hyphenation(text: str, start: int, core: str, words, extra) -> bool:
    """Is the token one half of a word left divided by end-of-line hyphenation?"""
    from .tk402_leftover_hyphenation import leftover
    before = re.search(r"([A-Za-z]+)-(\s*)$", text[:start])
    if before and leftover(before[1], core, words, extra, spaced=bool(before[2])):
        return True
    after = re.match(r"-\s+([a-z]+)", text[start + len(core):])
    if after and leftover(core, after[1], words, extra, spaced=True):
        return True
    halves = core.split("-")
    return len(halves) == 2 and leftover(halves[0], halves[1], words, extra)


class SuspiciousToken(Rule):
    """Tokens of the reading text that look like OCR garbage.

    What it flags: words of the reading text (notes included, the source side
    of emendations excluded) with mixed case inside (neW, RltsSian), digits
    inside (1t, i930), punctuation or odd characters inside (Gz;erre, ~nqr,
    ho.u), stray single letters (the t of "mos t"), and words that are in
    neither the English word list nor the register.

    Why it matters: a reading text must read as clean English; each of these
    is almost always an error of the OCR or the transcription that needs an
    emendation (choice, sic, corr).

    Example: `the <hi>RltsSian</hi> Revolution` is flagged; write
    `the <choice><sic>RltsSian</sic><corr resp="#ed">Russian</corr></choice> Revolution`.

    Fix: emend the token with choice/sic/corr; if the word is right (a rare
    word, a name in a period spelling), add it to the extra words of
    [tool.teikit.lint] (with the reason as a comment in the extra-words file),
    to the register, or silence the occurrence with
    <?teikit-lint ignore TK401 reason?> just before it.
    """

    code = "TK401"
    name = "suspicious-token"
    message = "suspicious token {token!r}: {reason}"

    def check(self, ctx):
        words, extra = words_for(ctx), extra_for(ctx)
        if not words:
            return
        for block in prose_blocks(ctx):
            if not block.language.startswith("en"):
                continue
            for start, core in tokens(block.text):
                reason = classify(core, words, extra)
                if reason and reason.startswith("not in the word list") and _hyphenation(block.text, start, core,
                                                                                          words, extra):
                    continue  # TK402 reports a word left divided (vile-ness, com- mittee)
                if reason:
                    severity = "warning" if reason.startswith("not in the word list") else "error"
                    d = found(ctx, self, block, start, self.message.format(token=core, reason=reason), severity)
                    if d is not None:
                        yield replace(d, extra={"token": core})  # for corrections tables (--format tsv)
