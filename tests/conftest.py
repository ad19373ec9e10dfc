"""Shared fixtures: where things are, and what the machine has."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

SHARED = ROOT.parent / "shared"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
FOREIGN = SHARED / "foreign-tei"
SEEDS = SHARED / "seeds"
EDITION = ROOT / "tei"
FIXTURES = ROOT / "tests" / "fixtures"


def edition_files() -> list[Path]:
    return sorted(EDITION.glob("*.xml"))


def foreign_files() -> list[Path]:
    return sorted(FOREIGN.glob("*.xml")) if FOREIGN.is_dir() else []


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def tei_all() -> Path:
    if not TEI_ALL.exists():
        pytest.skip(f"{TEI_ALL} is absent: the tei_all conformance check needs it")
    return TEI_ALL


@pytest.fixture(scope="session")
def jing() -> str:
    path = shutil.which("jing")
    if path is None:
        pytest.fail("jing is not installed: `make test` installs it (apt-get install jing)")
    return path


def pytest_collection_modifyitems(items):
    """Tests that drive the browser carry the `browser` marker (deselect with -m "not browser")."""
    for item in items:
        if {"browser", "page"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
