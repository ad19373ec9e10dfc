"""Text a reader meets as one, though markup divides it: a day's ordinal suffix, and a choice's reading.

A printed ``3rd`` is often encoded with its suffix raised, so the date runs
over three text runs: ``March 3``, the suffix inside ``hi``, and ``, 1937``.
:func:`read_on` joins such runs into one :class:`Stretch`, whose text the
date finder reads as ``March 3rd, 1937``; a date found there is tagged round
the whole ``hi`` (``<date>March 3<hi rend="sup">rd</hi>, 1937</date>``).  No
markup goes inside the suffix, and a year with a suffix (``1937<hi>th</hi>``)
reads ``1937th``, which is no date.

A ``choice`` is read as the reading text reads it, by its corr (reg, expan):
``NOVEMBER <choice><sic>7,1917</sic><corr>7, 1917</corr></choice>`` reads
``NOVEMBER 7, 1917``.  A date wholly inside the reading is tagged there, as
before; one that runs over an edge of the choice is tagged round the whole
choice (sic and all), and only when it takes in the whole reading on that side:
a date that would begin or end inside the reading is not tagged at all (see
:meth:`Stretch.splits_choice`), since its element could not be closed where it
ends.  Only a plain choice is read through: one source member (sic, orig, abbr)
and one reading holding text alone, right next to the text around it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..parsing import TEI_NS
from ..source import Edit, Element, Source, TextRun

_SUFFIX = re.compile(r"st|nd|rd|th|ST|ND|RD|TH")
# the member of a choice that the reading text shows, and the one it passes over (xslt/common does the same)
_READINGS = frozenset({"corr", "reg", "expan"})
_SOURCES = frozenset({"sic", "orig", "abbr"})


@dataclass
class Stretch:
    """Text of one or more runs as a reader meets it, with the source offset of each boundary.

    ``offsets[i]`` is where markup goes to stand before character ``i`` (``len(text)`` for the end),
    or None where none may go: inside a suffix's element, inside what an entity reference stands for,
    or inside a choice's reading for markup that runs out of it.  ``choices`` holds, for each choice
    read through, the span of its reading in ``text`` and the offsets inside the reading, for markup
    that stays within it.
    """

    runs: list[TextRun]
    text: str
    offsets: list[int | None]
    choices: list[tuple[int, int, list[int | None]]] = field(default_factory=list)
    tail: TextRun | None = None  # the run whose neighbours follow the stretch (not a sic's)

    def wrap(self, start: int, end: int, open_tag: str, close_tag: str) -> list[Edit]:
        """Edits wrapping characters [start, end) in an element; none when a boundary cannot take markup."""
        offsets = self.offsets
        for lo, hi, inner in self.choices:
            if lo <= start and end <= hi and start < end:
                offsets = [None] * lo + inner  # within one reading: inside its corr
        a, b = offsets[start], offsets[end]
        if a is None or b is None:
            return []
        return [Edit(a, a, open_tag, order=1), Edit(b, b, close_tag, order=0)]

    def splits_choice(self, start: int, end: int) -> bool:
        """Would [start, end) begin or end inside a choice's reading and run out of it?"""
        return any(not (lo <= start and end <= hi) and (lo < start < hi or lo < end < hi)
                   for lo, hi, _ in self.choices)


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def _cuts(run: TextRun) -> list[int | None]:
    if run.editable and not run.sealed:
        return list(run.offsets)
    return [run.offsets[i] if run.can_cut(i) else None for i in range(len(run.text) + 1)]


def _children(source: Source, el: Element) -> list[Element]:
    """The child elements of an element, in order."""
    i = bisect.bisect_right(source.elements, el.start, key=lambda e: e.start)
    out: list[Element] = []
    for e in source.elements[i:]:
        if e.start >= el.end:
            break
        if not out or e.start >= out[-1].end:
            out.append(e)
    return out


def _choice(source: Source, i: int, depth: int, eligible) -> tuple[Element, list[TextRun], TextRun | None, int] | None:
    """The plain choice at ``ancestors[depth]`` of run ``i``, which is its first run from ``i`` on.

    Returns the choice, its runs from ``i`` on, the run of its reading (None when the reading is
    empty), and the index of the first run after it; None when the choice is no plain one.
    """
    runs = source.runs
    if i >= len(runs) or not 0 < depth < len(runs[i].ancestors):
        return None
    choice = runs[i].ancestors[depth]
    if choice.local != "choice" or choice.ns != TEI_NS:
        return None
    kids = _children(source, choice)
    if len(kids) != 2 or any(k.ns != TEI_NS for k in kids) or not any(k.local in _SOURCES for k in kids):
        return None
    reading = next((k for k in kids if k.local in _READINGS), None)
    if reading is None:
        return None
    j = i
    while j < len(runs) and runs[j].offsets[0] < choice.end:
        j += 1
    inside = runs[i:j]
    if any(r.ancestors[depth] is not choice for r in inside):
        return None
    if any(r.text.strip() for r in inside if len(r.ancestors) == depth + 1):
        return None  # text of the choice's own, outside its members
    held = [r for r in inside if r.ancestors[-1] is reading]
    if reading.empty or source.text.startswith("</", reading.tag_end):
        return (choice, inside, None, j) if not held else None
    # the reading holds one run and nothing else: markup may go inside it
    if len(held) != 1 or held[0].offsets[0] != reading.tag_end or \
            not source.text.startswith("</", held[0].offsets[-1]) or not eligible(held[0]):
        return None
    return choice, inside, held[0], j


def read_on(source: Source, i: int, eligible) -> Stretch:
    """The stretch that begins with run ``i``: the run (or the plain choice whose reading it is), then
    each suffix element after a day and each plain choice right after it, with the run after each."""
    runs = source.runs
    first = runs[i]
    outer = first.ancestors
    found = (_choice(source, i, len(outer) - 2, eligible)
             if len(outer) > 2 and outer[-1].local in _READINGS else None)
    if found is not None and found[2] is first:
        outer = outer[:-2]
        stretch = Stretch([], "", [found[0].start])
        j = _read_choice(stretch, found)
    else:
        stretch = Stretch([first], first.text, _cuts(first), tail=first)
        j = i + 1
    while j < len(runs):
        at = stretch.offsets[-1]
        nxt = runs[j]
        holder = nxt.parent
        if (stretch.tail is not None and _same(stretch.tail.ancestors, outer) and stretch.text[-1:].isdigit()
                and holder is not None and holder.local == "hi" and holder.ns == TEI_NS
                and _same(nxt.ancestors[:-1], outer) and holder.start == at
                and holder.tag_end == nxt.offsets[0] and _SUFFIX.fullmatch(nxt.text)
                and "<" not in source.text[nxt.offsets[-1] + 1:holder.end] and eligible(nxt)):
            # markup before the suffix stands before <hi>, none inside it, and after it after </hi>
            stretch.offsets += [None] * (len(nxt.text) - 1) + [holder.end]
            stretch.text += nxt.text
            stretch.runs.append(nxt)
            stretch.tail = nxt
            j += 1
        elif len(nxt.ancestors) > len(outer) + 1 and _same(nxt.ancestors[:len(outer)], outer) \
                and nxt.ancestors[len(outer)].start == at \
                and (found := _choice(source, j, len(outer), eligible)) is not None:
            j = _read_choice(stretch, found)
        else:
            break
        if not _run_after(source, stretch, j, outer, eligible):
            break
        j += 1
    return stretch


def _read_choice(stretch: Stretch, found) -> int:
    """Add a choice's reading to the stretch; the index of the run after the choice."""
    choice, inside, reading, j = found
    start = len(stretch.text)
    if reading is not None:
        stretch.offsets[-1] = choice.start  # before the choice, for a date that begins with its reading
        stretch.offsets += [None] * (len(reading.text) - 1)
        stretch.text += reading.text
        stretch.choices.append((start, len(stretch.text), _cuts(reading)))
        stretch.tail = reading
    else:
        stretch.offsets.pop()  # an empty reading: markup stands after the choice
    stretch.offsets.append(choice.end)  # after the choice, for a date that ends with its reading
    stretch.runs += inside
    return j


def _run_after(source: Source, stretch: Stretch, j: int, outer: tuple, eligible) -> bool:
    """Add the run right after a suffix or a choice when it goes on in the same element; did it?"""
    runs = source.runs
    after = runs[j] if j < len(runs) else None
    if after is None or not _same(after.ancestors, outer) or after.offsets[0] != stretch.offsets[-1] \
            or not eligible(after):
        return False
    stretch.offsets[-1:] = _cuts(after)
    stretch.text += after.text
    stretch.runs.append(after)
    stretch.tail = after
    return True
