"""Text primitives of the SEO rules: what a line is made of.

Separators, content characters and words as the SEO rules see them; ``cover``
tells whether phrase-list items cover every letter and digit of a line; ``shorten``
gives the quoted text of a message.
"""

from __future__ import annotations

import re

from lint.document import Document, Span
from lint.phrases import PhraseList

# What may sit between the items of a line: separators, emoji, Markdown link targets.
GAP_OK = re.compile(r"(?:\]\([^)\s]*\)|[\W_])*")
BLANK = re.compile(r"\s*")
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_CONTENT = re.compile(r"[^\W_]|[©@#]")


def is_blank(text: str, span: Span) -> bool:
    """Is ``text`` (the lintable text or the raw source) only whitespace over ``span``?"""
    return BLANK.fullmatch(text, span.start, span.end) is not None


def content_start(doc: Document, span: Span) -> int:
    """Offset of the first letter, digit or © of the line (line end when none)."""
    m = _CONTENT.search(doc.text, span.start, span.end)
    return m.start() if m else span.end


def count_words(doc: Document, start: int, end: int) -> int:
    """Number of words in ``doc.text[start:end]``."""
    return len(WORD.findall(doc.text, start, end))


def shorten(text: str, width: int = 60) -> str:
    """The text for a message: blanked markup squeezed out, cut at ``width``."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cover(doc: Document, span: Span, lists: tuple[PhraseList, ...]) -> list[tuple[int, int]]:
    """Items that cover every letter and digit of the line, left to right, as
    (list index, length) pairs; empty when some word is not an item of ``lists``.

    Each list is tried only where an item can start (after the separators), taking
    the longest match, so a line of prose fails at its first word: linear time."""
    text, end = doc.text, span.end
    pos = _skip_gap(text, span.start, end)
    found: list[tuple[int, int]] = []
    while pos < end:
        best = (-1, pos)
        for k, plist in enumerate(lists):
            m = plist.pattern.match(text, pos, end)
            if m and m.end() > best[1]:
                best = (k, m.end())
        if best[0] < 0:
            return []
        found.append((best[0], best[1] - pos))
        pos = _skip_gap(text, best[1], end)
    return found


def _skip_gap(text: str, pos: int, end: int) -> int:
    gap = GAP_OK.match(text, pos, end)
    return gap.end() if gap else pos
