"""`teikit lint`: every rule on a fixture that triggers it and one that does not; the interface."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.lint import lint, registry
from teikit.lint.docs import rules_html

HERE = Path(__file__).parent / "lint"
CODES = sorted(registry())


def run_fixture(code: str, which: str):
    folder = HERE / f"{code}_{which}"
    assert folder.is_dir(), f"no fixture {folder.name}"
    docs = [p for p in folder.glob("*.xml") if p.name != "register.xml" or code in ("TK103", "TK104")]
    return lint(docs, select_codes=[code], register_path=folder / "register.xml").diagnostics


@pytest.mark.parametrize("code", CODES)
def test_rule_fires_on_its_bad_fixture(code):
    assert [d for d in run_fixture(code, "bad") if d.code == code], f"{code} found nothing in {code}_bad"


@pytest.mark.parametrize("code", CODES)
def test_rule_is_quiet_on_its_good_fixture(code):
    assert [d for d in run_fixture(code, "ok") if d.code == code] == []


@pytest.mark.parametrize("code", CODES)
def test_rule_is_documented_in_four_parts(code):
    rule = registry()[code]
    doc = rule.__doc__ or ""
    for part in ("What it flags", "Why it matters", "Example", "Fix"):
        assert part in doc, f"{code} docstring lacks '{part}'"
    assert re.fullmatch(r"TK\d{3}", code) and rule.name and rule.name == rule.name.lower()
    assert f'id="{code}"' in rules_html()


def test_codes_are_unique_and_families_grouped():
    names = [r.name for r in registry().values()]
    assert len(set(names)) == len(names)


def test_the_edition_lints_clean(root):
    report = lint([root / "tei"], register_path=root / "tei" / "register.xml",
                  config={"extra-words-file": str(root / "tei" / "wordlist.txt")})
    assert report.diagnostics == [], "\n".join(f"{d.path}:{d.line}: {d.code} {d.message}" for d in report.diagnostics[:20])


def cli(*args):
    return CliRunner().invoke(main, ["lint", *map(str, args)])


def test_cli_output_and_exit_codes():
    bad = HERE / "TK401_bad"
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK4")
    assert r.exit_code == 1
    first = r.output.splitlines()[0]
    assert re.match(r".+doc\.xml:\d+:\d+: TK401 suspicious token 'RltsSian': mixed case inside a word", first)
    ok = HERE / "TK401_ok"
    assert cli(ok / "doc.xml", "--register", ok / "register.xml", "--select", "TK4").exit_code == 0
    assert cli("--explain", "TK999").exit_code == 2
    assert cli(bad / "doc.xml", "--select", "XX1").exit_code == 2


def test_formats_and_statistics():
    bad = HERE / "TK401_bad"
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK401", "--format", "json")
    data = json.loads(r.output)
    assert data["summary"]["problems"] == len(data["diagnostics"]) >= 4
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK401", "--format", "github")
    assert r.output.startswith("::error file=")
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK401", "--format", "junit")
    assert "<testsuite" in r.output and "<failure" in r.output
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK4", "--statistics")
    assert re.search(r"^\s+\d+\s+TK401\s+suspicious-token$", r.output, re.M)


def test_explain_prints_the_rule():
    r = cli("--explain", "TK201")
    assert r.exit_code == 0
    assert r.output.startswith("TK201 (untagged-register-name)")
    assert "Why it matters" in r.output and "safe fix" in r.output


def test_select_and_ignore_by_prefix():
    bad = HERE / "TK401_bad"
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK4", "--ignore", "TK401")
    assert r.exit_code == 0


def test_processing_instruction_silences_one_occurrence(tmp_path):
    folder = tmp_path / "f"
    shutil.copytree(HERE / "TK405_bad", folder)
    doc = folder / "doc.xml"
    doc.write_text(doc.read_text().replace("It was the the end.",
                                           "It was <?teikit-lint ignore TK405 as printed?>the the end. And the the."))
    diags = lint([doc], select_codes=["TK405"], register_path=folder / "register.xml").diagnostics
    assert len(diags) == 1 and "the the" in diags[0].message


def test_safe_fix_changes_no_character_and_unsafe_fix_records_itself(tmp_path):
    from teikit.parsing import parse
    folder = tmp_path / "f"
    shutil.copytree(HERE / "TK201_bad", folder)
    doc = folder / "doc.xml"
    before = "".join(parse(doc).root.itertext())
    r = cli(doc, "--register", folder / "register.xml", "--select", "TK201", "--fix")
    assert r.exit_code == 0 and "1 fixed" in r.output
    after = parse(doc)
    assert "".join(after.root.itertext()) == before
    assert '<persName ref="psn:stalin">Stalin</persName> spoke' in doc.read_text()
    # an unsafe fix runs only when asked, and records the emendation
    shutil.copytree(HERE / "TK402_bad", tmp_path / "g")
    doc = tmp_path / "g" / "doc.xml"
    r = cli(doc, "--register", tmp_path / "g" / "register.xml", "--select", "TK402", "--fix")
    assert r.exit_code == 1 and "vile-ness" in doc.read_text() and "<choice>" not in doc.read_text()
    r = cli(doc, "--register", tmp_path / "g" / "register.xml", "--select", "TK402", "--fix", "--unsafe-fixes")
    text = doc.read_text()
    assert "<choice><sic>vile-ness</sic><corr resp=\"#t-ed\" type=\"transcription\">vileness</corr></choice>" in text
    assert "teikit lint --fix --unsafe-fixes" in text


def test_per_file_ignores_from_configuration(tmp_path):
    bad = HERE / "TK401_bad"
    report = lint([bad / "doc.xml"], select_codes=["TK4"], register_path=bad / "register.xml",
                  config={"per-file-ignores": {"doc.xml": ["TK401"]}})
    assert report.diagnostics == []


def test_pre_commit_hooks_are_declared(root):
    text = (root / ".pre-commit-hooks.yaml").read_text()
    assert "id: teikit-validate" in text and "id: teikit-lint" in text


def test_another_projects_tei_is_not_linted_against_this_register(tmp_path):
    """From the edition's folder, `teikit lint ../elsewhere` must not report the edition's
    register names as untagged, nor the register's entries as unused."""
    project, elsewhere = tmp_path / "tei", tmp_path / "elsewhere"
    shutil.copytree(HERE / "TK201_bad", project)
    elsewhere.mkdir()
    for doc in project.glob("*.xml"):
        if doc.name != "register.xml":
            shutil.copy(doc, elsewhere / doc.name)
    default = project / "register.xml"
    mine = lint([project], select_codes=["TK201", "TK103"], default_register=default).diagnostics
    theirs = lint([elsewhere], select_codes=["TK201", "TK103"], default_register=default).diagnostics
    assert [d for d in mine if d.code == "TK201"] and theirs == []


def test_the_language_of_a_text_comes_from_langusage_when_no_xml_lang(tmp_path):
    german = tmp_path / "brief.xml"
    german.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title></titleStmt>'
        '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc><profileDesc>'
        '<langUsage><language ident="deu">Deutsch</language></langUsage></profileDesc></teiHeader>'
        '<text><body><p>Wahrscheinlich schon nach der Premiere in Berlin.</p></body></text></TEI>', encoding="utf-8")
    assert lint([german], select_codes=["TK401"]).diagnostics == []
    english = tmp_path / "letter.xml"
    english.write_text(german.read_text(encoding="utf-8").replace('ident="deu"', 'ident="eng"'), encoding="utf-8")
    assert [d.code for d in lint([english], select_codes=["TK401"]).diagnostics] == ["TK401"] * 4
