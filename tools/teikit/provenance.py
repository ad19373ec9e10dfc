"""Does a TEI document keep every word of the source it was made from?

The comparison is by words (letters and digits), as multisets, so that
reordering (notes moved to their markers, column fragments put back in
reading order) does not count as loss.  On the TEI side it reads the source
view: sic rather than corr, orig rather than reg, abbr rather than expan,
notes and forme work included, plus the removals the header lists
(``list[@type='removed']``), and the printed markers of footnotes (``@n``,
twice: at the reference and before the note).  End-of-line hyphenation is joined on both sides,
and a word split in the source whose halves ended up joined in the TEI
(``end-`` … ``less``) counts as kept: any such join, or only those the caller
names (a draft, which reorders nothing, may join only the halves of a line end).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from .parsing import NS, Document

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
READING = {"corr", "reg", "expan"}  # the editorial side of a choice, skipped in the source view
# Elements that may stand inside a word; every other element boundary separates words.
INLINE = {"hi", "emph", "persName", "placeName", "orgName", "name", "rs", "date", "title", "choice", "sic",
          "corr", "orig", "reg", "abbr", "expan", "foreign", "q", "soCalled", "term", "mentioned", "num",
          "seg", "ref", "supplied", "unclear", "add", "del", "g", "c", "w", "forename", "surname",
          "roleName", "addName", "genName", "ex", "am", "damage", "subst", "time", "measure",
          "milestone", "anchor"}


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("’", "'").replace("‘", "'")
    # a hyphen at a line end separates the halves here; compare() joins them when the TEI has the word
    text = re.sub(r"(?<=\w)-[ \t]*\n", " \n", text)
    # hyphens inside words are not word boundaries for this comparison
    text = re.sub(r"(?<=\w)[-‐](?=\w)", "", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)
    # a page number glued to the last word of a page (appear16) is two words
    text = re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", " ", text)
    return text


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def source_view(doc: Document) -> str:
    """The text of the document as the source had it: sic, orig, abbr, notes, fw, removals."""
    out: list[str] = []

    def walk(el):
        name = etree.QName(el).localname if isinstance(el.tag, str) else None
        if name is None:
            return
        if el.getparent() is not None and etree.QName(el.getparent()).localname == "choice" and name in READING:
            return
        if name == "note" and el.get("type") == "editorial" or name in ("supplied", "figDesc"):
            return  # the editors' words, not the source's
        if name == "note" and el.get("n") and el.get("type") not in ("editorial",):
            # a footnote's marker is printed twice: at the reference and before the note
            out.append(f" {el.get('n')} {el.get('n')} ")
        if el.text:
            out.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                local = etree.QName(child).localname
                joined = local in INLINE or child.get("break") == "no"
                if not joined:
                    out.append(" ")
                walk(child)
                if not joined:
                    out.append(" ")
            if child.tail:
                out.append(child.tail)

    text = doc.root.find("tei:text", NS)
    if text is not None:
        walk(text)
    for q in doc.root.iterfind(".//tei:teiHeader//tei:list[@type='removed']//tei:q", NS):
        out.append(" " + "".join(q.itertext()) + " ")
    return "".join(out)


@dataclass
class Comparison:
    missing: Counter  # in the source, not in the TEI
    extra: Counter  # in the TEI, not in the source

    @property
    def ok(self) -> bool:
        return not self.missing

    def describe(self, limit: int = 40) -> str:
        parts = []
        if self.missing:
            parts.append("missing from the TEI: " + ", ".join(
                f"{w}×{n}" if n > 1 else w for w, n in self.missing.most_common(limit)))
        if self.extra:
            parts.append("only in the TEI: " + ", ".join(
                f"{w}×{n}" if n > 1 else w for w, n in self.extra.most_common(limit)))
        return "; ".join(parts) or "every word kept"


def compare(source_text: str, doc: Document, *, joins: Counter | None = None) -> Comparison:
    """Words lost and added; ``joins`` counts the halves ``(first, second)`` that may be joined, if not any."""
    src = Counter(words(source_text))
    tei = Counter(words(source_view(doc)))
    missing, extra = src - tei, tei - src
    allowed = None if joins is None else Counter(joins)
    # a word split in the source (end- … less) and joined in the TEI (endless)
    for joined in list(extra):
        for i in range(1, len(joined)):
            a, b = joined[:i], joined[i:]
            while extra[joined] and missing[a] and missing[b] and (allowed is None or allowed[a, b]):
                missing[a] -= 1
                missing[b] -= 1
                extra[joined] -= 1
                if allowed is not None:
                    allowed[a, b] -= 1
    return Comparison(+missing, +extra)
