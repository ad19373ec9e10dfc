from __future__ import annotations

from dataclasses import replace

from .. import PI_TARGET, Rule, registry


class LintInstructionThatSilencesNothing(Rule):
    """A `<?teikit-lint …?>` instruction that silences nothing.

    What it flags: an instruction whose text is not `ignore CODE reason`
    (`<?teikit-lint ignore?>`, `<?teikit-lint skip TK401?>`), or whose codes
    name no rule (`TK999`, a typo of a code). Codes may be prefixes (`TK4`)
    and several may be given with commas (`TK401,TK405`).

    Why it matters: such an instruction looks like a decision of the editors
    but has no effect, so the finding it was meant for is still reported, or
    a later reader believes a check was silenced on purpose when it was not.

    Example: `<?teikit-lint ignore TK4O1 the author's spelling?>` (a letter O
    for the zero).

    Fix: write `ignore`, the code, and the reason; `teikit lint --explain`
    lists the codes.
    """

    code = "TK106"
    name = "lint-instruction-that-silences-nothing"

    def check(self, ctx):
        codes = list(registry())
        instructions = ctx.doc.tree.xpath(f"//processing-instruction('{PI_TARGET}')")
        for pi in instructions:
            words = (pi.text or "").split()
            if len(words) < 2 or words[0] != "ignore":
                yield self._diag(ctx, pi, instructions, f"<?{PI_TARGET} {pi.text or ''}?> silences nothing: "
                                                        f"expected <?{PI_TARGET} ignore CODE reason?>")
                continue
            unknown = [c for c in words[1].split(",") if not any(k.startswith(c) for k in codes) or not c]
            if unknown:
                yield self._diag(ctx, pi, instructions, f"<?{PI_TARGET} …?> names no rule: "
                                                        f"{', '.join(unknown) or '(empty)'} (codes are TK101–TK702, "
                                                        f"or their prefixes)")

    def _diag(self, ctx, pi, instructions, message):
        holder = pi.getparent() if pi.getparent() is not None else ctx.doc.root
        d = ctx.diag(self, holder, message)
        line = pi.sourceline or d.line  # the instruction's own line and column, not its parent's
        text = ctx.doc.lines[line - 1] if 0 < line <= len(ctx.doc.lines) else ""
        same_line = [p for p in instructions if p.sourceline == line]
        starts = [i for i in range(len(text)) if text.startswith(f"<?{PI_TARGET}", i)]
        nth = same_line.index(pi) if pi in same_line else 0
        column = starts[nth] + 1 if nth < len(starts) else d.column
        return replace(d, line=line, column=column)
