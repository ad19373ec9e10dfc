"""`teikit ingest`: a first TEI draft from a plain-text transcription.

The draft is made by small passes over the lines of the source:

1. :func:`residue` moves navigation left over from web pages (``return return``,
   ``Last updated on: …``, breadcrumbs) out of the text;
2. :func:`front_matter` reads what the source states about itself (title,
   author, ``Written:``, ``First Published:``, ``Source:``, transcription and
   licence lines, bracketed citations) into header fields;
3. :func:`notes_section` takes the numbered notes at the end (``[73] …``);
4. :mod:`.blocks` groups the remaining lines into paragraphs and headings,
   joining end-of-line hyphenation (:mod:`.hyphens` weighs each hyphen) and
   paragraphs broken across columns;
5. :mod:`.ocr` (with ``ocr=True``) turns printed page numbers into ``pb``,
   and footnote blocks at page ends into notes;
6. :mod:`.build` writes the TEI, placing each note at its marker.

The draft validates against the edition schema and keeps every word of the
source (what it removes is listed, verbatim, in the header).  What the passes
were unsure of is returned in ``Draft.unsure`` for the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..lint.words import DEFAULT_WORDLIST, extra_words as allowed_words
from .hyphens import Hyphens


@dataclass
class Line:
    n: int
    text: str

    @property
    def s(self) -> str:
        return self.text.strip()


@dataclass
class Source:
    """The lines of a source and what the passes learnt about it."""

    path: Path
    lines: list[Line]
    hyphens: Hyphens  # evidence for the words divided at line ends, from all the lines as read
    meta: dict[str, str] = field(default_factory=dict)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (verbatim text, reason)
    notes: dict[str, tuple[int, str]] = field(default_factory=dict)  # marker -> (line, text)
    note_brackets: str = "[]"  # how the notes' numbers are set: [73] or (3)
    markup: set[str] = field(default_factory=set)  # the light markup read: head, quote, italic, bold
    unsure: list[str] = field(default_factory=list)
    front: list[tuple[str, str, int]] = field(default_factory=list)  # (role, text, line) for the body's top

    def doubt(self, line: int, message: str) -> None:
        self.unsure.append(f"line {line}: {message}")


@dataclass
class Draft:
    xml: str
    unsure: list[str]
    removed: list[tuple[str, str]]
    meta: dict[str, str]


def read(path: str | Path, wordlist: str | tuple[str, ...] | list[str] = DEFAULT_WORDLIST,
         extra: frozenset[str] = frozenset()) -> Source:
    """The lines of a source, and the evidence they give for the words divided at their ends.

    ``wordlist`` (files of English words) and ``extra`` (the edition's words beyond them) help tell
    divided words from real hyphens.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the source: {exc.strerror}", path=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # a character XML cannot hold (a NUL, a control character of a damaged file): said where, not dropped
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(f"the source holds a character that XML cannot hold (U+{ord(bad.group()):04X})",
                         path=path, line=line, column=column,
                         hint="remove or replace it in the source (it may come from a damaged file or a bad export)")
    return Source(path, [Line(i + 1, t) for i, t in enumerate(text.split("\n"))],
                  Hyphens.of(text, wordlist, extra))


# ---------------------------------------------------------------- residue

_RESIDUE = [
    (re.compile(r"^(?:return\s*)+$", re.I), "links of the web page (navigation)"),
    (re.compile(r"^Last updated on:?\s*.*$", re.I), "footer of the web page"),
    (re.compile(r"^[^>]{2,40}(?:\s>\s[^>]{1,40})+\s*>?\s*$"), "breadcrumb navigation of the web page"),
    (re.compile(r"^(?:Marxists Internet Archive|MIA)\b.*$"), "header of the web page"),
    (re.compile(r"^(?:Top of the page|Back to|Index)\s*$", re.I), "links of the web page (navigation)"),
]


def residue(src: Source) -> None:
    """Move navigation and footers of web pages out of the text, recording them."""
    keep = []
    for line in src.lines:
        for rx, reason in _RESIDUE:
            if line.s and rx.match(line.s):
                src.removed.append((line.s, reason))
                break
        else:
            keep.append(line)
    src.lines = keep


# ---------------------------------------------------------------- front matter

_FIELDS = {
    "written": r"Written",
    "published": r"First Published|Published|First published",
    "source": r"Source",
    "translated": r"Translated|Translation",
    "transcription": r"Transcription(?:/HTML Markup)?|HTML Markup|Transcribed|Proofread",
    "copyleft": r"Copyleft|Public Domain|Copyright",
}
_FIELD = re.compile(rf"^(?P<key>{'|'.join(_FIELDS.values())})\s*:\s*(?P<value>.+)$", re.I)
_DATE_LINE = re.compile(r"^\(?\s*(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{4})\s*\)?\.?$")
_CITATION = re.compile(r"^\[(?P<c>[^\]]{10,})\]$")
_BYLINE = re.compile(r"^By (?P<name>[A-Z][\w.' -]+)$")
_AUTHOR_TITLE = re.compile(r"^(?P<author>[A-Z][\w.' -]{3,40}):\s+(?P<title>.+)$")
# the number of a section standing alone ("I.", "3", "Chapter II"): it opens the body
SECTION_NUMBER = re.compile(r"^(?:[IVXLC]+|\d{1,3})\.?$|^(?i:chapter|part|book|section)\s+[\w.]{1,12}$")
_INDEX_LINE = re.compile(r"^(?P<author>[A-Z][\w.' -]{3,40}) (?P<date>\d{8}) (?P<title>.+)$")


def _is_body_line(s: str) -> bool:
    """A line that belongs to running prose rather than to a title block."""
    # long, or more than one sentence (a title rarely is)
    return len(s) > 100 or (len(s) > 60 and re.search(r"[.!?]\s+[A-Z]", s) is not None) or (
        re.search(r"[a-z]{2}[.!?]\s+[A-Z].*[.!?]$", s) is not None)


def _wrapped_prose(lines: list[Line]) -> set[int]:
    """The lines that begin wrapped prose: a line of some length that the next line continues in lower case,
    or the first line of prose in a block of several lines making a long text or more than one sentence (no
    field among them)."""
    out = set()
    for idx, line in enumerate(lines[:-1]):
        nxt = lines[idx + 1].s
        if len(line.s) > 50 and nxt[:1].islower():
            out.add(idx)
    block = []
    for idx, line in enumerate(lines + [Line(0, "")]):
        if line.s:
            block.append(idx)
            continue
        first = lines[block[0]].s if block else ""
        text = " ".join(lines[j].s for j in block)
        long = len(text) > 120 or re.search(r"[a-z][.!?]\s+[A-Z]", text)  # or holds a sentence's end
        if len(block) > 1 and long and not any(_FIELD.match(lines[j].s) for j in block) \
                and not first.isupper() and not first.startswith("#"):
            # a short first line without final punctuation heads the prose under it
            out.add(block[1] if len(first) < 60 and not re.search(r"[.!?:;,]$", first) else block[0])
        block = []
    return out


def front_matter(src: Source, *, known_authors: set[str] = frozenset()) -> None:
    """Read the statements at the top of the source (before the first paragraph of prose)."""
    i = 0
    lines = src.lines
    prose = _wrapped_prose(lines)
    while i < len(lines) and (_FIELD.match(lines[i].s) or not (_is_body_line(lines[i].s) or i in prose)):
        line = lines[i]
        s = line.s
        i += 1
        if not s:
            continue
        if s in ("* * *", "***") or SECTION_NUMBER.match(s) or (s.startswith("##") and "title" in src.meta):
            i -= 1  # the first section begins: its number or heading belongs to the body, not the title
            break
        m = _FIELD.match(s)
        if m:
            key = next(k for k, rx in _FIELDS.items() if re.fullmatch(rx, m["key"], re.I))
            src.meta[key] = m["value"].strip()
            src.removed.append((s, "statement of the source about itself, moved into the header"))
            continue
        m = _INDEX_LINE.match(s)
        if m:
            src.removed.append((s, "index line of the web archive (author, date, title), moved into the header"))
            continue
        m = _CITATION.match(s)
        if m:
            src.meta["citation"] = m["c"].strip()
            src.front.append(("citation", s, line.n))
            continue
        m = _BYLINE.match(s)
        if m:
            src.meta.setdefault("author", m["name"].strip())
            src.front.append(("byline", s, line.n))
            continue
        if s.startswith("#"):
            src.markup.add("head")
            title = s.lstrip("#").strip()
            src.meta.setdefault("title", title)
            src.front.append(("title", title, line.n))
            continue
        if re.fullmatch(r"\*[^*]+\*", s):
            src.meta.setdefault("subtitle", s.strip("*").strip())
            src.front.append(("subtitle", s.strip("*").strip(), line.n))
            continue
        if _DATE_LINE.match(s):
            src.meta.setdefault("date", s.strip("().").strip())
            src.front.append(("date", s, line.n))
            continue
        if s in known_authors:
            src.meta.setdefault("author", s)
            src.front.append(("author", s, line.n))
            continue
        m = _AUTHOR_TITLE.match(s)
        if m and m["author"] in known_authors:
            src.meta.setdefault("author", m["author"])
            src.meta.setdefault("title", m["title"])
            src.front.append(("title", m["title"], line.n))
            src.removed.append((m["author"] + ":", "author's name before the title, moved into the header"))
            continue
        # any other short line at the top is part of the title
        if "title" not in src.meta:
            src.meta["title"] = s
            src.front.append(("title", s, line.n))
        elif lines[i - 2].s and src.front and src.front[-1][0] == "title":
            src.meta["title"] += " " + s  # a title over two lines
            src.front[-1] = ("title", src.front[-1][1] + " " + s, src.front[-1][2])
        else:
            src.meta.setdefault("subtitle", s)
            src.front.append(("subtitle", s, line.n))
    src.lines = lines[i:] if i else lines
    if "title" not in src.meta:
        src.doubt(1, "no title found at the top of the source")


# ---------------------------------------------------------------- notes

# a note at the end, numbered as its marker in the text is: "[73] …" or "(3) …"
_NOTE_START = re.compile(r"^(?:\[(?P<n>\d+)\]|\((?P<p>\d+)\))\s+(?P<text>.*)$")


def notes_section(src: Source) -> None:
    """Numbered notes at the end of the source: ``[73] text`` or ``(3) text``.

    They are the last blocks (parted by blank lines), each opening with a number set alike; a block may
    hold several notes, one per numbered line.  Numbers in parentheses also open enumerations, so they
    are notes only when the text before calls each of them.
    """
    groups, begin = [], None
    for idx, line in enumerate(src.lines + [Line(0, "")]):
        if line.s and begin is None:
            begin = idx
        elif not line.s and begin is not None:
            groups.append(begin)
            begin = None
    start, brackets = None, None
    for idx in reversed(groups):
        m = _NOTE_START.match(src.lines[idx].s)
        kind = m and ("[]" if m["n"] else "()")
        if not m or (brackets and kind != brackets):
            break
        start, brackets = idx, kind
    if start is None:
        return
    numbered = [(line, m) for line in src.lines[start:] if (m := _NOTE_START.match(line.s))
                and ("[]" if m["n"] else "()") == brackets]
    if brackets == "()":
        text = " ".join(line.s for line in src.lines[:start])
        if any(f"({m['p']})" not in text for _, m in numbered):
            return
    src.note_brackets = brackets
    current = None
    for line in src.lines[start:]:
        m = _NOTE_START.match(line.s)
        if m and ("[]" if m["n"] else "()") == brackets:
            current = m["n"] or m["p"]
            src.notes[current] = (line.n, m["text"])
        elif line.s and current:
            n, text = src.notes[current]
            src.notes[current] = (n, text + " " + line.s)
    src.lines = src.lines[:start]


def ingest(path: str | Path, *, register_path: str | Path | None = None, ocr: bool = False,
           key: str | None = None, wordlist: str | tuple[str, ...] | list[str] = DEFAULT_WORDLIST,
           extra_words: Iterable[str] = ()) -> Draft:
    """Make a TEI draft of a plain-text source; nothing is written.

    ``wordlist`` (files of English words) and ``extra_words`` (the edition's words beyond them, as
    :func:`teikit.lint.words.extra_words` gives them; the register's names are added) help tell divided
    words from real hyphens at line ends, as lint's TK402 does.
    """
    from .blocks import blocks
    from .build import build
    from .. import register as registers

    reg = None
    if register_path and Path(register_path).exists():
        reg = registers.Register.load(register_path)
    known = set()
    if reg is not None:
        known = {f for e in reg.entries.values() if e.kind == "person" for f in [e.name, *e.forms]}
    src = read(path, wordlist, allowed_words(extra_words, register=reg))
    residue(src)
    front_matter(src, known_authors=known)
    notes_section(src)
    if ocr:
        from .ocr import ocr_blocks
        body = ocr_blocks(src)
    else:
        body = blocks(src)
    xml = build(src, body, reg, key=key, julian=ocr)
    return Draft(xml, src.unsure, src.removed, src.meta)
