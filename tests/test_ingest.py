"""`teikit ingest`: drafts that validate and keep every word of their source."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EDITION, SEEDS
from teikit.cli import main
from teikit.ingest import ingest
from teikit.parsing import NS, parse
from teikit.provenance import compare
from teikit.validation import Validator

SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
REGISTER = EDITION / "register.xml"


@pytest.fixture(scope="module")
def validator():
    return Validator()


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_draft_validates_and_keeps_every_word(seed: Path, tmp_path: Path, validator):
    draft = ingest(seed, register_path=REGISTER, ocr=seed.name.startswith("004"))
    out = tmp_path / "draft.xml"
    out.write_text(draft.xml, encoding="utf-8")
    doc = parse(out)
    problems = [d for d in validator.validate_document(doc) if d.severity == "error"]
    assert problems == [], problems[:3]
    result = compare(seed.read_text(encoding="utf-8"), doc)
    assert result.ok, result.describe()


def test_header_is_filled_from_what_the_source_states(tmp_path):
    draft = ingest(SEEDS / "001_f4f8fb22b0c79f5b.txt", register_path=REGISTER)
    doc = parse(draft.xml.encode(), path="001.xml")
    r = doc.root
    assert r.findtext(".//tei:titleStmt/tei:title", namespaces=NS).startswith("Latest Lies About the Moscow Trials")
    assert r.find(".//tei:titleStmt/tei:author", NS).get("ref") == "psn:trotsky"
    assert r.find(".//tei:creation/tei:date", NS).get("when") == "1937-07-27"
    assert "Militant, Vol. V No. 46" in "".join(r.find(".//tei:bibl[@type='original']", NS).itertext())
    assert r.findtext(".//tei:idno[@type='file']", namespaces=NS) == "001_f4f8fb22b0c79f5b.txt"
    removed = [q.text for q in r.iterfind(".//tei:list[@type='removed']//tei:q", NS)]
    assert "return return return return return" in removed
    assert "Last updated on: 29 March 2019" in removed
    # two texts, two divisions; the dateline closes the second
    assert len(r.findall(".//tei:body/tei:div", NS)) == 2
    assert r.find(".//tei:body/tei:div[2]//tei:closer/tei:dateline", NS) is not None


def test_notes_go_to_their_markers():
    draft = ingest(SEEDS / "002_1e5f63ca13ca948c.txt", register_path=REGISTER)
    doc = parse(draft.xml.encode(), path="002.xml")
    notes = doc.root.findall(".//tei:body//tei:note", NS)
    assert [n.get("n") for n in notes] == ["73", "74", "75", "76"]
    p = notes[0].getparent()
    assert "rehabilitated”" in (p.text or "") and notes[0].tail.startswith(" after a three-week")
    assert "[73]" not in draft.xml


def test_broken_paragraphs_and_hyphenation_are_joined():
    draft = ingest(SEEDS / "000_e208343524069116.txt", register_path=REGISTER)
    assert "plenum of the Central Committee of the CPSU" in draft.xml
    assert any("joined" in u for u in draft.unsure)
    assert any("ends mid-sentence" in u for u in draft.unsure)


def test_ocr_page_numbers_become_pb_with_printed_form():
    draft = ingest(SEEDS / "004_f1d77cd52e2e18b2.txt", register_path=REGISTER, ocr=True, key="serge")
    doc = parse(draft.xml.encode(), path="004.xml")
    pbs = doc.root.findall(".//tei:pb", NS)
    assert any(pb.get("n") == "12" and pb.get("cert") == "medium" for pb in pbs)
    fw = [f.text for f in doc.root.iterfind(".//tei:fw[@type='pageNum']", NS)]
    assert "\\2" in fw and "16" in fw
    assert "appear16" not in draft.xml


def test_cli_prints_the_draft_and_its_doubts(tmp_path):
    out = tmp_path / "d.xml"
    r = CliRunner().invoke(main, ["ingest", str(SEEDS / "000_e208343524069116.txt"), "-o", str(out)])
    assert r.exit_code == 0
    assert out.exists() and "unsure:" in r.output


def test_tree_edits_keep_the_text():
    from lxml import etree
    from teikit import tree
    p = etree.fromstring("<p>The RltsSian <hi>great</hi> revolution</p>")
    before = tree.string(p)
    tree.insert(p, 0, etree.Element("pb"))
    tree.insert(p, len("The RltsSian "), etree.Element("anchor"))  # boundary: a sibling of hi, not inside it
    tree.insert(p, len("The RltsSian gr"), etree.Element("lb"))  # inside hi
    tree.wrap(p, len("The "), len("The RltsSian"), etree.Element("seg"))
    assert tree.string(p) == before
    assert etree.tostring(p).decode() == ('<p><pb/>The <seg>RltsSian</seg> <anchor/><hi>gr<lb/>eat</hi>'
                                          ' revolution</p>')
