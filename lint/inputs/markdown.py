"""markdown input (placeholder: linted as plain text until the markdown parser lands)."""

from __future__ import annotations

from lint.document import Document


def to_document(path: str, raw: str, lintable: str) -> Document:
    return Document(lintable, path, raw=raw, input_format="markdown")
