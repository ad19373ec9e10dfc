"""Names in the texts that the register does not know yet.

Capitalised words and sequences of them (``Chiang Kai-shek``, ``Willie
Muenzenberg``) in running text, outside existing name elements, that match no
register form, counted with one context each.  A sequence ends with its
sentence, and a capitalised word that opens a sentence and is an ordinary
English word is not a name.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
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
# a combining mark belongs to its word (Ze\u0301ro, written decomposed)
_WORD = r"[A-Z][\w'’\u0300-\u036f]*(?:-[A-Z]?[\w'’\u0300-\u036f]+)*"
_PART = rf"(?:(?:[A-Z]|{'|'.join(_TITLES)})\.|{_WORD})"
_NAME = re.compile(rf"(?<![\w'’]){_PART}(?:\s(?:(?:de|von|van|du|la|le|del|y)\s)?{_PART})*\.?")
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
            for m in _NAME.finditer(run.text):
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
