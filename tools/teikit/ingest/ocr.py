"""Raw OCR: page numbers, headings and paragraphs from lines without blank lines.

OCR of a printed book keeps the printed lines, the page numbers (alone on a
line, garbled such as ``\\2`` or ``II``, or glued to the last word of a page
such as ``appear16``) and the running text of footnotes.  This pass re-flows
the lines into paragraphs (a short line ending a sentence ends a paragraph),
joins end-of-line hyphenation, turns ALL-CAPS lines into headings, and turns
page numbers into a ``pb`` with the number and a ``fw`` that keeps the
printed form; numbers inferred from the sequence carry ``cert``.
"""

from __future__ import annotations

import re

from . import Source
from .blocks import Block, join_lines

_PAGE_LINE = re.compile(r"^[\\|lI1-9][0-9IlOo|\\]{0,2}$")
_GLUED = re.compile(r"(?<=[a-z,;.])(\d{1,3})$")
_TERMINAL = re.compile(r"[.!?…\"”'’)\]:]\s*$")


def _page_value(s: str) -> str | None:
    """The digits a garbled page number stands for (``\\2`` is 12, ``II`` is 11), or None."""
    table = str.maketrans({"I": "1", "l": "1", "|": "1", "\\": "1", "O": "0", "o": "0"})
    digits = s.translate(table)
    return digits if digits.isdigit() else None


class _Pages:
    def __init__(self, src: Source):
        self.src = src
        self.last = 0

    def accept(self, printed: str, line: int, glued: bool = False) -> tuple[str, str | None] | None:
        """The page number to record for a printed form, and its certainty; None if implausible."""
        value = _page_value(printed)
        if value is None:
            return None
        n = int(value)
        expected = self.last + 1 if self.last else None
        if expected is not None and not (self.last < n <= self.last + 40):
            if glued:
                return None
            self.src.doubt(line, f"page number {printed!r} does not follow page {self.last}; taken as {expected}")
            n, cert = expected, "low"
        else:
            cert = None if printed.isdigit() else "medium"
            if cert:
                self.src.doubt(line, f"garbled page number {printed!r} read as {n}")
        self.last = n
        return str(n), cert


def ocr_blocks(src: Source) -> list[Block]:
    pages = _Pages(src)
    out: list[Block] = []
    para: list[str] = []
    numbers: list[int] = []  # the line number of each line of para
    para_line = 0
    breaks: list[tuple[int, str, str, str]] = []  # (offset in joined text, n, cert, printed)

    def flush():
        nonlocal para, numbers, breaks
        if para:
            text = join_lines(para, src.hyphens, lambda i, m: src.doubt(numbers[i], m))
            b = Block("p", text, para_line)
            b.pages = list(breaks)
            out.append(b)
        para, numbers, breaks = [], [], []

    for line in src.lines:
        s = line.s
        if not s:
            continue
        if _PAGE_LINE.match(s) and len(s) <= 3:
            got = pages.accept(s, line.n)
            if got:
                offset = len(join_lines(para, src.hyphens)) + (1 if para else 0)
                breaks.append((offset, got[0], got[1], s))
                continue
        if s.isupper() and len(s) < 70 and re.search(r"[A-Z]{3}", s):
            flush()
            if out and out[-1].kind == "head" and out[-1].line == line.n - 1:
                out[-1].text += " " + s  # a heading over two lines
                out[-1].line = line.n
            else:
                out.append(Block("head", s, line.n))
            continue
        m = _GLUED.search(s)
        if m and not re.search(r"\d[\d,.]*$", s[:m.start()]):
            got = pages.accept(m.group(1), line.n, glued=True)
            if got:
                s = s[:m.start()]
                if not para:
                    para_line = line.n
                para.append(s)
                numbers.append(line.n)
                offset = len(join_lines(para, src.hyphens))
                breaks.append((offset, got[0], got[1], m.group(1)))
                continue
        if not para:
            para_line = line.n
        para.append(s)
        numbers.append(line.n)
        if _TERMINAL.search(s) and len(s) < 52:
            flush()
    flush()
    return out
