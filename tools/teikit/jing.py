"""Precise RELAX NG messages from jing, for documents libxml2 has already found invalid.

libxml2 (through lxml) gives the RNG layer its verdict in milliseconds, but
its messages name an ancestor of the problem ("Did not expect element p
there" for a bad value three levels down).  jing, the validator Oxygen and
the TEI use, names the attribute, the value and what was expected.  Starting
a JVM costs most of a second, so jing is asked only about documents that
are invalid, and only when it is installed; otherwise libxml2's messages
stand.  A document that jing would read differently from teikit (one with a
DOCTYPE, whose DTD jing would load, or with XIncludes, which Debian's jing
resolves) is never given to it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|fatal|warning): (?P<msg>.*)$")
# a quoted name or a list of them ("a", "b" or "c"), after the word saying what they are
_NAMES = re.compile(r'(\belements? |\battributes? )?("[^"]+"(?:(?:, | or )"[^"]+")*)')
_MAX_ALTERNATIVES = 8


@dataclass(frozen=True)
class Finding:
    line: int
    column: int
    message: str


def available() -> bool:
    """Is jing installed (and not turned off with TEIKIT_NO_JING=1)?"""
    return not os.environ.get("TEIKIT_NO_JING") and shutil.which("jing") is not None


def explain(schema: str | Path, document: str | Path, *, timeout: float = 120) -> list[Finding] | None:
    """jing's errors for one document, or None when jing cannot say (missing, failed, found nothing)."""
    if not available():
        return None
    try:
        run = subprocess.run(["jing", str(schema), str(document)], capture_output=True, text=True,
                             timeout=timeout, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    found = []
    for line in run.stdout.splitlines():
        m = _LINE.match(line)
        if m and m["sev"] != "warning" and Path(m["path"]).name == Path(document).name:
            found.append(Finding(int(m["line"]), int(m["col"]), readable(m["msg"])))
    return found or None


def readable(message: str) -> str:
    """jing's wording with <element> and @attribute names, and long lists of alternatives cut short."""
    def names(m: re.Match) -> str:
        kind = (m[1] or "").strip()
        items = re.findall(r'"([^"]+)"', m[2])
        shown = [f"<{i}>" if kind.startswith("element") else f"@{i}" if kind.startswith("attribute")
                 else f'"{i}"' for i in items[:_MAX_ALTERNATIVES]]
        if len(items) > _MAX_ALTERNATIVES:
            return ", ".join(shown) + f" … ({len(items)} in all)"
        return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]

    return _NAMES.sub(names, message)
