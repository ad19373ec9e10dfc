"""Settings from ``[tool.teikit]`` in pyproject.toml, overridden by the command line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import ConfigError

DEFAULTS: dict[str, Any] = {
    "paths": ["tei"],
    "lint": {
        "select": ["TK"],
        "ignore": [],
        "per-file-ignores": {},
        "wordlist": ["/usr/share/dict/american-english", "/usr/share/dict/british-english"],
        "extra-words": [],
        "extra-words-file": None,
    },
    "build": {
        "title": "TEI edition",
        "editors": "",
        "trim": "6x9in",
        "font": "TeX Gyre Pagella",
        "line-numbers-every": 5,
        "volume": True,  # with several texts, also edition.pdf, the whole edition as one volume
        "base-url": "",  # the public URL of the web edition, for citations (e.g. https://example.org/edition/)
    },
}

# A trim size: a paper LaTeX names, or width x height in one unit.
PAPERS = ("a4", "a5", "b5", "letter")
_TRIM = re.compile(r"(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(in|mm|cm)")

_KNOWN = {
    "": {"paths", "lint", "build"},
    "lint": set(DEFAULTS["lint"]),
    "build": set(DEFAULTS["build"]),
}


@dataclass
class Config:
    """The resolved configuration and where it came from."""

    data: dict[str, Any] = field(default_factory=lambda: _merge({}, DEFAULTS))
    source: Path | None = None

    @property
    def root(self) -> Path:
        return self.source.parent if self.source else Path.cwd()

    @property
    def paths(self) -> list[str]:
        return list(self.data["paths"])

    @property
    def lint(self) -> dict[str, Any]:
        return self.data["lint"]

    @property
    def build(self) -> dict[str, Any]:
        return self.data["build"]

    def lint_settings(self) -> dict[str, Any]:
        """``[tool.teikit.lint]`` with its file paths resolved against the configuration's folder; a word
        list that is not there is an error (lint would run without it and pass what it should flag)."""
        settings = dict(self.lint)
        where = str(self.source or "the default configuration")
        if settings.get("extra-words-file"):
            settings["extra-words-file"] = str(self.root / settings["extra-words-file"])
            if not Path(settings["extra-words-file"]).is_file():
                raise ConfigError(f"extra-words-file: no such file: {settings['extra-words-file']}",
                                  path=self.source)
        lists = settings.get("wordlist") or []
        settings["wordlist"] = [str(self.root / w) for w in ([lists] if isinstance(lists, str) else lists)]
        missing = [w for w in settings["wordlist"] if not Path(w).is_file()]
        if missing:
            raise ConfigError(f"wordlist: no such file: {', '.join(missing)}", path=self.source,
                              hint="Debian: apt-get install wamerican wbritish (make test installs them), or set "
                                   f"[tool.teikit.lint] wordlist in {where}")
        for key in ("select", "ignore"):  # a single code given as a string, not a list
            if isinstance(settings.get(key), str):
                settings[key] = [settings[key]]
        settings["root"] = str(self.root)  # per-file-ignores are paths from here
        return settings

    def override(self, section: str, **values: Any) -> "Config":
        """A copy with command-line values (those that are not None) applied."""
        data = _merge({}, self.data)
        target = data if not section else data[section]
        for key, value in values.items():
            if value is not None and value != ():
                target[key.replace("_", "-")] = value
        return Config(data, self.source)

    def to_toml(self) -> str:
        lines = [f"# resolved from {self.source or 'defaults'}", "[tool.teikit]"]
        lines.append(f"paths = {_toml(self.data['paths'])}")
        for section in ("lint", "build"):
            lines.append(f"\n[tool.teikit.{section}]")
            for k, v in self.data[section].items():
                lines.append(f"{k} = {_toml(v)}")
        return "\n".join(lines)


def _toml(v: Any) -> str:
    if v is None:
        return '""'
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f'"{k}" = {_toml(x)}' for k, x in v.items()) + " }" if v else "{}"
    return repr(v)


def _merge(base: dict, extra: dict) -> dict:
    out = {k: (_merge({}, v) if isinstance(v, dict) else (list(v) if isinstance(v, list) else v))
           for k, v in base.items()}
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = _merge({}, v) if isinstance(v, dict) else v
    return out


def find_pyproject(start: Path | None = None, *, teikit_only: bool = False) -> Path | None:
    """The nearest pyproject.toml from ``start`` (default: the current folder) upwards; with
    ``teikit_only``, the nearest that has a [tool.teikit] table."""
    here = (start or Path.cwd()).resolve()
    for d in [here, *here.parents]:
        candidate = d / "pyproject.toml"
        if candidate.is_file() and (not teikit_only or _has_teikit(candidate)):
            return candidate
    return None


def _has_teikit(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return isinstance(tomllib.load(fh).get("tool", {}).get("teikit"), dict)
    except (OSError, tomllib.TOMLDecodeError):
        return False


def load(path: str | Path | None = None, *, inputs: Iterable[str | Path] = ()) -> Config:
    """Read ``[tool.teikit]`` from the given file, else from the configuration of the files at hand.

    Like ruff, the files decide: the nearest pyproject.toml with a [tool.teikit] table from the first
    input's folder upwards, so that ``cd /tmp && teikit build ~/edition/tei`` has the edition's title
    and editors.  Files with none above them get the defaults, not the configuration of the folder
    teikit runs in: another project's texts built from inside this edition are not given its title and
    editors (``--config`` says otherwise).  Without inputs, the nearest from the current folder (whose
    folder is the root that ``tei/`` and ``tei/register.xml`` are found from)."""
    first = next((Path(p) for p in inputs), None)
    source = Path(path) if path else None
    if source is None and first is not None:
        source = find_pyproject(first if first.is_dir() else first.parent, teikit_only=True)
        if source is None:
            return Config()
    source = source or find_pyproject()
    if source is None:
        return Config()
    try:
        text = source.read_text(encoding="utf-8")
        doc = tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError("no such configuration file", path=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=source) from None
    tool = doc.get("tool", {}).get("teikit", {})
    if not isinstance(tool, dict):
        raise ConfigError("[tool.teikit] must be a table", path=source)
    for section, keys in _KNOWN.items():
        table = tool if not section else tool.get(section, {})
        for key in table:
            if key not in keys and not (section == "" and key in _KNOWN):
                where = f"[tool.teikit{'.' + section if section else ''}]"
                raise ConfigError(f"unknown setting '{key}' in {where}", path=source, line=_line_of(text, section, key),
                                  hint=f"known settings: {', '.join(sorted(keys))}")
    data = _merge(DEFAULTS, tool)
    # checked as it is read, so that the error names the file (and line) the value came from
    try:
        trim_size(str(data["build"]["trim"]))
    except ConfigError as exc:
        exc.path, exc.line = str(source), _line_of(text, "build", "trim")
        raise
    return Config(data, source)


def trim_size(trim: str) -> str | tuple[str, str, str]:
    """A trim size as read: a paper name LaTeX knows ("a5"), or (width, height, unit) for "170 x 240 mm".
    Anything else is an error, not the default (a size without its unit was printed as 6 x 9 in without
    a word)."""
    t = re.sub(r"\s", "", trim).lower().replace("×", "x")
    if t in PAPERS:
        return t
    m = _TRIM.fullmatch(t)
    if not m:
        unit = " (a unit is needed: in, mm or cm)" if re.fullmatch(r"[\d.]+x[\d.]+", t) else ""
        raise ConfigError(f"build: trim {trim!r} is not a size{unit}",
                          hint=f"write width x height with a unit (\"6x9in\", \"170x240mm\") or one of {', '.join(PAPERS)}")
    return m.group(1), m.group(2), m.group(3)


def _line_of(text: str, section: str, key: str) -> int | None:
    """The line of pyproject.toml that sets ``key`` of [tool.teikit.<section>] (section "" for [tool.teikit]
    itself): in its own table, as a dotted key or in an inline table of [tool.teikit]. tomllib gives no
    positions; None when the setting is written some other way."""
    table, own = None, "tool.teikit" + ("." + section if section else "")
    quoted = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", line)
        if header:
            table = re.sub(r"[\s\"']", "", header.group(1))
        elif table == own and re.match(rf"\s*{quoted}\s*=", line):
            return number
        elif section and table == "tool.teikit" and (
                re.match(rf"\s*{re.escape(section)}\s*\.\s*{quoted}\s*=", line)
                or re.match(rf"\s*{re.escape(section)}\s*=\s*\{{(.*,)?\s*{quoted}\s*=", line)):
            return number
    return None
