"""Writing the draft: a TEI header from what the source states, and the body."""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from .. import tree as trees
from ..enrich.dates import find_dates
from ..parsing import TEI_NS, XML_NS
from . import SECTION_NUMBER, Source
from .blocks import Block

XMLID = f"{{{XML_NS}}}id"
PIS = ('<?xml-model href="../schema/edition.rng" type="application/xml" '
       'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
       '<?xml-model href="../schema/edition.sch" type="application/xml" '
       'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n')
LICENCE = ("https://creativecommons.org/licenses/by-sa/4.0/",
           "Creative Commons Attribution-ShareAlike 4.0 International")
PREFIXES = [("psn", "persons"), ("plc", "places"), ("org", "organisations"), ("bib", "works and periodicals")]
# Elements whose content is only other elements: the only ones the pretty-printer indents.
CONTAINERS = {"TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "encodingDesc",
              "editorialDecl", "listPrefixDef", "profileDesc", "langUsage", "calendarDesc", "revisionDesc",
              "text", "front", "body", "back", "div", "availability", "notesStmt", "listBibl", "closer",
              "respStmt", "titlePage", "docTitle", "floatingText", "list", "quote", "cit", "lg", "correction",
              "normalization", "hyphenation", "segmentation", "interpretation", "quotation", "punctuation",
              "projectDesc", "calendar", "creation", "listPerson", "listPlace", "listOrg"}


def E(tag: str, *children, **attrs) -> etree._Element:
    el = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS} if tag == "TEI" else None)
    for k, v in attrs.items():
        if v is None:
            continue
        name = {"xml_id": XMLID, "xml_lang": f"{{{XML_NS}}}lang", "when_custom": "when-custom"}.get(k, k)
        el.set(name.rstrip("_"), str(v))
    for c in children:
        if isinstance(c, str):
            trees.append_text(el, c)
        elif c is not None:
            el.append(c)
    return el


def indent(el: etree._Element, level: int = 0) -> None:
    """Pretty-print structural elements only; mixed content is never touched."""
    name = etree.QName(el).localname
    if name not in CONTAINERS or (el.text and el.text.strip()) or any(
            c.tail and c.tail.strip() for c in el):
        return
    kids = list(el)
    if not kids:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for i, c in enumerate(kids):
        c.tail = pad if i < len(kids) - 1 else "\n" + "  " * level
        indent(c, level + 1)


def _date_attrs(text: str) -> dict[str, str]:
    found = find_dates(text)
    return found[0].attrs if found else {}


def header(src: Source, reg, key: str, julian: bool = False) -> etree._Element:
    m = src.meta
    author = m.get("author")
    author_ref = None
    if reg is not None and author:
        hits = [e for e in reg.entries.values() if e.kind == "person" and (author == e.name or author in e.forms)]
        if len(hits) == 1:
            author_ref = f"psn:{hits[0].id}"
    titles = [E("title", m.get("title", src.path.stem), type="main")]
    if m.get("subtitle"):
        titles.append(E("title", m["subtitle"], type="sub"))
    title_stmt = E("titleStmt", *titles,
                   E("author", author, ref=author_ref) if author else None,
                   E("editor", E("name", "The teikit editors"), xml_id=f"{key}-ed", role="editor"),
                   E("respStmt", E("resp", "TEI encoding, emendation and annotation"), E("name", "The teikit editors")))
    pub = E("publicationStmt", E("publisher", "The teikit project"),
            E("date", str(dt.date.today().year), when=str(dt.date.today().year)),
            E("availability", E("licence", LICENCE[1], target=LICENCE[0]), status="free"))
    bibls = []
    original = m.get("published") or m.get("citation") or m.get("source")
    if original:
        bibls.append(E("bibl", original, type="original"))
    transcription = "; ".join(v for k, v in m.items() if k in ("transcription", "copyleft"))
    bibls.append(E("bibl", (transcription + ". " if transcription else "") + "Source file: ",
                   E("idno", src.path.name, type="file"), ".", type="transcription"))
    removed = E("list", type="removed")
    for text, reason in src.removed:
        removed.append(E("item", E("q", text), f" ({reason})"))
    editorial = E("editorialDecl",
                  E("correction", E("p", "Draft made by teikit ingest: no emendation yet."), method="markup"),
                  E("hyphenation", E("p", "End-of-line hyphenation of the source is removed where the source's own "
                                                "spelling or the English word list shows a divided word; real compounds "
                                                "keep their hyphen, and so does a hyphen in doubt."), eol="none"),
                  E("segmentation", E("p", "Paragraphs follow the blank lines of the source; paragraphs broken by columns or pages are joined.")))
    signs = [sign for kind, sign in (("head", "# headings"), ("quote", "> block quotations"),
                                     ("italic", "*italic* or _italic_"), ("bold", "**bold**")) if kind in src.markup]
    if signs:
        editorial.append(E("normalization", E("p", f"The light markup of the transcription ({', '.join(signs)}) is "
                                                    f"encoded as TEI; its signs are not kept."), method="markup"))
    if len(removed):
        editorial.append(E("p", "Removed from the text of the source (each quoted verbatim): ", removed))
    encoding = E("encodingDesc", editorial, E("listPrefixDef", *[
        E("prefixDef", E("p", f"Entries of the register: {what}."), ident=p, matchPattern="([a-z0-9-]+)",
          replacementPattern="register.xml#$1") for p, what in PREFIXES]))
    # the source's "Written:", else the author's dateline, else a date at the top (perhaps of publication)
    written = m.get("written") or m.get("dateline") or m.get("date")
    attrs = _date_attrs(written) if written else {}
    creation = None
    if attrs:
        attrs["cert"] = "high" if m.get("written") or m.get("dateline") else "medium"
        creation = E("creation", E("date", written.strip().rstrip("."), **{k.replace("-", "_"): v for k, v in attrs.items()}))
    else:
        src.doubt(1, "no date of writing found: add profileDesc/creation/date")
    calendars = E("calendarDesc", E("calendar", E("p", "Julian calendar (old style), used in Russia until "
                                                    "February 1918."), xml_id="julian")) if julian else None
    profile = E("profileDesc", creation, E("langUsage", E("language", "English", ident="en")), calendars)
    revision = E("revisionDesc", E("change", f"Draft made by teikit ingest from {src.path.name}.",
                                   when=dt.date.today().isoformat(), who=f"#{key}-ed"), status="draft")
    return E("teiHeader", E("fileDesc", title_stmt, pub, E("sourceDesc", *bibls)), encoding, profile, revision)


_MARKERS = {"[]": r" ?\[(?P<note>\d+)\]", "()": r" ?\((?P<note>\d+)\)"}
# light markup of a transcription: **bold**, *italic*, _italic_ (each within a paragraph, around words)
_EMPHASIS = (r"(?<![\w*])\*\*(?P<bold>\S(?:[^*\n]{0,300}?\S)?)\*\*(?![\w*])"
             r"|(?<![\w*])\*(?P<italic>[^\s*](?:[^*\n]{0,300}?[^\s*])?)\*(?![\w*])"
             r"|(?<![\w_])_(?P<italic2>[^\s_](?:[^_\n]{0,300}?[^\s_])?)_(?![\w_])")
# a page break's place, held in the text while the markup around it is read (supplementary private use)
_PAGE_AT = 0xF0000


def paragraph(tag: str, text: str, src: Source, line: int, placed: set[str], pages=()) -> etree._Element:
    """A paragraph: its light markup as ``hi``, the notes of the source at their markers, the page breaks."""
    pages = sorted(pages, key=lambda page: page[0])
    for i in range(len(pages) - 1, -1, -1):
        at = pages[i][0]
        text = text[:at] + chr(_PAGE_AT + i) + text[at:]
    el = E(tag)
    _inline(el, text, src, line, placed, pages)
    return el


def _inline(el: etree._Element, text: str, src: Source, line: int, placed: set[str], pages) -> None:
    marks = re.compile("|".join([_MARKERS[src.note_brackets], _EMPHASIS,
                                 f"(?P<page>[{chr(_PAGE_AT)}-{chr(_PAGE_AT + max(len(pages) - 1, 0))}])"]))
    pos = 0
    for m in marks.finditer(text):
        n = m["note"]
        if n is not None and (n not in src.notes or n in placed):
            if n in placed:  # a note is placed once, at its first marker; a second is left as text
                src.doubt(line, f"a second marker {m.group().strip()} in the text: the note stands at the first")
            continue
        if m["page"] is not None and not pages:
            continue
        trees.append_text(el, text[pos:m.start()])
        pos = m.end()
        if n is not None:
            _, note_text = src.notes[n]
            note = E("note", place="foot", n=n)
            _inline(note, note_text, src, line, placed, ())
            el.append(note)
            placed.add(n)
        elif m["page"] is not None:
            for mark in page_breaks([pages[ord(m["page"]) - _PAGE_AT]]):
                el.append(mark)
        else:
            rend = "bold" if m["bold"] is not None else "italic"
            src.markup.add(rend)
            hi = E("hi", rend=rend)
            _inline(hi, m["bold"] or m["italic"] or m["italic2"], src, line, placed, pages)
            el.append(hi)
    trees.append_text(el, text[pos:])


def page_breaks(pages) -> list[etree._Element]:
    """A ``pb`` for each printed page number, and the number as printed in a ``fw`` beside it."""
    return [mark for _, n, cert, printed in pages
            for mark in (E("pb", n=n, cert=cert or None), E("fw", printed, type="pageNum"))]


def build(src: Source, body_blocks: list[Block], reg, *, key: str | None = None, julian: bool = False) -> str:
    key = key or re.sub(r"[^a-z0-9]+", "-", src.path.stem.lower()).strip("-") or "doc"
    if not key[0].isalpha():
        key = "d-" + key
    body = E("body")
    top = E("div", type="article")
    body.append(top)
    for role, text, line in src.front:
        if role == "title":
            top.append(E("head", text))
        elif role == "subtitle":
            top.append(E("head", text, type="sub"))
        elif role == "byline":
            name = src.meta.get("author", "")
            if name and name in text:
                before, after = text.split(name, 1)
                top.append(E("byline", before, E("docAuthor", name), after))
            else:
                top.append(E("byline", text))
        elif role == "author":
            top.append(E("byline", E("docAuthor", text)))
        elif role == "date":
            top.append(E("dateline", text))
        elif role == "citation":
            top.append(E("bibl", text))
    cur = top
    placed: set[str] = set()
    TOP = {"head", "byline", "dateline", "docAuthor", "opener", "epigraph"}

    open_divs = [(1, top)]  # the divisions a heading may nest in, with their levels (# is 1, ## is 2 …)

    def section(head: str | None = None, level: int = 2) -> etree._Element:
        """A new section at a heading's level; prose already in its parent moves into a section first."""
        while len(open_divs) > 1 and open_divs[-1][0] >= level:
            open_divs.pop()
        parent = open_divs[-1][1]
        loose = [c for c in parent if etree.QName(c).localname not in TOP | {"div"}]
        if loose:
            first = E("div", type="section")
            parent.insert(parent.index(loose[0]), first)
            for c in loose:
                first.append(c)
        sec = E("div", E("head", head), type="section") if head else E("div", type="section")
        parent.append(sec)
        open_divs.append((level, sec))
        return sec

    def closed(div) -> bool:
        return len(div) and etree.QName(div[-1]).localname in ("trailer", "closer")

    def only_heads(div) -> bool:
        return len(div) and all(etree.QName(c).localname in ("head", "pb", "fw") for c in div)

    for b in body_blocks:
        if b.kind == "separator":
            top = E("div", type="article")
            body.append(top)
            cur = top
            open_divs[:] = [(1, top)]
            top.extend(page_breaks(b.pages))  # the page turned before the separator: the next text opens it
            src.removed.append((b.text, "separator between the two texts of the source, marked by the divisions"))
        elif b.kind == "head":
            content = [c for c in top if etree.QName(c).localname not in TOP | {"pb", "fw"}]
            if cur is top and not content and top.find(f"{{{TEI_NS}}}head") is None:
                top.extend(page_breaks(b.pages))
                top.append(E("head", b.text))
            elif cur is not top and only_heads(cur) and not b.level and not b.pages and SECTION_NUMBER.match(
                    cur.findall(f"{{{TEI_NS}}}head")[-1].text or ""):
                # a title straight under a section's number (CHAPTER I. / YANOVKA) names the same section
                cur.append(E("head", b.text, type="sub"))
            elif cur is not top and only_heads(cur) and not b.level:
                # a heading straight under another opens a section inside it (a chapter's first section)
                cur = section(b.text, open_divs[-1][0] + 1)
                for i, el in enumerate(page_breaks(b.pages)):
                    cur.insert(i, el)
            else:
                level = b.level or (open_divs[-1][0] if len(open_divs) > 1 else 2)
                cur = section(b.text, max(level, 2))
                for i, el in enumerate(page_breaks(b.pages)):  # the page turns before the heading
                    cur.insert(i, el)
        elif b.kind == "dateline":
            cur.extend(page_breaks(b.pages))
            cur.append(E("closer", E("dateline", b.text)))
        elif b.kind == "quote":
            if closed(cur) or (cur is top and top.find(f"{{{TEI_NS}}}div") is not None):
                cur = section()
            cur.append(E("quote", *page_breaks(b.pages), *[paragraph("p", t, src, b.line, placed) for t in b.text.split("\n")],
                         rend="block"))
        elif b.kind == "trailer":
            cur.extend(page_breaks(b.pages))
            cur.append(E("trailer", b.text))
        else:
            if closed(cur) or (cur is top and top.find(f"{{{TEI_NS}}}div") is not None):
                cur = section()
            cur.append(paragraph("p", b.text, src, b.line, placed, b.pages))
    # drop sections that stayed empty, and note the notes no marker called
    for div in body.iter(f"{{{TEI_NS}}}div"):
        if len(div) == 0:
            div.getparent().remove(div)
    for n, (line, text) in src.notes.items():
        if n not in placed:
            src.doubt(line, f"note [{n}] has no marker in the text; it is put at the end")
            last = list(body.iter(f"{{{TEI_NS}}}p"))[-1]
            note = E("note", place="foot", n=n)
            _inline(note, text, src, line, placed, ())
            last.append(note)
    root = E("TEI", header(src, reg, key, julian), E("text", body), xml_id=key, xml_lang="en")
    indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + PIS + etree.tostring(root, encoding="unicode") + "\n"
