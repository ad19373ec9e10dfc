from __future__ import annotations

from .. import Rule
from ._header import header_check


class MissingLicence(Rule):
    """The header gives no licence or availability.

    What it flags: a teiHeader without a licence or statement of availability (publicationStmt/availability/licence).

    Why it matters: Others can reuse the edition only if they know under which terms; projects that exchange TEI need it in the file itself.

    Example: a titleStmt with a title and an editor but nothing else.

    Fix: add it to the header.
    """

    code = "TK605"
    name = "missing-licence"

    def check(self, ctx):
        yield from header_check(self, ctx, "tei:fileDesc/tei:publicationStmt/tei:availability[tei:licence or tei:p]", "licence or availability", skip_register=False)
