from __future__ import annotations

from .. import Rule
from ._header import header_check


class MissingTitle(Rule):
    """The header gives no title.

    What it flags: a teiHeader without a title in titleStmt.

    Why it matters: Every page, bibliographic record and citation of the edition begins with the title.

    Example: a titleStmt with a title and an editor but nothing else.

    Fix: add it to the header.
    """

    code = "TK602"
    name = "missing-title"

    def check(self, ctx):
        yield from header_check(self, ctx, "tei:fileDesc/tei:titleStmt/tei:title", "title", skip_register=False)
