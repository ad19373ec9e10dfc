"""Corrections tables: a reviewed list of readings, applied as recorded emendations.

The workflow for a raw OCR: ``teikit lint --select TK401 --format tsv > table.tsv``
lists every suspicious token with its place; the editor fills in the
``correction`` column (and ``type``) of the rows to emend and leaves the
others empty; ``teikit emend table.tsv`` then turns each filled row into
``<choice><sic>token</sic><corr resp="#ed" type="ocr">correction</corr></choice>``
at exactly that place, adds a change to the revisionDesc, and writes the
file atomically.  A row whose token is no longer where the table says (the
file changed since) is refused with its row number, so an old table never
emends the wrong word; a document the edits would make invalid is not written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from .errors import InputError
from .files import atomic_write
from .rewrite import encode_like, record_change
from .parsing import NS, TEI_NS, XML_NS, parse
from .source import Edit, Source, apply, escape_attr

COLUMNS = ("path", "line", "column", "code", "token", "correction", "type", "message")
REQUIRED = ("path", "line", "column", "token", "correction")
# A correction never goes where the text is already an editorial or source-side reading.
PROTECTED = ("sic", "corr", "orig", "reg", "abbr", "expan", "choice", "teiHeader", "fw")


@dataclass
class Correction:
    row: int
    path: str
    line: int
    column: int
    token: str
    correction: str
    type: str = "ocr"


@dataclass
class EmendReport:
    applied: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    diffs: dict[str, str] = field(default_factory=dict)


def table_tsv(diagnostics) -> str:
    """A corrections table for findings (e.g. of TK401): one row each, correction left to the editor."""
    out = io.StringIO()
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(COLUMNS)
    for d in diagnostics:
        w.writerow([d.path, d.line, d.column, d.code, d.extra.get("token", ""), "", "", d.message])
    return out.getvalue()


def read_table(path: str | Path) -> list[Correction]:
    """The filled rows of a corrections table (rows without a correction are the tokens kept)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the corrections table: {exc.strerror}", path=path) from None
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if not rows:
        raise InputError("the corrections table is empty", path=path)
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(f"the corrections table lacks the column(s) {', '.join(missing)}", path=path, line=1,
                         hint="make one with: teikit lint --select TK401 --format tsv > table.tsv")
    col = {name: header.index(name) for name in header}
    out = []
    for n, row in enumerate(rows[1:], start=2):
        cells = row + [""] * (len(header) - len(row))
        value = (lambda name: cells[col[name]] if name in col else "")
        if not value("correction"):
            continue  # a token the editor keeps
        try:
            line, column = int(value("line")), int(value("column"))
        except ValueError:
            raise InputError(f"row {n}: line and column must be numbers", path=path, line=n) from None
        out.append(Correction(n, value("path"), line, column, value("token"), value("correction"),
                              value("type").strip() or "ocr"))
    return out


def apply_corrections(corrections: list[Correction], *, table: str = "", resp: str | None = None,
                      dry_run: bool = False, validate: bool = True) -> EmendReport:
    report = EmendReport()
    by_file: dict[str, list[Correction]] = defaultdict(list)
    for c in corrections:
        by_file[c.path].append(c)
    for path, items in by_file.items():
        doc = parse(path)
        src = Source.of(doc)
        who = resp or _editor(doc)
        if who is None:
            raise InputError("the document names no editor to whom the emendations can be attributed",
                             path=path, hint="give the header an editor with an xml:id, or pass --resp '#id'")
        prefix = src.prefix_for(TEI_NS, None) or ""
        q = (lambda n: f"{prefix}:{n}" if prefix else n)
        edits = []
        for c in items:
            run, i = _locate(src, c, table)
            end = i + len(c.token)
            corr = (f'<{q("choice")}><{q("sic")}>{escape(c.token)}</{q("sic")}>'
                    f'<{q("corr")} resp="{escape_attr(who)}" type="{escape_attr(c.type)}">{escape(c.correction)}'
                    f'</{q("corr")}></{q("choice")}>')
            edits.append(Edit(run.offsets[i], run.offsets[end], corr))
        edits.append(_change(src, doc, q, who, len(items), table))
        try:
            new = apply(doc.text, edits)
        except ValueError:
            raise InputError("two rows of the table correct the same place of the file", path=path,
                             hint=f"keep one row per token in {table or 'the table'}") from None
        # the file's encoding and byte order; a correction the encoding cannot hold (— in ISO-8859-1) is
        # written as a character reference
        data = encode_like(doc, new)
        result = parse(data, path=path)
        if validate:
            _refuse_if_invalid(doc, result, path)
        if dry_run:
            import difflib
            report.diffs[path] = "".join(difflib.unified_diff(doc.text.splitlines(True), new.splitlines(True),
                                                              f"a/{path}", f"b/{path}"))
        else:
            atomic_write(path, data)
        report.applied[path] = len(items)
    return report


def _locate(src: Source, c: Correction, table: str):
    """The text run and index of a row's token, checked against the file as it is now.

    Lines are counted as lint counts them (a CR LF, a LF or a lone CR ends one: Source.line_starts).
    """
    offset = src.offset(c.line, c.column)
    if offset is None:
        raise InputError(f"row {c.row}: {c.path} has no line {c.line}", path=table, line=c.row)
    for run in src.runs:
        if run.offsets and run.offsets[0] <= offset < run.offsets[-1]:
            i = run.offsets.index(offset) if offset in run.offsets else -1
            if i < 0 or run.text[i:i + len(c.token)] != c.token or not c.token:
                break
            if not run.editable or run.inside(*PROTECTED, ns=TEI_NS):
                raise InputError(f"row {c.row}: {c.token!r} at {c.path}:{c.line}:{c.column} is already inside "
                                 f"an emendation or the header", path=table, line=c.row)
            if not (run.can_cut(i) and run.can_cut(i + len(c.token))):
                raise InputError(f"row {c.row}: {c.token!r} at {c.path}:{c.line}:{c.column} begins or ends inside "
                                 f"the text of an entity reference", path=table, line=c.row,
                                 hint="make the row's token the reference's whole text, or emend by hand")
            return run, i
    found = src.text[offset:offset + max(len(c.token), 1) + 12]
    raise InputError(f"row {c.row}: at {c.path}:{c.line}:{c.column} the text is {found!r}, not {c.token!r}",
                     path=table, line=c.row, hint="the file changed since the table was made: make it again")


def _editor(doc) -> str | None:
    ed = doc.root.find(".//tei:teiHeader//tei:editor[@xml:id]", NS)
    return f"#{ed.get(f'{{{XML_NS}}}id')}" if ed is not None else None


def _change(src: Source, doc, q, who: str, n: int, table: str) -> Edit:
    """A change in the revisionDesc recording the emendations (a revisionDesc is added when missing)."""
    change = (f'<{q("change")} when="{dt.date.today().isoformat()}" who="{escape_attr(who)}">{n} emendation'
              f'{"s" if n != 1 else ""} applied with teikit emend from {escape(Path(table).name or "a table")}.'
              f'</{q("change")}>')
    edit = record_change(src, change)
    if edit is None:
        raise InputError("the document has no teiHeader to record the emendations in",
                         path=doc.path)
    return edit


def _refuse_if_invalid(before, after, path: str) -> None:
    from .validation import Validator
    v = Validator()
    old = {(d.code, d.message) for d in v.validate_document(before)}
    new = [d for d in v.validate_document(after) if (d.code, d.message) not in old]
    if new:
        d = new[0]
        raise InputError(f"the emendations would make the document invalid: {d.message}", path=path,
                         line=d.line, hint="nothing was written")
