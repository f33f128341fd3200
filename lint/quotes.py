"""Find quotations in a document (used by ``Document.quotations``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.document import Document, Quotation

_PAIRS = re.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"")


def find_quotations(doc: Document) -> Iterator[Quotation]:
    """Double-quoted spans within one block (never across a block boundary)."""
    from lint.document import Quotation

    text = doc.text
    for block in doc.blocks:
        for m in _PAIRS.finditer(text, block.start, block.end):
            group = 1 if m.group(1) is not None else 2
            yield Quotation(m.start(), m.end(), m.start(group), m.end(group), "inline")
