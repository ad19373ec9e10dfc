"""The edition's schema: one ODD compiled into RELAX NG, XSD, Schematron and guidelines.

The compilers are teikit's own stylesheets in ``xslt/odd/``; the generated
files are committed so that people without teikit can validate, and
:func:`stale` says when they no longer match the ODD.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from . import resources, xslt
from .errors import SchemaError
from .files import atomic_write
from .parsing import parse

ODD = "edition.odd"
ARTIFACTS = {
    "edition.rng": "odd/odd2rng.xsl",
    "edition.xsd": "odd/odd2xsd.xsl",
    "edition.sch": "odd/odd2sch.xsl",
}
GUIDELINES_XSL = "odd/odd2html.xsl"


def odd_path() -> Path:
    return resources.schema(ODD)


def _compile(target: str) -> str:
    odd = parse(odd_path())
    return xslt.transform(resources.xslt(ARTIFACTS[target]), odd).text


def generate() -> dict[str, str]:
    """The text each schema file should have, compiled from the ODD now."""
    return {name: _compile(name) for name in ARTIFACTS}


def write(out_dir: str | Path | None = None) -> list[Path]:
    """Regenerate the committed schema files (``make schema``)."""
    out = Path(out_dir) if out_dir else resources.schema_dir()
    return [atomic_write(out / name, text) for name, text in generate().items()]


def stale() -> list[str]:
    """Names of committed schema files that differ from what the ODD compiles to."""
    fresh = generate()
    return [name for name, text in fresh.items()
            if not (resources.schema(name).exists()
                    and resources.schema(name).read_text(encoding="utf-8") == text)]


def guidelines_html() -> str:
    """The encoding guidelines for editors, rendered from the ODD."""
    return xslt.transform(resources.xslt(GUIDELINES_XSL), parse(odd_path())).text


# ---------------------------------------------------------------- loading

def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "teikit"


def load_xsd(path: str | Path):
    """Build an XML Schema with xmlschema, through a pickle cache keyed by content.

    Building the schema takes over a second; unpickling it takes a tenth.
    """
    import xmlschema

    path = Path(path)
    data = path.read_bytes()
    key = hashlib.sha256(data + xmlschema.__version__.encode()).hexdigest()[:24]
    cached = _cache_dir() / f"xsd-{key}.pickle"
    if cached.exists():
        try:
            with cached.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # a damaged or incompatible cache is rebuilt
            pass
    try:
        schema = xmlschema.XMLSchema(str(path), allow="local")
    except xmlschema.XMLSchemaException as exc:
        raise SchemaError(f"cannot build the XML Schema: {exc}", path=path) from None
    try:
        atomic_write(cached, pickle.dumps(schema))
    except OSError:
        pass
    return schema


def load_rng(path: str | Path):
    from lxml import etree
    try:
        return etree.RelaxNG(parse(path, require_tei=False).tree)
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"cannot compile the RELAX NG schema: {exc}", path=path) from None


def compile_schematron(path: str | Path):
    """Compile a Schematron schema to XSLT (our own compiler) and that XSLT with Saxon."""
    sch = parse(path, require_tei=False)
    text = xslt.transform(resources.xslt("schematron/compile.xsl"), sch).text
    return xslt.compile_stylesheet(text=text)


@dataclass
class EditionSchema:
    rng: Path
    xsd: Path
    sch: Path

    @classmethod
    def default(cls) -> "EditionSchema":
        return cls(resources.schema("edition.rng"), resources.schema("edition.xsd"),
                   resources.schema("edition.sch"))
