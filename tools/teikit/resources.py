"""Where teikit's stylesheets and schemas live.

In a checkout (editable install) they are the top-level ``xslt/`` and
``schema/`` folders; in a wheel they are packaged under ``teikit/_data/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent


def _base() -> Path:
    if (_CHECKOUT / "xslt").is_dir() and (_CHECKOUT / "schema").is_dir():
        return _CHECKOUT
    return _PACKAGE / "_data"


def xslt_dir() -> Path:
    return _base() / "xslt"


def schema_dir() -> Path:
    return _base() / "schema"


def xslt(name: str) -> Path:
    return xslt_dir() / name


def schema(name: str) -> Path:
    return schema_dir() / name
