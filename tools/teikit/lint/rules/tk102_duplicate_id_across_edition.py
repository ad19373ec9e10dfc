from __future__ import annotations

from .. import Rule


class DuplicateIdAcrossEdition(Rule):
    """The same xml:id in two documents of the edition.

    What it flags: an xml:id used in more than one file linted together (the
    register included).

    Why it matters: the web edition cites paragraphs and notes by their ids,
    and registers link mentions across documents; ids must be unique across
    the edition, which is why each document prefixes its ids with its key
    (serge-p12, redbook-n3).

    Example: `<p xml:id="p1">` in two texts.

    Fix: rename one of them (teikit enrich --only ids gives new paragraphs
    prefixed ids).
    """

    code = "TK102"
    name = "duplicate-id-across-edition"
    scope = "edition"

    def check_edition(self, ed):
        for ident, places in ed.ids.items():
            files = {d.path for d, _ in places}
            if len(files) < 2:
                continue
            for d, el in places:
                if d in ed.docs and not d.ignored(self.code, el):
                    others = ", ".join(sorted(f for f in files if f != d.path))
                    yield d.diag(self, el, f"xml:id '{ident}' is also used in {others}")
