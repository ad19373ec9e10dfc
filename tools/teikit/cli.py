"""The command line: each command parses options, calls one library function and prints."""

from __future__ import annotations

import functools
import os
import sys
import time
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .config import load as load_config
from .diagnostics import FORMATS, Summary, render, render_error
from .files import discover, discover_some
from .errors import TeikitError


# ---------------------------------------------------------------- shared options

def config_option(f):
    return click.option("--config", "config_path", type=click.Path(dir_okay=False),
                        help="pyproject.toml to read [tool.teikit] from (default: the nearest one).")(f)


def format_option(*choices: str):
    machine = "/".join(c for c in (choices or FORMATS) if c != "text")

    def deco(f):
        return click.option("--format", "fmt", type=click.Choice(choices or FORMATS), default="text",
                            show_default=True, help=f"Output format: text for people, {machine} for machines.")(f)
    return deco


def paths_argument(f):
    return click.argument("paths", nargs=-1, type=click.Path())(f)


def handle_errors(f):
    """Turn TeikitError into a message on stderr and its exit code; a file that cannot be read or
    written, or text that cannot be encoded, is unusable input (2), said in a line, not a traceback.
    With --format json (junit, github) the error is also written to stdout in that format."""
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        def stop(message: str, code: int, **where) -> None:
            click.echo(f"error: {message}", err=True)
            _machine_error(kwargs.get("fmt"), f.__name__, where.pop("plain", message), code, **where)
            sys.exit(code)

        try:
            return f(*args, **kwargs)
        except TeikitError as exc:
            stop(str(exc), exc.exit_code, plain=exc.message, path=exc.path, line=exc.line, column=exc.column,
                 hint=exc.hint)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            stop(f"{where}{exc.strerror or exc}", 2, plain=str(exc.strerror or exc),
                 path=str(exc.filename) if exc.filename else None)
        except UnicodeError as exc:
            stop(str(exc), 2)
        except click.UsageError as exc:  # click prints it on stderr with the usage line
            _machine_error(kwargs.get("fmt"), f.__name__, exc.format_message(), exc.exit_code)
            raise
    return wrapper


def _machine_error(fmt: str | None, command: str, message: str, code: int, *, path=None, line=None,
                   column=None, hint=None) -> None:
    out = render_error(fmt or "text", command.replace("show_config", "config"),
                       {"message": message, "path": path, "line": line, "column": column, "hint": hint,
                        "exit_code": code})
    if out is not None:
        click.echo(out)


def _paths(paths, config) -> list[str]:
    """The inputs (PATHS, else the configured paths); no XML file in any of them is unusable input (2),
    so that a command never reports success on nothing.  A folder without any among others is a warning."""
    chosen = list(paths) or [_nearby(config.root / p) for p in config.paths]
    discover_some(chosen)
    for p in chosen:
        if Path(p).is_dir() and not discover([p]):
            click.echo(f"warning: {p}: no *.xml files in this directory", err=True)
    return chosen


def _nearby(path: Path) -> str:
    """A configured path as the reports show it: relative to here when it is below here."""
    rel = os.path.relpath(path)
    return rel if rel != ".." and not rel.startswith(".." + os.sep) else str(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teikit")
def main():
    """teikit: validate, lint, enrich, ingest and build TEI editions.

    \b
    Example: teikit validate tei/
    """


# ---------------------------------------------------------------- validate

@main.command()
@paths_argument
@format_option()
@click.option("--schema", "schema_path", type=click.Path(dir_okay=False),
              help="Validate against this RELAX NG (.rng), XSD (.xsd) or Schematron (.sch) file instead of the "
                   "edition schema, as its one layer (Schematron embedded in an .rng is not run).")
@click.option("--layer", "layers", multiple=True, type=click.Choice(["rng", "xsd", "sch"]),
              help="Run only these layers of the edition schema (repeatable); with --schema, a layer other "
                   "than that schema's own is an error.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Parallel workers (default: by amount of work).")
@config_option
@handle_errors
def validate(paths, fmt, schema_path, layers, jobs, config_path):
    """Validate TEI files against the edition schema: RELAX NG, XML Schema and Schematron.

    PATHS are files or directories (searched recursively for *.xml); the
    default is tei/.  Exit status: 0 valid, 1 problems found, 2 unusable
    input (malformed XML, no such path, no *.xml file at all) or usage.
    Whether a pointer's register entry exists is lint's TK101: validate
    checks what the schemas say, as Oxygen and jing do with them.

    \b
    Example: teikit validate tei/ --format github
    Example: teikit validate --schema tei_all.rng letter.xml
    """
    from .validation import validate as run
    config = load_config(config_path, inputs=paths)
    report = run(_paths(paths, config), schema=schema_path, layers=layers or None, jobs=jobs)
    summary = Summary("validate", len(report.files), report.seconds,
                      extra={"timings": {k: round(v, 3) for k, v in report.timings.items()}})
    click.echo(render(fmt, report.diagnostics, summary, report.files))
    sys.exit(2 if report.input_errors else (0 if report.ok else 1))


# ---------------------------------------------------------------- lint

def _codes(values) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@main.command()
@paths_argument
@format_option(*FORMATS, "tsv")
@click.option("--select", "select_", multiple=True, help="Rule codes or prefixes to run (e.g. TK4, TK201); default from config.")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to skip.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (markup only, no character of the text changes), atomically.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, also apply fixes that emend the text (recorded as choice/sic/corr and a change).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--explain", metavar="CODE", default=None, help="Print what a rule checks, why, an example and the fix.")
@click.option("--register", "register_path", type=click.Path(dir_okay=False), default=None,
              help="The register for every document (default: the one each points to, else a register.xml "
                   "beside it, else tei/register.xml for documents under tei/).")
@config_option
@handle_errors
def lint(paths, fmt, select_, ignore, fix, unsafe_fixes, statistics, explain, register_path, config_path):
    """Check what a careful second editor would check, rule by rule.

    Output is `path:line:col: CODE message`.  Exit status: 0 clean, 1
    findings, 2 unusable input (malformed XML, not TEI) or usage.  Silence one occurrence with
    <?teikit-lint ignore CODE reason?> just before it.

    `--format tsv` writes a corrections table (one row per finding, with the
    token and an empty correction) for `teikit emend`.

    \b
    Example: teikit lint tei/ --select TK4 --statistics
    Example: teikit lint --explain TK401
    Example: teikit lint tei/draft.xml --select TK401 --format tsv > corrections.tsv
    """
    from . import lint as lint_mod
    if unsafe_fixes and not fix:
        raise click.UsageError("--unsafe-fixes says which fixes --fix applies; alone it does nothing: "
                               "give --fix --unsafe-fixes")
    if explain:
        rule = lint_mod.registry().get(explain.upper())
        if rule is None:
            raise click.BadParameter(f"no rule {explain}; known: {', '.join(lint_mod.registry())}")
        click.echo(rule.explain())
        return
    config = load_config(config_path, inputs=paths)
    settings = config.lint_settings()
    select_codes = _codes(select_) or list(settings.get("select") or ["TK"])
    ignore_codes = _codes(ignore) or list(settings.get("ignore") or [])
    run = functools.partial(lint_mod.lint, _paths(paths, config), select_codes=select_codes,
                            ignore=ignore_codes, config=settings, register_path=register_path,
                            default_register=str(config.root / "tei" / "register.xml"))
    report = run()
    if fix:
        from .lint.fixes import apply_fixes
        report = apply_fixes(report, unsafe=unsafe_fixes, lint_again=run)
    summary = Summary("lint", len(report.files), report.seconds, fixed=report.fixed)
    counts = Counter(d.code for d in report.diagnostics)
    if statistics and fmt == "json":
        summary.extra["statistics"] = dict(sorted(counts.items()))
    if fmt == "tsv":
        from .emend import table_tsv
        click.echo(table_tsv(sorted(report.diagnostics, key=lambda d: d.sort_key())), nl=False)
    else:
        click.echo(render(fmt, report.diagnostics, summary, report.files))
    if statistics and fmt != "json":
        # after the text report; on stderr where stdout is for a machine (junit, github, tsv)
        names = {c: r.name for c, r in lint_mod.registry().items()}
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"{n:6d}  {code}  {names.get(code, '')}", err=fmt != "text")
    for path in report.refused:
        click.echo(f"warning: {path}: the file changed on disk after lint read it; its fixes were not applied "
                   f"(run lint --fix again)", err=True)
    sys.exit(2 if report.unusable else 1 if report.diagnostics or report.refused else 0)


# ---------------------------------------------------------------- emend

@main.command()
@click.argument("table", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Print a unified diff of what would change; write nothing.")
@click.option("--resp", default=None, help="Pointer to the editor the emendations are attributed to "
                                          "(default: the header's editor with an xml:id).")
@handle_errors
def emend(table, dry_run, resp):
    """Apply a reviewed corrections table as recorded emendations (choice/sic/corr).

    TABLE is tab-separated with the columns path, line, column, token,
    correction (and type, default ocr), as `teikit lint --format tsv` writes
    it.  Rows with an empty correction are left alone.  Each filled row is
    checked against the file (the token must still stand at its place), the
    change is recorded in the revisionDesc, and a document the edits would
    make invalid is not written.

    \b
    Example: teikit lint tei/draft.xml --select TK401 --format tsv > corrections.tsv
    Example: teikit emend corrections.tsv --dry-run
    Example: teikit emend corrections.tsv
    """
    from .emend import apply_corrections, read_table
    corrections = read_table(table)
    report = apply_corrections(corrections, table=table, resp=resp, dry_run=dry_run)
    for diff in report.diffs.values():
        click.echo(diff, nl=False)
    total = sum(report.applied.values())
    verb = "would apply" if dry_run else "applied"
    click.echo(f"emend: {verb} {total} emendation{'s' if total != 1 else ''} in {len(report.applied)} file(s)",
               err=dry_run)


# ---------------------------------------------------------------- enrich

def _steps(value: str | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        return allowed
    steps = tuple(s.strip() for s in value.split(",") if s.strip())
    unknown = [s for s in steps if s not in allowed + ("candidates",)]
    if unknown:
        raise click.BadParameter(f"unknown step {', '.join(unknown)}; choose from {', '.join(allowed)}, candidates")
    return steps


@main.command()
@paths_argument
@click.option("--only", "only", default=None, help="Comma-separated steps: names, dates, ids (default: all); or "
                                                   "candidates alone, which lists the names the register lacks.")
@click.option("--dry-run", is_flag=True, help="Print a unified diff of what would change; write nothing.")
@click.option("--in-place", is_flag=True, help="Write the changes (atomically).")
@click.option("--register", "register_path", type=click.Path(dir_okay=False), default=None,
              help="The register for every document (default: the one each points to, else a register.xml "
                   "beside it, else tei/register.xml for documents under tei/).")
@format_option("text", "json", "tsv")
@config_option
@handle_errors
def enrich(paths, only, dry_run, in_place, register_path, fmt, config_path):
    """Tag names and dates from the register and add citation ids, keeping every character.

    Without --in-place nothing is written: a summary says what would be added.
    `--only candidates` lists capitalised names that match no register entry.
    A register form that is not the name where it stands is left untagged in
    its paragraph (heading, note, item …) by <?teikit-enrich ignore "FORM"
    reason?> inside it; lint's TK201 honours it too.

    \b
    Example: teikit enrich tei/ --only names,dates --dry-run
    Example: teikit enrich tei/ --in-place
    Example: teikit enrich tei/ --only candidates --format tsv > review.tsv
    """
    from . import enrich as enrich_mod
    config = load_config(config_path, inputs=paths)
    if dry_run and in_place:
        raise click.UsageError("--dry-run and --in-place contradict each other: choose one")
    steps = _steps(only, enrich_mod.STEPS)
    if "candidates" in steps and (len(steps) > 1 or in_place or dry_run):
        raise click.UsageError("--only candidates lists the names the register lacks and changes nothing: "
                               "give it alone, without other steps, --in-place or --dry-run")
    targets = _paths(paths, config)
    default_register = str(config.root / "tei" / "register.xml")
    if "candidates" in steps:
        from .enrich.candidates import candidates, render_candidates
        found = candidates(targets, register_path=register_path, default_register=default_register)
        click.echo(render_candidates(found, fmt))
        return
    if fmt == "tsv":
        raise click.BadParameter("--format tsv is for --only candidates")
    report = enrich_mod.enrich(targets, steps=steps, write=in_place and not dry_run,
                               register_path=register_path, default_register=default_register)
    if fmt == "text" and report.errors:
        click.echo(enrich_mod.render_errors(report), err=True)
    click.echo(enrich_mod.render(report, fmt, dry_run=dry_run, written=in_place and not dry_run))
    sys.exit(2 if report.errors else 1 if any(r.refused for r in report.results) else 0)


# ---------------------------------------------------------------- ingest

@main.command()
@click.argument("source", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the draft here (atomically); default: print it.")
@click.option("--ocr", is_flag=True, help="The source is raw OCR: find page numbers and footnote blocks, re-flow lines.")
@click.option("--key", default=None, help="Document key used for xml:ids (default: from the file name).")
@click.option("--register", "register_path", type=click.Path(dir_okay=False), default=None,
              help="Register used to recognise the author (default: tei/register.xml).")
@config_option
@handle_errors
def ingest(source, output, ocr, key, register_path, config_path):
    """Make a first TEI draft of a plain-text transcription.

    The draft has a header filled from what the source says about itself,
    headings (# lines, capitals, section numbers), paragraphs, notes at their
    markers ([1] or (1)), printed page numbers as page breaks, the light
    markup of a transcription (*italic*, _italic_, **bold**, > quotations), a
    closing dateline, and a list of what was removed (web navigation,
    metadata lines).  What ingest was unsure of is printed on stderr.  Hyphens at line ends are read with
    the word lists lint uses (`wordlist`, `extra-words`, `extra-words-file`
    of [tool.teikit.lint]) and the register's names.

    \b
    Example: teikit ingest transcription.txt -o tei/draft.xml
    """
    from .files import atomic_write
    from .ingest import ingest as run
    from .lint.words import extra_words
    config = load_config(config_path)
    settings = config.lint_settings()
    draft = run(source, register_path=register_path or str(config.root / "tei" / "register.xml"),
                ocr=ocr, key=key, wordlist=settings["wordlist"],
                extra_words=extra_words(settings.get("extra-words") or (), settings.get("extra-words-file")))
    if output:
        atomic_write(output, draft.xml)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(draft.xml, nl=False)
    for u in draft.unsure:
        click.echo(f"{source}: unsure: {u}", err=True)


# ---------------------------------------------------------------- build

@main.command()
@paths_argument
@click.option("--html", "want_html", is_flag=True, help="Build the web edition (into OUT/html).")
@click.option("--pdf", "want_pdf", is_flag=True, help="Build the print edition (LaTeX into OUT/latex, PDFs into OUT/pdf).")
@click.option("--out", "out", type=click.Path(file_okay=False), default="output", show_default=True,
              help="Output folder.")
@click.option("--no-search", is_flag=True, help="Skip the Pagefind search index.")
@click.option("--base-url", default=None, help="Public URL of the web edition, for the citation links.")
@click.option("--volume/--no-volume", default=None,
              help="With several texts, also make edition.pdf, the whole edition as one volume (default: yes).")
@click.option("--register", "register_path", type=click.Path(dir_okay=False), default=None,
              help="The register of persons, places and organisations (default: the file among PATHS the "
                   "texts point into, whatever its name, else a register.xml among them).")
@config_option
@handle_errors
def build(paths, want_html, want_pdf, out, no_search, base_url, volume, register_path, config_path):
    """Build the web edition (HTML, search) and the print edition (LaTeX, PDF).

    With neither --html nor --pdf, both are built.  PATHS default to tei/.

    \b
    Example: teikit build --html tei/ --out output
    Example: teikit build --pdf play.xml --out /tmp/play
    """
    from .build import run
    config = load_config(config_path, inputs=paths)  # the edition's own settings, from wherever it is built
    settings = config.override("build", base_url=base_url or None, volume=volume).build
    if not want_html and not want_pdf:
        want_html = want_pdf = True
    started = time.perf_counter()
    report = run(_paths(paths, config), Path(out), html=want_html, pdf=want_pdf, search=not no_search,
                 settings=settings, register_path=register_path)
    for m in report.messages:
        click.echo(m, err=True)
    total = time.perf_counter() - started
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items())
    click.echo(f"build: {len(report.written)} files written to {out} in {total:.2f} s ({stages})")


# ---------------------------------------------------------------- schema

@main.command()
@click.option("--write", is_flag=True, help="Regenerate schema/edition.{rng,xsd,sch} from the ODD.")
@click.option("--check", is_flag=True, help="Exit 1 when the committed schemas are stale.")
@click.option("--guidelines", type=click.Path(dir_okay=False), default=None,
              help="Also write the encoding guidelines (HTML) to this file.")
@handle_errors
def schema(write, check, guidelines):
    """Compile schema/edition.odd into RELAX NG, XSD, Schematron and guidelines.

    \b
    Example: teikit schema --write --guidelines output/docs/guidelines.html
    """
    from . import schema as schemas
    from .files import atomic_write
    if write:
        for path in schemas.write():
            click.echo(f"wrote {path}")
    if guidelines:
        atomic_write(guidelines, schemas.guidelines_html())
        click.echo(f"wrote {guidelines}")
    if check or not (write or guidelines):
        stale = schemas.stale()
        if stale:
            click.echo(f"stale: {', '.join(stale)} (run `make schema`)")
            sys.exit(1)
        click.echo("the schema files match the ODD")


# ---------------------------------------------------------------- config

@main.command("config")
@config_option
@handle_errors
def show_config(config_path):
    """Print the resolved configuration ([tool.teikit] with defaults filled in).

    \b
    Example: teikit config
    """
    click.echo(load_config(config_path).to_toml())


if __name__ == "__main__":  # pragma: no cover
    main()
