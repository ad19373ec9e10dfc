"""Tagging names from the register: persName, placeName, orgName and titles of works.

Every name form of every register entry is looked for in running text and
notes, longest form first; a match must stand as a whole word (so
``Trotskyist`` and ``Stalinism`` are left alone, and ``Stalin's`` gets its
name tagged without the possessive).  A form that belongs to two entries is
not tagged but reported, with its context, for the editor; so is a bare
surname that two persons share (see :func:`shared_surnames`), even where
the register gives it as a variant of one of them only.  A form the
editor wants left alone in one place ("Franco" in "Franco-Russian alliance")
is named there with ``<?teikit-enrich ignore "Franco" reason?>`` (see
:mod:`.ignores`).

Text and forms are compared in their composed form (NFC): ``Ze\u0301ro`` in
the text is the register's ``Zéro``, and the other way round; the source keeps
its characters (see :mod:`.canonical`).

In a phrase of another language (``foreign``, or an ``xml:lang`` phrase
inside a block) a form is tagged only when the register gives it in that
language, as the POUM's Spanish name is given ``xml:lang="es"``; any other
form found there is reported with its context, for the editor, rather than
tagged or passed over (see :mod:`.languages`).  Dates are not looked for in
``foreign``: their patterns are English.

Text that an entity reference of the DOCTYPE stands for is read as the parser
reads it: a name around the reference, or covering its whole text, is tagged
(``<persName>&trotsky;</persName>``, the markup outside the reference); a name that
would begin or end inside the reference's text is reported, not tagged.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .. import register as registers
from ..source import Edit, escape_attr
from . import BLOCKS, Change, Context, Pass, block_key, mostly_upper, neighbours
from . import ignores as ignore_pis
from .canonical import composed, nfc, original
from .languages import form_languages, phrase_language, primary
from .words import WORD

# A name is never tagged against a character of a word (Stalin\u0301 is no Stalin: see .words), nor after an
# apostrophe (l'Humanité), but after an opening quote ('Trotsky'); a possessive may follow it (Stalin's).
_BOUNDARY_BEFORE = rf"(?:(?<!{WORD}|['’])|(?<=(?<!{WORD})['‘’]))"
_BOUNDARY_AFTER = rf"(?!{WORD}|[’'](?:[a-rt-z]|s{WORD}))"


@dataclass
class NamesPass(Pass):
    name = "names"
    context_chars: int = 40
    report_instructions: bool = True  # lint's TK201 reports malformed ignore instructions itself
    ignores: ignore_pis.Ignores = field(default_factory=ignore_pis.Ignores)  # the last document's, for TK201

    def edits(self, ctx: Context, change: Change) -> list[Edit]:
        if ctx.register is None:
            return []
        forms = composed_forms(register_forms(ctx.register))
        if not forms:
            return []
        skip = self.ignores = ignore_pis.read(ctx.source, forms)
        if self.report_instructions:
            for problem in skip.problems:
                change.notes.append(ignore_pis.describe(problem, ctx.source, str(ctx.doc.path)))
                change.where.append(problem.at)
        pattern = _compile(forms)
        # a heading in capitals: the forms in capitals as well as those as printed (G.P.U., Kirov)
        upper = _compile({**forms, **{f.upper(): ids for f, ids in forms.items() if f.upper() != f}})
        prefixes = registers.prefix_defs(ctx.doc.root)
        edits: list[Edit] = []
        capitals = _blocks_in_capitals(ctx.source.runs)
        around = neighbours(ctx.source)
        found: list[_Found] = []
        for run in ctx.source.runs:
            if not ctx.eligible(run, foreign=True):
                continue
            # decided per block, whose text tagging does not change (per run, a second run would differ)
            rx = upper if capitals.get(block_key(run)) else pattern
            found += [_Found(run, a, run, b, text) for a, b, text in _matches(rx, run, around)]
        across = [f for a, b in _line_pairs(ctx) for f in
                  _across(upper if capitals.get(block_key(a)) else pattern, a, b, around)]
        # a name over a line break (Leon<lb/>Trotsky) is one name: its parts are not names of their own
        found = [f for f in found if not any(x.covers(f) for x in across)] + across
        for f in found:
            form = " ".join(f.text.split())  # a name may run over a line end or a double space
            if skip.covers(f.first.offsets[f.start], form, _match_form(form, forms)):
                change.add("left untagged")  # by an ignore instruction
                continue
            ids = forms.get(form) or forms.get(_match_form(form, forms)) or []
            switched, lang = phrase_language(f.first, BLOCKS)
            if not switched and not ctx.eligible(f.first):
                continue  # in foreign, or where names are never tagged
            if not (f.first.can_cut(f.start) and f.last.can_cut(f.end)):
                self._note(change, ctx, f, "in entity text", f"'{form}' begins or ends inside the text of an entity "
                           f"reference, so it is not tagged")
                continue
            if len(ids) != 1:
                self._note(change, ctx, f, "ambiguous",
                           f"'{form}' may be {', '.join(ids)}{_why(form, forms, ctx.register)}")
                continue
            entry = ctx.register.entries[ids[0]]
            if switched and primary(lang) not in form_languages(ctx.register).get(_match_form(form, forms), ()):
                self._note(change, ctx, f, "in another language",
                           f"'{form}' ({entry.id}) stands in a phrase in {lang or 'another language'}, and the "
                           f"register does not give the form in that language, so it is not tagged")
                continue
            tag = _tag(entry, ctx, f.first, prefixes)
            if tag is None:
                continue
            open_tag, close_tag = tag
            edits += [Edit(f.first.offsets[f.start], f.first.offsets[f.start], open_tag, order=1),
                      Edit(f.last.offsets[f.end], f.last.offsets[f.end], close_tag, order=0)]
            change.add(entry.kind)
        return edits

    def _note(self, change: Change, ctx: Context, f: "_Found", key: str, says: str) -> None:
        """Report a form found and not tagged, with its context, for the editor (and lint's TK201)."""
        run = f.first
        around = run.text[max(0, f.start - self.context_chars):f.start + len(f.text) + self.context_chars]
        change.notes.append(f"{key}: {says}: …{' '.join(around.split())}…")
        change.where.append(run.offsets[f.start])
        change.add(key)


@dataclass
class _Found:
    """A form found from character ``start`` of one text run to ``end`` of the same run or of the next."""

    first: object
    start: int
    last: object
    end: int
    text: str

    def covers(self, f: "_Found") -> bool:
        """Does this name over a line break take characters of ``f``, a form found in one run?"""
        return (f.first is self.first and f.end > self.start) or (f.first is self.last and f.start < self.end)


# a line break between two words of one element (not one inside a word, break="no"), with the file's layout
_LINE_BREAK = re.compile(r"""\s*<(?:[^\s/>:]+:)?lb\b(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/>\s*""")
_NO_BREAK = re.compile(r"""\bbreak\s*=\s*(?:"no"|'no')""")


def _line_pairs(ctx: Context):
    """The text runs of one element that a line break alone separates (Leon<lb/>Trotsky)."""
    runs = ctx.source.runs
    for a, b in zip(runs, runs[1:]):
        if a.ancestors and b.ancestors and a.ancestors[-1] is b.ancestors[-1] and ctx.eligible(a, foreign=True) \
                and ctx.eligible(b, foreign=True):
            gap = ctx.source.text[a.offsets[-1]:b.offsets[0]]
            if _LINE_BREAK.fullmatch(gap) and not _NO_BREAK.search(gap):
                yield a, b


def _across(rx: re.Pattern, a, b, around: dict) -> list[_Found]:
    """The forms that begin in run ``a`` and end in run ``b``, read over the line break between them."""
    before, after = nfc(around.get(id(a), ("", ""))[0]), nfc(around.get(id(b), ("", ""))[1])
    (ta, back_a), (tb, back_b) = composed(a.text), composed(b.text)
    text = before + ta + " " + tb + after
    joint = len(before) + len(ta)
    out = []
    for m in rx.finditer(text, len(before)):
        if m.start() >= joint:
            break
        if joint + 1 < m.end() <= joint + 1 + len(tb):
            start, end = original(back_a, m.start() - len(before)), original(back_b, m.end() - joint - 1)
            if start is not None and end is not None:
                out.append(_Found(a, start, b, end, m.group(0)))
    return out


def _matches(rx: re.Pattern, run, around: dict):
    """Matches of the forms that lie in the run and stand as whole words where the run stands in its block:
    (start, end) in the run's text, and the text matched in its composed form."""
    before, after = around.get(id(run), ("", ""))
    # each part composed apart: a mark at the start of the run or of the text after it stays a mark
    text, back = composed(run.text)
    before, after = nfc(before), nfc(after)
    lo, hi = len(before), len(before) + len(text)
    for m in rx.finditer(before + text + after, lo):
        if m.start() >= hi:
            break
        if m.end() <= hi:  # one that runs on over the markup after the run is no match
            start, end = original(back, m.start() - lo), original(back, m.end() - lo)
            if start is not None and end is not None:  # not inside a letter and its marks
                yield start, end, m.group(0)


# ---------------------------------------------------------------- shared surnames

# How close a variant's last word must be to an entry's surname to be a spelling of it
# (Kossior / Kosior, Joffe / Ioffe, Wolfe / Wolf); patronymics (Leon Davidovich) are far below.
_SPELLING = 0.75


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def surnames(register: registers.Register) -> dict[str, set[str]]:
    """The bare surnames of each person entry: the ``surname`` of its names (the full one, and
    variants where they are structured), its one-word variants (Olberg, Kossior), and the last word
    of a longer variant when that word is a spelling of one of these (Vladimir Kossior, Maria Joffe)."""
    from ..parsing import NS, XML_NS
    out: dict[str, set[str]] = {}
    if register.doc is None:
        return out
    for el in register.doc.root.iterfind(".//tei:text//tei:person[@xml:id]", NS):
        own = {_text(s) for s in el.iterfind("tei:persName/tei:surname", NS)} - {""}
        variants = [_text(n) for n in el.iterfind("tei:persName", NS) if n.get("type") != "full"]
        own |= {v for v in variants if v and " " not in v}
        for v in variants:
            last = v.rsplit(" ", 1)[-1]
            if " " in v and last not in own and any(
                    difflib.SequenceMatcher(None, last, s).ratio() >= _SPELLING for s in own):
                own.add(last)
        out[el.get(f"{{{XML_NS}}}id")] = own
    return out


def shared_surnames(register: registers.Register) -> dict[str, list[str]]:
    """Bare surnames that two or more person entries share, and those entries (in register order)."""
    cached = getattr(register, "_shared_surnames", None)  # read once per register, not per document
    if cached is not None:
        return cached
    by_name: dict[str, list[str]] = {}
    for entry_id, names in surnames(register).items():
        for name in names:
            by_name.setdefault(name, []).append(entry_id)
    shared = {name: ids for name, ids in by_name.items() if len(ids) > 1}
    register._shared_surnames = shared
    return shared


def register_forms(register: registers.Register) -> dict[str, list[str]]:
    """The register's name forms and their entries, with every shared bare surname as a form of all
    the persons who share it: such a form is ambiguous, never tagged, always reported."""
    forms = register.forms()
    for name, ids in shared_surnames(register).items():
        forms[name] = list(dict.fromkeys(forms.get(name, []) + ids))
    return forms


def composed_forms(forms: dict[str, list[str]]) -> dict[str, list[str]]:
    """The forms in their composed form (see :mod:`.canonical`), those that become one joined."""
    out: dict[str, list[str]] = {}
    for form, ids in forms.items():
        key = nfc(form)
        out[key] = list(dict.fromkeys(out.get(key, []) + ids))
    return out


def _why(form: str, forms: dict, register: registers.Register) -> str:
    """For a form the register gives one entry but a surname others share: say so to the editor."""
    own = composed_forms(register.forms()).get(_match_form(form, forms), [])
    if len(own) == 1:
        return f" (a surname they share; the register gives it as a form of {own[0]} only)"
    return ""


def _blocks_in_capitals(runs) -> dict:
    text: dict = {}
    for run in runs:
        text[block_key(run)] = text.get(block_key(run), "") + run.text
    return {k: mostly_upper(t) for k, t in text.items() if k is not None}


def _match_form(found: str, forms: dict) -> str:
    for f in forms:
        if f.upper() == found:
            return f
    return found


def _compile(forms: dict) -> re.Pattern:
    alternatives = sorted(forms, key=lambda f: (-len(f), f))
    body = "|".join(re.escape(f).replace("\\ ", r"\s+") for f in alternatives)
    # a form ending in a full stop (G.P.U.) needs no word boundary after it
    return re.compile(f"{_BOUNDARY_BEFORE}(?:{body}){_BOUNDARY_AFTER}")


def pointer(entry: registers.Entry, ctx: Context, prefixes: dict) -> str:
    """psn:id when the document declares the prefix, else a relative register.xml#id."""
    if entry.prefix in prefixes:
        return f"{entry.prefix}:{entry.id}"
    from os.path import relpath
    from pathlib import Path
    rel = Path(relpath(ctx.register.path, Path(ctx.doc.path).parent)).as_posix()
    return f"{_uri_path(rel)}#{entry.id}"


def _uri_path(path: str) -> str:
    """A relative path as a URI reference: a space would split the pointer in two (@ref holds a list of
    URIs), and a '#' would start its fragment, so such characters are %-escaped; letters are kept."""
    from urllib.parse import quote
    return re.sub(r'[\s#%?"<>\\^`{|}\[\]]', lambda m: quote(m.group(0), safe=""), path)


def _tag(entry, ctx: Context, run, prefixes) -> tuple[str, str] | None:
    prefix = ctx.tei_prefix(run)
    if prefix is None:
        return None
    qname = f"{prefix}:{entry.name_element}" if prefix else entry.name_element
    attrs = f' ref="{escape_attr(pointer(entry, ctx, prefixes))}"'
    if entry.kind == "work" and entry.level:
        attrs = f' level="{escape_attr(entry.level)}"' + attrs
    return f"<{qname}{attrs}>", f"</{qname}>"
