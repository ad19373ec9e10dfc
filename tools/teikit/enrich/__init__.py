"""`teikit enrich`: register-driven tagging of names and dates, and citation ids.

Enrich is a chain of small passes (:mod:`.names`, :mod:`.dates`, :mod:`.ids`).
Each pass reads the document's source text (see :mod:`teikit.source`) and
returns insertions of markup; nothing else of the source changes, so the
character content of the document is the same before and after, and a second
run finds nothing left to do.  The result must stay valid: a pass whose
markup would make the document invalid is refused, with the reason.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Sequence

from .. import register as registers
from ..errors import TeikitError
from ..files import atomic_write, discover
from ..parsing import NS, TEI_NS, Document, parse
from ..rewrite import encode_like, refusal, text_form
from ..source import Edit, Source, TextRun, apply

STEPS = ("names", "dates", "ids")

# Where names and dates are never added.
EXCLUDED = {"teiHeader", "persName", "placeName", "orgName", "name", "rs", "title", "date", "time",
            "idno", "ref", "ptr", "sic", "orig", "abbr", "fw", "num", "measure", "g", "pc", "w",
            "docDate", "term", "mentioned", "gap", "del", "surplus", "speaker", "label", "rdg",
            "bibl", "biblScope", "pubPlace", "publisher", "forename", "surname", "roleName",
            "addName", "geo", "listPerson", "listPlace", "listOrg", "listBibl", "foreign", "code",
            "egXML", "metamark", "stamp", "figDesc", "castList",
            # names of other kinds, which a name would be nested in, and the parts of a word
            "geogName", "settlement", "region", "country", "bloc", "district", "genName", "nameLink",
            "objectName", "eventName", "m", "c", "am", "ex"}
# Elements whose text may receive a name or date as a child (their TEI content allows phrases).
PHRASE_PARENTS = {"p", "head", "note", "quote", "q", "item", "l", "hi", "emph", "seg", "s", "cell",
                  "dateline", "byline", "closer", "opener", "salute", "signed", "trailer", "corr",
                  "reg", "expan", "supplied", "unclear", "add", "said", "stage", "ab", "lem",
                  "docAuthor", "epigraph", "titlePart", "soCalled", "cit", "postscript", "argument"}
# foreign holds phrases: the names step looks inside it, and tags only forms in its language (see .names)
_FOREIGN_PARENTS = PHRASE_PARENTS | {"foreign"}
_FOREIGN_EXCLUDED = EXCLUDED - {"foreign"}


@dataclass
class Change:
    """What a pass did, or would do, to one document."""

    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # for the editor: ambiguities, doubts
    where: list[int] = field(default_factory=list)  # source offset of each note

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


@dataclass
class Context:
    """Everything a pass needs to know about the document it works on."""

    doc: Document
    source: Source
    register: registers.Register | None
    creation: dt.date | None

    def eligible(self, run: TextRun, *, foreign: bool = False) -> bool:
        """May markup be added inside this text run?  With ``foreign``, inside a foreign phrase too."""
        if not run.editable or not run.text.strip():
            return False
        tei = [a for a in run.ancestors if a.ns == TEI_NS]
        parents, excluded = (_FOREIGN_PARENTS, _FOREIGN_EXCLUDED) if foreign else (PHRASE_PARENTS, EXCLUDED)
        if not tei or len(tei) != len(run.ancestors) or run.ancestors[-1].local not in parents:
            return False
        return not any(a.local in excluded for a in tei)

    def tei_prefix(self, run: TextRun) -> str | None:
        return self.source.prefix_for(TEI_NS, run.parent)


# Elements whose text is read as one unit (a sentence may run through several text runs of one block).
BLOCKS = frozenset({"p", "head", "note", "item", "l", "cell", "ab", "label", "dateline", "byline", "salute", "signed",
                    "trailer", "titlePart", "docAuthor", "closer", "opener", "quote", "q", "seg"})


def block_of(run: TextRun):
    """The source element of the block a text run belongs to (None outside any)."""
    return next((a for a in reversed(run.ancestors) if a.local in BLOCKS), None)


def block_key(run: TextRun) -> int | None:
    """What runs of one block share, to read a block's text as one: where the block starts (None outside any)."""
    block = block_of(run)
    return block.start if block is not None else None


def mostly_upper(text: str, *, short_ones: bool = False) -> bool:
    """Is a block's text set in capitals (a heading), so that names and dates in capitals are looked for?

    A few letters decide nothing (I., IV), unless ``short_ones``: then a text all in capitals counts,
    however short (MAY 1937).
    """
    letters, upper = sum(map(str.isalpha, text)), sum(map(str.isupper, text))  # map: this reads every block
    return (letters > 3 and upper > 0.8 * letters) or (short_ones and 0 < letters == upper)


# Empty elements that end a word where they stand, unless they say break="no" (Stalin<lb break="no"/>grad).
_MILESTONES = frozenset({"lb", "pb", "cb", "gb", "milestone"})
# Readings that the reading text passes over: a word runs on from the text before them to the text after
# (<choice><sic>Stalln</sic><corr>Stalin</corr></choice>: the corr's neighbours are outside the choice).
_ASIDE = frozenset({"sic", "orig", "abbr", "rdg", "rdgGrp", "del", "surplus", "fw"})
_START_TAG = re.compile(r"<(?:[^\s/>!?:]+:)?([^\s/>!?:]+)([^>]*)>")
_NO_BREAK = re.compile(r"""\bbreak\s*=\s*(?:"no"|'no')""")


def _word_group(run: TextRun):
    """What a run's text runs on with: its block, else its outermost phrase-level holder (a stage in an sp)."""
    block = block_of(run)
    if block is not None:
        return id(block)
    outer = next((a for a in run.ancestors if a.local in PHRASE_PARENTS), None)
    return id(outer) if outer is not None else None


def _breaks(markup: str) -> bool:
    """Does a word end in this markup between two runs (a line, column or page break)?"""
    return any(m.group(1) in _MILESTONES and not _NO_BREAK.search(m.group(2)) for m in _START_TAG.finditer(markup))


def neighbours(source: Source, width: int = 3) -> dict[int, tuple[str, str]]:
    """For each text run (by id): up to ``width`` characters a reader meets just before and just after it.

    A word runs on over inline markup (Stalin<hi>ist</hi>, G.P.U.<persName>Stalin</persName>), so
    whether a name or a date stands as a whole word is decided on these characters, not on the edges of
    the run: otherwise "Stalin" would be tagged in Stalin<hi>ist</hi>, and "G.P.U." in G.P.U.Stalin once
    Stalin had been tagged (a second run would add markup).  The characters come from the same block;
    a line, column or page break without break="no" counts as a space, and the source side of a choice
    or apparatus entry (sic, orig, abbr, rdg, del) is passed over.
    """
    groups: dict[int, list[TextRun]] = {}
    for run in source.runs:
        key = _word_group(run)
        if key is not None:
            groups.setdefault(key, []).append(run)
    out: dict[int, tuple[str, str]] = {}
    for members in groups.values():
        for i, run in enumerate(members):
            out[id(run)] = (_beside(source, members, i, -1, width), _beside(source, members, i, 1, width))
    return out


def _beside(source: Source, members: list[TextRun], i: int, step: int, width: int) -> str:
    run = members[i]
    own = {id(a) for a in run.ancestors}
    chars, edge, j = "", run, i + step
    while 0 <= j < len(members) and len(chars) < width:
        other = members[j]
        j += step
        if any(a.local in _ASIDE and id(a) not in own for a in other.ancestors):
            continue
        gap = (source.text[other.offsets[-1]:edge.offsets[0]] if step < 0
               else source.text[edge.offsets[-1]:other.offsets[0]])
        if _breaks(gap):
            chars = " " + chars if step < 0 else chars + " "
            break
        chars = other.text + chars if step < 0 else chars + other.text
        edge = other
    return chars[-width:] if step < 0 else chars[:width]


class Pass:
    """A step of enrich: looks at the source and proposes insertions."""

    name = "pass"

    def edits(self, ctx: Context, change: Change) -> list[Edit]:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class Result:
    path: str
    original: str
    text: str
    changes: dict[str, Change]
    refused: str | None = None
    read: bytes | None = None  # the file's bytes as they were read, to tell a change on disk since
    encoding: str = "utf-8"  # the file's encoding and byte order mark, which the new text keeps
    bom: bytes = b""
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @cached_property
    def data(self) -> bytes:
        """The new text as the file's bytes, encoded once for the check and the write."""
        return self.bom + self.text.encode(self.encoding, errors="xmlcharrefreplace")

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.text.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


@dataclass
class Report:
    results: list[Result]
    seconds: float
    errors: list[TeikitError] = field(default_factory=list)  # documents that could not be read, or written
    stopped_at: str | None = None  # the document whose write failed; no document after it was written

    @property
    def written(self) -> list[str]:
        return [r.path for r in self.results if r.written]


def creation_date(doc: Document) -> dt.date | None:
    """The date the text was written, from profileDesc/creation/date."""
    el = doc.root.find(".//tei:profileDesc/tei:creation//tei:date", NS)
    if el is None:
        return None
    for attr in ("when", "notAfter", "to", "notBefore", "from"):
        v = el.get(attr, "")
        parts = v.split("-")
        try:
            if len(parts) >= 3:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            if len(parts) == 2:
                return dt.date(int(parts[0]), int(parts[1]), 28)
            if len(parts) == 1 and v:
                return dt.date(int(parts[0]), 12, 31)
        except ValueError:
            continue
    return None


def _passes(steps: Sequence[str], options: dict) -> list[Pass]:
    from .dates import DatesPass
    from .ids import IdsPass
    from .names import NamesPass
    known = {"names": NamesPass, "dates": DatesPass, "ids": IdsPass}
    return [known[s](**options.get(s, {})) for s in steps]


def enrich_document(path: str | Path, *, steps: Sequence[str] = STEPS,
                    register_path: str | Path | None = None, default_register: str | Path | None = None,
                    check: bool = True, options: dict | None = None,
                    read: dict[Path, registers.Register] | None = None) -> Result:
    """Run the passes over one document and return its new text (nothing is written).

    register_path is used for the document whatever it points to; default_register
    (the project's own) only when it lies in the register's folder and points to no other.
    ``read`` holds the registers already read, by resolved path, and takes the one this
    document reads: a batch reads each register once.
    """
    doc = parse(path)
    original = doc.text
    text = original
    reg = None
    changes: dict[str, Change] = {}
    if "names" in steps:
        where = registers.register_path_for(doc, register_path, default_register)
        if where is None:
            steps = [s for s in steps if s != "names"]
            changes["names"] = Change()
            changes["names"].notes.append("names not tagged: no register for this document "
                                          "(declare a prefixDef pointing to one, or pass --register PATH)")
        else:
            key = Path(where).resolve()
            reg = read.get(key) if read is not None else None
            if reg is None:
                reg = registers.Register.load(where)
                if read is not None:
                    read[key] = reg
    created = creation_date(doc)
    for p in _passes(steps, options or {}):
        current = doc if text == original else parse(encode_like(doc, text), path=doc.path)
        ctx = Context(current, Source.parse(text), reg, created)
        change = Change()
        edits = p.edits(ctx, change)
        changes[p.name] = change
        if edits:
            text = apply(text, edits)
    encoding, bom = text_form(doc)
    result = Result(str(path), original, text, changes, read=doc.data, encoding=encoding, bom=bom)
    if check and result.changed:
        result.refused = refusal(doc, result.data)
    return result


def enrich(paths: Iterable[str | Path], *, steps: Sequence[str] = STEPS, write: bool = False,
           register_path: str | Path | None = None, default_register: str | Path | None = None,
           options: dict | None = None) -> Report:
    """Enrich files and directories; with ``write``, save the changed ones atomically.

    Every document is read and enriched before any is written: when one cannot
    be read (malformed XML, not TEI, a broken register), the report lists it
    and nothing is written.  A document that changed on disk since it was read
    is refused rather than overwritten.  When a write fails (permissions, a
    full disk), the batch stops there: the error is in the report, and the
    results say which documents were written before it.
    """
    start = time.perf_counter()
    report = Report([], 0.0)
    read: dict[Path, registers.Register] = {}
    for f in discover(paths):
        if f.name == "register.xml":
            continue
        try:
            report.results.append(enrich_document(f, steps=steps, register_path=register_path,
                                                  default_register=default_register, options=options, read=read))
        except TeikitError as exc:
            report.errors.append(exc)
    if write and not report.errors:
        _write(report)
    report.seconds = time.perf_counter() - start
    return report


def _write(report: Report) -> None:
    pending = [r for r in report.results if r.changed and not r.refused]
    for i, r in enumerate(pending):
        try:
            now = Path(r.path).read_bytes()
        except OSError:
            now = None
        if now != r.read:
            r.refused = "the file changed on disk after it was read, so it was not overwritten (run enrich again)"
            continue
        try:
            atomic_write(r.path, r.data)
        except OSError as exc:
            written = ", ".join(report.written) or "nothing"
            unwritten = ", ".join(x.path for x in pending[i:] if not x.refused)
            report.errors.append(TeikitError(
                f"cannot write the enriched document: {exc.strerror or exc}", path=r.path,
                hint=f"written before it: {written}; not written: {unwritten}. Run enrich again once the cause "
                     f"is fixed (the documents written have nothing left to add)"))
            report.stopped_at = r.path
            return
        r.written = True


def render(report: Report, fmt: str, *, dry_run: bool = False, written: bool = False) -> str:
    """The summary (text or json), or the diff for a dry run.

    ``written`` says that writing was asked for.  The text summary counts the
    errors; :func:`render_errors` gives them in full.
    """
    if fmt == "json":
        import json
        return json.dumps({"documents": [
            {"path": r.path, "changed": r.changed, "refused": r.refused, "written": r.written,
             "steps": {k: {"counts": c.counts, "notes": c.notes} for k, c in r.changes.items()}}
            for r in report.results],
            "errors": [{"path": e.path, "line": e.line, "column": e.column, "message": e.message,
                        "hint": e.hint} for e in report.errors],
            "seconds": round(report.seconds, 3)}, indent=2, ensure_ascii=False)
    lines = []
    for r in report.results:
        if dry_run and r.changed:
            lines.append(r.diff())
        counts = ", ".join(f"{n} {k}" for c in r.changes.values() for k, n in sorted(c.counts.items()))
        verb = ("refused" if r.refused else "enriched" if r.written else "nothing to add" if not r.changed
                else "not written" if written else "would add")
        lines.append(f"{r.path}: {verb}{': ' + counts if counts else ''}")
        if r.refused:
            lines.append(f"  {r.refused}")
        for c in r.changes.values():
            lines += [f"  {n}" for n in c.notes]
    unread = len(report.errors) - (report.stopped_at is not None)
    if report.stopped_at:
        tail = (f"; {report.stopped_at} could not be written, so the batch stopped after "
                f"{len(report.written)} written")
    elif unread:
        tail = f"; {unread} could not be read" + (", so nothing was written" if written else "")
    else:
        tail = "" if written or dry_run else " (nothing written; use --in-place)"
    lines.append(f"enrich: {len(report.results) + unread} files in {report.seconds:.2f} s{tail}")
    return "\n".join(lines)


def render_errors(report: Report) -> str:
    """The documents that could not be read or written, one error each, for stderr."""
    return "\n".join(f"error: {exc}" for exc in report.errors)
