"""The print edition: LaTeX from the TEI, compiled by LuaLaTeX; checked in the PDF with pdftotext.

The edition (five texts and the volume) and the foreign TEI are compiled
once per session; the tests are skipped, with the reason, where LuaLaTeX
or pdftotext is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.etree
import pytest
from conftest import EDITION, FIXTURES, FOREIGN, foreign_files
from readings import missing_from_pdf, pdf_text, pdf_words, reading_words

from teikit.build import collect, run
from teikit.build.pdf import Job, _latex_error, latex_source, overfull_lines
from teikit.errors import BuildError, ConfigError
from teikit.parsing import NS, parse

pytestmark = pytest.mark.latex

SETTINGS = {"title": "Stalinism and the Moscow Trials: Texts by Leon Trotsky, Leon Sedov and Victor Serge",
            "editors": "the teikit editors", "base-url": "https://example.org/edition/"}
TEXTS = {parse(p).root.get("{http://www.w3.org/XML/1998/namespace}id"): p
         for p in sorted(EDITION.glob("*.xml")) if p.name != "register.xml"}


def need_tex():
    for tool in ("lualatex", "pdftotext", "makeindex"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is missing (make test installs TeX Live and poppler-utils)")


@pytest.fixture(scope="session")
def edition_pdfs(tmp_path_factory) -> Path:
    need_tex()
    out = tmp_path_factory.mktemp("print")
    run([EDITION], out, html=False, pdf=True, settings=SETTINGS)
    return out


@pytest.fixture(scope="session")
def foreign_pdfs(tmp_path_factory) -> Path:
    need_tex()
    if not foreign_files():
        pytest.skip(f"{FOREIGN} is absent")
    out = tmp_path_factory.mktemp("foreign-print")
    report = run([FOREIGN], out, html=False, pdf=True, settings={"volume": False})
    (out / "messages.txt").write_text("\n".join(report.messages), encoding="utf-8")
    return out


def pdf_of(out: Path, path: Path) -> Path:
    key = re.sub(r"[^A-Za-z0-9]+", "-", parse(path).root.get("{http://www.w3.org/XML/1998/namespace}id")
                 or path.stem).strip("-").lower()
    return out / "pdf" / f"{key}.pdf"


def pdf_objects(pdf: Path) -> bytes:
    """The PDF's bytes with its compressed streams (object streams included) inflated."""
    import zlib
    raw = pdf.read_bytes()
    parts = [raw]
    for m in re.finditer(rb"stream\r?\n", raw):
        try:
            parts.append(zlib.decompressobj().decompress(raw[m.end():m.end() + 2_000_000]))
        except zlib.error:
            pass
    return b"\n".join(parts)


def info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


# ------------------------------------------------------------------ the edition

def test_a_pdf_per_text_and_the_volume(edition_pdfs):
    for key in TEXTS:
        assert (edition_pdfs / "pdf" / f"{key}.pdf").exists()
        assert (edition_pdfs / "latex" / f"{key}.tex").exists()  # kept for inspection
    volume = edition_pdfs / "pdf" / "edition.pdf"
    meta = info(volume)
    assert meta["Title"] == SETTINGS["title"] and meta["Author"] == SETTINGS["editors"]
    assert meta["Page size"].startswith("432 x 648 pts")  # 6 x 9 in
    assert not list((edition_pdfs / "latex").glob(".build-*"))  # no build folders left behind


def test_pdf_metadata_fonts_and_bookmarks(edition_pdfs):
    pdf = edition_pdfs / "pdf" / "leninstalin.pdf"
    meta = info(pdf)
    assert meta["Title"] == "From Lenin to Stalin" and meta["Author"] == "Victor Serge"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode().splitlines()[2:]
    assert fonts and all(" yes " in f for f in fonts), fonts  # every font embedded
    assert any("Pagella" in f for f in fonts)
    objects = pdf_objects(pdf)
    assert b"/Outlines" in objects and objects.count(b"/Title") > 25  # a bookmark per chapter
    # the metadata shows the apostrophe the title page shows
    assert info(edition_pdfs / "pdf" / "worldrev.pdf")["Title"] == "Stalin’s Article on World Revolution"


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_word_of_the_reading_text_is_in_the_pdf(edition_pdfs, key):
    missing = missing_from_pdf(reading_words(parse(TEXTS[key]).root), pdf_words(edition_pdfs / "pdf" / f"{key}.pdf"))
    assert not missing, f"{key}: {sum(missing.values())} words missing, e.g. {list(missing)[:20]}"


def test_the_volume_holds_every_text(edition_pdfs):
    volume = pdf_words(edition_pdfs / "pdf" / "edition.pdf")
    for key, path in TEXTS.items():
        missing = missing_from_pdf(reading_words(parse(path).root), volume)
        assert not missing, f"{key}: {list(missing)[:20]}"
    text = pdf_text(edition_pdfs / "pdf" / "edition.pdf")
    assert "Contents" in text and "Editorial Principles" in text and "Index of Persons" in text


def test_the_volume_opens_with_a_title_page_and_its_colophon(edition_pdfs):
    volume = edition_pdfs / "pdf" / "edition.pdf"
    title = [line.strip() for line in pdf_text(volume, pages=(1, 1)).splitlines() if line.strip()]
    # the configured title is set as title and subtitle, then the editors, the publisher and the year
    assert title[0] == "Stalinism and the Moscow Trials"
    assert " ".join(title[1:3]).startswith("Texts by Leon Trotsky, Leon Sedov and Victor Serge")
    assert "Edited by the teikit editors" in title
    assert title[-2:] == ["The teikit project", "2026"]
    colophon = re.sub(r"\s+", " ", pdf_text(volume, pages=(2, 2)))
    # five texts share one licence: it is named once, shortest wording, with its address
    assert colophon.count("Creative Commons Attribution-ShareAlike 4.0 International") == 1
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in colophon
    assert "https://example.org/edition/" in colophon and "TeX Gyre Pagella" in colophon
    # markup the principles cite keeps its straight quotation marks; the prose around it does not
    principles = re.sub(r"\s+", " ", pdf_text(volume, pages=(3, 12)))
    # (the principles cite type values as code since 00a42b9: "ocr" keeps its straight marks there)
    assert '(resp="#serge-ed")' in principles and '"ocr"' in principles and "“terror”" in principles


def test_apparatus_entries_are_keyed_to_lines(edition_pdfs):
    # pdftotext may take an apparatus line apart in one mode or the other: look in both
    pdf = edition_pdfs / "pdf" / "leninstalin.pdf"
    text = " ".join(re.sub(r"\s+", " ", pdf_text(pdf, layout=layout)) for layout in (False, True))
    text = text.replace("’", "'").replace("‘", "'")
    root = parse(TEXTS["leninstalin"]).root
    sample = [(c.find("tei:corr", NS).text, c.find("tei:sic", NS).text)
              for c in root.iterfind(".//tei:body//tei:p/tei:choice", NS)
              if re.fullmatch(r"[A-Za-z]{4,}", c.find("tei:corr", NS).text or "")
              and re.fullmatch(r"\S{4,}", c.find("tei:sic", NS).text or "")][::5]
    assert len(sample) >= 10
    for corr, sic in sample:
        assert re.search(rf"\b\d+ {re.escape(corr)}\] {re.escape(sic)}", text), (corr, sic)
    assert "Russian] RltsSian" in text
    # a space of the source, shown where it is all that differs; the stop's lemma takes the word before it
    assert re.search(r"\b\d+ trial\)\?\] trial\)␣\?", text)


def test_no_line_holds_only_a_note(edition_pdfs):
    """A note standing after a block (a list's last item) goes with the paragraph before it."""
    for tex in (edition_pdfs / "latex").glob("*.tex"):
        lonely = re.findall(r"\\pstart\[[^\]]*\] \\edtext\{\}\{\\Bfootnote\{(?:[^{}]|\{[^{}]*\})*\}\}"
                            r"(?:\s*\\tkpb\{(?:[^{}]|\{[^{}]*\})*\})?\s*\\pend", tex.read_text())
        assert not lonely, f"{tex.name}: {lonely[0][:120]}"


def test_line_numbers_every_five_lines(edition_pdfs):
    lines = pdf_text(edition_pdfs / "pdf" / "leninstalin.pdf", layout=True).splitlines()
    # in the outer margin: before the line on a left page, after it on a right one (not the running heads)
    numbers = [int(m.group(1)) for line in lines if "Victor Serge" not in line and "From Lenin to Stalin" not in line
               and (m := re.match(r"\s{0,3}(\d{1,2})\s{2,}\S", line) or re.search(r"\S.{30,}\s{2,}(\d{1,2})$", line))]
    assert numbers.count(5) > 50 and numbers.count(10) > 50 and 7 not in numbers
    left = [line for line in lines if re.match(r"\s{0,3}(5|10)\s{2,}\S", line)]
    right = [line for line in lines if re.search(r"\S.{30,}\s{2,}(5|10)$", line) and "Victor Serge" not in line]
    assert len(left) > 20 and len(right) > 20, (len(left), len(right))


def test_footnotes_keep_the_source_markers(edition_pdfs):
    text = pdf_text(edition_pdfs / "pdf" / "leninstalin.pdf")
    assert re.search(r"\*\s*L\. Trotsky: History of the Russian Revolution", text)
    redbook = pdf_text(edition_pdfs / "pdf" / "redbook.pdf")
    assert re.search(r"73\s*Reingold", redbook)  # numbered notes keep their number


def test_source_pagination_in_the_margin(edition_pdfs):
    text = pdf_text(edition_pdfs / "pdf" / "leninstalin.pdf", layout=True)
    for page in ("|17", "|45", "|112"):
        assert page in text, page


def test_index_of_persons_with_page_and_line(edition_pdfs):
    text = pdf_text(edition_pdfs / "pdf" / "edition.pdf")
    index = text  # the dated forms with page.line references are the index's own
    assert re.search(r"Tukhachevsky,\s+Mikhail\s+\(1893–1937\),\s*\d+\.\d+", index)
    assert re.search(r"Trotsky,\s+Leon\s+\(1879–1940\),\s*\d+\.\d+", index)
    # a person named only in an author's footnote: the line of the footnote's mark, marked n
    # (reledmac would give the line where the page ends)
    ref = re.search(r"Reingold,\s+Isak\s+\(1897–1936\),\s*(\d+)\.(\d+)n", index)
    assert ref, "Reingold is indexed at his footnote's mark"
    tex = (edition_pdfs / "latex" / "edition.tex").read_text(encoding="utf-8")
    assert not re.search(r"\\footnoteA\[[^]]*\]\{[^}]*\\edindex", tex)  # no entry inside a footnote
    # one headword per person (a break hint written from a note once made a second one)
    heads = re.findall(r"^([A-Z][\w’'-]+(?:, [\w. ]+)? \([^)]*\)),", index, re.M)
    assert heads and len(heads) == len(set(heads)), [h for h in heads if heads.count(h) > 1][:5]


def test_the_index_sorts_a_name_under_its_surname_not_its_particle(edition_pdfs):
    index = pdf_text(edition_pdfs / "pdf" / "edition.pdf")  # the dated forms are the index's own
    heads = re.findall(r"^([A-Z][\w’'-]+(?:, [\w. ]+)? \([^)]*\)),", index, re.M)
    assert "Seeckt, Hans von (1866–1936)" in heads and not re.search(r"^[Vv]on Seeckt", index, re.M), heads
    i = heads.index("Seeckt, Hans von (1866–1936)")
    assert heads[i - 1][0] == "S" and heads[i - 1].lower() < "seeckt" < heads[i + 1].lower(), heads[i - 2:i + 3]


# ------------------------------------------------------------------ safety and errors

def test_latex_commands_in_the_text_come_out_literally(tmp_path):
    need_tex()
    src = FIXTURES / "latex" / "specials.xml"
    run([src], tmp_path, html=False, pdf=True)
    text = re.sub(r"\s+", " ", pdf_text(tmp_path / "pdf" / "specials.pdf").replace("’", "'").replace("‘", "`"))
    for literal in [r"\input{/etc/passwd}", r"\write18{touch /tmp/pwned}", r"$x^2$ & #1 _ ~ % {} \\",
                    r"\end{document}", "[optional]", "--- and --", r"\pstart \pend \edtext{a}{b}",
                    ",, and << and >> and !` as typed", "G.P.U.", ". . . . at the end"]:
        assert literal in text, literal
    assert not Path("/tmp/pwned").exists()
    # link targets keep their ~ # % (in the text and in a note's argument alike)
    links = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", str(tmp_path / "pdf" / "specials.pdf")],
                           capture_output=True, text=True, check=True).stdout
    targets = set(re.findall(r'<a href="(https?:[^"]*)"', links))
    assert {"http://example.org/~user/a#b%20c", "https://example.org/~two/x%2Fy#z"} <= targets, targets


def test_straight_quotation_marks_are_set_as_curly_ones_in_english(tmp_path):
    need_tex()
    run([FIXTURES / "latex" / "specials.xml"], tmp_path, html=False, pdf=True)
    text = re.sub(r"\s+", " ", pdf_text(tmp_path / "pdf" / "specials.pdf"))
    for expected in ["“Straight” quotes: he said “yes,” and ‘no’ to “Stalin”; “I was—” he said; ’tis so;",
                     '(ditto) 2 oz. " tea; at once .... ” Then, the end. ” Straight “Russian” and a note after a quote.”',
                     "“Noted.”", 'Ein "deutsches" Zitat bleibt gerade.', "Then “the end” is near.",
                     "end”] endH"]:  # a lemma shows the mark as the text has it, with the word before it
        assert expected in text, expected


def test_a_stop_takes_a_word_space_not_a_sentence_space(tmp_path):
    # "St. Petersburg" had a sentence's wider space after the abbreviation's stop
    need_tex()
    src = tmp_path / "spaces.xml"
    src.write_text(_apparatus(0).replace("<div></div>", "<div><p>He went to St. Petersburg. Then he went home.</p></div>"),
                   encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    box = lxml.etree.fromstring(subprocess.run(["pdftotext", "-bbox", str(tmp_path / "pdf" / "spaces.pdf"), "-"],
                                               capture_output=True, check=True).stdout)
    words = [w for w in box.iter("{http://www.w3.org/1999/xhtml}word")]
    start = next(i for i, w in enumerate(words) if w.text == "He")
    line = words[start:start + 9]
    gaps = [float(b.get("xMin")) - float(a.get("xMax")) for a, b in zip(line, line[1:])]
    assert max(gaps) - min(gaps) < 0.3, list(zip([w.text for w in line], gaps))


def test_names_are_not_divided_after_two_letters_nor_robespierre_after_robe(tmp_path):
    # "Zi-noviev", "Yu-denich", "Robe-spierre" at line ends
    need_tex()
    words = "administration Zinoviev international Yudenich Robespierre revolutionary of Zinoviev and Yudenich".split()
    body = " ".join(words[(i * 3) % len(words)] + ("," if i % 4 == 0 else "") for i in range(600))
    src = tmp_path / "names.xml"
    src.write_text(_apparatus(0).replace("<div></div>", f"<div><p>{body}.</p></div>"), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    ends = [line.split()[-1] for line in pdf_text(tmp_path / "pdf" / "names.pdf", layout=True).splitlines() if line.strip()]
    ends = [e for e in ends if not e.isdigit()] + [line.split()[-2] for line in pdf_text(tmp_path / "pdf" / "names.pdf", layout=True).splitlines()
                                                  if len(line.split()) > 1 and line.split()[-1].isdigit()]
    divided = [e for e in ends if e.endswith("-")]
    assert divided, "the test sets no divided word"
    assert not [e for e in divided if re.fullmatch(r"\w{1,2}-|Robe-", e)], divided


def test_each_passage_is_hyphenated_by_the_rules_of_its_language(tmp_path):
    need_tex()
    if subprocess.run(["kpsewhich", "hyph-de-1996.pat.txt"], capture_output=True).returncode:
        pytest.skip("the German hyphenation patterns are missing (make test installs texlive-lang-german)")
    src = FIXTURES / "latex" / "languages.xml"
    run([src], tmp_path, html=False, pdf=True)
    pdf = tmp_path / "pdf" / "languages.pdf"
    lines = [line.strip() for line in pdf_text(pdf, layout=True).splitlines()]
    start = next(i for i, line in enumerate(lines) if "Die Donau" in line)
    sanskrit = next(i for i, line in enumerate(lines) if "mahā" in line)
    english = next(i for i, line in enumerate(lines) if "An English" in line)
    # German compounds are divided by German patterns; Sanskrit (no patterns) is not divided, and no
    # line runs into the margin: every word is on the page
    assert sum(line.endswith("-") for line in lines[start:sanskrit]) >= 3, lines[start:sanskrit]
    assert not any(line.endswith("-") for line in lines[sanskrit:english]), lines[sanskrit:english]
    missing = missing_from_pdf(reading_words(parse(src).root), pdf_words(pdf))
    assert not missing, missing
    latex = (tmp_path / "latex" / "languages.tex").read_text(encoding="utf-8")
    assert "\\babelprovide[import, hyphenrules=ngerman nohyphenation]{ngerman}" in latex
    assert "\\foreignlanguage{ngerman}{Die" in latex and "\\pstart[\\tkreset\\sloppy] \\tknohyph{" in latex


def test_a_title_in_another_language_is_hyphenated_by_its_rules(tmp_path):
    # the chapter's title and subtitle are set before the text's language opens: a French title of an English
    # edition, and the German title of a German text (Leonce und Lena, the DTA letter), took English patterns
    need_tex()
    src = tmp_path / "titles.xml"
    src.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt>'
                   '<title xml:lang="fr">Les révolutionnaires désenchantés et la contre-révolution bureaucratique</title>'
                   '<title type="sub" xml:lang="de">Eine Untersuchung der Verwaltungsgerichtsbarkeit</title>'
                   '</titleStmt><publicationStmt><p>Tests.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc>'
                   '</fileDesc><profileDesc><langUsage><language ident="en"/></langUsage></profileDesc></teiHeader>'
                   '<text><body><p>An English text.</p></body></text></TEI>', encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    latex = (tmp_path / "latex" / "titles.tex").read_text(encoding="utf-8")
    assert "\\chapter*{\\foreignlanguage{french}{Les révolutionnaires" in latex, latex
    assert "{\\large\\itshape \\foreignlanguage{ngerman}{Eine Untersuchung" in latex, latex
    assert "{toc}{chapter}{\\texorpdfstring{\\foreignlanguage{french}{Les" in latex, latex
    assert "Les révolutionnaires désenchantés" in " ".join(pdf_text(tmp_path / "pdf" / "titles.pdf").split())


def test_a_page_marked_twice_with_one_number_is_marked_once(tmp_path):
    # DraCor's Leonce und Lena closes its title page and its cast list each with <pb n="114"/>: "|114" twice
    need_tex()
    body = ('<div><head>Leonce und Lena</head><pb n="114"/></div><div><castList><castItem>König Peter</castItem>'
            '<castItem>Bauern etc.</castItem><pb n="114"/></castList></div><div><p>Erster Akt.</p><pb n="115"/>'
            '<p>Zweiter Akt.</p><pb n="115" ed="other"/></div>')
    src = tmp_path / "pages.xml"
    src.write_text(_apparatus(0).replace("<div></div>", body), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    latex = (tmp_path / "latex" / "pages.tex").read_text(encoding="utf-8")
    # (a page of another edition is another page, whatever its number)
    assert latex.count("\\tkpb{114}") == 1 and latex.count("\\tkpb{115}") == 2, latex
    text = pdf_text(tmp_path / "pdf" / "pages.pdf")
    assert text.count("114") == 1 and "Bauern etc." in text, text


def test_a_german_text_is_set_in_german(foreign_pdfs):
    src = FOREIGN / "gerdracor-leonce-und-lena.xml"
    latex = (foreign_pdfs / "latex" / pdf_of(foreign_pdfs, src).with_suffix(".tex").name).read_text(encoding="utf-8")
    # the text in its language's environment, not word by word; its title, set before, in German too
    assert "\\begin{otherlanguage}{ngerman}" in latex
    assert "\\foreignlanguage" not in latex.split("\\begin{otherlanguage}{ngerman}", 1)[1]
    assert "\\chapter*{\\foreignlanguage{ngerman}{Leonce und Lena}}" in latex


def _sections(count: int) -> str:
    """Divisions whose headings fall at every height of the page (paragraphs of 1 to 11 sentences),
    then a long one without headings, where only the paragraphs' own breaks are there to choose from."""
    words = "the committee met again in the autumn and the minutes of its sessions were read aloud"

    def paras(i: int, count: int) -> str:
        return "".join(f"<p>{' '.join(f'{words.capitalize()} {i}.{j}.{k}.' for k in range((i * 7 + j) % 11 + 1))}</p>"
                       for j in range(count))
    divs = []
    for i in range(1, count + 1):
        head = f'<head type="sub">Heading {i} below</head>' if i % 3 == 0 else ""
        # a speaker keeps the one line of the speech; a figure's caption keeps nothing
        sp = (f'<sp><speaker>Heading {i} speaker</speaker><p>The committee adjourned at once.</p></sp>'
              f'<figure><head>Caption {i} committee</head></figure>') if i % 4 == 0 else ""
        divs.append(f'<div><head>Heading {i} here</head>{head}{paras(i, 2)}{sp}</div>')
    divs.append(f"<div>{paras(count + 1, 80)}</div>")
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>Headings'
            '</title></titleStmt><publicationStmt><p>For the tests.</p></publicationStmt><sourceDesc><p>Made up.</p>'
            f'</sourceDesc></fileDesc></teiHeader><text><body>{"".join(divs)}</body></text></TEI>')


def test_no_heading_ends_a_page_and_no_paragraph_leaves_its_last_line_alone_at_the_top(tmp_path):
    need_tex()
    src = tmp_path / "headings.xml"
    src.write_text(_sections(40), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    pages = pdf_text(tmp_path / "pdf" / "headings.pdf", layout=True).split("\f")
    heads = 0
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if re.search(r"committee|aloud|Heading \d+ (here|below|speaker)", line)]
        for i, line in enumerate(lines):
            # a number such as 4.1.7 is never divided at one of its dots
            assert not re.search(r"\d\.$", line) or re.search(r"\d+\.\d+\.\d+\.$", line), line
            if re.search(r"Heading \d+ (here|below|speaker)", line):
                heads += 1
                # the two lines after a heading (the one line after a speaker) are on its page
                after = lines[i + 1:i + 3]
                wanted = 1 if "speaker" in line else 2
                assert len(after) >= wanted, f"page {number}: {line!r} is followed by {after!r}"
        # a paragraph's last sentence is i.j.k with k = (7i + j) mod 11; a widow is a page whose first
        # line ends a paragraph that began on the page before
        last = re.search(r"(\d+)\.(\d+)\.(\d+)\.$", lines[0]) if lines else None
        if last and number > 1:
            i, j, k = map(int, last.groups())
            began_here = re.search(rf"(?<![\d.]){i}\.{j}\.0\.", page)
            assert k != (i * 7 + j) % 11 or began_here, f"page {number} begins with a widow: {lines[0]!r}"
    assert heads == 40 + 13 + 10


def _apparatus(count: int) -> str:
    """Paragraphs of 2 to 10 sentences with emendations at changing intervals, so that the apparatus under
    each page fills its last line to a different length."""
    words = "the delegates went on with the debate late into the night and the minutes were read aloud next morning"
    paras = []
    for i in range(count):
        sentences = []
        for j in range(i * 5 % 9 + 2):
            marked = [f"<choice><sic>{w[::-1]}</sic><corr>{w}</corr></choice>" if (i * 7 + j * 3 + k) % (4 + i % 5) == 0 else w
                      for k, w in enumerate(words.split())]
            sentences.append(" ".join(marked).capitalize() + f" {i}.{j}.")
        paras.append(f"<p>{' '.join(sentences)}</p>")
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>Apparatus'
            '</title></titleStmt><publicationStmt><p>For the tests.</p></publicationStmt><sourceDesc><p>Made up.</p>'
            f'</sourceDesc></fileDesc></teiHeader><text><body><div>{"".join(paras)}</div></body></text></TEI>')


def _baselines(pdf: Path, foot: float) -> list[float]:
    """The lowest baseline of each page above the foot (where a chapter's first page has its number), in
    points from the top of the paper (pdftotext gives each word's box, from ascender to descender; the
    descender of TeX Gyre Pagella is 0.28 of the box)."""
    box = lxml.etree.fromstring(subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout)
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = [[float(w.get("yMax")) - 0.28 * (float(w.get("yMax")) - float(w.get("yMin"))) for w in page.iter(f"{ns}word")]
             for page in box.iter(f"{ns}page")]
    return [max(b for b in page if b < foot) for page in pages if any(b < foot for b in page)]


def test_the_notes_under_a_page_end_within_the_text_block(tmp_path):
    """reledmac told the page builder a share of a line per apparatus entry, never the last line of the
    block, which then stood below the text block (up to 12 pt in Serge's book)."""
    need_tex()
    src = tmp_path / "apparatus.xml"
    src.write_text(_apparatus(50), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    log = (tmp_path / "latex" / "apparatus.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"Overfull \\vbox.*has occurred while \\output is active", log), re.findall(r"Overfull \\vbox.*", log)
    bottom = (9 - 0.8) * 72  # the paper is 9 in high, the text block ends 0.8 in above its foot
    baselines = _baselines(tmp_path / "pdf" / "apparatus.pdf", foot=bottom + 18)
    assert len(baselines) >= 12 and max(baselines) < bottom + 0.5, [round(b - bottom, 1) for b in baselines]
    # the apparatus is all there and the pages are full: the notes took no more room than they needed
    text = pdf_text(tmp_path / "pdf" / "apparatus.pdf")
    assert text.count("] ") >= 400 and sum(b > bottom - 1 for b in baselines[:-1]) == len(baselines) - 1
    # an entry's line number stays with its lemma: no line of the apparatus ends with a number
    parted = [line for line in pdf_text(tmp_path / "pdf" / "apparatus.pdf", layout=True).splitlines()
              if "] " in line and re.search(r"\s\d+(–\d+)?$", line)]
    assert not parted, parted


def test_readings_that_cannot_be_divided_do_not_run_into_the_margin(tmp_path):
    # a garbled source reading is set undivided (\\tknohyph): "Antonov-Ovseyenko] AntonovcOvseyenko" ran
    # 29.5 pt into the margin of the volume
    need_tex()
    words = "the delegates went on with the debate late into the night and the minutes were read aloud next morning".split()
    paras = []
    for i in range(12):
        marked = [f"<choice><sic>{'c'.join(words[(k + d) % len(words)].capitalize() for d in range(3))}</sic><corr>{w}</corr></choice>"
                  if (i + k) % 3 == 0 else w for k, w in enumerate(words)]
        paras.append(f"<p>{' '.join(marked)} {i}.</p>")
    src = tmp_path / "readings.xml"
    src.write_text(_apparatus(0).replace("<div></div>", f"<div>{''.join(paras)}</div>"), encoding="utf-8")
    report = run([src], tmp_path, html=False, pdf=True)
    assert not overfull_lines((tmp_path / "latex" / "readings.log").read_text(encoding="utf-8"))
    assert not [m for m in report.messages if "margin" in m], report.messages


def test_lines_into_the_margin_are_reported_but_not_the_hidden_lines_of_headings():
    log = ("Overfull \\hbox (1154.5193pt too wide) in paragraph at lines 202--202\n[] [][] \n\n"
           "Overfull \\hbox (29.5pt too wide) has occurred while \\output is active\n"
           "[] \\TU/TeXGyrePagella(0)/m/n/8 26 Antonov-Ovseyenko] AntonovcOvseyenko \n\n"
           "Overfull \\hbox (0.3pt too wide) in paragraph at lines 3--4\n\\TU/TeXGyrePagella(0)/m/n/10 a word\n")
    assert overfull_lines(log) == [(29.5, "26 Antonov-Ovseyenko] AntonovcOvseyenko")]


def test_an_entry_whose_lemma_says_nothing_takes_the_words_around_it(tmp_path):
    # "28 . del." (a deletion first in its paragraph), "om. del." (a space the editors add), a dash alone;
    # and no space before the note's mark where a garbled mark was removed ("revolution. *")
    need_tex()
    body = ("<p><choice><sic>.</sic><corr/></choice>To begin with, the revolution. <choice><sic>* * *</sic><corr/></choice>"
            '<note place="foot" n="*">A note.</note> It went on<choice><sic>-</sic><corr>—</corr></choice>and on. '
            "Such was the power.<choice><sic/><corr> </corr></choice>He writes.</p>")
    src = tmp_path / "lemmas.xml"
    src.write_text(_apparatus(0).replace("<div></div>", f"<div>{body}</div>"), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    text = " ".join(pdf_text(tmp_path / "pdf" / "lemmas.pdf").split())
    for entry in ("To] .To", "revolution.] revolution. * * *", "on—] on-", "power. He] power.He"):
        assert entry in text, (entry, text)
    assert "del." not in text and "om." not in text
    assert "the revolution.* It went on" in text, text
    # a lemma is not divided after its closing dash, before its bracket (Serge: "27th—" ending a line of the
    # apparatus, "] 27th-" opening the next): the text's break after a dash is not in the lemma
    latex = (tmp_path / "latex" / "lemmas.tex").read_text(encoding="utf-8")
    assert "\\lemma{on—}" in latex and "\\allowbreak{}}\\Afootnote" not in latex, latex


def test_an_entry_first_in_a_note_whose_lemma_says_nothing_takes_the_word_after_it(tmp_path):
    # Serge's notes open with a garbled mark the editors removed: "12 n. *: \" del." said neither where
    # in the note nor what was removed; now "n. *: Quoted] "'Quoted", as in the text ("To] .To")
    need_tex()
    body = ('<p>Thus wrote Gorky in 1917.<note place="foot" n="*"><choice><sic>"\'</sic><corr/></choice>Quoted by '
            'Souvarine.</note> And again.<note place="foot" n="2"><choice><sic>u</sic><corr/></choice> Staline, '
            '184.</note></p>')
    src = tmp_path / "notelemmas.xml"
    src.write_text(_apparatus(0).replace("<div></div>", f"<div>{body}</div>"), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    text = " ".join(pdf_text(tmp_path / "pdf" / "notelemmas.pdf").split())
    assert "n. *: Quoted] \"’Quoted" in text or "n. *: Quoted] \"'Quoted" in text, text
    assert "n. 2: Staline,] u Staline," in text, text
    assert "del." not in text, text


def test_a_note_the_text_points_to_from_the_back_is_a_footnote_at_its_pointer(tmp_path):
    # ELTeC's Mary Barton: <ref target="#footnote1">[1]</ref> to notes in back/div[@type='notes'], printed as
    # "[1]" in the text and the notes where they stood in the back
    need_tex()
    body = ('<p>You are neither of you nesh <ref target="#footnote1">[1]</ref> folk about taking cold, and '
            'she was a farrantly <ref target="#footnote2">[2]</ref> lass, nesh <ref target="#footnote1">[1]</ref> or not.</p>')
    back = ('<back><div type="notes"><note xml:id="footnote1"><p>"Nesh," tender.</p></note>'
            '<note xml:id="footnote2"><p>"Farrantly," comely.</p></note>'
            '<note xml:id="footnote3"><p>A note nothing points to.</p></note></div></back>')
    src = tmp_path / "endnotes.xml"
    src.write_text(_apparatus(0).replace("<div></div>", f"<div>{body}</div>").replace("</body>", "</body>" + back),
                   encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    text = " ".join(pdf_text(tmp_path / "pdf" / "endnotes.pdf").split())
    assert text.count("tender.") == 1 and text.count("comely.") == 1 and "A note nothing points to." in text
    # a later pointer refers to the footnote by its mark, raised as at the first ("[1]" was left as text)
    assert re.search(r"nesh 1 folk .* farrantly 2 lass, nesh 1 or not\. .*1 “Nesh,” tender\. 2 “Farrantly,” comely\.", text), text
    assert "[1]" not in text and "(p." not in text
    # and says on which page it is when it is on another
    pages_of_text = re.search(r"<div>(.*)</div>", _apparatus(14)).group(1)
    src.write_text(_apparatus(0).replace("<div></div>", f"<div>{body}{pages_of_text}"
                                         '<p>Once more nesh <ref target="#footnote1">[1]</ref>.</p></div>').replace("</body>", "</body>" + back),
                   encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    pages = pdf_text(tmp_path / "pdf" / "endnotes.pdf").split("\f")
    last = " ".join(next(p for p in pages if "Once more" in p).split())
    assert pages.index(next(p for p in pages if "tender." in p)) == 0 and re.search(r"Once more nesh 1 \(p\. 1\) ?\.", last), last


def test_notes_marked_with_asterisks_are_marked_anew_on_each_page(tmp_path):
    """The source marks its notes *, **, *** anew on each of its pages; ours are not its pages."""
    _fixture_lines(tmp_path, "per-page-marks")
    pages = [[" ".join(line.split()) for line in page.splitlines() if line.strip()]
             for page in pdf_text(tmp_path / "pdf" / "per-page-marks.pdf", layout=True).split("\f")]
    first, second = pages[0], pages[1]
    # two notes the source marks * (and one it marks **) share the first page: *, **, ***, in the text and
    # under it, and in the apparatus entry of the second note
    assert "Two notes it kept apart fall on one page here.** And a third one follows.***" in first, first
    for expected in ["* First note of the first page.", "** Second note of the page, marked with one asterisk in the "
                     "source, with a word emended.", "*** Third note of the first page."]:
        assert expected in first, (expected, first)
    assert any(re.fullmatch(r"\d+ n\. \*\*: word\] wrod", line) for line in first), first
    # a note the source marks ** alone on its page is the page's first
    assert "* Only note of its page, two asterisks in the source." in second, second
    assert any(line.endswith("see note **.") for line in second), second


def test_a_line_may_break_after_an_em_dash_and_after_a_hyphen_before_a_name(tmp_path):
    need_tex()
    dashes = " ".join(f"counterrevolutionaries—{w}" for w in ["incomprehensibly", "uncompromisingly", "characteristically"] * 6)
    # no break before what must stay with the dash: a closing mark, a stop, a bracket, a second dash
    stays = " ".join(f'"I was {w}—" he said, Mr. ——, of {w}—) and {w}—.' for w in ["incomprehensibly", "uncompromisingly"] * 5)
    names = " ".join('<persName>Zinoviev</persName>-<persName>Kamenev</persName>-<persName>Smirnov</persName>'
                     for _ in range(8))
    src = tmp_path / "breaks.xml"
    src.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>B'
                   '</title></titleStmt><publicationStmt><p>Tests.</p></publicationStmt><sourceDesc><p>Made up.</p>'
                   f'</sourceDesc></fileDesc></teiHeader><text><body><p>{dashes}</p><p>Trials: {names}.</p><p>{stays}</p></body></text></TEI>',
                   encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    # (the line numbers, in the outer margin, after a right page's lines: not part of the text, which
    # has no numbers)
    lines = [re.sub(r"(?<=\D)\s*\d{1,2}$", "", line).strip()
             for line in pdf_text(tmp_path / "pdf" / "breaks.pdf", layout=True).splitlines()]
    assert any(line.endswith("—") for line in lines), lines
    assert any(re.search(r"(Zinoviev|Kamenev)-$", line) for line in lines), lines
    text_lines = [line for line in lines if line]
    assert not any(re.match(r"[”’\"),;.:]", line) for line in text_lines), text_lines
    assert not any(a.endswith("—") and b.startswith("—") for a, b in zip(text_lines, text_lines[1:])), text_lines
    # and the words are whole: what pdftotext reads across the breaks is the text
    # (a line that ends with a hyphen before a small letter ends with a divided word)
    text = ""
    for line in text_lines:
        if text.endswith("-") and line[:1].islower():
            text = text[:-1] + line
        else:
            text += ("" if text.endswith(("—", "-")) or not text else " ") + line
    text = re.sub(r"\s+", " ", text)
    assert dashes in text and "Zinoviev-Kamenev-Smirnov" in text


def test_file_names_keep_their_letters():
    from teikit.build import slug
    assert slug("Übersetzung der Straße") == "ubersetzung-der-strasse"
    assert slug("Œuvres complètes, Łódź") == "oeuvres-completes-lodz"
    assert slug("Ζωπύρου") == "text"  # no Latin letters: a neutral name; the build then takes the file name


def _tei(path: Path, xml_id: str | None) -> Path:
    attr = f' xml:id="{xml_id}"' if xml_id else ""
    path.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"{attr}><teiHeader><fileDesc><titleStmt><title>T</title>'
                    '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>'
                    '</teiHeader><text><body><p>x</p></body></text></TEI>', encoding="utf-8")
    return path


def test_a_texts_address_comes_from_itself_not_from_what_else_is_built(tmp_path):
    from teikit.build import collect
    (tmp_path / "b").mkdir()
    a = _tei(tmp_path / "letter.xml", "ms-1")
    b = _tei(tmp_path / "b" / "copy.xml", "ms-1")       # the same xml:id: its file name tells it apart
    c = _tei(tmp_path / "b" / "letter.xml", None)        # no id: the file name (a's is free, a has an id)
    g = _tei(tmp_path / "greek.xml", "Ζωπύρου")          # an id without Latin letters: the file name
    messages: list[str] = []
    texts, _ = collect([a, b, c, g], messages)
    assert [t.key for t in texts] == ["ms-1", "copy", "letter", "greek"]
    assert [t.key for t in collect([b], [])[0]] == ["ms-1"]
    assert len(messages) == 1 and "copy.xml: published as 'copy', since 'ms-1' is taken by" in messages[0]
    messages.clear()
    texts, _ = collect([a, c, _tei(tmp_path / "b" / "ms-1.xml", "ms-1")], messages)  # id and file name taken
    assert [t.key for t in texts] == ["ms-1", "letter", "ms-1-2"]
    assert len(messages) == 1 and "published as 'ms-1-2'" in messages[0]


def test_a_trim_size_without_its_unit_is_an_error_not_six_by_nine_inches(tmp_path):
    need_tex()
    src = FIXTURES / "latex" / "two-line-heading.xml"
    with pytest.raises(ConfigError) as err:
        run([src], tmp_path, html=False, pdf=True, settings={"trim": "170x240"})
    assert "trim '170x240' is not a size (a unit is needed: in, mm or cm)" in str(err.value), str(err.value)
    assert not (tmp_path / "pdf").exists()
    run([src], tmp_path, html=False, pdf=True, settings={"trim": "170 x 240 mm"})
    assert info(tmp_path / "pdf" / "two-line-heading.pdf")["Page size"].startswith("481.89 x 680.31"), info(tmp_path / "pdf" / "two-line-heading.pdf")


def test_a_trim_size_without_its_unit_names_the_configuration_file_and_line(tmp_path):
    # (read as the configuration is loaded: no stylesheet or LaTeX is needed to find it)
    from teikit import config
    for table, at in [('[tool.teikit]\npaths = ["tei"]\n\n[tool.teikit.build]\ntitle = "Ed."\ntrim = "170x240"\n', 6),
                      ('[tool.teikit]\nbuild = { title = "Ed.", trim = "170x240" }\n', 2),
                      ('[tool.teikit]\nbuild.trim = "170x240"\n', 2)]:
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'e'\n\n" + table, encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            config.load(tmp_path / "pyproject.toml")
        assert str(err.value).startswith(f"{tmp_path / 'pyproject.toml'}:{at + 3}: build: trim '170x240' is not a size "
                                         "(a unit is needed: in, mm or cm)"), str(err.value)
    (tmp_path / "pyproject.toml").write_text('[tool.teikit.build]\ntrim = "170 x 240 mm"\n', encoding="utf-8")
    assert config.load(tmp_path / "pyproject.toml").build["trim"] == "170 x 240 mm"


def test_a_latex_failure_is_reported_and_leaves_no_pdf(tmp_path):
    need_tex()
    src = FIXTURES / "latex" / "specials.xml"
    with pytest.raises(BuildError) as err:
        run([src], tmp_path, html=False, pdf=True, settings={"font": "No Such Font Anywhere"})
    assert "LaTeX failed on specials" in str(err.value) and "cannot be found" in str(err.value)
    assert not (tmp_path / "pdf" / "specials.pdf").exists()
    assert not list((tmp_path / "latex").glob(".build-*"))


def test_a_failing_paragraph_is_traced_to_its_tei_element():
    texts, register = collect([TEXTS["redbook"]])
    tex = latex_source(texts, register, {}, volume=False)
    line = next(i for i, t in enumerate(tex.splitlines(), 1) if t.startswith("\\pstart") and "Piatakov is imprisoned" in t)
    log = f"./redbook.tex:{line}: Undefined control sequence.\nl.{line} \\pstart\n"
    err = _latex_error(Job("redbook", tex, texts), log)
    para = next(p for p in parse(TEXTS["redbook"]).root.iter("{http://www.tei-c.org/ns/1.0}p")
                if "Piatakov is imprisoned" in "".join(p.itertext()))
    assert (err.path, err.line) == (str(TEXTS["redbook"]), para.sourceline)
    assert "Undefined control sequence" in err.context


def _fixture_lines(tmp_path: Path, name: str, folder: str = "latex") -> list[str]:
    """The lines of a fixture's PDF (its spaces normalised), once every word of its text is found there."""
    need_tex()
    src = FIXTURES / folder / f"{name}.xml"
    run([src], tmp_path, html=False, pdf=True)
    pdf = tmp_path / "pdf" / f"{name}.pdf"
    assert not missing_from_pdf(reading_words(parse(src).root), pdf_words(pdf))
    return [" ".join(line.split()) for line in pdf_text(pdf, layout=True).splitlines() if line.strip()]


def test_an_apparatus_of_line_comments_prints_each_comment_under_its_lines(tmp_path):
    # EpiDoc's listApp of reading-less entries: no footnote markers in a row, no footnotes without their lines
    lines = _fixture_lines(tmp_path, "leiden", folder="web")
    for comment in ("l. 3 On the bronze: ΖΩΠΤΡΟΥ.", "ll. 5–6 The sigma is lost at the edge."):
        assert any(line.startswith(comment) for line in lines), (comment, lines)  # (a line number may follow)
    assert not any(re.fullmatch(r"[\d ]+", line) and len(line.split()) > 1 for line in lines), lines


def test_an_inscription_is_set_line_by_line_with_its_own_line_numbers(tmp_path):
    # EpiDoc: each lb n="…" begins a printed line; the margin shows the source's numbers (every fifth)
    lines = _fixture_lines(tmp_path, "leiden", folder="web")
    for expected in ["Ἐπὶ ἱερέων Διὸς", "Ἀπελλᾶ Ζωπύρου", "καὶ τ[ῶ]ν ἀνδρῶν",
                     "φνις τοὺς ἀγαθοὺ[ς] ἐνδεικνυμένων 5"]:  # line 5 with its number
        assert expected in lines, (expected, lines)
    # a word across two lines (lb break="no") ends its line with a hyphen, as epigraphic editions print it
    # (and a space left empty on the stone reads vac. with its count of letters, as on the web)
    assert "προστάτας Διόδωρος vac. 2 Νεμήνιος Δά-" in lines, lines
    assert "3 ύ] τ" in lines, lines  # the apparatus cites the source's line


def test_numbered_source_lines_wrap_under_their_number_and_prose_still_flows(tmp_path):
    lines = _fixture_lines(tmp_path, "source-lines")
    # the first number is the source's (7), not the page's; the margin shows 10 and 15 on those lines
    assert lines[lines.index("alpha beta gamma"):lines.index("alpha beta gamma") + 2] == ["alpha beta gamma", "delta epsilon"]
    assert "zeta eta theta iota 10" in lines and "tau upsilon phi chi 15" in lines, lines
    assert ["kappa lam-", "bda mu", "nu xi omicron", "pi rho sigma"] == lines[lines.index("kappa lam-"):lines.index("kappa lam-") + 4]
    # line 9 is too long for the measure: it wraps, and what wraps has no number of its own
    nine = next(i for i, line in enumerate(lines) if line.startswith("This ninth line"))
    assert lines[nine + 1].startswith("the measure") and not re.search(r" \d+$", " ".join(lines[nine:nine + 3])), lines
    # the apparatus numbers a reading by the source's line, wrapped or not
    assert any(line.startswith("9 reading] raeding 10 iota] jota 15 chi] khi") for line in lines), lines
    # line breaks without a number (prose) are spaces, as before
    assert any("whose line breaks carry no" in line for line in lines), lines
    # the commentary after the stone is numbered afresh from its first line (its fifth line bears 5), not on
    # from the stone's last number (16)
    assert "1 commentary] comentary" in " ".join(lines), lines
    fifth = next(i for i, line in enumerate(lines) if line.startswith("A prose paragraph of commentary")) + 4
    assert lines[fifth].endswith(" 5") and not any(re.search(r" (17|20)$", line) for line in lines), lines


def test_numbered_line_breaks_between_blocks_number_the_next_line(tmp_path):
    # an address one addrLine per line, lb n="11"… between them (as the Bellini letter's): the lines bear the
    # source's numbers, not reledmac's own count (which put a 5 on the fifth line)
    lines = _fixture_lines(tmp_path, "source-lines-between-blocks")
    start = lines.index("à Monsieur")
    assert lines[start:start + 5] == ["à Monsieur", "Monsieur le Comte Pepoli", "passage des petits Pères", "à Paris",
                                      "France 15"], lines
    assert "13 Pères] Peres" in lines, lines


def test_a_heading_straight_after_numbered_source_lines_begins_the_count_afresh(tmp_path):
    lines = _fixture_lines(tmp_path, "heading-after-source-lines")
    assert "mu nu xi 25" in lines, lines  # the stone keeps its numbers up to the heading
    heading = lines.index("The translation")
    assert lines[heading + 4].endswith(" 5"), lines  # the heading is line 1 of the translation
    text = " ".join(lines)
    for entry in ["22 epsilon] epsilom", "1 head. translation] tarnslation", "2 line] lien", "6 word] wrod",
                  "3 line] lyne"]:  # after a wrapped source line and a heading of two lines
        assert entry in text, (entry, lines)


def test_a_source_line_wrapped_onto_a_new_page_keeps_its_number(tmp_path):
    # reledmac begins each page's count anew: the wrapped part of a line at a page's top was line 0 for it,
    # and the apparatus cited "0"; every reading is cited by its own source line
    _fixture_lines(tmp_path, "source-lines-across-pages")
    pages = pdf_text(tmp_path / "pdf" / "source-lines-across-pages.pdf", layout=True).split("\f")
    tops = [next((line.strip() for line in page.splitlines()[1:] if line.strip()), "") for page in pages[1:]]
    assert any(top and not top.startswith("Here the stone") for top in tops), tops  # a line does wrap across a page
    text = " ".join(" ".join(page.split()) for page in pages)
    for n in range(1, 41):
        assert f"{n} right{n}] wrong{n}" in text, (n, text)
    assert not re.search(r"(^| )0 right", text), text


def _styled_text(pdf: Path) -> str:
    """The PDF's text with its italics and bold marked <i> and <b> (pdftohtml reads them from the fonts)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", str(pdf)], capture_output=True, text=True, check=True).stdout
    return " ".join(re.sub(r"</?a\b[^>]*>", "", t) for t in re.findall(r"<text\b[^>]*>(.*?)</text>", xml))


def test_a_lemma_keeps_the_italics_and_bold_of_the_words_it_cites(tmp_path):
    # entries of a heading or a note, given after it, and a reading that holds a note: reledmac cannot take
    # their lemma from the text, and it was printed plain
    _fixture_lines(tmp_path, "deferred-lemmas")
    text = _styled_text(tmp_path / "pdf" / "deferred-lemmas.pdf")
    for lemma in [r"<i>(head\. )?Timesword</i> ?\] Tmies", r"<i>Pravdaword</i> ?\] Pravad", r"<b>Izvestiaword</b> ?\] Izvetsia",
                  r"<i>readingword</i> ?\] readnig"]:
        assert re.search(lemma, text), (lemma, text)
    assert "A note in the reading." in text and "reading. ]" not in text  # the lemma leaves its note out


def test_a_word_longer_than_the_measure_in_a_heading_is_divided_not_run_into_the_margin(tmp_path):
    _fixture_lines(tmp_path, "long-word-heading")  # (every word there, the divided one rejoined)
    box = lxml.etree.fromstring(subprocess.run(["pdftotext", "-bbox", str(tmp_path / "pdf" / "long-word-heading.pdf"), "-"],
                                               capture_output=True, check=True).stdout)
    words = [w for w in box.iter("{http://www.w3.org/1999/xhtml}word") if re.search("donau|versicherung", w.text or "", re.I)]
    right = (6 - 0.9) * 72  # a right-hand page of 6 in, its outer margin 0.9 in
    assert len(words) == 2 and all(float(w.get("xMax")) < right + 1 for w in words), [(w.text, w.get("xMax")) for w in words]


def test_a_heading_of_several_lines_counts_each_of_its_lines(tmp_path):
    # reledmac counted the lines the heading's text took at the size of the text (two), not as printed (three)
    lines = _fixture_lines(tmp_path, "two-line-heading")
    first = lines.index("An opening paragraph.")
    body = next(i for i, line in enumerate(lines) if line.startswith("Sentence one"))
    heading = lines[first + 1:body]
    assert len(heading) >= 2 and heading[0].startswith("A heading long enough"), lines
    number = 1 + len(heading) + 1  # the body's first line
    assert f"{number} Sentence] Sentense" in " ".join(lines), lines
    assert re.search(rf"\b{len(heading) + 1} head\. books\] boks", " ".join(lines)), lines  # the heading's last line
    fifth = lines[first + 4]
    assert fifth.endswith(" 5") and not any(line.endswith(" 5") for line in lines if line != fifth), lines


def test_headings_and_notes_without_a_paragraph_to_hang_from(tmp_path):
    lines = _fixture_lines(tmp_path, "structures")
    # empty headings print nothing and stop nothing; a page break in a heading is marked at the next paragraph
    assert any(re.fullmatch(r"\|7 \|After a heading that holds only a page break\.", line) for line in lines), lines
    assert any(re.fullmatch(r"\|8 \|After a heading with a page break inside\.( 5)?", line) for line in lines), lines
    # endnotes and a note alone in its division are paragraphs headed by their labels, not part of a heading
    for expected in ["a A note alone in its division.", "Notes", "1 The first endnote.",
                     "2 The second endnote, without a paragraph."]:  # a line of its own (its number aside)
        assert any(re.fullmatch(r"(\d+ )?" + re.escape(expected) + r"( \d+)?", line) for line in lines), (expected, lines)
    text = " ".join(lines)
    # readings of every shape: the text reads one of each, the apparatus gives the others
    for expected in ["Grouped: colour matters.", "Alternatives: the hand, the end, four ways.", "Nested: the lemma;",
                     "Pointers: see note 1 and Readings.", "Bookauthor Booktitle Bookplace 1901",
                     "colour] color; hue", "hand] band", "the] ye; thee", "four] foure; fowre; fower",
                     "the lemma] other reading", "the] teh", "lemword] rdgword [A note in a variant.]",
                     "b A note in the lemma.", "A fallback paragraph stands in for the part.",
                     "Name | Born", "Lev Kamenev | 1883", "Grigory Zinoviev | 1883",  # a table's row is a line
                     "word] word extra W"]:  # a witness adds what the text has not (after the word before)
        assert expected in text, (expected, text)


def test_a_corpus_prints_each_member_under_its_title_with_its_notes_numbered_through(tmp_path):
    lines = _fixture_lines(tmp_path, "corpus")
    titles = [line for line in lines if line in ("Member One", "Member Two", "Subcorpus", "Member Three")]
    assert titles == ["Member One", "Member Two", "Subcorpus", "Member Three"], lines
    assert {"1 Note of member one.", "2 Note of member two.", "3 zetanote"} <= set(lines), lines


# ------------------------------------------------------------------ other projects' TEI

@pytest.mark.parametrize("path", foreign_files(), ids=lambda p: p.stem)
def test_foreign_tei_compiles_and_keeps_every_word(foreign_pdfs, path):
    pdf = pdf_of(foreign_pdfs, path)
    assert pdf.exists(), sorted(p.name for p in (foreign_pdfs / "pdf").iterdir())
    missing = missing_from_pdf(reading_words(parse(path).root), pdf_words(pdf))
    assert not missing, f"{path.name}: {sum(missing.values())} words missing, e.g. {list(missing)[:20]}"


def test_every_letter_of_the_foreign_tei_has_a_font(foreign_pdfs):
    # the DTA's double hyphen ⸗ (U+2E17) and EEBO's 〈 〉 round a gap (U+3008, U+3009) are in no face of
    # DejaVu's: FreeSerif and WenQuanYi have them (make installs both)
    assert "missing from the PDF" not in (foreign_pdfs / "messages.txt").read_text(encoding="utf-8")
    for name, letter in [("dta-soldatenbriefe*.pdf", "⸗"), ("eebo-*.pdf", "〈")]:
        if _font_has(letter):
            assert letter in pdf_text(next((foreign_pdfs / "pdf").glob(name))), name


def test_a_critical_apparatus_prints_with_sigla(foreign_pdfs):
    text = re.sub(r"\s+", " ", pdf_text(pdf_of(foreign_pdfs, FOREIGN / "pta-homilia-de-sancta-dominica.xml")))
    assert re.search(r"ἀρχιεπισκόπου E P X\] ἀρχεπισκόπου S", text)


HOMILY = FOREIGN / "pta-homilia-de-sancta-dominica.xml"


@pytest.fixture(scope="session")
def homily(tmp_path_factory) -> Path:
    """The PTA homily built on its own (a critical apparatus with sigla, a heading of three lines)."""
    need_tex()
    if not HOMILY.exists():
        pytest.skip(f"{HOMILY} is absent")
    out = tmp_path_factory.mktemp("homily")
    run([HOMILY], out, html=False, pdf=True, settings={"volume": False})
    return out


def test_a_heading_of_several_lines_with_its_apparatus_stays_with_its_text_and_the_numbers_stay_right(homily):
    # the three-line heading ended page 1 with its entries; its hidden last line went on to page 2 as
    # line 1 there, so that the text's lines were numbered from 2
    pages = pdf_text(pdf_of(homily, HOMILY), layout=True).split("\f")
    page = next(p for p in pages if "Τοῦ ἐν ἁγίοις" in p)
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    head = next(i for i, line in enumerate(lines) if "Τοῦ ἐν ἁγίοις" in line)
    text = next(i for i, line in enumerate(lines) if "Βούλομαι" in line)
    assert text > head, lines
    first = text - head + 1  # the text's first line, the heading's lines counted
    flat = " ".join(lines)
    assert re.search(rf"(?<!\d){first} ἐγκωμιάσαι ἡμέραν E S X\]", flat), lines
    assert lines[head + 4].startswith("5 "), lines


def test_the_witnesses_the_apparatus_cites_are_listed_with_their_sigla(homily):
    # the listWit of the sourceDesc (Conspectus codicum) was printed nowhere: the sigla went unexplained
    text = " ".join(pdf_text(pdf_of(homily, HOMILY), layout=True, pages=(1, 1)).split())
    assert re.search(r"Witnesses E Scorialensis Ψ\.II\.20, s\. XIII, f\. 124v-126r\. S Parisinus Suppl\. gr\. 1255", text), text
    assert "I Iraklio Archaiologiko Mouseio 5, s. XVI, f. 301r-304v [I was not able to see this manuscript." in text, text


def test_the_layout_of_nested_variants_puts_no_space_into_text_or_apparatus(homily):
    # the XML's line breaks and indentation around app, lem and rdg (nested) were set as spaces:
    # "ἡμῶν  Βασιλείου", "θεὸς ;", a lemma opening with a space; a reading added above the line said nothing
    text = pdf_text(pdf_of(homily, HOMILY))
    assert not re.findall(r"\S.{0,12} +[;,·.]", text)
    assert "πατρὸς ἡμῶν Βασιλείου" in text and "ὁ θεὸς; διὰ τί" in " ".join(text.split())
    assert "οὓς ἔθετο ὁ θεὸς;" in text
    assert re.search(r"διὰ τῶν \(added above\) X", " ".join(text.split()))


def test_a_header_section_without_text_is_not_printed_as_a_bare_label(homily):
    # the homily's normalization and punctuation hold a <p> with only a comment
    text = pdf_text(pdf_of(homily, HOMILY), pages=(1, 1))
    assert "Interpretation." in text and "Normalization." not in text and "Punctuation." not in text


def test_a_speaker_is_set_in_small_capitals_and_the_speech_begins_flush(tmp_path):
    # DraCor's LEONCE. was set at text size in capitals, indented like the speech under it (as was every
    # paragraph style meant to be flush: \\noindent in \\pstart's options did not reach reledmac's paragraph)
    need_tex()
    src = FOREIGN / "gerdracor-leonce-und-lena.xml"
    if not src.exists():
        pytest.skip(f"{src} is absent")
    run([src], tmp_path, html=False, pdf=True)
    pdf = pdf_of(tmp_path, src)
    box = lxml.etree.fromstring(subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(pdf), "-"],
                                               capture_output=True, check=True).stdout)
    words = list(box.iter("{http://www.w3.org/1999/xhtml}word"))
    speaker = next(i for i, w in enumerate(words) if w.text == "Leonce." and words[i + 1].text == "Mein")
    second = next(i for i, w in enumerate(words) if i > speaker and w.text == "Ich")  # the speech's second line
    left = {round(float(words[i].get("xMin"))) for i in (speaker, speaker + 1, second)}
    assert len(left) == 1, "the speaker and the speech's first line flush with its second"
    assert "LEONCE." not in pdf_text(pdf, pages=(2, 2))


def test_a_manuscript_source_is_described_not_only_by_its_shelfmark(tmp_path):
    # tex:metadata printed a msDesc's msIdentifier only; the parts are the web's (tk:ms-description)
    need_tex()
    ms = ('<msDesc><msIdentifier><settlement>Oxford</settlement><repository>Bodleian Library</repository>'
          '<idno>MS. Add. A. 10</idno></msIdentifier><msContents><msItem n="1"><title>Medical treatises</title>'
          '</msItem></msContents><physDesc><objectDesc form="codex"><supportDesc material="perg"><support>parchment'
          '</support></supportDesc></objectDesc></physDesc><history><origin><origDate notBefore="1250" notAfter="1390">'
          '13th century, second half</origDate></origin></history></msDesc>')
    src = tmp_path / "ms.xml"
    src.write_text(_apparatus(0).replace("<sourceDesc><p>Made up.</p>", f"<sourceDesc>{ms}")
                   .replace("<div></div>", "<div><p>Text.</p></div>"), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    text = " ".join(pdf_text(tmp_path / "pdf" / "ms.pdf", layout=True).split())
    for row in ("Manuscript Oxford, Bodleian Library, MS. Add. A. 10", "Contents 1. Medical treatises",
                "Form codex", "Support parchment", "Origin 13th century, second half"):
        assert row in text, (row, text)


def test_the_tokens_of_a_spoken_transcription_are_set_as_words_apart(tmp_path):
    # ISO/TEI speech: <w> written with nothing between them ran together ("Ichfangeinfach"); the shared
    # decision (tk:space-before-token, through tk:glued) spaces them in print too
    need_tex()
    u = ("<u><seg><w>Ich</w><w>fang</w><w>einfach</w><w>mal</w><w>an</w><pc>.</pc></seg></u>")
    src = tmp_path / "spoken.xml"
    src.write_text(_apparatus(0).replace("<div></div>", f"<div>{u}</div>"), encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    assert "Ich fang einfach mal an." in pdf_text(tmp_path / "pdf" / "spoken.pdf")


def test_polytonic_greek_is_set_in_one_face_as_a_whole(foreign_pdfs):
    # Pagella has the bare Greek alphabet only: a fallback set each accented letter in DejaVu, within words
    from teikit.build.fonts import greek_face
    src = FOREIGN / "pta-homilia-de-sancta-dominica.xml"
    face = greek_face(["".join(parse(src).root.itertext())], "TeX Gyre Pagella")
    if face is None:
        pytest.skip("no installed face has polytonic Greek (make test installs fonts-gfs-didot)")
    fonts = subprocess.run(["pdffonts", str(pdf_of(foreign_pdfs, src))], capture_output=True, check=True).stdout.decode()
    used = {re.sub(r"^\w+\+|-\w+$", "", line.split()[0]) for line in fonts.splitlines()[2:]}
    # (the apparatus too, whose readings are not tagged as Greek)
    assert used == {"TeXGyrePagella", face.replace(" ", "")}, used
    # and the passes settle (DejaVu as the Greek face once made them go round a cycle)
    assert "pta-homilia-de-sancta-dominica.pdf: the line numbers did not settle" not in (foreign_pdfs / "messages.txt").read_text()


def test_a_source_described_by_a_biblfull_is_cited_as_a_catalogue_would(foreign_pdfs):
    # EEBO describes its printed book only in a biblFull; the web cites it the same way (tk:bibl-full-parts)
    def source(name: str) -> str:
        text = pdf_text(pdf_of(foreign_pdfs, FOREIGN / name), pages=(1, 3))
        return " ".join(re.sub(r"(\w)-[ \t]*\n[ \t]*(\w)", r"\1\2", text).split())
    eebo = source("eebo-tcp-a00002-brides-ornaments.xml")
    assert "Aylett, Robert, 1583-1655? The brides ornaments viz. fiue meditations, morall and diuine." in eebo, eebo
    assert "ioy. London : Printed by William Stansby, 1625. [4], 123, [1] p. Contains the 3rd and 4th books of " \
           "“The brides ornaments”" in eebo, eebo
    assert "Reproduction of the original in the Folger Shakespeare Library." in eebo, eebo
    # beside a bibl, the DTA's: the name as a catalogue heads it
    dta = source("dta-soldatenbriefe-letter-050.xml")
    assert "Münchhoff, Carl. [SB-Nr. 50: Carl Münchhoff (Offizier), 12.09.1848, Ostoberdeutsch]. 1848." in dta, dta


def test_a_german_text_declares_its_language(foreign_pdfs):
    pdf = pdf_of(foreign_pdfs, FOREIGN / "gerdracor-leonce-und-lena.xml")
    assert re.search(rb"/Lang\s*\(de\)", pdf_objects(pdf))


def test_verse_has_a_blank_between_stanzas_and_a_one_line_running_head(foreign_pdfs):
    src = FOREIGN / "eebo-tcp-a00002-brides-ornaments.xml"
    latex = (foreign_pdfs / "latex" / pdf_of(foreign_pdfs, src).with_suffix(".tex").name).read_text(encoding="utf-8")
    stanzas = int(parse(src).root.xpath("count(//t:lg[t:l])", namespaces={"t": "http://www.tei-c.org/ns/1.0"}))
    assert latex.count("\\medskip") >= stanzas // 2
    # the title is 160 characters long: the head keeps its first words only
    assert "\\renewcommand{\\tktitle}{The brides ornaments viz. fiue meditations…}" in latex
    # (in layout: pdftotext's raw order may put the page's number on a line of its own)
    assert re.search(r"The brides ornaments viz\. fiue meditations… \d", " ".join(pdf_text(pdf_of(foreign_pdfs, src), layout=True).split()))


# ------------------------------------------------------------------ scripts

def _font_has(char: str) -> bool:
    """Whether fontconfig knows an installed font with the letter (without fontconfig the build cannot
    look for one, and reports the letter missing)."""
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True)
    return bool(listed.stdout.strip())


def test_right_to_left_and_other_scripts_are_printed_in_order_or_reported(tmp_path):
    need_tex()
    report = run([FIXTURES / "latex" / "scripts.xml"], tmp_path, html=False, pdf=True)
    text = re.sub(r"\s+", " ", pdf_text(tmp_path / "pdf" / "scripts.pdf"))
    # babel's bidi ordering: the words stand in their logical order, tagged or not
    words = " ".join(re.findall(r"\w+", text))
    for expected in ["Лев Давидович Троцкий", "Hebrew שלום עולם stands between", "Arabic مرحبا بالعالم stands between",
                     "language שלום עולם in order"]:
        assert expected in words, (expected, words)
    assert "a T-shirt, an X-ray, an A-level, a V-neck." in text  # babel's bidi once stopped the build at "T-"
    latex = (tmp_path / "latex" / "scripts.tex").read_text(encoding="utf-8")
    assert "\\usepackage[english, bidi=basic]{babel}" in latex
    warnings = " ".join(report.messages)
    # a letter no installed font has is reported by name; one that a font has is printed
    for word, letter in [("托洛茨基", "托"), ("संस्कृतम्", "स")]:
        code = f"(U+{ord(letter):04X})"
        if _font_has(letter):
            assert code not in warnings, warnings
            if word == "托洛茨基":
                assert word in text
        else:
            assert f"{letter} {code}" in warnings and "scripts.pdf" in warnings, warnings


def test_a_text_written_right_to_left_is_set_right_to_left(tmp_path):
    need_tex()
    report = run([FIXTURES / "latex" / "hebrew.xml"], tmp_path, html=False, pdf=True)
    assert not report.messages, report.messages
    pdf = tmp_path / "pdf" / "hebrew.pdf"
    # the paragraph is set from the right: its short last line ends at the right margin, where the
    # other lines end, and begins far from the left one
    box = lxml.etree.fromstring(subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"],
                                               capture_output=True, check=True).stdout)
    lines = [(float(b.get("xMin")), float(b.get("xMax")), "".join(t.strip() for t in b.itertext()))
             for b in box.iter("{http://www.w3.org/1999/xhtml}line")]
    lines = [line for line in lines if re.search("[\u05d0-\u05ea]{3}", line[2]) and "]" not in line[2]]
    body = lines[1:]  # the heading first
    last = min(body, key=lambda line: line[1] - line[0])
    right = max(line[1] for line in body)
    assert len(body) >= 4 and abs(last[1] - right) < 3 and last[0] > right / 2, lines
    plain = pdf_text(pdf)
    assert "A note in English." in plain and "In the beginning" in plain and "וירה" in plain
    # a paragraph left to right in it is set from the left (a tag in capitals, a language babel lacks)
    for text in ("A short English paragraph.", "Saṃskṛtam, a word."):
        line = next(b for b in box.iter("{http://www.w3.org/1999/xhtml}line")
                    if " ".join(t.strip() for t in b.itertext() if t.strip()) == text)
        assert float(line.get("xMin")) < right / 3, (text, line.get("xMin"), right)
    words = missing_from_pdf(reading_words(parse(FIXTURES / "latex" / "hebrew.xml").root), pdf_words(pdf))
    assert not words, words


def test_arabic_in_the_title_and_the_header_is_shaped_like_the_text(tmp_path):
    # OpenArabicPE: the title, the author and the header's fields in Arabic were set before the text's own
    # language opened, letter by letter in the book face's fallback, unjoined
    need_tex()
    src = tmp_path / "muqtabas.xml"
    src.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader xml:lang="en"><fileDesc><titleStmt>'
                   '<title xml:lang="ar">مجلة المقتبس</title><author xml:lang="ar">محمد كرد علي</author></titleStmt>'
                   '<publicationStmt><p>For the tests.</p></publicationStmt><sourceDesc><biblStruct><monogr>'
                   '<title xml:lang="ar">المقتبس</title><imprint><pubPlace>دمشق</pubPlace><date>1911</date></imprint>'
                   '</monogr></biblStruct></sourceDesc></fileDesc></teiHeader>'
                   '<text xml:lang="ar"><body><p>فهرس المجلد السادس من المقتبس</p></body></text></TEI>', encoding="utf-8")
    run([src], tmp_path, html=False, pdf=True)
    # HarfBuzz shapes the letters into their joining forms (Arabic Presentation Forms-B, as pdftotext reads them)
    lines = pdf_text(tmp_path / "pdf" / "muqtabas.pdf", layout=True).splitlines()
    for field in ("Author", "Source"):
        line = next(line for line in lines if field in line)
        assert re.search("[\ufe70-\ufeff]", line), line


def test_no_font_chain_loads_fonts_a_text_does_not_need():
    from teikit.build.fonts import fallback_chain
    assert fallback_chain(["Stalin, Троцкий, ἐνεπρίσθη, שלום"], "TeX Gyre Pagella") == ["DejaVu Serif", "DejaVu Sans"]
    chain = fallback_chain(["托洛茨基"], "TeX Gyre Pagella")
    assert chain[:2] == ["DejaVu Serif", "DejaVu Sans"] and len(chain) == (3 if _font_has("托") else 2)


def test_editorial_signs_and_figure_descriptions_are_printed_as_on_the_web(tmp_path):
    # a figure's description in a paragraph or a note was left out; vac., (- - -) and […] were the web's only
    need_tex()
    run([FIXTURES / "editorial_signs.xml"], tmp_path, html=False, pdf=True)
    text = " ".join(pdf_text(tmp_path / "pdf" / "editorial-signs.pdf").split())
    for shown in ["A woodcut of a ship.", "a drawing of a key", "the word teh[sic] as printed",
                  "a letter […] not read", "ΔΑΜ vac. 3 ΟΣ Λαβ(- - -) ΚΑΙ vacat ΤΕΛ"]:
        assert shown in text, shown


def test_the_heads_of_divisions_of_every_level_and_of_a_group_are_headings_as_on_the_web():
    # which heads are headings is decided once (common's tk:is-section-head); the web set div4-div7 and group as paragraphs
    texts, register = collect([FIXTURES / "section_heads.xml"])
    tex = latex_source(texts, register, {}, volume=False)
    assert re.search(r"\\tkbodyhead\] Group head", tex), tex
    for n in ("one", "two", "three", "four", "five", "six", "seven"):
        assert re.search(rf"\\eled(sub)*section\{{\\texorpdfstring\{{Level {n}\}}", tex), n
    assert "\\tklabel] Level" not in tex


def test_a_letter_and_a_play_are_dated_by_their_sending_and_their_writing_event_as_on_the_web():
    # the web's fallbacks (correspDesc's sent date, DraCor's standOff event) are tk:written's (common) now
    for name, written in [("written_by_correspondence.xml", "27 June 1834"), ("written_by_event.xml", "1836")]:
        texts, register = collect([FIXTURES / name])
        tex = latex_source(texts, register, {}, volume=False)
        assert re.search(rf"^Written & {written} \\\\$", tex.replace("~", " "), re.M), (name, tex[:3000])


def test_without_an_edition_title_the_book_is_named_by_its_one_text_or_plainly_edition():
    # as the web's pages (tk:edition-name): "TEI edition", the configuration's placeholder, was the volume's title
    letter, play = FIXTURES / "written_by_correspondence.xml", FIXTURES / "written_by_event.xml"
    texts, register = collect([letter, play])
    volume = latex_source(texts, register, {}, volume=True)
    assert "TEI edition" not in volume
    assert "pdftitle={Edition}" in volume and "\\selectfont Edition\\par" in volume
    assert "\\renewcommand{\\tkauthor}{Edition}" in volume  # the running head of the texts without an author
    one = latex_source(texts[:1], register, {}, volume=False)
    assert "TEI edition" not in one and "\\renewcommand{\\tkauthor}{A letter}" in one
    titled = latex_source(texts, register, {"title": "Letters and a Play"}, volume=True)
    assert "pdftitle={Letters and a Play}" in titled and "\\selectfont Letters and a Play\\par" in titled


def test_a_note_in_the_back_is_set_at_its_pointer_in_the_text_not_at_one_in_another_note():
    # where a note is anchored is decided once (common's tk:note-pointers); test_web has the same case
    texts, register = collect([FIXTURES / "note_anchored_by_pointers.xml"])
    tex = latex_source(texts, register, {}, volume=False)
    assert re.search(r"nesh \\edlabel\{tknote-[^}]+\}\\footnoteA\[1\]\{\\tkdq\{[^}]+\}Nesh,", tex), tex
    assert "which says: see the gloss.}" in tex and tex.count("tender.") == 1


def test_a_later_pointer_to_a_note_in_a_heading_or_a_note_is_its_mark_raised_not_its_words(tmp_path):
    # a novel's second <ref target="#fn1">[1]</ref> (9bc9679) printed '[1]' inside a heading or a note; the footnote
    # is set at the first pointer of the running text, not in a heading (which sets a note in brackets)
    need_tex()
    run([FIXTURES / "note_pointed_to_again.xml"], tmp_path, html=False, pdf=True)
    text = " ".join(pdf_text(tmp_path / "pdf" / "note-again.pdf").split())
    assert "[1]" not in text and text.count("tender.") == 1, text
    assert re.search(r"Of nesh 1 things .*The weather was nesh 1 that day\..*nesh 1 again\.", text), text
