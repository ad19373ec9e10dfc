"""Paragraphs and headings from blank-line separated blocks of text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from . import SECTION_NUMBER, Line, Source
from .hyphens import Hyphens, halves

_TERMINAL = re.compile(r"[.!?:;…\"”’')\]]\s*$")
# a place (in capitals or not) and a date closing a text: "COYOACAN, July 5, 1937", "Coyoacan, March 9, 1938."
_DATELINE = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z\w][\w.'-]*){0,3}, "
                       r"(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\.?$")
_SEPARATOR = re.compile(r"^(?:\*\s*){3,}$|^(?:-\s*){3,}$")
# a printed page number standing alone: "p. 12", "[Page 12]", "- 12 -", or bare digits (weighed below)
_PAGE = re.compile(r"^\[?\s*(?:p\.|page)\s*(\d{1,4})\s*\]?$|^[-–—]\s*(\d{1,4})\s*[-–—]$", re.I)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")


@dataclass
class Block:
    kind: str  # p, head, quote (its paragraphs parted by newlines), separator, dateline, trailer
    text: str
    line: int
    level: int = 0  # for headings: 1 for '#', 2 for '##', 0 for guessed
    pages: list[tuple[int, str, str | None, str]] = field(default_factory=list)  # (offset, n, cert, printed form)


def join_lines(lines: list[str], hyphens: Hyphens,
               doubt: Callable[[int, str], None] | None = None) -> str:
    """Join the lines of a paragraph, removing end-of-line hyphenation.

    ``doubt(i, message)`` hears of each hyphen kept in doubt, ``i`` being the index of the line after it.
    """
    out = ""
    for i, s in enumerate(lines):
        s = s.strip()
        if not s:
            continue
        pair = halves(out, s)
        if not pair:
            out = f"{out} {s}" if out else s
            continue
        between, doubtful = hyphens.within(*pair)
        out = out[:-1] + between + s  # com- / mittee, two- / thirds
        if doubtful and doubt:
            left, right = pair
            doubt(i, f"hyphen kept at a line end in {left}-{right}: {left + right!r} is no word of the source "
                     f"or of the word list, {right!r} is one (a compound, a dash, a line out of order?)")
    return out


def _groups(lines: list[Line]) -> list[list[Line]]:
    groups, cur = [], []
    for line in lines:
        if line.s:
            cur.append(line)
        elif cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def _looks_like_heading(s: str) -> bool:
    if len(s) > 90 or _TERMINAL.search(s) or not s[0].isupper():
        return False
    words = s.split()
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in {"a", "an", "and", "the", "of", "in", "on",
                                                                  "to", "for", "with", "by", "as", "at"})
    return caps == len(words) or (len(words) <= 8 and caps >= len(words) - 2)


def _ends_mid_sentence(out: list[Block]) -> bool:
    return bool(out) and out[-1].kind == "p" and not _TERMINAL.search(out[-1].text)


def _prose_follows(groups: list[list[Line]], at: int) -> bool:
    """Whether the block after ``groups[at]`` is running prose rather than a heading or a number."""
    if at + 1 >= len(groups):
        return False
    nxt = groups[at + 1]
    s = nxt[0].s
    return len(nxt) > 1 or not (s.isupper() or s.startswith("#") or SECTION_NUMBER.match(s) or _PAGE.match(s)
                                or _looks_like_heading(s))


def blocks(src: Source) -> list[Block]:
    out: list[Block] = []
    pending: list[tuple[str, str | None, str]] = []  # page breaks met since the last paragraph: (n, cert, printed)
    groups = _groups(src.lines)

    def turned() -> list[tuple[int, str, str | None, str]]:
        """The pages turned since the last block, to stand before the next block whatever its kind."""
        nonlocal pending
        pages, pending = [(0, *page) for page in pending], []
        return pages
    for at, group in enumerate(groups):
        first = group[0]
        text = join_lines([l.text for l in group], src.hyphens, lambda i, m: src.doubt(group[i].n, m))
        s = text.strip()
        if len(group) == 1:
            m = _PAGE.match(s)
            if m or (_BARE_NUMBER.match(s) and (_ends_mid_sentence(out) or pending or not _prose_follows(groups, at))):
                # a bare number is a page when it interrupts a sentence or no prose follows it (another
                # heading, the end); otherwise it numbers the section it opens
                pending.append(((m.group(1) or m.group(2)) if m else s, None, s))
                if not m:
                    src.doubt(first.n, f"taken as a printed page number: {s!r}")
                continue
        if _SEPARATOR.match(s):
            out.append(Block("separator", s, first.n, pages=turned()))
            continue
        if all(l.s.startswith(">") for l in group):
            # a block quotation in light markup: "> " opens each line, a line of ">" alone parts paragraphs
            paras = [[]]
            for l in group:
                inner = l.s[1:].strip()
                if inner:
                    paras[-1].append(inner)
                elif paras[-1]:
                    paras.append([])
            text = "\n".join(join_lines(lines, src.hyphens) for lines in paras if lines)
            out.append(Block("quote", text, first.n, pages=turned()))
            src.markup.add("quote")
            continue
        if s.startswith("#"):
            src.markup.add("head")
            level = len(s) - len(s.lstrip("#"))
            out.append(Block("head", s.lstrip("#").strip(), first.n, level, pages=turned()))
            continue
        if _DATELINE.match(s):
            out.append(Block("dateline", s, first.n, pages=turned()))
            src.meta.setdefault("dateline", s.split(", ", 1)[1])  # its date: when the text was written
            continue
        if re.fullmatch(r"\(Continued on page \d+\)|\(Continued from page \d+\)", s):
            out.append(Block("trailer", s, first.n, pages=turned()))
            continue
        if len(group) == 1 and (s.isupper() and len(s) < 80 or _looks_like_heading(s) or SECTION_NUMBER.match(s)):
            out.append(Block("head", s, first.n, pages=turned()))
            src.doubt(first.n, f"taken as a heading: {s!r}")
            continue
        prev = out[-1] if out else None
        # a paragraph broken by a column or page break: no final punctuation, and the next block starts in
        # lower case or follows a printed page number
        if prev is not None and prev.kind == "p" and not _TERMINAL.search(prev.text) and (
                re.match(r"[a-z]", s) or pending):
            pair = halves(prev.text, s)
            # the next block may come from elsewhere: over a hyphen, the two are joined as a line end is,
            # and kept apart when that is in doubt
            between, doubtful = src.hyphens.within(*pair) if pair else (" ", False)
            if doubtful:
                left, right = pair
                src.doubt(first.n, f"not joined to the paragraph of line {prev.line}, which ends in {left}-: "
                                   f"{left + right!r} is no word of the source or of the word list and {right!r} "
                                   f"is one, so the block that continues it may be elsewhere (columns or pages "
                                   f"out of order?)")
            else:
                joined = prev.text[:-1] + between + s if pair else prev.text + between + s
                src.doubt(first.n, f"joined to the paragraph of line {prev.line} (it ends mid-sentence and this block "
                                   f"{'follows a page number' if pending else 'starts in lower case'})")
                prev.pages += [(len(joined) - len(s), *page) for page in pending]
                pending = []
                prev.text = joined
                continue
        out.append(Block("p", s, first.n, pages=turned()))
    if pending:  # page numbers after the last paragraph stand at its end
        last = next((b for b in reversed(out) if b.kind == "p"), None)
        if last is None:
            out.append(Block("p", "", src.lines[-1].n if src.lines else 1))
            last = out[-1]
        last.pages += [(len(last.text), *page) for page in pending]
    for b in out:
        if b.kind == "p" and not _TERMINAL.search(b.text):
            src.doubt(b.line, f"paragraph ends mid-sentence: …{b.text[-40:]!r}")
    return out
