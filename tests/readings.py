"""What a reader of an edited page must find: the words of a TEI document's reading text and notes."""

from __future__ import annotations

import re
from collections import Counter

from teikit.provenance import words

# Elements that end a block of text: words on either side of them are separate.
TEI_BLOCKS = {"p", "head", "l", "item", "note", "div", "lg", "sp", "speaker", "stage", "cell", "row", "ab",
              "quote", "label", "list", "castItem", "role", "roleDesc", "trailer", "closer", "opener",
              "dateline", "salute", "signed", "byline", "docTitle", "titlePart", "figure", "lb", "cb", "pb",
              "body", "front", "back", "table", "castList", "epigraph", "bibl", "cit", "argument", "postscript",
              "space"}
# Parts of a structured reference or name: words on either side of two that touch are separate.
GLUED_PARENTS = {"biblStruct", "analytic", "monogr", "series", "imprint", "biblFull", "msIdentifier", "respStmt",
                 "persName", "placeName", "orgName", "name", "address", "titleStmt", "editionStmt",
                 "publicationStmt", "seriesStmt"}
HTML_BLOCKS = re.compile(r"</?(?:p|div|li|h[1-6]|section|td|th|dt|dd|blockquote|br|tr|figure|figcaption|aside|"
                         r"ol|ul|dl|table|header|footer|nav|details|summary|article|main|hr)\b[^>]*>")


def reading_words(tei_root) -> Counter:
    """The words of a document's reading text and notes: what a reader of the edited page must find."""
    out: list[str] = []

    def walk(el):
        if not isinstance(el.tag, str):
            return
        name = el.tag.split("}")[1]
        parent = el.getparent()
        if name == "rdg":  # an app without a lemma reads its first reading
            app = parent if parent.tag.endswith("}app") else parent.getparent()
            if app.find(".//{http://www.tei-c.org/ns/1.0}lem") is not None or \
                    next(app.iter("{http://www.tei-c.org/ns/1.0}rdg")) is not el:
                return
        elif name in ("fw", "teiHeader", "figDesc"):
            return
        elif parent.tag == "{http://www.tei-c.org/ns/1.0}choice" and el is not _choice_reading(parent):
            return
        block = name in TEI_BLOCKS and not (name in ("lb", "cb", "pb") and el.get("break") == "no")
        out.append(" " if block else "")
        out.append(_around_breaks(el.text or "", None, el[0] if len(el) else None))
        for i, child in enumerate(el):
            if name in GLUED_PARENTS and i > 0 and not el[i - 1].tail:
                out.append(" ")
            walk(child)
            out.append(_around_breaks(child.tail or "", child, el[i + 1] if i + 1 < len(el) else None))
        out.append(" " if block else "")

    for text in tei_root.iter("{http://www.tei-c.org/ns/1.0}text"):
        if not any(a.tag == "{http://www.tei-c.org/ns/1.0}text" for a in text.iterancestors()):
            walk(text)
    return Counter(words("".join(out)))




def _choice_reading(choice):
    """The member of a choice the reading text shows: the correction, regularisation or expansion of
    a pair (the first, if there are several), else the first member."""
    members = [c for c in choice if isinstance(c.tag, str)]
    names = [c.tag.split("}")[1] for c in members]
    for source, edited in (("sic", "corr"), ("orig", "reg"), ("abbr", "expan")):
        if source in names and edited in names:
            return members[names.index(edited)]
    return members[0] if members else None


def _joining(el) -> bool:
    return el is not None and isinstance(el.tag, str) and el.tag.split("}")[1] in ("lb", "pb", "cb") \
        and el.get("break") == "no"


def _around_breaks(text: str, before, after) -> str:
    """White space around a break inside a word (break="no") is layout of the file, not text."""
    if _joining(after):
        text = text.rstrip()
    if _joining(before):
        text = text.lstrip()
    return text


def missing_from_pdf(expected: Counter, found: Counter) -> Counter:
    """Words of the text not in the PDF, allowing for a word divided across a page: pdftotext then
    glues its first half to the notes at the foot of the page (con- + 75 → "con75")."""
    missing = expected - found
    for w in list(missing):
        # a word in capitals set in small capitals (a speaker's LEONCE.) reads as its small letters
        if w.isupper() and len(w) > 1 and (found[w.capitalize()] + found[w.lower()]) >= missing[w]:
            del missing[w]
            continue
        if len(w) >= 4 and any(w[:i] in found and w[i:] in found for i in range(2, len(w) - 1)):
            del missing[w]
    return missing


def pdf_text(pdf, *, layout: bool = False, pages: tuple[int, int] | None = None) -> str:
    """The text of a PDF as pdftotext gives it (of pages first to last when given)."""
    import subprocess
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[1])]
    args += [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


def pdf_words(pdf) -> Counter:
    """The words of a PDF, hyphenation at line ends undone, the bars of the source pagination removed."""
    text = pdf_text(pdf).replace("|", "")  # the bars of the source pagination
    # a word divided at a line end (not at a page end, where the next line is the foot of the page), a line
    # number of the margin maybe read between its halves; a hyphen of the word's own (B-n, a place's short
    # form) may end a line too: count it both ways
    divided = r"(\w)([-\u00ad])[ \t]*\n(?:\s*\d+[ \t]*\n)?\s*(\w)"
    joined, kept = re.sub(divided, r"\1\3", text), re.sub(divided, r"\1\2\3", text)
    # supplied text is printed in brackets (τοῖ[ς]): count the words with and without them
    readings = (joined, kept, text)  # and as extracted, should the halves be two words after all
    counts = Counter()
    for t in readings:  # each word as often as its likeliest reading has it (a union, not a sum)
        counts |= Counter(words(t)) | Counter(words(re.sub(r"[\[\]]", "", t)))
    return counts
