"""Turn a file's text into a Document: plain text, Markdown or HTML.

Every input format produces a Document whose ``text`` has the same length as the
source, with what must not be linted blanked out, so positions map back exactly.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import PurePath

from lint.document import Document
from lint.suppression import blank_out

FORMATS = {
    "text": "lint.inputs.text",
    "markdown": "lint.inputs.markdown",
    "html": "lint.inputs.html",
}
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def detect_format(path: str, requested: str = "auto") -> str:
    if requested != "auto":
        return requested
    return EXTENSIONS.get(PurePath(path).suffix.lower(), "text")


def load_document(
    path: str,
    text: str,
    input_format: str = "auto",
    directive_spans: list[tuple[int, int]] | None = None,
) -> Document:
    """A Document for ``text``; suppression directives are blanked out first."""
    fmt = detect_format(path, input_format)
    lintable = blank_out(text, directive_spans or [])
    module = import_module(FORMATS[fmt])
    return module.to_document(path, text, lintable)  # type: ignore[no-any-return]
