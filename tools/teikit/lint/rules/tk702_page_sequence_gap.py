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
                # front matter (roman numbers) and the text (arabic) are two sequences: no gap between them
                if (x < 0) != (y < 0) or y <= x + 1 or ctx.ignored(self.code, b):
                    continue
                missing = f"page {x + 1} is" if y == x + 2 else f"pages {x + 1}–{y - 1} are"
                if x < 0:
                    missing = "a page is" if y == x + 2 else f"{y - x - 1} pages are"
                yield ctx.diag(self, b, f"{missing} missing between page {a.get('n')} and page {b.get('n')}",
                               severity="warning")
