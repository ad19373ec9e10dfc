"""Writing files: atomic, and through symlinks rather than over them."""

from __future__ import annotations

import os
from pathlib import Path

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
