"""The web edition: one XSLT run writes every page; Pagefind indexes the paragraphs."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import lxml.html
from lxml import etree

from .. import resources, xslt
from ..config import DEFAULTS
from ..errors import InputError
from ..files import atomic_write
from ..parsing import XI_NS, parse_string
from . import TK, BuildReport, Text, edition_document


def build_html(texts: list[Text], register, out: Path, *, options: dict, pdf_dir: Path | None = None,
               report: BuildReport | None = None, search: bool = True) -> BuildReport:
    report = report or BuildReport()
    out = Path(out)
    t0 = time.perf_counter()
    pdf_keys, volume = _current_pdfs(texts, register, pdf_dir, report.messages)
    schema = uses_edition_schema(texts)
    # no edition title configured: the pages say no "in TEI edition" (the default names no edition)
    titled = (options.get("title") or "") not in ("", DEFAULTS["build"]["title"])
    opts = dict(options, pdf=volume, schema=schema, titled=titled)
    edition = edition_document(texts, pdf_keys)
    _name_missing_parts(edition, texts)
    params = {"options": opts,
              "docs": {name: lxml.html.document_fromstring(page) for name, page in _docs().items()} if schema else {}}
    if register is not None:
        params["register"] = register
        params["register-file"] = Path(register.path).name
    out.mkdir(parents=True, exist_ok=True)
    try:
        work = tempfile.TemporaryDirectory(prefix=".teikit-", dir=out)
    except OSError as exc:  # named by the folder, not the temporary name it could not make
        raise InputError(f"cannot write into the output folder: {exc.strerror or exc}", path=str(out),
                         hint="nothing was written") from None
    with work as tmp:
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
    if schema:
        _copy_schema(out, report)
    for t in texts:
        report.written.append(atomic_write(out / "downloads" / f"{t.key}.xml", t.doc.data))
    linked = [f"{k}.pdf" for k in sorted(pdf_keys)] + (["edition.pdf"] if volume else [])
    for name in linked:
        report.written.append(atomic_write(out / "downloads" / name, (pdf_dir / name).read_bytes()))
    # a PDF an earlier build copied must not outlive its link
    for name in [f"{t.key}.pdf" for t in texts if t.key not in pdf_keys] + ([] if volume else ["edition.pdf"]):
        (out / "downloads" / name).unlink(missing_ok=True)
    if register is not None:
        # under its own name, which the downloaded texts' pointers use
        report.written.append(atomic_write(out / "downloads" / Path(register.path).name, register.data))
    _remove_stale(out, report.written)
    report.timings["html: write"] = time.perf_counter() - t1
    if search and records is not None:
        t2 = time.perf_counter()
        index_search(records, out)
        report.timings["html: search index"] = time.perf_counter() - t2
    return report


def _name_missing_parts(edition, texts: list[Text]) -> None:
    """An xi:include without a fallback names a file the build does not load (the parts of a teiCorpus):
    the edition document no longer holds it, so each text's holder lists the files (tk:missing), and the
    page says which parts are elsewhere rather than show an empty corpus."""
    for holder, t in zip(edition.findall(f"{{{TK}}}text"), texts):
        for inc in t.doc.root.iter(f"{{{XI_NS}}}include"):
            if inc.find(f"{{{XI_NS}}}fallback") is None:
                etree.SubElement(holder, f"{{{TK}}}missing", href=inc.get("href") or "",
                                 xpointer=inc.get("xpointer") or "")


def _current_pdfs(texts: list[Text], register, pdf_dir: Path | None, messages: list[str]) -> tuple[set[str], bool]:
    """The texts whose PDF is linked, and whether the volume (edition.pdf) is.  A PDF is linked only
    when it is newer than its TEI and the register (whose names it prints): a stale one would ship a
    text that the page beside it no longer shows.  Each PDF left out is said in ``messages``."""
    sources = {t.key: [t.path] for t in texts}
    volume = pdf_dir / "edition.pdf" if pdf_dir else None
    if not any(pdf_dir and (pdf_dir / f"{k}.pdf").is_file() for k in sources) and not (volume and volume.is_file()):
        messages.append(f"warning: no PDF in {pdf_dir or 'the output'}: PDF links are left out; build with --pdf")
        return set(), False
    extra = [Path(register.path)] if register is not None else []

    def current(pdf: Path, tei: list[Path]) -> bool:
        newer = [s for s in [*tei, *extra] if s.stat().st_mtime_ns > pdf.stat().st_mtime_ns]
        if newer:
            messages.append(f"warning: {pdf.name} is older than {newer[0].name}: not linked; build with --pdf")
        return not newer

    keys = set()
    for key, tei in sources.items():
        pdf = pdf_dir / f"{key}.pdf"
        if not pdf.is_file():
            messages.append(f"warning: {pdf.name} was not built: not linked; build with --pdf")
        elif current(pdf, tei):
            keys.add(key)
    whole = volume.is_file() and current(volume, [p for tei in sources.values() for p in tei])
    return keys, whole


def _copy_assets(out: Path, report: BuildReport) -> None:
    src = resources.xslt("html/assets")
    for f in sorted(src.iterdir()):
        if f.is_file():
            report.written.append(atomic_write(out / "assets" / f.name, f.read_bytes()))
    # browsers ask for /favicon.ico whatever the pages say
    report.written.append(atomic_write(out / "favicon.ico", (src / "favicon.ico").read_bytes()))


MANIFEST = ".teikit-files"


def _remove_stale(out: Path, written: list[Path]) -> None:
    """Remove what the last build into this folder wrote and this one did not (the page of a text no
    longer built would be published with the folder); files teikit did not write are never touched."""
    manifest = out / MANIFEST
    now = {p.relative_to(out).as_posix() for p in written if out in p.parents}
    try:
        before = set(manifest.read_text(encoding="utf-8").splitlines())
    except OSError:
        before = set()
    for rel in sorted(before - now):
        if rel and ".." not in Path(rel).parts:
            (out / rel).unlink(missing_ok=True)
    atomic_write(manifest, "".join(f"{rel}\n" for rel in sorted(now)))


def uses_edition_schema(texts: list[Text]) -> bool:
    """Do the texts point to the edition's schema (an xml-model naming edition.rng, .sch, .xsd or .odd)?
    Only then does the site ship that schema and its guidelines, as the texts' own."""
    for t in texts:
        node = t.doc.root.getprevious()
        while node is not None:
            if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model" and \
                    (node.get("href") or "").rsplit("/", 1)[-1] in _SCHEMA_FILES:
                return True
            node = node.getprevious()
    return False


_SCHEMA_FILES = {"edition.rng", "edition.sch", "edition.xsd", "edition.odd"}


def _copy_schema(out: Path, report: BuildReport) -> None:
    """The edition's schema beside the downloads: their xml-model instructions point at
    ../schema/, and other projects validate against it without teikit."""
    for f in sorted(resources.schema_dir().iterdir()):
        if f.suffix in {".odd", ".rng", ".sch", ".xsd"}:
            report.written.append(atomic_write(out / "schema" / f.name, f.read_bytes()))


def _docs() -> dict[str, str]:
    """The encoding guidelines and the lint rules, as pages of their own."""
    from .. import schema
    from ..lint.docs import rules_html
    return {"guidelines.html": schema.guidelines_html(), "lint-rules.html": rules_html()}


def write_docs(folder: Path, report: BuildReport) -> None:
    """The documentation pages on their own (the site sets them in its frame: site.xsl)."""
    for name, page in _docs().items():
        report.written.append(atomic_write(folder / name, page))


def index_search(records_xml: str, out: Path) -> int:
    """A Pagefind index with one record per paragraph, heading, note and register entry (no network)."""
    from .search import write_index
    records = parse_string(records_xml, path="<search records>").root
    return write_index([_search_record(r) for r in records], out / "pagefind")


# the register's kinds as the search page's filters name them
_ENTITY_FILTERS = {"persons": "person", "places": "place", "organisations": "organisation", "works": "work"}


def _search_record(r) -> dict:
    """A block's record, with the forms of the names it mentions that it does not print (search.py:
    with_name_forms)."""
    from .search import fold, ligature_words, with_name_forms, words_apart
    text, label = r.get("text") or "", r.get("label") or ""
    # a heading that repeats the text's title is not named twice
    title = text if label.casefold() in ("", text.casefold()) else f"{text}, {label}"
    content = r.text or ""
    meta = {"title": title, "text": text}
    if ligature_words(content):
        meta["ligatures"] = " ".join(ligature_words(content))
    entities = [{"kind": e.get("kind"), "name": e.get("name"),
                 "forms": [f.text or "" for f in e.iter(f"{{{TK}}}form")],
                 "printed": [p.text or "" for p in e.iter(f"{{{TK}}}printed")]} for e in r.iter(f"{{{TK}}}entity")]
    filters = {"text": [text]}
    if r.get("author") is not None:  # a register entry has no author to narrow by
        filters["author"] = [a for a in r.get("author").split("; ") if a] or ["unknown"]
    for e in entities:
        filters.setdefault(_ENTITY_FILTERS[e["kind"]], []).append(e["name"])
    record = {"url": r.get("url"), "content": words_apart(fold(content)), "meta": meta, "filters": filters}
    return with_name_forms(record, content, entities)
