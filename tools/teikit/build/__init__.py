"""`teikit build`: the web edition (HTML) and the print edition (LaTeX, PDF)."""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from ..errors import InputError
from ..files import discover
from ..parsing import NS, XI_NS, Document, parse
from ..tree import replace_with


@dataclass
class Text:
    """One document of the edition, as the builders see it."""

    key: str
    doc: Document

    @property
    def path(self) -> Path:
        return Path(self.doc.path)


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


# Latin letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"})


def slug(text: str) -> str:
    """A safe file name: ASCII letters, digits and hyphens only; accented letters keep their base
    letter (Übersetzung → ubersetzung), so that a name does not lose its letters."""
    base = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LETTERS)) if not unicodedata.combining(c))
    s = re.sub(r"[^A-Za-z0-9]+", "-", base).strip("-").lower()
    return s or "text"


def collect(paths: Iterable[str | Path], messages: list[str] | None = None,
            register_path: str | Path | None = None) -> tuple[list[Text], Document | None]:
    """The texts to build and the register (which is not a text).

    The register is the one asked for, else the file among the inputs that the texts point into (as lint
    and enrich find it: by prefixDef or pointer, whatever its name), else a register.xml among them.
    A text's key (its page and PDF name) comes from its own xml:id, else its file name, so that its
    address does not depend on what else is built; two texts that would share one are told apart by
    the file name, and only as a last resort by a number, with a warning in ``messages``."""
    docs = [parse(f) for f in discover(paths)]
    register = _register(docs, register_path, messages)
    texts = []
    keys: dict[str, Path] = {}
    for doc in docs:
        if doc is register:
            continue
        f = Path(doc.path)
        xml_id = doc.root.get("{http://www.w3.org/XML/1998/namespace}id")
        choices = [slug(c) for c in (xml_id, f.stem) if c and slug(c) != "text"] or ["text"]
        key = next((c for c in choices if c not in keys), None)
        if key is None:
            base, n = choices[-1], 2
            while f"{base}-{n}" in keys:
                n += 1
            key = f"{base}-{n}"
        if key != choices[0] and messages is not None:
            messages.append(f"warning: {f}: published as '{key}', since '{choices[0]}' is taken by "
                            f"{keys[choices[0]]}; give each text its own xml:id for a lasting address")
        keys[key] = f
        texts.append(Text(key, doc))
    if not texts:
        raise InputError("no TEI text to build", hint="give the files or folders of the edition (default: tei/)")
    return texts, register


def _register(docs: list[Document], asked: str | Path | None, messages: list[str] | None) -> Document | None:
    """The register among the inputs (or the one asked for, wherever it is)."""
    from collections import Counter

    from ..register import register_path_for
    by_path = {Path(d.path).resolve(): d for d in docs}
    if asked is not None:
        where = Path(asked).resolve()
        if not where.is_file():
            raise InputError("no such register", path=str(asked))
        return by_path.get(where) or parse(where)
    named = Counter()
    for d in docs:
        p = register_path_for(d)
        if p is not None and p.resolve() in by_path and p.resolve() != Path(d.path).resolve():
            named[p.resolve()] += 1
    if named:
        (chosen, _), *others = named.most_common()
        if others and messages is not None:
            messages.append(f"warning: the texts point into several registers; {chosen.name} is used, not "
                            f"{', '.join(p.name for p, _ in others)} (give one with --register)")
        return by_path[chosen]
    return next((d for d in docs if Path(d.path).name == "register.xml" and (
        d.root.get("{http://www.w3.org/XML/1998/namespace}id") == "register"
        or d.root.find(".//tei:text//tei:listPerson", NS) is not None)), None)


TK = "urn:teikit"


def edition_document(texts: list[Text], pdf_keys: set[str]) -> etree._Element:
    """The tk:edition wrapper holding every text, for the web and print stylesheets."""
    root = etree.Element(f"{{{TK}}}edition", nsmap={"tk": TK})
    for t in texts:
        holder = etree.SubElement(root, f"{{{TK}}}text", key=t.key, file=t.path.name,
                                  pdf="true" if t.key in pdf_keys else "false")
        text = copy.deepcopy(t.doc.root)
        _fallbacks_stand_in(text)
        holder.append(text)
    return root


def _fallbacks_stand_in(root: etree._Element) -> None:
    """XInclude is never processed (teikit loads no other file): an include's xi:fallback is printed
    in its place, as it is validated there; an include without one is left out."""
    for inc in root.findall(f".//{{{XI_NS}}}include"):
        fallback = inc.find(f"{{{XI_NS}}}fallback")
        replace_with(inc, list(fallback) if fallback is not None else [],
                     fallback.text if fallback is not None else None)


def run(paths, out: Path, *, html: bool = True, pdf: bool = True, search: bool = True,
        settings: dict | None = None, register_path: str | Path | None = None) -> BuildReport:
    """Build what is asked into ``out`` (html/, latex/, pdf/)."""
    import time
    settings = settings or {}
    report = BuildReport()
    t = time.perf_counter()
    texts, register = collect(paths, report.messages, register_path)
    report.timings["collect"] = time.perf_counter() - t
    if pdf:
        from .pdf import build_pdf
        build_pdf(texts, register, out, settings=settings, report=report)
    if html:
        from .html import build_html
        options = {"title": settings.get("title", "TEI edition"), "editors": settings.get("editors", ""),
                   "base-url": _folder_url(settings.get("base-url", ""))}
        build_html(texts, register, out / "html", options=options, pdf_dir=out / "pdf", report=report,
                   search=search)
        from .html import write_docs
        write_docs(out / "docs", report)  # the encoding guidelines and the lint rules, beside the site too
    return report


def _folder_url(url: str) -> str:
    """The site's public address as a folder, so that "texts/x.html" can follow it."""
    return url if not url or url.endswith("/") else url + "/"
