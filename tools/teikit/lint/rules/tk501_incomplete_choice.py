from __future__ import annotations

from lxml import etree

from ...parsing import TEI_NS
from ...reading import CHOICE_PAIRS
from .. import Rule



class IncompleteChoice(Rule):
    """A choice that does not pair a source reading with an editorial one.

    What it flags: a choice without both sic and corr, orig and reg, or abbr
    and expan (a choice holding corr alone, or sic and reg).

    Why it matters: a choice records an intervention by keeping both
    readings; without the pair either the source's reading or the editors'
    is lost, and the apparatus cannot show it.

    Example: `<choice><corr resp="#ed">Russian</corr></choice>`.

    Fix: add the missing member (`<sic>RltsSian</sic>`).
    """

    code = "TK501"
    name = "incomplete-choice"

    def check(self, ctx):
        for el in ctx.doc.root.iter(f"{{{TEI_NS}}}choice"):
            kids = {etree.QName(c).localname for c in el if isinstance(c.tag, str)}
            if not any(set(pair) <= kids for pair in CHOICE_PAIRS) and not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, f"choice of {', '.join(sorted(kids)) or 'nothing'} pairs no source "
                                         "reading with an editorial one")
