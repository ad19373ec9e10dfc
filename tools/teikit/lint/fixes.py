"""Applying the fixes that lint rules offer, atomically, without touching anything else."""

from __future__ import annotations

from collections import defaultdict

from ..errors import InputError
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
    refused = []
    for path, diags in by_file.items():
        doc = parse(path)
        if path in report.sources and doc.data != report.sources[path]:
            refused.append(path)  # the fixes' offsets are those of the file lint read, not of this one
            continue
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
        data = (bom + new).encode(encoding, errors="xmlcharrefreplace")
        parse(data, path=path)  # refuse to write what does not parse
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise InputError(f"cannot write the fixed file: {exc.strerror or exc}", path=path,
                             hint=f"{fixed} findings were fixed in the files before it; nothing else was written") from None
        fixed += len(diags)
    if lint_again is not None and fixed:
        report = lint_again()
    report.fixed = fixed
    report.refused = refused
    return report
