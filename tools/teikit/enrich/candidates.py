"""Names in the texts that the register does not know yet.

Capitalised words and sequences of them (``Chiang Kai-shek``, ``Willie
Muenzenberg``) in running text, outside existing name elements, that match no
register form, counted with one context each.  A sequence ends with its
sentence, and a capitalised word that opens a sentence and is an ordinary
English word is not a name.

Words are found in any script, and kept when their first letter is uppercase
or titlecase (É, Ž, Ł, Ø as much as A–Z; the digraph ǅ), so that Émile, Žižka,
Łódź and Ørsted are found as Emile would be.  A word goes on with letters,
combining marks (an accent written decomposed) and apostrophes, and never
begins inside another word (see :mod:`.words`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .. import register as registers
from ..files import discover
from ..lint.words import known as in_wordlist, wordlist
from ..parsing import parse
from ..source import Source
from . import Context
from .canonical import nfc
from .names import composed_forms, register_forms
from .words import APOSTROPHES, WORD_OF_LETTERS, marks_as_letters

# Inside a name a period belongs to an initial (L. D. Trotsky) or a title before a name
# (St. Petersburg, Mr. Smith); after any other word it ends the sentence, and so the name.
_TITLES = ("Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "St", "Ste", "Mt", "Ft", "Gen", "Col",
           "Capt", "Lt", "Maj", "Sgt", "Adm", "Rev", "Hon", "Gov", "Sen", "Pres", "Fr")


# A run of letters and apostrophes (Stalin's, O'Brien) that does not begin inside a word, read in the text with
# its marks as letters (see .words); a name's word is a run that begins with a capital letter, joined by hyphens
# to the runs after it.
_RUN = re.compile(rf"(?<!{WORD_OF_LETTERS}|[{APOSTROPHES}])(?:[^\W\d_]|[{APOSTROPHES}])+")
_PARTICLES = frozenset({"de", "von", "van", "du", "la", "le", "del", "y"})


def _capital(ch: str) -> bool:
    """An uppercase or titlecase letter (É, Ž, Ł, Ø as much as A–Z; the digraph ǅ)."""
    return ch.isalpha() and (ch.isupper() or ch.istitle())


def _part(text: str, runs: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    """The part of a name that run ``i`` begins: its end, and the index of the run after it; None if it
    is no part (it does not begin with a capital).  A part is an initial or a title with its period
    (L., St.), or a word with the runs it is hyphenated to (Kai-shek)."""
    start, end = runs[i]
    if not _capital(text[start]):
        return None
    if text[end:end + 1] == "." and (end - start == 1 or text[start:end] in _TITLES):
        return end + 1, i + 1
    i += 1
    while i < len(runs) and runs[i][0] == end + 1 and text[end] == "-":
        end = runs[i][1]
        i += 1
    return end, i


def _next_part(text: str, runs: list[tuple[int, int]], i: int, end: int) -> tuple[int, int] | None:
    """The part that goes on a name ending at ``end``: after one space, or after a particle between two
    (Charles de Gaulle); None if the name ends there."""
    if i >= len(runs) or runs[i][0] != end + 1 or not text[end].isspace():
        return None
    start, stop = runs[i]
    if (text[start:stop] in _PARTICLES and i + 1 < len(runs) and runs[i + 1][0] == stop + 1
            and text[stop].isspace()):
        part = _part(text, runs, i + 1)
        if part is not None:
            return part
    return _part(text, runs, i)


def _names(text: str) -> Iterator[tuple[int, int]]:
    """The spans of capitalised words and sequences of them in ``text``, with the period after one, if any."""
    runs = [m.span() for m in _RUN.finditer(marks_as_letters(text))]
    i = 0
    while i < len(runs):
        part = _part(text, runs, i)
        if part is None:
            i += 1
            continue
        start = runs[i][0]
        while part is not None:
            end, i = part
            part = _next_part(text, runs, i, end)
        yield start, end + (text[end:end + 1] == ".")


# What comes just before the first word of a sentence: its end (closing quotes too) or an opening quote.
_OPENS = re.compile(r"(?:[.!?:;][\"'”’)\]]*|[\"“‘(])\s*$")
_NOT_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
              "Friday", "Saturday", "Sunday"}
_POSSESSOR = re.compile(r"['’][^'’]*$")  # what follows a name's last apostrophe (Stalin's, Stalin’s)
# A possessive after a name (Halaesa's, Halaesa’s; of a plural, Romanovs' and Romanovs’): the name is the
# candidate, its contexts counted with the name's own.
_POSSESSIVE = re.compile(r"['’][sS]$")


def _without_possessive(name: str) -> str:
    """The name without its possessive ending: Halaesa’s is Halaesa, Romanovs' is Romanovs."""
    return _POSSESSIVE.sub("", name.rstrip("'’"))


_DERIVED = re.compile(r"(?:ism|ist|ists|ite|ites|ian|ians|ism's|ist's)$")


@dataclass
class Candidate:
    name: str
    count: int = 0
    context: str = ""
    where: str = ""
    files: set[str] = field(default_factory=set)


def candidates(paths: Iterable[str | Path], *, register_path: str | Path | None = None,
               default_register: str | Path | None = None) -> list[Candidate]:
    """The capitalised names of the documents that their registers lack, most frequent first.

    Each document is measured against its own register (see :func:`teikit.register.register_path_for`);
    a document without one has every name listed.
    """
    words = wordlist()
    found: dict[str, Candidate] = {}
    forms: dict[Path | None, set[str]] = {None: set()}  # by register, each read once
    for f in discover(paths):
        if f.name == "register.xml":
            continue
        doc = parse(f)
        where = registers.register_path_for(doc, register_path, default_register)
        where = where and Path(where).resolve()
        if where not in forms:
            # a surname two persons share is a form too: see names
            forms[where] = set(composed_forms(register_forms(registers.Register.load(where))))
        known = forms[where]
        ctx = Context(doc, Source.of(doc), None, None)
        for run in ctx.source.runs:
            if not ctx.eligible(run):
                continue
            for start, end in _names(run.text):
                name = nfc(_without_possessive(run.text[start:end].rstrip(".")))  # as the names step compares it
                sentence_start = not run.text[:start].strip() or _OPENS.search(run.text[:start])
                parts = name.split()
                if len(parts) == 1:
                    w = parts[0]
                    if w.isupper() and len(w) > 1 and "." not in w:
                        continue  # headings in capitals
                    # an ordinary word (its possessive, a compound of them) opens the sentence; a word
                    # derived from a name (Trotskyists) may still be a name's
                    if (sentence_start and in_wordlist(w, words, frozenset(), derived=False)) or w == "I":
                        continue
                    if w.lower() in words and w.lower().capitalize() != w:
                        continue
                    if len(w) < 3:
                        continue
                if name in known or name in _NOT_NAMES or _POSSESSOR.sub("", name) in known:
                    continue
                if len(parts) == 1 and any(name.startswith(k) and _DERIVED.fullmatch(name[len(k):])
                                           for k in known if len(k) > 3):
                    continue  # Stalinism, Trotskyists: derived from a known name
                if all(p in known or p.lower() in words for p in parts) and len(parts) > 1:
                    continue
                c = found.setdefault(name, Candidate(name))
                c.count += 1
                c.files.add(f.name)
                if not c.context:
                    c.context = " ".join(run.text[max(0, start - 50):end + 50].split())
                    c.where = f"{f}:{ctx.source.line_col(run.offsets[start])[0]}"
    return sorted(found.values(), key=lambda c: (-c.count, c.name))


def render_candidates(found: list[Candidate], fmt: str) -> str:
    if fmt == "tsv":
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "count", "files", "first occurrence", "context"])
        for c in found:
            w.writerow([c.name, c.count, " ".join(sorted(c.files)), c.where, c.context])
        return buf.getvalue().rstrip("\n")
    if fmt == "json":
        import json
        return json.dumps([{"name": c.name, "count": c.count, "files": sorted(c.files),
                            "where": c.where, "context": c.context} for c in found], indent=2, ensure_ascii=False)
    lines = [f"{c.count:4d}  {c.name}  ({c.where})  …{c.context}…" for c in found]
    lines.append(f"candidates: {len(found)} names not in the register")
    return "\n".join(lines)
