"""Repeated keyword phrases (KW001, KW004): frequent n-grams a reader would call
a keyword, not a name, a label or a repeated passage."""

from __future__ import annotations

from lint.ngrams import (
    Phrase,
    frequent_ngram_starts,
    frequent_words,
    longest_first,
    phrase_occurrences,
)
from rules._kw_lexicon import stopwords
from rules._kw_tokens import LOWER, Tokens

MAX_PHRASE_WORDS = 8  # longest phrase KW001/KW004 report; longer runs are cut


def repeated_phrases(t: Tokens, min_words: int, min_count: int) -> list[Phrase]:
    """Maximal keyword phrases of ``min_words``+ words seen ``min_count``+ times.

    A phrase's length is counted without the function words at its ends ("the
    prime minister" is a two-word phrase), and it needs two alphabetic content
    words.  One hashing pass counts every ``min_words``-gram inside a segment;
    only the positions of the frequent ones are extended to longer phrases, so
    the cost is linear in the number of words.  A stretch of frequent n-grams
    longer than ``MAX_PHRASE_WORDS`` is a repeated passage (DUP001's business),
    not a keyword, and is skipped.  A phrase is dropped when longer chosen
    phrases cover all its occurrences, when it is a name (all its content
    words capitalised at every occurrence: "Bank of England"), and when every
    occurrence is a whole line or clause of its own (a label a template repeats:
    "Eat every 2-3 hours" under each meal).  Occurrences on a line that repeats
    an earlier line verbatim (a headline scraped twice) are not counted.
    """
    n = min(min_words, 3)  # every longer phrase starts with a frequent trigram
    # Only words seen ``min_count`` times can be part of a frequent phrase; in a
    # long document, where the allowance is large, that leaves very few.
    frequent = frequent_words(t.word_counts(), min_count)
    stop = stopwords()
    if sum(1 for w in frequent if w not in stop and w.isalpha()) < 2:
        return []
    starts = frequent_ngram_starts(t.low, t.segment, n, min_count, frequent)
    if not starts:
        return []
    occurrences = phrase_occurrences(t.low, t.segment, starts, n, MAX_PHRASE_WORDS)
    return _maximal_phrases(t, occurrences, min_count, min_words)


def densest(phrases: list[Phrase]) -> Phrase:
    """The phrase whose occurrences cover most words; the earliest on a tie."""
    return max(phrases, key=lambda p: (len(p.positions) * len(p.words), -p.positions[0]))


def occurrence_span(t: Tokens, phrase: Phrase, p: int) -> tuple[int, int]:
    """Character span of the occurrence of ``phrase`` starting at word ``p``."""
    return t.offsets(p, p + len(phrase.words) - 1)


def _maximal_phrases(
    t: Tokens, occurrences: dict[tuple[str, ...], list[int]], min_count: int, min_words: int
) -> list[Phrase]:
    """The longest phrases that are still frequent keywords."""
    stop = stopwords()
    chosen: list[Phrase] = []
    covered: set[int] = set()  # word indices inside a chosen phrase's occurrence
    for words, all_pos in longest_first(occurrences):
        pos = _counted(t, all_pos)
        if len(pos) < min_count or not _is_keyword(words, stop, min_words):
            continue
        size = len(words)
        if all(p in covered and p + size - 1 in covered for p in pos):
            continue
        for p in pos:  # a label or name also hides the phrases inside it
            covered.update(range(p, p + size))
        if all(_fills_segment(t, p, size) for p in pos) or _is_name(t, words, pos, stop):
            continue
        chosen.append(Phrase(words, tuple(pos)))
    return chosen


def _counted(t: Tokens, positions: list[int]) -> list[int]:
    """Occurrences not on a line that repeats an earlier line verbatim."""
    if not t.repeated_lines:
        return positions
    return [p for p in positions if t.line(p) not in t.repeated_lines]


def _fills_segment(t: Tokens, p: int, size: int) -> bool:
    """Is the occurrence the whole of its line or clause (a repeated label)?"""
    end = p + size
    return t.seg_first(p) and (end == len(t.low) or t.segment[end] != t.segment[p])


def _is_keyword(words: tuple[str, ...], stop: frozenset[str], min_words: int) -> bool:
    """Long enough without its edge function words, with two real content words."""
    first, last = 0, len(words) - 1
    while first <= last and words[first] in stop:
        first += 1
    while last >= first and words[last] in stop:
        last -= 1
    if last - first + 1 < min_words:
        return False
    return sum(1 for w in words if w not in stop and w.isalpha()) >= 2


def _is_name(t: Tokens, words: tuple[str, ...], pos: list[int], stop: frozenset[str]) -> bool:
    """Are the phrase's content words capitalised at every occurrence?"""
    return all(w in stop or t.shape[p + k] != LOWER for p in pos for k, w in enumerate(words))
