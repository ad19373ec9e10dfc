"""The edition's schema: one ODD compiled into RELAX NG, XSD, Schematron and guidelines.

The compilers are teikit's own stylesheets in ``xslt/odd/``; the generated
files are committed so that people without teikit can validate, and
:func:`stale` says when they no longer match the ODD.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

from . import resources, xslt
from .errors import SchemaError, TeikitError, TransformError
from .files import atomic_write
from .parsing import parse

ODD = "edition.odd"
ARTIFACTS = {
    "edition.rng": "odd/odd2rng.xsl",
    "edition.xsd": "odd/odd2xsd.xsl",
    "edition.sch": "odd/odd2sch.xsl",
}
GUIDELINES_XSL = "odd/odd2html.xsl"
# Stylesheets generated from the ODD (its processing model), kept with the other XSLT.
GENERATED_XSLT = {"common/behaviours-odd.xsl": "odd/odd2behaviours.xsl"}


def odd_path() -> Path:
    return resources.schema(ODD)


def _targets() -> dict[Path, str]:
    """Each generated file and the compiler that makes it."""
    out = {resources.schema(name): xsl for name, xsl in ARTIFACTS.items()}
    out.update({resources.xslt(name): xsl for name, xsl in GENERATED_XSLT.items()})
    return out


def generate() -> dict[Path, str]:
    """The text each generated file should have, compiled from the ODD now."""
    odd = parse(odd_path())
    return {path: xslt.transform(resources.xslt(xsl), odd).text for path, xsl in _targets().items()}


def write(out_dir: str | Path | None = None) -> list[Path]:
    """Regenerate the committed schema files and generated stylesheets (``make schema``)."""
    written = []
    for path, text in generate().items():
        target = Path(out_dir) / path.name if out_dir else path
        written.append(atomic_write(target, text))
    return written


def stale() -> list[str]:
    """Generated files that differ from what the ODD compiles to."""
    return [path.name for path, text in generate().items()
            if not (path.exists() and path.read_text(encoding="utf-8") == text)]


def guidelines_html() -> str:
    """The encoding guidelines for editors, rendered from the ODD."""
    return xslt.transform(resources.xslt(GUIDELINES_XSL), parse(odd_path())).text


# ---------------------------------------------------------------- loading

def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "teikit"


# Where a schema names the other files it is made of: RELAX NG, XML Schema and Schematron.
_PARTS = ("//rng:include/@href | //rng:externalRef/@href"
          " | //xs:include/@schemaLocation | //xs:import/@schemaLocation"
          " | //xs:redefine/@schemaLocation | //xs:override/@schemaLocation"
          " | //sch:include/@href | //sch:extends/@href")


def schema_files(path: str | Path) -> list[Path]:
    """The schema file and every local file it includes, transitively (for cache keys).

    A verdict or a compiled schema depends on all of them: a change to an included
    grammar must bring a new verdict.  Remote locations are left out (they are never read).
    """
    from lxml import etree

    expr = etree.XPath(_PARTS, namespaces={"rng": "http://relaxng.org/ns/structure/1.0",
                                           "xs": "http://www.w3.org/2001/XMLSchema",
                                           "sch": "http://purl.oclc.org/dsdl/schematron"})
    seen: dict[Path, None] = {}
    todo = [Path(path).resolve()]
    while todo:
        here = todo.pop()
        if here in seen or not here.is_file():
            continue
        seen[here] = None
        try:
            tree = parse(here, require_tei=False).tree
        except TeikitError:
            continue  # the schema's own loader reports it
        for ref in expr(tree):
            ref = ref.split("#")[0]
            if ref and "://" not in ref:
                todo.append((here.parent / ref).resolve())
    return list(seen)


def files_digest(paths) -> bytes:
    """One digest of the bytes of the given files, in order."""
    h = hashlib.sha256()
    for f in paths:
        h.update(str(f).encode() + b"\0" + Path(f).read_bytes())
    return h.digest()


def load_xsd(path: str | Path):
    """Build an XML Schema with xmlschema, through a pickle cache keyed by content.

    Building the schema takes over a second; unpickling it takes a tenth.
    """
    import xmlschema

    from .xsd import Schema

    path = Path(path)
    data = files_digest(schema_files(path))  # the schema and what it includes
    code = Path(__file__).with_name("xsd.py").read_bytes()  # the pickle holds its classes
    key = hashlib.sha256(data + code + xmlschema.__version__.encode()).hexdigest()[:24]
    cached = _cache_dir() / f"xsd-{key}.pickle"
    if cached.exists():
        try:
            with cached.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # a damaged or incompatible cache is rebuilt
            pass
    try:
        schema = Schema(str(path), allow="local")
    except xmlschema.XMLSchemaException as exc:
        raise SchemaError(f"cannot build the XML Schema: {exc}", path=path) from None
    try:
        atomic_write(cached, pickle.dumps(schema))
        prune(_cache_dir(), "xsd-*.pickle", keep=6)
    except OSError:
        pass
    return schema


def prune(folder: Path, pattern: str, *, keep: int) -> None:
    """Delete all but the `keep` most recently written files matching pattern (a bounded cache)."""
    files = sorted(folder.glob(pattern), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def load_rng(path: str | Path):
    from lxml import etree
    try:
        return etree.RelaxNG(parse(path, require_tei=False).tree)
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"cannot compile the RELAX NG schema: {exc}", path=path) from None


def compile_schematron(path: str | Path):
    """Compile a Schematron schema to XSLT (our own compiler) and that XSLT with Saxon."""
    sch = parse(path, require_tei=False)
    if sch.root.tag != "{http://purl.oclc.org/dsdl/schematron}schema":
        line, col = sch.locate(sch.root)
        raise SchemaError(f"not a Schematron schema: the root is <{sch.root.tag}>", path=path, line=line, column=col,
                          hint="an ISO Schematron schema has the root <schema "
                               "xmlns=\"http://purl.oclc.org/dsdl/schematron\">")
    try:
        text = xslt.transform(resources.xslt("schematron/compile.xsl"), sch).text
        return xslt.compile_stylesheet(text=text)
    except TransformError as exc:
        # Saxon names a place in the XSLT we generated; the test or context it quotes is the schema's
        detail = re.sub(r"\s*on line \d+ column \d+ of \S*", "", exc.message.removeprefix("cannot compile the stylesheet: "))
        detail = re.sub(r"in xsl:\S+/@(\w+)", r"in a @\1", detail)
        raise SchemaError(f"cannot compile the Schematron schema: {' '.join(detail.split())}", path=path,
                          hint="check the XPath in the rule or assertion quoted above") from None


@dataclass
class EditionSchema:
    rng: Path
    xsd: Path
    sch: Path

    @classmethod
    def default(cls) -> "EditionSchema":
        return cls(resources.schema("edition.rng"), resources.schema("edition.xsd"),
                   resources.schema("edition.sch"))
