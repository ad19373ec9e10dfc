from __future__ import annotations

from .. import Rule
from ._dates import ATTRS, ISO


class WhenNotIso(Rule):
    """A normalised date that is not ISO 8601.

    What it flags: @when, @notBefore, @notAfter, @from or @to of any element
    whose value is not an ISO 8601 (W3C) date or time: 1937, 1937-07,
    1937-07-05, --07-05, 1937-07-05T12:00.

    Why it matters: the normalised value is what machines read (timelines,
    sorting, search by date); "July 5, 1937" or "5/7/37" cannot be read.

    Example: `<date when="March 3, 1937">March 3</date>`.

    Fix: write the ISO value: `when="1937-03-03"`.
    """

    code = "TK301"
    name = "when-not-iso"

    def check(self, ctx):
        for el in ctx.doc.root.iter():
            if not isinstance(el.tag, str) or el.get("unit") or el.tag.endswith(("}biblScope", "}citedRange", "}locus")):
                continue  # @from/@to of a cited range are not dates
            for attr in ATTRS:
                v = el.get(attr)
                if v is not None and not ISO.match(v) and not ctx.ignored(self.code, el):
                    yield ctx.diag(self, el, f"@{attr}='{v}' is not an ISO 8601 date")
