from __future__ import annotations

from .. import Rule
from ._header import header_check


class MissingSourceDescription(Rule):
    """The header gives no source description.

    What it flags: a teiHeader without a source description (a sourceDesc with some content: a bibl of the original publication and of the transcription used, a msDesc, a listWit …).

    Why it matters: A scholarly edition says what it was made from; without it neither the text nor its emendations can be checked.

    Example: a titleStmt with a title and an editor but nothing else.

    Fix: add it to the header.
    """

    code = "TK604"
    name = "missing-source-description"

    def check(self, ctx):
        yield from header_check(self, ctx, "tei:fileDesc/tei:sourceDesc/*", "source description", skip_register=False)
