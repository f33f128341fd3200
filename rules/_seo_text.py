"""Text primitives of the SEO rules: what a line is made of.

Separators, content characters and words as the SEO rules see them; ``cover``
tells whether phrase-list items cover every letter and digit of a line; ``shorten``
gives the quoted text of a message.
"""

from __future__ import annotations

from lint import regex_cache
from lint.document import WORD_RE, Document, Span
from rules._seo_screens import StartScreen, per_document, start_key

# What may sit between the items of a line: separators, emoji, Markdown link targets.
GAP_OK = regex_cache.compile(r"(?:\]\([^)\s]*\)|[\W_])*")
BLANK = regex_cache.compile(r"\s*")
WORD = WORD_RE  # the document model's words
SENTENCE_END = regex_cache.compile(r"[.!?][\"'”’)\]]*\s*$")
_CONTENT = regex_cache.compile(r"[^\W_]|[©@#]")
# From a line start: its white space (group 1), then every character that is not
# content (not _CONTENT).
_HEAD = regex_cache.compile(r"([^\S\n]*)(?:[^\w\n©@#]|_)*")


def is_blank(text: str, span: Span) -> bool:
    """Is ``text`` (the lintable text or the raw source) only whitespace over ``span``?"""
    return BLANK.fullmatch(text, span.start, span.end) is not None


def content_start(doc: Document, span: Span) -> int:
    """Offset of the first letter, digit or © of the line (line end when none)."""
    m = _CONTENT.search(doc.text, span.start, span.end)
    return m.start() if m else span.end


@per_document
def line_heads(doc: Document) -> tuple[list[int], list[bool]]:
    """``content_start`` and ``is_blank`` of every line.  A line that opens with a
    letter, a digit or ©@# has its content start at its start and is not blank;
    ``_HEAD`` reads the others (white space, then non-content characters)."""
    text = doc.text
    starts: list[int] = []
    blanks: list[bool] = []
    for start, end in doc.lines:
        if start < end and (text[start].isalnum() or text[start] in "©@#"):
            starts.append(start)
            blanks.append(False)
            continue
        head = _HEAD.match(text, start, end)
        starts.append(head.end())  # type: ignore[union-attr]
        blanks.append(head.end(1) == end)  # type: ignore[union-attr]
    return starts, blanks


def count_words(doc: Document, start: int, end: int) -> int:
    """Number of words in ``doc.text[start:end]``."""
    return len(WORD.findall(doc.text, start, end))


def shorten(text: str, width: int = 60) -> str:
    """The text for a message: blanked markup squeezed out, cut at ``width``."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cover(
    doc: Document,
    span: Span,
    lists: tuple[StartScreen, ...],
    rest_ok: tuple[bool, ...] | None = None,
) -> list[tuple[int, int]]:
    """Items that cover every letter and digit of the line, left to right, as
    (list index, length) pairs; empty when some word is not an item of ``lists``.

    Each list is tried only where an item can start (after the separators), taking
    the longest match, so a line of prose fails at its first word: linear time.
    The word at each position is keyed once for the screens of all lists;
    ``rest_ok`` tells each screen whether its open entries can match on this line."""
    text, end = doc.text, span.end
    pos = _skip_gap(text, span.start, end)
    found: list[tuple[int, int]] = []
    oks = rest_ok or (True,) * len(lists)
    while pos < end:
        best = (-1, pos)
        key = start_key(text, pos, end)
        for k, plist in enumerate(lists):
            m = plist.match(text, pos, end, key, oks[k])
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
