"""Related-link bait (SEO005): "Read more: ..." lines and sentences pointing at
another article by its headline."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from lint import regex_cache
from lint.document import Document, Span
from lint.phrases import load_phrases
from lint.token_gate import PREFIX
from rules._seo_screens import per_document, screen, word_starts
from rules._seo_text import GAP_OK, WORD, count_words

# Longest line (words) that a related-link opening ("Read more:") can start.
MAX_RELATED_WORDS = 25
_DELIMITER = regex_cache.compile(r"[:»›>|–—\-]\s*$")
_QUESTION_WORD = regex_cache.compile(
    r"(?:Why|How|What|When|Where|Who|Which|Is|Are|Can|Could|Does|Do|Did|Should|Will|Would)\b"
)


def is_related_line(doc: Document, span: Span, start: int) -> bool:
    """Does the line (content from ``start``) open with a related-link label that
    stands alone ("Most read") or is followed by a delimiter ("Read more: <headline>")?"""
    if start >= span.end:
        return False
    m = screen("seo_related").match(doc.text, start, span.end)
    if not m or count_words(doc, start, span.end) > MAX_RELATED_WORDS:
        return False
    rest_empty = GAP_OK.fullmatch(doc.text, m.end(), span.end) is not None
    return rest_empty or _DELIMITER.search(doc.text, m.start(), m.end()) is not None


@per_document
def pointer_starts(doc: Document) -> list[int] | None:
    """Sorted offsets of the words a pointer ("learn more about", "read") can start
    with, found by plain string search (None: the words cannot be listed).  Words
    are looked up by prefix, so a sentence ending inside a word ("read|ing") still
    counts as holding "read": a match in a sentence begins at one of these."""
    words = _pointer_words()
    found = None if words is None else word_starts(doc, words)
    return None if found is None else sorted(found)


@cache
def _pointer_words() -> frozenset[str] | None:
    """The first words of the pointers, as prefix keys (None: not known)."""
    keys, prefixes = screen("seo_related_inline").first_keys
    if keys is None:
        return None
    return frozenset(PREFIX + word for word in (*keys, *prefixes))


def closing_sentences(doc: Document) -> Iterator[int]:
    """Index of the last sentence of every block (where link bait sits)."""
    sentences = doc.sentences
    for i, s in enumerate(sentences):
        if i + 1 == len(sentences) or sentences[i + 1].block != s.block:
            yield i


def is_headline_bait(doc: Document, start: int, end: int) -> bool:
    """A pointer followed by a headline: "... learn more about Why Did This Happen?".

    A sentence closed by a full stop reads as prose, not as a headline link."""
    if end <= start or doc.text[end - 1] in ".!":
        return False
    for m in load_phrases("seo_related_inline").pattern.finditer(doc.text, start, end):
        tail = doc.text[m.end() : end].strip()
        if tail.endswith("?") and _QUESTION_WORD.match(tail):
            return True
        words = WORD.findall(tail)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            return True
    return False
