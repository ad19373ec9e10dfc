from __future__ import annotations

from .. import Rule
from ._header import header_check


class MissingCreationDate(Rule):
    """The header gives no date of creation.

    What it flags: a teiHeader without a date of creation (profileDesc/creation/date with a normalised value, and @cert where inferred; for a letter, the date of its correspAction of type sent).

    Why it matters: Dates in the text are checked against it and inferred from it, and readers need to know when the text was written.

    Example: a titleStmt with a title and an editor but nothing else.

    Fix: add it to the header.
    """

    code = "TK603"
    name = "missing-creation-date"

    def check(self, ctx):
        yield from header_check(self, ctx, "tei:profileDesc/tei:creation//tei:date[@when or @notBefore or @notAfter or @from or @to]"
                                     " | tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:date"
                                     "[@when or @notBefore or @notAfter or @from or @to]", "date of creation", skip_register=True)
