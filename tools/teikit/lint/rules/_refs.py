"""Helpers for the reference rules: every pointer of a document and where it leads."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from ... import register as registers
from ...parsing import XML_NS

POINTER_ATTRIBUTES = ("ref", "target", "corresp", "wit", "resp", "source", "who", "datingMethod",
                      "calendar", "facs", "ana", "sameAs", "hand", "decls", "key_")


def pointers(ctx):
    """(element, attribute, pointer) for each pointer of the document."""
    for el in ctx.doc.root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in POINTER_ATTRIBUTES:
            value = el.get(attr)
            if value:
                for p in value.split():
                    yield el, attr, p


# URI schemes a pointer may use without a prefixDef
SCHEMES = {"http", "https", "ftp", "ftps", "mailto", "urn", "doi", "info", "tag", "data", "file", "geo", "tel",
           "ark", "hdl", "isni", "orcid"}


def resolve(ctx, pointer: str):
    """'ok', 'external', or the reason the pointer leads nowhere."""
    m = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", pointer)
    if m and m.group(1) in ctx.prefixes and ctx.prefixes[m.group(1)].expand(m.group(2)) is None:
        return (f"'{m.group(2)}' does not match the pattern {ctx.prefixes[m.group(1)].match} of the prefix "
                f"{m.group(1)}: (its prefixDef)")
    # a document that declares its prefixes: one it does not declare is a slip (bbi: for bib:), not a scheme
    if m and ctx.prefixes and m.group(1) not in ctx.prefixes and m.group(1).lower() not in SCHEMES:
        return f"the prefix {m.group(1)}: is not declared (prefixDef: {', '.join(sorted(ctx.prefixes))})"
    target = registers.target(pointer, ctx.prefixes)
    if target.external or target.id is None:
        return "ok" if target.external or not pointer.startswith("#") else "empty"
    if target.file is None:
        return "ok" if target.id in _ids(ctx) else f"no element has xml:id '{target.id}' in this document"
    path = (Path(ctx.doc.path).parent / unquote(target.file))  # my%20register.xml names "my register.xml"
    if ctx.register is not None and path.resolve() == ctx.register.path.resolve():
        if target.id in ctx.register.entries or target.id in _register_ids(ctx):
            return "ok"
        return f"the register has no entry '{target.id}'"
    if not path.exists():
        return f"the file {target.file} does not exist"
    return "ok"  # a pointer into another document: not followed


def _ids(ctx) -> set[str]:
    key = "_ids"
    if key not in ctx.__dict__:
        ctx.__dict__[key] = {e.get(f"{{{XML_NS}}}id") for e in ctx.doc.root.iter()
                             if isinstance(e.tag, str) and e.get(f"{{{XML_NS}}}id")}
    return ctx.__dict__[key]


def _register_ids(ctx) -> set[str]:
    doc = ctx.register.doc
    return {e.get(f"{{{XML_NS}}}id") for e in doc.root.iter() if isinstance(e.tag, str) and e.get(f"{{{XML_NS}}}id")}
