from __future__ import annotations

from ...parsing import NS
from .. import Rule


class DuplicateAuthorityId(Rule):
    """Two register entries with the same Wikidata or VIAF identifier.

    What it flags: an idno of type wikidata or viaf whose value another entry
    of the register also has.

    Why it matters: an authority identifier names one real person, place or
    body; two entries with one identifier are either a duplicate entry or a
    wrong identifier, and projects that exchange data with the edition will
    merge them.

    Example: `<idno type="wikidata">Q855</idno>` on both `stalin` and `stalin-j`.

    Fix: merge the entries, or correct the identifier.
    """

    code = "TK104"
    name = "duplicate-authority-id"

    def check(self, ctx):
        seen: dict[tuple[str, str], str] = {}
        for idno in ctx.doc.root.iterfind(".//tei:idno", NS):
            kind = idno.get("type")
            if kind not in ("wikidata", "viaf"):
                continue
            entry = idno.getparent()
            owner = entry.get("{http://www.w3.org/XML/1998/namespace}id") or "?"
            key = (kind, (idno.text or "").strip())
            if key in seen and seen[key] != owner:
                if ctx.ignored(self.code, idno) or ctx.ignored(self.code, entry):
                    continue
                yield ctx.diag(self, idno, f"{kind} {key[1]} is also the identifier of '{seen[key]}'")
            else:
                seen[key] = owner
