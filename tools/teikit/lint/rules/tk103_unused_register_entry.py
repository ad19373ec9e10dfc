from __future__ import annotations

from ... import register as registers
from .. import Rule


class UnusedRegisterEntry(Rule):
    """A register entry that no document of the edition mentions.

    What it flags: a person, place, organisation or work of the register to
    which no @ref of the documents linted together points.

    Why it matters: the register lists who and what the texts name; an entry
    nobody mentions is left over from an earlier state of the edition, or
    reveals names that were never tagged.

    Example: `<person xml:id="kerensky">` while no text has
    `<persName ref="psn:kerensky">`.

    Fix: tag the mentions (teikit enrich), or remove the entry.
    """

    code = "TK103"
    name = "unused-register-entry"
    scope = "edition"

    def check_edition(self, ed):
        rctx = ed.register_ctx
        users = [d for d in ed.docs if d.register is ed.register and not d.is_register]
        if rctx is None or not users:
            return
        used: set[str] = set()
        for d in users:
            for el in d.doc.root.iter():
                if not isinstance(el.tag, str):
                    continue
                for attr in ("ref", "corresp", "who", "resp"):
                    for p in (el.get(attr) or "").split():
                        t = registers.target(p, d.prefixes)
                        if t.id:
                            used.add(t.id)
        doc = rctx.doc
        from ...parsing import NS, XML_NS
        for tag in ("person", "place", "org", "bibl"):
            for el in doc.root.iterfind(f".//tei:text//tei:{tag}[@xml:id]", NS):
                ident = el.get(f"{{{XML_NS}}}id")
                if ident not in used and not rctx.ignored(self.code, el):
                    yield rctx.diag(self, el, f"register entry '{ident}' is mentioned by no document",
                                    severity="warning")
