from __future__ import annotations


from ...parsing import TEI_NS
from ...reading import CHOICE_PAIRS
from .. import Rule



def _text(el) -> str:
    return "".join(el.itertext()) if el is not None else ""


class CorrectionEqualsSource(Rule):
    """An emendation that changes nothing: the correction equals the source's reading.

    What it flags: a choice whose corr (reg, expan) has exactly the same text
    as its sic (orig, abbr).

    Why it matters: a choice claims an intervention; one that changes nothing
    clutters the apparatus and usually means the intended correction was
    never typed.

    Example: `<choice><sic>Russian</sic><corr resp="#ed">Russian</corr></choice>`.

    Fix: type the correction, or remove the choice and keep the text.
    """

    code = "TK502"
    name = "correction-equals-source"

    def check(self, ctx):
        for el in ctx.doc.root.iter(f"{{{TEI_NS}}}choice"):
            for a, b in CHOICE_PAIRS:
                x, y = el.find(f"{{{TEI_NS}}}{a}"), el.find(f"{{{TEI_NS}}}{b}")
                if x is not None and y is not None and _text(x) == _text(y) and not ctx.ignored(self.code, el):
                    yield ctx.diag(self, el, f"the {b} equals the {a}: {_text(x)!r}")
