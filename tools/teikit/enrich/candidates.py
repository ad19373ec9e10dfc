"""Names in the texts that the register does not know yet.

Capitalised words and sequences of them (``Chiang Kai-shek``, ``Willie
Muenzenberg``) in running text, outside existing name elements, that match no
register form, counted with one context each.  A sequence ends with its
sentence, and a capitalised word that opens a sentence and is an ordinary
English word is not a name.

A word is capitalised by Unicode's categories, not by ASCII: it begins with an
uppercase or titlecase letter (Lu, Lt: É, Ž, Ł, Ø as much as A–Z) and goes on
with letters, combining marks (an accent written decomposed) and apostrophes,
so that Émile, Žižka, Łódź and Ørsted are found as Emile would be.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from functools import lru_cache
from typing import Iterable

from .. import register as registers
from ..files import discover
from ..lint.words import known as in_wordlist, wordlist
from ..parsing import parse
from ..source import Source
from . import Context
from .canonical import nfc
from .names import composed_forms, register_forms

# Inside a name a period belongs to an initial (L. D. Trotsky) or a title before a name
# (St. Petersburg, Mr. Smith); after any other word it ends the sentence, and so the name.
_TITLES = ("Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "St", "Ste", "Mt", "Ft", "Gen", "Col",
           "Capt", "Lt", "Maj", "Sgt", "Adm", "Rev", "Hon", "Gov", "Sen", "Pres", "Fr")


def _classes() -> tuple[str, str]:
    """Regular-expression classes of the uppercase and titlecase letters (Lu, Lt), and of the marks (M*).

    Python's re has no \\p{Lu}, so they are read from unicodedata.  Only the planes that hold such
    characters are read (the Basic and Supplementary Multilingual Planes, and plane 14's variation
    selectors); the others hold ideographs, which are neither, or nothing.
    """
    spans: dict[str, list[list[int]]] = {"upper": [], "mark": []}
    for i in (*range(0x20000), *range(0xE0000, 0xE1000)):
        cat = unicodedata.category(chr(i))
        kind = "upper" if cat in ("Lu", "Lt") else "mark" if cat[0] == "M" else None
        if kind:
            own = spans[kind]
            if own and own[-1][1] == i - 1:
                own[-1][1] = i
            else:
                own.append([i, i])
    def body(own):
        return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in own)
    return f"[{body(spans['upper'])}]", f"[{body(spans['mark'])}]"


@lru_cache(maxsize=1)
def _name_rx() -> re.Pattern:
    """Capitalised words and sequences of them (built on first use: reading the categories takes a moment)."""
    upper, mark = _classes()  # upper: A–Z as much as É, Ž, Ł, Ø
    rest = rf"(?:[^\W\d_]|{mark}|['’])"  # a letter, a mark (Ze\u0301ro, written decomposed), an apostrophe
    word = rf"{upper}{rest}*(?:-{rest}+)*"
    part = rf"(?:(?:{upper}|{'|'.join(_TITLES)})\.|{word})"
    return re.compile(rf"(?<![\w'’])(?<!{mark}){part}(?:\s(?:(?:de|von|van|du|la|le|del|y)\s)?{part})*\.?")


# What comes just before the first word of a sentence: its end (closing quotes too) or an opening quote.
_OPENS = re.compile(r"(?:[.!?:;][\"'”’)\]]*|[\"“‘(])\s*$")
_NOT_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
              "Friday", "Saturday", "Sunday"}
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
    words = wordlist()
    found: dict[str, Candidate] = {}
    known: set[str] | None = None
    for f in discover(paths):
        if f.name == "register.xml":
            continue
        doc = parse(f)
        if known is None:
            try:
                reg = registers.load_for(doc, register_path, default_register)
                known = set(composed_forms(register_forms(reg)))  # a surname two persons share: see names
            except Exception:
                known = set()
        ctx = Context(doc, Source.of(doc), None, None)
        for run in ctx.source.runs:
            if not ctx.eligible(run):
                continue
            for m in _name_rx().finditer(run.text):
                name = nfc(m.group(0).rstrip(".").rstrip("'’"))  # as the names step compares it
                sentence_start = not run.text[:m.start()].strip() or _OPENS.search(run.text[:m.start()])
                parts = name.split()
                if len(parts) == 1:
                    w = parts[0]
                    if w.isupper() and len(w) > 1 and not "." in w:
                        continue  # headings in capitals
                    # an ordinary word (its possessive, a compound of them) opens the sentence; a word
                    # derived from a name (Trotskyists) may still be a name's
                    if (sentence_start and in_wordlist(w, words, frozenset(), derived=False)) or w == "I":
                        continue
                    if w.lower() in words and w.lower().capitalize() != w:
                        continue
                    if len(w) < 3:
                        continue
                if name in known or name in _NOT_NAMES or any(p in known for p in [name.rsplit("'", 1)[0]]):
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
                    c.context = " ".join(run.text[max(0, m.start() - 50):m.end() + 50].split())
                    c.where = f"{f}:{run.ancestors[-1].start and doc.text.count(chr(10), 0, run.offsets[m.start()]) + 1}"
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
