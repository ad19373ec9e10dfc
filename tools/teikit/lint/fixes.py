"""Applying the fixes that lint rules offer, atomically, without touching anything else."""

from __future__ import annotations

from collections import defaultdict

from ..diagnostics import Diagnostic
from ..errors import InputError
from ..files import atomic_write
from ..parsing import parse
from ..rewrite import encode_like, refusal
from ..source import Edit, apply


# Fixes may make others possible (a name tagged shows a space before a comma); like ruff, --fix applies
# them again until none is left, at most this many times.
PASSES = 10


def apply_fixes(report, *, unsafe: bool = False, lint_again=None):
    """Apply the fixes of a report (safe ones; unsafe ones too when asked) and lint again.

    Fixes whose edits overlap one already taken wait for the next pass; the others of the file are
    applied.  With ``lint_again``, passes go on while they fix something, so that a second
    ``lint --fix`` finds nothing left to do.  A file is written only when the result keeps its text
    (safe fixes only), parses, and is no less valid than before; otherwise it is left as it was and a
    ``FIX`` finding says why.
    """
    fixed, refused, problems = _apply(report, unsafe)
    passes = 1
    while lint_again is not None and fixed and passes <= PASSES:
        report = lint_again()
        if passes == PASSES or not any(_applicable(d, unsafe) for d in report.diagnostics):
            break
        more, refused, problems = _apply(report, unsafe)
        fixed += more
        passes += 1
        if not more:
            break
    report.fixed = fixed
    report.refused = refused
    if problems:
        report.diagnostics = sorted(report.diagnostics + problems, key=Diagnostic.sort_key)
    return report


def _applicable(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and (d.fix.safety == "safe" or (unsafe and d.fix.safety == "unsafe"))


def _apply(report, unsafe: bool) -> tuple[int, list[str], list[Diagnostic]]:
    """One pass: the findings fixed, the files changed on disk since lint read them, and the refusals."""
    by_file = defaultdict(list)
    for d in report.diagnostics:
        if _applicable(d, unsafe):
            by_file[d.path].append(d)
    fixed = 0
    refused = []
    problems = []
    for path, diags in by_file.items():
        doc = parse(path)
        if path in report.sources and doc.data != report.sources[path]:
            refused.append(path)  # the fixes' offsets are those of the file lint read, not of this one
            continue
        taken = _compatible(diags)
        edits = list({(e.start, e.end, e.text): e for d in taken for e in _edits(d)}.values())
        data = encode_like(doc, apply(doc.text, edits))
        why = refusal(doc, data, same_text=all(d.fix.safety == "safe" for d in taken))
        if why is not None:
            problems.append(Diagnostic(path, taken[0].line, taken[0].column, "FIX",
                                       f"the fixes were not applied: {why}"))
            continue
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise InputError(f"cannot write the fixed file: {exc.strerror or exc}", path=path,
                             hint=f"{fixed} findings were fixed in the files before it; nothing else was written") from None
        fixed += len(taken)
    return fixed, refused, problems


def _edits(d: Diagnostic) -> list[Edit]:
    return [Edit(start, end, text) for start, end, text in d.fix.edits]


def _compatible(diags: list[Diagnostic]) -> list[Diagnostic]:
    """The findings whose fixes can be applied together: in order, each one whose edits touch neither
    each other nor those already taken (two fixes that rewrite the same characters would garble them)."""
    taken: list[Diagnostic] = []
    spans: set[tuple[int, int, str]] = set()
    for d in diags:
        mine = list(dict.fromkeys((e.start, e.end, e.text) for e in _edits(d)))
        new = [e for e in mine if e not in spans]
        others = list(spans) + new
        if not any(_overlap(e, o) for i, e in enumerate(new) for o in others[:len(spans) + i]):
            taken.append(d)
            spans.update(new)
    return taken


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Do two edits rewrite the same characters (an insertion: one strictly inside the other's range)?"""
    (a0, a1, _), (b0, b1, _) = a, b
    if a0 == a1 and b0 == b1:
        return False  # two insertions at one place: apply keeps their order
    return a0 < b1 and b0 < a1
