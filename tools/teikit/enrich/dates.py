"""Finding date expressions in English prose and normalising them to ISO 8601.

``find_dates`` is a pure function over a string: it returns the spans of
date expressions (``March 3``, ``5 June``, ``December 1, 1934``, ``August 1936``,
``1937–38``, ``autumn 1924``, ``winter of 1936-37``, ``the 12th of February``,
ranges of days such as ``19–24 August 1936``, ``January 23 to 30, 1937`` or
``March 2 to April 5, 1937``) with the attributes of their ``<date>``:
``when``, or ``from``/``to``, or ``notBefore``/``notAfter``, and
``cert="medium"`` when the year had to be inferred.  A word that opens a
range ("from 2 to 13 March") stays outside the element.  Old-style Russian
dates (a cue such as "old style" or "old Russian calendar" in the sentence)
get the Gregorian date in ``when`` and the printed one in ``when-custom``.

Month names in capitals are months (``MARCH 3, 1937``, ``AUGUST 1936``); in a
block set in capitals (a heading) the whole expression is read without regard
to case (``THE 12TH OF FEBRUARY``), but a month in lower case ("may") is never
one.  A day whose ordinal suffix is set apart in markup is read with it, and a
``choice`` is read by its corr, as the reading text reads it (see :mod:`.stretches`).

A date that names a day its calendar lacks (``February 29, 1937``, ``April 31,
1936``, ``February 30 to March 2``) is not tagged, and neither is its year
alone: the expression is one date whose day is wrong, so a ``<date when="1937">``
round its year would claim that the text names a year only, and would stand in
the way of the editor's own encoding once the day is settled (an emendation in
``choice``, or the misprint kept and explained).  ``find_dates`` lists such
expressions for the editor (its ``impossible`` argument), and enrich reports each
with its context.  February 29 of a year divisible by four is a day in an
old-style date (the Julian calendar has it in 1900).  A year that had to be
inferred is said to be so: "February 29" in 1937 may be a year inferred wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..source import Edit, TextRun, escape_attr
from . import Change, Context, block_key, mostly_upper, neighbours
from .stretches import Stretch, read_on
from .words import WORD, in_word

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
SEASONS = {  # season -> (first month, last month); winter runs into the next year
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
# a month in capitals (a heading "MARCH 3, 1937") is as much a month; in lower case ("may", "march") it is none
_MONTH = rf"(?:{_MONTH_NAMES}|{_MONTH_NAMES.upper()}|{_MONTH_ABBR}|{_MONTH_ABBR.upper()})"
_ORDINAL = r"(?:st|nd|rd|th|ST|ND|RD|TH)"
_DAY = rf"(?:[1-9]|[12][0-9]|3[01]){_ORDINAL}?"
# A year with a month or a season is any from 1000 to 2099 (an early modern letter is dated too); a
# number alone is read as a year only within _bare_year's window, since most such numbers are quantities.
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_MODERN_YEAR = r"(?:1[89][0-9]{2}|20[0-4][0-9])"
_DASH = r"\s?[-–—]\s?"
_SEASON = r"(?:spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter|SPRING|SUMMER|AUTUMN|FALL|WINTER)"
# between the two ends of a range: a dash, or "to" ("from 2 to 13 March"; the "from" stays outside),
# or "and" after "between" (which stays outside too)
_TO = rf"(?:{_DASH}|\s(?:to|until|till)\s|(?(b)\sand\s|(?!)))"
# after a day or a range of days without a year: not a number running on ("March 8 to 5,000 men")
_NO_MORE = r"(?![0-9]|,[0-9]|,?\s?[0-9]{3})"


def _range_rx(body: str) -> str:
    """A range, with "between" before it kept out of the date."""
    return rf"(?:(?P<b>[Bb]etween)\s)?(?P<span>{body})"


# Order matters only between matches of the same span: the longest match wins, then the earliest pattern.
_PATTERNS = [
    ("mdmd_range", _range_rx(rf"(?P<m1>{_MONTH})\s(?P<d1>{_DAY}){_TO}(?P<m2>{_MONTH})\s(?P<d2>{_DAY})"
                             rf"(?:,?\s(?P<y>{_YEAR})(?![0-9])|{_NO_MORE})")),
    ("dmdm_range", _range_rx(rf"(?P<d1>{_DAY})\s(?P<m1>{_MONTH}){_TO}(?P<d2>{_DAY})\s(?P<m2>{_MONTH})"
                             rf"(?:,?\s(?P<y>{_YEAR})(?![0-9])|{_NO_MORE})")),
    ("mdy_range", _range_rx(rf"(?P<m>{_MONTH})\s(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY}),?\s(?P<y>{_YEAR})(?![0-9])")),
    ("dmy_range", _range_rx(rf"(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s(?:of\s)?(?P<m>{_MONTH}),?\s(?P<y>{_YEAR})(?![0-9])")),
    ("mdy", rf"(?P<m>{_MONTH})\s(?P<d>{_DAY}),?\s(?P<y>{_YEAR})(?![0-9])"),
    ("dmy", rf"(?P<d>{_DAY})\s(?:of\s)?(?P<m>{_MONTH}),?\s(?P<y>{_YEAR})(?![0-9])"),
    ("the_d_of_m", rf"(?:the\s)?(?P<d>{_DAY})\sof\s(?P<m>{_MONTH})(?:,?\s(?P<y>{_YEAR}))?"),
    ("md_range", _range_rx(rf"(?P<m>{_MONTH})\s(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY}){_NO_MORE}")),
    ("dm_range", _range_rx(rf"(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s(?:of\s)?(?P<m>{_MONTH})")),
    ("md", rf"(?P<m>{_MONTH})\s(?P<d>{_DAY})(?![0-9]|,?\s?[0-9]{{3}})"),
    ("dm", rf"(?P<d>{_DAY})\s(?P<m>{_MONTH})"),
    ("my_range", _range_rx(rf"(?P<m1>{_MONTH})(?:\s(?P<y1>{_YEAR}))?{_TO}(?P<m2>{_MONTH})\s(?P<y2>{_YEAR})(?![0-9])")),
    ("my", rf"(?P<m>{_MONTH}),?\s(?:of\s)?(?P<y>{_YEAR})(?![0-9])"),
    ("season_range", rf"(?P<s>{_SEASON})\s(?:of\s)?(?P<y1>{_YEAR})(?:{_DASH}|/)(?P<y2>[0-9]{{2}}|{_YEAR})(?![0-9])"),
    ("season", rf"(?P<s>{_SEASON})\s(?:of\s)?(?P<y>{_YEAR})(?![0-9])"),
    ("y_range", rf"(?P<y1>{_YEAR}){_DASH}(?P<y2>[0-9]{{2}}|{_YEAR})(?![0-9])"),
    ("from_to", rf"(?:from|From|between|Between)\s(?P<span>(?P<y1>{_YEAR})\s(?:to|and|until)\s(?P<y2>{_YEAR}))(?![0-9])"),
    # not after a bare "of": "the generation of October" names the revolution, not a month
    ("month_in", rf"(?<!{WORD})(?:in|In|since|Since|until|Until|by|By|before|after|during|early|late|end of|beginning of)\s"
                 rf"(?P<span>(?P<m>January|February|March|April|June|July|August|September|October|November|December))(?!{WORD}|-)"),
    ("year", rf"(?P<y>{_YEAR})(?![0-9])"),
]
_COMPILED = [(name, re.compile(rx)) for name, rx in _PATTERNS]
# a block in capitals ("THE 12TH OF FEBRUARY", "FROM 2 TO 13 MARCH 1938") is read without regard to case
_COMPILED_CAPITALS = [(name, re.compile(rx, re.I)) for name, rx in _PATTERNS]
_JULIAN_CUE = re.compile(r"old[- ]style|\bO\.\s?S\.|old (?:Russian )?calendar|Julian calendar|Russian calendar", re.I)
_ORDINAL_AFTER = re.compile(rf"{_ORDINAL}(?!{WORD})")
_YEAR_ALONE = re.compile(rf"(?<![0-9]){_MODERN_YEAR}(?![0-9])")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z\"“‘(])")
# Words before a bare number that make it not a year.
_NOT_A_YEAR = re.compile(r"(?:No\.|no\.|p\.|pp\.|Vol\.|vol\.|page|pages|number|Nos?\.|§|\$|£)\s?$")
_NOT_A_YEAR_CAPITALS = re.compile(_NOT_A_YEAR.pattern, re.I)


@dataclass
class DateContext:
    """What the text around an expression says about its year."""

    creation: dt.date | None = None  # when the document was written
    last_year: int | None = None  # the nearest explicit year before, in the same run of prose
    julian_default: bool = False
    capitals: bool = False  # the text is that of a block in capitals (a heading): case does not count


def _not_a_year(text: str, start: int, ctx: DateContext) -> bool:
    """Do the words before a number say it is no year (p. 1917, No. 5)?"""
    return bool((_NOT_A_YEAR_CAPITALS if ctx.capitals else _NOT_A_YEAR).search(text[max(0, start - 8):start]))


@dataclass
class DateMatch:
    start: int
    end: int
    text: str
    attrs: dict[str, str] = field(default_factory=dict)
    inferred: bool = False
    problem: str = ""  # why an expression is no date that may be tagged (an impossible day)


class _NoSuchDay(Exception):
    """A date expression whose day its calendar does not have; the message says why."""


def _month(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _exists(y: int, m: int, d: int, julian: bool) -> bool:
    """Has the calendar this day?  The Julian calendar has February 29 in every fourth year."""
    if julian and (m, d) == (2, 29) and y < 1918:
        return y % 4 == 0
    return _valid(y, m, d)


def _no_such_day(y: int | None, m: int, d: int, inferred: bool) -> _NoSuchDay:
    month = _MONTH_NAMES.split("|")[m - 1]
    if y is None or not _valid(2000, m, d):  # 2000 is a leap year: a day missing from it is missing always
        return _NoSuchDay(f"{month} has no day {d}")
    return _NoSuchDay(f"{y}{' (the year inferred)' if inferred else ''} has no {month} {d}")


def julian_to_gregorian(y: int, m: int, d: int) -> dt.date:
    """Convert a Julian calendar date to the Gregorian calendar (via the Julian day number)."""
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
    return dt.date.fromordinal(jdn - 1721425)


def _last_day(y: int, m: int) -> int:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _infer_year(m: int, d: int | None, ctx: DateContext) -> tuple[int | None, bool]:
    """The year of a date printed without one, and whether it was inferred."""
    if ctx.last_year is not None:
        return ctx.last_year, True
    if ctx.creation is not None:
        y = ctx.creation.year
        # A date later in the year than the writing itself belongs to the year before.
        if (m, d or 1) > (ctx.creation.month, ctx.creation.day):
            y -= 1
        return y, True
    return None, True


def _sentence(text: str, start: int, end: int) -> str:
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    hi = m.start() + 1 if m else len(text)
    return text[lo:hi]


def find_dates(text: str, ctx: DateContext | None = None, *, sentence=None,
               around: tuple[str, str] = ("", ""), impossible: list[DateMatch] | None = None) -> list[DateMatch]:
    """Date expressions in ``text`` with the attributes of their ``<date>`` element.

    ``sentence(start, end)`` gives the sentence around a match when ``text`` is only a piece of it
    (a text node between two names): the cue of an old-style date may stand in another piece.
    ``around`` gives the characters a reader meets just before and after the piece (see
    :func:`teikit.enrich.neighbours`): a number that runs on into them is no date.
    Expressions that name a day the calendar lacks are not returned, nor any part of them; when
    ``impossible`` is a list, they are added to it, each with its ``problem``.
    """
    ctx = ctx or DateContext()
    sentence = sentence or (lambda a, b: _sentence(text, a, b))
    out: list[DateMatch] = []
    last_year = ctx.last_year
    taken = 0  # the end of the last expression kept: a candidate overlapping it is part of it
    for kind, m, start, end in _candidates(text, ctx.capitals):
        # a candidate that is no date where it stands leaves its place to a shorter one inside it
        # ("1917 to 13 March 1918" is no range of days from the 17th, but holds 13 March 1918)
        if start < taken or _month_in_lower_case(m) or _runs_on(kind, text, start, end, around) \
                or _a_quantity(kind, m.groupdict(), ctx):
            continue
        julian = ctx.julian_default or bool(_JULIAN_CUE.search(sentence(start, end)))
        local = replace(ctx, last_year=_nearest_year(text, end, last_year))
        try:
            reading = _READERS[kind](_Found(kind, m.groupdict(), text, start, local, julian))
        except _NoSuchDay as no:
            # one expression whose day is wrong ("February 29, 1937"): no part of it is a date of its own,
            # unless it may be no range at all ("April 8 to 31 delegates" holds April 8)
            if kind in _ONE_DAY or _whole(kind, text[start:end]):
                if impossible is not None:
                    impossible.append(DateMatch(start, end, text[start:end], {}, False, str(no)))
                taken = end
            continue
        if reading.attrs is None:
            if _whole(kind, text[start:end]):
                taken = end  # no part of it is a date of its own ("30 to 2 March" tags nothing)
            continue
        if reading.year_seen is not None:
            last_year = reading.year_seen
        attrs = {**reading.attrs, "cert": "medium"} if reading.inferred else reading.attrs
        out.append(DateMatch(start, end, text[start:end], attrs, reading.inferred))
        taken = end
    return out


def _month_in_lower_case(m: re.Match) -> bool:
    """Is a month of the candidate in lower case?  Read without regard to case, "may" is still no month."""
    return any(m.group(k)[:1].islower() for k in ("m", "m1", "m2") if k in m.re.groupindex and m.group(k))


def _runs_on(kind: str, text: str, start: int, end: int, around: tuple[str, str]) -> bool:
    """Does the candidate run on into a word (see :mod:`.words`) or a number (1917-, 3/4, 1.5) on either side?

    ``around`` holds the characters a reader meets before and after ``text``.  A day's ordinal suffix set
    apart in markup (March 3<hi rend="sup">rd</hi>) ends the date; other letters run on.
    """
    before, after = around
    previous = text[start - 1] if start > 0 else before[-1:]
    if previous and (in_word(previous) or previous in "-/."):
        return True
    following = (text[end:end + 2] + after)[:2]
    ordinal = (kind in ("md", "mdmd_range", "md_range") and end == len(text) and text[end - 1:end].isdigit()
               and _ORDINAL_AFTER.match(after))
    return bool(following) and not ordinal and (
        in_word(following[0]) or (following[0] in "./" and following[1:2].isdigit()))


def _a_quantity(kind: str, g: dict[str, str | None], ctx: DateContext) -> bool:
    """Is the number of a year alone, or of a range of years, rather a quantity?"""
    if kind == "year" and ctx.creation is not None and int(g["y"]) > ctx.creation.year:
        return True  # a bare number later than the writing is a quantity ("2000 kilometers"), not a year
    return kind in ("year", "y_range", "from_to") and not _bare_year(int(g.get("y") or g["y1"]), ctx)


def _nearest_year(text: str, end: int, last_year: int | None) -> int | None:
    """The year nearest to a date that ends at ``end``: one printed later in the same sentence ("March 3
    and again April 5, 1937"), else the last explicit one before it."""
    stop = _SENTENCE_END.search(text, end)
    later = _YEAR_ALONE.search(text, end, stop.start() if stop else len(text))
    return (int(later.group(0)) if later else None) or last_year


_ONE_DAY = frozenset({"mdy", "dmy", "the_d_of_m", "md", "dm"})


def _bare_year(y: int, ctx: DateContext) -> bool:
    """May a number standing alone be this year?  From 1800 to 2049, or, in a document written
    earlier, from a century before its writing (a letter of 1650 names 1642, not "1500 men")."""
    low = 1800 if ctx.creation is None else min(1800, ctx.creation.year - 100)
    return low <= y <= 2049


def _whole(kind: str, found: str) -> bool:
    """Is a refused candidate still one expression, none of whose parts may be tagged alone?

    Yes for a range of days or months, except one that starts with its month, has no year and is
    joined by a word, which may be no range at all: in "on March 8 to 3 delegates" March 8 is still
    a date, but in "30 to 2 March" the month belongs to both days.
    """
    if not kind.endswith("_range") or kind in ("y_range", "season_range"):
        return False
    if kind.startswith("d"):
        return True
    return bool(_YEAR_ALONE.search(found)) or not re.search(r"\s(?:to|until|till|and)\s", found)


def _candidates(text: str, capitals: bool = False):
    """Matches of every pattern, leftmost first, then longest, then earliest pattern."""
    found = []
    for rank, (kind, rx) in enumerate(_COMPILED_CAPITALS if capitals else _COMPILED):
        for m in rx.finditer(text):
            a, b = m.span("span") if "span" in rx.groupindex else m.span()
            found.append((a, -(b - a), rank, kind, m, b))
    found.sort(key=lambda t: t[:3])
    for start, _, _, kind, m, stop in found:
        yield kind, m, start, stop


# ---------------------------------------------------------------- reading each shape of date

@dataclass(frozen=True)
class _Found:
    """A candidate expression as the reader of its shape sees it."""

    kind: str
    groups: dict[str, str | None]
    text: str  # the whole text the expression was found in
    start: int
    ctx: DateContext  # with the year nearest to the expression
    julian: bool  # an old-style date

    def no_year_before(self) -> bool:
        """Do the words before the expression say its number is none (p. 5 June, No. 1917)?"""
        return _not_a_year(self.text, self.start, self.ctx)


@dataclass(frozen=True)
class _Reading:
    """What a candidate says: the attributes of its ``<date>`` (None: no date), whether its year was
    inferred, and the year it names outright (for the dates after it)."""

    attrs: dict[str, str] | None
    inferred: bool = False
    year_seen: int | None = None


_NO_DATE = _Reading(None)


def _day_attrs(y: int, mo: int, d: int, julian: bool, inferred: bool = False) -> dict[str, str]:
    """The attributes of one day; an old-style one before the change of calendar gets both readings."""
    if not _exists(y, mo, d, julian):
        raise _no_such_day(y, mo, d, inferred)
    if julian and (y, mo, d) < (1918, 2, 1):
        greg = julian_to_gregorian(y, mo, d)
        return {"when": greg.isoformat(), "when-custom": f"{y:04d}-{mo:02d}-{d:02d}", "datingMethod": "#julian"}
    return {"when": f"{y:04d}-{mo:02d}-{d:02d}"}


def _month_attrs(y: int, mo: int, julian: bool) -> dict[str, str]:
    """The attributes of one month; an old-style one is the span of its Gregorian days."""
    if julian and (y, mo) < (1918, 2):
        first = julian_to_gregorian(y, mo, 1)
        last = julian_to_gregorian(y, mo, _last_day(y, mo))
        return {"notBefore": first.isoformat(), "notAfter": last.isoformat(),
                "when-custom": f"{y:04d}-{mo:02d}", "datingMethod": "#julian"}
    return {"when": f"{y:04d}-{mo:02d}"}


def _day_of(y: int | None, mo: int, d: int, julian: bool) -> dict[str, str] | None:
    """The attributes of a day whose year was inferred; None when no year could be (a day that no
    year has, such as April 31, is still reported)."""
    if y is None:
        if not _valid(2000, mo, d):
            raise _no_such_day(None, mo, d, True)
        return None
    return _day_attrs(y, mo, d, julian, True)


def _day_in_year(f: _Found) -> _Reading:
    """A day with its month and year: December 1, 1934; 12 July 1794."""
    y = int(f.groups["y"])
    return _Reading(_day_attrs(y, _month(f.groups["m"]), _day(f.groups["d"]), f.julian), False, y)


def _days(f: _Found) -> _Reading:
    """A range of days: in one month (19–24 August 1936) or two (March 2 to April 5, 1937)."""
    g = f.groups
    if f.kind in ("dm_range", "dmdm_range") and f.no_year_before():
        return _NO_DATE
    m1, m2 = _month(g.get("m1") or g["m"]), _month(g.get("m2") or g["m"])
    d1, d2 = _day(g["d1"]), _day(g["d2"])
    if (m1, d1) == (m2, d2) or (m1 == m2 and d2 < d1):
        return _NO_DATE
    if g.get("y"):
        y2, inferred = int(g["y"]), False
    else:
        y2, inferred = _infer_year(m2, d2, f.ctx)
        if not y2:
            return _NO_DATE
    y1 = y2 - 1 if m1 > m2 else y2  # December 28 to January 3, 1937 begins in 1936
    a, b = _day_attrs(y1, m1, d1, f.julian, inferred), _day_attrs(y2, m2, d2, f.julian, inferred)
    return _Reading(_range(a, b), inferred, y2 if not inferred else None)


def _the_day_of_month(f: _Found) -> _Reading:
    """The 12th of February, with its year or without."""
    mo, d = _month(f.groups["m"]), _day(f.groups["d"])
    if f.groups.get("y"):
        y = int(f.groups["y"])
        return _Reading(_day_attrs(y, mo, d, f.julian), False, y)
    y, inferred = _infer_year(mo, d, f.ctx)
    return _Reading(_day_of(y, mo, d, f.julian), inferred)


def _day_without_year(f: _Found) -> _Reading:
    """A day and its month without a year: March 3, 5 June, 3rd March."""
    if f.kind == "dm" and f.no_year_before():
        return _NO_DATE
    mo, d = _month(f.groups["m"]), _day(f.groups["d"])
    y, inferred = _infer_year(mo, d, f.ctx)
    return _Reading(_day_of(y, mo, d, f.julian), inferred)


def _month_of_year(f: _Found) -> _Reading:
    """A month with its year: August 1936."""
    y = int(f.groups["y"])
    return _Reading(_month_attrs(y, _month(f.groups["m"]), f.julian), False, y)


def _months(f: _Found) -> _Reading:
    """A range of months: October to December 1941, December to February 1937."""
    g = f.groups
    y2, m1, m2 = int(g["y2"]), _month(g["m1"]), _month(g["m2"])
    y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
    if (y1, m1) >= (y2, m2):
        return _NO_DATE
    return _Reading(_range(_month_attrs(y1, m1, f.julian), _month_attrs(y2, m2, f.julian)), False, y2)


def _season(f: _Found) -> _Reading:
    """A season of a year: autumn 1924; a winter runs into the next year."""
    y = int(f.groups["y"])
    first, last = SEASONS[f.groups["s"].lower()]
    y_end = y + 1 if first > last else y
    return _Reading({"notBefore": f"{y:04d}-{first:02d}", "notAfter": f"{y_end:04d}-{last:02d}"}, False, y)


def _season_over_years(f: _Found) -> _Reading:
    """Winter of 1936-37: from the season's first month in the first year to its last in the second."""
    y1 = int(f.groups["y1"])
    y2 = _second_year(y1, f.groups["y2"])
    first, last = SEASONS[f.groups["s"].lower()]
    if y2 <= y1:
        return _NO_DATE
    return _Reading({"notBefore": f"{y1:04d}-{first:02d}", "notAfter": f"{y2:04d}-{last:02d}"}, False, y2)


def _years(f: _Found) -> _Reading:
    """A range of years: 1937–38, from 1917 to 1923."""
    y1 = int(f.groups["y1"])
    y2 = _second_year(y1, f.groups["y2"])
    if y2 <= y1:
        return _NO_DATE
    return _Reading({"from": str(y1), "to": str(y2)}, False, y2)


def _month_in(f: _Found) -> _Reading:
    """A month after a word that makes it one (in March, since October), its year inferred."""
    mo = _month(f.groups["m"])
    y, inferred = _infer_year(mo, None, f.ctx)
    return _Reading(_month_attrs(y, mo, f.julian) if y else None, inferred)


def _year(f: _Found) -> _Reading:
    """A year alone: 1931."""
    if f.no_year_before():
        return _NO_DATE
    y = int(f.groups["y"])
    return _Reading({"when": str(y)}, False, y)


# The reader of each shape in _PATTERNS.
_READERS = {
    "mdy": _day_in_year, "dmy": _day_in_year,
    "mdy_range": _days, "dmy_range": _days, "md_range": _days, "dm_range": _days, "mdmd_range": _days,
    "dmdm_range": _days,
    "the_d_of_m": _the_day_of_month,
    "md": _day_without_year, "dm": _day_without_year,
    "my": _month_of_year,
    "my_range": _months,
    "season": _season,
    "season_range": _season_over_years,
    "y_range": _years, "from_to": _years,
    "month_in": _month_in,
    "year": _year,
}


def _second_year(y1: int, y2: str) -> int:
    """The end of a range of years, printed in full (1936–1937) or by its last two digits (1936-37)."""
    return int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)


def _range(a: dict, b: dict) -> dict:
    """Two single dates as a range (keeping old-style readings when both have them)."""
    def first(d, key):
        return d.get("when") or d.get(key)
    out = {"from": first(a, "notBefore"), "to": first(b, "notAfter")}
    if "when-custom" in a and "when-custom" in b:
        out["from-custom"] = a["when-custom"]
        out["to-custom"] = b["when-custom"]
        out["datingMethod"] = "#julian"
    return out


# ---------------------------------------------------------------- the enrich pass

_DIVISIONS = {"div", "div1", "div2", "div3", "div4", "body", "front", "back", "floatingText"}
_CALENDAR_NOTE = ("old-style dates point to #julian: declare it in the header "
                  "(encodingDesc/calendarDesc/calendar xml:id=\"julian\")")
# A block's text, and where each of its runs (by id) starts in it.
_Block = tuple[str, dict[int, int]]


def _div_key(run: TextRun) -> int:
    div = next((a for a in reversed(run.ancestors) if a.local in _DIVISIONS), None)
    return div.start if div is not None else -1


def _block_texts(runs: list[TextRun]) -> dict[int | None, _Block]:
    """Each block's text read as one (a sentence may run through several runs), by :func:`block_key`."""
    blocks: dict[int | None, _Block] = {}
    for run in runs:
        key = block_key(run)
        text, starts = blocks.get(key, ("", {}))
        starts[id(run)] = len(text)
        blocks[key] = (text + run.text, starts)
    return blocks


def _stretches(ctx: Context) -> Iterator[tuple[TextRun, Stretch | None]]:
    """Each run where no date may go, with None; and each stretch where dates may, with its first run.

    In a stretch a day's suffix in markup is read with its day, and a choice by its corr (see :mod:`.stretches`).
    """
    runs, i = ctx.source.runs, 0
    while i < len(runs):
        if not ctx.eligible(runs[i]):
            yield runs[i], None
            i += 1
            continue
        stretch = read_on(ctx.source, i, ctx.eligible)
        yield runs[i], stretch
        i += len(stretch.runs)


def _dates_in(stretch: Stretch, run: TextRun, block: _Block, context: DateContext,
              around: dict[int, tuple[str, str]]) -> tuple[list[DateMatch], list[DateMatch]]:
    """The dates of a stretch that begins with ``run``, read in its block (the old-style cue of its sentence,
    the characters around it), and the expressions that name a day the calendar lacks."""
    block_text, starts = block
    offset = starts[id(run)]
    impossible: list[DateMatch] = []
    found = find_dates(stretch.text, context, sentence=lambda a, b: _sentence(block_text, offset + a, offset + b),
                       around=(around.get(id(run), ("", ""))[0],
                               around.get(id(stretch.tail), ("", ""))[1]),
                       impossible=impossible)
    return found, impossible


def _note_years(text: str, last_year: dict[int, int], div: int) -> None:
    """Keep the last explicit year of a division, for the dates after it that print none."""
    for m in re.finditer(_MODERN_YEAR, text):
        last_year[div] = int(m.group(0))


@dataclass
class DatesPass:
    """Wrap date expressions in <date> with their normalised value."""

    name: str = "dates"
    context_chars: int = 40  # of text either side of a date reported to the editor

    def edits(self, ctx: Context, change: Change) -> list[Edit]:
        edits: list[Edit] = []
        # the last explicit year seen in each division (a heading "MARCH 1917" dates its chapter's
        # "February 27th"); a new division starts without one
        last_year: dict[int, int] = {}
        blocks = _block_texts(ctx.source.runs)
        # decided per block, whose text tagging does not change (per run, a second run would differ)
        capitals = {key: mostly_upper(text, short_ones=True) for key, (text, _) in blocks.items()}
        around = neighbours(ctx.source)
        for run, stretch in _stretches(ctx):
            div = _div_key(run)
            if stretch is None:
                _note_years(run.text, last_year, div)  # a year inside existing markup still sets the context
                continue
            prefix = ctx.tei_prefix(run)
            if prefix is None:
                continue
            block = block_key(run)
            found, impossible = _dates_in(stretch, run, blocks[block],
                                          DateContext(ctx.creation, last_year.get(div), capitals=capitals[block]),
                                          around)
            for d in impossible:
                self._report(change, stretch, d, "impossible date", "impossible dates",
                             f"{d.problem}, so it is not tagged (nor its year alone): check it against the source "
                             f"and encode it by hand")
            qname = f"{prefix}:date" if prefix else "date"
            for d in found:
                edits += self._tag(ctx, change, stretch, d, qname)
            _note_years(stretch.text, last_year, div)
        return edits

    def _tag(self, ctx: Context, change: Change, stretch: Stretch, d: DateMatch, qname: str) -> list[Edit]:
        """The edits wrapping one date in its element, counted; none where no element can hold it."""
        attrs = "".join(f' {k}="{escape_attr(v)}"' for k, v in d.attrs.items())
        wrapped = stretch.wrap(d.start, d.end, f"<{qname}{attrs}>", f"</{qname}>")
        if not wrapped:
            if stretch.splits_choice(d.start, d.end):
                self._report(change, stretch, d, "date across a choice", "dates across a choice",
                             "it begins or ends inside a choice's reading, so no element can hold it: "
                             "encode it by hand")
            return []  # it would begin or end inside a suffix's element or an entity's text
        change.add("dates")
        if d.inferred:
            change.add("inferred years")
        if "datingMethod" in d.attrs:
            change.add("old style")
            _ask_for_the_calendar(ctx, change, wrapped[0].start)
        return wrapped

    def _report(self, change: Change, stretch: Stretch, d: DateMatch, key: str, count: str, says: str) -> None:
        """Tell the editor of a date found and not tagged, with its context (as names reports ambiguities)."""
        around = stretch.text[max(0, d.start - self.context_chars):d.end + self.context_chars]
        change.notes.append(f"{key}: '{d.text}': {says}: …{' '.join(around.split())}…")
        change.where.append(next((o for o in stretch.offsets[d.start:] if o is not None), stretch.offsets[-1]))
        change.add(count)


def _ask_for_the_calendar(ctx: Context, change: Change, at: int) -> None:
    """Old-style dates point to #julian: ask once for its declaration where the header lacks it."""
    if _CALENDAR_NOTE not in change.notes and \
            not ctx.doc.root.xpath(".//*[local-name()='calendar'][@xml:id='julian']"):
        change.notes.append(_CALENDAR_NOTE)
        change.where.append(at)
