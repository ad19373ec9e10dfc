from __future__ import annotations

from .. import Rule
from ._refs import pointers, resolve


class PointerToMissingId(Rule):
    """A pointer (@ref, @target, @corresp, @wit, @resp, @source, @who, …) that leads nowhere.

    What it flags: a pointer to an xml:id that does not exist in the document
    (#id), or in the register (psn:id, register.xml#id), or to a file that does
    not exist.  Prefixed pointers are expanded with the document's prefixDef.

    Why it matters: a broken link loses the identification of a person, the
    responsibility of an emendation or the target of a note, and the web
    edition renders it as a dead link.

    Example: `<persName ref="psn:stalinn">Stalin</persName>` when the register
    has `stalin` but no `stalinn`.

    Fix: correct the pointer, or add the missing entry to the register.
    """

    code = "TK101"
    name = "pointer-to-missing-id"

    def check(self, ctx):
        for el, attr, pointer in pointers(ctx):
            verdict = resolve(ctx, pointer)
            if verdict != "ok" and not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, f"@{attr}='{pointer}' leads nowhere: {verdict}")
