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


def test_an_empty_directory_is_reported(tmp_path: Path):
    r = run("validate", tmp_path)
    assert "no *.xml files in this directory" in r.output and r.exit_code == 0


def test_contradictory_or_impossible_options_are_usage_errors():
    from click.testing import CliRunner
    from teikit.cli import main
    r = CliRunner().invoke(main, ["validate", "-j", "0", "tei"])
    assert r.exit_code == 2 and "0 is not in the range" in r.output
    r = CliRunner().invoke(main, ["enrich", "tei", "--dry-run", "--in-place"])
    assert r.exit_code == 2 and "--dry-run and --in-place contradict each other" in r.output
