"""The one way teikit reads XML.

Every document goes through :func:`parse`.  The parser never loads a DTD,
never resolves an external entity, never touches the network and never
processes XInclude; it keeps line numbers.  A document that asks for any of
those things gets an :class:`UnsafeInputError` naming the place, and
malformed XML gets an :class:`InputError` with the offending line and a caret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from .errors import InputError, NotTEIError, UnsafeInputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
NS = {"tei": TEI_NS, "xml": XML_NS, "xi": XI_NS}
TEI_ROOTS = {f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"}

_NETWORK_SCHEMES = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
# A line ends with CR LF, LF or a lone CR (old Mac files), as XML reads it (XML 1.0, 2.11) and as jing and
# editors count lines; libxml2 counts LF alone, so a file with CR line ends would be all on line 1.
LINE_END = re.compile(r"\r\n?|\n")
_LINE_END_BYTES = re.compile(rb"\r\n?|\n")
_LONE_CR = re.compile(rb"\r(?!\n)")


def split_lines(text: str) -> list[str]:
    """The lines of a text, whichever of CR LF, LF and CR ends them (no other character does)."""
    return LINE_END.split(text)


def line_starts(text: str) -> list[int]:
    """The offset at which each line of a text begins (line 1 at offset 0)."""
    return [0] + [m.end() for m in LINE_END.finditer(text)]


class _NothingOutside(etree.Resolver):
    """Answers every request for an external resource (a DTD, a parameter entity) with nothing.

    libxml2 reads an external parameter entity referenced in the internal
    subset (``<!ENTITY % p SYSTEM "file:///…"> %p;``) even when DTD loading
    and entity resolution are off; with this resolver it gets an empty string
    and the file is never opened.
    """

    def resolve(self, url, pubid, context):
        return self.resolve_string("", context)


def _parser(resolve_internal: bool = False) -> etree.XMLParser:
    """The parser factory: the only place where an lxml parser is made."""
    parser = etree.XMLParser(
        resolve_entities="internal" if resolve_internal else False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=True,
        collect_ids=False,
    )
    parser.resolvers.add(_NothingOutside())
    return parser


@dataclass(eq=False)
class Document:
    """A parsed document with its source bytes, for precise locations."""

    path: str
    data: bytes
    tree: etree._ElementTree
    warnings: list[str] = field(default_factory=list)

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    @cached_property
    def text(self) -> str:
        encoding = self.tree.docinfo.encoding or "utf-8"
        try:
            return self.data.decode(encoding).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            return self.data.decode("utf-8", errors="replace").lstrip("\ufeff")

    @property
    def doctype_position(self) -> tuple[int, int]:
        """Where the DOCTYPE declaration stands (what the prolog's warnings are about)."""
        return _declaration_at(self.data, rb"<!DOCTYPE")

    @cached_property
    def lines(self) -> list[str]:
        return split_lines(self.text)

    @cached_property
    def _line_index(self) -> dict[tuple[int, str], list[etree._Element]]:
        index: dict[tuple[int, str], list[etree._Element]] = {}
        for el in self.root.iter():
            if isinstance(el.tag, str):
                index.setdefault((el.sourceline or 0, el.tag), []).append(el)
        return index

    @cached_property
    def starts(self) -> tuple[list[tuple[int, int]], list[etree._Element]]:
        """The start of every element's start tag, in document order, and the elements: for finding
        the element at a position a validator reports, once per document, not once per error."""
        elements = [el for el in self.root.iter() if isinstance(el.tag, str)]
        return [self.locate(el) for el in elements], elements

    def locate(self, node) -> tuple[int, int]:
        """Line and 1-based column of an element's start tag (or of a node's parent)."""
        el = node
        while el is not None and not isinstance(getattr(el, "tag", None), str):
            el = el.getparent()
        if el is None:
            return (0, 0)
        line = el.sourceline or 0
        if not 0 < line <= len(self.lines):
            return (line, 0)
        qname = el.tag.split("}")[-1]
        if el.prefix:
            qname = f"{el.prefix}:{qname}"
        nth = self._line_index.get((line, el.tag), [el]).index(el)
        # libxml2 reports the line where the start tag ends; a long start tag
        # may begin a few lines earlier.
        for start in range(line, max(0, line - 30), -1):
            hits = [m.start() for m in re.finditer(
                rf"<{re.escape(qname)}(?=[\s/>])", self.lines[start - 1])]
            if start == line and len(hits) > nth:
                return (line, hits[nth] + 1)
            if start != line and hits:
                return (start, hits[-1] + 1)
        return (line, 0)


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not an XML file", path=path) from None
    except FileNotFoundError:
        raise InputError("no such file", path=path,
                         hint="check the path; directories are searched for *.xml") from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", path=path) from None


def _declared_encoding(data: bytes) -> str:
    """The encoding of the bytes: a byte-order mark, the XML declaration, else UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    m = re.match(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", data.lstrip(b"\xef\xbb\xbf")[:200])
    return m[1].decode("ascii") if m else "utf-8"


def _caret(data: bytes, line: int, column: int) -> str | None:
    try:
        text = data.decode(_declared_encoding(data), errors="replace").lstrip("\ufeff")
    except LookupError:
        text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = split_lines(text)
    if not 0 < line <= len(lines):
        return None
    src = lines[line - 1]
    col = max(column, 1)
    # Keep long lines readable: show 80 characters around the column.
    start = max(0, col - 40)
    snippet = src[start:start + 80]
    # the caret line keeps the snippet's tabs, so that it lines up however wide a terminal draws them
    pad = "".join("\t" if ch == "\t" else " " for ch in src[start:col - 1])
    return f"  {snippet}\n  {pad}^"


def parse(source: str | Path | bytes, *, path: str | Path | None = None,
          require_tei: bool = True) -> Document:
    """Parse a file (or bytes) safely into a :class:`Document`.

    Raises :class:`InputError` for unreadable or malformed input,
    :class:`UnsafeInputError` for entity declarations, external DTD URLs and
    similar, and :class:`NotTEIError` when ``require_tei`` and the root is not
    a TEI element.
    """
    if isinstance(source, bytes):
        data = source
        name = str(path) if path is not None else "<bytes>"
    else:
        data = read_bytes(source)
        name = str(path if path is not None else source)
    if not data.strip():
        raise InputError("the file is empty", path=name, line=1, column=1)
    _check_prolog(data, name)
    tree = _parse_bytes(data, name, resolve_internal=False)
    warnings, entities = _check_doctype(tree, name, data)
    if entities:  # internal entities only: parse again and expand them
        tree = _parse_bytes(data, name, resolve_internal=True)
    doc = Document(name, data, tree, warnings)
    if require_tei:
        check_tei_root(doc)
    return doc


def parse_string(text: str, *, path: str = "<string>", require_tei: bool = False) -> Document:
    return parse(text.encode("utf-8"), path=path, require_tei=require_tei)


def _lf_line_ends(data: bytes) -> bytes:
    """The bytes with each lone CR made an LF, so that libxml2 counts the lines as XML does.

    An XML parser reads every line end as LF (XML 1.0, 2.11), so the tree is the same; only the line
    numbers change (lxml's ``sourceline``, its errors' lines).  UTF-16 is decoded to find the CRs, so
    that no byte pair of another character is mistaken for one.
    """
    if b"\r" not in data:
        return data
    head = data[:4]
    codec = ("utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else
             "utf-16-le" if head.startswith(b"<\x00?\x00") else
             "utf-16-be" if head.startswith(b"\x00<\x00?") else None)
    if codec is None:
        # an ASCII-compatible encoding (UTF-8, Latin-1, …), where the byte 13 is always CR
        return _LONE_CR.sub(b"\n", data) if b"\x00" not in head else data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return data  # the parser will say what is wrong with it
    return re.sub("\r(?!\n)", "\n", text).encode(codec)


def _parse_bytes(data: bytes, name: str, *, resolve_internal: bool) -> etree._ElementTree:
    try:
        root = etree.fromstring(_lf_line_ends(data), _parser(resolve_internal), base_url=name)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, exc.offset or 0)
        msg = exc.msg or str(exc)
        msg = re.sub(r",? line \d+, column \d+$", "", msg)
        hint = None
        if "Entity" in msg and "not defined" in msg:
            hint = ("teikit does not load DTDs, so only the five predefined entities "
                    "and numeric character references (&#x2014;) can be used")
        raise InputError(f"not well-formed XML: {msg}", path=name, line=line,
                         column=column, context=_caret(data, line, column), hint=hint) from None
    return root.getroottree()


_DOCTYPE_URL = re.compile(
    rb"<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC\s+(?:\"[^\"]*\"|'[^']*'))\s+(?:\"([^\"]*)\"|'([^']*)')")


def _check_prolog(data: bytes, name: str) -> None:
    """Refuse a DTD at a network address before the parser sees it."""
    head = data[:8192].replace(b"\x00", b"")  # crude but enough for UTF-16 prologs
    m = _DOCTYPE_URL.search(head)
    if not m:
        return
    url = (m.group(1) or m.group(2) or b"").decode("utf-8", "replace")
    if _NETWORK_SCHEMES.match(url):
        line, column = _line_col_of(head, m.start())
        raise UnsafeInputError(
            f"the DOCTYPE refers to a DTD at {url!r}; teikit never fetches anything "
            "from the network", path=name, line=line, column=column,
            hint="remove the DOCTYPE declaration (TEI needs no DTD)")


def _declaration_at(data: bytes, what: bytes) -> tuple[int, int]:
    """Line and column of a declaration in the prolog (`<!DOCTYPE`, `<!ENTITY % p`), else 1, 1."""
    head = data[:65536]
    m = re.search(what, head)
    if not m:
        return 1, 1
    return _line_col_of(head, m.start())


def _line_col_of(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset in the prolog (where every character is one byte)."""
    ends = list(_LINE_END_BYTES.finditer(data, 0, offset))
    return len(ends) + 1, offset - (ends[-1].end() if ends else 0) + 1


def _check_doctype(tree: etree._ElementTree, name: str, data: bytes = b"") -> tuple[list[str], bool]:
    """Refuse what the DOCTYPE asks for that teikit never does.

    Returns the warnings, and whether the document declares internal entities
    (safe to expand: the document is to be parsed again with them).
    """
    info = tree.docinfo
    warnings: list[str] = []
    url = info.system_url
    if url:
        if _NETWORK_SCHEMES.match(url):
            line, column = _declaration_at(data, rb"<!DOCTYPE")
            raise UnsafeInputError(
                f"the DOCTYPE refers to a DTD at {url!r}; teikit never fetches anything "
                "from the network", path=name, line=line, column=column,
                hint="remove the DOCTYPE declaration (TEI needs no DTD)")
        warnings.append(f"the DOCTYPE names the DTD {url!r}, which teikit does not load")
    dtd = info.internalDTD
    entities = list(dtd.iterentities()) if dtd is not None else []
    if not entities:
        return warnings, False
    for ent in entities:
        line, column = _declaration_at(data, rb"<!ENTITY\s+(?:%\s+)?" + re.escape(ent.name.encode()) + rb"\s")
        if ent.system_url or getattr(ent, "orig", None) and "SYSTEM" in str(ent.orig):
            raise UnsafeInputError(
                f"the DOCTYPE declares the external entity '{ent.name}' "
                f"({ent.system_url}); teikit never resolves external entities",
                path=name, line=line, column=column,
                hint="replace the entity reference by the text it stands for")
        content = ent.content or ""
        if "&" in content or "<" in content or len(content) > 1000:
            raise UnsafeInputError(
                f"the DOCTYPE declares the entity '{ent.name}' whose replacement "
                "contains further references or markup (the pattern of an "
                "entity-expansion attack); teikit refuses to expand it",
                path=name, line=line, column=column,
                hint="replace entity references by characters or &#x…; references")
    return warnings, True


def check_tei_root(doc: Document) -> None:
    root = doc.root
    if root.tag in TEI_ROOTS:
        return
    qname = etree.QName(root)
    where = f" in the namespace {qname.namespace!r}" if qname.namespace else " in no namespace"
    hint, what = None, "not a TEI document"
    if qname.localname in {"TEI", "teiCorpus"}:
        hint = f'declare the TEI namespace on the root: <{qname.localname} xmlns="{TEI_NS}">'
    elif qname.localname in {"TEI.2", "teiCorpus.2"} and not qname.namespace:
        what = "a TEI P4 document, not TEI P5"
        hint = ("teikit reads TEI P5; convert the document first (the TEI Stylesheets' p4top5.xsl does the "
                "mechanical part)")
    elif qname.namespace == TEI_NS:
        hint = ("a TEI element other than <TEI> or <teiCorpus> as root (a fragment): validate it with "
                "`teikit validate --schema` and a schema that allows this root; the other commands read "
                "whole TEI documents")
    else:
        hint = "teikit reads TEI P5 documents, whose root is <TEI> or <teiCorpus>"
    line, col = doc.locate(root)
    raise NotTEIError(f"the root element is <{qname.localname}>{where}, {what}",
                      path=doc.path, line=line, column=col, hint=hint)
