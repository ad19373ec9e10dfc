"""Corrections tables: lint writes them, emend applies the reviewed rows as recorded emendations."""

from __future__ import annotations

import csv
from pathlib import Path
import shutil

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.errors import InputError
from teikit.emend import apply_corrections, read_table
from teikit.parsing import NS, parse

from conftest import ROOT

FIXTURE = ROOT / "tests" / "lint" / "TK401_bad"


@pytest.fixture
def doc(tmp_path, monkeypatch):
    for f in FIXTURE.iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "doc.xml"


def table(doc, corrections: dict[str, str], type_: str = "") -> str:
    result = CliRunner().invoke(main, ["lint", "doc.xml", "--select", "TK401", "--format", "tsv",
                                       "--config", str(ROOT / "pyproject.toml")])
    rows = list(csv.reader(result.output.splitlines(), delimiter="\t"))
    assert rows[0][:6] == ["path", "line", "column", "code", "token", "correction"]
    for r in rows[1:]:
        if r[4] in corrections:
            r[5], r[6] = corrections[r[4]], type_
    path = doc.parent / "table.tsv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\n").writerows(rows)
    return str(path)


def test_the_filled_rows_become_recorded_emendations(doc):
    before = "".join(parse(doc).root.find(".//tei:body", NS).itertext())
    result = CliRunner().invoke(main, ["emend", table(doc, {"RltsSian": "Russian", "1t": "it"})])
    assert result.exit_code == 0, result.output
    root = parse(doc).root
    choices = root.findall(".//tei:body//tei:choice", NS)
    assert [(c.findtext("tei:sic", namespaces=NS), c.findtext("tei:corr", namespaces=NS)) for c in choices] == \
        [("RltsSian", "Russian"), ("1t", "it")]
    assert all(c.find("tei:corr", NS).get("resp") == "#t-ed" and c.find("tei:corr", NS).get("type") == "ocr"
               for c in choices)
    assert "neW" in "".join(root.find(".//tei:body", NS).itertext())  # a row left empty is left alone
    source = "".join(t for t in root.find(".//tei:body", NS).itertext()
                     if t not in ("Russian", "it"))
    assert source == before  # the source's characters are all kept, in sic
    assert "2 emendations applied with teikit emend" in root.findtext(".//tei:revisionDesc/tei:change[last()]",
                                                                      namespaces=NS)


def test_a_stale_table_is_refused_and_nothing_written(doc):
    path = table(doc, {"neW": "new"})
    assert CliRunner().invoke(main, ["emend", path]).exit_code == 0
    data = doc.read_bytes()
    with pytest.raises(InputError, match="not 'neW'"):
        apply_corrections(read_table(path), table=path)
    assert doc.read_bytes() == data


def test_dry_run_writes_nothing(doc):
    data = doc.read_bytes()
    result = CliRunner().invoke(main, ["emend", table(doc, {"neW": "new"}), "--dry-run"])
    assert result.exit_code == 0 and "+" in result.output and "<corr" in result.output
    assert doc.read_bytes() == data


def test_an_emendation_that_would_make_the_document_invalid_is_refused(doc):
    path = table(doc, {"neW": "new"}, type_="not a known type")
    data = doc.read_bytes()
    result = CliRunner().invoke(main, ["emend", path])
    assert result.exit_code == 2 and "invalid" in result.output
    assert doc.read_bytes() == data


def test_a_table_without_the_columns_is_a_clear_error(tmp_path):
    bad = tmp_path / "t.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["emend", str(bad)])
    assert result.exit_code == 2 and "lacks the column" in result.output


def test_two_rows_for_one_token_are_a_clear_error(doc):
    path = table(doc, {"RltsSian": "Russian"})
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if "\tRltsSian\t" in line)
    with open(path, "a", encoding="utf-8") as f:
        f.write(row.replace("Russian", "Rusian") + "\n")
    data = doc.read_bytes()
    result = CliRunner().invoke(main, ["emend", path])
    assert result.exit_code == 2 and "two rows of the table correct the same place" in result.output
    assert doc.read_bytes() == data


def test_a_correction_the_files_encoding_cannot_hold_is_a_character_reference(doc):
    text = doc.read_text(encoding="utf-8")
    doc.write_bytes(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("iso-8859-1"))
    result = CliRunner().invoke(main, ["emend", table(doc, {"RltsSian": "Russian—"})])
    assert result.exit_code == 0, result.output
    assert b"Russian&#8212;</corr>" in doc.read_bytes()
    assert parse(doc).root.find(".//tei:corr", NS).text == "Russian—"


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_a_table_of_a_file_with_cr_line_ends_finds_its_tokens(doc, line_end):
    # lint counts a CR LF or a lone CR as one line end; emend must place the rows the same way
    doc.write_bytes(doc.read_bytes().replace(b"\n", line_end.encode()))
    result = CliRunner().invoke(main, ["emend", table(doc, {"RltsSian": "Russian", "1t": "it"})])
    assert result.exit_code == 0, result.output
    text = doc.read_bytes().decode("utf-8")
    assert "<sic>RltsSian</sic>" in text and "<sic>1t</sic>" in text and "\n" not in text.replace("\r\n", "")


def test_a_utf16_file_is_emended_in_its_own_encoding_and_byte_order(doc):
    text = doc.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    doc.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    result = CliRunner().invoke(main, ["emend", table(doc, {"RltsSian": "Russian"})])
    assert result.exit_code == 0, result.output  # the result was checked as UTF-8 text and refused
    data = doc.read_bytes()
    assert data[:2] == b"\xfe\xff" and "<sic>RltsSian</sic>" in data[2:].decode("utf-16-be")
