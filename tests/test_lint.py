"""`teikit lint`: every rule on a fixture that triggers it and one that does not; the interface."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FOREIGN
from teikit.cli import main
from teikit.lint import lint, registry
from teikit.lint.docs import FAMILIES, rules_html

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
    rules = registry()
    names = [r.name for r in rules.values()]
    assert len(set(names)) == len(names)
    # each rule's module is named for its code and pattern, and each code belongs to a documented family
    for code, rule in rules.items():
        assert rule.__module__.rsplit(".", 1)[1] == f"{code.lower()}_{rule.name.replace('-', '_')}", code
        assert code[:3] in FAMILIES, code
    assert all(any(c.startswith(prefix) for c in rules) for prefix in FAMILIES)  # no family is left empty


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
    annotations = [l for l in r.output.splitlines() if l.startswith("::")]
    assert f"lint: 1 file, {len(annotations)} problems" in r.output
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK401", "--format", "junit")
    assert "<testsuite" in r.output and "<failure" in r.output
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK4", "--statistics")
    assert re.search(r"^\s+\d+\s+TK401\s+suspicious-token$", r.output, re.M)
    # statistics in the JSON summary; for junit and github on stderr, leaving stdout to the machine
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK4", "--statistics", "--format", "json")
    assert json.loads(r.output)["summary"]["statistics"]["TK401"] >= 4
    r = CliRunner().invoke(main, ["lint", str(bad / "doc.xml"), "--register", str(bad / "register.xml"),
                                                  "--select", "TK4", "--statistics", "--format", "junit"])
    assert "suspicious-token" in r.stderr and "suspicious-token" not in r.stdout


def test_explain_prints_the_rule():
    r = cli("--explain", "TK201")
    assert r.exit_code == 0
    assert r.output.startswith("TK201 (untagged-register-name)")
    assert "Why it matters" in r.output and r.output.rstrip().endswith("Automatic fix: safe (changes no character "
                                                                      "of the text).")
    assert len(re.findall(r"^Fix\b", r.output, re.M)) == 1  # the rule's advice; the automatic fix is named apart


def test_select_and_ignore_by_prefix():
    bad = HERE / "TK401_bad"
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK4")
    assert r.exit_code == 1 and "TK401" in r.output  # the family selected by its prefix finds the fixture's tokens
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK4", "--ignore", "TK401")
    assert r.exit_code == 0 and "TK401" not in r.output
    r = cli(bad / "doc.xml", "--register", bad / "register.xml", "--select", "TK2")
    assert "TK401" not in r.output


def test_processing_instruction_silences_one_occurrence(tmp_path):
    folder = tmp_path / "f"
    shutil.copytree(HERE / "TK405_bad", folder)
    doc = folder / "doc.xml"
    doc.write_text(doc.read_text().replace("It was the the end.",
                                           "It was <?teikit-lint ignore TK405 as printed?>the the end. And the the."))
    diags = lint([doc], select_codes=["TK405"], register_path=folder / "register.xml").diagnostics
    assert len(diags) == 1 and "the the" in diags[0].message


def _tk201_doc(tmp_path, body: str) -> Path:
    folder = tmp_path / "f"
    shutil.copytree(HERE / "TK201_bad", folder)
    doc = folder / "doc.xml"
    doc.write_text(doc.read_text().replace(
        '<p xml:id="t-p1">Stalin spoke in <placeName ref="plc:moscow">Moscow</placeName>.</p>', body))
    return doc


def test_an_enrich_ignore_instruction_silences_tk201_in_its_block_only(tmp_path):
    doc = _tk201_doc(tmp_path, '<p xml:id="t-p1"><?teikit-enrich ignore "Stalin" a prize?>The Stalin Prize.</p>\n'
                               '<p xml:id="t-p2">Stalin spoke.</p>')
    diags = lint([doc], select_codes=["TK201"], register_path=doc.parent / "register.xml").diagnostics
    line = doc.read_text().splitlines().index('<p xml:id="t-p2">Stalin spoke.</p>') + 1
    assert [(d.line, d.column) for d in diags] == [(line, len('<p xml:id="t-p2">') + 1)]


def test_a_malformed_enrich_ignore_instruction_is_reported_by_tk201_and_has_no_effect(tmp_path):
    doc = _tk201_doc(tmp_path, '<p xml:id="t-p1"><?teikit-enrich ignore Stalin unquoted?>Stalin spoke.</p>')
    diags = lint([doc], select_codes=["TK201"], register_path=doc.parent / "register.xml").diagnostics
    line, text = next((i, t) for i, t in enumerate(doc.read_text().splitlines(), 1) if "teikit-enrich" in t)
    assert [(d.line, d.column) for d in diags] == [(line, text.index("<?") + 1), (line, text.index("Stalin spoke") + 1)]
    assert 'expected <?teikit-enrich ignore "FORM" reason?>' in diags[0].message
    assert "'Stalin' is not tagged" in diags[1].message
    assert "teikit-enrich ignore" in cli("--explain", "TK201").output


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


# ---------------------------------------------------------------- cases found in review

def _doc(tmp_path, body: str, name: str = "doc.xml", header_extra: str = "") -> Path:
    """The TK401_ok fixture with another body, beside its register."""
    folder = tmp_path / "case"
    if not folder.exists():
        shutil.copytree(HERE / "TK401_ok", folder)
        (folder / "doc.xml").unlink()
    text = (HERE / "TK401_ok" / "doc.xml").read_text(encoding="utf-8")
    text = text.replace('<p xml:id="t-p1">The Russian Revolution was new.</p>', body)
    doc = folder / name
    doc.write_text(text, encoding="utf-8")
    return doc


def _codes_at(doc, codes):
    return [(d.code, d.line, d.column) for d in lint([doc], select_codes=codes).diagnostics]


def test_a_finding_after_a_comment_or_instruction_is_placed_at_its_word(tmp_path):
    doc = _doc(tmp_path, '<p xml:id="t-p1">The committee<!-- checked --> and then the the other neW thing.</p>')
    line = next(i for i, l in enumerate(doc.read_text().splitlines(), 1) if "neW" in l)
    col = doc.read_text().splitlines()[line - 1].index("the the") + 1
    found = lint([doc], select_codes=["TK401", "TK405"]).diagnostics
    assert ("TK405", line, col) in [(d.code, d.line, d.column) for d in found]
    assert [d.fix.safety for d in found if d.code == "TK405"] == ["unsafe"]  # the fix finds its place too
    doc = _doc(tmp_path, '<p xml:id="t-p1">A <?teikit-lint ignore TK401 one?>word, then a neW one.</p>')
    line_text = doc.read_text().splitlines()
    line = next(i for i, l in enumerate(line_text, 1) if "neW" in l)
    assert _codes_at(doc, ["TK401"]) == [("TK401", line, line_text[line - 1].index("neW") + 1)]


def test_a_doctype_whose_quoted_values_hold_brackets_does_not_displace_the_findings(tmp_path):
    # a ] or > inside a quoted value or comment of the internal subset ends neither the subset nor the DOCTYPE
    doc = _doc(tmp_path, '<p xml:id="t-p1">A neW word.</p>')
    text = doc.read_text(encoding="utf-8")
    subset = '<!DOCTYPE TEI [\n<!NOTATION n SYSTEM "]x">\n<!NOTATION m SYSTEM "<p>">\n<!-- ] > -->\n]>\n'
    doc.write_text(re.sub(r"(<\?xml[^>]*\?>\s*)?", lambda m: m.group(0) + subset, text, count=1), encoding="utf-8")
    lines = doc.read_text(encoding="utf-8").splitlines()
    line = next(i for i, l in enumerate(lines, 1) if "neW" in l)
    assert _codes_at(doc, ["TK401"]) == [("TK401", line, lines[line - 1].index("neW") + 1)]


@pytest.mark.parametrize("printed,when", [
    ("March 3, 1937", "1937-03-04"), ("March 3rd, 1937", "1937-03-04"), ("May 3", "1937-04-03"),
    ("May 3, 1937", "1937-06-03"), ("Sept. 12, 1936", "1936-09-13")])
def test_a_printed_day_or_month_that_disagrees_is_found_in_every_form(tmp_path, printed, when):
    doc = _doc(tmp_path, f'<p xml:id="t-p1">On <date when="{when}">{printed}</date> it began.</p>')
    assert [c for c, *_ in _codes_at(doc, ["TK302"])] == ["TK302"]


def test_a_printed_date_that_agrees_is_quiet(tmp_path):
    doc = _doc(tmp_path, '<p xml:id="t-p1">On <date when="1937-03-03">March 3, 1937</date>, on <date '
                         'when="1937-05-01">May 1</date> and in <date when="1936-09">Sept. 1936</date>.</p>')
    assert _codes_at(doc, ["TK302"]) == []


def test_false_friends_of_the_text_rules_are_quiet(tmp_path):
    doc = _doc(tmp_path, "".join([
        '<p xml:id="t-p1">He said <q xml:lang="de">Wir schaffen das gemeinsam</q> and wrote '
        '<foreign xml:lang="grc">Ζωπύρου</foreign> and Ζωπύρου again.</p>',
        '<p xml:id="t-p2">Their hard-heartedness and short-sightedness were new-fangled.</p>',
        '<table><row><cell>Total 16</cell></row></table><list><item>Defendants 16</item></list>',
        '<p xml:id="t-p3">He was aged 45</p>',
        '<note type="editorial" resp="#t-ed"><ptr target="#t-p1"/></note>',
        '<p xml:id="t-p4" xml:lang="de">Meine liebe Liebe, die die Welt kennt.</p>',
        '<p xml:id="t-p5">The the first word; the The second.</p>']))
    found = lint([doc], select_codes=["TK4", "TK504"]).diagnostics
    assert [(d.code, d.message) for d in found] == [("TK405", "doubled word: 'The the'")]


def test_a_word_left_divided_is_reported_once_by_the_hyphenation_rule(tmp_path):
    doc = _doc(tmp_path, '<p xml:id="t-p1">Unprecedented in vile-ness and in com- mittee work.</p>')
    assert sorted(c for c, *_ in _codes_at(doc, ["TK401", "TK402"])) == ["TK402", "TK402"]


def test_the_header_rules_accept_other_projects_placements(tmp_path):
    folder = tmp_path / "h"
    folder.mkdir()
    doc = folder / "letter.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title>'
        '<author>A. S.</author></titleStmt><editionStmt><edition>1</edition><respStmt><resp>encoding</resp>'
        '<name>X</name></respStmt></editionStmt><publicationStmt><availability><licence>CC0</licence>'
        '</availability></publicationStmt><sourceDesc><listWit><witness xml:id="A">Autograph</witness></listWit>'
        '</sourceDesc></fileDesc><profileDesc><correspDesc><correspAction type="sent"><date when="1902-03-04"/>'
        '</correspAction></correspDesc></profileDesc></teiHeader><text><body><p>Lieber Freund.</p></body></text>'
        '</TEI>', encoding="utf-8")
    assert lint([doc], select_codes=["TK6"]).diagnostics == []


def test_rules_across_the_edition_obey_silencing_and_per_file_ignores(tmp_path):
    folder = tmp_path / "f"
    shutil.copytree(HERE / "TK102_bad", folder)
    docs = sorted(p for p in folder.glob("*.xml") if p.name != "register.xml")
    found = lint(docs, select_codes=["TK102"], register_path=folder / "register.xml").diagnostics
    assert found
    first = Path(found[0].path)
    quiet = lint(docs, select_codes=["TK102"], register_path=folder / "register.xml",
                 config={"per-file-ignores": {first.name: ["TK102"]}}).diagnostics
    assert quiet and all(Path(d.path).name != first.name for d in quiet)
    reg = HERE / "TK104_bad" / "register.xml"
    shutil.copy(reg, tmp_path / "register.xml")
    text = (tmp_path / "register.xml").read_text(encoding="utf-8")
    dup = re.findall(r'<idno type="wikidata">(Q\d+)</idno>', text)
    again = next(q for q in dup if dup.count(q) > 1)
    last = text.rindex(f'<idno type="wikidata">{again}</idno>')
    (tmp_path / "register.xml").write_text(text[:last] + "<?teikit-lint ignore TK104 the same man?>" + text[last:],
                                           encoding="utf-8")
    assert lint([tmp_path / "register.xml"], select_codes=["TK104"]).diagnostics == []


def test_linting_one_document_measures_the_register_against_the_whole_edition(root, tmp_path):
    """A pre-commit hook passes only the changed files: the register's unused entries are counted over
    every document beside it, and reported only when the register itself is linted."""
    tei = root / "tei"
    one = tei / "trotsky-stalins-article-on-world-revolution.xml"
    assert lint([one], select_codes=["TK103"]).diagnostics == []
    assert lint([tei / "register.xml"], select_codes=["TK103"]).diagnostics == []
    copy = tmp_path / "tei"
    shutil.copytree(tei, copy)
    (copy / "serge-from-lenin-to-stalin.xml").unlink()  # without Serge, the entries only he names are unused
    unused = {re.search(r"'(.+?)'", d.message)[1] for d in lint([copy / "register.xml"], select_codes=["TK103"]).diagnostics}
    serge = (tei / "serge-from-lenin-to-stalin.xml").read_text(encoding="utf-8")
    assert len(unused) > 50 and all(re.search(f":{re.escape(i)}[\" ]", serge) for i in unused)


def test_a_file_changed_after_lint_read_it_is_not_fixed(tmp_path):
    """The fixes are offsets into the file lint read: applied to a file saved since, they would cut words."""
    from teikit.lint.fixes import apply_fixes
    shutil.copytree(HERE / "TK201_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    report = lint([doc], select_codes=["TK201"], register_path=tmp_path / "f" / "register.xml")
    assert any(d.fix for d in report.diagnostics)
    edited = doc.read_text(encoding="utf-8").replace("</title>", " (revised)</title>", 1)
    assert edited != doc.read_text(encoding="utf-8")
    doc.write_text(edited, encoding="utf-8")
    report = apply_fixes(report)
    assert report.refused == [str(doc)] and report.fixed == 0
    assert doc.read_text(encoding="utf-8") == edited


def test_unusable_input_exits_2_with_the_line_shown(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>\n<x></y></teiHeader></TEI>', encoding="utf-8")
    r = cli(bad)
    assert r.exit_code == 2 and "bad.xml:2:" in r.output and "<x></y>" in r.output and "^" in r.output


def test_a_fix_that_cannot_be_written_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    import teikit.lint.fixes
    shutil.copytree(HERE / "TK201_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    before = doc.read_bytes()

    def refuse(path, data, **kw):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(teikit.lint.fixes, "atomic_write", refuse)
    r = cli(doc, "--register", tmp_path / "f" / "register.xml", "--select", "TK201", "--fix")
    assert r.exit_code == 2 and "cannot write the fixed file: Permission denied" in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert doc.read_bytes() == before


def test_a_pointer_that_misses_its_prefix_pattern_or_names_no_declared_prefix_leads_nowhere(tmp_path):
    shutil.copytree(HERE / "TK101_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    text = doc.read_text(encoding="utf-8").replace(
        '<persName ref="psn:stalinn">Stalin</persName>',
        '<persName ref="psn:Stalin">Stalin</persName>, <persName ref="psn:">Stalin</persName>, '
        '<placeName ref="plc:moscow">Moscow</placeName>, <persName ref="pns:stalin">Stalin</persName> and '
        '<ref target="https://example.org/x">a page</ref>')
    doc.write_text(text, encoding="utf-8")
    found = [d.message for d in lint([doc], select_codes=["TK101"], register_path=tmp_path / "f" / "register.xml").diagnostics]
    assert any("'Stalin' does not match the pattern ([a-z0-9-]+) of the prefix psn:" in m for m in found), found
    assert any("@ref='psn:' leads nowhere" in m for m in found), found
    assert any("the prefix pns: is not declared (prefixDef: plc, psn)" in m for m in found), found
    assert not any("example.org" in m for m in found), found


def test_per_file_ignores_name_files_from_the_configuration_folder_and_a_missing_word_list_is_an_error(tmp_path, monkeypatch):
    folder = tmp_path / "tei" / "aud"
    shutil.copytree(HERE / "TK401_bad", folder)
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.teikit.lint]\nper-file-ignores = {"tei/aud/doc.xml" = ["TK4"]}\n', encoding="utf-8")
    for where, path in [(tmp_path, "tei/aud/doc.xml"), (tmp_path / "tei", "aud/doc.xml"), (folder, "doc.xml")]:
        monkeypatch.chdir(where)
        r = CliRunner().invoke(main, ["lint", path, "--select", "TK4", "--config", str(config)])
        assert r.exit_code == 0 and "0 problems" in r.output, (where, r.output)
    config.write_text('[tool.teikit.lint]\nwordlist = ["words/none.txt"]\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["lint", "doc.xml", "--select", "TK4", "--config", str(config)])
    assert r.exit_code == 2 and f"wordlist: no such file: {tmp_path / 'words' / 'none.txt'}" in r.output


def test_page_gaps_are_counted_within_front_matter_and_text_not_across(tmp_path):
    doc = tmp_path / "roman.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                   '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text>'
                   '<front><pb n="i"/><p>a</p><pb n="ii"/><p>b</p><pb n="v"/></front><body><pb n="1"/><p>c</p>'
                   '<pb n="3"/><p>d</p><pb n="7"/></body></text></TEI>', encoding="utf-8")
    found = [d.message for d in lint([doc], select_codes=["TK702"]).diagnostics]
    assert found == ["2 pages are missing between page ii and page v", "page 2 is missing between page 1 and page 3",
                     "pages 4–6 are missing between page 3 and page 7"]


def test_the_edition_is_linted_with_its_own_configuration_from_any_folder(tmp_path, monkeypatch):
    """The configuration comes from the files' folders (as ruff finds it): from elsewhere, the edition's
    word list and register still apply, so its clean encoding stays clean."""
    from conftest import EDITION
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["lint", str(EDITION)])
    assert r.exit_code == 0, r.output[-2000:]


def test_a_printed_year_that_none_of_the_dates_values_has_is_flagged(tmp_path):
    doc = tmp_path / "years.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                   '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>'
                   '<p><date when="1936-03-03">March 3, 1937</date>; <date from="1936-12-28" to="1937-01-03">December 28 '
                   'to January 3, 1937</date>; <date when="1918-01-07" when-custom="1917-12-25" datingMethod="#julian">'
                   'December 25, 1917</date>; <date when="1937">1,937 men</date>; <date when="1938-02">February 1938</date>.</p>'
                   '</body></text></TEI>', encoding="utf-8")
    found = [d.message for d in lint([doc], select_codes=["TK302"]).diagnostics]
    assert found == ["'March 3, 1937': the printed year (1937) is not the year of 1936-03-03"], found


def test_a_name_that_points_to_an_entry_of_another_kind_is_flagged(tmp_path):
    shutil.copytree(HERE / "TK101_ok", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    text = doc.read_text(encoding="utf-8").replace('<placeName ref="plc:moscow">Moscow</placeName>',
                                                   '<placeName ref="psn:stalin">Moscow</placeName>')
    doc.write_text(text, encoding="utf-8")
    found = [d.message for d in lint([doc], select_codes=["TK202"], register_path=tmp_path / "f" / "register.xml").diagnostics]
    assert any(m.startswith("placeName points to the register's person 'stalin'") for m in found), found


def _fix_fixture(tmp_path: Path, body: str) -> Path:
    """The TK203_bad fixture with another paragraph."""
    shutil.copytree(HERE / "TK203_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(re.sub(r'<p xml:id="t-p1">.*?</p>', lambda _: f'<p xml:id="t-p1">{body}</p>', text, flags=re.S),
                   encoding="utf-8")
    return doc


def test_a_name_of_nothing_but_spaces_and_punctuation_has_no_fix_and_holds_up_no_other(tmp_path):
    from teikit.lint.fixes import apply_fixes
    doc = _fix_fixture(tmp_path, '<persName ref="psn:stalin">, </persName> and <persName ref="psn:stalin"> Stalin\'s'
                                 '</persName> speech.')
    run = functools.partial(lint, [doc], select_codes=["TK203"], register_path=doc.parent / "register.xml")
    report = apply_fixes(run(), lint_again=run)
    assert report.fixed == 1
    assert ' and  <persName ref="psn:stalin">Stalin</persName>\'s speech.' in doc.read_text(encoding="utf-8")
    [left] = report.diagnostics
    assert left.code == "TK203" and left.fix is None and "', '" in left.message


def test_fixes_that_overlap_wait_for_the_next_run_and_the_others_are_applied(tmp_path):
    from teikit.diagnostics import Diagnostic, Fix
    from teikit.lint import LintReport
    from teikit.lint.fixes import apply_fixes
    doc = _fix_fixture(tmp_path, "Stalin spoke to Kirov.")
    text = doc.read_text(encoding="utf-8")
    a, b = text.index("Stalin spoke"), text.index("Kirov.")

    def finding(line, *edits):
        return Diagnostic(str(doc), line, 1, "TK999", "x", fix=Fix("f", "safe", edits))
    report = LintReport([finding(1, (a, a, "<hi>"), (a + 6, a + 6, "</hi>")),
                         finding(2, (a + 1, a + 1, "<hi>"), (a + 3, a + 3, "</hi>")),  # insertions go together
                         finding(3, (a, a + 6, "<hi>Stalin</hi>")),  # rewrites the characters the second wraps
                         finding(4, (b, b, "<hi>"), (b + 5, b + 5, "</hi>"))], [str(doc)], 0.0)
    report = apply_fixes(report)
    assert report.fixed == 3
    assert "<hi>S<hi>ta</hi>lin</hi> spoke to <hi>Kirov</hi>." in doc.read_text(encoding="utf-8")


def test_a_safe_fix_that_would_change_the_text_is_not_written_and_says_why(tmp_path):
    from teikit.diagnostics import Diagnostic, Fix
    from teikit.lint import LintReport
    from teikit.lint.fixes import apply_fixes
    doc = _fix_fixture(tmp_path, "Stalin spoke.")
    before = doc.read_bytes()
    at = before.decode("utf-8").index("Stalin spoke")
    bad = Diagnostic(str(doc), 9, 1, "TK999", "x", fix=Fix("f", "safe", ((at, at + 6, "<hi>Stalln</hi>"),)))
    report = apply_fixes(LintReport([bad], [str(doc)], 0.0))
    assert doc.read_bytes() == before and report.fixed == 0
    assert [(d.code, d.message) for d in report.diagnostics if d.code == "FIX"] == [
        ("FIX", "the fixes were not applied: the change would alter the text (this is a bug in teikit)")]


def test_fixes_that_make_others_possible_are_applied_in_the_same_run(tmp_path):
    """Tagging a name can show a space before a comma (",Stalin" is no comma before a word once Stalin is a
    name): --fix goes on until nothing is left to fix, so that a second run changes nothing."""
    shutil.copytree(HERE / "TK402_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Unprecedented in vile-ness and in com- mittee work.",
                                                           "He wrote ,Stalin again."), encoding="utf-8")
    args = (doc, "--register", doc.parent / "register.xml", "--select", "TK201,TK406", "--fix", "--unsafe-fixes")
    r = cli(*args)
    assert "2 fixed" in r.output, r.output
    fixed = doc.read_text(encoding="utf-8")
    assert ('He wrote<choice><sic> ,</sic><corr resp="#t-ed" type="transcription">,</corr></choice><persName '
            'ref="psn:stalin">Stalin</persName> again.') in fixed
    r = cli(*args)
    assert r.exit_code == 0 and doc.read_text(encoding="utf-8") == fixed


def test_a_text_after_a_cdata_section_is_placed_and_fixed_but_never_inside_the_section(tmp_path):
    # lxml reads "<![CDATA[…]]> and the the" as one text; markup inserted in the section would be read as text
    shutil.copytree(HERE / "TK402_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    doc.write_text(doc.read_text(encoding="utf-8").replace(
        "Unprecedented in vile-ness and in com- mittee work.",
        "<![CDATA[A & B wrote the the end]]> and the the end."), encoding="utf-8")
    found = [d for d in lint([doc], select_codes=["TK405"], register_path=doc.parent / "register.xml").diagnostics]
    text = doc.read_text(encoding="utf-8")
    assert [(d.column, d.fix is not None) for d in found] == [
        (text.splitlines()[15].index("the the") + 1, False), (text.splitlines()[15].index("and the the") + 5, True)]
    r = cli(doc, "--register", doc.parent / "register.xml", "--select", "TK405", "--fix", "--unsafe-fixes")
    assert "1 fixed" in r.output
    assert ('<![CDATA[A & B wrote the the end]]> and <choice><sic>the the</sic><corr resp="#t-ed" type="misprint">the'
            '</corr></choice> end.') in doc.read_text(encoding="utf-8")


def test_a_fix_keeps_the_byte_order_of_a_utf16_file(tmp_path):
    shutil.copytree(HERE / "TK201_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    text = doc.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    doc.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    r = cli(doc, "--register", doc.parent / "register.xml", "--select", "TK201", "--fix")
    assert "1 fixed" in r.output
    data = doc.read_bytes()
    assert data[:2] == b"\xfe\xff" and '<persName ref="psn:stalin">Stalin</persName>' in data[2:].decode("utf-16-be")


def test_quotation_marks_pair_as_their_language_writes_them(tmp_path):
    """„…“ is balanced German; in English the same “ with no ” before it is not."""
    text = (HERE / "TK404_ok" / "doc.xml").read_text(encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text(text.replace("Er sagte „Wahrheit“", "Er sagte „Wahrheit"), encoding="utf-8")
    found = [d for d in lint([doc]).diagnostics if d.code == "TK404"]
    assert [d.line for d in found] == [18] and "2 opening and 1 closing" in found[0].message
    doc.write_text(text.replace('<p xml:id="t-p5" xml:lang="sv">Han sade ”sanning”',
                                '<p xml:id="t-p5" xml:lang="en">Han sade ”sanning”'), encoding="utf-8")
    assert [d.line for d in lint([doc]).diagnostics if d.code == "TK404"] == [20]


def test_an_emendation_fix_adds_the_revisiondesc_it_records_in(tmp_path):
    """A header without a revisionDesc gets one with the change; without an editor to credit in @resp,
    the fix is shown as needing one, not left out in silence."""
    shutil.copytree(HERE / "TK405_bad", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(re.sub(r"<revisionDesc>.*?</revisionDesc>", "", text, flags=re.S), encoding="utf-8")
    r = cli(doc, "--register", doc.parent / "register.xml", "--select", "TK405", "--fix", "--unsafe-fixes")
    assert "1 fixed" in r.output, r.output
    fixed = doc.read_text(encoding="utf-8")
    assert '<corr resp="#t-ed" type="misprint">the</corr>' in fixed
    assert re.search(r'<revisionDesc><change when="[0-9-]+" who="#t-ed">Emendations recorded with teikit lint '
                     r'--fix --unsafe-fixes\.</change></revisionDesc>\s*</teiHeader>', fixed)
    doc.write_text(text.replace('<editor xml:id="t-ed">', "<editor>"), encoding="utf-8")
    r = cli(doc, "--register", doc.parent / "register.xml", "--select", "TK405", "--fix", "--unsafe-fixes")
    assert "needs" not in r.output and "once the header names an editor with an xml:id" in r.output
    assert "<choice>" not in doc.read_text(encoding="utf-8")


def test_a_dtd_the_doctype_names_is_reported_as_validate_reports_it(tmp_path):
    """Also when the DOCTYPE declares entities (the warning was lost then), and by lint too."""
    from teikit.validation import validate
    shutil.copytree(HERE / "TK404_ok", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("<TEI ", '<!DOCTYPE TEI SYSTEM "tei.dtd" [<!ENTITY ed "the editors">]>\n<TEI ', 1),
                   encoding="utf-8")
    for report in (lint([doc]), validate([doc], jobs=1)):
        found = [d for d in report.diagnostics if d.code == "XML"]
        assert [(d.line, d.severity) for d in found] == [(2, "warning")] and "'tei.dtd'" in found[0].message


def test_w3c_dates_with_a_time_zone_are_iso(tmp_path):
    """TEI's dates are XSD's, where every form may end in a time zone (tei_all accepts 2012-06-08-04:00)."""
    shutil.copytree(HERE / "TK301_ok", tmp_path / "f")
    doc = tmp_path / "f" / "doc.xml"
    for zoned in ("1937-03-03-04:00", "1937-03-03Z", "1937+01:00", "--03-03Z"):
        doc.write_text((HERE / "TK301_ok" / "doc.xml").read_text(encoding="utf-8").replace(
            'when="1937-03-03"', f'when="{zoned}"'), encoding="utf-8")
        assert [d.message for d in lint([doc], select_codes=("TK301",)).diagnostics] == [], zoned
    doc.write_text(doc.read_text(encoding="utf-8").replace('when="--03-03Z"', 'when="1937-03-03 -04:00"'),
                   encoding="utf-8")
    assert [d.code for d in lint([doc], select_codes=("TK301",)).diagnostics] == ["TK301"]


def test_a_warning_about_the_input_does_not_make_it_unusable():
    """The DOCTYPE warning is code XML too, but the file was linted: exit 1 for its findings, not 2."""
    r = cli(FOREIGN / "bellini-letter-ll1-16.xml")
    assert "XML [warning]" in r.output and r.exit_code == 1


def test_every_rule_reads_the_reading_text_alike(tmp_path):
    """A deletion and the variants of an apparatus are no part of the reading text; an apparatus
    without a lemma reads its first reading, as the editions show it."""
    from teikit.parsing import parse as parse_xml
    from teikit.reading import is_aside
    folder = tmp_path / "f"
    shutil.copytree(HERE / "TK404_ok", folder)
    doc = folder / "doc.xml"
    text = doc.read_text()
    doc.write_text(text.replace(
        '<p xml:id="t-p2">',
        '<p xml:id="t-p8">He said "yes<del>"</del> and <app><rdg wit="#a">"no</rdg><rdg wit="#b">no</rdg></app>'
        ' again."</p>\n        <p xml:id="t-p2">'))
    root = parse_xml(doc).root
    rdgs = root.findall(".//{http://www.tei-c.org/ns/1.0}rdg")
    assert [is_aside(r) for r in rdgs] == [False, True]
    assert is_aside(root.find(".//{http://www.tei-c.org/ns/1.0}del"))
    # read as 'He said "yes and "no again."': two quotes open, one closes
    diags = lint([doc], select_codes=["TK404"], register_path=folder / "register.xml").diagnostics
    assert [d.message for d in diags] == ["unbalanced quotation marks: 3 straight double quotes"]
