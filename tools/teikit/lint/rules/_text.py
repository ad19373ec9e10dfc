"""Helpers shared by the text rules: tokens of the reading text and what is allowed."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..words import DEFAULT_WORDLIST, wordlist

# Content of these elements is not checked as English prose.
NOT_PROSE = frozenset({"persName", "placeName", "orgName", "name", "rs", "title", "foreign", "num", "idno",
                       "ref", "ptr", "term", "mentioned", "bibl", "date", "gap", "code", "egXML", "geo",
                       "forename", "surname", "roleName", "addName", "genName"})
TOKEN = re.compile(r"[^\s—–]+")
EDGE = "\"“”‘’'()[]{}<>,.;:!?—–-*_…"


def words_for(ctx) -> frozenset[str]:
    return wordlist(ctx.config.get("wordlist") or DEFAULT_WORDLIST)


def extra_for(ctx) -> frozenset[str]:
    key = "_extra_words"
    if key not in ctx.config:
        extra = set(ctx.config.get("extra-words") or ())
        path = ctx.config.get("extra-words-file")
        if path:
            extra |= _read_extra(str(path))
        if ctx.register is not None:
            for e in ctx.register.entries.values():
                for f in [e.name, *e.forms]:
                    for w in re.split(r"[\s\-–]+", f):
                        w = w.strip(EDGE)
                        if w:
                            extra.add(w)
        ctx.config[key] = frozenset(extra)
    return ctx.config[key]


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


def prose(ctx):
    """(owner, kind, text, language) of the reading text that is prose."""
    for owner, kind, text in ctx.reading_text(skip=NOT_PROSE):
        holder = owner if kind == "text" else owner.getparent()
        if holder is None:
            continue
        yield owner, kind, text, ctx.language(holder)


def tokens(text: str):
    """(start, core) of each whitespace-separated token, with its edge punctuation removed."""
    for m in TOKEN.finditer(text):
        raw = m.group(0)
        if raw in ("'s", "’s") or raw.startswith(("'s", "’s")) and not raw[2:3].isalnum():
            continue  # a possessive after a name element: <persName>Stalin</persName>'s
        lead = len(raw) - len(raw.lstrip(EDGE))
        core = raw.strip(EDGE)
        if core:
            yield m.start() + lead, core
