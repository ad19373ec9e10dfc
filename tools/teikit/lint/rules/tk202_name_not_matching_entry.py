from __future__ import annotations

import re


from ... import register as registers
from ...parsing import NS, TEI_NS
from .. import Rule
from ._text import reading_text

NAMES = {"persName": "person", "placeName": "place", "orgName": "org", "title": "work"}
KINDS = {"person": "person", "place": "place", "org": "organisation", "work": "work"}


def reading(el) -> str:
    """The reading text of an element: corr rather than sic, no notes."""
    return " ".join(reading_text(el, {"note"}).split())


def _variants(w: str) -> set[str]:
    return {w, w + "s", w + "es", w.upper()}


def matches(text: str, forms: list[str], work: bool = False) -> bool:
    """Is the text a form of the entry: a form, a part of one (a surname), a plural, initials and a surname?"""
    parts = set()
    for f in forms:
        if text in _variants(f):
            return True
        if work and (text.lower() in f.lower() or f.lower() in text.lower()):
            return True
        parts |= {p for p in re.split(r"[\s\-–]+", f) if p[:1].isupper() and len(p) > 2}
    words = text.split()
    if not words:
        return True
    last = re.sub(r"(?:'s|’s)$", "", words[-1])
    if not any(last in _variants(p) for p in parts):
        return False
    # what precedes the surname: initials (D. N.) or other parts of the name
    return all(re.fullmatch(r"[A-Z]\.", w) or w in parts for w in words[:-1])


class NameNotMatchingEntry(Rule):
    """A name whose text matches none of the forms of the register entry it points to (a wrong link).

    What it flags: persName, placeName, orgName or title with @ref into the
    register whose reading text (corrections applied) is not one of the
    entry's name forms, its plural or its capitals; and a name that points to
    an entry of another kind (a placeName to a person).

    Why it matters: a name linked to the wrong entry puts a mention in the
    wrong place of the index, and is hard to see; a right link with a new
    spelling means the register lacks a form the texts use.

    Example: `<persName ref="psn:kamenev">Zinoviev</persName>`.

    Fix: point to the right entry, or add the form to the entry.
    """

    code = "TK202"
    name = "name-not-matching-entry"

    def check(self, ctx):
        if ctx.register is None or ctx.is_register:
            return
        text = ctx.doc.root.find("tei:text", NS)
        if text is None:
            return
        for name, kind in NAMES.items():
            for el in text.iter(f"{{{TEI_NS}}}{name}"):
                ref = el.get("ref")
                if not ref:
                    continue
                for pointer in ref.split():
                    t = registers.target(pointer, ctx.prefixes)
                    entry = ctx.register.get(t.id) if t.id else None
                    if entry is None:
                        continue
                    if entry.kind != kind:  # a place linked to a person: the wrong entry, or the wrong element
                        if not ctx.ignored(self.code, el):
                            yield ctx.diag(self, el, f"{name} points to the register's {KINDS[entry.kind]} "
                                                     f"'{entry.id}' ({entry.name}), not to a {KINDS[kind]}",
                                           severity="warning")
                        continue
                    shown = reading(el)
                    if shown and not matches(shown, [entry.name, *entry.forms], kind == "work") \
                            and not ctx.ignored(self.code, el):
                        yield ctx.diag(self, el, f"'{shown}' is not a form of the register entry '{entry.id}' "
                                                 f"({entry.name})", severity="warning")
