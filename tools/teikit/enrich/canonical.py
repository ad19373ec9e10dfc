"""Reading text in its composed form (NFC), and finding the source characters again.

A name form is matched against canonically equivalent text: ``Ze\u0301ro``
(an e and a combining acute) is ``Zéro``, whichever way the register or the
text writes it.  The source keeps its characters: the finder reads the
composed text and gives back positions in the text as written.
"""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def composed(text: str) -> tuple[str, list[int | None] | None]:
    """The text in NFC, and for each boundary of it the boundary of ``text`` it stands for.

    None for the map when the text is already composed (positions are the same); a None inside it
    where a boundary falls within what one base character and its combining marks became.  Each
    base character is composed with the marks that follow it (Hangul syllables written as jamo are
    left as they are).
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    back: list[int | None] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        piece = nfc(text[start:i])
        back += [start] + [None] * (len(piece) - 1)
        out.append(piece)
        start = i
    back.append(len(text))
    return "".join(out), back


def original(back: list[int | None] | None, i: int) -> int | None:
    """The boundary of the written text that boundary ``i`` of the composed text stands for."""
    return i if back is None else back[i]
