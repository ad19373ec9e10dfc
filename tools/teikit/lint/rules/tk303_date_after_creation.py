from __future__ import annotations

from ...parsing import NS, TEI_NS
from .. import Rule
from ._dates import key, latest


class DateAfterCreation(Rule):
    """A date in the text later than the date the text was written.

    What it flags: a date of the author's text (not of the header, not of
    editorial notes) whose normalised value begins after the latest date of
    profileDesc/creation.

    Why it matters: an author cannot name a day that had not yet come; such a
    date is a wrong normalisation (often an inferred year), a misprint, or a
    sign that the creation date is wrong.

    Example: in a letter written on 2 November 1937, `<date when="1938-03-03">March 3</date>`.

    Fix: correct the date or the creation date; a date that announces a
    future event can be silenced with <?teikit-lint ignore TK303 reason?>.
    """

    code = "TK303"
    name = "date-after-creation"

    def check(self, ctx):
        created = [(latest(d.get(a)), d.get(a))
                   for d in ctx.doc.root.iterfind(".//tei:profileDesc/tei:creation//tei:date", NS)
                   for a in ("when", "notAfter", "to") if d.get(a)]
        created = [c for c in created if c[0]]
        if not created:
            return
        limit, written = max(created)
        text = ctx.doc.root.find("tei:text", NS)
        if text is None:
            return
        for el in text.iter(f"{{{TEI_NS}}}date"):
            if any(a.tag == f"{{{TEI_NS}}}note" and a.get("type") == "editorial" or a.tag == f"{{{TEI_NS}}}bibl"
                   for a in el.iterancestors()):
                continue  # the editors' notes and bibliographic citations may name later dates
            start = el.get("when") or el.get("from") or el.get("notBefore")
            k = key(start or "")
            if k and k > limit and not ctx.ignored(self.code, el):
                yield ctx.diag(self, el, f"{start} is later than the writing of the text ({written})")
