"""teikit: a TEI-XML scholarly edition toolkit.

The public API is what ``__all__`` names; everything else is private.  Beside
the names imported here, each capability is one module with one entry point:

- ``teikit.lint.lint(paths, ...) -> LintReport``
- ``teikit.enrich.enrich(paths, ...) -> Report``
- ``teikit.ingest.ingest(path, ...) -> Draft``
- ``teikit.emend.apply_corrections(corrections, ...) -> EmendReport``
- ``teikit.build.run(paths, out, ...) -> BuildReport``
- ``teikit.schema.write(out_dir) -> list[Path]``
- ``teikit.config.load(path, inputs=...) -> Config``
- ``teikit.register.Register.load(path) -> Register``
"""

__version__ = "0.1.0"

from .errors import TeikitError  # noqa: E402
from .parsing import Document, parse  # noqa: E402
from .diagnostics import Diagnostic  # noqa: E402
from .validation import validate, ValidationReport  # noqa: E402

__all__ = [
    "__version__",
    "TeikitError",
    "Document",
    "parse",
    "Diagnostic",
    "validate",
    "ValidationReport",
    # the capability modules (imported when used: the CLI starts without them)
    "lint",
    "enrich",
    "ingest",
    "emend",
    "build",
    "schema",
    "config",
    "register",
]
