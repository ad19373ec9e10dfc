"""The header rules: one rule per missing piece, sharing one check."""

from __future__ import annotations

from ...parsing import NS


def header_check(rule, ctx, xpath: str, what: str, *, skip_register: bool = False):
    if skip_register and ctx.is_register:
        return
    header = ctx.doc.root.find("tei:teiHeader", NS)
    if header is None:
        yield ctx.diag(rule, ctx.doc.root, "the document has no teiHeader")
        return
    dated = ("when", "notBefore", "notAfter", "from", "to")  # an empty <date when="…"/> says when
    found = [e for e in header.xpath(xpath, namespaces=NS)
             if "".join(e.itertext()).strip() or len(e) or any(e.get(a) for a in dated)]
    if not found and not ctx.ignored(rule.code, header):
        yield ctx.diag(rule, header, f"the header gives no {what}")
