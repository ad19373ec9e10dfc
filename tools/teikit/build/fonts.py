"""The fonts a PDF takes the letters from that its book face lacks.

DejaVu Serif and Sans come first (Cyrillic, Greek, Hebrew, Arabic, most symbols). For letters
that neither they nor the book face have (Chinese, Devanagari…), fontconfig names an installed
font that has them, so that a passage is printed rather than left as empty boxes. Such fonts
join the chain only for a text that needs them: LuaTeX loads every font of the chain for each
size and shape it sets. Without fontconfig's tools the chain is DejaVu alone; the build still
reports, from LuaTeX's log, any letter no font could print.
"""

from __future__ import annotations

import bisect
import re
import subprocess
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable

BASE = ("DejaVu Serif", "DejaVu Sans")
# When several installed fonts have a letter, these are taken first (serif faces, then the rest).
PREFERRED = ("FreeSerif", "Noto Serif", "Noto Serif CJK SC", "Noto Serif CJK JP", "WenQuanYi Micro Hei", "Droid Sans Fallback",
             "Noto Sans CJK SC", "FreeSans", "Noto Sans")
# A face for Greek as a whole, when the book face lacks letters a text's Greek uses (TeX Gyre Pagella has
# the bare Greek alphabet only, so that a fallback would set ά beside α in another face): GFS Didot, whose
# Latin is Palatino's as Pagella's is, then faces with full polytonic Greek found on most machines.
GREEK_FACES = ("GFS Didot", "FreeSerif", "DejaVu Serif")
GREEK = re.compile("[\u0370-\u03FF\u1F00-\u1FFF]")
MAX_LOOKUPS = 40  # fontconfig lookups per text, for a text in many scripts nobody has fonts for
MISSING = re.compile(r"^Missing character: There is no (.+?) \(U\+([0-9A-F]{4,6})\)", re.MULTILINE)


def _run(*args: str) -> str | None:
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


@lru_cache(maxsize=64)
def coverage(family: str) -> tuple[tuple[int, int], ...] | None:
    """The code point ranges of an installed font family, or None when it is not installed."""
    found = _run("fc-match", "-f", "%{family}\n%{file}", family)
    if not found or "\n" not in found:
        return None
    names, file = found.split("\n", 1)
    if family.lower() not in (n.strip().lower() for n in names.split(",")):
        return None  # fontconfig answers every request with some font: not this one
    spec = _run("fc-query", "-f", "%{charset}", file.strip())
    if spec is None:
        return None
    ranges = []
    for part in spec.split():
        lo, _, hi = part.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return tuple(sorted(ranges))


def _covers(ranges: tuple[tuple[int, int], ...], cp: int) -> bool:
    i = bisect.bisect_right(ranges, (cp, 0x10FFFF)) - 1
    return i >= 0 and ranges[i][0] <= cp <= ranges[i][1]


def _printable(chars: Iterable[str]) -> set[str]:
    """The letters and signs a font must have (not ASCII, spaces or format characters)."""
    return {c for c in chars if ord(c) > 0x7F and unicodedata.category(c)[0] not in "CZ"}


def fallback_chain(texts: Iterable[str], book_face: str) -> list[str]:
    """DejaVu, then an installed font for each script the book face and DejaVu lack."""
    chain = list(BASE)
    faces = [coverage(f) for f in (book_face, *BASE)]
    if any(f is None for f in faces[1:]):
        return chain  # no fontconfig (or no DejaVu): nothing to ask
    need = {c for c in _printable(set().union(*map(set, texts)))
            if not any(f is not None and _covers(f, ord(c)) for f in faces)}
    for _ in range(MAX_LOOKUPS):
        if not need:
            break
        c = min(need)
        listed = _run("fc-list", f":charset={ord(c):x}", "family") or ""
        families = sorted({line.split(",")[0].strip() for line in listed.splitlines() if line.strip()})
        families.sort(key=lambda f: PREFERRED.index(f) if f in PREFERRED else len(PREFERRED))
        chosen = next((f for f in families if f not in chain and coverage(f)), None)
        if chosen is None:
            need.discard(c)  # no font has it: LuaTeX's log will say so
            continue
        chain.append(chosen)
        ranges = coverage(chosen)
        need = {n for n in need if not _covers(ranges, ord(n))}
    return chain


def missing_letters(log: str) -> Counter[str]:
    """The letters LuaTeX found in no font, as "托 (U+6258)", with how often."""
    return Counter(f"{m.group(1)} (U+{m.group(2)})" for m in MISSING.finditer(log))


def greek_face(texts: Iterable[str], book_face: str) -> str | None:
    """The face the Greek of the texts is set in as a whole, or None: no Greek letters, the book face has
    them all, or no installed face has them all (fontconfig missing: the fallback chain sets them)."""
    letters = {c for c in set().union(*map(set, texts)) if GREEK.match(c)}
    book = coverage(book_face)
    if not letters or (book is not None and all(_covers(book, ord(c)) for c in letters)):
        return None
    return next((f for f in GREEK_FACES if (r := coverage(f)) and all(_covers(r, ord(c)) for c in letters)), None)
