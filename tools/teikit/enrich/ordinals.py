"""A day's ordinal suffix set apart in markup, read with its day: ``March 3<hi rend="sup">rd</hi>, 1937``.

A printed ``3rd`` is often encoded with its suffix raised, so the date runs
over three text runs: ``March 3``, the suffix inside ``hi``, and ``, 1937``.
:func:`read_on` joins such runs into one :class:`Stretch`, whose text the
date finder reads as ``March 3rd, 1937``; a date found there is tagged round
the whole ``hi`` (``<date>March 3<hi rend="sup">rd</hi>, 1937</date>``).  No
markup goes inside the suffix, and a year with a suffix (``1937<hi>th</hi>``)
reads ``1937th``, which is no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parsing import TEI_NS
from ..source import Edit, Source, TextRun

_SUFFIX = re.compile(r"st|nd|rd|th|ST|ND|RD|TH")


@dataclass
class Stretch:
    """Text of one or more runs as a reader meets it, with the source offset of each boundary.

    ``offsets[i]`` is where markup goes to stand before character ``i`` (``len(text)`` for the end),
    or None where none may go: inside a suffix's element, or inside what an entity reference stands for.
    """

    runs: list[TextRun]
    text: str
    offsets: list[int | None]

    def wrap(self, start: int, end: int, open_tag: str, close_tag: str) -> list[Edit]:
        """Edits wrapping characters [start, end) in an element; none when a boundary cannot take markup."""
        a, b = self.offsets[start], self.offsets[end]
        if a is None or b is None:
            return []
        return [Edit(a, a, open_tag, order=1), Edit(b, b, close_tag, order=0)]


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def _cuts(run: TextRun) -> list[int | None]:
    if run.editable and not run.sealed:
        return list(run.offsets)
    return [run.offsets[i] if run.can_cut(i) else None for i in range(len(run.text) + 1)]


def read_on(source: Source, i: int, eligible) -> Stretch:
    """The stretch that begins with run ``i``: the run, and each suffix element after a day and the run after it."""
    runs = source.runs
    first = runs[i]
    stretch = Stretch([first], first.text, _cuts(first))
    last = first
    j = i + 1
    while j < len(runs) and last.text[-1:].isdigit():
        suffix = runs[j]
        holder = suffix.parent
        if not (holder is not None and holder.local == "hi" and holder.ns == TEI_NS
                and _same(suffix.ancestors[:-1], last.ancestors) and holder.start == last.offsets[-1]
                and holder.tag_end == suffix.offsets[0] and _SUFFIX.fullmatch(suffix.text)
                and "<" not in source.text[suffix.offsets[-1] + 1:holder.end] and eligible(suffix)):
            break
        # markup before the suffix stands before <hi>, none inside it, and after it after </hi>
        stretch.offsets += [None] * (len(suffix.text) - 1) + [holder.end]
        stretch.text += suffix.text
        stretch.runs.append(suffix)
        j += 1
        after = runs[j] if j < len(runs) else None
        if after is None or not _same(after.ancestors, last.ancestors) or after.offsets[0] != holder.end or not eligible(after):
            break
        stretch.offsets[-1:] = _cuts(after)
        stretch.text += after.text
        stretch.runs.append(after)
        last = after
        j += 1
    return stretch
