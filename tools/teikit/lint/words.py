"""The English word list and the allowed words that lint's text rules check against."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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


def known(word: str, words: frozenset[str], extra: frozenset[str]) -> bool:
    w = word.strip("'’")
    if not w:
        return True
    lower = w.lower()
    if lower in words or w in extra or lower in extra:
        return True
    for suffix in ("'s", "’s", "s'", "s’"):
        if lower.endswith(suffix) and (lower[: -len(suffix)] in words or w[: -len(suffix)] in extra):
            return True
    # a compound is known when each of its parts is: able-bodied, Judeo-Masonic
    if "-" in w.strip("-"):
        parts = [x for x in w.split("-") if x]
        if len(parts) > 1 and all(known(x, words, extra) for x in parts):
            return True
        # an old or variant hyphenation of one word: new-fangled, co-operation, to-morrow
        if "".join(parts).lower() in words:
            return True
    # derived forms of a known word or name: Stalinists, Thermidorians, falsifiers
    for suffix, replacements in _SUFFIXES:
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
