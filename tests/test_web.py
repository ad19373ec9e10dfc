"""The web edition: pages built from the TEI keep every word, and behave in a real browser.

The site is built once per session into a temporary folder and served over
HTTP (Pagefind's search needs fetch, which file:// does not allow).  Browser
tests drive Debian's chromium through Playwright; they are skipped, with the
reason, where it is missing.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections import Counter
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from conftest import EDITION, FIXTURES, FOREIGN, foreign_files

from teikit.build import run
from teikit.parsing import NS, parse
from teikit.provenance import words
from readings import HTML_BLOCKS, reading_words

CHROMIUM = Path("/usr/bin/chromium")
SETTINGS = {"title": "Stalinism and the Moscow Trials", "editors": "the teikit editors"}
def page_words(path: Path) -> Counter:
    """The words of a page's main content; block boundaries separate words."""
    html = lxml.html.parse(str(path)).getroot()
    # not text of the edited view: source readings and forme work (shown by the switch), note markers
    # (but a pointer of the text that is an endnote's marker, ref "[1]", is the text's)
    for el in html.xpath("//main//*[@hidden or contains(@class,'source-only') or contains(@class,'note-ref')"
                         " and not(contains(@class,'note-pointer')) or contains(@class,'pnum')]"):
        el.drop_tree()
    main = lxml.html.tostring(html.find(".//main"), encoding="unicode")
    main = HTML_BLOCKS.sub(" ", main)
    return Counter(words(lxml.html.fromstring(f"<div>{main}</div>").text_content()))


class _Server(http.server.ThreadingHTTPServer):
    # chromium opens several connections at once; the default backlog of 5 can drop some on a busy machine
    request_queue_size = 64


def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run([EDITION], out, html=True, pdf=False, settings=SETTINGS)
    return out / "html"


@pytest.fixture(scope="session")
def url(site):
    server, base = serve(site)
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("response", lambda r: pg.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # a request that never got an answer (aborts by a later navigation are not errors)
    pg.on("requestfailed", lambda r: pg.errors.append(f"{r.failure} {r.url}")
          if "ERR_ABORTED" not in (r.failure or "") else None)
    yield pg
    context.close()


TEXTS = {parse(p).root.get("{http://www.w3.org/XML/1998/namespace}id"): p
         for p in sorted(EDITION.glob("*.xml")) if p.name != "register.xml"}


# ------------------------------------------------------------------ static checks

def test_the_site_has_every_page(site):
    for key in TEXTS:
        assert (site / "texts" / f"{key}.html").exists()
        assert (site / "downloads" / f"{key}.xml").exists()
    for kind in ("persons", "places", "organisations", "works"):
        assert (site / "registers" / f"{kind}.html").exists()
    for name in ("index.html", "search.html", "docs/guidelines.html", "pagefind/pagefind-ui.js"):
        assert (site / name).exists(), name


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_word_of_the_reading_text_is_on_its_page(site, key):
    missing = reading_words(parse(TEXTS[key]).root) - page_words(site / "texts" / f"{key}.html")
    assert not missing, f"{key}: {sum(missing.values())} words missing, e.g. {list(missing)[:20]}"


def test_a_text_page_has_the_apparatus_notes_and_pagination(site):
    html = lxml.html.parse(str(site / "texts" / "leninstalin.html")).getroot()
    app = html.xpath("//section[contains(@class,'apparatus')]//li")
    assert len(app) == len(parse(TEXTS["leninstalin"]).root.findall(".//tei:text//tei:choice", NS))
    entry = [li.text_content() for li in app if "RltsSian" in li.text_content()][0]
    assert re.search(r"Russian\s*\]\s*RltsSian", entry)
    # a space of the source before a stop (trial ?) is shown, or the entry would read "?] ?"
    # and a lemma without a letter takes the word before it on both sides: "trial?] trial␣?"
    assert any(re.match(r"¶ \d+ \S+\?\] \S+␣\? ed\.", li.text_content()) for li in app)
    assert any(re.match(r"¶ \d+ killings—\] killings- ed\.", li.text_content()) for li in app)
    assert html.xpath("//*[@id='leninstalin-p1']")  # a permanent anchor per paragraph
    assert html.xpath("//*[contains(@class,'tei-pb')]/a[.='[p. 17]']")
    assert html.xpath("//a[@role='doc-noteref']") and html.xpath("//*[@role='doc-endnote' or contains(@class,'note')]")


def test_an_apparatus_entry_is_cited_by_its_note_or_heading_and_has_a_word_to_cite(site):
    html = lxml.html.parse(str(site / "texts" / "leninstalin.html")).getroot()
    entries = {li.get("id"): li for li in html.xpath("//ol[@class='apparatus']/li")}
    text = {k: re.sub(r"\s+", " ", li.text_content()).strip() for k, li in entries.items()}
    # the note's first mark: note 1, not the ¶ its note is anchored in; the word after it to cite
    assert text["app-leninstalin-tk-choice-17"].startswith("n. 1 A] ... A")
    assert text["app-leninstalin-tk-choice-107"].startswith("heading 7, 1917] 7,1917")
    labels = [li.xpath("string(a[@class='backref'])") for li in entries.values()]
    assert "↑" not in labels
    in_notes = html.xpath("//ol[@class='apparatus']/li[a[starts-with(., 'n. ')]]")
    assert len(in_notes) == len(parse(TEXTS["leninstalin"]).root.xpath(
        "//tei:text//tei:note//tei:choice[not(ancestor::tei:choice)]", namespaces=NS))
    empty = [k for k, li in entries.items() if not li.xpath("normalize-space(span[@class='lemma'])")]
    assert len(empty) <= 2, empty  # two in the source lines under a quotation: no block to take a word from


def test_dangerous_links_and_markup_are_not_passed_through(tmp_path):
    tei = tmp_path / "t.xml"
    tei.write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t"><teiHeader><fileDesc>
<titleStmt><title>Links</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
<sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader><text><body>
<p>A <ref target="javascript:alert(1)">bad link</ref>, a <ref target="https://example.org/">good one</ref>,
a <ref target="data:text/html,x">data link</ref> and text that looks like &lt;script&gt;alert(2)&lt;/script&gt;.</p>
</body></text></TEI>""", encoding="utf-8")
    run([tei], tmp_path / "out", html=True, pdf=False, search=False)
    page = (tmp_path / "out" / "html" / "texts" / "t.html").read_text(encoding="utf-8")
    assert "javascript:" not in page and "data:text" not in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(2)" in page
    assert 'href="https://example.org/"' in page
    assert "bad link" in page and "data link" in page  # the text of a dropped link stays


@pytest.fixture(scope="session")
def foreign_site(tmp_path_factory):
    if not foreign_files():
        pytest.skip(f"{FOREIGN} is absent")
    out = tmp_path_factory.mktemp("foreign")
    run([FOREIGN], out, html=True, pdf=False, search=False)
    return out / "html"


@pytest.mark.parametrize("path", foreign_files(), ids=lambda p: p.stem)
def test_foreign_tei_builds_and_keeps_every_word(foreign_site, path):
    root = parse(path).root
    key = re.sub(r"[^A-Za-z0-9]+", "-", root.get("{http://www.w3.org/XML/1998/namespace}id") or path.stem).strip("-").lower()
    page = foreign_site / "texts" / f"{key}.html"
    assert page.exists(), sorted(p.name for p in (foreign_site / "texts").iterdir())
    missing = reading_words(root) - page_words(page)
    assert not missing, f"{path.name}: {sum(missing.values())} words missing, e.g. {list(missing)[:20]}"


def test_languages_are_bcp47_tags_from_xml_lang_or_langusage(foreign_site):
    dta = lxml.html.parse(str(foreign_site / "texts" / "dta-soldatenbriefe-letter-050.html")).getroot()
    # the page is in its interface's language, the text in its own
    assert dta.get("lang") == "en"
    assert dta.xpath("string(//article/@lang)") == "de"  # langUsage ident="deu", no xml:lang on the text
    schnitzler = lxml.html.parse(str(foreign_site / "texts" / "l02854.html")).getroot()  # its xml:id
    assert schnitzler.xpath("string(//article/@lang)") == "de-AT"
    assert schnitzler.xpath("//main//*[@lang='fr']") and not schnitzler.xpath("//*[@lang='fra']")


def test_a_paragraph_holding_a_list_is_a_div_and_a_note_after_the_list_ends_its_last_item(site):
    html = lxml.html.parse(str(site / "texts" / "leninstalin.html")).getroot()
    para = html.get_element_by_id("leninstalin-p225")
    assert para.tag == "div" and para.xpath(".//ul/li")
    items = para.xpath(".//ul/li")
    assert all(li.xpath("normalize-space(.)") for li in items)  # no bullet holding only a note marker
    assert items[-1].xpath(".//a[contains(@class,'note-ref')]")
    assert not html.xpath("//p[.//ul or .//ol or .//table]")


BLOCKS_IN_PARAGRAPHS = """<p>Before <figure><head>A figure</head></figure> after.</p>
<p>Before <quote rend="block"><p>quoted</p></quote> after.</p>
<p>Before <lg><l>a verse</l><l>another</l></lg> after.</p>
<p>Before <floatingText><body><p>a letter</p></body></floatingText> after.</p>
<p>Before <table><head>Prices</head><row><cell>bread</cell><pb n="1"/><cell>1</cell></row>
<pb n="2"/><row><cell>salt</cell><cell>2</cell></row><note>stray</note></table> after.</p>"""


def test_a_block_inside_a_paragraph_leaves_the_text_after_it_in_the_numbered_paragraph(browser, tmp_path):
    # HTML's parser ends a p at a block (figure, blockquote, table …) and moves what is not a row out of
    # a table: what the browser builds must be the page the transform wrote
    src = tmp_path / "t.xml"
    src.write_text(_tei("t", BLOCKS_IN_PARAGRAPHS), encoding="utf-8")
    run([src], tmp_path / "out", html=True, pdf=False, search=False)
    written = tmp_path / "out" / "html" / "texts" / "t.html"
    assert not reading_words(parse(src).root) - page_words(written)
    server, base = serve(tmp_path / "out" / "html")
    pg = browser.new_page()
    try:
        pg.goto(f"{base}/texts/t.html")
        paras = pg.eval_on_selector_all(".reading-text a.pnum", """els => els.map(a => a.parentElement).map(e =>
            [e.className, e.dataset.n, e.textContent.replace(/\\s+/g, ' ').trim()])""")
        table = pg.eval_on_selector("table", """t => [t.caption && t.caption.textContent.trim(),
            [...t.rows].map(r => [...r.cells].map(c => c.textContent.replace(/\\s+/g, ' ').trim()))]""")
        pages = pg.eval_on_selector_all(".tei-pb", "els => els.map(e => e.parentElement.tagName)")
    finally:
        pg.close()
        server.shutdown()
        server.server_close()
    assert [(c.split()[0], n) for c, n, _ in paras] == [("tei-p", str(i)) for i in range(1, 6)]
    assert all(t.startswith(f"{n}Before") and t.endswith("after.") for _, n, t in paras), paras
    # the head is the caption; a page between cells or rows begins in the next cell, a note after the last row
    # is marked in the last cell
    assert table[0] == "Prices"
    assert table[1][0] == ["bread", "[p. 1]1"] and table[1][1][0] == "[p. 2]salt" and table[1][1][1].startswith("2")
    assert pages == ["TD", "TD"]


def _links_and_ids(site: Path) -> tuple[list[str], list[str]]:
    """Internal links that lead nowhere, and ids used twice on a page."""
    from urllib.parse import urlparse
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts and "docs" not in p.parts]
    ids = {p.resolve(): lxml.html.parse(str(p)).getroot().xpath("//@id") for p in pages}
    broken, doubled = [], []
    for p in pages:
        doubled += [f"{p.name}#{i}" for i, n in Counter(ids[p.resolve()]).items() if n > 1]
        for href in lxml.html.parse(str(p)).getroot().xpath("//a/@href"):
            u = urlparse(href)
            if u.scheme:
                continue
            target = (p.parent / u.path).resolve() if u.path else p.resolve()
            if not target.exists() or (u.fragment and target in ids and u.fragment not in ids[target]):
                broken.append(f"{p.name} -> {href}")
    return broken, doubled


def test_every_search_result_leads_to_an_anchor_of_its_page(tmp_path, monkeypatch):
    """Search records are made for paragraphs, headings, notes and verse lines: each must name an id
    its page has, or the result opens the page at the top."""
    import teikit.build.html as html_build
    captured = []
    monkeypatch.setattr(html_build, "index_search", lambda records, out: captured.append(records) or 0)
    run([EDITION / "serge-from-lenin-to-stalin.xml", *foreign_files()], tmp_path, html=True, pdf=False)
    records = lxml.etree.fromstring(captured[0].encode())
    pages: dict[str, set[str]] = {}
    missing = Counter()
    for r in records:
        page, _, fragment = r.get("url").partition("#")
        if page not in pages:
            pages[page] = set(lxml.html.parse(str(tmp_path / "html" / page)).getroot().xpath("//@id"))
        if fragment not in pages[page]:
            missing[(page, r.get("label"))] += 1
    assert len(records) > 1000 and not missing, missing.most_common(8)


def test_every_internal_link_of_the_edition_leads_somewhere(site):
    assert _links_and_ids(site) == ([], [])


def test_links_of_other_projects_that_lead_nowhere_are_text(foreign_site):
    broken, doubled = _links_and_ids(foreign_site)
    assert broken == [] and doubled == []
    bellini = lxml.html.parse(str(foreign_site / "texts" / "bellini-letter-ll1-16.html")).getroot()
    # a pointer to a note shows the note's label, not its target
    assert not bellini.xpath("//main//a[normalize-space()='#LL1_16_note1']")
    # the site has no register: no page links to one
    assert not any("registers/" in h for h in bellini.xpath("//a/@href"))


def _one_page(tmp_path: Path, body: str, sources: str = "<p>test</p>") -> lxml.html.HtmlElement:
    """The page of a small text t built alone; its links must all lead somewhere."""
    (tmp_path / "t.xml").write_text(_tei("t", body, sources=sources), encoding="utf-8")
    run([tmp_path / "t.xml"], tmp_path / "out", html=True, pdf=False, search=False)
    assert _links_and_ids(tmp_path / "out" / "html") == ([], [])
    return lxml.html.parse(str(tmp_path / "out" / "html" / "texts" / "t.html")).getroot()


MS_DESC = """<msDesc xml:lang="en"><msIdentifier><settlement>Oxford</settlement><repository>Bodleian Library</repository>
<idno type="shelfmark">MS. Add. A. 10</idno><altIdentifier type="internal"><idno type="SCN">24731</idno></altIdentifier>
</msIdentifier><msContents><msItem n="1"><title type="desc">Medical treatises.</title><textLang mainLang="la">Latin</textLang>
</msItem><msItem><locusGrp><locus target="#f3"/></locusGrp><bibl><author>Percy Bysshe Shelley</author>
<title>To Laughter</title></bibl></msItem></msContents><physDesc><objectDesc form="codex"><supportDesc material="perg">
<support>parchment</support><extent>ii + 120 leaves</extent></supportDesc></objectDesc><handDesc>
<handNote scope="major"><persName>Mary Shelley</persName></handNote></handDesc></physDesc><history><origin>
<origDate notBefore="1250" notAfter="1390">13th century, second half to 14th century, late</origDate></origin></history>
<additional><adminInfo><recordHist><source>Summary description. <listBibl><bibl>Summary Catalogue, Vol. 5, p. 56</bibl>
</listBibl></source></recordHist></adminInfo></additional></msDesc>"""


def test_a_manuscript_is_described_by_its_identifier_contents_physical_form_hands_origin_and_bibliography(tmp_path):
    html = _one_page(tmp_path, "<p>Text.</p>", sources=MS_DESC)
    rows = [(dt.text_content(), [re.sub(r"\s+", " ", li.text_content()) for li in dt.getnext().xpath(".//li")]
             or re.sub(r"\s+", " ", dt.getnext().text_content()).strip()) for dt in html.xpath("//dl//dt")]
    described = dict(rows)
    assert described["Manuscript"] == "Oxford, Bodleian Library, MS. Add. A. 10"
    assert described["Other identifiers"] == "24731 (SCN)"
    assert described["Contents"] == ["1. Medical treatises. (Latin)", "Percy Bysshe Shelley, To Laughter"]
    assert (described["Form"], described["Support"], described["Extent"]) == ("codex", "parchment", "ii + 120 leaves")
    assert described["Hands"] == "Mary Shelley (major)"
    assert described["Origin"] == "13th century, second half to 14th century, late (1250–1390)"
    assert (described["Description"], described["Bibliography"]) == ("Summary description.", "Summary Catalogue, Vol. 5, p. 56")
    labels = [label for label, _ in rows]  # in a catalogue's order
    assert labels.index("Manuscript") < labels.index("Contents") < labels.index("Support") < labels.index("Origin") \
        < labels.index("Bibliography")


SPOKEN = """<annotationBlock who="#TOM"><u><w>Ich</w><w>fang</w><w>an</w><pc>,</pc><w>zu</w><pause/><w>reden</w><pc>.</pc>
<w join="right">Haus</w><w>tür</w> <w>offen</w><pc>(</pc><w>ja</w><pc>)</pc></u><spanGrp type="translation">
<span type="translation" xml:lang="en">I just start talking.</span></spanGrp></annotationBlock>"""


def test_an_utterance_separates_its_words_and_shows_its_speaker_and_annotations(tmp_path):
    speakers = '<particDesc><listPerson><person xml:id="TOM"><persName>Tom</persName></person></listPerson></particDesc>'
    tei = _tei("t", SPOKEN).replace("</fileDesc>", f"</fileDesc><profileDesc>{speakers}</profileDesc>")
    (tmp_path / "t.xml").write_text(tei, encoding="utf-8")
    run([tmp_path / "t.xml"], tmp_path / "out", html=True, pdf=False, search=False)
    html = lxml.html.parse(str(tmp_path / "out" / "html" / "texts" / "t.html")).getroot()
    block = html.xpath("//div[contains(@class,'tei-annotationBlock')]")[0]
    assert block.xpath("string(p[contains(@class,'tei-speaker')])") == "Tom"
    u = re.sub(r"\s+", " ", block.xpath("string(.//div[contains(@class,'tei-u')])")).strip()
    assert u == "Ich fang an, zu reden. Haustür offen (ja)", u
    annotation = block.xpath(".//p[@class='utterance-annotation']")[0]
    assert annotation.get("lang") == "en" and annotation.text_content() == "translation: I just start talking."


def test_a_licence_given_only_by_its_address_shows_the_address(foreign_site):
    html = lxml.html.parse(str(foreign_site / "texts" / "eng18482.html")).getroot()
    dd = html.xpath("//dl//dt[.='Licence']/following-sibling::dd[1]")[0]
    assert dd.xpath(".//a/@href") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert dd.text_content().strip() == "https://creativecommons.org/licenses/by/4.0/"


def test_a_pointer_links_only_to_what_the_page_shows_with_its_id(tmp_path):
    html = _one_page(tmp_path, """<p>A line<lb xml:id="br"/>broken, <choice xml:id="ch"><sic><hi xml:id="inside">teh</hi></sic>
<corr xml:id="cr"><hi xml:id="shown">the</hi></corr></choice> word. <ref target="#br">To the break</ref>, <ptr target="#br"/>,
<ref target="#inside">into the sic</ref>, <ref target="#cr">to the corr</ref>, <ref target="#ch">to the choice</ref>,
<ref target="#hb">to the header</ref>, <ref target="#shown">into the corr</ref>;
“<quote source="#br">a</quote>”, “<quote source="#inside">b</quote>”, “<quote source="#shown">c</quote>”.</p>""",
                     sources='<bibl xml:id="hb">The source</bibl>')
    # a line break has no id on the page; the source's readings are hidden, the reading's own span has no id,
    # and a choice's span is the anchor of its apparatus entry: all text, their targets kept in view
    for target in ("br", "inside", "cr", "ch", "hb"):
        assert not html.xpath(f"//a[@href='#{target}']"), target
    assert html.xpath("//span[@data-tei='ptr'][.='[#br]']") and html.xpath("//span[@data-tei='ref'][@title='#inside']")
    # what the shown reading holds is on the page with its id
    assert html.xpath("//a[@href='#shown'][.='into the corr']") and html.xpath("//span[@class='reading']/*[@id='shown']")
    # a quotation's source by the same rule
    assert [a.get("href") for a in html.xpath("//a[@class='quote-source']")] == ["#shown"]
    assert len(html.xpath("//span[@class='quote-source-text']")) == 2


def test_a_quotation_marker_stands_before_a_possessive(tmp_path):
    html = _one_page(tmp_path, """<p>The ‘<quote source="#j">Journal</quote>’s view, not “<quote source="#j">ours</quote>”.
<bibl xml:id="j">The Journal</bibl></p>""")
    first, second = html.xpath("//q")
    # the apostrophe of the possessive is a letter of the word, not a closing mark
    assert first.tail is None and first.getnext().get("class") == "quote-source"
    assert first.getnext().tail.startswith("’s view")
    assert second.tail == "”" and second.getnext().get("class") == "quote-source"


def test_markup_cited_by_other_projects_is_code(tmp_path):
    html = _one_page(tmp_path, """<p>The <gi>hi</gi> element, its <att>rend</att> of <val>italic</val>, <tag>lb/</tag>,
<ident>teiHeader</ident> and <eg>&lt;p&gt;x&lt;/p&gt;</eg>.</p>""")
    assert html.xpath("//main//code/@data-tei") == ["gi", "att", "val", "tag", "ident", "eg"]


def _page_ids(page: Path) -> list[str]:
    return lxml.html.parse(str(page)).getroot().xpath("//main//@id")


def test_page_anchors_are_the_texts_key_and_page_number_whatever_else_is_built(site, tmp_path):
    # built alone, the text comes first in the edition document; built with the others, last:
    # no anchor of its page may change (generate-id() numbered them by what came before)
    run([TEXTS["offensive"]], tmp_path / "out", html=True, pdf=False, search=False)
    alone = tmp_path / "out" / "html" / "texts" / "offensive.html"
    pages = lxml.html.parse(str(alone)).getroot().xpath("//span[contains(@class,'tei-pb')]/@id")
    assert pages == ["offensive-p-5", "offensive-p-7"]
    # the whole page: paragraphs, apparatus entries, quotations (cards of the register aside: no register here)
    assert [i for i in _page_ids(site / "texts" / "offensive.html") if not i.startswith("card-")] == _page_ids(alone)
    for key, path in TEXTS.items():
        html = lxml.html.parse(str(site / "texts" / f"{key}.html")).getroot()
        expected = [f"{key}-p-{pb.get('n')}" for pb in parse(path).root.iterfind(".//tei:pb", NS)]
        assert html.xpath("//span[contains(@class,'tei-pb')]/@id") == expected
        assert all(a.get("href") == "#" + a.getparent().get("id") for a in html.xpath("//span[contains(@class,'tei-pb')]/a"))
    for page in site.rglob("*.html"):
        made = [i for i in lxml.html.parse(str(page)).getroot().xpath("//@id") if re.search(r"d\d+e\d+", i)]
        assert not made, f"{page.name}: ids from generate-id() {made[:5]}"


def _tei(xml_id: str, body: str, *, prefix: str | None = None, sources: str = "<p>test</p>", root: str = "TEI") -> str:
    """A small TEI document; prefix: the replacementPattern of its psn prefix, if it declares one."""
    prefixes = (f'<encodingDesc><listPrefixDef><prefixDef ident="psn" matchPattern="([a-z-]+)" '
                f'replacementPattern="{prefix}"/></listPrefixDef></encodingDesc>') if prefix else ""
    header = (f"<teiHeader><fileDesc><titleStmt><title>Text {xml_id}</title></titleStmt><publicationStmt><p>test</p>"
              f"</publicationStmt><sourceDesc>{sources}</sourceDesc></fileDesc>{prefixes}</teiHeader>")
    ns = ' xmlns="http://www.tei-c.org/ns/1.0"' if xml_id else ""
    ident = f' xml:id="{xml_id}"' if xml_id else ""
    inner = body if root == "teiCorpus" else f"<text><body>{body}</body></text>"
    return f"<{root}{ns}{ident}>{header}{inner}</{root}>"


def _witnesses(w: str, v: str) -> str:
    return (f'<listWit><witness xml:id="W"><abbr type="siglum">{w}</abbr>first</witness>'
            f'<witness xml:id="V"><abbr type="siglum">{v}</abbr>second</witness></listWit>')


# Two texts declare the prefix psn each their own way and both have witnesses W and V; only b has an
# element x; the corpus has a prefix of its own, which its first member overrides.
_TWO_TEXTS = {
    "a.xml": _tei("a", """<p><persName ref="psn:stalin">Stalin</persName> in a; <ref target="#x">see x</ref>,
<ptr target="#x"/>, <ref target="#here">here</ref>; <app><lem wit="#W">word</lem><rdg wit="#V">ward</rdg></app>.</p>
<p xml:id="here">Here<note>A note without an id.</note>. <pb n="1"/>one <pb n="1"/>one again <pb ed="#B" n="2"/>two
<pb/>none</p><p xml:id="a-tk-note-2">An id like a made one<note>The second note.</note>.</p>""",
                  prefix="register.xml#$1", sources=_witnesses("Wa", "Va") + '<bibl>A copy, <pb n="1"/>page one</bibl>'),
    "b.xml": _tei("b", """<p xml:id="x"><persName ref="psn:stalin">Stalin</persName> in b;
<ref target="#x">this paragraph</ref>; <app><lem wit="#W">word</lem><rdg wit="#V">ward</rdg></app>.</p>""",
                  prefix="register.xml#p-$1", sources=_witnesses("Wb", "Vb")),
    "c.xml": _tei("c", _tei("", '<p><persName ref="psn:stalin">Stalin</persName> in c1 <pb n="1"/>one</p>',
                            prefix="register.xml#p-$1")
                  + _tei("", '<p><persName ref="psn:stalin">Stalin</persName> in c2 <pb n="1"/>one</p>'),
                  prefix="register.xml#$1", root="teiCorpus"),
    "register.xml": _tei("register", """<listPerson><person xml:id="stalin"><persName>Joseph Stalin</persName></person>
<person xml:id="p-stalin"><persName>Another Stalin</persName></person></listPerson>"""),
}


def test_each_text_resolves_its_own_prefixes_ids_and_witnesses(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, xml in _TWO_TEXTS.items():
        (src / name).write_text(xml, encoding="utf-8")
    run([src], tmp_path / "out", html=True, pdf=False, search=False)
    site = tmp_path / "out" / "html"
    a, b, c = (lxml.html.parse(str(site / "texts" / f"{k}.html")).getroot() for k in "abc")

    def persons(html):
        return html.xpath("//main//a[@data-tei='persName']/@href")

    # each pointer by the prefixDef of its own header; a corpus member's first, then the corpus's
    assert persons(a) == ["../registers/persons.html#stalin"]
    assert persons(b) == ["../registers/persons.html#p-stalin"]
    assert persons(c) == ["../registers/persons.html#p-stalin", "../registers/persons.html#stalin"]
    register = lxml.html.parse(str(site / "registers" / "persons.html")).getroot()
    for entry, texts in (("stalin", ["a", "c"]), ("p-stalin", ["b", "c"])):
        hrefs = register.get_element_by_id(entry).xpath(".//a[contains(@href,'../texts/')]/@href")
        assert sorted({h.split("/")[-1].split(".")[0] for h in hrefs}) == texts, entry

    # #x is an element of b only: a's pointers to it are text, b's own link stays, a's local one too
    assert not a.xpath("//a[@href='#x']") and a.xpath("//span[@title='#x'][.='see x']")
    assert a.xpath("//a[@href='#here']") and b.xpath("//a[@href='#x']")
    # the witnesses are those of the text's own header
    for html, own, other in ((a, "Wa", "Wb"), (b, "Wb", "Wa")):
        sigla = html.xpath("//section[@id='apparatus']//span[@class='sigla']/text()")
        assert own in sigla and other not in sigla

    # made ids: page number (with its edition), then a count for a number met again; name and ordinal.
    # A page break of the header (its source description, shown first) has an id of the header's own
    # and shifts no page of the text; a made id that an encoder's xml:id already has takes _tk.
    assert a.xpath("//span[contains(@class,'tei-pb')]/@id") == ["a-tkh-pb-1", "a-p-1", "a-p-1_2", "a-p-B-2", "a-tk-pb-1"]
    assert c.xpath("//span[contains(@class,'tei-pb')]/@id") == ["c-p-1", "c-p-1_2"]
    assert a.xpath("//ol[@class='notes']/li/@id") == ["a-tk-note-1", "a-tk-note-2_tk"]
    assert a.xpath("//a[@role='doc-noteref']/@href") == ["#a-tk-note-1", "#a-tk-note-2_tk"]
    assert a.xpath("//p[@id='a-tk-note-2']")
    assert _links_and_ids(site) == ([], [])

    # built alone, a's page has the same ids
    run([src / "a.xml"], tmp_path / "alone", html=True, pdf=False, search=False)
    assert _page_ids(tmp_path / "alone" / "html" / "texts" / "a.html") == \
        [i for i in _page_ids(site / "texts" / "a.html") if not i.startswith("card-")]


def test_quotations_and_plates_are_citable(site):
    html = lxml.html.parse(str(site / "texts" / "leninstalin.html")).getroot()
    quoted = html.get_element_by_id("leninstalin-p298")  # a paragraph of a block quotation
    assert quoted.xpath("ancestor::blockquote") and quoted.xpath("a[@class='pnum']")
    caption = html.get_element_by_id("leninstalin-h12")  # a plate's caption, which the register cites
    assert caption.tag == "figcaption" and "conversation between" in caption.text_content()
    works = (site / "registers" / "works.html").read_text(encoding="utf-8")
    assert "leninstalin.html#leninstalin\"" not in works


def test_a_quotation_with_a_source_is_a_q_with_the_texts_marks_and_a_link_to_the_work(site):
    html = lxml.html.parse(str(site / "texts" / "crimes.html")).getroot()
    para = html.get_element_by_id("crimes-p13")
    (q,) = para.xpath(".//q[@data-source='bib:pravda']")
    words = "It is clear why the bourgeoisie is paying him tens of thousands of dollars."
    assert q.text_content() == words
    text = para.text_content()
    assert text.count(words) == 1 and f"“{words}”" in text and "““" not in text and "””" not in text
    # a small link after the closing mark, which describes the quotation
    marker = q.getnext()
    assert q.tail == "”" and marker.tag == "a" and marker.get("class") == "quote-source"
    assert q.get("aria-describedby") == marker.get("id") and marker.get("aria-label") == "Source: Pravda"
    assert marker.get("href") == "../registers/works.html#pravda"
    works = lxml.html.parse(str(site / "registers" / "works.html")).getroot()
    assert works.get_element_by_id("pravda").xpath("string(h3)") == "Pravda"
    assert html.xpath("//div[@id='card-pravda']")  # the card the marker opens on focus


def test_a_quotation_from_a_citation_of_the_text_links_to_the_citation(site):
    html = lxml.html.parse(str(site / "texts" / "worldrev.html")).getroot()
    quotes = html.xpath("//q[@data-source='#worldrev-bibl1']")
    assert len(quotes) == 3
    for q in quotes:
        marker = html.get_element_by_id(q.get("aria-describedby"))
        assert marker.get("href") == "#worldrev-bibl1" and q.tail.startswith('"') and marker.getprevious() is q
        assert marker.get("aria-label") == "Source: Le Temps, March 24, 1936"
    bibl = html.get_element_by_id("worldrev-bibl1")
    assert bibl.get("data-tei") == "bibl" and bibl.text_content() == "Le Temps, March 24, 1936"
    # the words of a quotation are on the page once, between the marks of the text
    assert html.find(".//main").text_content().count('"Not to weep, not to laugh, but to understand."') == 1


def test_a_block_quotation_shows_its_source_on_a_line_under_it(site):
    html = lxml.html.parse(str(site / "texts" / "crimes.html")).getroot()
    for paragraph, href, label in [
            ("crimes-p7", "#crimes-bibl1", "November issue of The American magazine"),
            ("crimes-p20", "#crimes-bibl2", "Lenin and Stalin on the Soviet Constitution, pp.\u00a0146–147"),
            ("crimes-p25", "../registers/works.html#le-temps", "Le Temps")]:
        (block,) = html.get_element_by_id(paragraph).xpath("ancestor::blockquote")
        figure = block.getparent()
        (caption,) = figure.xpath("figcaption")
        assert figure.tag == "figure" and block.get("aria-describedby") == caption.get("id")
        assert caption.text_content() == f"Source: {label}" and "Source" not in block.text_content()
        assert caption.xpath("a/@href") == [href]
        if href.startswith("#"):
            assert html.get_element_by_id(href[1:]).get("data-tei") == "bibl"


def test_the_works_register_lists_the_quotations_apart_from_the_mentions(site):
    works = lxml.html.parse(str(site / "registers" / "works.html")).getroot()
    pravda = works.get_element_by_id("pravda")
    quoted = pravda.xpath(".//ul[@class='quotations']//a/@href")
    assert {"../texts/crimes.html#crimes-p13", "../texts/redbook.html#redbook-p11"} <= set(quoted)
    assert pravda.xpath("string(.//ul[@class='quotations']/li[1])").startswith("Quoted in ")
    # a block quotation is cited by its paragraphs; a citation in the text leads to its work
    magazine = works.get_element_by_id("american-magazine").xpath(".//ul[@class='quotations']//a[contains(@href,'#')]")
    assert [(a.get("href"), a.text_content()) for a in magazine] == [("../texts/crimes.html#crimes-p7", "¶ 7–8")]
    # each listed place holds a quotation of the work
    pages = {}
    for entry in works.xpath("//section[@class='entry'][.//ul[@class='quotations']]"):
        for href in entry.xpath(".//ul[@class='quotations']//a[contains(@href,'#')]/@href"):
            path, anchor = href.split("#")
            page = pages.setdefault(path, lxml.html.parse(str(site / "registers" / path)).getroot())
            held = page.get_element_by_id(anchor).xpath("descendant-or-self::*[@data-source] | ancestor::*[@data-source]")
            assert held, f"{entry.get('id')}: {href}"


def test_a_mention_in_a_note_nested_in_a_note_leads_to_the_note_it_names(site):
    # Sedov's notes f and g are the editors' notes inside his note 76
    pages = {}
    checked = set()
    for kind in ("persons", "places", "organisations", "works"):
        register = lxml.html.parse(str(site / "registers" / f"{kind}.html")).getroot()
        for a in register.xpath("//ul[@class='mentions']//a[starts-with(., 'note ')]"):
            path, anchor = a.get("href").split("#")
            page = pages.setdefault(path, lxml.html.parse(str(site / "registers" / path)).getroot())
            label = page.get_element_by_id(anchor).xpath("string(a[@class='backref']/span[@class='label-edited'])")
            assert f"note {label}" == a.text_content(), f"{kind}: {a.get('href')}"
            checked.add(a.get("href"))
    assert {"../texts/redbook.html#redbook-n10", "../texts/redbook.html#redbook-n11"} <= checked


_DANGLING = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t"><teiHeader><fileDesc>
<titleStmt><title>Quotations</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
<sourceDesc><bibl xml:id="hb">The header's source &lt;b&gt;</bibl></sourceDesc></fileDesc>
<encodingDesc><listPrefixDef><prefixDef ident="bib" matchPattern="([a-z0-9-]+)" replacementPattern="register.xml#$1"/>
</listPrefixDef></encodingDesc></teiHeader><text><body>
<p>Known: “<quote source="bib:known">a known work</quote>”; unknown: “<quote source="bib:unknown">an unknown work</quote>”;
missing: “<quote source="#nowhere">nowhere</quote>”; elsewhere: “<quote source="TEI-ListBibl.xml#b1">elsewhere</quote>”;
header: “<quote source="#hb">the header</quote>”; script: “<quote source="javascript:alert(1)">no script</quote>”;
French: « <quote xml:lang="fr" source="#b1">une citation</quote> » (<bibl xml:id="b1">Le &lt;script&gt;alert(2)&lt;/script&gt;
Journal</bibl>). In a link: <ref target="https://example.org/">“<quote source="#b1">a quote</quote>”</ref>.</p>
<quote rend="block" source="#nowhere bib:known"><p>A block from nowhere.</p></quote>
<cit><quote source="#b2">Cited.</quote><bibl xml:id="b2">Its own bibl</bibl></cit>
</body></text></TEI>"""

_REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="register"><teiHeader><fileDesc>
<titleStmt><title>Register</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
<sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader><text><body>
<listPerson><person xml:id="someone"><persName>Someone</persName></person></listPerson>
<listBibl><bibl xml:id="known"><title>The Known Work</title></bibl></listBibl></body></text></TEI>"""


def test_a_quotation_source_that_leads_nowhere_is_text_and_no_link(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "t.xml").write_text(_DANGLING, encoding="utf-8")
    (tmp_path / "src" / "register.xml").write_text(_REGISTER, encoding="utf-8")
    run([tmp_path / "src"], tmp_path / "out", html=True, pdf=False, search=False)
    site = tmp_path / "out" / "html"
    raw = (site / "texts" / "t.html").read_text(encoding="utf-8")
    html = lxml.html.fromstring(raw)

    def quote(source):
        q = [q for q in html.xpath("//q") if q.get("data-source") == source][0]
        return q, html.get_element_by_id(q.get("aria-describedby"))

    for source in ("bib:unknown", "#nowhere", "TEI-ListBibl.xml#b1", "javascript:alert(1)"):
        q, description = quote(source)
        assert q.get("title") == description.text_content() == f"Source: {source}"
        assert description.tag == "span" and description.get("hidden") is not None
    assert not [h for h in html.xpath("//a/@href") if re.search("nowhere|TEI-ListBibl|unknown|javascript", h)]
    q, description = quote("#hb")  # a citation of the header, which the page shows without its id
    assert description.tag == "span" and q.get("title") == "Source: The header's source <b>"
    q, marker = quote("bib:known")
    assert marker.get("href") == "../registers/works.html#known"
    q, marker = quote("#b1")
    assert q.get("lang") == "fr" and marker.get("href") == "#b1" and q.tail == " »"
    assert "<script>alert(2)" not in raw and "&lt;script&gt;alert(2)" in raw
    # no link inside a link: the source of a quotation within one is text
    (linked,) = html.xpath("//a[@href='https://example.org/']")
    assert not linked.xpath(".//a") and linked.xpath(".//span[@hidden]")
    (caption,) = html.xpath("//figure[@class='quotation']/figcaption")
    assert caption.text_content() == "Source: #nowhere; The Known Work"
    assert caption.xpath("a/@href") == ["../registers/works.html#known"]
    # the quotation of a cit has its bibl as caption already
    (cited,) = html.xpath("//figure[@data-tei='cit']/q")
    assert cited.get("aria-describedby") is None and "Its own bibl" in cited.getparent().text_content()
    assert _links_and_ids(site) == ([], [])


def test_the_principles_are_valid_html(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<p\b[^>]*>(?:(?!</p>).)*<(?:ul|ol|table)\b", home, re.S)
    # markup the principles cite is code, as written
    assert '<code class="tei-code" data-tei="code">resp="#serge-ed"</code>' in home


def test_a_critical_apparatus_renders_with_sigla(foreign_site):
    html = lxml.html.parse(str(foreign_site / "texts" / "pta-homilia-de-sancta-dominica.html")).getroot()
    entries = [li.text_content() for li in html.xpath("//section[contains(@class,'apparatus')]//li")]
    assert entries and any("]" in e for e in entries)
    # a reading, its witnesses and the editors' mark are separate words
    assert any(" E S; " in e and " P; " in e and " X; Korrigiert X?" in e for e in entries), entries[:3]
    assert any("Bibeltext in Jos ed. (correction)" in e for e in entries)
    assert html.xpath("//select[contains(@class,'witness-select')]/option[@value!='']")
    # the sigla are explained with the page's metadata, and the readings carry their language
    witnesses = html.xpath("//ul[@class='witnesses']/li")
    assert len(witnesses) >= 4 and "Scorialensis" in " ".join(w.text_content() for w in witnesses)
    assert html.xpath("//ol[@class='apparatus']/li[@lang='grc']")


# ------------------------------------------------------------------ in the browser

def pages_of(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_loads_without_console_errors(site, url, page):
    for rel in pages_of(site):
        page.errors.clear()
        page.goto(f"{url}/{rel}")
        page.wait_for_load_state("load")
        assert page.errors == [], f"{rel}: {page.errors}"


def test_the_switch_shows_the_source_readings(url, page):
    page.goto(f"{url}/texts/leninstalin.html")
    entry = page.locator(".app-entry", has=page.locator(".source", has_text="RltsSian")).first
    assert entry.locator(".reading").inner_text() == "Russian"
    assert not entry.locator(".source").is_visible()
    page.locator("button.view-toggle").click()
    assert entry.locator(".source").is_visible() and entry.locator(".source").inner_text() == "RltsSian"
    assert not entry.locator(".reading").is_visible()
    assert page.locator("button.view-toggle").get_attribute("aria-pressed") == "true"
    page.locator("button.view-toggle").click()
    assert entry.locator(".reading").is_visible()


def test_a_note_marker_shows_its_note(url, page):
    page.goto(f"{url}/texts/leninstalin.html")
    marker = page.locator("a.note-ref").first
    note_id = marker.get_attribute("data-note")
    expected = page.locator(f"#{note_id} .note-body").inner_text().strip()
    marker.click()
    popup = page.locator(".note-popup")
    assert popup.is_visible() and expected[:40] in popup.inner_text()
    assert page.evaluate("""() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
                                    return ids.length - new Set(ids).size; }""") == 0  # the copy has no ids
    page.keyboard.press("Escape")
    assert page.locator(".note-popup").count() == 0


def test_a_register_mention_lands_on_its_paragraph(url, page):
    page.goto(f"{url}/registers/persons.html")
    link = page.locator("#tukhachevsky .mentions a[href*='leninstalin.html#']").first
    link.click()
    page.wait_for_load_state("load")
    target = page.url.split("#", 1)[1]
    assert page.locator(f"[id='{target}']").inner_text().count("Tukhachevsky") >= 1
    assert page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top") < 900


def test_search_finds_the_text_that_names_tukhachevsky(url, page):
    page.goto(f"{url}/search.html")
    page.wait_for_load_state("load")
    field = page.locator(".pagefind-ui__search-input")
    if field.count() == 0:  # name the cause rather than time out on a missing field
        pytest.fail(f"no search field; PagefindUI is {page.evaluate('typeof PagefindUI')}, "
                    f"errors: {page.errors}, #search holds: {page.inner_html('#search')[:300]}")
    field.fill("Tukhachevsky")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
    # his register entry comes first (its words are few), then the passages
    assert "registers/persons.html#tukhachevsky" in page.locator(".pagefind-ui__result-link").first.get_attribute("href")
    result = page.locator(".pagefind-ui__result-link[href*='texts/']").first
    result.click()
    page.wait_for_load_state("load")
    assert "Tukhachevsky" in page.locator("main").inner_text()


@pytest.mark.parametrize("word,where", [("Flerovsky", "note"), ("Chkheidze", "¶")])
def test_search_finds_words_of_notes_and_block_quotations(url, page, word, where):
    page.goto(f"{url}/search.html")
    page.wait_for_load_state("load")
    page.locator(".pagefind-ui__search-input").fill(word)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
    result = page.locator(".pagefind-ui__result-link[href*='texts/']").first  # after his register entry
    assert "leninstalin.html#" in result.get_attribute("href") and where in result.inner_text()


def test_a_quotation_shows_the_marks_of_the_text_only_and_its_source_by_keyboard(url, page):
    from playwright.sync_api import expect
    page.goto(f"{url}/texts/crimes.html")
    q = page.locator("#crimes-p13 q[data-source='bib:pravda']")
    # the browser adds no marks of its own: those of the text are there already
    assert q.evaluate("e => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::after').content]") \
        == ["none", "none"]
    expect(q).to_have_accessible_description("Source: Pravda")
    marker = page.locator("#crimes-p13 a.quote-source")
    marker.focus()
    assert page.locator("#card-pravda").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/registers/works.html#pravda")
    assert page.locator("#pravda h3").inner_text() == "Pravda"


def test_a_quotation_source_is_followed_without_javascript(browser, url):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{url}/texts/worldrev.html")
    pg.locator("q[data-source='#worldrev-bibl1'] + a.quote-source").first.click()
    assert pg.url.endswith("#worldrev-bibl1")
    assert pg.evaluate("document.querySelector(':target').dataset.tei") == "bibl"
    assert pg.evaluate("document.querySelector(':target').getBoundingClientRect().top") < 720
    context.close()


def test_the_search_page_says_so_when_its_index_cannot_load(url, page):
    page.route("**/pagefind-ui.js", lambda route: route.abort())
    page.goto(f"{url}/search.html")
    page.wait_for_load_state("load")
    assert "could not be loaded" in page.locator("#search [role=alert]").inner_text()


def test_a_name_has_a_card_on_focus(url, page):
    page.goto(f"{url}/texts/leninstalin.html")
    name = page.locator("a[data-entry='trotsky']").first
    name.focus()
    card = page.locator("#card-trotsky")
    assert card.is_visible() and "1879" in card.inner_text()


@pytest.mark.parametrize("rel", ["index.html", "texts/leninstalin.html", "texts/redbook.html",
                                 "registers/persons.html", "search.html", "docs/lint-rules.html"])
def test_no_serious_accessibility_violations(url, page, rel):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    page.goto(f"{url}/{rel}")
    page.wait_for_load_state("load")
    violations = axe.Axe().run(page).response["violations"]
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], bad


def test_the_pages_work_on_a_phone(url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    widths = {}
    for rel in ("texts/leninstalin.html", "index.html", "registers/persons.html", "search.html",
                "docs/guidelines.html", "docs/lint-rules.html"):
        pg.goto(f"{url}/{rel}")
        widths[rel] = pg.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert all(w <= 375 + 1 for w in widths.values()), widths  # no horizontal scrolling


def test_on_a_phone_only_a_block_with_line_numbers_makes_room_for_them(url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    pg.goto(f"{url}/texts/leninstalin.html")
    left = "e => e.getBoundingClientRect().left"
    text, first = pg.eval_on_selector(".reading-text", left), pg.eval_on_selector("#leninstalin-p9", left)
    assert first - text < 2, (text, first)  # Serge's prose keeps the whole width
    poem = pg.locator("blockquote:has(.lnum)")
    # the number is drawn (::before) from the left of the block that positions it: the poem, whose left
    # padding must hold it
    box = poem.evaluate("""e => { const s = getComputedStyle(e), n = e.querySelector('.lnum'),
                                        drawn = getComputedStyle(n, '::before');
        return { positions: n.offsetParent === e, padding: parseFloat(s.paddingLeft),
                 left: parseFloat(drawn.left), width: parseFloat(drawn.width) }; }""")
    assert box["positions"] and box["padding"] > 20, box
    assert 0 <= box["left"] and box["left"] + box["width"] <= box["padding"], box
    line = pg.locator(".tei-l:has(.lnum)").first.evaluate(left)
    assert 0 <= poem.evaluate(left) <= line - 20, (poem.evaluate(left), line)  # the number fits before the line
    context.close()


def _colour(page, selector: str) -> tuple[int, ...]:
    rgb = page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).backgroundColor")
    return tuple(int(x) for x in re.findall(r"\d+", rgb)[:3])


def test_a_register_entry_and_a_page_opened_by_their_address_are_marked_apart_from_the_source_view(url, page):
    page.goto(f"{url}/registers/persons.html#vyshinsky")
    target = _colour(page, "section.entry#vyshinsky")
    assert target != (0, 0, 0) and target != _colour(page, "section.entry:not(:target)")
    page.goto(f"{url}/texts/leninstalin.html#leninstalin-p-30")
    assert _colour(page, "#leninstalin-p-30 > .page-label") == target
    page.locator("button.view-toggle").click()
    source = _colour(page, ".tei-choice > .source")
    # the source's readings are tinted unlike a landing place: apart in hue, not only a shade
    assert max(abs(a - b) for a, b in zip(source, target)) > 40, (source, target)


def test_back_links_are_named_apart(site):
    html = lxml.html.parse(str(site / "texts" / "leninstalin.html")).getroot()
    names = html.xpath("//a[@class='backref']/@aria-label")
    assert "Back to note 1 in the text" in names
    assert "¶ 10, back to apparatus entry 16 in the text" in names or any(
        n.startswith("¶ 10, back to apparatus entry") for n in names), names[:5]
    assert len(set(names)) == len(names), [n for n, c in Counter(names).items() if c > 1][:5]
    for a in html.xpath("//a[@class='backref']"):  # the name holds what the link shows (the edited label)
        shown = a.xpath("string(span[@class='label-edited'])") or a.text_content()
        assert shown.strip() in a.get("aria-label"), (shown, a.get("aria-label"))


def test_the_home_page_lists_the_texts_in_the_order_written_with_sources_titles_in_italics(site):
    html = lxml.html.parse(str(site / "index.html")).getroot()
    rows = html.xpath("//table[@class='texts']/tbody/tr")
    assert [r.xpath("string(th/a/@href)") for r in rows] == [
        "texts/redbook.html", "texts/leninstalin.html", "texts/crimes.html", "texts/offensive.html",
        "texts/worldrev.html"]
    assert rows[1].xpath("string(td[@data-label='Source']/cite)") == "From Lenin to Stalin"
    principles = html.xpath("//section[@id='principles']/details/summary/text()")
    assert principles[0] == "The Red Book on the Moscow Trial"


def test_on_a_phone_the_texts_table_and_the_registers_letters_fit_a_finger(url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    pg.goto(f"{url}/index.html")
    th = pg.evaluate("""() => { const th = document.querySelector('table.texts tbody th'), s = getComputedStyle(th);
        return [s.paddingLeft, s.borderBottomWidth]; }""")
    assert th == ["0px", "0px"], th
    pg.goto(f"{url}/registers/persons.html")
    sizes = pg.evaluate("[...document.querySelectorAll('nav.letters a')].map(a => a.getBoundingClientRect()).map(r => [r.width, r.height])")
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes
    context.close()


def test_print_stylesheet_is_linked(site):
    page = (site / "texts" / "redbook.html").read_text(encoding="utf-8")
    assert 'media="print"' in page and (site / "assets" / "print.css").stat().st_size > 0


def test_print_media_hides_the_site_navigation(url, page):
    page.goto(f"{url}/texts/redbook.html")
    page.emulate_media(media="print")
    assert not page.locator("header.site nav").is_visible()
    assert page.locator(".reading-text").is_visible()


def test_print_shows_the_citation_and_download_addresses_once_and_in_full(url, page):
    page.goto(f"{url}/texts/redbook.html")
    page.emulate_media(media="print")
    after = lambda selector: page.evaluate(f"getComputedStyle(document.querySelector({selector!r}), '::after').content")
    assert after("a.cite-url") == "none"  # its text is the address already
    assert page.locator("a.cite-url").inner_text() == f"{url}/texts/redbook.html"
    assert after("a.download") == f'" <{url}/downloads/redbook.xml>"'


def _meta(html: lxml.html.HtmlElement, name: str) -> list[str]:
    return html.xpath(f"//head/meta[@name='{name}']/@content")


def test_a_text_page_carries_citation_metadata_for_reference_managers(site):
    html = lxml.html.parse(str(site / "texts" / "crimes.html")).getroot()
    assert _meta(html, "citation_title") == _meta(html, "DC.title") == [
        "Latest Lies About the Moscow Trials Serve Stalin’s New Diplomatic Needs"]
    assert _meta(html, "citation_author") == _meta(html, "DC.creator") == ["The editors of The Militant", "Leon Trotsky"]
    assert _meta(html, "DCTERMS.created") == ["1937-07-05"]  # the first date of the text's creation
    assert _meta(html, "citation_publication_date") == ["2026"]
    assert _meta(html, "DC.rights") == ["https://creativecommons.org/licenses/by-sa/4.0/"]
    assert _meta(html, "DC.source")[0].startswith("The Militant, Vol. V No. 46, 15 November 1941")
    assert "Leon Trotsky: Latest Lies" in _meta(html, "description")[0]
    home = lxml.html.parse(str(site / "index.html")).getroot()
    assert _meta(home, "description") == ["Stalinism and the Moscow Trials. A digital edition of 5 texts in TEI P5, with "
                                          "apparatus, notes, registers and search, edited by the teikit editors."]
    # the TEI (and the PDF when it was built) are alternates; without a public address no canonical link
    assert html.xpath("//head/link[@rel='alternate'][@type='application/tei+xml']/@href") == ["../downloads/crimes.xml"]
    assert (site / "downloads" / "crimes.xml").is_file()
    assert not html.xpath("//head/link[@rel='canonical']") and not _meta(html, "citation_public_url")


def test_the_public_address_makes_the_canonical_link_and_citation_urls(tmp_path):
    (tmp_path / "t.xml").write_text(_tei("t", "<p>Text.</p>"), encoding="utf-8")
    run([tmp_path / "t.xml"], tmp_path / "out", html=True, pdf=False, search=False,
        settings={"base-url": "https://example.org/edition"})  # no trailing slash: the folder is meant
    html = lxml.html.parse(str(tmp_path / "out" / "html" / "texts" / "t.html")).getroot()
    assert html.xpath("//head/link[@rel='canonical']/@href") == ["https://example.org/edition/texts/t.html"]
    assert _meta(html, "citation_public_url") == _meta(html, "DC.identifier") == ["https://example.org/edition/texts/t.html"]
    assert html.xpath("//a[@class='cite-url']/@href") == ["https://example.org/edition/texts/t.html"]
    assert html.xpath("//a[@class='download']/@data-address") == ["https://example.org/edition/downloads/t.xml"]
    # no title nor editors configured: the citation names neither (it read "in TEI edition, ed. , …")
    assert _meta(html, "description") == ["Text t."]
    assert html.xpath("string(//dd[@class='citation'])").startswith("“Text t”, https://")


@pytest.mark.parametrize("keys,name", [(["t"], "Text t"), (["t", "u"], "Edition")])
def test_without_an_edition_title_the_site_is_named_by_its_one_text_or_plainly(tmp_path, keys, name):
    """The default's placeholder, "TEI edition", named no edition in the pages' titles, header and footer."""
    for key in keys:
        (tmp_path / f"{key}.xml").write_text(_tei(key, "<p>Text.</p>"), encoding="utf-8")
    run([tmp_path / f"{key}.xml" for key in keys], tmp_path / "out", html=True, pdf=False, search=False)
    site = tmp_path / "out" / "html"
    pages = [p for p in site.rglob("*.html") if "docs" not in p.parts]
    assert pages and not [p.name for p in pages if "TEI edition" in p.read_text(encoding="utf-8")]
    home = lxml.html.parse(str(site / "index.html")).getroot()
    assert home.findtext(".//title") == f"Home · {name}"
    assert home.xpath("normalize-space(//header//p[@class='site-title'])") == name
    assert home.xpath("normalize-space(//h1)") == name
    assert home.xpath("normalize-space(//footer)").startswith(f"{name}. Encoded in TEI P5")
    text = lxml.html.parse(str(site / "texts" / "t.html")).getroot()
    # a text that names the site is not named twice
    assert text.findtext(".//title") == ("Text t" if name == "Text t" else "Text t · Edition")
    assert text.xpath("string(//dd[@class='citation'])").startswith("“Text t”, ")  # in no edition (81062da)


def test_downloaded_tei_finds_its_schema_in_the_site_and_is_valid_against_it(site):
    from lxml import etree
    downloads = sorted((site / "downloads").glob("*.xml"))
    assert len(downloads) == 6  # five texts and the register
    for f in downloads:
        doc = etree.parse(str(f))
        models = [pi for pi in doc.xpath("/processing-instruction('xml-model')")]
        assert len(models) == 2, f.name
        for pi in models:
            schema_file = (f.parent / pi.get("href")).resolve()
            assert schema_file.is_file() and schema_file.parent == (site / "schema").resolve(), (f.name, pi.get("href"))
        rng = etree.RelaxNG(etree.parse(str(site / "schema" / "edition.rng")))
        assert rng.validate(doc), (f.name, rng.error_log.last_error)


def test_right_to_left_passages_and_texts_carry_their_direction(tmp_path):
    latex_fixtures = FIXTURES / "latex"
    run([latex_fixtures / "hebrew.xml", latex_fixtures / "scripts.xml"], tmp_path, html=True, pdf=False, search=False)
    hebrew = lxml.html.parse(str(tmp_path / "html" / "texts" / "hebrew.html")).getroot()
    assert hebrew.xpath("//div[@class='reading-text']/@dir") == ["rtl"]
    # the page's interface is English; the text's language stands on the text
    assert hebrew.get("lang") == "en" and hebrew.xpath("//div[@class='reading-text']/@lang") == ["he"]
    assert hebrew.xpath("//span[@data-tei='foreign'][@lang='en']/@dir") == ["ltr"]  # English inside Hebrew
    assert hebrew.xpath("//div[@class='note-body']/@lang") == ["en"] and not hebrew.xpath("//div[@class='note-body']/@dir")
    assert hebrew.xpath("//li[@data-tei='choice']/@dir") == ["rtl"]  # the apparatus entry
    scripts = lxml.html.parse(str(tmp_path / "html" / "texts" / "scripts.html")).getroot()
    assert not scripts.xpath("//div[@class='reading-text']/@dir")
    assert {s.get("lang"): s.get("dir") for s in scripts.xpath("//span[@data-tei='foreign']")} == {
        "ru": None, "he": "rtl", "ar": "rtl", "zh": None, "sa": None}


def test_a_witness_shows_its_own_text_through_nested_variants(browser, tmp_path):
    wits = ''.join(f'<witness xml:id="{w}"><abbr type="siglum">{w}</abbr>witness {w}</witness>' for w in "ABC")
    src = tmp_path / "nested.xml"
    src.write_text(_tei("nested", '<p>Start <app><lem wit="#A #B">outer <app><lem wit="#A">inner-a</lem>'
                                  '<rdg wit="#B">inner-b</rdg></app> end</lem><rdg wit="#C">other</rdg></app>.</p>',
                        sources=f"<listWit>{wits}</listWit>"), encoding="utf-8")
    run([src], tmp_path / "out", html=True, pdf=False, search=False)
    server, base = serve(tmp_path / "out" / "html")
    pg = browser.new_page()
    try:
        pg.goto(f"{base}/texts/nested.html")
        shown = {}
        for wit in ("#A", "#B", "#C", ""):
            pg.select_option("select.witness-select", wit)
            shown[wit] = " ".join(pg.locator(".reading-text p").inner_text().split()).removeprefix("1 ")  # ¶ number
    finally:
        pg.close()
        server.shutdown()
        server.server_close()
    assert shown == {"#A": "Start outer inner-a end.", "#B": "Start outer inner-b end.", "#C": "Start other.",
                     "": "Start outer inner-a end."}, shown


def test_a_names_card_can_be_reached_by_pointer_and_keyboard_and_closed_with_escape(url, page):
    page.goto(f"{url}/texts/leninstalin.html")
    name = page.locator("a[data-entry='trotsky']").first
    card = page.locator("#card-trotsky")
    name.hover()
    box = card.bounding_box()
    page.mouse.move(box["x"] + 10, box["y"] + box["height"] - 8, steps=4)  # from the name onto the card
    page.wait_for_timeout(500)
    assert card.is_visible()
    page.mouse.move(2, 2)
    page.wait_for_timeout(500)
    assert not card.is_visible()
    name.focus()
    page.keyboard.press("Tab")  # into the card: its authority link
    assert page.evaluate("document.activeElement.href") == "https://www.wikidata.org/wiki/Q33391"
    assert card.is_visible()
    page.keyboard.press("Escape")
    assert not card.is_visible() and page.evaluate("document.activeElement.dataset.entry") == "trotsky"


def test_a_note_closes_on_a_click_elsewhere_and_tab_goes_on_into_the_text(url, page):
    page.goto(f"{url}/texts/leninstalin.html")
    marker = page.locator("a.note-ref").first
    marker.click()
    popup = page.locator(".note-popup")
    assert popup.is_visible()
    page.mouse.click(3, 300)
    assert popup.count() == 0
    marker.click()
    for _ in range(popup.locator("a, button").count()):
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the note's last link: the text after the marker, not the end of the page
    after = page.evaluate("document.activeElement.compareDocumentPosition(document.querySelector('a.note-ref'))")
    assert after & 2 and page.evaluate("document.activeElement.closest('.reading-text') !== null")


def test_a_note_closes_when_focus_leaves_it_and_once_in_the_notes_is_followed(url, page):
    page.goto(f"{url}/texts/leninstalin.html")
    marker = page.locator("a.note-ref").first
    popup = page.locator(".note-popup")
    marker.click()
    inside = "document.activeElement.closest('.note-popup') !== null"
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # within the note (its name cards open inside it): it stays open
    assert popup.count() == 1 and page.evaluate(inside)
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(inside):
            break
        assert popup.count() == 1
    assert popup.count() == 0  # past its last link, into the text
    assert marker.get_attribute("aria-expanded") == "false"
    marker.click()
    popup.locator("a", has_text="In the notes").click()
    page.wait_for_function("location.hash.length > 1")
    assert popup.count() == 0
    note = page.url.split("#", 1)[1]
    assert note == marker.get_attribute("data-note")


def _fixture_page(tmp_path: Path, name: str) -> lxml.html.HtmlElement:
    """A print fixture's web page, once every word of its text is found there."""
    src = FIXTURES / "latex" / f"{name}.xml"
    run([src], tmp_path, html=True, pdf=False, search=False)
    page = tmp_path / "html" / "texts" / f"{name}.html"
    assert not reading_words(parse(src).root) - page_words(page)
    return lxml.html.parse(str(page)).getroot()


def test_readings_of_every_shape_read_one_and_list_the_others(tmp_path):
    html = _fixture_page(tmp_path, "structures")
    for hidden in html.xpath("//*[@hidden]"):
        hidden.getparent().remove(hidden)
    shown = " ".join(html.xpath("//div[contains(@class,'reading-text')]")[0].text_content().split())
    for expected in ["Grouped: colour matters.", "Alternatives: the hand, the end, four ways.",
                     "Nested: the lemma;", "Pointers: see note 3 and Readings.", "Bookauthor Booktitle Bookplace 1901",
                     "A fallback paragraph stands in for the part."]:
        assert expected in shown, (expected, shown)
    entries = [" ".join(li.text_content().split()) for li in html.xpath("//ol[@class='apparatus']/li")]
    for expected in ["colour] color; hue", "hand] band", "the] ye; thee", "four] foure; fowre; fower",
                     "the lemma] other reading", "the] teh", "lemword] rdgword [A note in a variant.]"]:
        assert any(e.endswith(expected) for e in entries), (expected, entries)
    # an encoder's id the page uses for itself (notes) is kept apart: no id twice
    ids = html.xpath("//@id")
    assert len(ids) == len(set(ids)) and "notes-tei" in ids and html.xpath("//section[@id='notes']")
    # the note in a variant is the apparatus entry's, not one of the notes with a marker in the text
    notes = " ".join(html.xpath("//section[@id='notes']//text()"))
    assert "A note in the lemma." in notes and "A note in a variant." not in notes
    # the source numbers two of its notes (1, 2) and marks two others (a, b): the edited labels run
    # through all four, so that none is given twice; the source view keeps the printed marks.  The
    # endnote the text points to ("see note 3") is opened from the pointer, and has no marker of its own
    edited = html.xpath("//a[contains(@class,'note-ref')]/span[@class='label-edited']/text()")
    source = html.xpath("//a[contains(@class,'note-ref')]/span[@class='label-source']/text()")
    assert (edited, source) == (["1", "2", "4"], ["a", "b", "2"])
    pointer = html.xpath("//a[contains(@class,'note-pointer')]")[0]
    assert pointer.text_content() == "note 3" and pointer.get("data-note") == "endnote-1"


def _pdf_links(site: Path) -> list[str]:
    page = lxml.html.parse(str(site / "texts" / "t.html")).getroot()
    home = lxml.html.parse(str(site / "index.html")).getroot()
    return [h for h in page.xpath("//a/@href") + home.xpath("//a/@href") if h.endswith(".pdf")]


def test_a_pdf_is_linked_only_when_it_is_newer_than_its_tei(tmp_path):
    import os
    tei = tmp_path / "t.xml"
    tei.write_text(_tei("t", "<p>Text.</p>"), encoding="utf-8")
    out = tmp_path / "out"
    # no PDF built: the links are left out, and the build says so once
    report = run([tei], out, html=True, pdf=False, search=False)
    assert _pdf_links(out / "html") == []
    assert [m for m in report.messages if "PDF" in m] == [
        f"warning: no PDF in {out / 'pdf'}: PDF links are left out; build with --pdf"]
    # a PDF built before the text last changed is stale: not copied, not linked, and said
    (out / "pdf").mkdir()
    pdf = out / "pdf" / "t.pdf"
    pdf.write_bytes(b"%PDF-1.5 stale")
    then = tei.stat().st_mtime - 60
    os.utime(pdf, (then, then))
    report = run([tei], out, html=True, pdf=False, search=False)
    assert "warning: t.pdf is older than t.xml: not linked; build with --pdf" in report.messages
    assert _pdf_links(out / "html") == [] and not (out / "html" / "downloads" / "t.pdf").exists()
    # built since: linked and copied
    os.utime(pdf, (then + 120, then + 120))
    report = run([tei], out, html=True, pdf=False, search=False)
    assert not [m for m in report.messages if "pdf" in m.lower()]
    assert _pdf_links(out / "html") == ["../downloads/t.pdf", "downloads/t.pdf"]  # the page, the home page
    assert (out / "html" / "downloads" / "t.pdf").read_bytes() == b"%PDF-1.5 stale"
    # the text edited again: the copy of the earlier build goes with its link
    os.utime(tei, (then + 240, then + 240))
    run([tei], out, html=True, pdf=False, search=False)
    assert _pdf_links(out / "html") == [] and not (out / "html" / "downloads" / "t.pdf").exists()


def test_a_pdf_older_than_the_register_is_not_linked(tmp_path):
    import os
    src = tmp_path / "src"
    src.mkdir()
    (src / "t.xml").write_text(_tei("t", "<p>Text.</p>"), encoding="utf-8")
    (src / "register.xml").write_text(_REGISTER, encoding="utf-8")
    (tmp_path / "out" / "pdf").mkdir(parents=True)
    pdf = tmp_path / "out" / "pdf" / "t.pdf"
    pdf.write_bytes(b"%PDF-1.5")
    when = (src / "t.xml").stat().st_mtime + 60
    os.utime(pdf, (when, when))
    os.utime(src / "register.xml", (when + 60, when + 60))
    report = run([src], tmp_path / "out", html=True, pdf=False, search=False)
    assert "warning: t.pdf is older than register.xml: not linked; build with --pdf" in report.messages
    assert _pdf_links(tmp_path / "out" / "html") == []


def test_the_build_reads_the_configuration_of_the_edition_it_is_given_from_any_folder(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from teikit.cli import main
    from teikit.config import load
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    # the edition's own pyproject from its tei/ folder; nothing given, nothing found from here
    assert load(inputs=[str(EDITION)]).source == EDITION.parent / "pyproject.toml"
    assert load().source is None
    project = tmp_path / "project"
    (project / "tei").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.teikit.build]\ntitle = "The Letters: A Test"\n'
                                            'editors = "A. Editor"\n', encoding="utf-8")
    (project / "tei" / "t.xml").write_text(_tei("t", "<p>Text.</p>"), encoding="utf-8")
    # a pyproject.toml without [tool.teikit] between the texts and the edition's is not the edition's
    (project / "tei" / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["build", "--html", "--no-search", str(project / "tei"), "--out", "x"])
    assert r.exit_code == 0, r.output
    home = lxml.html.parse(str(elsewhere / "x" / "html" / "index.html")).getroot()
    assert home.xpath("string(//h1)") == "The Letters: A Test"
    assert home.xpath("normalize-space(//p[@class='editors'])") == "Edited by A. Editor"


def _search(page, url, query=None):
    page.goto(f"{url}/search.html" + (f"?q={query}" if query else ""))
    page.wait_for_load_state("load")
    return page.locator(".pagefind-ui__search-input")


def test_a_heading_found_by_search_is_named_by_its_words(url, page):
    _search(page, url).fill("Supplementary notes")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert "From Lenin to Stalin, Supplementary notes (night of July 11)" in titles, titles
    assert not [t for t in titles if t.endswith(", head")], titles


@pytest.mark.parametrize("query", ["manoeuvres", "manœuvres"])
def test_search_finds_words_printed_with_a_ligature_and_shows_them_as_printed(url, page, query):
    _search(page, url).fill(query)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
    result = page.locator(".pagefind-ui__result").first
    excerpt = result.locator(".pagefind-ui__result-excerpt").inner_text()
    assert "manœuvres" in excerpt and "manoeuvres" not in excerpt, excerpt
    assert "ligatures" not in result.inner_text()  # the words to restore are not shown as a tag


@pytest.mark.parametrize("query,where,printed", [
    ("Vyshinsky", "redbook.html#redbook-p2", "its editors—Vyshinsky."),
    ("editors—Vyshinsky", "redbook.html#redbook-p2", "its editors—Vyshinsky."),
    ("Humanité", "crimes.html#crimes-p16", "But l’Humanité suspected"),
    ("l'Humanité", "crimes.html#crimes-p16", "But l’Humanité suspected"),
])
def test_search_finds_a_word_after_a_dash_or_an_elision_and_shows_it_as_printed(url, page, query, where, printed):
    _search(page, url).fill(query)
    results = _all_results(page)
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any(h.endswith(where) for h in hrefs), hrefs
    excerpt = results.nth([h.endswith(where) for h in hrefs].index(True)).locator(".pagefind-ui__result-excerpt")
    assert printed in excerpt.inner_text()


def _all_results(page):
    """Every result of the search, not only the first five Pagefind shows."""
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
    more = page.locator(".pagefind-ui__button")
    while more.count():
        shown = page.locator(".pagefind-ui__result").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.pagefind-ui__result').length > {shown}")
    page.wait_for_function("!document.querySelector('.pagefind-ui__result-title .pagefind-ui__loading')")
    return page.locator(".pagefind-ui__result")


def _hrefs(results) -> list[str]:
    return [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]


def test_search_finds_a_passage_by_a_register_form_it_does_not_print_and_shows_the_form_printed(url, page):
    """Crimes ¶ 18 prints "Vishinsky"; the register's entry also has "Vyshinsky" (and "Andrey")."""
    _search(page, url, "Vyshinsky")
    results = _all_results(page)
    hrefs = _hrefs(results)
    assert len(hrefs) == len(set(hrefs)), hrefs  # no passage found twice
    assert any(h.endswith("registers/persons.html#vyshinsky") for h in hrefs), hrefs
    assert any(h.endswith("redbook.html#redbook-p2") for h in hrefs), hrefs  # printed "Vyshinsky"
    found = results.nth([h.endswith("crimes.html#crimes-p18") for h in hrefs].index(True))
    excerpt = found.locator(".pagefind-ui__result-excerpt")
    # the passage's own words, the form it prints marked; no word of the register shown as the text's
    assert "All of Prosecutor Vishinsky’s subsequent formulas" in excerpt.inner_text()
    assert excerpt.locator("mark").all_inner_texts() == ["Vishinsky"]
    assert "Andrey" not in excerpt.inner_text() and "Vyshinsky" not in excerpt.inner_text()
    assert "Printed as: Vishinsky" in found.inner_text()
    assert found.locator(".pagefind-ui__result-link").inner_text().startswith("Latest Lies About the Moscow Trials")
    found.locator(".pagefind-ui__result-link").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/texts/crimes.html#crimes-p18")


def test_a_word_of_a_texts_title_finds_its_title_and_the_passages_that_print_it_not_every_passage(url, page):
    """Pagefind searches metadata too: the title each record carries must not find every passage of the text."""
    _search(page, url, "Offensive")
    results = _all_results(page)
    hrefs = _hrefs(results)
    assert any(h.endswith("texts/offensive.html#offensive-h1") for h in hrefs), hrefs
    in_the_text = [h for h in hrefs if "texts/offensive.html" in h]
    assert len(in_the_text) < 10, in_the_text  # of its 35 blocks, the heading and the two paragraphs that say it
    for result in (results.nth(i) for i in range(results.count())):  # each shows what it was found by
        assert result.locator(".pagefind-ui__result-excerpt mark").count(), result.inner_text()
    # the results are still named by their text's title
    paragraph = results.nth([h.endswith("offensive.html#offensive-p2") for h in hrefs].index(True))
    assert paragraph.locator(".pagefind-ui__result-link").inner_text() == \
        "It Is High Time To Launch a World Offensive Against Stalinism, ¶ 2"


def test_a_passage_found_by_its_own_words_and_a_register_form_shows_its_own_words_and_the_form_printed(url, page):
    """Crimes ¶ 18 prints "Prosecutor Vishinsky": its record holds "Vyshinsky" after its words, unshown."""
    _search(page, url, "Prosecutor Vyshinsky")
    results = _all_results(page)
    hrefs = _hrefs(results)
    found = results.nth([h.endswith("crimes.html#crimes-p18") for h in hrefs].index(True))
    excerpt = found.locator(".pagefind-ui__result-excerpt")
    assert "Prosecutor" in excerpt.locator("mark").all_inner_texts(), excerpt.inner_html()
    assert "Vyshinsky" not in excerpt.inner_text() and "\u2063" not in excerpt.inner_text()
    assert "Printed as: Vishinsky" in found.inner_text()


def test_passages_that_print_the_form_searched_come_before_those_that_print_another(url, page):
    _search(page, url, "Vyshinsky")
    results = _all_results(page)
    printed_as = [results.nth(i).locator(".pagefind-ui__result-tag", has_text="Printed as").count() > 0
                  for i in range(results.count())]
    assert True in printed_as and False in printed_as, printed_as
    # every result found only by a form it does not print comes after every other
    assert printed_as == sorted(printed_as), printed_as


def test_search_finds_a_register_entry_by_any_of_its_forms(url, page):
    _search(page, url, "Vishinsky")
    results = _all_results(page)
    hrefs = _hrefs(results)
    entry = results.nth([h.endswith("registers/persons.html#vyshinsky") for h in hrefs].index(True))
    assert "Printed as: Vyshinsky, Vishinsky" in entry.locator(".pagefind-ui__result-excerpt").inner_text()
    assert any(h.endswith("redbook.html#redbook-p2") for h in hrefs), hrefs  # prints the other form


def test_search_results_are_narrowed_to_the_passages_that_name_a_person(url, page):
    _search(page, url, "prosecutor")
    message = page.locator(".pagefind-ui__message")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
    before = int(message.inner_text().split()[0])
    page.locator("summary.pagefind-ui__filter-name", has_text="Person").click()
    page.locator("input[type=checkbox][id='person-Andrey Vyshinsky']").check()
    page.wait_for_function(f"!/^{before} /.test(document.querySelector('.pagefind-ui__message').textContent)")
    hrefs = _hrefs(_all_results(page))
    assert 0 < len(hrefs) < before
    for href in {h.split("#")[0] for h in hrefs}:  # each result's page names him
        assert "Vyshinsky" in page.request.get(url + href).text() or "Vishinsky" in page.request.get(url + href).text()


def test_search_records_part_words_joined_by_a_dash_or_an_elision_and_nothing_else():
    from teikit.build.search import words_apart
    assert words_apart("editors—Vyshinsky, 1917–1937, l’Humanité") == \
        "editors— \u2060Vyshinsky, 1917– \u20601937, l’ \u2060Humanité"
    assert words_apart("Stalin’s ‘word’ — a dash, a-b") == "Stalin’s ‘word’ — a dash, a-b"


def test_a_search_is_kept_in_its_address_and_back_returns_to_it(url, page):
    field = _search(page, url, "Tukhachevsky")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10000)
    assert field.input_value() == "Tukhachevsky"  # a linked search runs
    field.fill("Bukharin")
    page.wait_for_function("location.search === '?q=Bukharin'")
    page.wait_for_timeout(600)  # Pagefind's debounce: the results of the new query
    page.locator(".pagefind-ui__result-link[href*='texts/']").first.click()
    page.wait_for_load_state("load")
    assert "/texts/" in page.url
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith("search.html?q=Bukharin")
    assert page.locator(".pagefind-ui__search-input").input_value() == "Bukharin"
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)


@pytest.mark.parametrize("backref", ["ol.apparatus li a.backref", "ol.notes li.note a.backref"])
def test_back_to_the_text_lands_on_a_marked_place_clear_of_the_edge(url, page, backref):
    page.goto(f"{url}/texts/leninstalin.html")
    link = page.locator(backref).nth(2)
    target = link.get_attribute("href")[1:]
    link.click()
    page.wait_for_function(f"location.hash === '#{target}'")
    landed = page.evaluate("""id => { const e = document.getElementById(id), s = getComputedStyle(e);
        return { top: e.getBoundingClientRect().top, background: s.backgroundColor, target: e.matches(':target') }; }""",
                           target)
    assert landed["target"] and landed["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), landed
    assert 24 <= landed["top"] <= 200, landed  # not under the window's top edge


def test_the_documentation_pages_are_set_in_the_sites_frame(site):
    for name in ("guidelines.html", "lint-rules.html"):
        html = lxml.html.parse(str(site / "docs" / name)).getroot()
        assert len(html.xpath("//main")) == 1 and html.xpath("//main//h1"), name
        assert html.xpath("//header[@class='site']//a[@href='../index.html']"), name  # the way back
        assert html.xpath("//head/link[@rel='stylesheet']/@href")[0] == "../assets/edition.css" and not html.xpath("//style")
    guidelines = lxml.html.parse(str(site / "docs" / "guidelines.html")).getroot()
    tables = guidelines.xpath("//main//table")
    assert tables and all(t.getparent().get("class") == "table-scroll" and t.getparent().get("tabindex") == "0"
                          for t in tables)
    # on their own (output/docs) they have a main landmark too
    from teikit.lint.docs import rules_html
    assert len(lxml.html.fromstring(rules_html()).xpath("//main")) == 1


@pytest.mark.parametrize("rel", ["docs/guidelines.html", "docs/lint-rules.html"])
def test_the_documentation_pages_have_their_landmarks(url, page, rel):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    page.goto(f"{url}/{rel}")
    page.wait_for_load_state("load")
    violations = axe.Axe().run(page).response["violations"]
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in violations
           if v["impact"] in ("serious", "critical") or v["id"] in ("landmark-one-main", "region")]
    assert bad == [], bad


def _skipped_levels(page: Path) -> list[str]:
    """Headings that go more than one level deeper than the heading before them."""
    html = lxml.html.parse(str(page)).getroot()
    skipped, before = [], 1
    for h in html.xpath("//main//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"):
        level = int(h.tag[1])
        if level > before + 1:
            skipped.append(f"{page.name}: h{before} then {h.tag} {h.get('id')}")
        before = level
    return skipped


def test_headings_follow_the_nesting_the_page_shows_and_skip_no_level(site, foreign_site):
    html = lxml.html.parse(str(site / "texts" / "leninstalin.html")).getroot()
    notes = html.get_element_by_id("leninstalin-h29")  # in a document quoted in the chapter "Two documents"
    chapter = html.get_element_by_id("leninstalin-h28")
    assert int(notes.tag[1]) == int(chapter.tag[1]) + 1, (chapter.tag, notes.tag)
    pages = sorted((site / "texts").glob("*.html")) + sorted((foreign_site / "texts").glob("*.html"))
    assert [s for p in pages for s in _skipped_levels(p)] == []


def test_a_page_label_is_text_that_is_found_copied_and_explained(url, page):
    page.goto(f"{url}/texts/leninstalin.html")
    label = page.locator("#leninstalin-p-11 a.page-label")
    assert label.inner_text() == "[p. 11?]"
    assert "inferred" in label.get_attribute("title")  # what the ? means, where it is
    assert page.evaluate("window.find('[p. 11?]')")  # the browser's Find sees it
    # a page that begins inside a word (com|missar) is marked after it: the word stays whole
    assert page.evaluate("window.find('and commissar', false, false, true)")
    assert page.locator("#leninstalin-p-7 a.page-label").inner_text() == "[p. 7?]"
    copied = page.evaluate("""() => { const r = document.createRange(), p = document.getElementById('leninstalin-p-11');
        r.setStartBefore(p.previousSibling || p); r.setEndAfter(p.nextSibling || p);
        getSelection().removeAllRanges(); getSelection().addRange(r); return getSelection().toString(); }""")
    assert "[p. 11?]" in copied, copied
    # still in the margin on a wide screen, beside the text
    box, text = label.bounding_box(), page.locator(".reading-text").bounding_box()
    assert box["x"] >= text["x"] + text["width"], (box, text)


def test_a_corpus_shows_each_member_under_its_title(tmp_path):
    html = _fixture_page(tmp_path, "corpus")
    assert [h.text_content() for h in html.xpath("//*[contains(@class,'member-title')]")] == \
        ["Member One", "Member Two", "Subcorpus", "Member Three"]
    assert "First Author" in html.xpath("//p[@class='member-authors']")[0].text_content()
    labels = [a.text_content() for a in html.xpath("//section[@id='notes']//a[@class='backref']/span[@class='label-edited']")]
    assert labels == ["1", "2", "3"], labels


def test_the_navigation_marks_the_page_it_is_on(site):
    for rel, current in [("index.html", "index.html"), ("search.html", "search.html"),
                         ("registers/places.html", "../registers/places.html"),
                         ("docs/guidelines.html", "../docs/guidelines.html"), ("texts/crimes.html", None)]:
        html = lxml.html.parse(str(site / rel)).getroot()
        assert html.xpath("//header[@class='site']//a[@aria-current='page']/@href") == ([current] if current else []), rel


def test_the_view_switch_keeps_its_name_and_says_its_state_by_aria_pressed(url, page):
    from playwright.sync_api import expect
    page.goto(f"{url}/texts/leninstalin.html")
    switch = page.locator("button.view-toggle")
    for pressed in ("false", "true", "false"):
        expect(switch).to_have_accessible_name("Show the source readings")
        expect(switch).to_have_attribute("aria-pressed", pressed)
        assert page.evaluate("document.body.classList.contains('view-source')") == (pressed == "true")
        switch.click()


def test_the_view_is_kept_across_reloads_and_pages_and_within_reach_down_the_text(url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    pg.goto(f"{url}/texts/leninstalin.html#leninstalin-p9")
    switch = pg.locator("button.view-toggle")
    box = switch.bounding_box()  # ¶ 9 is thousands of pixels below the top: the switch is still in view
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 740, box
    assert pg.evaluate("document.getElementById('leninstalin-p9').getBoundingClientRect().top") >= box["y"] + box["height"]
    switch.click()
    for rel in ("texts/leninstalin.html", "texts/redbook.html"):
        pg.goto(f"{url}/{rel}")
        assert pg.evaluate("document.body.classList.contains('view-source')"), rel
        assert pg.locator("button.view-toggle").get_attribute("aria-pressed") == "true"
    pg.locator("button.view-toggle").click()
    pg.reload()
    assert not pg.evaluate("document.body.classList.contains('view-source')")
    context.close()


# ------------------------------------------------------------------ other projects' genres, in a browser

WEB_FIXTURES = FIXTURES / "web"


@pytest.fixture(scope="session")
def genres(tmp_path_factory):
    """The web fixtures (one genre or phenomenon each), built once and served."""
    out = tmp_path_factory.mktemp("genres")
    run([WEB_FIXTURES], out, html=True, pdf=False, search=False)
    server, base = serve(out / "html")
    yield base
    server.shutdown()
    server.server_close()


def _browser_words(page) -> Counter:
    """The words a reader sees in the page's main content: the edited view, then the source view (the
    apparatus and the notes are in both)."""
    seen = Counter(words(page.inner_text("main")))
    if page.locator("button.view-toggle").count():
        page.locator("button.view-toggle").click()
        seen |= Counter(words(page.inner_text("main")))
        page.locator("button.view-toggle").click()
    return seen


def _page_faults(page) -> list[str]:
    """Links to an anchor the page lacks, and ids given twice."""
    return page.evaluate("""() => {
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        const twice = ids.filter((id, i) => ids.indexOf(id) !== i).map(id => 'id twice: ' + id);
        const broken = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href'))
            .filter(h => h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1))))
            .map(h => 'no anchor: ' + h);
        return twice.concat(broken); }""")


def _key(path: Path) -> str:
    root = parse(path).root
    return re.sub(r"[^A-Za-z0-9]+", "-", root.get("{http://www.w3.org/XML/1998/namespace}id") or path.stem).strip("-").lower()


@pytest.mark.parametrize("path", sorted(WEB_FIXTURES.glob("*.xml")) + foreign_files(), ids=lambda p: p.stem)
def test_a_reader_sees_every_word_in_the_browser_and_the_page_works(path, browser, genres, tmp_path_factory, page):
    """Chromium's own rendering (inner_text), not the HTML source: a word hidden by a stylesheet, or lost
    where the browser ends a paragraph, counts as missing."""
    if path.parent == WEB_FIXTURES:
        base = genres
    else:
        base = _foreign_base(tmp_path_factory)
    page.goto(f"{base}/texts/{_key(path)}.html")
    page.wait_for_load_state("load")
    missing = reading_words(parse(path).root) - _browser_words(page)
    assert not missing, f"{path.name}: {sum(missing.values())} words missing, e.g. {list(missing)[:20]}"
    assert page.errors == [] and _page_faults(page) == [], (page.errors, _page_faults(page))


_FOREIGN_SERVED: dict[str, str] = {}


def _foreign_base(tmp_path_factory) -> str:
    if not foreign_files():
        pytest.skip(f"{FOREIGN} is absent")
    if "base" not in _FOREIGN_SERVED:
        out = tmp_path_factory.mktemp("foreign-served")
        run([FOREIGN], out, html=True, pdf=False, search=False)
        _FOREIGN_SERVED["base"] = serve(out / "html")[1]  # a daemon thread; it ends with the session
    return _FOREIGN_SERVED["base"]


def _pseudo(page, selector: str, which: str = "::before") -> str:
    return page.evaluate(f"getComputedStyle(document.querySelector({selector!r}), {which!r}).content")


def test_an_inscription_keeps_its_lines_numbers_and_leiden_marks(genres, page):
    page.goto(f"{genres}/texts/leiden.html")
    text = page.inner_text(".tei-div.type-edition .tei-ab")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    # the first break opens no empty line; the word across lines 4 and 5 stays whole in the text, for
    # Find and copying (so the text has five lines), and is drawn on two lines with a hyphen
    assert len(lines) == 5 and lines[0].startswith("Ἐπὶ") and "Δάφνις" in lines[3], lines
    assert page.evaluate("window.find('Δάφνις')")
    assert _pseudo(page, ".lb-in-word").startswith('"-\\a')
    halves = page.evaluate("""() => { const lb = document.querySelector('.lb-in-word');
        const r = document.createRange(); r.setStart(lb.previousSibling, lb.previousSibling.length - 2);
        r.setEnd(lb.nextSibling, 4); return [...r.getClientRects()].filter(b => b.width > 0).map(b => [b.left, b.top]); }""")
    assert len({round(top) for _, top in halves}) == 2, halves
    # line 5 is numbered in the margin, on its own line (which begins inside the word), left of the text
    number = page.evaluate("""() => { const s = getComputedStyle(document.querySelector(".lb-in-word[data-n='5']"), '::after');
        return [s.position, s.content]; }""")
    assert number[0] == "absolute" and "5" in number[1], number
    # Leiden: erasure, unresolved abbreviation, expansion, restored and omitted letters, vacat, doubt
    assert _pseudo(page, "del.rend-erasure") == '"⟦"'
    assert page.inner_text(".abbr-unresolved").endswith("(- - -)")  # a word of the page, as in print (tk:sign)
    assert _pseudo(page, ".tei-ex") == '"("'
    assert _pseudo(page, ".tei-supplied.reason-omitted") == '"⟨"' and _pseudo(page, ".tei-supplied.reason-lost") == '"["'
    assert "vac. 2" in text
    assert "dotted" in page.evaluate("getComputedStyle(document.querySelector('.tei-unclear')).textDecorationStyle")
    assert page.locator(".type-edition sub .tei-del").count() == 1
    # the parts of the edition are named; the apparatus comments on lines; its entries give the line
    heads = page.locator(".part-head").all_inner_texts()
    assert heads == ["Text", "Apparatus", "Translation (English)", "Translation (Italian)"], heads
    comments = [" ".join(t.split()) for t in page.locator(".app-comment").all_inner_texts()]
    assert comments == ["l. 3 On the bronze: ΖΩΠΤΡΟΥ.", "ll. 5–6 The sigma is lost at the edge."], comments
    assert page.locator("section#notes").count() == 0  # those comments are not notes at the end as well
    assert page.locator("ol.apparatus li a.backref").first.inner_text() == "l. 3"


def test_verse_lines_are_numbered_within_their_poem_and_indented_as_encoded(genres, page):
    page.goto(f"{genres}/texts/verse.html")
    shown = page.evaluate("""() => [...document.querySelectorAll('.tei-l .lnum')].map(n =>
        [n.dataset.n, n.closest('.tei-l').textContent.trim().split(' ')[0]])""")
    # counted anew in each poem, every fifth; the encoder's numbers where it gave them
    assert shown == [["5", "Fifth"], ["10", "tenth"], ["25", "twenty-five"]], shown
    # drawn in the margin, left of the line, on the line's own height
    where = page.evaluate("""() => { const n = document.querySelector('.tei-l .lnum'), l = n.closest('.tei-l');
        const s = getComputedStyle(n, '::before'), r = l.getBoundingClientRect(), box = n.getBoundingClientRect();
        return [s.position, s.content, r.left, r.top, box.top]; }""")
    assert where[0] == "absolute" and "5" in where[1] and abs(where[3] - where[4]) < 8, where
    indent = page.evaluate("""() => [...document.querySelectorAll('.tei-l')].map(l => getComputedStyle(l).paddingLeft)""")
    assert indent[2] != "0px" and indent[0] == "0px", indent


def test_an_endnote_opens_from_the_pointer_in_the_text(genres, page):
    page.goto(f"{genres}/texts/endnotes.html")
    pointer = page.locator("a.note-pointer", has_text="[1]")
    assert pointer.get_attribute("id") == "ref-footnote1"
    # no row of bare markers where the notes stand in the back; the orphan note keeps its marker
    assert page.locator(".tei-back a.note-ref").count() == 1
    pointer.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".note-popup")
    assert popup.is_visible() and "Nesh: tender" in popup.inner_text()
    page.keyboard.press("Escape")
    assert page.locator(".note-popup").count() == 0
    assert page.evaluate("document.activeElement.id") == "ref-footnote1"
    # an empty ptr touching the word before it is the note's marker, and the note's back link returns to it
    ptr = page.locator("a.note-ref.tei-ptr")
    assert ptr.inner_text().strip() == "2" and ptr.get_attribute("id") == "ref-footnote2"
    assert "lass2, more" in page.inner_text("main")
    assert page.locator("#footnote2 a.backref").get_attribute("href") == "#ref-footnote2"


def test_a_letter_transcribed_line_by_line_reads_as_written(genres, page):
    page.goto(f"{genres}/texts/letter.html")
    letter = page.locator(".tei-div.type-letter")
    # a break between paragraphs makes no empty line
    assert page.locator(".type-letter > br").count() == 0
    assert page.locator(".type-letter p br.tei-lb").count() == 1
    # the DTA's renditions: underlined, antiqua, indented
    assert "underline" in page.evaluate("getComputedStyle(document.querySelector('.rendition-u')).textDecorationLine")
    assert page.evaluate("getComputedStyle(document.querySelector('.rendition-aq')).fontFamily") != \
        page.evaluate("getComputedStyle(document.querySelector('.tei-p')).fontFamily")
    # an illegible word is marked, a declared glyph is its character
    text = letter.inner_text()
    assert "grüßt […] dich ⁊ die Eltern" in " ".join(text.split()), text
    # a name leads to the letter's own index of persons
    netti = page.locator("a.tei-rs", has_text="Netti")
    assert netti.get_attribute("href") == "#netti" and page.locator("li#netti").count() == 1
    # and a place to the index the header keeps, shown after the text with the encoders' note
    assert page.locator("a.tei-placeName", has_text="Padua").get_attribute("href") == "#padua"
    assert " ".join(page.inner_text("section#index li#padua").split()) == "Padova Garrison town of the Austrian army in 1848."
    # who wrote it where and when, to whom; where the manuscript is kept
    meta = {dt: " ".join(dd.split()) for dt, dd in zip(page.locator("dl.meta dt").all_inner_texts(),
                                                      page.locator("dl.meta dd").all_inner_texts())}
    assert meta["Sent"] == "Carl Münchhoff · Padua · 12.09.1848" and meta["Received"] == "Antonia Münchhoff", meta
    assert meta["Manuscript"] == "Wien, Kriegsarchiv, NL B/264", meta
    # the text is German, the page around it English (24fe482: the interface's language on <html>)
    assert page.get_attribute("html", "lang") == "en" and page.get_attribute("article", "lang") == "de"
    assert page.get_attribute("dl.meta dt >> nth=0", "lang") == "en"


def test_a_speaker_heads_the_speech_with_the_stage_direction_beside_it(genres, page):
    page.goto(f"{genres}/texts/drama.html")
    speaker, stage = page.locator(".tei-sp .tei-speaker").first, page.locator(".tei-sp .tei-speaker + .tei-stage").first
    assert abs(speaker.bounding_box()["y"] - stage.bounding_box()["y"]) < 4  # one line: LEONCE allein, …
    speech = page.locator(".tei-sp > p.tei-p").first.bounding_box()
    assert speech["y"] > speaker.bounding_box()["y"] + 10
    assert page.evaluate("getComputedStyle(document.querySelector('.tei-speaker')).fontWeight") in ("700", "bold")
    assert page.evaluate("getComputedStyle(document.querySelector('.tei-stage')).fontStyle") == "italic"
    assert page.evaluate("getComputedStyle(document.querySelector('ul.tei-castList')).listStyleType") == "none"
    # nothing to switch in a play without emendations or witnesses
    assert page.locator(".controls").count() == 0


def test_words_a_witness_adds_stand_apart_from_the_words_around(genres, page):
    page.goto(f"{genres}/texts/variants.html")
    text = " ".join(page.inner_text(".reading-text").split())
    assert "ὁ θεὸς; διὰ τί λύεις καὶ ὁ καὶ οἱ μίσθιοί σου." in text, text
    # the mark of an entry whose lemma is empty follows the word before it, not a space
    assert page.evaluate("""() => [...document.querySelectorAll('.app-entry')].slice(0, 2)
        .map(e => e.previousSibling.textContent.slice(-1))""") == ["ς", "ὁ"]
    entries = [" ".join(t.split()) for t in page.locator("ol.apparatus li").all_inner_texts()]
    assert any(e.endswith("θεὸς E] θεὸς ἐν αὐτῆ P") for e in entries), entries
    assert any(e.endswith("ὁ E] ὁ ὄνος σου P") for e in entries), entries
    page.locator(".witness-choice").is_visible()
    page.select_option("select.witness-select", "#P")
    text = " ".join(page.inner_text(".reading-text").split())
    assert "ὁ θεὸς ἐν αὐτῆ; διὰ τί λύεις καὶ ὁ ὄνος σου μισθίος σου." in text, text
    # a witness list with readings offers the choice of witness, and no switch that changes nothing
    assert page.locator("button.view-toggle").count() == 0


def test_a_corpus_lists_its_members_and_names_the_parts_kept_elsewhere(genres, page):
    page.goto(f"{genres}/texts/corpusparts.html")
    parts = page.locator("section#missing-parts li").all_inner_texts()
    assert parts == ["buddhacarita.xml", "vakyapadiya.xml"], parts
    assert page.locator("nav.toc a[href='#missing-parts']").count() == 1
    # the member kept in the file: in the contents, under its title, with its own source and date
    assert page.locator("nav.toc a[href='#member']").inner_text() == "The Member Kept Here"
    meta = " ".join(page.inner_text("#member dl.member-meta").split())
    assert "Source Printed edition, Bombay 1890." in meta and "Written 1890" in meta, meta


def test_an_early_print_regularises_its_letters_silently_and_keeps_its_forme_work_for_the_source_view(genres, page):
    page.goto(f"{genres}/texts/earlyprint.html")
    text = " ".join(page.inner_text(".reading-text").split())
    assert "This is the first use of the word, and the ꝛule of a corrected printer." in text, text
    assert "B2" not in text and "A Sermon." not in text  # forme work is the source's, not the text's
    # the apparatus lists the expansion and the correction, not each long s
    entries = [" ".join(t.split()) for t in page.locator("ol.apparatus li").all_inner_texts()]
    assert [e.split(" ", 2)[2] for e in entries] == ["the] ye", "printer] prnter"], entries
    assert "(ſ as s, v as u) are not listed" in " ".join(page.inner_text("p.explain").split())
    assert page.locator(".app-silent a.app-ref").count() == 0
    assert page.locator("figure.tei-figure").inner_text() == "[figure]"  # an ornament the encoders did not describe
    page.locator("button.view-toggle").click()
    source = " ".join(page.inner_text(".reading-text").split())
    assert "Thiſ is the firſt vse of ye word" in source and "prnter" in source, source
    for fw in ("A Sermon.", "B2", "And"):
        assert page.locator(f".tei-fw:text-is('{fw}')").is_visible()


def test_search_records_hold_every_block_of_text_and_lead_to_its_anchor(tmp_path, monkeypatch):
    """Not only numbered paragraphs, headings, notes and verse: a speech, a cast list, a letter's salute,
    an inscription's lines and an apparatus's comments are found, each at an anchor of its page."""
    import teikit.build.html as html_build
    captured = []
    monkeypatch.setattr(html_build, "index_search", lambda records, out: captured.append(records) or 0)
    run([WEB_FIXTURES], tmp_path, html=True, pdf=False)
    records = lxml.etree.fromstring(captured[0].encode())
    found: dict[str, Counter] = {}
    for r in records:
        page, _, fragment = r.get("url").partition("#")
        ids = set(lxml.html.parse(str(tmp_path / "html" / page)).getroot().xpath("//@id"))
        assert fragment in ids, (page, fragment, r.get("label"))
        found.setdefault(page, Counter()).update(words(r.text or ""))
    for path in sorted(WEB_FIXTURES.glob("*.xml")):
        missing = reading_words(parse(path).root) - found[f"texts/{_key(path)}.html"]
        assert not missing, (path.name, missing)
    assert {"Ἐπὶ", "ΖΩΠΤΡΟΥ", "Doroteo"} <= set(found["texts/leiden.html"])
    speech = [r for r in records if "Bienen" in (r.text or "")][0]
    assert speech.get("label") == "LEONCE" and speech.get("url").startswith("texts/drama.html#")


def test_a_speaker_leads_to_the_person_the_speech_names_in_the_plays_list(genres, page):
    page.goto(f"{genres}/texts/dramapersons.html")
    leonce = page.locator(".tei-speaker a.speaker-person", has_text="LEONCE.")
    assert leonce.get_attribute("href") == "#leonce"
    assert leonce.get_attribute("title") == "Leonce: Prinz vom Reiche Popo"
    # the play's list of persons is shown after the text, each person the speeches name once
    entries = page.locator("section#index ul.index li").all_inner_texts()
    assert [" ".join(e.split()) for e in entries] == ["Leonce Prinz vom Reiche Popo", "Valerio", "Die Bauern"], entries
    assert page.locator("nav.toc a[href='#index']").count() == 1
    leonce.click()
    assert page.evaluate("location.hash") == "#leonce" and page.locator("li#leonce").is_visible()
    # a group is a person of the list too; a speech of two persons names both and leads to neither
    assert page.locator(".tei-speaker a.speaker-person", has_text="DIE BAUERN.").get_attribute("href") == "#bauern"
    both = page.locator(".tei-speaker .speaker-person", has_text="BEIDE.")
    assert both.evaluate("e => e.tagName") == "SPAN" and both.get_attribute("title") == "Leonce: Prinz vom Reiche Popo; Valerio"
    assert _page_faults(page) == []


def test_a_plays_list_of_persons_shows_its_relations_and_is_headed_by_the_kinds_it_holds(genres, page):
    page.goto(f"{genres}/texts/dramapersons.html")
    # only persons: the heading and the contents do not promise places and organisations
    assert page.inner_text("#index-h") == "Persons" and page.inner_text("nav.toc a[href='#index']") == "Persons"
    # DraCor's listRelation in words, the persons by name; those the list shows lead to their entries
    relations = [" ".join(t.split()) for t in page.locator("section#index ul.relations li").all_inner_texts()]
    assert relations == ["König Peter — parent of — Leonce", "Leonce — friends — Valerio"], relations
    assert page.locator("ul.relations a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == \
        ["#leonce", "#leonce", "#valerio"]
    page.locator("ul.relations a", has_text="Valerio").click()
    assert page.evaluate("location.hash") == "#valerio" and page.locator("li#valerio").is_visible()
    # a letter whose header lists only places is headed so
    page.goto(f"{genres}/texts/letter.html")
    assert page.inner_text("#index-h") == "Places"


def test_an_empty_pointer_to_a_person_of_the_documents_own_list_reads_the_name_in_both_outputs(genres, page):
    """tk:target finds targets in the header (the play's particDesc), not only in the text."""
    from teikit.build import collect
    from teikit.build.pdf import latex_source
    page.goto(f"{genres}/texts/dramapersons.html")
    ptr = page.locator(".tei-stage a.tei-ptr")
    assert ptr.inner_text() == "Valerio" and ptr.get_attribute("href") == "#valerio"
    texts, register = collect([WEB_FIXTURES / "drama-persons.xml"])
    tex = latex_source(texts, register, {}, volume=False)
    assert "Ab mit Valerio." in " ".join(tex.split()) and "#valerio" not in tex


def test_a_passage_without_a_language_takes_its_direction_from_its_own_letters(browser, tmp_path):
    src = tmp_path / "rtl.xml"
    src.write_text(_tei("rtlnolang", "").replace("<text>", '<text xml:lang="he">').replace(
        "<body></body>", '<body><p>בראשית ברא <foreign xml:lang="">Bereshit bara</foreign> אלהים '
        '<seg xml:lang="">את השמים <foreign xml:lang="en">heaven</foreign></seg>.</p></body>'), encoding="utf-8")
    run([src], tmp_path / "out", html=True, pdf=False, search=False)
    server, base = serve(tmp_path / "out" / "html")
    pg = browser.new_page()
    try:
        pg.goto(f"{base}/texts/rtlnolang.html")
        direction = "e => [e.getAttribute('dir'), getComputedStyle(e).direction]"
        # xml:lang="" is no language (lang=""), and so no direction of its own: not the ltr of "no language"
        assert pg.locator("[data-tei='foreign'][lang='']").evaluate(direction) == ["auto", "ltr"]
        assert pg.locator("[data-tei='seg'][lang='']").evaluate(direction) == ["auto", "rtl"]
        # a language inside it says its own direction, whatever the passage's turned out to be
        assert pg.locator("[data-tei='foreign'][lang='en']").evaluate(direction) == ["ltr", "ltr"]
    finally:
        pg.close()
        server.shutdown()
        server.server_close()


def test_a_page_without_a_number_is_marked_as_a_page_and_given_no_number(genres, page):
    page.goto(f"{genres}/texts/unnumberedpages.html")
    labels = page.locator(".tei-pb .page-label")
    assert labels.all_inner_texts() == ["[page]", "[page]", "[p. 3]"]
    assert "?" not in page.inner_text(".reading-text")
    titles = [labels.nth(i).get_attribute("title") for i in range(3)]
    assert titles[0] == "A new page of the source, which bears no number; facsimile tcp:15849:1", titles
    assert titles[1] == "A new page of the source, which bears no number" and titles[2] == "Page 3 of the source", titles
    assert page.locator(".tei-pb").first.get_attribute("data-facs") == "tcp:15849:1"
    assert page.locator(".tei-pb.page-unnumbered").count() == 2 and page.locator(".tei-pb[data-n]").count() == 1


def test_a_long_s_written_s_is_s_in_the_edited_text_and_long_in_the_source_view(genres, page):
    page.goto(f"{genres}/texts/longs.html")
    text = " ".join(page.inner_text(".reading-text").split())
    assert "Die Reise, die Erfrischung, das Ende." in text, text
    page.locator("button.view-toggle").click()
    source = " ".join(page.inner_text(".reading-text").split())
    # the undeclared #langesS and the rendition the header declares as ſ; not another rendition of a c
    assert "Die Reiſe, die Erfriſchung, das Ende." in source, source
    page.locator("button.view-toggle").click()
    assert "Die Reise," in page.inner_text(".reading-text")


def test_a_passage_set_on_a_line_of_its_own_is_aligned_as_the_source_has_it(genres, page):
    page.goto(f"{genres}/texts/alignedline.html")
    para = page.locator(".type-letter .tei-p")
    lines = [line.strip() for line in para.inner_text().split("\n") if line.strip()]
    assert lines[1:3] == ["Avendo steso l'intero duetto", "e mancando in esso qualche"], lines  # lines[0]: ¶ 1
    # the aligned line opens no empty line, and the break after it none either: the next line is one line below
    tops = page.evaluate("""() => { const h = document.querySelector('.aligned-line'); const next = [...h.parentNode.childNodes]
        .find(n => n.nodeType === 3 && n.textContent.includes('mancando')); const r = document.createRange();
        r.selectNodeContents(next); const a = h.getBoundingClientRect(), b = r.getClientRects()[0];
        return [a.top, b.top, parseFloat(getComputedStyle(h).lineHeight)]; }""")
    assert 0.5 * tops[2] < tops[1] - tops[0] < 1.5 * tops[2], tops
    box = page.evaluate("""() => { const h = document.querySelector('.aligned-line'), p = h.closest('.tei-p');
        const r = document.createRange(); r.selectNodeContents(h);
        return [getComputedStyle(h).textAlign, r.getBoundingClientRect().right, p.getBoundingClientRect().right]; }""")
    assert box[0] == "right" and abs(box[1] - box[2]) < 3, box
    # a passage that shares its line with other words stays in the line
    mid = page.locator(".tei-hi", has_text="desidererei")
    assert "aligned-line" not in mid.get_attribute("class") and mid.evaluate("e => getComputedStyle(e).display") == "inline"
    assert "aligned-line" in page.locator(".tei-closer .tei-hi").get_attribute("class")


def test_the_foreign_play_links_its_speakers_and_bellini_aligns_his_lines(foreign_site):
    play = lxml.html.parse(str(foreign_site / "texts" / "ger000371.html")).getroot()
    speakers = play.xpath("//*[contains(@class, 'tei-speaker')]//a[@class='speaker-person']")
    assert speakers and all(play.xpath(f"//li[@id='{a.get('href')[1:]}']") for a in speakers)
    bellini = lxml.html.parse(str(foreign_site / "texts" / "bellini-letter-ll1-16.html")).getroot()
    assert len(bellini.xpath("//span[contains(@class, 'rend-alignright')][contains(@class, 'aligned-line')]")) == 2
    for key in ("eebo-tcp-a00002-brides-ornaments", "l02854"):
        html = lxml.html.parse(str(foreign_site / "texts" / f"{key}.html")).getroot()
        assert "p. ?" not in html.text_content(), key
    schnitzler = lxml.html.parse(str(foreign_site / "texts" / "l02854.html")).getroot()
    assert schnitzler.xpath("//span[contains(@class, 'long-s')]/span[@class='source'][. = 'ſ']")


_OWN_LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" xml:id="{key}">
  <teiHeader><fileDesc><titleStmt><title>Letter {key}</title></titleStmt>
    <publicationStmt><p>A project of its own.</p></publicationStmt><sourceDesc><p>Manuscript.</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body><p>A note to <persName ref="persons.xml#jena">Jena</persName> about the weather.</p></body></text>
</TEI>"""
_OWN_REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt>
    <publicationStmt><p>A project of its own.</p></publicationStmt><sourceDesc><p>Born digital.</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body><listPerson><person xml:id="jena"><persName>Jena Holm</persName></person></listPerson></body></text>
</TEI>"""


def test_another_projects_site_has_its_register_and_none_of_our_schema(tmp_path):
    """A register under another name is found as lint and enrich find it (the texts point into it); the site
    offers only the kinds of entries it has, and neither this edition's schema nor its guidelines."""
    src = tmp_path / "src"
    src.mkdir()
    for key in ("one", "two"):
        (src / f"{key}.xml").write_text(_OWN_LETTER.format(key=key), encoding="utf-8")
    (src / "persons.xml").write_text(_OWN_REGISTER, encoding="utf-8")
    out = tmp_path / "out"
    run([src], out, html=True, pdf=False, search=False)
    site = out / "html"
    assert sorted(p.name for p in (site / "texts").iterdir()) == ["one.html", "two.html"]
    assert sorted(p.name for p in (site / "registers").iterdir()) == ["persons.html"]
    assert (site / "downloads" / "persons.xml").read_bytes() == (src / "persons.xml").read_bytes()
    letter = lxml.html.parse(str(site / "texts" / "one.html")).getroot()
    assert letter.xpath("//main//a[normalize-space() = 'Jena']/@href") == ["../registers/persons.html#jena"]
    assert [a.text for a in letter.xpath("//header//nav//a")] == ["Texts", "Persons", "Search"]
    home = lxml.html.parse(str(site / "index.html")).getroot()
    assert not home.xpath("//a[contains(@href, 'guidelines') or contains(@href, 'schema/')]")
    assert home.xpath("//a[@href = 'downloads/persons.xml']") and not (site / "schema").exists()
    from teikit.build import collect
    from teikit.build.pdf import latex_source
    texts, register = collect([src])
    assert r"\edindex[persons]{jena holm@Jena Holm}Jena" in latex_source(texts, register, {}, volume=False)
    # built again without one of the texts: its page and download do not outlive it
    (src / "two.xml").unlink()
    run([src], out, html=True, pdf=False, search=False)
    assert sorted(p.name for p in (site / "texts").iterdir()) == ["one.html"]
    assert not (site / "downloads" / "two.xml").exists()


# ------------------------------------------------------------------ the header's sources and the page's own ids

def test_a_source_described_only_by_a_biblfull_is_cited_as_a_bibliography_would(foreign_site):
    """EEBO describes the printed book in a biblFull (a whole file description): its author, title, imprint,
    extent and notes are the source, on the text's page and in the home page's table; its notes are part of
    the description, not markers leading nowhere."""
    key = "eebo-tcp-a00002-brides-ornaments"
    html = lxml.html.parse(str(foreign_site / "texts" / f"{key}.html")).getroot()
    meta = html.xpath("//dl[@class='meta']")[0]
    [source] = [dt.getnext() for dt in meta.xpath("dt[. = 'Source']")]
    text = " ".join(source.text_content().split())
    assert text.startswith("Aylett, Robert, 1583-1655? The brides ornaments viz. fiue meditations"), text
    assert "ioy. London : Printed by William Stansby, 1625. [4], 123, [1] p. Contains the 3rd and 4th books" in text, text
    assert text.endswith("In verse. Formerly STC 1004a. Identified as STC 1004a on UMI microfilm reel 910. "
                         "Reproduction of the original in the Folger Shakespeare Library."), text
    assert source.xpath(".//cite[@class='bibl-title']") and not source.xpath(".//a")
    assert html.xpath("//meta[@name='DC.source']/@content")[0].startswith("Aylett, Robert")
    home = lxml.html.parse(str(foreign_site / "index.html")).getroot()
    [cell] = home.xpath(f"//tr[th/a/@href = 'texts/{key}.html']/td[@data-label = 'Source']")
    assert "London : Printed by William Stansby, 1625." in cell.text_content()
    # a biblFull beside a bibl (the DTA's): both are sources, the name in the biblFull as a catalogue heads it
    dta = lxml.html.parse(str(foreign_site / "texts" / "dta-soldatenbriefe-letter-050.html")).getroot()
    sources = [" ".join(dt.getnext().text_content().split()) for dt in dta.xpath("//dl[@class='meta']/dt[. = 'Source']")]
    assert sources == ["Soldatenbrief Nr. 50 von Carl Münchhoff, 12.09.1848.",
                       "Münchhoff, Carl. [SB-Nr. 50: Carl Münchhoff (Offizier), 12.09.1848, Ostoberdeutsch]. 1848."], sources


def test_a_note_in_a_source_of_the_header_stands_in_brackets_where_it_is(tmp_path):
    html = _one_page(tmp_path, "<p>Text.</p>", sources='<bibl>Der Band, S. 3<note>Nach dem Erstdruck.</note>.</bibl>'
                     '<listBibl><bibl type="transcription"><title>Ausgabe<note xml:id="hn">korrigiert</note></title></bibl></listBibl>')
    meta = html.xpath("//dl[@class='meta']")[0]
    assert [" ".join(dd.text_content().split()) for dd in meta.xpath("dt[. = 'Source' or . = 'Transcription used']/following-sibling::dd[1]")] \
        == ["Der Band, S. 3 [Nach dem Erstdruck.].", "Ausgabe [korrigiert]"]
    # no marker: the page lists no notes of its header (_one_page: every link leads somewhere)
    assert not html.xpath("//header//a[contains(@class, 'note-ref')]") and not html.xpath("//section[@id = 'notes']")
    home = lxml.html.parse(str(tmp_path / "out" / "html" / "index.html")).getroot()
    assert home.xpath("string(//td[@data-label = 'Source'])") == "Der Band, S. 3 [Nach dem Erstdruck.]."


def test_every_id_the_stylesheets_write_is_kept_apart_from_the_encoders_ids():
    """An encoder's xml:id equal to an id the page gives one of its own parts is kept apart (index → index-tei):
    every id written literally in the web stylesheets must be in tk:page-ids."""
    functions = (Path(__file__).parents[1] / "xslt" / "common" / "functions.xsl").read_text(encoding="utf-8")
    declared = re.search(r'name="tk:page-ids"[^>]*select="\(([^)]*)\)"', functions, re.S)
    page_ids = set(re.findall(r"'([^']+)'", declared.group(1)))
    written = set()
    for xsl in (Path(__file__).parents[1] / "xslt" / "html").glob("*.xsl"):
        written |= set(re.findall(r'\bid="([^"{}]+)"', xsl.read_text(encoding="utf-8")))
    assert written and written <= page_ids, sorted(written - page_ids)


def test_an_encoders_ids_that_the_page_uses_for_itself_are_kept_apart(tmp_path):
    run([WEB_FIXTURES / "page-ids.xml"], tmp_path / "out", html=True, pdf=False, search=False)
    assert _links_and_ids(tmp_path / "out" / "html") == ([], [])
    html = lxml.html.parse(str(tmp_path / "out" / "html" / "texts" / "pageids.html")).getroot()
    # the page's own index section and heading keep their ids; the encoder's elements take -tei
    assert html.xpath("//section[@id = 'index'][@aria-labelledby = 'index-h']/h2[@id = 'index-h']")
    assert html.xpath("//li[@id = 'index-tei'][@data-tei = 'person']") and html.xpath("//p[@id = 'index-h-tei']")
    assert html.xpath("//li[@id = 'app-1-tei'][@data-tei = 'place']")
    # and every pointer to them follows
    assert html.xpath("//a[. = 'Anna']/@href") == ["#index-tei"] and html.xpath("//a[. = 'first paragraph']/@href") == ["#index-h-tei"]
    assert html.xpath("//main//a[. = 'Appleby']/@href") == ["#app-1-tei"]


def test_responsibility_names_given_only_by_a_pointer_are_shown(tmp_path):
    """A respStmt's name may be an empty element pointing to the header's list of persons or to an outside
    record, or missing (the Bodleian's and the Shelley-Godwin Archive's headers have such shapes): the row
    shows the name pointed to, the address, or the resp alone, never an empty name after a colon."""
    run([WEB_FIXTURES / "resp-names-by-pointer.xml"], tmp_path / "out", html=True, pdf=False, search=False)
    page = lxml.html.parse(str(tmp_path / "out" / "html" / "texts" / "respnames.html")).getroot()
    rows = [" ".join(li.text_content().split()) for li in page.xpath("//ul[@class='resp']/li")]
    assert rows == ["Transcription: Jane Doe", "Proofreading: https://orcid.org/0000-0002-1825-0097",
                    "Encoding by the project team", "Collation, annotation: Jo Roe"]
    assert page.xpath("//ul[@class='resp']//a/@href") == ["https://orcid.org/0000-0002-1825-0097"]


@pytest.mark.parametrize("path", ["texts/leninstalin.html", "index.html"])
def test_tei_terms_in_the_editors_prose_are_set_as_code_outside_the_docs_too(url, page, path):
    page.goto(f"{url}/{path}")
    code = page.locator("code.tei-code").first
    font, size, parent = code.evaluate("e => [getComputedStyle(e).fontFamily, parseFloat(getComputedStyle(e).fontSize),"
                                       " parseFloat(getComputedStyle(e.parentElement).fontSize)]")
    assert "Mono" in font and size < parent
    assert code.evaluate("e => e.closest('.docs')") is None


@pytest.mark.parametrize("settings,cited", [
    ({}, "“Names by pointer”, ../texts/respnames.html."),
    ({"title": "Test Papers", "editors": "A. Editor"}, "“Names by pointer”, in Test Papers, ed. A. Editor, ../texts/respnames.html."),
])
def test_the_citation_names_the_edition_only_when_the_configuration_gives_its_title(tmp_path, settings, cited):
    run([WEB_FIXTURES / "resp-names-by-pointer.xml"], tmp_path, html=True, pdf=False, search=False, settings=settings)
    page = lxml.html.parse(str(tmp_path / "html" / "texts" / "respnames.html")).getroot()
    citation = " ".join(page.xpath("string(//dd[@class='citation'])").split())
    assert citation.startswith(cited), citation
    described = page.xpath("string(//head/meta[@name='description']/@content)")
    assert described == "Names by pointer." + (" In Test Papers." if settings else "")
    assert page.xpath("//head/meta[@name='DCTERMS.isPartOf']/@content") == ([settings["title"]] if settings else [])


def test_a_passage_is_found_by_the_names_of_its_entries_not_by_their_initials_titles_or_particles():
    from teikit.build.search import with_name_forms
    record = {"url": "/t.html#p1", "meta": {"title": "T"}}
    entities = [{"forms": ["Leon Trotsky", "Mr. Trotsky", "L. D. Trotsky", "Trotsky"], "printed": ["Trotsky"]},
                {"forms": ["Nicholas II", "the Tsar"], "printed": ["Tsar"]},
                {"forms": ["Communist Party of the Soviet Union", "the Party"], "printed": ["Party"]}]
    got = with_name_forms(record, "Trotsky spoke of the Tsar and the Party.", entities)
    assert got["names"].split() == ["Leon", "Nicholas", "Communist", "Soviet", "Union"]


def test_editorial_signs_and_figure_descriptions_are_shown_as_in_print(tmp_path):
    # the signs are decided once (common's tk:sign) and are words of the page, not drawn by the style sheet;
    # test_pdf has the same case
    run([FIXTURES / "editorial_signs.xml"], tmp_path, html=True, pdf=False, search=False)
    html = lxml.html.parse(str(tmp_path / "html" / "texts" / "editorial-signs.html")).getroot()
    text = " ".join(html.xpath("//main")[0].text_content().split())
    for shown in ["A woodcut of a ship.", "a drawing of a key", "the word teh [sic] as printed",
                  "a letter […] not read", "ΔΑΜ vac. 3 ΟΣ Λαβ(- - -) ΚΑΙ vacat ΤΕΛ"]:
        assert shown in text, shown


def test_the_heads_of_divisions_of_every_level_and_of_a_group_are_headings_as_in_print(tmp_path):
    # which heads are headings is decided once (common's tk:is-section-head); div4-div7 and group were paragraphs
    run([FIXTURES / "section_heads.xml"], tmp_path, html=True, pdf=False, search=False)
    html = lxml.html.parse(str(tmp_path / "html" / "texts" / "section-heads.html")).getroot()
    headings = [h.text_content().strip()
                for h in html.xpath("//main//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][@data-tei='head']")]
    assert headings == ["Group head"] + [f"Level {n}" for n in ("one", "two", "three", "four", "five", "six", "seven")], headings


def test_a_letter_and_a_play_are_dated_by_their_sending_and_their_writing_event_as_in_print(tmp_path):
    # tk:written (common) falls back on correspDesc's sent date and DraCor's standOff event; test_pdf has the same
    run([FIXTURES / "written_by_correspondence.xml", FIXTURES / "written_by_event.xml"], tmp_path / "out",
        html=True, pdf=False, search=False)
    home = lxml.html.parse(str(tmp_path / "out" / "html" / "index.html")).getroot()
    written = [(r.xpath("string(th)").strip(), r.xpath("string(td[@data-label='Written'])").strip())
               for r in home.xpath("//table[contains(@class, 'texts')]//tr[td]")]
    # in the order written: the letter's date sorts it too (it came last, as undated)
    assert written == [("A letter", "27 June 1834"), ("A play", "1836")], written


def test_a_note_in_the_back_opens_at_its_pointer_in_the_text_not_at_one_in_another_note(tmp_path):
    # where a note is anchored is decided once (common's tk:note-pointers); test_pdf has the same case
    run([FIXTURES / "note_anchored_by_pointers.xml"], tmp_path, html=True, pdf=False, search=False)
    html = lxml.html.parse(str(tmp_path / "html" / "texts" / "note-anchored.html")).getroot()
    assert [a.text_content() for a in html.xpath("//a[@data-note='fn1']")] == ["[1]"]
    assert [a.text_content() for a in html.xpath("//a[@href='#fn1'][not(@data-note)]")] == ["the gloss"]


def test_every_pointer_to_a_note_in_the_back_leads_to_it_from_a_heading_the_text_and_a_note(tmp_path):
    # test_pdf has the same case: there each is the footnote's mark (the heading's and the note's raised alone)
    run([FIXTURES / "note_pointed_to_again.xml"], tmp_path, html=True, pdf=False, search=False)
    html = lxml.html.parse(str(tmp_path / "html" / "texts" / "note-again.html")).getroot()
    pointers = html.xpath("//main//a[@href='#fn1']")
    assert len(pointers) == 3 and len(html.xpath("//main//a[@href='#fn1'][@data-note='fn1']")) == 2
    assert html.xpath("//main//h2//a[@data-note='fn1']") or html.xpath("//main//*[@data-tei='head']//a[@data-note='fn1']")
