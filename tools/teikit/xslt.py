"""The one module that talks to Saxon.

It owns the processor, compiles each stylesheet once per process, turns
Python values into typed XDM values, hands documents over as trees parsed by
:mod:`teikit.parsing` (so Saxon never reads a file with a DTD or entities),
and turns Saxon's errors into :class:`TransformError`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from lxml import etree

from .errors import TransformError
from .parsing import Document

_lock = threading.RLock()
_processor = None
_compiled: dict[tuple[str, float], Any] = {}


def processor():
    global _processor
    with _lock:
        if _processor is None:
            from saxonche import PySaxonProcessor
            _processor = PySaxonProcessor(license=False)
            # Saxon must not fetch DTDs for anything it parses.
            _processor.set_configuration_property(
                "http://saxon.sf.net/feature/parserFeature?uri="
                "http%3A//apache.org/xml/features/nonvalidating/load-external-dtd", "false")
        return _processor


def _saxon_error(exc: Exception, path: Path | str) -> TransformError:
    text = str(exc).strip()
    return TransformError(f"XSLT failed: {text}", path=str(path))


def compile_stylesheet(path: str | Path | None = None, *, text: str | None = None):
    """Compile a stylesheet once per process (recompiled if the file changed).

    ``text`` compiles a generated stylesheet (the Schematron rules) instead
    of a file; it is cached by its content.
    """
    if text is not None:
        key = ("<text>", hash(text))
    else:
        path = Path(path).resolve()
        key = (str(path), path.stat().st_mtime)
    with _lock:
        exe = _compiled.get(key)
        if exe is None:
            proc = processor()
            xp = proc.new_xslt30_processor()
            try:
                if text is not None:
                    exe = xp.compile_stylesheet(stylesheet_text=text)
                else:
                    exe = xp.compile_stylesheet(stylesheet_file=str(path))
            except Exception as exc:  # saxonche raises PySaxonApiError
                raise TransformError(f"cannot compile the stylesheet: {exc}", path=str(path)) from None
            if exe is None:
                raise TransformError("cannot compile the stylesheet", path=str(path))
            _compiled[key] = exe
        return exe


def node(source: Document | etree._Element | etree._ElementTree | str | bytes, *, base_uri: str | None = None):
    """An XDM document node from a parsed document (or XML text)."""
    if isinstance(source, Document):
        data = etree.tostring(source.root, encoding="unicode")
        base_uri = base_uri or Path(source.path).resolve().as_uri()
    elif isinstance(source, (etree._Element, etree._ElementTree)):
        root = source.getroot() if isinstance(source, etree._ElementTree) else source
        data = etree.tostring(root, encoding="unicode")
    elif isinstance(source, bytes):
        data = source.decode("utf-8")
    else:
        data = source
    proc = processor()
    with _lock:
        try:
            if base_uri:
                builder = proc.new_document_builder()
                builder.set_base_uri(base_uri)
                return builder.parse_xml(xml_text=data)
            return proc.parse_xml(xml_text=data)
        except Exception as exc:
            raise TransformError(f"Saxon cannot read the document: {exc}") from None


def value(v: Any):
    """A typed XDM value for a stylesheet parameter."""
    proc = processor()
    if v is None:
        return proc.empty_sequence()
    if isinstance(v, bool):
        return proc.make_boolean_value(v)
    if isinstance(v, int):
        return proc.make_integer_value(v)
    if isinstance(v, float):
        return proc.make_double_value(v)
    if isinstance(v, (str, Path)):
        return proc.make_string_value(str(v))
    if isinstance(v, (Document, etree._Element, etree._ElementTree)):
        return node(v)
    if isinstance(v, Mapping):
        return proc.make_map({proc.make_string_value(str(k)): value(x) for k, x in v.items()})
    if isinstance(v, (list, tuple)):
        return proc.make_array([value(x) for x in v])
    if hasattr(v, "get_node_value") or type(v).__name__.startswith("PyXdm"):
        return v
    raise TypeError(f"cannot pass {type(v).__name__} to a stylesheet")


@dataclass
class Result:
    text: str
    documents: dict[str, str]
    messages: list[str]


def transform(stylesheet, source, *, params: Mapping[str, Any] | None = None,
              output_dir: str | Path | None = None) -> Result:
    """Run a stylesheet on a source and return its principal and secondary results.

    Secondary results (``xsl:result-document``) are captured in memory as
    trees, keyed by URI; with ``output_dir`` Saxon serialises them itself
    (with their xsl:output format) into that folder, which should be a
    temporary one that the caller then moves into place.
    """
    exe = stylesheet if hasattr(stylesheet, "transform_to_string") else compile_stylesheet(stylesheet)
    with _lock:
        exe.clear_parameters()
        exe.clear_xsl_messages() if hasattr(exe, "clear_xsl_messages") else None
        exe.set_save_xsl_message(True)
        for name, v in (params or {}).items():
            exe.set_parameter(name, value(v))
        if output_dir is not None:
            exe.set_capture_result_documents(False)
            exe.set_base_output_uri(Path(output_dir).resolve().as_uri() + "/")
        else:
            exe.set_capture_result_documents(True)
        doc = source if source is None or not isinstance(source, (Document, etree._Element, etree._ElementTree, str, bytes)) else node(source)
        try:
            text = exe.transform_to_string(xdm_node=doc)
        except Exception as exc:
            msgs = _messages(exe)
            err = _saxon_error(exc, stylesheet)
            if msgs:
                err.context = "\n".join(f"  {m}" for m in msgs[-10:])
            raise err from None
        captured = None if output_dir is not None else exe.get_result_documents()
        docs = {str(uri): str(item) for uri, item in (captured or {}).items()}
        return Result(text or "", docs, _messages(exe))


def _messages(exe) -> list[str]:
    msgs = exe.get_xsl_messages() if hasattr(exe, "get_xsl_messages") else None
    if not msgs:
        return []
    out = []
    for m in (msgs if isinstance(msgs, (list, tuple)) else [msgs]):
        out.append(str(m.string_value if hasattr(m, "string_value") else m))
    return out
