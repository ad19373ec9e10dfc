"""The invalid-document suite: each file breaks one rule; RNG and XSD agree on every verdict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from teikit.parsing import parse
from teikit.validation import Validator, validate

INVALID = sorted((Path(__file__).parent / "invalid").glob("*.xml"))
VALID = sorted((Path(__file__).parent / "fixtures" / "valid").glob("*.xml"))


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def _expectation(path: Path) -> tuple[str, str]:
    m = re.search(r"<!-- expect: (\w+) \| (.*?) -->", path.read_text(encoding="utf-8"))
    assert m, f"{path.name} has no '<!-- expect: LAYER | message -->' line"
    return m.group(1), m.group(2)


def test_the_suite_is_large_enough():
    assert len(INVALID) >= 30


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_document_is_reported(path: Path, validator: Validator):
    layer, expected = _expectation(path)
    diags = validator.validate_document(parse(path))
    by_layer = {code: [d for d in diags if d.code == code] for code in ("RNG", "XSD", "SCH")}
    messages = [d.message for d in by_layer[layer]]
    assert any(expected in m for m in messages), f"{layer} said {messages}"
    # The two grammars are compiled from one ODD and must agree.
    assert bool(by_layer["RNG"]) == bool(by_layer["XSD"]), diags
    if layer == "SCH":
        assert not by_layer["RNG"] and not by_layer["XSD"]
    for d in diags:
        assert d.line > 0 and d.xpath, d


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_passes_every_layer(path: Path, validator: Validator):
    assert validator.validate_document(parse(path)) == []


def test_report_counts_files_and_layers(tmp_path: Path):
    report = validate(VALID + INVALID[:3])
    assert len(report.files) == len(VALID) + 3
    assert not report.ok
    assert set(report.timings) == {"rng", "xsd", "sch"}


def test_parallel_run_gives_the_same_diagnostics():
    sequential = validate(INVALID[:6], jobs=1).diagnostics
    parallel = validate(INVALID[:6], jobs=2).diagnostics
    assert sequential == parallel


def test_custom_schema_for_documents_of_other_projects(tei_all: Path):
    from conftest import FOREIGN
    report = validate([FOREIGN / "gerdracor-leonce-und-lena.xml", FOREIGN / "bellini-letter-ll1-16.xml"],
                      schema=tei_all)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    # DraCor is valid against tei_all; the Bellini letter has quoted width/height
    # values ('1265px') and an empty date/@when.
    assert {Path(d.path).name for d in errors} == {"bellini-letter-ll1-16.xml"}
    assert {d.xpath.rsplit("/", 1)[-1] for d in errors} == {"graphic", "date"}
    assert sum("@width" in d.message for d in errors) == 4


def test_unresolved_xinclude_is_reported_not_followed(tei_all: Path):
    from conftest import FOREIGN
    report = validate([FOREIGN / "isicily-nemenios-decree.xml"], schema=tei_all)
    assert [d for d in report.diagnostics if d.severity == "error"] == []
    assert any(d.code == "XINCLUDE" and "fallback" in d.message for d in report.diagnostics)


def test_unchanged_files_are_not_validated_again(tmp_path, monkeypatch):
    from conftest import ROOT
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    doc = tmp_path / "doc.xml"
    good = (ROOT / "tests" / "lint" / "TK404_ok" / "doc.xml").read_text(encoding="utf-8")
    doc.write_text(good, encoding="utf-8")
    first = validate([doc], jobs=1)
    assert first.diagnostics == [] and first.timings.get("rng", 0) > 0
    again = validate([doc], jobs=1)
    assert again.diagnostics == [] and not any(again.timings.values())  # served from the cache
    doc.write_text(good.replace('xml:id="t-p1"', 'xml:id="t p1"'), encoding="utf-8")  # a change: validated anew
    changed = validate([doc], jobs=1)
    assert changed.diagnostics and {d.path for d in changed.diagnostics} == {str(doc)}
    assert [(d.line, d.code) for d in validate([doc], jobs=1).diagnostics] == [(d.line, d.code) for d in changed.diagnostics]
    monkeypatch.setenv("TEIKIT_NO_CACHE", "1")
    assert validate([doc], jobs=1).timings.get("rng", 0) > 0


def test_the_xsd_shortcuts_change_no_verdict_and_no_message():
    """teikit.xsd answers TEI's free choices itself: on every document at hand, it
    must report exactly what plain xmlschema reports."""
    import xmlschema
    from conftest import EDITION, foreign_files

    from teikit import schema as schemas
    path = schemas.EditionSchema.default().xsd
    plain = xmlschema.XMLSchema(str(path), allow="local")
    ours = schemas.load_xsd(path)
    docs = [*INVALID, *VALID, *sorted(EDITION.glob("*.xml")), *foreign_files()]
    invalid = 0
    for doc_path in docs:
        tree = parse(doc_path).tree
        expected = [(e.reason, e.path) for e in plain.iter_errors(tree)]
        assert [(e.reason, e.path) for e in ours.iter_errors(tree)] == expected, doc_path.name
        invalid += bool(expected)
    assert invalid >= len(INVALID) // 2  # the comparison saw plenty of errors, not only valid files


@pytest.mark.parametrize("suffix", ["rng", "xsd"])
def test_another_schema_compiled_once_gives_the_workers_the_same_verdicts(suffix):
    """With --schema, the schema is compiled before the workers fork (tei_all takes seconds each time)."""
    schema = Path(__file__).parent.parent / "schema" / f"edition.{suffix}"
    bad = [p for p in INVALID if p.stem in ("attribute-not-allowed", "author-before-title")]
    files = [*bad, Path(__file__).parent.parent / "tei" / "trotsky-crimes-of-stalin.xml"]
    alone = validate(files, schema=schema, jobs=1).diagnostics
    together = validate(files, schema=schema, jobs=2).diagnostics
    assert [(d.path, d.line, d.code) for d in together] == [(d.path, d.line, d.code) for d in alone]
    assert {d.path for d in together} == {str(p) for p in bad}


def test_another_schema_is_its_own_layer_and_refuses_the_others(tmp_path: Path):
    from teikit.errors import ConfigError
    sch = tmp_path / "rules.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
                   '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><pattern><rule context="tei:p">'
                   '<assert test="false()" id="never">a paragraph</assert></rule></pattern></schema>')
    assert Validator(sch).layers == ("sch",) and Validator(sch, ("sch",)).layers == ("sch",)
    with pytest.raises(ConfigError, match="the layer rng cannot be run with the schema rules.sch"):
        Validator(sch, ("rng", "sch"))
    with pytest.raises(ConfigError):
        validate(VALID, schema=sch, layers=("xsd",), jobs=2)  # before any worker starts
    assert Validator(layers=("rng", "sch")).layers == ("rng", "sch")
    assert Validator().layers == ("rng", "xsd", "sch")


_ANY_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element ns="http://www.tei-c.org/ns/1.0" name="{root}"><ref name="any"/></element></start>
  <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
    <element><anyName/><ref name="any"/></element></choice></zeroOrMore></define>
</grammar>"""
_ANY_XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.tei-c.org/ns/1.0"
  elementFormDefault="qualified">
  <xs:element name="{root}"><xs:complexType mixed="true"><xs:sequence>
    <xs:any minOccurs="0" maxOccurs="unbounded" processContents="skip"/></xs:sequence>
    <xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>
</xs:schema>"""


@pytest.mark.parametrize("kind", ["rng", "xsd"])
def test_a_change_to_a_file_the_schema_includes_brings_a_new_verdict(kind, tmp_path, monkeypatch):
    """The cached verdict and the compiled XSD are keyed by every file of the schema, not only
    the one named on the command line."""
    from conftest import ROOT
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    doc = tmp_path / "doc.xml"
    doc.write_text((ROOT / "tests" / "lint" / "TK404_ok" / "doc.xml").read_text(encoding="utf-8"), encoding="utf-8")
    if kind == "rng":
        main, part, template = tmp_path / "main.rng", tmp_path / "sub.rng", _ANY_RNG
        main.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="sub.rng"/></grammar>')
    else:
        main, part, template = tmp_path / "main.xsd", tmp_path / "sub.xsd", _ANY_XSD
        main.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                        'targetNamespace="http://www.tei-c.org/ns/1.0"><xs:include schemaLocation="sub.xsd"/>'
                        '</xs:schema>')
    part.write_text(template.format(root="TEI"))
    assert [d for d in validate([doc], schema=main, jobs=1).diagnostics if d.severity == "error"] == []
    part.write_text(template.format(root="TEIX"))
    assert [d for d in validate([doc], schema=main, jobs=1).diagnostics if d.severity == "error"]


def test_an_invalid_xml_id_is_named_as_written():
    """libxml2 names xml:id by its local name; the message names the attribute the encoder wrote."""
    from teikit.parsing import parse_string
    from teikit.validation import _rng_text
    doc = parse_string('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="1bad"/></TEI>')
    p = doc.root[0]
    msg = _rng_text("Invalid attribute id for element p", p, doc)
    assert 'xml:id="1bad"' in msg and "@xml:id" in msg and " id=" not in msg
