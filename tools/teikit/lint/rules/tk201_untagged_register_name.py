from __future__ import annotations

from ...diagnostics import Diagnostic, Fix
from ...enrich import Change, Context
from ...enrich.names import NamesPass
from .. import Rule


class UntaggedRegisterName(Rule):
    """A name form of the register in the running text, outside any name element (a missed tag).

    What it flags: an occurrence, in running text or notes, of a form the
    register lists for a person, place, organisation or work, as a whole word,
    that is not inside persName, placeName, orgName or title.  Forms shared
    by two entries, and a bare surname two persons share (Kosior, Olberg),
    are flagged too, without a fix.

    Why it matters: the registers of the web and print editions list every
    mention of a person; a missed tag is a missing line in the index.

    Example: `… the murder of Kirov …` with Kirov in the register.

    Fix (safe): wrap the name in its element with @ref (no character changes);
    the same as teikit enrich --only names.  Ambiguous forms must be tagged
    by the editor.  A form that is not the name where it stands ("Franco" in
    "Franco-Russian alliance", "Lenin" in "Order of Lenin") is left with
    <?teikit-enrich ignore "Franco" reason?> in its paragraph (or heading,
    note, item …): enrich then leaves every "Franco" of that block untagged,
    and this rule says nothing of them.  Such an instruction that is
    malformed, or names no form of the register, is reported here.
    """

    code = "TK201"
    name = "untagged-register-name"
    fix_safety = "safe"

    def check(self, ctx):
        if ctx.register is None or ctx.is_register:
            return
        ectx = Context(ctx.doc, ctx.source, ctx.register, None)
        change = Change()
        names = NamesPass(report_instructions=False)
        edits = names.edits(ectx, change)
        for problem in names.ignores.problems:
            line, col = ctx.source.line_col(problem.at)
            yield Diagnostic(ctx.path, line, col, self.code, problem.message, severity="warning")
        # edits come in pairs: opening tag, closing tag
        for i in range(0, len(edits), 2):
            start, end = edits[i], edits[i + 1]
            name = ctx.source.text[start.start:end.start]
            line, col = ctx.source.line_col(start.start)
            d = Diagnostic(ctx.path, line, col, self.code, f"register name {name!r} is not tagged ({start.text})",
                           severity="warning",
                           fix=Fix(f"wrap in {start.text.split()[0]}>", "safe",
                                   ((start.start, start.end, start.text), (end.start, end.end, end.text))))
            if not self._silenced(ctx, start.start):
                yield d
        for note, offset in zip(change.notes, change.where):
            line, col = ctx.source.line_col(offset)
            if not self._silenced(ctx, offset):
                yield Diagnostic(ctx.path, line, col, self.code, f"{note} (tag it by hand)", severity="warning")

    def _silenced(self, ctx, offset) -> bool:
        before = ctx.source.text[max(0, offset - 200):offset]
        i = before.rfind("<?teikit-lint")
        return i >= 0 and self.code in before[i:] and "?>" in before[i:] and "<" not in before[i:].split("?>", 1)[1]
