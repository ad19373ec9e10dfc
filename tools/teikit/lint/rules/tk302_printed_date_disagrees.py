from __future__ import annotations

import re

from ...enrich.dates import MONTHS
from ...parsing import NS, TEI_NS
from .. import Rule
from ._dates import key

# full month names (May included), and short forms only with their stop: "Mar." but not "Mar"
_MONTH = re.compile(r"\b(?:(" + "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3 or m == "may"),
                                                 key=len, reverse=True))
                    + r")\b|(" + "|".join(m.capitalize() for m in MONTHS if len(m) <= 4 and m != "may") + r")\.)")
# a year of four figures, not part of a longer number
_YEAR = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d])")
# a day: not part of a longer number ("1,000", "3.5"); a comma may follow ("March 3, 1937")
_DAY = re.compile(r"(?<![\d,.])\b([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?!\d|[,.]\d)")


class PrintedDateDisagrees(Rule):
    """A date whose printed year, month or day disagrees with its normalised value.

    What it flags: a date whose text names a year that none of its values
    (@when, @from, @to, @notBefore, @notAfter, or their -custom forms) has,
    or a month (and a day) that differ from the month (and day) of @when (or
    of @when-custom, for a date printed in another calendar).

    Why it matters: a wrong normalisation puts an event on the wrong day of
    every timeline and index; it usually comes from a slip in encoding or an
    inferred year gone wrong.

    Example: `<date when="1937-04-03">March 3</date>`, `<date when="1936-03-03">March 3, 1937</date>`.

    Fix: correct @when (for old-style dates, @when holds the Gregorian date and
    @when-custom the printed one).
    """

    code = "TK302"
    name = "printed-date-disagrees"

    def check(self, ctx):
        text = ctx.doc.root.find("tei:text", NS)
        if text is None:
            return
        for el in text.iter(f"{{{TEI_NS}}}date"):
            value = el.get("when-custom") or el.get("from-custom") or el.get("when") or el.get("from")
            if not value:
                continue
            year = self._year_problem(el)
            if year and not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, year)
                continue
            k = key(value.split()[0])
            if len(k) < 3 or not k[1]:
                continue
            printed = " ".join("".join(el.itertext()).split())
            m = _MONTH.search(printed)
            if not m:
                continue
            name = m.group(1) or m.group(2)
            month = MONTHS[name.lower()]
            problem = None
            if month != k[1]:
                problem = f"the printed month ({name}) is not the month of {value}"
            elif k[2]:
                d = _DAY.search(printed.replace(m.group(0), " "))
                if d and int(d.group(1)) != k[2]:
                    problem = f"the printed day ({d.group(1)}) is not the day of {value}"
            if problem and not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, f"'{printed}': {problem}")

    @staticmethod
    def _year_problem(el) -> str | None:
        """The printed four-figure years must be among the years of the date's values (a range names
        two, a date of another calendar may fall in the next year of ours)."""
        printed = " ".join("".join(el.itertext()).split())
        years = {int(y) for y in _YEAR.findall(printed)}
        values = [el.get(a) for a in ("when", "from", "to", "notBefore", "notAfter", "when-custom",
                                      "from-custom", "to-custom", "notBefore-custom", "notAfter-custom")]
        allowed = {key(v.split()[0])[0] for v in values if v and key(v.split()[0])}
        if not years or not allowed or years & allowed:
            return None
        shown = ", ".join(str(y) for y in sorted(years))
        return f"'{printed}': the printed year ({shown}) is not the year of {' / '.join(v for v in values if v)}"
