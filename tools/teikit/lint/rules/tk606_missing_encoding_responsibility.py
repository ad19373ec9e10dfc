from __future__ import annotations

from .. import Rule
from ._header import header_check


class MissingEncodingResponsibility(Rule):
    """The header gives no statement of responsibility for the encoding.

    What it flags: a teiHeader without a responsibility statement for the encoding (a respStmt in the titleStmt or the editionStmt).

    Why it matters: Emendations and annotations are attributed with @resp; the header must say who the encoders are.

    Example: a titleStmt with a title and an editor but nothing else.

    Fix: add it to the header.
    """

    code = "TK606"
    name = "missing-encoding-responsibility"

    def check(self, ctx):
        yield from header_check(self, ctx, "tei:fileDesc/tei:titleStmt/tei:respStmt | tei:fileDesc/tei:editionStmt/tei:respStmt", "statement of responsibility for the encoding", skip_register=False)
