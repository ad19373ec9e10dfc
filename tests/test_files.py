"""Writing files: atomic, and through symlinks rather than over them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from teikit.files import atomic_write


def test_atomic_write_through_a_symlink_keeps_the_link_and_writes_the_target(tmp_path: Path):
    # the link and its target in different folders: the temporary file must go beside the target
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "doc.xml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "links" / "doc.xml"
    link.symlink_to(os.path.join("..", "real", "doc.xml"))
    assert atomic_write(link, "new") == link
    assert link.is_symlink() and os.readlink(link) == os.path.join("..", "real", "doc.xml")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["doc.xml", "doc.xml", "links", "real"]


def test_atomic_write_replaces_a_regular_file_and_leaves_no_temporary_file(tmp_path: Path):
    path = tmp_path / "doc.xml"
    path.write_bytes(b"old")
    assert atomic_write(path, b"new") == path
    assert path.read_bytes() == b"new" and not path.is_symlink()
    assert [p.name for p in tmp_path.iterdir()] == ["doc.xml"]


def test_finding_no_xml_at_all_is_an_input_error(tmp_path: Path):
    from teikit.errors import InputError
    from teikit.files import discover_some
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "readme.txt").write_text("x")
    (tmp_path / "b" / ".hidden").mkdir(parents=True)
    (tmp_path / "b" / ".hidden" / "x.xml").write_text("<x/>")
    with pytest.raises(InputError, match=r"no \*\.xml files found in .*a, .*b") as err:
        discover_some([tmp_path / "a", tmp_path / "b"])
    assert err.value.exit_code == 2 and "hidden" in err.value.hint
    (tmp_path / "b" / "y.xml").write_text("<y/>")
    assert discover_some([tmp_path / "a", tmp_path / "b"]) == [tmp_path / "b" / "y.xml"]
