"""`make bench`: timings of the edition's commands, warm (second run of each).

Prints one line per measurement.  Speed is measured here, never asserted in
tests.  Run as: .venv/bin/python bench/run.py [section ...]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEIKIT = str(ROOT / ".venv" / "bin" / "teikit")
sys.path.insert(0, str(ROOT / "tools"))


def timed(label: str, cmd: list[str], runs: int = 3, env: dict | None = None) -> float:
    import os
    env = dict(os.environ, **(env or {}))
    subprocess.run(cmd, cwd=ROOT, capture_output=True, env=env)  # warm-up
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        best = min(best, time.perf_counter() - t)
    status = "" if proc.returncode in (0, 1) else f"  (exit {proc.returncode})"
    print(f"{label:<48} {best:7.2f} s{status}")
    return best


def bench_validate() -> None:
    from teikit.validation import validate
    import os
    timed("teikit validate tei/ (process, warm: unchanged files)", [TEIKIT, "validate", "tei"])
    timed("teikit validate tei/ (process, every file validated)", [TEIKIT, "validate", "tei"],
          env={"TEIKIT_NO_CACHE": "1"})
    os.environ["TEIKIT_NO_CACHE"] = "1"  # the layers below: real work, not the result cache
    validate(["tei"])  # warm the schema caches
    report = validate(["tei"], jobs=1)
    for layer, secs in report.timings.items():
        print(f"  layer {layer:<42} {secs:7.2f} s")
    print(f"  in-process total, sequential{'':<19} {report.seconds:7.2f} s")


def bench_lint() -> None:
    timed("teikit lint tei/ (process)", [TEIKIT, "lint", "tei"])
    timed("teikit lint Serge (process)", [TEIKIT, "lint", "tei/serge-from-lenin-to-stalin.xml"])
    timed("teikit validate Serge (process, every layer)", [TEIKIT, "validate", "tei/serge-from-lenin-to-stalin.xml"],
          env={"TEIKIT_NO_CACHE": "1"})


def bench_enrich() -> None:
    timed("teikit enrich tei/ (dry run, process)", [TEIKIT, "enrich", "tei"])


def stages(label: str, cmd: list[str]) -> None:
    """One cold run of a build, with the time of each stage as the command reports it."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    line = (proc.stdout.strip().splitlines() or [""])[-1]
    print(f"{label:<48} {wall:7.2f} s" + ("" if proc.returncode == 0 else f"  (exit {proc.returncode})"))
    if "(" in line:
        for part in line[line.index("(") + 1:line.rindex(")")].split(", "):
            print(f"  {part}")


def bench_html() -> None:
    import tempfile
    with tempfile.TemporaryDirectory() as out:
        stages("teikit build --html tei/ (cold, 5 texts)", [TEIKIT, "build", "--html", "tei", "--out", out])


def bench_pdf() -> None:
    import tempfile
    with tempfile.TemporaryDirectory() as out:
        stages("teikit build --pdf Serge (all passes)",
               [TEIKIT, "build", "--pdf", "tei/serge-from-lenin-to-stalin.xml", "tei/register.xml", "--out", out])
    with tempfile.TemporaryDirectory() as out:
        stages("teikit build --pdf tei/ (5 texts + volume)", [TEIKIT, "build", "--pdf", "tei", "--out", out])


SECTIONS = {"validate": bench_validate, "lint": bench_lint, "enrich": bench_enrich, "html": bench_html,
            "pdf": bench_pdf}


def main(argv: list[str]) -> None:
    chosen = argv or list(SECTIONS)
    size = sum(p.stat().st_size for p in (ROOT / "tei").glob("*.xml"))
    print(f"edition: {len(list((ROOT / 'tei').glob('*.xml')))} files, {size / 1024:.0f} KB")
    for name in chosen:
        print(f"== {name}")
        SECTIONS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
