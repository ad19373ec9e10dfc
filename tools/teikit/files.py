"""Finding input files and writing output files atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import InputError


def discover(paths: Iterable[str | Path], *, pattern: str = "*.xml") -> list[Path]:
    """Expand files and directories (recursively) into a sorted list of XML files."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob(pattern) if p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            candidates = [path]
        else:
            raise InputError("no such file or directory", path=path)
        for c in candidates:
            key = c.resolve()
            if key not in seen:
                seen.add(key)
                found.append(c)
    return found


def discover_some(paths: Iterable[str | Path], *, pattern: str = "*.xml") -> list[Path]:
    """:func:`discover`, where finding nothing at all is an error: a command given no document
    would report success on nothing (an empty folder, a mistyped one that holds other files)."""
    paths = list(paths)
    found = discover(paths, pattern=pattern)
    if not found:
        named = ", ".join(str(p) for p in paths) or "no paths"
        raise InputError(f"no {pattern} files found in {named}", path=None,
                         hint=f"give TEI files, or folders that hold {pattern} files (searched recursively, "
                              "hidden folders left out)")
    return found


def atomic_write(path: str | Path, data: bytes | str, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers never see a half-written file, and a failure leaves the old file
    (if any) untouched.  A symlink is written through: the rename happens
    next to its target, so the link stays a link.  Returns ``path`` as given.
    """
    given = Path(path)
    # Renaming over the link itself would replace it with a regular file.
    path = Path(os.path.realpath(given))
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # name the file asked for, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(given)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return given
