from __future__ import annotations

from ...parsing import TEI_NS
from .. import Rule


class EmptyNote(Rule):
    """A note with no text.

    What it flags: a note whose content is empty or only whitespace.

    Why it matters: an empty note produces a marker that leads nowhere in
    both editions; it is usually a note whose text was lost when notes were
    moved to their markers.

    Example: `<note place="foot" n="*"/>`.

    Fix: restore the note's text from the source, or remove the note.
    """

    code = "TK504"
    name = "empty-note"

    def check(self, ctx):
        for el in ctx.doc.root.iter(f"{{{TEI_NS}}}note"):
            if not "".join(el.itertext()).strip() and not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, "empty note")
