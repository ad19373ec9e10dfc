"""``<?teikit-enrich ignore "FORM" reason?>``: a name form the names step must leave untagged.

The counterpart of ``<?teikit-lint ignore CODE reason?>`` for enrich.  The
form is quoted (with ``"`` or ``'``) since it may hold spaces; the reason
after it is free text for the reader of the source.  The instruction covers
every occurrence of exactly that form (its spacing normalised; a heading in
capitals matches it too, and so does its composed or decomposed spelling) in the block that holds it (see
:data:`teikit.enrich.BLOCKS`), or, outside any block (a child of ``body`` or
``div``), in the element that holds it.  Lint's TK201 reads the same
instructions, through the names step, so a form left on purpose is not
reported as a missed tag.

A malformed instruction, or one naming no form of the register, is reported
with its place and has no effect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..source import Source
from .canonical import nfc

PI_TARGET = "teikit-enrich"
SYNTAX = f'<?{PI_TARGET} ignore "FORM" reason?>'

_PI = re.compile(rf"<\?{PI_TARGET}(?=[\s?])(?P<body>.*?)\?>", re.S)
_IGNORE = re.compile(r"\s*ignore\s+(?:\"(?P<d>[^\"]*)\"|'(?P<s>[^']*)')(?:\s+.*)?\s*", re.S)


@dataclass(frozen=True)
class Ignore:
    """One instruction: leave ``form`` untagged between the source offsets ``start`` and ``end``."""

    form: str
    start: int
    end: int
    at: int  # source offset of the instruction


@dataclass(frozen=True)
class Problem:
    """An instruction that has no effect, and why."""

    at: int  # source offset of the instruction
    message: str


@dataclass
class Ignores:
    rules: list[Ignore] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def covers(self, offset: int, *forms: str) -> bool:
        """Does an instruction leave any of these spellings of a form untagged at this source offset?"""
        wanted = {" ".join(nfc(f).split()) for f in forms}
        return any(r.form in wanted and r.start <= offset < r.end for r in self.rules)


def read(source: Source, forms: dict | None = None) -> Ignores:
    """The ignore instructions of a document, with the problems of those that have no effect.

    ``forms`` (the register's name forms) lets an instruction naming none of
    them be reported; without it every well-formed instruction counts.
    """
    from . import BLOCKS
    out = Ignores()
    known = {nfc(f).upper() for f in forms} if forms is not None else None
    for start, end in source.others:
        m = _PI.fullmatch(source.text, start, end)
        if m is None:
            continue
        body = _IGNORE.fullmatch(m.group("body"))
        if body is None:
            out.problems.append(Problem(start, f"malformed <?{PI_TARGET}?>: expected {SYNTAX} "
                                               f"(the form in quotes), so it is ignored"))
            continue
        form = nfc(" ".join((body.group("d") if body.group("d") is not None else body.group("s")).split()))
        if not form:
            out.problems.append(Problem(start, f"malformed <?{PI_TARGET}?>: the quoted form is empty, "
                                               f"so it is ignored"))
            continue
        if known is not None and form.upper() not in known:
            out.problems.append(Problem(start, f"<?{PI_TARGET}?> names '{form}', which is no name form of the "
                                               f"register, so it has no effect"))
            continue
        holders = [e for e in source.elements if not e.empty and e.start < start and end <= e.end]
        if not holders:
            continue
        scope = next((e for e in reversed(holders) if e.local in BLOCKS), holders[-1])
        out.rules.append(Ignore(form, scope.start, scope.end, start))
    return out


def describe(problem: Problem, source: Source, path: str) -> str:
    """The problem as ``path:line:col: message``, for enrich's notes."""
    line, col = source.line_col(problem.at)
    return f"{path}:{line}:{col}: {problem.message}"
