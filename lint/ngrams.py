"""Frequent n-grams and the longer phrases they form, in linear time.

The input is a document's words, normalised by the caller (lower case, say), and
for each word the id of its *segment*: a non-decreasing number that changes at
every break a phrase must not cross (a sentence end, a line end).  Positions are
word indices.  Nothing here knows what a keyword is; callers filter the phrases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence, Set
from itertools import compress, islice
from operator import and_, eq
from typing import NamedTuple


class Phrase(NamedTuple):
    words: tuple[str, ...]
    positions: tuple[int, ...]  # index of the first word of each occurrence


def frequent_words(counts: Counter[str], min_count: int) -> set[str]:
    """Words seen at least ``min_count`` times: the only ones a phrase seen
    ``min_count`` times can contain."""
    return {w for w, c in counts.items() if c >= min_count}


def frequent_ngram_starts(
    words: Sequence[str], segment: Sequence[int], n: int, min_count: int, frequent: Set[str]
) -> list[int]:
    """Start positions of the ``n``-grams, made of ``frequent`` words, that occur
    ``min_count``+ times, where the n-gram lies inside one segment.

    One hashing pass counts the n-grams whose words are all frequent (a count
    taken over the whole word sequence, across segments too); their positions
    are then filtered.  Every pass runs in C (``map``, ``compress``): Python
    code only touches the distinct frequent n-grams."""
    if len(words) < n:
        return []
    starts = _hot_starts(words, n, min_count, frequent)
    ends = map((n - 1).__add__, starts)
    inside = map(eq, map(segment.__getitem__, starts), map(segment.__getitem__, ends))
    return list(compress(starts, inside))  # first and last word in one segment


def _hot_starts(words: Sequence[str], n: int, min_count: int, frequent: Set[str]) -> list[int]:
    """Positions of the n-grams seen ``min_count``+ times, made of ``frequent``
    words (in any segments).  Little memory on a long document: flags are
    bytes, and the n-grams are made twice (to count them, then to pick the
    frequent ones) rather than kept."""
    mask = bytes(map(frequent.__contains__, words))
    selectors = mask
    for k in range(1, n):  # selectors[i]: words i .. i+n-1 all frequent
        selectors = bytes(map(and_, selectors, islice(mask, k, None)))
    counts = Counter(compress(_windows(words, n), selectors))
    hot = set(compress(counts, map(min_count.__le__, counts.values())))
    if not hot:
        return []
    starts = compress(range(len(selectors)), selectors)
    grams = compress(_windows(words, n), selectors)
    return list(compress(starts, map(hot.__contains__, grams)))


def _windows(words: Sequence[str], n: int) -> Iterator[tuple[str, ...]]:
    """Every run of ``n`` consecutive words, as a tuple (none copied)."""
    return zip(*[islice(words, k, None) for k in range(n)], strict=False)


def consecutive_runs(starts: Sequence[int], segment: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Group consecutive positions of one segment into (first, last) runs."""
    first = prev = -2
    for i in starts:
        if i != prev + 1 or segment[i] != segment[prev]:
            if first >= 0:
                yield first, prev
            first = i
        prev = i
    if first >= 0:
        yield first, prev


def phrase_occurrences(
    words: Sequence[str], segment: Sequence[int], starts: Sequence[int], n: int, max_words: int
) -> dict[tuple[str, ...], list[int]]:
    """Every phrase of ``n`` or more words covered by a run of frequent n-grams
    (``starts``), with the positions where it occurs.

    A phrase whose n-grams are all frequent is listed with each of its
    occurrences, since every occurrence lies inside a run.  A run covering more
    than ``max_words`` words is a repeated passage, not a phrase, and is skipped
    (its occurrences are not listed).
    """
    occurrences: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for first, last in consecutive_runs(starts, segment):
        if last + n - first > max_words:
            continue
        for i in range(first, last + 1):
            for size in range(n, last + n - i + 1):
                occurrences[tuple(words[i : i + size])].append(i)
    return occurrences


def longest_first(
    occurrences: dict[tuple[str, ...], list[int]],
) -> list[tuple[tuple[str, ...], list[int]]]:
    """Phrases from the longest down, ties in order of first occurrence: the order
    in which to choose maximal phrases."""
    return sorted(occurrences.items(), key=lambda kv: (-len(kv[0]), kv[1][0]))
