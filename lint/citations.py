"""What counts as a citation, shared by every rule that asks "is this sourced?".

Owned by the REF/QT family; the NUM, QT and WW families call ``sentence_is_cited``
so that one definition of "cited" holds everywhere.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.document import Document

MARKER_RE = re.compile(r"\[\^?\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
URL_RE = re.compile(r"\bhttps?://\S+|\bwww\.[\w-]+\.\S+", re.IGNORECASE)


def sentence_has_marker_or_link(doc: Document, index: int) -> bool:
    """Does sentence ``index`` carry a footnote marker or a link?"""
    s = doc.sentences[index]
    end = s.end
    # A marker right after the sentence end ("2018.[2]") belongs to it.
    tail = doc.text[end : end + 8]
    return bool(
        MARKER_RE.search(doc.text, s.start, end)
        or MARKER_RE.match(tail.lstrip())
        or URL_RE.search(doc.text, s.start, end)
    )


def sentence_is_cited(doc: Document, index: int) -> bool:
    """A sentence counts as cited when it carries a marker or a link."""
    return _cited_cache(doc)[index]


def _cited_cache(doc: Document) -> list[bool]:
    cache = doc.__dict__.get("_cited")
    if cache is None:
        cache = [sentence_has_marker_or_link(doc, i) for i in range(len(doc.sentences))]
        doc.__dict__["_cited"] = cache
    return cache
