"""Every error teikit raises: one base class, each carrying a location."""

from __future__ import annotations

from pathlib import Path


class TeikitError(Exception):
    """Base of all teikit errors.

    ``path``, ``line`` and ``column`` locate the problem when it has a
    location; ``hint`` says what to do about it.  ``exit_code`` is what the
    command line returns: 2 for unusable input or usage, 1 for a failed build.
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None,
                 line: int | None = None, column: int | None = None,
                 hint: str | None = None, context: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint
        self.context = context

    def location(self) -> str:
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        if self.context:
            text += "\n" + self.context
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class InputError(TeikitError):
    """A file cannot be read or is not the XML it should be."""


class UnsafeInputError(InputError):
    """The document asks for something teikit never does (entities, DTDs, network)."""


class NotTEIError(InputError):
    """The document is XML but not TEI."""


class ConfigError(TeikitError):
    """The configuration in pyproject.toml or on the command line is wrong."""


class SchemaError(TeikitError):
    """A schema or the ODD cannot be compiled."""


class TransformError(TeikitError):
    """An XSLT transformation failed."""

    exit_code = 1


class BuildError(TeikitError):
    """Building the HTML or PDF edition failed."""

    exit_code = 1
