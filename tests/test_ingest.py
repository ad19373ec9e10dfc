"""`teikit ingest`: drafts that validate and keep every word of their source."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EDITION, SEEDS
from teikit.cli import main
from teikit.ingest import ingest, read
from teikit.ingest.blocks import blocks
from teikit.ingest.hyphens import Hyphens
from teikit.lint.words import divided
from teikit.parsing import NS, parse
from teikit.provenance import compare, words
from teikit.validation import Validator

SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
REGISTER = EDITION / "register.xml"


@pytest.fixture(scope="module")
def validator():
    return Validator()


def _line_end_halves(text: str) -> Counter:
    """The halves of words divided at line ends of a source that its draft may join.

    A draft reorders nothing, so it may join only the last word of a line that ends in a hyphen with the
    first word of the next line that has any, as the comparison reads words (``provenance.words``:
    ``anti-Soviet-`` / ``bloc`` are ``antiSoviet`` and ``bloc``).  Across a blank line (a paragraph, column
    or page break) the next block may come from elsewhere: there the joined word must be one the source
    spells elsewhere, or the second half no word the source has by itself (``Zino-`` … ``viev``, not
    ``vo-`` … ``crimes``).
    """
    lines = text.split("\n")
    elsewhere = Counter(words(re.sub(r"\w+-[ \t]*\n\s*\w+", " ", text)))  # the halves left out
    found = Counter()
    for i, line in enumerate(lines):
        j = next((j for j in range(i + 1, len(lines)) if words(lines[j])), None)
        if j is None or not re.search(r"\w-[ \t]*$", line) or not words(line):
            continue
        pair = words(line)[-1], words(lines[j])[0]
        if j == i + 1 or elsewhere["".join(pair)] or not elsewhere[pair[1]]:
            found[pair] += 1
    return found


def test_the_halves_a_draft_may_join_are_read_as_the_comparison_reads_words():
    text = "the anti-Soviet-\nbloc and the Zino-\n\nviev case; the vo-\n\ncrimes and crimes"
    assert _line_end_halves(text) == Counter({("antiSoviet", "bloc"): 1, ("Zino", "viev"): 1})


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_draft_validates_and_keeps_every_word(seed: Path, tmp_path: Path, validator):
    draft = ingest(seed, register_path=REGISTER, ocr=seed.name.startswith("004"))
    out = tmp_path / "draft.xml"
    out.write_text(draft.xml, encoding="utf-8")
    doc = parse(out)
    problems = [d for d in validator.validate_document(doc) if d.severity == "error"]
    assert problems == [], problems[:3]
    text = seed.read_text(encoding="utf-8")
    # every word of the draft is one of the source, or the join of a word divided at a line end
    result = compare(text, doc, joins=_line_end_halves(text))
    assert result.ok and not result.extra, result.describe()


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


def test_a_hyphen_before_a_block_that_does_not_finish_the_word_is_kept():
    # 'vo-' ends a column; the next block ('crimes, dozens …') continues another one ('justify these')
    draft = ingest(SEEDS / "000_e208343524069116.txt", register_path=REGISTER)
    assert "vocrimes" not in draft.xml
    assert "Thousands of revolutionary vo-</p>" in draft.xml
    assert "<p>crimes, dozens of foreign" in draft.xml
    assert any(u.startswith("line 71: not joined") and "'vocrimes'" in u for u in draft.unsure)


@pytest.fixture()
def english(tmp_path: Path) -> str:
    words = tmp_path / "words"
    words.write_text("committee\ncrimes\nknown\nthirds\nweary\nwell\n", encoding="utf-8")
    return str(words)


def test_a_word_divided_over_a_column_break_is_joined_when_its_second_half_is_no_word(tmp_path, english):
    # 'viev' cannot start a paragraph: the block continues the one before it, whatever the word list says
    src = tmp_path / "s.txt"
    src.write_text("# Title\n\nThe trial opened in August. The accused came in, and first came Zino-\n\n"
                   "viev, who came with them. Thousands of revolutionary vo-\n\ncrimes, dozens of them.\n",
                   encoding="utf-8")
    draft = ingest(src, wordlist=english)
    assert ("<p>The trial opened in August. The accused came in, and first came Zinoviev, who came with them. "
            "Thousands of revolutionary vo-</p>") in draft.xml
    assert "<p>crimes, dozens of them.</p>" in draft.xml
    assert [u.split(":")[0] for u in draft.unsure if "joined" in u] == ["line 5", "line 7"]
    assert [u for u in draft.unsure if "not joined" in u and "'vocrimes'" in u]


def test_the_words_of_the_edition_tell_a_divided_word_from_a_compound(tmp_path, english):
    # 'heartedness' is a word of the edition's list: without it the hyphen of tender-/heartedness is in doubt
    src = tmp_path / "s.txt"
    src.write_text("# Title\n\nThe trial opened in August. The accused were many. Their tender-\n"
                   "heartedness and a Chek-\nist.\n", encoding="utf-8")
    alone = ingest(src, wordlist=english)
    assert "tenderheartedness" in alone.xml and "Chekist" in alone.xml
    edition = ingest(src, wordlist=english, extra_words=["heartedness"])
    assert "Their tender-heartedness and a Chekist." in edition.xml
    assert [u for u in edition.unsure if "hyphen" in u] == [
        "line 4: hyphen kept at a line end in tender-heartedness: 'tenderheartedness' is no word of the source or "
        "of the word list, 'heartedness' is one (a compound, a dash, a line out of order?)"]


def test_the_command_reads_line_ends_with_the_edition_word_list_of_its_config(tmp_path, english):
    (tmp_path / "words.txt").write_text("heartedness  # the edition's own\n", encoding="utf-8")
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.teikit.lint]\nwordlist = ["{english}"]\nextra-words-file = "words.txt"\n',
                      encoding="utf-8")
    src = tmp_path / "s.txt"
    src.write_text("# Title\n\nThe trial opened in August. The accused were many. Their tender-\nheartedness.\n",
                   encoding="utf-8")
    r = CliRunner().invoke(main, ["ingest", str(src), "--config", str(config)])
    assert r.exit_code == 0 and "Their tender-heartedness." in r.output
    assert "unsure: line 4: hyphen kept at a line end in tender-heartedness" in r.output


def test_line_end_hyphens_are_read_on_evidence(english):
    hy = Hyphens.of("two-thirds of them; hang-\nman", english)
    assert hy.within("Com", "mittee") == ("", False)  # the word list knows 'committee'
    assert hy.within("two", "thirds") == ("-", False)  # the source spells it so
    assert hy.within("anti", "Soviet") == ("-", False)  # a capital after the hyphen
    assert not {"hang", "man", "hangman"} & set(hy.vocabulary)  # the halves of a divided word are no evidence
    assert hy.within("intersec", "tions") == ("", False)  # a fragment: the word was divided
    assert hy.within("vo", "crimes") == ("-", True)  # 'crimes' is a word: keep the hyphen, in doubt


def test_the_source_spelling_is_weighed_by_majority():
    words = frozenset({"cooperation", "operation", "wards"})
    assert divided("co", "operation", words, vocabulary=Counter({"co-operation": 20, "cooperation": 1})) is False
    assert divided("co", "operation", words, vocabulary=Counter({"co-operation": 1, "cooperation": 3})) is True
    # a tie says nothing: the rest of the evidence decides (here the word list, then the second half alone)
    assert divided("co", "operation", words, vocabulary=Counter({"co-operation": 2, "cooperation": 2})) is True
    assert divided("to", "wards", words, vocabulary=Counter({"to-wards": 1, "towards": 1})) is None


def test_lint_and_ingest_read_a_line_end_hyphen_alike(english):
    from teikit.lint.rules.tk402_leftover_hyphenation import leftover
    from teikit.lint.words import wordlist
    words = wordlist(english)
    hy = Hyphens.of("", english)
    for left, right in [("com", "mittee"), ("intersec", "tions"), ("vo", "crimes"), ("war", "weary")]:
        assert leftover(left, right, words, frozenset(), spaced=True) == (hy.within(left, right) == ("", False))


def test_a_hyphen_inside_a_paragraph_is_kept_in_doubt_when_the_next_word_stands_alone(tmp_path, english):
    src = tmp_path / "s.txt"
    src.write_text("# Title\n\nThe well-known plenum of the Central Committee had ended. Then the com-\n"
                   "mittee of the well-\nknown war-\nweary men met, and the intersec-\ntions.\n", encoding="utf-8")
    draft = ingest(src, wordlist=english)
    assert "Then the committee of the well-known war-weary men met, and the intersections." in draft.xml
    # the source spells well-known so; 'warweary' is no word, 'weary' is one
    assert [u for u in draft.unsure if "hyphen" in u] == [
        "line 6: hyphen kept at a line end in war-weary: 'warweary' is no word of the source or of the word "
        "list, 'weary' is one (a compound, a dash, a line out of order?)"]


def test_the_source_read_carries_its_hyphen_evidence(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("The well-known plenum of the well-\nknown men.\n", encoding="utf-8")
    source = read(src)
    assert source.hyphens.vocabulary["well-known"] == 1
    assert [b.text for b in blocks(source)] == ["The well-known plenum of the well-known men."]


def test_ocr_page_numbers_become_pb_with_printed_form():
    draft = ingest(SEEDS / "004_f1d77cd52e2e18b2.txt", register_path=REGISTER, ocr=True, key="serge")
    doc = parse(draft.xml.encode(), path="004.xml")
    pbs = doc.root.findall(".//tei:pb", NS)
    assert any(pb.get("n") == "12" and pb.get("cert") == "medium" for pb in pbs)
    fw = [f.text for f in doc.root.iterfind(".//tei:fw[@type='pageNum']", NS)]
    assert "\\2" in fw and "16" in fw
    assert "appear16" not in draft.xml


_SECTIONED = """# The Moscow Trials

I.

The prosecutor, Vishinsky, demanded death for all, and the court
complied within days. The verdict was read on

12

August 24, 1936. Zinoviev was accused with Trotsky.(1)

p. 13

II.

The second trial followed.(2) Its three counts were (1) sabotage and (2) terror.

(1) Kirov was murdered on December 1, 1934.

(2) The trial of the Seventeen.
"""


def _draft(tmp_path: Path, text: str):
    src = tmp_path / "s.txt"
    src.write_text(text, encoding="utf-8")
    draft = ingest(src)
    return draft, parse(draft.xml.encode(), path="s.xml").root


def test_plain_page_numbers_become_pb_where_the_page_turns(tmp_path, validator):
    draft, root = _draft(tmp_path, _SECTIONED)
    # a number interrupting a sentence: the paragraph is joined over the break
    pb = root.find(".//tei:pb[@n='12']", NS)
    p = pb.getparent()
    assert p.text.startswith("The prosecutor") and p.text.endswith("was read on ")
    fw = pb.getnext()
    assert fw.get("type") == "pageNum" and fw.text == "12" and fw.tail.startswith("August 24, 1936.")
    # "p. 13" before a heading: the page turns before the section it opens, the printed form kept
    div = root.find(".//tei:pb[@n='13']", NS).getparent()
    assert [c.tag.split("}")[1] for c in div][:3] == ["pb", "fw", "head"]
    assert div.find("tei:fw", NS).text == "p. 13" and div.findtext("tei:head", namespaces=NS) == "II."
    assert any("taken as a printed page number: '12'" in u for u in draft.unsure)
    assert [d for d in validator.validate_document(parse(draft.xml.encode(), path="s.xml"))
            if d.severity == "error"] == []


_PAGES_BEFORE_BLOCKS = """THE FIRST TEXT

The text opens with a paragraph of prose that runs on for a while. It ends its sentence before the
page turns, so the number below stands between two blocks.

p. 2

> A quotation that stands on the second page.

p. 3

Coyoacan, March 9, 1938.

p. 4

* * *

THE SECOND TEXT

The second text starts on the fourth page of the source.
"""


def test_a_page_that_turns_before_a_quotation_a_dateline_or_a_separator_stands_there(tmp_path, validator):
    draft, root = _draft(tmp_path, _PAGES_BEFORE_BLOCKS)
    quote = root.find(".//tei:quote", NS)
    assert [c.tag.split("}")[1] for c in quote][:3] == ["pb", "fw", "p"] and quote[0].get("n") == "2"
    closer = root.find(".//tei:closer", NS)
    assert closer.getprevious().tag.endswith("fw") and closer.getprevious().getprevious().get("n") == "3"
    second = root.findall(".//tei:body/tei:div", NS)[1]
    assert [c.tag.split("}")[1] for c in second][:3] == ["pb", "fw", "head"] and second[0].get("n") == "4"
    assert second.findtext("tei:head", namespaces=NS) == "THE SECOND TEXT"
    # no page stands anywhere else, and none is lost
    assert [pb.get("n") for pb in root.iter(f"{{{NS['tei']}}}pb")] == ["2", "3", "4"]
    assert [d for d in validator.validate_document(parse(draft.xml.encode(), path="s.xml"))
            if d.severity == "error"] == []


def test_a_section_number_opens_a_section_not_a_subtitle(tmp_path):
    _, root = _draft(tmp_path, _SECTIONED)
    assert [t.text for t in root.iterfind(".//tei:titleStmt/tei:title", NS)] == ["The Moscow Trials"]
    heads = [d.findtext("tei:head", namespaces=NS) for d in root.iterfind(".//tei:div[@type='section']", NS)]
    assert heads == ["I.", "II."]


def test_notes_numbered_in_parentheses_go_to_their_first_markers(tmp_path):
    draft, root = _draft(tmp_path, _SECTIONED)
    notes = root.findall(".//tei:body//tei:note", NS)
    assert [(n.get("n"), n.text) for n in notes] == [("1", "Kirov was murdered on December 1, 1934."),
                                                     ("2", "The trial of the Seventeen.")]
    assert notes[1].tail == " Its three counts were (1) sabotage and (2) terror."  # an enumeration stays
    assert any("a second marker (2)" in u for u in draft.unsure)


def test_an_enumeration_at_the_end_is_not_taken_for_notes(tmp_path):
    _, root = _draft(tmp_path, "# Title\n\nThe Opposition asked for two measures, which the majority of the "
                               "Central Committee refused. These measures were:\n\n(1) To restore democracy.\n\n"
                               "(2) To adopt a plan.\n")
    assert root.find(".//tei:note", NS) is None
    assert [p.text for p in root.iterfind(".//tei:body//tei:p", NS)][-2:] == ["(1) To restore democracy.",
                                                                             "(2) To adopt a plan."]


def test_light_markup_becomes_tei_and_its_signs_are_accounted_for(tmp_path, validator):
    draft, root = _draft(tmp_path, """# On the Trials

By Leon Trotsky

The newspaper *Pravda* wrote on March 3, 1937 that the _accused_ had confessed[1], as the **whole
world** knows; a footnote sign * and 2 * 3 are no emphasis, nor is snake_case_name.

> A passage of the indictment, set
> apart as a block quotation.
>
> Its second paragraph.

Coyoacan, March 9, 1938.

[1] See *Izvestia*.
""")
    p = root.find(".//tei:body//tei:p", NS)
    assert [(h.get("rend"), h.text) for h in p.iterfind("tei:hi", NS)] == [
        ("italic", "Pravda"), ("italic", "accused"), ("bold", "whole world")]
    assert "a footnote sign * and 2 * 3 are no emphasis, nor is snake_case_name." in "".join(p.itertext())
    note = p.find("tei:note", NS)
    assert note.text == "See " and note.find("tei:hi", NS).text == "Izvestia"
    quote = root.find(".//tei:body//tei:quote[@rend='block']", NS)
    assert ["".join(q.itertext()) for q in quote.iterfind("tei:p", NS)] == [
        "A passage of the indictment, set apart as a block quotation.", "Its second paragraph."]
    assert root.findtext(".//tei:closer/tei:dateline", namespaces=NS) == "Coyoacan, March 9, 1938."
    # the author's dateline dates the writing; the header says what the markup signs became
    date = root.find(".//tei:creation/tei:date", NS)
    assert (date.get("when"), date.get("cert")) == ("1938-03-09", "high")
    normalization = "".join(root.find(".//tei:normalization", NS).itertext())
    assert "> block quotations" in normalization and "**bold**" in normalization
    assert [d for d in validator.validate_document(parse(draft.xml.encode(), path="s.xml"))
            if d.severity == "error"] == []


def test_prose_wrapped_in_short_lines_is_no_part_of_the_title(tmp_path):
    _, root = _draft(tmp_path, "THE MOSCOW TRIALS\n\nBy A. Writer\n\nThe first trial opened in August.\n"
                               "Sixteen men stood accused. Each confessed.\nThe world did not believe them.\n\n"
                               "The second trial followed\nin January, with seventeen men.\n")
    assert [t.text for t in root.iterfind(".//tei:titleStmt/tei:title", NS)] == ["THE MOSCOW TRIALS"]
    assert ["".join(p.itertext()) for p in root.iterfind(".//tei:body//tei:p", NS)] == [
        "The first trial opened in August. Sixteen men stood accused. Each confessed. The world did not "
        "believe them.", "The second trial followed in January, with seventeen men."]


def _outline(div) -> list:
    """A division's headings and sub-divisions, as nested lists."""
    return [c.text if c.tag.endswith("head") and not c.get("type") else
            ("sub", c.text) if c.tag.endswith("head") else _outline(c)
            for c in div if c.tag.endswith("head") or c.tag.endswith("div")]


def test_headings_nest_by_their_levels_and_a_title_under_a_number_names_its_section(tmp_path):
    _, root = _draft(tmp_path, "MY LIFE\n\nCHAPTER I.\n\nYANOVKA\n\nThe days of my childhood were not\n"
                               "sunny. They were spent in a village.\n\nCHAPTER II.\n\nOUR NEIGHBOURS\n\n"
                               "The neighbours came on Sundays.\n")
    assert _outline(root.find(".//tei:body/tei:div", NS)) == [
        "MY LIFE", ["CHAPTER I.", ("sub", "YANOVKA")], ["CHAPTER II.", ("sub", "OUR NEIGHBOURS")]]
    _, root = _draft(tmp_path, "# A Book\n\n## Part One\n\n### The Trial\n\nIt began. The court sat.\n\n"
                               "### The Verdict\n\nIt ended.\n\n## Part Two\n\nAfterwards.\n")
    assert _outline(root.find(".//tei:body/tei:div", NS)) == [
        "A Book", ["Part One", ["The Trial"], ["The Verdict"]], ["Part Two"]]
    # two guessed headings in a row: the second opens the first's first section
    _, root = _draft(tmp_path, "A BOOK\n\nThe preface is short. It says little.\n\nTHE OLD MAN\n\n"
                               "THE FOURTH INTERNATIONAL\n\nThere is no other explanation.\n")
    assert _outline(root.find(".//tei:body/tei:div", NS)) == [
        "A BOOK", [], ["THE OLD MAN", ["THE FOURTH INTERNATIONAL"]]]


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


def test_unusable_sources_and_targets_are_errors_not_tracebacks(tmp_path):
    from click.testing import CliRunner
    from teikit.cli import main
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Title\n\nSome\x00text here.\n")
    r = CliRunner().invoke(main, ["ingest", str(nul), "-o", str(tmp_path / "out.xml")])
    assert r.exit_code == 2 and "nul.txt:3:5: the source holds a character that XML cannot hold (U+0000)" in r.output
    assert not (tmp_path / "out.xml").exists()
    good = tmp_path / "good.txt"
    good.write_text("Title\n\nSome text here.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["ingest", str(good), "-o", "/proc/teikit-cannot-write.xml"])
    assert r.exit_code == 2 and "error: /proc/teikit-cannot-write.xml:" in r.output
