"""`teikit validate` through click: exit codes, formats, messages."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from teikit.cli import main

HERE = Path(__file__).parent
VALID = HERE / "fixtures" / "valid" / "sample.xml"
BAD = HERE / "invalid" / "hi-rend-value.xml"


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_valid_file_exits_0_with_a_summary():
    r = run("validate", VALID)
    assert r.exit_code == 0, r.output
    assert "validate: 1 file, 0 problems" in r.output


def test_problems_exit_1_with_path_line_column_layer():
    r = run("validate", BAD)
    assert r.exit_code == 1
    line = next(l for l in r.output.splitlines() if " XSD " in l)
    path, lineno, col, rest = line.split(":", 3)
    assert path.endswith("hi-rend-value.xml") and int(lineno) > 0 and int(col) > 0
    assert "rend='blink'" in rest and "(/TEI/text/body/div/p/hi)" in rest


def test_malformed_input_exits_2(tmp_path: Path):
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p></TEI>')
    r = run("validate", broken)
    assert r.exit_code == 2
    assert "broken.xml:1:" in r.output and "XML not well-formed" in r.output


def test_missing_path_is_a_usage_error():
    r = run("validate", "does-not-exist.xml")
    assert r.exit_code == 2 and "no such file" in r.output


def test_json_carries_everything():
    r = run("validate", "--format", "json", BAD, VALID)
    doc = json.loads(r.output)
    assert doc["summary"]["files"] == 2 and doc["summary"]["problems"] >= 2
    d = doc["diagnostics"][0]
    assert {"path", "line", "column", "code", "message", "severity", "xpath"} <= set(d)


def test_junit_is_xml_with_one_case_per_file():
    r = run("validate", "--format", "junit", BAD, VALID)
    suite = etree.fromstring(r.output.encode())
    cases = suite.findall(".//testcase")
    assert len(cases) == 2
    assert len(suite.findall(".//failure")) >= 2


def test_github_annotations():
    r = run("validate", "--format", "github", BAD)
    assert r.output.startswith("::error file=") and ",line=" in r.output


def test_directory_is_searched_recursively(tmp_path: Path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.xml").write_bytes(VALID.read_bytes())
    r = run("validate", tmp_path)
    assert r.exit_code == 0 and "1 file" in r.output


def test_layer_selection_and_custom_schema(tei_all):
    r = run("validate", "--layer", "sch", BAD)
    assert r.exit_code == 0  # the bad value is a grammar problem, not a Schematron one
    r = run("validate", "--schema", tei_all, VALID)
    assert r.exit_code == 0


def test_every_command_has_help_with_an_example():
    for name, cmd in main.commands.items():
        r = run(name, "--help")
        assert r.exit_code == 0
        assert "Example:" in r.output, f"teikit {name} --help has no example"


def test_rng_alone_names_the_attribute_and_value_with_jing(jing):
    r = run("validate", "--layer", "rng", BAD)
    assert r.exit_code == 1
    line = next(l for l in r.output.splitlines() if " RNG " in l)
    assert 'token "blink" invalid' in line and "@rend" in line and line.split(":")[1] == "18"
    unknown = run("validate", "--layer", "rng", HERE / "invalid" / "unknown-element.xml").output
    assert "<foo> not allowed anywhere" in unknown and "(/TEI/text/body/div/p/foo)" in unknown


def test_rng_alone_without_jing_still_names_the_value(monkeypatch):
    monkeypatch.setenv("TEIKIT_NO_JING", "1")
    monkeypatch.setenv("TEIKIT_NO_CACHE", "1")
    out = run("validate", "--layer", "rng", HERE / "invalid" / "cert-value.xml").output
    assert '<date> cert="sure" is not valid' in out


def test_a_warning_alone_exits_0(tmp_path: Path):
    doc = tmp_path / "dtd.xml"
    doc.write_text(VALID.read_text(encoding="utf-8").replace("<TEI ", '<!DOCTYPE TEI SYSTEM "tei.dtd">\n<TEI ', 1),
                   encoding="utf-8")
    r = run("validate", doc)
    assert r.exit_code == 0, r.output
    assert "[warning] the DOCTYPE names the DTD 'tei.dtd'" in r.output


def test_a_broken_schematron_is_a_schema_error(tmp_path: Path):
    sch = tmp_path / "bad.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                   '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><pattern><rule context="tei:p">'
                   '<assert test="string-length(.) string-length(.)">x</assert></rule></pattern></schema>')
    r = run("validate", "--schema", sch, VALID)
    assert r.exit_code == 2 and f"{sch}: cannot compile the Schematron schema" in r.output
    r = run("validate", "--schema", VALID.with_name("sample.xml"), VALID)  # a .xml is no schema
    assert r.exit_code == 2
    notsch = tmp_path / "tei.sch"
    notsch.write_bytes(VALID.read_bytes())
    r = run("validate", "--schema", notsch, VALID)
    assert r.exit_code == 2 and "not a Schematron schema" in r.output


def test_an_empty_directory_is_unusable_input_for_every_command(tmp_path: Path):
    """No document at all is never a success: validate, lint, enrich and build all say so and exit 2."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not XML")
    for args in (["validate"], ["lint"], ["enrich"], ["build", "--html", "--out", tmp_path / "out"]):
        r = run(*args, empty)
        assert r.exit_code == 2, (args, r.output)
        assert f"error: no *.xml files found in {empty}" in r.stderr, (args, r.output)
    assert not (tmp_path / "out").exists()


def test_an_empty_directory_beside_documents_is_a_warning(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    r = run("validate", tmp_path / "empty", VALID)
    assert r.exit_code == 0, r.output
    assert "warning:" in r.stderr and "no *.xml files in this directory" in r.stderr


def test_a_missing_path_is_reported_in_the_format_asked_for():
    for command in ("validate", "lint", "enrich"):
        r = run(command, "--format", "json", "does-not-exist.xml")
        assert r.exit_code == 2
        error = json.loads(r.stdout)["error"]
        assert error == {"command": command, "message": "no such file or directory", "path": "does-not-exist.xml",
                         "line": None, "column": None, "hint": None, "exit_code": 2}
        assert "error: does-not-exist.xml: no such file or directory" in r.stderr  # and for people, as always
    r = run("validate", "--format", "github", "does-not-exist.xml")
    assert r.stdout.startswith("::error file=does-not-exist.xml,title=teikit validate::no such file")
    r = run("validate", "--format", "junit", "does-not-exist.xml")
    suite = etree.fromstring(r.stdout.encode())
    assert suite.get("errors") == "1" and suite.find(".//error").get("message") == "no such file or directory"
    r = run("validate", "does-not-exist.xml")  # text: the message on stderr alone
    assert r.exit_code == 2 and r.stdout == ""


def test_a_usage_error_in_json_mode_is_json_too():
    r = run("lint", "--format", "json", "--explain", "TK999")
    assert r.exit_code == 2
    assert "no rule TK999" in json.loads(r.stdout)["error"]["message"]
    assert "Usage: " in r.stderr and "no rule TK999" in r.stderr


def test_a_layer_the_given_schema_lacks_is_refused_not_ignored(tmp_path: Path):
    """An RNG of another project is run as RNG: --layer sch or xsd with it is a usage error (it used to
    run the RNG alone without a word, and a reader took the silence for a Schematron verdict)."""
    rng = tmp_path / "any.rng"
    rng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="any"/></start>'
                   '<define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute>'
                   '<text/><ref name="any"/></choice></zeroOrMore></element></define></grammar>')
    for layers in (["--layer", "sch"], ["--layer", "xsd"], ["--layer", "rng", "--layer", "sch"]):
        r = run("validate", "--schema", rng, *layers, VALID)
        assert r.exit_code == 2, r.output
        assert "cannot be run with the schema any.rng" in r.stderr and "embedded" in r.stderr
    assert run("validate", "--schema", rng, "--layer", "rng", VALID).exit_code == 0
    assert run("validate", "--schema", rng, VALID).exit_code == 0


def test_a_file_with_old_mac_line_ends_is_located_like_the_others(tmp_path: Path):
    """CR alone ends a line in XML as CR LF and LF do; libxml2 counts LF only, so a CR file was all line 1."""
    text = BAD.read_text(encoding="utf-8")
    found = {}
    for name, end in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        doc = tmp_path / f"{name}.xml"
        doc.write_bytes(text.replace("\n", end).encode())
        r = run("validate", "--format", "json", doc)
        found[name] = [(d["line"], d["column"], d["code"], d["message"], d["xpath"])
                       for d in json.loads(r.stdout)["diagnostics"]]
    assert found["lf"] and found["cr"] == found["lf"] and found["crlf"] == found["lf"]
    assert {line for line, *_ in found["lf"]} != {1}
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\r<text>\r<p>one</q>\r</text></TEI>')
    r = run("validate", broken)
    assert r.exit_code == 2 and f"{broken}:3:" in r.output and "  <p>one</q>\n" in r.output


def test_contradictory_or_impossible_options_are_usage_errors():
    from click.testing import CliRunner
    from teikit.cli import main
    r = CliRunner().invoke(main, ["validate", "-j", "0", "tei"])
    assert r.exit_code == 2 and "0 is not in the range" in r.output
    r = CliRunner().invoke(main, ["enrich", "tei", "--dry-run", "--in-place"])
    assert r.exit_code == 2 and "--dry-run and --in-place contradict each other" in r.output
    # options that did nothing without a word
    r = run("lint", "tei", "--unsafe-fixes")
    assert r.exit_code == 2 and "give --fix --unsafe-fixes" in r.output
    for args in (["--only", "candidates,names"], ["--only", "candidates", "--in-place"]):
        r = run("enrich", "tei", *args)
        assert r.exit_code == 2 and "--only candidates lists the names the register lacks" in r.output


def test_the_configuration_printed_is_toml_that_reads_back():
    import tomllib
    r = run("config")
    assert r.exit_code == 0
    assert tomllib.loads(r.output)["tool"]["teikit"]["lint"]["select"] == ["TK"]


def test_lint_locates_findings_alike_whatever_ends_the_lines(tmp_path: Path):
    """lint counted LF alone (a CR file was all line 1) and, in a CR LF file, lost a column for each line
    end before the finding within a text node."""
    text = VALID.read_text(encoding="utf-8").replace(
        "<quote rend=\"block\"><p>A quoted paragraph.</p></quote>",
        "<quote rend=\"block\"><p>A quoted\nparagraph\nand the the end.</p></quote>")
    found = {}
    for name, end in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        doc = tmp_path / f"{name}.xml"
        doc.write_bytes(text.replace("\n", end).encode())
        r = run("lint", "--select", "TK405", "--format", "json", doc)
        found[name] = [(d["line"], d["column"]) for d in json.loads(r.stdout)["diagnostics"]]
    line = text.splitlines().index("and the the end.</p></quote>") + 1
    assert found == {"lf": [(line, 5)], "crlf": [(line, 5)], "cr": [(line, 5)]}


def test_configured_paths_are_reported_relative_to_here(tmp_path, monkeypatch):
    """paths = ["."] in a project's configuration: the findings name files as the editor sees them."""
    (tmp_path / "pyproject.toml").write_text('[tool.teikit]\npaths = ["."]\n', encoding="utf-8")
    (tmp_path / "doc.xml").write_text((HERE / "fixtures" / "valid" / "sample.xml").read_text(encoding="utf-8")
                                      .replace("</body>", '<p xml:id="x y">bad id</p></body>'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 1 and result.output.startswith("doc.xml:"), result.output


def test_an_output_folder_that_cannot_be_written_is_named(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted", str(tmp_path / "out" / "html" / ".teikit-x"))
    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    result = CliRunner().invoke(main, ["build", "--html", "--no-search", str(HERE / "fixtures" / "valid" / "sample.xml"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "html: cannot write into the output folder: Operation not permitted" in result.output
    assert ".teikit-" not in result.output


def test_a_tei_fragment_is_validated_by_a_schema_that_allows_its_root(tmp_path: Path):
    """A project validating page files (<surface>) with its own schema; the edition's needs a whole TEI."""
    frag = tmp_path / "page.xml"
    frag.write_text('<surface xmlns="http://www.tei-c.org/ns/1.0"><zone><line>text</line></zone></surface>',
                    encoding="utf-8")
    rng = tmp_path / "pages.rng"
    rng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">'
                   '<start><element name="surface"><element name="zone"><element name="line"><text/>'
                   '</element></element></element></start></grammar>', encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(frag)])
    assert r.exit_code == 2 and "<surface>" in r.output and "--schema" in r.output
    r = CliRunner().invoke(main, ["validate", "--schema", str(rng), str(frag)])
    assert r.exit_code == 0, r.output
    frag.write_text(frag.read_text(encoding="utf-8").replace("<line>text</line>", "<lb/>"), encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", "--schema", str(rng), str(frag)])
    assert r.exit_code == 1 and "RNG" in r.output


def test_tei_p4_is_named_as_such(tmp_path: Path):
    p4 = tmp_path / "p4.xml"
    p4.write_text("<TEI.2><teiHeader/><text><body><p>x</p></body></text></TEI.2>", encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(p4)])
    assert r.exit_code == 2 and "TEI P4" in r.output and "p4top5" in r.output


def test_texts_outside_any_project_do_not_take_the_configuration_of_the_folder_teikit_runs_in(tmp_path, monkeypatch):
    """Another project's file built from inside this edition is not given the edition's title and editors."""
    from conftest import FOREIGN, ROOT
    from teikit.config import DEFAULTS, load
    monkeypatch.chdir(ROOT)
    outside = tmp_path / "letter.xml"
    outside.write_bytes((FOREIGN / "schnitzler-briefe-l02854.xml").read_bytes())
    assert load(inputs=[outside]).build["title"] == DEFAULTS["build"]["title"]
    assert load(inputs=[outside]).source is None
    # without inputs, and for the edition's own files, the edition's configuration
    assert load().build["title"].startswith("Stalinism and the Moscow Trials")
    assert load(inputs=[ROOT / "tei"]).build["title"].startswith("Stalinism and the Moscow Trials")
    # asked for by name, it applies to any file
    assert load(ROOT / "pyproject.toml", inputs=[outside]).build["title"].startswith("Stalinism")


def test_build_flags_override_the_configuration(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.teikit.build]\nbase-url = "https://configured.example/"\n')
    doc = tmp_path / "sample.xml"
    doc.write_bytes(VALID.read_bytes())
    r = run("build", "--html", "--no-search", doc, "--out", tmp_path / "a")
    assert r.exit_code == 0, r.output
    page = (tmp_path / "a" / "html" / "texts").glob("*.html")
    assert "https://configured.example/texts/" in next(page).read_text()
    r = run("build", "--html", "--no-search", doc, "--out", tmp_path / "b", "--base-url", "https://flag.example/ed/")
    assert r.exit_code == 0, r.output
    text = next((tmp_path / "b" / "html" / "texts").glob("*.html")).read_text()
    assert "https://flag.example/ed/texts/" in text and "configured.example" not in text
