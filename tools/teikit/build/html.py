"""The web edition: one XSLT run writes every page; Pagefind indexes the paragraphs."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from .. import resources, xslt
from ..files import atomic_write
from ..parsing import parse_string
from . import BuildReport, Text, edition_document


def build_html(texts: list[Text], register, out: Path, *, options: dict, pdf_dir: Path | None = None,
               report: BuildReport | None = None, search: bool = True) -> BuildReport:
    report = report or BuildReport()
    out = Path(out)
    t0 = time.perf_counter()
    pdf_keys = {t.key for t in texts if pdf_dir and (pdf_dir / f"{t.key}.pdf").exists()}
    opts = dict(options, pdf=bool(pdf_dir and (pdf_dir / "edition.pdf").exists()))
    edition = edition_document(texts, pdf_keys)
    params = {"options": opts}
    if register is not None:
        params["register"] = register
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".teikit-", dir=out) as tmp:
        xslt.transform(resources.xslt("html/site.xsl"), edition, params=params, output_dir=tmp)
        report.timings["html: transform"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        records = (Path(tmp) / "search-records.xml").read_text(encoding="utf-8")
        for page in sorted(Path(tmp).rglob("*.html")):
            target = out / page.relative_to(tmp)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(page, target)  # atomic: the temporary folder is inside the output folder
            report.written.append(target)
    _copy_assets(out, report)
    _copy_schema(out, report)
    for t in texts:
        report.written.append(atomic_write(out / "downloads" / f"{t.key}.xml", t.doc.data))
        if t.key in pdf_keys:
            report.written.append(atomic_write(out / "downloads" / f"{t.key}.pdf", (pdf_dir / f"{t.key}.pdf").read_bytes()))
    if pdf_dir and (pdf_dir / "edition.pdf").exists():
        report.written.append(atomic_write(out / "downloads" / "edition.pdf", (pdf_dir / "edition.pdf").read_bytes()))
    if register is not None:
        report.written.append(atomic_write(out / "downloads" / "register.xml", register.data))
    write_docs(out / "docs", report)
    report.timings["html: write"] = time.perf_counter() - t1
    if search and records is not None:
        t2 = time.perf_counter()
        index_search(records, out)
        report.timings["html: search index"] = time.perf_counter() - t2
    return report


def _copy_assets(out: Path, report: BuildReport) -> None:
    src = resources.xslt("html/assets")
    for f in sorted(src.iterdir()):
        if f.is_file():
            report.written.append(atomic_write(out / "assets" / f.name, f.read_bytes()))
    # browsers ask for /favicon.ico whatever the pages say
    report.written.append(atomic_write(out / "favicon.ico", (src / "favicon.ico").read_bytes()))


def _copy_schema(out: Path, report: BuildReport) -> None:
    """The edition's schema beside the downloads: their xml-model instructions point at
    ../schema/, and other projects validate against it without teikit."""
    for f in sorted(resources.schema_dir().iterdir()):
        if f.suffix in {".odd", ".rng", ".sch", ".xsd"}:
            report.written.append(atomic_write(out / "schema" / f.name, f.read_bytes()))


def write_docs(folder: Path, report: BuildReport) -> None:
    from .. import schema
    from ..lint.docs import rules_html
    report.written.append(atomic_write(folder / "guidelines.html", schema.guidelines_html()))
    report.written.append(atomic_write(folder / "lint-rules.html", rules_html()))


def index_search(records_xml: str, out: Path) -> int:
    """A Pagefind index with one record per paragraph, heading and note (no network)."""
    from .search import write_index
    records = parse_string(records_xml, path="<search records>").root
    return write_index([{
        "url": r.get("url"), "content": r.text or "",
        "meta": {"title": f"{r.get('text')}, {r.get('label')}", "text": r.get("text") or ""},
        "filters": {"text": [r.get("text") or ""],
                    "author": [a for a in (r.get("author") or "").split("; ") if a] or ["unknown"]}}
        for r in records], out / "pagefind")

