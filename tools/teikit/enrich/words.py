"""What belongs to a word, for every step of enrich.

A word is made of letters and digits (``\\w``, and the underscore with them), the
combining marks written after a letter (an accent written decomposed, as in
``Ze\u0301ro``; a Devanagari vowel sign), a soft hyphen and the zero-width
(non-)joiners.  A name is tagged, a candidate read and a date found only where
no such character touches it: ``Stalin\u0301`` is no Stalin, ``1937\u0301`` no
year, and ``Ze\u0301ro`` is one word, not ``Ze`` and ``ro``.

Apostrophes are not word characters here: the names step lets a possessive
follow a name (``Stalin's``), and the candidates read them inside a word
(``O'Brien``); each says how with :data:`APOSTROPHES`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’"
# Unicode has combining marks in the first three planes and in the fourteenth (variation selectors) only;
# a test checks that the others hold none.
_PLANES_WITH_MARKS = (range(0, 0x30000), range(0xE0000, 0xF0000))


def _mark_spans(planes=_PLANES_WITH_MARKS) -> list[tuple[int, int]]:
    """Every combining mark (Unicode category M), as spans of code points, from the Unicode data of this Python.

    Python's re has no class of marks, so the classes are built once, at import.
    """
    spans: list[tuple[int, int]] = []
    for plane in planes:
        for code in plane:
            if unicodedata.category(chr(code))[0] == "M":
                if spans and spans[-1][1] == code - 1:
                    spans[-1] = (spans[-1][0], code)
                else:
                    spans.append((code, code))
    return spans


def _class_body(spans) -> str:
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)


_SPANS = _mark_spans()
_BMP_MARKS = _class_body(s for s in _SPANS if s[1] <= 0xFFFF)
_ASTRAL_MARKS = _class_body(s for s in _SPANS if s[0] > 0xFFFF)
_JOINERS = "\u00ad\u200c\u200d"  # a soft hyphen, the zero-width non-joiner and joiner
# One character of a word, as a pattern: use as (?!{WORD}) or (?<!{WORD}).  The marks beyond the first plane
# are tried only for a character there: re tests a class holding them range by range, which at every
# position of a long text is several times slower.
WORD: str = rf"(?:[\w{_BMP_MARKS}{_JOINERS}]|(?=[\U00010000-\U0010ffff])[{_ASTRAL_MARKS}])"
# The same in a text read by marks_as_letters, where each mark is a letter.
WORD_OF_LETTERS: str = rf"[\w{_JOINERS}]"
_WORD_CHAR = re.compile(WORD)
# What may be a combining mark: neither ASCII, nor a letter or digit (\w), nor a space.
_MAYBE_MARK = re.compile(r"[^\w\s\x00-\x7f]")


@lru_cache(maxsize=None)
def _letter_if_mark(ch: str) -> str:
    return "a" if unicodedata.category(ch)[0] == "M" else ch


def marks_as_letters(text: str) -> str:
    """The text with each combining mark read as a letter (Ze\u0301ro written decomposed is one word).

    The characters that may be a mark are few in a text, and are looked up one by one; every other
    character, and every position, stays as it was.
    """
    return text if text.isascii() else _MAYBE_MARK.sub(lambda m: _letter_if_mark(m.group()), text)


def in_word(ch: str) -> bool:
    """Does the character belong to a word (see the module's docstring)?  An empty string does not."""
    return bool(ch) and _WORD_CHAR.fullmatch(ch) is not None

