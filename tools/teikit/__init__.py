"""teikit: a TEI-XML scholarly edition toolkit.

The public API is what ``__all__`` names; everything else is private.
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
]
