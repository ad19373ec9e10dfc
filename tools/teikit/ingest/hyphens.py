"""End-of-line hyphens: a divided word to join, or a real hyphen or dash to keep.

A hyphen at the end of a line is read on evidence, in this order:

1. the source's own spelling: ``committee`` elsewhere in it joins ``com-`` /
   ``mittee``, and ``two-thirds`` keeps ``two-`` / ``thirds``;
2. a capital after the hyphen marks a real hyphen (``anti-`` / ``Soviet``);
3. the English word list: a joined word it knows is a divided word.

Without evidence, the next line can still be known to continue this one (the
lines of one paragraph).  Then a second half that is no word by itself
(``-tions``) means a divided word; one that is a word (``vo-`` / ``crimes``)
may follow a real hyphen or a dash, or the line that truly continues may be
elsewhere: the hyphen is kept and the doubt reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lint.words import DEFAULT_WORDLIST, known, wordlist

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LINE_END = re.compile(r"([^\W\d_]+)-$")
_LINE_START = re.compile(r"[^\W\d_]+")
# both halves of a word divided at a line end (blank lines may lie between them)
_DIVIDED = re.compile(r"[^\W\d_]+-[ \t]*\n\s*[^\W\d_]+")


def halves(line: str, next_line: str) -> tuple[str, str] | None:
    """The letters before a hyphen ending `line` and those starting `next_line`: ('Com', 'mittee')."""
    end, start = _LINE_END.search(line.rstrip()), _LINE_START.match(next_line.lstrip())
    return (end[1], start[0]) if end and start else None


@dataclass(frozen=True)
class Hyphens:
    """What a source and the word list say about the words divided at its line ends."""

    vocabulary: Counter = field(default_factory=Counter)  # words of the source in lower case, halves left out
    english: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str, words: str | tuple[str, ...] = DEFAULT_WORDLIST) -> Hyphens:
        spelled = _DIVIDED.sub(" ", text)  # a divided word is no evidence of how it is spelled
        return cls(Counter(w.lower() for w in _WORD.findall(spelled)), wordlist(words))

    def is_word(self, w: str) -> bool:
        return self.vocabulary[w.lower()] > 0 or known(w, self.english, frozenset())

    def evidence(self, left: str, right: str) -> str | None:
        """What stands between the halves, when the evidence says: "" (divided word) or "-" (real hyphen)."""
        solid = self.vocabulary[(left + right).lower()]
        hyphenated = self.vocabulary[f"{left}-{right}".lower()]
        if solid or hyphenated:
            return None if solid and hyphenated else "" if solid else "-"
        if right[0].isupper() and not left.isupper():
            return "-"
        return "" if known(left + right, self.english, frozenset()) else None

    def within(self, left: str, right: str) -> tuple[str, bool]:
        """What stands between the halves when the next line surely continues, and whether it is in doubt."""
        between = self.evidence(left, right)
        if between is not None:
            return between, False
        return ("-", True) if self.is_word(right) else ("", False)
