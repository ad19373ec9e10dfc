"""The shared register of persons, places, organisations and works, and pointers into it.

Documents point into ``register.xml`` either with a prefix declared once in
their header (``<prefixDef ident="psn" matchPattern="([a-z0-9-]+)"
replacementPattern="register.xml#$1"/>`` makes ``psn:stalin`` mean
``register.xml#stalin``) or with plain ``register.xml#stalin`` pointers.
Every tool resolves both through :func:`expand`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from .parsing import NS, TEI_NS, XML_NS, Document, parse

KINDS = {  # entry element -> (kind, name element in texts, prefix)
    "person": ("person", "persName", "psn"),
    "place": ("place", "placeName", "plc"),
    "org": ("org", "orgName", "org"),
    "bibl": ("work", "title", "bib"),
}
NAME_ELEMENT = {kind: name for kind, name, _ in KINDS.values()}
PREFIX = {kind: prefix for kind, _, prefix in KINDS.values()}


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


@dataclass
class Entry:
    id: str
    kind: str
    name: str
    forms: list[str] = field(default_factory=list)
    birth: str | None = None
    death: str | None = None
    note: str = ""
    wikidata: str | None = None
    viaf: str | None = None
    level: str | None = None  # for works: j (periodical) or m (book)
    line: int = 0

    @property
    def name_element(self) -> str:
        return NAME_ELEMENT[self.kind]

    @property
    def prefix(self) -> str:
        return PREFIX[self.kind]


@dataclass
class Register:
    path: Path
    entries: dict[str, Entry]
    doc: Document | None = None

    @classmethod
    def load(cls, path: str | Path) -> "Register":
        doc = parse(path)
        entries: dict[str, Entry] = {}
        for tag, (kind, name_el, _) in KINDS.items():
            for el in doc.root.iterfind(f".//tei:text//tei:{tag}[@xml:id]", NS):
                names = el.findall(f"tei:{name_el}", NS)
                full = next((n for n in names if n.get("type") == "full"), names[0] if names else None)
                forms = list(dict.fromkeys(_text(n) for n in names if _text(n)))
                idnos = {i.get("type"): (i.text or "").strip() for i in el.findall("tei:idno", NS)}
                birth, death = el.find("tei:birth", NS), el.find("tei:death", NS)
                note = el.find("tei:note", NS)
                entry = Entry(
                    id=el.get(f"{{{XML_NS}}}id"), kind=kind,
                    name=_text(full) if full is not None else el.get(f"{{{XML_NS}}}id"),
                    forms=forms,
                    birth=birth.get("when") if birth is not None else None,
                    death=death.get("when") if death is not None else None,
                    note=_text(note) if note is not None else "",
                    wikidata=idnos.get("wikidata"), viaf=idnos.get("viaf"),
                    level=(full.get("level") if full is not None and kind == "work" else None),
                    line=el.sourceline or 0)
                entries[entry.id] = entry
        return cls(Path(path), entries, doc)

    def forms(self) -> dict[str, list[str]]:
        """Every name form and the entries that use it."""
        out: dict[str, list[str]] = {}
        for e in self.entries.values():
            for f in e.forms:
                out.setdefault(f, []).append(e.id)
        return out

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)


# ---------------------------------------------------------------- pointers

@dataclass(frozen=True)
class PrefixDef:
    ident: str
    match: str
    replacement: str

    def expand(self, rest: str) -> str | None:
        m = re.fullmatch(self.match, rest)
        if not m:
            return None
        return m.expand(self.replacement.replace("$", "\\"))


def prefix_defs(root: etree._Element) -> dict[str, PrefixDef]:
    return {p.get("ident"): PrefixDef(p.get("ident"), p.get("matchPattern", ""), p.get("replacementPattern", ""))
            for p in root.iterfind(".//tei:teiHeader//tei:prefixDef", NS)}


def expand(pointer: str, prefixes: dict[str, PrefixDef]) -> str:
    """A prefixed pointer (psn:stalin) as the URL it stands for (register.xml#stalin)."""
    m = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", pointer)
    if m and m.group(1) in prefixes:
        expanded = prefixes[m.group(1)].expand(m.group(2))
        if expanded is not None:
            return expanded
    return pointer


@dataclass(frozen=True)
class Target:
    """Where a pointer leads: a file (None for this document) and an id."""

    file: str | None
    id: str | None
    external: bool = False


def target(pointer: str, prefixes: dict[str, PrefixDef]) -> Target:
    url = expand(pointer, prefixes)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", url):
        return Target(None, None, external=True)
    file, _, frag = url.partition("#")
    return Target(file or None, frag or None)


def register_path_for(doc: Document, explicit: str | Path | None = None,
                      default: str | Path | None = None) -> Path | None:
    """The register a document points into.

    In order: the file its prefix definitions name; the register the user
    asked for (explicit); the file its pointers name (register.xml#stalin);
    a register.xml beside it; and the project's default register, but only
    for documents in the default's folder or below it: another project's
    TEI linted or enriched from here is not measured against this edition's
    register.
    """
    here = Path(doc.path).parent
    for p in prefix_defs(doc.root).values():
        file = unquote(p.replacement.partition("#")[0])
        if file.endswith(".xml") and (here / file).exists():
            return here / file
    if explicit is not None and Path(explicit).exists():
        return Path(explicit)
    seen: set[str] = set()
    for el in doc.root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("ref", "corresp"):
            for pointer in (el.get(attr) or "").split():
                # a pointer is a URI: a space or '#' in the file's name is %-escaped (enrich writes it so)
                file = unquote(pointer.partition("#")[0])
                if file.endswith(".xml") and file not in seen:
                    seen.add(file)
                    if _is_register(here / file) and (here / file).resolve() != Path(doc.path).resolve():
                        return here / file
    if (here / "register.xml").exists():
        return here / "register.xml"
    if default is not None and Path(default).exists():
        folder = Path(default).resolve().parent
        if folder == here.resolve() or folder in here.resolve().parents:
            return Path(default)
    return None


def _is_register(path: Path) -> bool:
    """A TEI file with lists of persons, places or organisations (read from its start only)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(200_000)
    except OSError:
        return False
    return any(tag in head for tag in (b"<listPerson", b"<listPlace", b"<listOrg"))


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"
