"""The English word list, the words an edition allows beyond it, and words divided at a line end.

Lint's text rules check against them, and ingest reads its sources' line-end
hyphens with them, so that both answer "one word divided, or a real hyphen?"
the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

# Debian's wamerican and wbritish: English texts use either spelling (colour, favour, offence).
DEFAULT_WORDLIST = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")


@lru_cache(maxsize=4)
def wordlist(paths: str | tuple[str, ...] = DEFAULT_WORDLIST) -> frozenset[str]:
    """The words of one or more word lists, in lower case (missing lists are skipped)."""
    words = set()
    for path in (paths,) if isinstance(paths, str) else paths:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for w in text.split():
            words.add(w.lower())
            if w.endswith("'s"):
                words.add(w[:-2].lower())
    return frozenset(words)


# What may stand around a word without being part of it: quotes, brackets, punctuation, dashes.
EDGE = "\"“”‘’'()[]{}<>,.;:!?—–-*_…\u2060"


def extra_words(configured: Iterable[str] = (), file: str | Path | None = None, register=None) -> frozenset[str]:
    """The words an edition allows beyond the word list.

    These are the ``extra-words`` of ``[tool.teikit.lint]``, the words of its
    ``extra-words-file`` (such as ``tei/wordlist.txt``), and each word of the
    names in the register (its entries' names and forms).
    """
    extra = set(configured)
    if file:
        extra |= _read_extra(str(file))
    if register is not None:
        for e in register.entries.values():
            for f in [e.name, *e.forms]:
                for w in re.split(r"[\s\-–]+", f):
                    w = w.strip(EDGE)
                    if w:
                        extra.add(w)
    return frozenset(extra)


@lru_cache(maxsize=8)
def _read_extra(path: str) -> frozenset[str]:
    """A word per line; '#' starts a comment (the reason the word is accepted)."""
    out = set()
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                out.add(word)
    except OSError:
        pass
    return frozenset(out)


def divided(left: str, right: str, words: frozenset[str], extra: frozenset[str] = frozenset(),
            vocabulary: Counter | None = None) -> bool | None:
    """Are ``left`` and ``right``, either side of a hyphen that ends a line, one word divided there?

    The evidence is weighed in this order:

    1. the source's own spelling, when ``vocabulary`` (its words in lower case,
       counted) is given: the more frequent of the solid form (``committee``
       joins ``com-`` / ``mittee``) and the hyphenated form (``two-thirds``
       keeps ``two-`` / ``thirds``).  A tie says nothing;
    2. a capital after the hyphen marks a real hyphen (``anti-`` / ``Soviet``),
       unless the first half is in capitals as well;
    3. the word list and the edition's extra words: a joined word they know is
       a divided word;
    4. a second half that is no word by itself (``-tions``, ``-viev``) can only
       end a divided word.

    True: a divided word, to be joined.  False: a real hyphen, to be kept.
    None: in doubt.  There is no evidence, and the second half is a word
    (``vo-`` / ``crimes``).  The hyphen may be a compound's or a dash, or the
    line that truly continues may be elsewhere.
    """
    if vocabulary is not None:
        solid, hyphenated = vocabulary[(left + right).lower()], vocabulary[f"{left}-{right}".lower()]
        if solid != hyphenated:
            return solid > hyphenated
    if right[:1].isupper() and not left.isupper():
        return False
    if known(left + right, words, extra):
        return True
    if (vocabulary is not None and vocabulary[right.lower()]) or known(right, words, extra):
        return None
    return True


def known(word: str, words: frozenset[str], extra: frozenset[str], *, derived: bool = True) -> bool:
    """Is ``word`` a word of the word list or an allowed one, whatever its case and apostrophe?

    Possessives and compounds of known words are known, and with ``derived``
    so are forms derived from a known word or name (Stalinists, falsifiers).
    """
    w = word.strip("'’")
    if not w:
        return True
    lower = w.lower()
    if lower in words or lower.replace("’", "'") in words or w in extra or lower in extra:
        return True
    for suffix in ("'s", "’s", "s'", "s’"):
        if lower.endswith(suffix) and (lower[: -len(suffix)] in words or w[: -len(suffix)] in extra):
            return True
    # a compound is known when each of its parts is: able-bodied, Judeo-Masonic
    if "-" in w.strip("-"):
        parts = [x for x in w.split("-") if x]
        if len(parts) > 1 and all(known(x, words, extra, derived=derived) for x in parts):
            return True
        # an old or variant hyphenation of one word: new-fangled, co-operation, to-morrow
        if "".join(parts).lower() in words:
            return True
    # derived forms of a known word or name: Stalinists, Thermidorians, falsifiers
    for suffix, replacements in _SUFFIXES if derived else ():
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            for r in replacements:
                if (stem + r).lower() in words or (stem + r) in extra or (stem + r).lower() in extra:
                    return True
    return False


_SUFFIXES = [
    ("ists", ("", "ism")), ("ist", ("", "ism")), ("isms", ("",)), ("ism", ("",)), ("ites", ("",)), ("ite", ("",)),
    ("ians", ("", "e", "y")), ("ian", ("", "e", "y")), ("iers", ("y",)), ("ier", ("y",)), ("ies", ("y",)),
    ("ers", ("", "e")), ("er", ("", "e")), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")),
    ("ly", ("",)), ("edness", ("", "e")), ("ness", ("",)), ("ism's", ("",)), ("ization", ("ize",)), ("izations", ("ize",)),
]
