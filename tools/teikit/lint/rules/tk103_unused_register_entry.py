from __future__ import annotations

from pathlib import Path

from ... import register as registers
from ...errors import InputError
from ...files import discover
from ...parsing import NS, XML_NS, parse
from .. import Rule


class UnusedRegisterEntry(Rule):
    """A register entry that no document of the edition mentions.

    What it flags: a person, place, organisation or work of the register to
    which no @ref, @corresp, @who or @resp of the edition points: the
    documents linted together and the other documents beside the register
    that use it (so that linting one changed file, as a pre-commit hook
    does, still measures the whole edition). Reported only when the register
    itself is linted.

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
        if rctx is None or rctx not in ed.docs:
            return
        used: set[str] = set()
        for root, prefixes in self._users(ed):
            for el in root.iter():
                if not isinstance(el.tag, str):
                    continue
                for attr in ("ref", "corresp", "who", "resp"):
                    for p in (el.get(attr) or "").split():
                        t = registers.target(p, prefixes)
                        if t.id:
                            used.add(t.id)
        for tag in ("person", "place", "org", "bibl"):
            for el in rctx.doc.root.iterfind(f".//tei:text//tei:{tag}[@xml:id]", NS):
                ident = el.get(f"{{{XML_NS}}}id")
                if ident not in used and not rctx.ignored(self.code, el):
                    yield rctx.diag(self, el, f"register entry '{ident}' is mentioned by no document",
                                    severity="warning")

    @staticmethod
    def _users(ed):
        """(root, prefixes) of each document that uses the register: linted, or lying beside it."""
        reg_path = ed.register.path.resolve()
        linted = {Path(d.path).resolve() for d in ed.docs}
        for d in ed.docs:
            if d.register is ed.register and not d.is_register:
                yield d.doc.root, d.prefixes
        for path in discover([ed.register.path.parent]):
            if path.resolve() in linted or path.resolve() == reg_path:
                continue
            try:
                doc = parse(path)
            except InputError:
                continue  # reported when that file is linted or validated
            where = registers.register_path_for(doc)
            if where is not None and where.resolve() == reg_path:
                yield doc.root, registers.prefix_defs(doc.root)
