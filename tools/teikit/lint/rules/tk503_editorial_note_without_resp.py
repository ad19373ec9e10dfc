from __future__ import annotations

from ...parsing import TEI_NS
from .. import Rule


class EditorialNoteWithoutResp(Rule):
    """An editorial note that does not say whose it is.

    What it flags: a note with type="editorial" and no @resp.

    Why it matters: readers must be able to tell the author's notes from the
    editors', and an edition with several editors must say who wrote each
    note.

    Example: `<note type="editorial">Trotsky was then in Norway.</note>`.

    Fix: add @resp pointing to the editors (`resp="#serge-ed"`).
    """

    code = "TK503"
    name = "editorial-note-without-resp"

    def check(self, ctx):
        for el in ctx.doc.root.iter(f"{{{TEI_NS}}}note"):
            if el.get("type") == "editorial" and not el.get("resp") and not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, "editorial note without @resp")
