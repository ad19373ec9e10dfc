"""Diagnostics as plain data, and the formatters that print them.

Validation and lint both produce :class:`Diagnostic` objects; the formatters
(text, json, junit, github) know nothing about where they came from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

FORMATS = ("text", "json", "junit", "github")


@dataclass(frozen=True)
class Fix:
    """An automatic fix: what it does and how safe it is (safe, unsafe, display)."""

    title: str
    safety: str = "safe"
    edits: tuple[tuple[int, int, str], ...] = ()  # (start, end, replacement) in source characters


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str = "error"
    xpath: str | None = None
    fix: Fix | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.fix is None:
            data["fix"] = None
        else:
            data["fix"] = {"title": self.fix.title, "safety": self.fix.safety,
                           "edits": [list(e) for e in self.fix.edits]}
        if not self.extra:
            data.pop("extra")
        return data


@dataclass
class Summary:
    """What a run looked at, for the last line of a report."""

    command: str
    files: int
    seconds: float
    fixed: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_text(diags: Sequence[Diagnostic], summary: Summary | None = None, *,
                show_xpath: bool = True) -> str:
    out = [_text_line(d, show_xpath) for d in diags]
    if summary is not None:
        out.append(summary_line(diags, summary))
    return "\n".join(out)


def _text_line(d: Diagnostic, show_xpath: bool) -> str:
    line = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
    if d.severity != "error":
        line = f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}"
    if show_xpath and d.xpath:
        line += f"  ({d.xpath})"
    if d.fix is not None:
        # a display fix is never applied: its title says what it waits for
        line += f"  [fix: {d.fix.title}{'' if d.fix.safety in ('safe', 'display') else ', ' + d.fix.safety}]"
    return line


def summary_line(diags: Sequence[Diagnostic], summary: Summary) -> str:
    """`lint: 3 files, 2 problems (1 errors) in 0.12 s`."""
    errors = sum(1 for d in diags if d.severity == "error")
    tail = f"{summary.command}: {_plural(summary.files, 'file')}, {_plural(len(diags), 'problem')}"
    if errors != len(diags):
        tail += f" ({errors} errors)"
    if summary.fixed:
        tail += f", {summary.fixed} fixed"
    return tail + f" in {summary.seconds:.2f} s"


def format_json(diags: Sequence[Diagnostic], summary: Summary | None = None) -> str:
    doc: dict[str, Any] = {"diagnostics": [d.to_dict() for d in diags]}
    if summary is not None:
        doc["summary"] = {"command": summary.command, "files": summary.files,
                          "problems": len(diags), "fixed": summary.fixed,
                          "seconds": round(summary.seconds, 3), **summary.extra}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def format_junit(diags: Sequence[Diagnostic], summary: Summary | None = None,
                 files: Iterable[str] = ()) -> str:
    """One testsuite, one testcase per file; each problem is a failure."""
    by_file: dict[str, list[Diagnostic]] = {f: [] for f in files}
    for d in diags:
        by_file.setdefault(d.path, []).append(d)
    name = summary.command if summary else "teikit"
    failures = sum(1 for v in by_file.values() if v)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name={quoteattr(name)} tests="{len(by_file)}" failures="{failures}">',
             f'  <testsuite name={quoteattr(name)} tests="{len(by_file)}" failures="{failures}"'
             f' time="{summary.seconds if summary else 0:.3f}">']
    for path, items in sorted(by_file.items()):
        lines.append(f'    <testcase classname={quoteattr(name)} name={quoteattr(path)}>')
        for d in items:
            msg = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
            lines.append(f'      <failure type={quoteattr(d.code)} message={quoteattr(d.message)}>'
                         f'{escape(msg)}</failure>')
        lines.append('    </testcase>')
    lines += ['  </testsuite>', '</testsuites>']
    return "\n".join(lines)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(diags: Sequence[Diagnostic], summary: Summary | None = None) -> str:
    """GitHub Actions workflow commands, which annotate the pull request."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = [f"::{level.get(d.severity, 'error')} file={_gh_escape(d.path, True)},line={d.line},"
           f"col={d.column},title={_gh_escape(d.code, True)}::{_gh_escape(d.message)}"
           for d in diags]
    if summary is not None:
        out.append(summary_line(diags, summary))
    return "\n".join(out)


def render_error(fmt: str, command: str, error: dict[str, Any]) -> str | None:
    """A run that stopped before it had a report (no such path, a bad option or configuration), in
    the machine format asked for, so that a CI step reading it finds the error and not nothing.
    ``error`` has message, path, line, column, hint and exit_code.  None for text: people read the
    message on stderr."""
    if fmt == "json":
        return json.dumps({"error": {"command": command, **error}}, ensure_ascii=False, indent=2)
    where = ":".join(str(v) for v in (error.get("path"), error.get("line"), error.get("column")) if v)
    if fmt == "github":
        props = [f"file={_gh_escape(error['path'], True)}"] if error.get("path") else []
        props += [f"{k}={error[k]}" for k in ("line", "column") if props and error.get(k)]
        props.append(f"title=teikit {command}")
        return f"::error {','.join(props).replace('column=', 'col=')}::{_gh_escape(error['message'])}"
    if fmt == "junit":
        msg = f"{where}: {error['message']}" if where else error["message"]
        return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>',
                          f'<testsuites name={quoteattr(command)} tests="1" errors="1">',
                          f'  <testsuite name={quoteattr(command)} tests="1" errors="1">',
                          f'    <testcase classname={quoteattr(command)} name={quoteattr(error.get("path") or command)}>',
                          f'      <error message={quoteattr(error["message"])}>{escape(msg)}</error>',
                          '    </testcase>', '  </testsuite>', '</testsuites>'])
    return None


def render(fmt: str, diags: Sequence[Diagnostic], summary: Summary | None = None,
           files: Iterable[str] = ()) -> str:
    diags = sorted(diags, key=Diagnostic.sort_key)
    if fmt == "text":
        return format_text(diags, summary)
    if fmt == "json":
        return format_json(diags, summary)
    if fmt == "junit":
        return format_junit(diags, summary, files)
    if fmt == "github":
        return format_github(diags, summary)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
