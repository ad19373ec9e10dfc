from __future__ import annotations

from ...diagnostics import Fix
from ...enrich import Change, Context
from ...enrich.ids import IdsPass
from .. import Rule


class CitableElementWithoutId(Rule):
    """A division, paragraph, heading or note of the text without an xml:id.

    What it flags: div, p, head and note elements in the text that have no
    xml:id.

    Why it matters: the web edition gives every paragraph and note a
    permanent anchor from its xml:id, so that readers can cite it; an
    element without an id gets no stable anchor.

    Example: `<p>On March 3 Stalin …</p>` in a document whose paragraphs are
    otherwise `<p xml:id="offensive-p3">`.

    Fix (safe): add ids with the same scheme as teikit enrich --only ids
    ({document}-p12); existing ids are never changed.
    """

    code = "TK105"
    name = "citable-element-without-id"
    fix_safety = "safe"

    def check(self, ctx):
        if ctx.is_register:
            return
        ectx = Context(ctx.doc, ctx.source, None, None)
        edits = IdsPass().edits(ectx, Change())
        by_start = {e.start: e for e in edits}
        elements = (e for e in ctx.doc.root.iter() if isinstance(e.tag, str))
        for el, src in zip(elements, ctx.source.elements):
            edit = by_start.get(src.name_end)
            if edit is None or src.start + 1 + len(src.qname) != src.name_end or ctx.ignored(self.code, el):
                continue
            fix = Fix(f"add{edit.text}", "safe", ((edit.start, edit.end, edit.text),))
            yield ctx.diag(self, el, f"<{src.local}> has no xml:id (citation anchor)", fix=fix,
                           severity="warning")
