"""The parser factory: safe, located, and the only one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from teikit.errors import InputError, NotTEIError, UnsafeInputError
from teikit.parsing import parse

TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def test_malformed_xml_gives_line_column_and_caret():
    data = f'<TEI {TEI}>\n  <p>one\n  <hi>two</p>\n</TEI>'.encode()
    with pytest.raises(InputError) as err:
        parse(data, path="broken.xml")
    e = err.value
    assert (e.path, e.line) == ("broken.xml", 3)
    assert e.column and e.column > 1
    text = str(e)
    assert text.startswith("broken.xml:3:")
    assert "mismatch" in text
    assert "^" in text and "<hi>two</p>" in text


def test_external_entity_is_refused_and_never_read(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = (f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
            f'<TEI {TEI}><p>&s;</p></TEI>').encode()
    with pytest.raises(UnsafeInputError) as err:
        parse(data, path="xxe.xml")
    assert "external entity" in str(err.value)
    assert "TOP-SECRET" not in str(err.value)


def test_billion_laughs_is_refused():
    lol = '<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    data = f'<!DOCTYPE TEI [{lol}]><TEI {TEI}><p>&c;</p></TEI>'.encode()
    with pytest.raises(UnsafeInputError) as err:
        parse(data, path="lol.xml")
    assert "entity" in str(err.value)


def test_dtd_url_is_refused_without_network():
    data = f'<!DOCTYPE TEI SYSTEM "http://example.org/tei.dtd"><TEI {TEI}/>'.encode()
    with pytest.raises(UnsafeInputError) as err:
        parse(data, path="dtd.xml")
    assert "network" in str(err.value)


def test_local_dtd_name_is_ignored_with_a_warning():
    data = f'<!DOCTYPE TEI SYSTEM "tei_all.dtd"><TEI {TEI}><text/></TEI>'.encode()
    doc = parse(data, path="local.xml")
    assert doc.warnings and "does not load" in doc.warnings[0]


def test_simple_internal_entities_are_expanded():
    data = f'<!DOCTYPE TEI [<!ENTITY ed "editor">]><TEI {TEI}><p>&ed;</p></TEI>'.encode()
    doc = parse(data, path="int.xml")
    assert "".join(doc.root.itertext()) == "editor"


def test_undeclared_entity_explains_itself():
    with pytest.raises(InputError) as err:
        parse(f'<TEI {TEI}><p>&nbsp;</p></TEI>'.encode(), path="nbsp.xml")
    assert "nbsp" in str(err.value) and "hint" in str(err.value)


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + f'<TEI {TEI}><p>caf\xc3\xa9</p></TEI>'.encode("latin-1"),
    f'<?xml version="1.0" encoding="ISO-8859-1"?><TEI {TEI}><p>café</p></TEI>'.encode("latin-1"),
    f'<?xml version="1.0" encoding="UTF-16"?><TEI {TEI}><p>café</p></TEI>'.encode("utf-16"),
])
def test_encodings_are_honoured(data):
    assert "".join(parse(data, path="enc.xml").root.itertext()) == "café"


def test_non_tei_root_is_a_clear_error():
    with pytest.raises(NotTEIError) as err:
        parse(b"<html><body/></html>", path="page.html")
    assert "<html>" in str(err.value) and "not a TEI document" in str(err.value)
    with pytest.raises(NotTEIError) as err:
        parse(b"<TEI><text/></TEI>", path="nons.xml")
    assert "namespace" in str(err.value)


def test_xinclude_is_not_processed(tmp_path: Path):
    (tmp_path / "inc.xml").write_text("<p>INCLUDED</p>")
    data = (f'<TEI {TEI} xmlns:xi="http://www.w3.org/2001/XInclude">'
            '<xi:include href="inc.xml"/></TEI>').encode()
    doc = parse(data, path=str(tmp_path / "main.xml"))
    assert "INCLUDED" not in "".join(doc.root.itertext())


def test_empty_and_missing_files(tmp_path: Path):
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        parse(empty)
    with pytest.raises(InputError, match="no such file"):
        parse(tmp_path / "nope.xml")


def test_one_parser_factory(root: Path):
    """No lxml parser is made anywhere but teikit.parsing."""
    offenders = []
    for py in (root / "tools" / "teikit").rglob("*.py"):
        if py.name == "parsing.py":
            continue
        if re.search(r"XMLParser\(|etree\.parse\(|etree\.fromstring\(|etree\.XML\(", py.read_text()):
            offenders.append(str(py.relative_to(root)))
    assert offenders == []


def test_element_columns_are_located():
    data = f'<TEI {TEI}>\n  <p>a <hi rend="italic">b</hi> <hi rend="bold">c</hi></p>\n</TEI>'.encode()
    doc = parse(data, path="cols.xml")
    his = doc.root.findall(".//{http://www.tei-c.org/ns/1.0}hi")
    assert [doc.locate(h) for h in his] == [(2, 8), (2, 33)]


def test_an_external_parameter_entity_is_never_opened(tmp_path: Path):
    """libxml2 reads `%p;` in the internal subset even with DTD loading off; teikit's resolver
    answers with nothing. The entity points at a named pipe: opening it would block for ever."""
    import os
    import subprocess
    import sys
    fifo = tmp_path / "pipe.dtd"
    os.mkfifo(fifo)
    doc = tmp_path / "pe.xml"
    doc.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{fifo.as_uri()}"> %p;]>\n'
                   f'<TEI {TEI}><p>x</p></TEI>', encoding="utf-8")
    script = ("from teikit.parsing import parse\nfrom teikit.errors import UnsafeInputError\n"
              f"try:\n    parse({str(doc)!r})\nexcept UnsafeInputError as e:\n    print(e.line, e.column, e.message)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("2 16 the DOCTYPE declares the external entity 'p'"), out.stdout + out.stderr


def test_the_caret_follows_the_files_encoding_and_tabs():
    data = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<TEI {}>\n\t\t<p>café déjà</b>\n</TEI>'.format(TEI)
    with pytest.raises(InputError) as err:
        parse(data.encode("latin-1"), path="latin1.xml")
    text, caret = str(err.value).splitlines()[1:3]
    assert text == "  \t\t<p>café déjà</b>"
    assert caret.startswith("  \t\t ") and caret.index("^") == len("  \t\t<p>café déjà</b>")


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_lines_are_counted_alike_whatever_ends_them(end):
    from teikit.source import Source
    text = f'<TEI {TEI}>\n<text>\n<p>one\ntwo <hi>three</hi>\nfour</p>\n</text>\n</TEI>\n'.replace("\n", end)
    doc = parse(text.encode(), path="ends.xml", require_tei=False)
    hi = doc.root.find(".//{http://www.tei-c.org/ns/1.0}hi")
    assert hi.sourceline == 4 and doc.locate(hi) == (4, 5)
    assert doc.lines[3] == "two <hi>three</hi>"
    # the source's text runs read line ends as XML does, so that an offset in lxml's text is one in the run
    src = Source.of(doc)
    p = doc.root.find(".//{http://www.tei-c.org/ns/1.0}p")
    run = next(r for r in src.runs if r.text.startswith("one"))
    assert run.text == p.text == "one\ntwo "
    assert src.line_col(run.offsets[p.text.index("two")]) == (4, 1)
    assert src.offset(4, 1) == run.offsets[4]
    four = next(r for r in src.runs if r.text.endswith("four"))
    assert src.line_col(four.offsets[four.text.index("four")]) == (5, 1)


def test_old_mac_line_ends_in_utf16_and_in_errors():
    text = f'<?xml version="1.0" encoding="UTF-16"?>\r<TEI {TEI}>\r<text>\r<p>one</p>\r</text>\r</TEI>'
    doc = parse(text.encode("utf-16"), path="u16.xml", require_tei=False)
    assert doc.root.find(".//{http://www.tei-c.org/ns/1.0}p").sourceline == 4
    with pytest.raises(InputError) as err:
        parse(f'<TEI {TEI}>\r<text>\r<p>one</q>\r</text></TEI>'.encode(), path="cr.xml")
    assert err.value.line == 3 and "\n  <p>one</q>\n" in str(err.value)
    with pytest.raises(UnsafeInputError) as err:
        parse(b'<?xml version="1.0"?>\r\r<!DOCTYPE TEI SYSTEM "http://example.org/tei.dtd">\r<TEI/>', path="d.xml")
    assert (err.value.line, err.value.column) == (3, 1)
