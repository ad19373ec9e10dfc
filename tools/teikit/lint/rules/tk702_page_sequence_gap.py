from __future__ import annotations

from .. import Rule
from .tk701_pages_not_increasing import page_breaks


class PageSequenceGap(Rule):
    """A gap in the printed page sequence.

    What it flags: two successive page breaks whose numbers are not
    consecutive (page 23 followed by page 50).

    Why it matters: every page of the source should be citable; a gap means
    page breaks were not found or not encoded, and citations of the missing
    pages cannot be resolved.

    Example: `<pb n="23"/> … <pb n="50"/>`.

    Fix: encode the missing page breaks (with @cert where their place or
    number is inferred); a gap the source itself has (a plate without a
    number, a lost page) is silenced where it stands with
    <?teikit-lint ignore TK702 reason?> before the later page break.
    """

    code = "TK702"
    name = "page-sequence-gap"

    def check(self, ctx):
        for breaks in page_breaks(ctx).values():
            for (a, x), (b, y) in zip(breaks, breaks[1:]):
                if y > x + 1 and not ctx.ignored(self.code, b):
                    yield ctx.diag(self, b, f"pages {x + 1}–{y - 1} are missing between page {a.get('n')} "
                                            f"and page {b.get('n')}", severity="warning")
