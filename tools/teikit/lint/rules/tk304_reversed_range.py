from __future__ import annotations

from .. import Rule
from ._dates import key


class ReversedRange(Rule):
    """A period whose start is after its end.

    What it flags: @from later than @to, or @notBefore later than
    @notAfter, on any element.

    Why it matters: an impossible range cannot be placed on a timeline and
    usually hides a typing slip (1937-12-01 for 1937-01-12).

    Example: `<date from="1938" to="1937">1937–38</date>`.

    Fix: correct the values.
    """

    code = "TK304"
    name = "reversed-range"

    def check(self, ctx):
        for el in ctx.doc.root.iter():
            if not isinstance(el.tag, str):
                continue
            for a, b in (("from", "to"), ("notBefore", "notAfter")):
                x, y = key(el.get(a) or ""), key(el.get(b) or "")
                if x and y and x > y and not ctx.ignored(self.code, el):
                    yield ctx.diag(self, el, f"@{a}={el.get(a)} is after @{b}={el.get(b)}")
