"""`teikit validate`: RELAX NG, XML Schema and Schematron, with located, plain-worded diagnostics.

The three layers run independently on each document: RELAX NG with lxml,
XML Schema with xmlschema, and Schematron compiled to XSLT by our own
stylesheet and run on Saxon.  RELAX NG and XSD are generated from the same
ODD and must agree on every verdict; Schematron checks what a grammar cannot.
"""

from __future__ import annotations

import bisect
import copy
import hashlib
import json
import os
import random
import re
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

from . import __version__, jing, resources
from . import schema as schemas
from . import xslt
from .diagnostics import Diagnostic
from .errors import ConfigError, InputError, SchemaError
from .files import atomic_write, discover
from .parsing import TEI_NS, XI_NS, XML_NS, Document, check_tei_root, parse, parse_string
from .tree import replace_with

LAYERS = ("rng", "xsd", "sch")
LAYER_CODES = {"rng": "RNG", "xsd": "XSD", "sch": "SCH"}
INPUT_CODE = "XML"


@dataclass
class ValidationReport:
    diagnostics: list[Diagnostic]
    files: list[str]
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def input_errors(self) -> bool:
        return any(d.code == INPUT_CODE and d.severity == "error" for d in self.diagnostics)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


# ---------------------------------------------------------------- paths

def readable_path(el: etree._Element) -> str:
    """/TEI/text/body/div[2]/p[3]: local names, positions only where needed."""
    steps = []
    while el is not None and isinstance(el.tag, str):
        parent = el.getparent()
        name = etree.QName(el).localname
        if etree.QName(el).namespace not in (TEI_NS, None):
            prefix = el.prefix or "ns"
            name = f"{prefix}:{name}"
        if parent is not None:
            same = [c for c in parent if c.tag == el.tag]
            if len(same) > 1:
                name += f"[{same.index(el) + 1}]"
        steps.append(name)
        el = parent
    return "/" + "/".join(reversed(steps))


_STEP = re.compile(r"Q\{([^}]*)\}([^\[/]+)\[(\d+)\]|@(?:Q\{([^}]*)\})?([^/\[]+)|(text|comment|processing-instruction)\(\)(?:\[(\d+)\])?")


def resolve_path(root: etree._Element, path: str):
    """The lxml node for an XPath 3 fn:path() such as /Q{ns}TEI[1]/Q{ns}text[1]."""
    if path in ("", "/"):
        return root
    node = None
    for m in _STEP.finditer(path):
        if m.group(2):
            tag = f"{{{m.group(1)}}}{m.group(2)}" if m.group(1) else m.group(2)
            n = int(m.group(3))
            if node is None:
                node = root if root.tag == tag and n == 1 else None
            else:
                kids = [c for c in node if c.tag == tag]
                node = kids[n - 1] if len(kids) >= n else node
            if node is None:
                return root
        else:
            break  # attributes and text: report at the element
    return node if node is not None else root


# ---------------------------------------------------------------- messages

def _name(qname: str) -> str:
    return re.sub(r"\{" + re.escape(TEI_NS) + r"\}", "", qname)


_RNG_REWRITES = [
    (re.compile(r"Did not expect element (\S+) there"),
     lambda m: f"<{m[1]}> does not fit here: it is not allowed at this point, or its attributes or content are invalid"),
    (re.compile(r"Expecting element (\S+), got (\S+)"), lambda m: f"expected <{m[1]}> here, found <{m[2]}>"),
    (re.compile(r"Expecting an element (\S+), got nothing"), lambda m: f"a required <{m[1]}> is missing"),
    (re.compile(r"Expecting an element , got nothing"), lambda m: "a required child element is missing"),
    (re.compile(r"Element (\S+) has extra content: text"), lambda m: f"text is not allowed directly inside <{m[1]}>"),
    (re.compile(r"Element (\S+) has extra content: (\S+)"),
     lambda m: f"the content of <{m[1]}> does not match the schema from <{m[2]}> on"),
    (re.compile(r"Invalid attribute (\S+) for element (\S+)"), lambda m: f"<{m[2]}> does not allow the attribute @{m[1]}"),
    (re.compile(r"Element (\S+) failed to validate attributes"), lambda m: f"<{m[1]}> has a missing or invalid attribute"),
    (re.compile(r"Element (\S+) failed to validate content"), lambda m: f"the content of <{m[1]}> is not valid"),
    (re.compile(r"Type (\S+) doesn't allow value '(.*)'"), lambda m: f"'{m[2]}' is not a valid {m[1]}"),
    (re.compile(r"Value '(.*)' doesn't match|Error validating value"), lambda m: "an attribute value is not valid"),
    (re.compile(r"Extra element (\S+) in interleave"), lambda m: f"<{m[1]}> is not allowed here"),
    (re.compile(r"Expecting a namespace for element (\S+)"), lambda m: f"<{m[1]}> is in no namespace; TEI elements are in {TEI_NS}"),
    (re.compile(r"Element (\S+), (\S+) not allowed|Element (\S+) not allowed"), lambda m: "element not allowed here"),
]


def rng_message(text: str) -> str:
    text = text.strip()
    for pattern, repl in _RNG_REWRITES:
        m = pattern.search(text)
        if m:
            return repl(m)
    return text


def xsd_message(reason: str, el: etree._Element | None = None) -> str:
    reason = _name(reason or "").strip().replace("{http://www.w3.org/XML/1998/namespace}", "xml:")
    tag = f"<{etree.QName(el).localname}>" if el is not None else "this element"
    m = re.match(r"'([^']+)' attribute not allowed for element", reason)
    if m:
        return f"the attribute @{m[1]} is not allowed on {tag}"
    m = re.match(r"attribute (\S+)='(.*)': duplicated xs:ID value", reason)
    if m:
        return f"duplicate {m[1]} '{m[2]}'"
    if reason.startswith("character data is not allowed because content is empty"):
        return f"{tag} must be empty"
    if reason.startswith("character data between child elements not allowed"):
        return f"text is not allowed directly inside {tag}"
    m = re.match(r"attribute xml:lang='(.*)': (?:value must be one of|value doesn't match any pattern)", reason)
    if m:
        return f"xml:lang '{m[1]}' is not a language tag (en, fr, de-AT, ru-Latn)"
    m = re.match(r"attribute (\S+)='(.*)': value doesn't match any pattern", reason)
    if m:
        return f"'{m[2]}' is not a valid value of @{m[1]} (not of the form its type requires)"
    m = re.match(r"attribute (\S+)='(.*)': invalid value", reason)
    if m:
        return f"'{m[2]}' is not a valid value of @{m[1]}"
    m = re.match(r"Unexpected child with tag '([^']+)' at position (\d+)\.?(.*)", reason)
    if m:
        msg = f"<{m[1]}> is not allowed here"
        if "Tag" in m[3]:
            msg += "; " + re.sub(r"Tag \(?'?([^)']+)'?\)? expected", r"expected <\1>", m[3].strip()).rstrip(".")
        return msg
    m = re.match(r"The content of element '([^']+)' is not complete\.?(.*)", reason)
    if m:
        exp = re.findall(r"'([^']+)'", m[2])
        return f"<{m[1]}> is incomplete" + (f": expected {', '.join('<' + e + '>' for e in exp)}" if exp else "")
    m = re.match(r"missing required attribute '([^']+)'", reason)
    if m:
        return f"the attribute @{m[1]} is required"
    return reason.rstrip(".")


# ---------------------------------------------------------------- validators

class Validator:
    """Compiled schemas for one run; each layer is loaded on first use."""

    def __init__(self, schema: str | Path | None = None, layers: Sequence[str] | None = None):
        """``layers``: those of the edition schema to run (default all); with another ``schema``, that
        schema is its one layer (a .rng is RNG, …), and asking for another is an error, not ignored."""
        self.custom = Path(schema) if schema else None
        if self.custom is not None:
            kind = {".rng": "rng", ".xsd": "xsd", ".sch": "sch"}.get(self.custom.suffix.lower())
            if kind is None:
                raise SchemaError("a schema must be a .rng, .xsd or .sch file", path=self.custom)
            if not self.custom.exists():
                raise SchemaError("no such schema file", path=self.custom)
            other = [layer for layer in (layers or ()) if layer != kind]
            if other:
                raise ConfigError(
                    f"the layer {', '.join(other)} cannot be run with the schema {self.custom.name}, which is "
                    f"validated as the {LAYER_CODES[kind]} layer alone",
                    hint="with another schema teikit runs that one schema (.rng as RNG, .xsd as XSD, .sch as "
                         "SCH); Schematron embedded in a RELAX NG schema, such as tei_all.rng's, is not run "
                         "(jing does not run it either). Leave out --layer, or give the .sch with --schema")
            self.paths = {kind: self.custom}
            self.layers = (kind,)
        else:
            default = schemas.EditionSchema.default()
            self.paths = {"rng": default.rng, "xsd": default.xsd, "sch": default.sch}
            self.layers = tuple(layer for layer in LAYERS if layers is None or layer in layers)
        self._loaded: dict[str, object] = {}
        self.timings: dict[str, float] = {layer: 0.0 for layer in self.layers}

    def _get(self, layer: str):
        if layer not in self._loaded:
            t = time.perf_counter()
            path = self.paths[layer]
            if layer == "rng":
                self._loaded[layer] = schemas.load_rng(path)
            elif layer == "xsd":
                self._loaded[layer] = schemas.load_xsd(path)
            else:
                self._loaded[layer] = schemas.compile_schematron(path)
            self.timings[layer] += time.perf_counter() - t
        return self._loaded[layer]

    def validate_document(self, doc: Document) -> list[Diagnostic]:
        line, column = doc.doctype_position
        diags = [Diagnostic(doc.path, line, column, "XML", w, severity="warning") for w in doc.warnings]
        tree, notes = self._without_xinclude(doc)
        diags += notes
        for layer in self.layers:
            t = time.perf_counter()
            validator = self._get(layer)
            diags += getattr(self, f"_{layer}")(validator, doc, tree)
            self.timings[layer] += time.perf_counter() - t
        return diags

    def _without_xinclude(self, doc: Document) -> tuple[etree._ElementTree, list[Diagnostic]]:
        """XInclude is never processed: fallbacks stand in, unresolved includes are reported."""
        includes = doc.root.findall(f".//{{{XI_NS}}}include")
        if not includes:
            return doc.tree, []
        notes = []
        for inc in includes:
            line, col = doc.locate(inc)
            fallback = inc.find(f"{{{XI_NS}}}fallback")
            what = "its xi:fallback is validated in its place" if fallback is not None else \
                "it is left out of validation"
            notes.append(Diagnostic(doc.path, line, col, "XINCLUDE",
                                    f"xi:include of {inc.get('href')!r} is not resolved (teikit never loads "
                                    f"other files); {what}", severity="warning", xpath=readable_path(inc)))
        tree = copy.deepcopy(doc.tree)
        for inc in tree.getroot().findall(f".//{{{XI_NS}}}include"):
            fallback = inc.find(f"{{{XI_NS}}}fallback")
            replace_with(inc, list(fallback) if fallback is not None else [],
                          fallback.text if fallback is not None else None)
        return tree, notes

    def _rng(self, rng, doc: Document, tree) -> list[Diagnostic]:
        if rng.validate(tree):
            return []
        precise = self._jing(doc, tree)
        if precise is not None:
            return precise
        found = [(_rng_element(tree, e), e.message, e.line) for e in rng.error_log]
        # libxml2 stops at the first failure of a content model and then reports
        # its backtracking on the ancestors and their earlier children: the first
        # entry is the real one, and entries for its ancestors, or for what
        # precedes them, are echoes of it.
        kept: list[tuple] = []
        for el, msg, line in found:
            if el is not None and any(_is_echo(el, k[0]) for k in kept):
                continue
            kept.append((el, msg, line))
        out = []
        for el, msg, line in kept:
            l, c = _locate(doc, tree, el) if el is not None else (line, 0)
            path = readable_path(el) if el is not None else None
            out.append(Diagnostic(doc.path, l or line, c, "RNG", _rng_text(msg, el, doc), xpath=path))
        return _dedupe(out)

    def _jing(self, doc: Document, tree) -> list[Diagnostic] | None:
        """jing's messages for an invalid document, where jing reads it as teikit does (see teikit.jing)."""
        info = doc.tree.docinfo
        if tree is not doc.tree or info.doctype or info.internalDTD is not None or not Path(doc.path).is_file():
            return None
        findings = jing.explain(self.paths["rng"], doc.path)
        if findings is None:
            return None
        out = []
        for f in findings:
            el = _element_at(doc, f.line, f.column)
            line, col = doc.locate(el) if el is not None else (f.line, f.column)
            out.append(Diagnostic(doc.path, line, col, "RNG", f.message,
                                  xpath=readable_path(el) if el is not None else None))
        return _dedupe(out)

    def _xsd(self, xsd, doc: Document, tree) -> list[Diagnostic]:
        out = []
        for err in xsd.iter_errors(tree):
            el = err.elem if isinstance(getattr(err, "elem", None), etree._Element) else None
            m = re.match(r"Unexpected child with tag '[^']+' at position (\d+)", err.reason or "")
            if el is not None and m:  # point at the child, not at its parent
                kids = [c for c in el if isinstance(c.tag, str)]
                if len(kids) >= int(m[1]):
                    el = kids[int(m[1]) - 1]
            if el is not None:
                line, col = _locate(doc, tree, el)
                path = readable_path(el)
            else:
                line, col, path = (getattr(el, "sourceline", 0) or 0), 0, err.path
            out.append(Diagnostic(doc.path, line, col, "XSD", xsd_message(err.reason or str(err), el), xpath=path))
        return _dedupe(out)

    def _sch(self, sch, doc: Document, tree) -> list[Diagnostic]:
        result = xslt.transform(sch, tree)
        report = parse_string(result.text, path="<schematron report>").root
        out = []
        for failed in report:
            el = resolve_path(tree.getroot(), failed.get("path", ""))
            line, col = _locate(doc, tree, el)
            severity = {"warning": "warning", "info": "info"}.get(failed.get("role", "error"), "error")
            msg = " ".join((failed.text or "").split())
            rule = failed.get("id")
            out.append(Diagnostic(doc.path, line, col, "SCH", f"{msg} [{rule}]" if rule else msg,
                                  severity=severity, xpath=readable_path(el)))
        return out


def _rng_element(tree, entry) -> etree._Element | None:
    """The element an RNG error is about (libxml2 names the parent for unexpected children)."""
    el = None
    if entry.path:
        try:
            hits = tree.xpath(entry.path)
            el = hits[0] if hits and isinstance(hits[0], etree._Element) else None
        except etree.XPathError:
            el = None
    m = re.search(r"Did not expect element (\S+) there", entry.message)
    if el is not None and m and etree.QName(el).localname != m[1]:
        kids = [c for c in el if isinstance(c.tag, str) and etree.QName(c).localname == m[1]]
        on_line = [c for c in kids if c.sourceline == entry.line]
        el = (on_line or kids or [el])[0]
    return el


def _locate(doc: Document, tree, el: etree._Element) -> tuple[int, int]:
    """Line and column of an element of the validated tree: the document's own, or a copy of it
    with XIncludes replaced, whose elements are found again in the document by their path."""
    if tree is not doc.tree:
        hits = doc.tree.xpath(tree.getpath(el))
        original = hits[0] if len(hits) == 1 and isinstance(hits[0], etree._Element) else None
        if original is None or original.tag != el.tag or original.sourceline != el.sourceline:
            return (el.sourceline or 0, 0)
        el = original
    return doc.locate(el)


def _element_at(doc: Document, line: int, column: int) -> etree._Element | None:
    """The element whose start tag ends at a position jing reports (or the last one begun before it)."""
    positions, elements = doc.starts
    # the last element begun before the first that starts after the position (start tags stand in
    # document order, so the positions are sorted)
    i = bisect.bisect_right(positions, (line, column))
    return elements[i - 1] if i else None


def _is_echo(el: etree._Element, first: etree._Element | None) -> bool:
    if first is None:
        return False
    if el is first or el in first.iterancestors():
        return True
    for anc in [first, *first.iterancestors()]:
        parent = anc.getparent()
        if parent is not None and el.getparent() is parent and parent.index(el) < parent.index(anc):
            return True
    return False


def _rng_text(msg: str, el: etree._Element | None, doc: Document) -> str:
    m = re.search(r"Invalid attribute id for element", msg)
    if m and el is not None:
        value = el.get("{http://www.w3.org/XML/1998/namespace}id")
        first = [e for e in doc.root.iter() if isinstance(e.tag, str)
                 and e.get("{http://www.w3.org/XML/1998/namespace}id") == value and e is not el]
        if first:
            return f"duplicate xml:id '{value}' (also on line {first[0].sourceline})"
    if el is not None and el.getparent() is None and "Did not expect element" in msg:
        return f"<{etree.QName(el).localname}> is not a root element this schema allows"
    m = re.search(r"Invalid attribute (\S+) for element (\S+)", msg)
    if m and el is not None:
        # libxml2 says this both of an attribute the element does not take and of a bad value
        found = next(((k, v) for k, v in el.attrib.items() if etree.QName(k).localname == m[1]), None)
        if found is not None:
            # libxml2 gives the local name; xml:id is what the encoder wrote
            name = f"xml:{m[1]}" if etree.QName(found[0]).namespace == XML_NS else m[1]
            return (f"<{m[2]}> {name}=\"{found[1]}\" is not valid: the value is not allowed, or <{m[2]}> "
                    f"does not take @{name}")
    return rng_message(msg)


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for d in diags:
        key = (d.line, d.column, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


# ---------------------------------------------------------------- runs

_worker: Validator | None = None


_preloaded: "Validator | None" = None


def _worker_init(schema, layers):
    global _worker
    _worker = _preloaded if _preloaded is not None else Validator(schema, layers)


def _validate_one(path: str, validator: Validator | None = None) -> tuple[list[Diagnostic], dict[str, float]]:
    v = validator or _worker
    try:
        doc = parse(path, require_tei=False)
        # a project's own schema may allow another TEI element as root (a <surface>, an <ab> fragment)
        if v.custom is None or etree.QName(doc.root).namespace != TEI_NS:
            check_tei_root(doc)
    except InputError as exc:
        return [Diagnostic(exc.path or path, exc.line or 0, exc.column or 0, INPUT_CODE,
                           exc.message + (f"\n{exc.context}" if exc.context else "")
                           + (f"\n  hint: {exc.hint}" if exc.hint else ""))], {}
    key = _result_key(v, doc.data)
    cached = _cached_result(key, path)
    if cached is not None:
        return cached, {}
    before = dict(v.timings)
    diags = v.validate_document(doc)
    _store_result(key, diags)
    return diags, {k: v.timings[k] - before.get(k, 0.0) for k in v.timings}


# ---------------------------------------------------------------- result cache
# The verdict on a document depends only on its bytes, the schemas and this code: an unchanged file
# is not validated again (as ruff and mypy do).  TEIKIT_NO_CACHE=1 turns the cache off.

def _result_key(v: Validator, data: bytes) -> str | None:
    if os.environ.get("TEIKIT_NO_CACHE") or b"http://www.w3.org/2001/XInclude" in data:
        return None  # included files are read at validation time: their changes would not show in the key
    if not hasattr(v, "_fingerprint"):
        h = hashlib.sha256(__version__.encode())
        here = Path(__file__).parent
        for f in [Path(__file__), here / "schema.py", here / "xsd.py", here / "parsing.py", here / "jing.py",
                  resources.xslt("schematron/compile.xsl")]:
            h.update(f.read_bytes())
        for layer in v.layers:  # each schema with the files it includes
            h.update(schemas.files_digest(schemas.schema_files(v.paths[layer])))
        h.update(",".join(v.layers).encode())
        h.update(b"jing" if jing.available() else b"")  # the RNG messages come from jing when it is there
        v._fingerprint = h.digest()
    return hashlib.sha256(v._fingerprint + data).hexdigest()


def _cached_result(key: str | None, path: str) -> list[Diagnostic] | None:
    if key is None:
        return None
    try:
        data = json.loads((schemas._cache_dir() / "validation" / f"{key}.json").read_text(encoding="utf-8"))
        return [Diagnostic(path, d["line"], d["column"], d["code"], d["message"], d.get("severity", "error"),
                           d.get("xpath")) for d in data]
    except (OSError, ValueError, KeyError):
        return None


def _store_result(key: str | None, diags: list[Diagnostic]) -> None:
    if key is None:
        return
    data = [{"line": d.line, "column": d.column, "code": d.code, "message": d.message, "severity": d.severity,
             "xpath": d.xpath} for d in diags]
    try:
        folder = schemas._cache_dir() / "validation"
        atomic_write(folder / f"{key}.json", json.dumps(data))
        if random.random() < 0.02:  # now and then, not on every write: keep the cache bounded
            schemas.prune(folder, "*.json", keep=2000)
    except OSError:
        pass


def validate(paths: Iterable[str | Path], *, schema: str | Path | None = None,
             layers: Sequence[str] | None = None, jobs: int | None = None) -> ValidationReport:
    """Validate files and directories; return every problem found.

    Raises :class:`TeikitError` only for unusable arguments (no such path,
    unreadable schema); problems in documents are diagnostics.
    """
    start = time.perf_counter()
    files = [str(p) for p in discover(paths)]
    checked = Validator(schema, layers)  # a bad schema or layer is an error here, not in each worker
    diags: list[Diagnostic] = []
    timings: dict[str, float] = {}
    workers = jobs if jobs is not None else _default_jobs(files)
    if workers > 1 and len(files) > 1:
        import multiprocessing
        global _preloaded
        _preloaded = None
        if schema is not None and Path(schema).suffix.lower() in (".rng", ".xsd"):
            # another project's schema (tei_all takes seconds to compile) is compiled once, here, and the
            # workers fork with it; Schematron runs in Saxon, which is not carried across a fork
            _preloaded = checked
            _preloaded._get(_preloaded.layers[0])
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                 initializer=_worker_init, initargs=(schema, layers)) as pool:
            # the largest files first, so that no worker is left with a big one at the end
            order = sorted(files, key=lambda f: -os.path.getsize(f) if os.path.exists(f) else 0)
            for d, t in pool.map(_validate_one, order, chunksize=1):
                diags += d
                for k, v in t.items():
                    timings[k] = timings.get(k, 0.0) + v
        if _preloaded is not None:
            timings.update({k: timings.get(k, 0.0) + v for k, v in _preloaded.timings.items()})
            _preloaded = None
    else:
        validator = checked
        for f in files:
            d, _ = _validate_one(f, validator)
            diags += d
        timings = dict(validator.timings)
    return ValidationReport(sorted(diags, key=Diagnostic.sort_key), files,
                            time.perf_counter() - start, timings)


def _default_jobs(files: Sequence[str]) -> int:
    """Parallel only when there is enough work to pay for starting workers."""
    if len(files) < 2:
        return 1
    size = sum(os.path.getsize(f) for f in files if os.path.exists(f))
    if size < 400_000 and len(files) < 12:
        return 1
    return min(len(files), os.cpu_count() or 1)
