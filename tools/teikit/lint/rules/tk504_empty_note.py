from __future__ import annotations

from ...parsing import TEI_NS
from .. import Rule


class EmptyNote(Rule):
    """A note with no text.

    What it flags: a note with no text and nothing it points to (a note
    holding only a ptr, a ref or a graphic is not empty).

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
            if "".join(el.itertext()).strip() or el.xpath(".//*[@target or @url or @facs]"):
                continue  # a note may be only a pointer or a figure
            if not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, "empty note")
