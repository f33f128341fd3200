"""Plain text input: the text is linted as it is."""

from __future__ import annotations

from lint.document import Document


def to_document(path: str, raw: str, lintable: str) -> Document:
    return Document(lintable, path, raw=raw, input_format="text")
