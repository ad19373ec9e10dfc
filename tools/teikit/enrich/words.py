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

APOSTROPHES = "'’"
# Unicode has combining marks in the first three planes and in the fourteenth (variation selectors) only;
# a test checks that the others hold none.
_PLANES_WITH_MARKS = (range(0, 0x30000), range(0xE0000, 0xF0000))


def _mark_ranges(planes=_PLANES_WITH_MARKS) -> str:
    """Every combining mark (Unicode category M) as the body of a regular expression's class.

    Python's re has no class of marks, so the class is built once, from the Unicode data of this Python.
    """
    spans: list[tuple[int, int]] = []
    for plane in planes:
        for code in plane:
            if unicodedata.category(chr(code))[0] == "M":
                if spans and spans[-1][1] == code - 1:
                    spans[-1] = (spans[-1][0], code)
                else:
                    spans.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)


MARKS: str = _mark_ranges()
# The characters that belong to a word, as the body of a class: use as f"[{WORD}]" or f"(?![{WORD}])".
WORD: str = rf"\w{MARKS}\u00ad\u200c\u200d"
# A letter of a word, or a mark on one: what a name's word is made of (digits, the underscore and the
# joiners belong to a word without being letters of a name).
LETTER: str = rf"(?:[^\W\d_]|[{MARKS}])"
_WORD_CHAR = re.compile(f"[{WORD}]")


def in_word(ch: str) -> bool:
    """Does the character belong to a word (see the module's docstring)?  An empty string does not."""
    return bool(ch) and _WORD_CHAR.fullmatch(ch) is not None

