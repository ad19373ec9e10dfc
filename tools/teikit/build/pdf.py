"""The print edition: XSLT writes LaTeX (reledmac), LuaLaTeX makes the PDF.

Each text becomes ``latex/{key}.tex`` and ``pdf/{key}.pdf``; with more than
one text, the whole edition also becomes ``edition.tex`` and ``edition.pdf``
(title page, contents, principles, the texts, index of persons).

LuaLaTeX runs without shell escape and stops at the first error, in a
private build folder; the PDF is moved into ``pdf/`` only when every pass
succeeded, so a failed build never leaves a half-written PDF.  A failure is
reported with the lines of the log that explain it and the TEI element the
failing paragraph comes from.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import config, resources, xslt
from ..errors import BuildError
from ..files import atomic_write
from . import BuildReport, Text, edition_document, fonts

MAX_PASSES = 6
# makeindex: page and line as "12.5"; entries separated by commas.
INDEX_STYLE = 'page_compositor "."\ndelim_0 ", "\ndelim_1 ", "\ndelim_2 ", "\n'
RERUN = re.compile(r"has changed since the last run|Rerun to get|Label\(s\) may have changed|run LaTeX (two more|again)")
# A line set wider than the measure: its excess, and the box's text as TeX shows it on the next line.
OVERFULL = re.compile(r"^Overfull \\hbox \(([\d.]+)pt too wide\)[^\n]*\n([^\n]*)", re.M)
# The print options and their defaults are the configuration's [build] table (volume is per job).
DEFAULTS = {k: v for k, v in config.DEFAULTS["build"].items() if k != "volume"}


@dataclass
class Job:
    key: str
    tex: str
    texts: list[Text]


def lualatex() -> str:
    exe = shutil.which("lualatex")
    if not exe:
        raise BuildError("the PDF edition needs LuaLaTeX",
                         hint="apt-get install texlive-luatex texlive-latex-extra texlive-humanities fonts-texgyre "
                              "(make edition installs them)")
    return exe


def latex_source(texts: list[Text], register, settings: dict, *, volume: bool) -> str:
    """The LaTeX of one text (volume=False) or of the whole edition."""
    options = dict(DEFAULTS, **{k: v for k, v in settings.items() if k in DEFAULTS and v}, volume=volume)
    options["line-numbers-every"] = max(1, int(options["line-numbers-every"]))
    # the default title is a placeholder: the edition is then named by its one text, else "Edition" (tk:edition-name)
    options["titled"] = str(options.get("title") or "") not in ("", config.DEFAULTS["build"]["title"])
    options["paper"] = paper(str(options["trim"]))
    letters = ["".join(t.doc.root.itertext()) for t in texts]
    options["fallback-fonts"] = "|".join(fonts.fallback_chain(letters, options["font"]))
    options["greek-font"] = fonts.greek_face(letters, options["font"]) or ""
    params = {"options": options}
    if register is not None:
        params["register"] = register
        params["register-file"] = Path(register.path).name
    return xslt.transform(resources.xslt("latex/edition.xsl"), edition_document(texts, set()), params=params).text


def paper(trim: str) -> str:
    """geometry's options for a trim size ("6x9in", "170x240mm", "a5"); one it cannot read is a ConfigError
    (config.trim_size)."""
    size = config.trim_size(trim)
    if isinstance(size, str):
        return f"{size}paper"
    width, height, unit = size
    return f"paperwidth={width}{unit},paperheight={height}{unit}"


def build_pdf(texts: list[Text], register, out: Path, *, settings: dict | None = None,
              report: BuildReport | None = None, jobs: int | None = None) -> BuildReport:
    report = report or BuildReport()
    settings = settings or {}
    exe = lualatex()
    out = Path(out)
    latex_dir, pdf_dir = out / "latex", out / "pdf"
    t0 = time.perf_counter()
    work = [Job(t.key, latex_source([t], register, settings, volume=False), [t]) for t in texts]
    if len(texts) > 1 and settings.get("volume", True):
        work.append(Job("edition", latex_source(texts, register, settings, volume=True), texts))
    for job in work:
        report.written.append(atomic_write(latex_dir / f"{job.key}.tex", job.tex))
    # beside the .tex files, so that they compile by hand too
    report.written.append(atomic_write(latex_dir / "teikit.lua", resources.xslt("latex/teikit.lua").read_bytes()))
    report.timings["pdf: latex"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    # the longest documents first, so that two cores finish together
    work.sort(key=lambda j: -len(j.tex))
    with ThreadPoolExecutor(max_workers=jobs or min(len(work), os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda j: _compile(exe, j, latex_dir, pdf_dir), work))
    for pdf, seconds, missing, settled, overfull in results:
        report.written.append(pdf)
        report.timings[f"pdf: {pdf.stem}"] = seconds
        if not settled:
            report.messages.append(
                f"warning: {pdf.name}: the line numbers did not settle in {MAX_PASSES} LaTeX passes (a line moves "
                f"between two pages from one pass to the next): an apparatus entry or an index reference near a page "
                f"break may name the wrong line; see latex/{pdf.stem}.log")
        if overfull:
            widest = max(overfull)
            report.messages.append(
                f"warning: {pdf.name}: {len(overfull)} line{'s' if len(overfull) > 1 else ''} run into the margin "
                f"(the widest by {widest[0]:.1f} pt: {widest[1][:70]!r}); see latex/{pdf.stem}.log")
        if missing:
            shown = ", ".join(f"{letter} ×{n}" if n > 1 else letter for letter, n in sorted(missing.items())[:12])
            more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
            report.messages.append(
                f"warning: {pdf.name}: {sum(missing.values())} letters are missing from the PDF, no installed font "
                f"has them: {shown}{more}; install a font that has them (Debian: fonts-noto-cjk, fonts-noto-core, "
                f"fonts-freefont-otf) and build again")
    report.timings["pdf: total"] = time.perf_counter() - t1
    return report


def _compile(exe: str, job: Job, latex_dir: Path, pdf_dir: Path) -> tuple[Path, float, Counter[str], bool, list]:
    """LuaLaTeX and makeindex until what a pass reads is what the pass before wrote (the PDF, the time,
    the letters no font had, whether the passes settled, the lines that run into the margin). The last log is kept beside the LaTeX."""
    t = time.perf_counter()
    build = latex_dir / f".build-{job.key}"
    if build.exists():
        shutil.rmtree(build)
    build.mkdir(parents=True)
    try:
        (build / f"{job.key}.tex").write_text(job.tex, encoding="utf-8")
        (build / "tkindex.ist").write_text(INDEX_STYLE, encoding="utf-8")
        shutil.copy(resources.xslt("latex/teikit.lua"), build / "teikit.lua")
        states: list[str] = []
        settled = False
        for n in range(1, MAX_PASSES + 1):
            log = _pass(exe, job, build)
            idx = build / "persons.idx"
            if idx.exists() and idx.stat().st_size:
                _makeindex(build, job)
            new = _state(build, job.key)
            if n >= 2 and new == states[-1] and not RERUN.search(log):
                settled = True
                break
            if new in states[:-1]:  # a cycle: more passes would only go round it
                break
            states.append(new)
        pdf_dir.mkdir(parents=True, exist_ok=True)
        target = pdf_dir / f"{job.key}.pdf"
        os.replace(build / f"{job.key}.pdf", target)  # the build folder is on the same file system
        return target, time.perf_counter() - t, fonts.missing_letters(log), settled, overfull_lines(log)
    finally:
        log_file = build / f"{job.key}.log"
        if log_file.exists():
            os.replace(log_file, latex_dir / f"{job.key}.log")
        shutil.rmtree(build, ignore_errors=True)


def overfull_lines(log: str) -> list[tuple[float, str]]:
    """The lines of a LaTeX log that run into the margin by more than a point: how far, and their text as TeX
    shows it. Not reledmac's copies of a heading's lines, set out of sight a page's width to the right (a
    thousand points and more over, with no letter in them): they would drown the real ones."""
    found = []
    for m in OVERFULL.finditer(log):
        excess, text = float(m.group(1)), m.group(2)
        if excess > 1 and re.search(r"\w", re.sub(r"\\\S+", "", text)):
            found.append((excess, " ".join(re.sub(r"\\\S+ ?|\[\]", "", text).split())))
    return sorted(set(found))  # (a note block is set again on each output pass)


def _pass(exe: str, job: Job, build: Path) -> str:
    cmd = [exe, "-no-shell-escape", "-halt-on-error", "-interaction=nonstopmode", "-file-line-error",
           f"{job.key}.tex"]
    # TeX may write and read only below the build folder; log lines are not wrapped, for the error messages
    env = dict(os.environ, openout_any="p", openin_any="p", max_print_line="10000", error_line="254",
               half_error_line="238")
    proc = subprocess.run(cmd, cwd=build, capture_output=True, env=env, timeout=900)
    log_path = build / f"{job.key}.log"
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else proc.stdout.decode(errors="replace")
    if proc.returncode != 0 or not (build / f"{job.key}.pdf").exists():
        raise _latex_error(job, log)
    return log


def _makeindex(build: Path, job: Job) -> None:
    exe = shutil.which("makeindex")
    if not exe:
        raise BuildError("the index of persons needs makeindex", hint="apt-get install texlive-binaries")
    _simplify_index(build / "persons.idx")
    proc = subprocess.run([exe, "-q", "-s", "tkindex.ist", "persons.idx"], cwd=build, capture_output=True)
    if proc.returncode != 0:
        raise BuildError(f"makeindex failed on the index of {job.key}",
                         context=proc.stderr.decode(errors="replace")[-2000:])


def _simplify_index(idx: Path) -> None:
    """reledmac writes a mention in a note as a range with a label of its own, which keeps makeindex from
    merging repeated references: one plain entry marked \tkinnote ("12.5n") instead."""
    out = []
    for line in idx.read_text(encoding="utf-8").splitlines():
        if re.search(r"\|\)ledinnote", line):
            continue
        out.append(re.sub(r"\|\(ledinnote\[[^\]]*\](\{[^{}]*\}){3}\}", "|tkinnote}", line))
    idx.write_text("\n".join(out) + "\n", encoding="utf-8")


def _state(build: Path, key: str) -> str:
    """A fingerprint of what the next pass reads: aux, contents, index, reledmac's line files."""
    h = hashlib.sha256()
    for f in sorted(build.iterdir()):
        if f.suffix in (".aux", ".toc", ".ind") or re.fullmatch(rf"{re.escape(key)}\.\d+", f.name):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _latex_error(job: Job, log: str) -> BuildError:
    """The error of a LaTeX run: the log lines that explain it, and the TEI element it comes from."""
    lines = log.splitlines()
    first = next((i for i, line in enumerate(lines) if re.match(r"^\S+:\d+: |^! ", line)), None)
    excerpt = "\n".join(f"    {line}" for line in (lines[first:first + 12] if first is not None else lines[-15:]))
    where, path, line = "", None, None
    m = re.match(r"^(\S+):(\d+): ", lines[first]) if first is not None else None
    if m and Path(m.group(1)).name == f"{job.key}.tex":
        tex_line = int(m.group(2))
        where = f" (line {tex_line} of latex/{job.key}.tex)"
        path, line = _tei_origin(job, tex_line)
    elif m:
        where = f" (in {Path(m.group(1)).name}, line {m.group(2)}: a problem of the TeX installation or the preamble)"
    return BuildError(f"LaTeX failed on {job.key}{where}", path=path, line=line, context=excerpt,
                      hint=(f"the TEI element at {path}:{line} is where the failing paragraph comes from; "
                            if path else "") + f"the LaTeX is kept in latex/{job.key}.tex")


def _tei_origin(job: Job, tex_line: int) -> tuple[str | None, int | None]:
    """The file and line of the TEI element whose paragraph holds a line of the LaTeX."""
    from ..validation import resolve_path
    tex_lines = job.tex.splitlines()
    for i in range(min(tex_line, len(tex_lines)) - 1, -1, -1):
        if tex_lines[i].startswith(("\\beginnumbering", "\\chapter")) and i < tex_line - 1:
            return None, None  # the failing line is not inside a paragraph of the text
        m = re.match(r"% tei: (\S+) (\S+)", tex_lines[i])
        if m:
            key, path = m.groups()
            text = next((t for t in job.texts if t.key == key), None)
            if text is None:
                return None, None
            # the path runs from the tk:edition wrapper; the document's own part starts at its root element
            inner = re.sub(r"^/Q\{urn:teikit\}edition\[1\]/Q\{urn:teikit\}text\[\d+\]", "", path)
            el = resolve_path(text.doc.root, inner) if inner else None
            return str(text.path), (el.sourceline if el is not None else None)
    return None, None
