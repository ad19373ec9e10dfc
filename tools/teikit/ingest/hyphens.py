"""End-of-line hyphens: a divided word to join, or a real hyphen or dash to keep.

Each hyphen that ends a line is read by :func:`teikit.lint.words.divided`, the
decision lint's TK402 makes too.  The evidence is the source's own spelling
(``committee`` elsewhere in it joins ``com-`` / ``mittee``, ``two-thirds``
keeps ``two-`` / ``thirds``), a capital after the hyphen (``anti-`` /
``Soviet``), the English word list with the edition's own words, and last a
second half that is no word by itself (``-tions``).  A second half that is a
word (``vo-`` / ``crimes``) may follow a real hyphen or a dash, or the line
that truly continues may be elsewhere: the hyphen is kept and the doubt
reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lint.words import DEFAULT_WORDLIST, divided, wordlist

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
    """What a source, the word list and the edition's words say about the words divided at its line ends."""

    vocabulary: Counter = field(default_factory=Counter)  # words of the source in lower case, halves left out
    english: frozenset[str] = frozenset()
    extra: frozenset[str] = frozenset()  # the edition's words beyond the word list (tei/wordlist.txt, names)

    @classmethod
    def of(cls, text: str, words: str | tuple[str, ...] | list[str] = DEFAULT_WORDLIST,
           extra: frozenset[str] = frozenset()) -> Hyphens:
        spelled = _DIVIDED.sub(" ", text)  # a divided word is no evidence of how it is spelled
        return cls(Counter(w.lower() for w in _WORD.findall(spelled)),
                   wordlist(tuple(words) if isinstance(words, list) else words), frozenset(extra))

    def within(self, left: str, right: str) -> tuple[str, bool]:
        """What stands between the halves once the lines are joined ("" or "-"), and whether it is in doubt."""
        joined = divided(left, right, self.english, self.extra, self.vocabulary)
        return ("", False) if joined else ("-", joined is None)
