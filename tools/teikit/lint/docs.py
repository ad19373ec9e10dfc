"""The reference page of the lint rules, generated from their docstrings."""

from __future__ import annotations

import html
import re

from . import registry

FAMILIES = {"TK1": "References", "TK2": "Names", "TK3": "Dates", "TK4": "Text", "TK5": "Apparatus and notes",
            "TK6": "Header", "TK7": "Pagination"}


def _para(text: str) -> str:
    text = html.escape(text)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def rules_html() -> str:
    rules = registry()
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>teikit lint rules</title><style>body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:0 auto;"
           "padding:1rem}code{font-size:.9em;background:#f4f2ec;padding:0 .2em}section{border-top:1px solid #ccc}"
           "h3 small{font-weight:normal;color:#555}</style></head><body><main>",
           "<h1>teikit lint rules</h1>",
           f"<p>{len(rules)} rules. Run <code>teikit lint --explain CODE</code> for one rule; select and ignore "
           "rules by code or prefix (<code>--select TK4</code>); silence one occurrence with "
           "<code>&lt;?teikit-lint ignore CODE reason?&gt;</code> just before it.</p><nav><ul>"]
    for prefix, family in FAMILIES.items():
        codes = [c for c in rules if c.startswith(prefix)]
        if codes:
            out.append(f'<li><a href="#{prefix}">{prefix}xx {family}</a>: ' +
                       ", ".join(f'<a href="#{c}">{c}</a>' for c in codes) + "</li>")
    out.append("</ul></nav>")
    for prefix, family in FAMILIES.items():
        codes = [c for c in rules if c.startswith(prefix)]
        if not codes:
            continue
        out.append(f'<h2 id="{prefix}">{prefix}xx {family}</h2>')
        for code in codes:
            r = rules[code]
            text = r.explain().split("\n", 2)
            body = text[2] if len(text) > 2 else ""
            paras = [p.strip() for p in body.split("\n\n") if p.strip()]
            out.append(f'<section id="{code}"><h3>{code} <small>{r.name}</small></h3>')
            out += [f"<p>{_para(' '.join(p.split()))}</p>" for p in paras]
            out.append("</section>")
    out.append("</main></body></html>")
    return "\n".join(out)
