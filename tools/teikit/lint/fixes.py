"""Applying the fixes that lint rules offer, atomically, without touching anything else."""

from __future__ import annotations

from collections import defaultdict

from ..files import atomic_write
from ..parsing import parse
from ..source import Edit, apply


def apply_fixes(report, *, unsafe: bool = False, lint_again=None):
    """Apply the fixes of a report (safe ones; unsafe ones too when asked) and lint again."""
    by_file = defaultdict(list)
    for d in report.diagnostics:
        if d.fix is not None and (d.fix.safety == "safe" or (unsafe and d.fix.safety == "unsafe")):
            by_file[d.path].append(d)
    fixed = 0
    for path, diags in by_file.items():
        doc = parse(path)
        edits, seen = [], set()
        for d in diags:
            for start, end, text in d.fix.edits:
                if (start, end, text) not in seen:
                    seen.add((start, end, text))
                    edits.append(Edit(start, end, text))
        try:
            new = apply(doc.text, edits)
        except ValueError:
            continue  # overlapping fixes: leave the file for the next run
        bom = "\ufeff" if doc.data.startswith(b"\xef\xbb\xbf") else ""
        encoding = doc.tree.docinfo.encoding or "utf-8"
        parse((bom + new).encode(encoding), path=path)  # refuse to write what does not parse
        atomic_write(path, (bom + new).encode(encoding))
        fixed += len(diags)
    if lint_again is not None and fixed:
        report = lint_again()
    report.fixed = fixed
    return report
