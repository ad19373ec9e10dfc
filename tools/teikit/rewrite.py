"""What a tool may write back over a document it changed (enrich, lint --fix, emend).

The new text goes out in the file's own form (encoding, byte order, byte order mark), and only when it
parses, keeps every character of the text where only markup was to change, and is no less valid.
"""

from __future__ import annotations

from .errors import TeikitError
from .parsing import NS, TEI_NS, Document, parse
from .source import Edit, Source


# Byte order marks and the codec that writes the text after each (UTF-32 first: its LE mark begins as UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def text_form(doc: Document) -> tuple[str, bytes]:
    """The codec of the file's text, and the byte order mark it starts with (b"" for none).

    A UTF-16 file keeps its byte order: Python's "utf-16" codec would write the machine's.
    """
    for bom, codec in _BOMS:
        if doc.data.startswith(bom):
            return codec, bom
    return doc.tree.docinfo.encoding or "utf-8", b""


def encode_like(doc: Document, text: str) -> bytes:
    """The new text of a document as the file's bytes: its encoding, byte order and byte order mark; a
    character the encoding lacks (a pointer's é in an ASCII file) as a character reference."""
    codec, bom = text_form(doc)
    return bom + text.encode(codec, errors="xmlcharrefreplace")


def refusal(doc: Document, data: bytes, *, same_text: bool = True) -> str | None:
    """Why ``data``, a changed version of ``doc``, may not be written (None when it may).

    It must be well-formed, keep every character of the text (when ``same_text``: only markup
    was added or moved), and be no less valid than the document was.  Enrich and lint's fixes
    both ask this before they write.
    """
    try:
        new = parse(data, path=doc.path)
    except TeikitError as exc:
        return f"the change would not be well-formed XML: {exc.message}"
    if same_text and "".join(new.root.itertext()) != "".join(doc.root.itertext()):
        return "the change would alter the text (this is a bug in teikit)"
    schema = _schema_for(doc)
    if schema is None:
        return None
    before = {(d.message) for d in schema.validate_document(doc) if d.severity == "error"}
    after = [d for d in schema.validate_document(new) if d.severity == "error" and d.message not in before]
    if after:
        d = after[0]
        return f"the change would make the document invalid: line {d.line}: {d.message}"
    return None


_schemas: dict = {}


def _schema_for(doc: Document):
    """The edition RELAX NG for edition documents, else None.

    Another project's TEI is not validated here (tei_all takes seconds to compile): the names, dates
    and ids enrich adds go only where TEI allows them (see enrich's ``PHRASE_PARENTS`` and ``EXCLUDED``),
    which the tests check with jing and tei_all over every document of ``../shared/foreign-tei``.
    """
    from .validation import Validator
    edition = 'schema/edition.rng' in doc.text[:2000] or doc.root.find("tei:teiHeader", NS) is not None and \
        'edition.rng' in doc.text[:2000]
    if not edition:
        return None
    if "edition" not in _schemas:
        _schemas["edition"] = Validator(layers=("rng",))
    return _schemas["edition"]


def record_change(src: Source, change: str) -> Edit | None:
    """The edit that records ``change`` (a serialised <change>) in the header: at the end of the
    revisionDesc, or in a new revisionDesc at the end of the teiHeader; None without a teiHeader.

    An emendation is always recorded: a file without a revisionDesc gets one, as TEI has it.
    """
    rev = next((e for e in src.elements if e.local == "revisionDesc" and e.ns == TEI_NS), None)
    if rev is not None and rev.end > 0:
        if rev.empty:  # <revisionDesc/>: opened, with its attributes
            return Edit(rev.start, rev.end, f"{src.text[rev.start:rev.tag_end - 2].rstrip()}>{change}</{rev.qname}>")
        return Edit(close := src.text.rfind("</", rev.tag_end, rev.end), close, change)
    header = next((e for e in src.elements if e.local == "teiHeader" and e.ns == TEI_NS), None)
    if header is None or header.end < 0:
        return None
    prefix = src.prefix_for(TEI_NS, header) or ""
    name = f"{prefix}:revisionDesc" if prefix else "revisionDesc"
    close = src.text.rfind("</", header.tag_end, header.end)
    return Edit(close, close, f"<{name}>{change}</{name}>")
