"""The ODD and what it compiles to: fresh, TEI-conformant, and usable without teikit."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from lxml import etree

from conftest import FIXTURES, edition_files
from oddgen import Generator, Odd
from teikit import schema


def test_committed_schemas_match_the_odd():
    assert schema.stale() == [], "run `make schema` to regenerate the schema files"


def test_xsd_obeys_unique_particle_attribution():
    # xmlschema refuses to build a schema that breaks UPA, so building it is the test.
    xsd = schema.load_xsd(schema.EditionSchema.default().xsd)
    assert xsd.is_valid(str(FIXTURES / "valid" / "sample.xml"))


def _jing(jing: str, rng: Path, files: list[Path]) -> str:
    proc = subprocess.run([jing, str(rng), *map(str, files)], capture_output=True, text=True)
    return proc.stdout.strip()


def test_the_odd_itself_is_valid_tei(jing, tei_all):
    assert _jing(jing, tei_all, [schema.odd_path()]) == ""


def test_edition_files_are_valid_against_tei_all(jing, tei_all):
    files = edition_files() + sorted((FIXTURES / "valid").glob("*.xml"))
    assert files
    assert _jing(jing, tei_all, files) == ""


def test_every_generated_document_is_valid_everywhere(jing, tei_all, tmp_path: Path):
    """Conformance: documents valid against edition.rng are valid against tei_all.

    Random documents are generated from the ODD's content models; each must be
    valid against our RELAX NG and XSD (the generator and compilers agree) and
    against the official tei_all (our schema is a subset of TEI).
    """
    odd = Odd.load(schema.odd_path())
    rng = schema.load_rng(schema.EditionSchema.default().rng)
    xsd = schema.load_xsd(schema.EditionSchema.default().xsd)
    files = []
    for seed in range(120):
        doc = etree.ElementTree(Generator(odd, seed).document())
        assert rng.validate(doc), (seed, rng.error_log.last_error)
        assert xsd.is_valid(doc), (seed, next(iter(xsd.iter_errors(doc))).reason)
        path = tmp_path / f"gen{seed}.xml"
        doc.write(str(path), encoding="utf-8")
        files.append(path)
    # the generator reaches (nearly) every element of the ODD
    seen = {etree.QName(e).localname for f in files for e in etree.parse(str(f)).iter()}
    assert len(seen) >= 0.9 * len(odd.elements)
    assert _jing(jing, tei_all, files) == ""


def test_edition_files_point_editors_at_the_schemas():
    for path in edition_files():
        head = path.read_text(encoding="utf-8")[:600]
        assert 'href="../schema/edition.rng"' in head, path.name
        assert 'href="../schema/edition.sch"' in head, path.name


def test_guidelines_document_every_element():
    html = schema.guidelines_html()
    odd = Odd.load(schema.odd_path())
    for ident in odd.elements:
        assert f'id="el-{ident}"' in html, ident
    assert "choice-pair" in html and "Example" in html


def test_the_committed_xsd_works_in_another_validator(root: Path, tmp_path: Path):
    """People without teikit validate with the XSD too: libxml2 (as xmllint and Xerces would) must
    load it with its xml.xsd beside it, accept the edition and refuse an empty xml:lang as the RNG does."""
    from lxml import etree
    xsd = etree.XMLSchema(etree.parse(str(root / "schema" / "edition.xsd")))
    for doc in sorted((root / "tei").glob("*.xml")):
        assert xsd.validate(etree.parse(str(doc))), (doc.name, xsd.error_log.last_error)
    text = (root / "tei" / "trotsky-stalins-article-on-world-revolution.xml").read_text(encoding="utf-8")
    bad = tmp_path / "lang.xml"
    bad.write_text(text.replace("<p ", '<p xml:lang="" ', 1), encoding="utf-8")
    assert not xsd.validate(etree.parse(str(bad)))


def test_the_committed_schematron_works_in_jing(jing, root: Path):
    """Oxygen and jing users run edition.sch by itself: it must load (unique ids), accept the edition
    and refuse each document our tests expect the Schematron layer to refuse."""
    sch = root / "schema" / "edition.sch"
    assert _jing(jing, sch, edition_files()) == ""
    refused = sorted(p for p in (root / "tests" / "invalid").glob("*.xml")
                     if "expect: SCH" in p.read_text(encoding="utf-8")[:300])
    assert len(refused) >= 10
    out = _jing(jing, sch, refused)  # one run (a JVM each is slow); jing does not name the file
    assert out.count("assertion failed") >= len(refused) and "already been defined" not in out, out


def test_every_element_the_odd_allows_has_a_rendering_of_its_own_in_both_outputs(tmp_path: Path, monkeypatch):
    """STYLE 10-11: each element of our ODD has a dedicated behaviour in the web and in print; only TEI of
    other projects reaches the generic fallback, which the web marks with the class tei-generic and print
    names in a message ("teikit: generic NAME")."""
    from teikit import xslt
    from teikit.build import collect, pdf, run

    odd = Odd.load(schema.odd_path())
    seen = set()
    for seed in range(40):
        doc = Generator(odd, seed).document()
        doc.set("{http://www.w3.org/XML/1998/namespace}id", f"gen{seed}")
        seen |= {etree.QName(e).localname for e in doc.iter() if isinstance(e.tag, str)}
        etree.ElementTree(doc).write(str(tmp_path / f"gen{seed}.xml"), encoding="utf-8")
    assert len(seen) >= 0.9 * len(odd.elements)
    files = sorted(tmp_path.glob("gen*.xml"))
    run(files, tmp_path / "out", html=True, pdf=False, search=False)
    assert not _generic_on_the_web(tmp_path / "out"), "the web renders these elements of the ODD generically"
    messages = []
    transform = xslt.transform

    def recording(*args, **kwargs):
        result = transform(*args, **kwargs)
        messages.extend(line for m in result.messages for line in m.splitlines())
        return result
    monkeypatch.setattr(pdf.xslt, "transform", recording)
    texts, register = collect(files)
    for text in texts:
        pdf.latex_source([text], register, {}, volume=False)
    pdf.latex_source(texts, register, {}, volume=True)  # (a publication date such as --07 stopped the volume)
    printed_generically = sorted({m.removeprefix("teikit: generic ") for m in messages if m.startswith("teikit: generic ")})
    assert not printed_generically, f"print renders these elements of the ODD generically: {printed_generically}"
    # (the markers work: another project's element of its own is named in both)
    other = tmp_path / "other" / "other.xml"
    other.parent.mkdir()
    other.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="other"><teiHeader><fileDesc><titleStmt><title>T'
                     '</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>'
                     '</fileDesc></teiHeader><text><body><p>a <unknownThing>marked</unknownThing> word</p></body></text></TEI>',
                     encoding="utf-8")
    texts, register = collect([other])
    pdf.latex_source(texts, register, {}, volume=False)
    assert "teikit: generic unknownThing" in messages
    run([other], other.parent / "out", html=True, pdf=False, search=False)
    assert _generic_on_the_web(other.parent / "out") == {"unknownThing"}


def _generic_on_the_web(out: Path) -> set[str]:
    """The TEI names of the elements the web's pages render by the generic fallback (class tei-generic)."""
    return {re.search(r'data-tei="([^"]+)"', tag).group(1) for page in (out / "html" / "texts").glob("*.html")
            for tag in re.findall(r'<[^>]*\btei-generic\b[^>]*>', page.read_text(encoding="utf-8"))}
