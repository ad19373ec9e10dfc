from __future__ import annotations

from .. import Rule
from ._header import header_check


class MissingAuthor(Rule):
    """The header gives no author.

    What it flags: a teiHeader without an author in titleStmt (an author element pointing to the register, e.g. <author ref="psn:trotsky">Leon Trotsky</author>).

    Why it matters: Readers, catalogues and the registers need to know who wrote the text; an unsigned text says so in an editorial note and names its authors as far as known (The editors of The Militant).

    Example: a titleStmt with a title and an editor but nothing else.

    Fix: add it to the header.
    """

    code = "TK601"
    name = "missing-author"

    def check(self, ctx):
        yield from header_check(self, ctx, "tei:fileDesc/tei:titleStmt/tei:author", "author", skip_register=True)
