from __future__ import annotations

import re

from ...diagnostics import Fix
from ...parsing import NS, TEI_NS
from .. import Rule

NAMES = ("persName", "placeName", "orgName", "name", "title")
_LEAD = re.compile(r"^[\s,;:!?\"“”‘’'(\[]+")
_TRAIL = re.compile(r"(?:[\s,;:!?\"“”‘’)\]]|[’']s)+$")


class NameWithEdgeCharacters(Rule):
    """A name element that begins or ends with a space or punctuation.

    What it flags: persName, placeName, orgName, name or title whose text
    starts or ends with whitespace, a comma, a quotation mark, a bracket or a
    possessive 's (a full stop of an abbreviation is allowed: G.P.U.).

    Why it matters: the register and the search index take the element's
    text as the name; "Stalin's" or " Moscow," are not names.

    Example: `<persName ref="psn:stalin">Stalin's</persName> speech`.

    Fix (safe): move the characters out of the element:
    `<persName ref="psn:stalin">Stalin</persName>'s speech`; no character of
    the text changes.
    """

    code = "TK203"
    name = "name-with-edge-characters"
    fix_safety = "safe"

    def check(self, ctx):
        text = ctx.doc.root.find("tei:text", NS)
        if text is None or ctx.is_register:
            return  # the register's display names may carry qualifiers: Galicia (Spain)
        for el in text.iter(*(f"{{{TEI_NS}}}{n}" for n in NAMES)):
            if len(el) or not el.text:
                continue  # only simple names are checked (and fixed)
            lead, trail = _LEAD.match(el.text), _TRAIL.search(el.text)
            if not lead and not trail:
                continue
            if ctx.ignored(self.code, el):
                continue
            fix = self._fix(ctx, el, lead, trail)
            what = "starts" if lead else "ends"
            yield ctx.diag(self, el, f"name {what} with {repr((lead or trail).group(0))}: '{el.text}'", fix=fix)

    def _fix(self, ctx, el, lead, trail):
        src = ctx.source_element(el)
        if src is None or src.end < 0:
            return None
        raw = ctx.source.text
        close = raw.rfind("</", src.tag_end, src.end)
        body = raw[src.tag_end:close]
        if body != el.text:  # character references inside: leave it to the editor
            return None
        if lead and trail and lead.end() >= trail.start():
            return None  # nothing but spaces and punctuation: which name was meant is the editor's to say
        edits = []
        if lead:
            k = lead.end()
            edits.append((src.start, src.tag_end + k, body[:k] + raw[src.start:src.tag_end]))
        if trail:
            k = len(trail.group(0))
            edits.append((close - k, src.end, raw[close:src.end] + body[-k:]))
        return Fix("move the characters out of the name", "safe", tuple(edits))
