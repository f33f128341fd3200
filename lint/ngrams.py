"""Frequent n-grams and the longer phrases they form, in linear time.

The input is a document's words, normalised by the caller (lower case, say), and
for each word the id of its *segment*: a non-decreasing number that changes at
every break a phrase must not cross (a sentence end, a line end).  Positions are
word indices.  Nothing here knows what a keyword is; callers filter the phrases.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence, Set
from itertools import compress, islice, repeat
from operator import eq
from typing import NamedTuple


class Phrase(NamedTuple):
    words: tuple[str, ...]
    positions: tuple[int, ...]  # index of the first word of each occurrence


def frequent_words(counts: Counter[str], min_count: int) -> set[str]:
    """Words seen at least ``min_count`` times: the only ones a phrase seen
    ``min_count`` times can contain."""
    return set(compress(counts, map(min_count.__le__, counts.values())))


class NgramCounts(NamedTuple):
    """The n-grams of a word sequence seen ``min_count``+ times: where each
    occurrence starts (ascending, in any segment) and how often its n-gram
    occurs in all.  Enough to answer any threshold from ``min_count`` up."""

    n: int
    min_count: int
    starts: Sequence[int]  # (arrays: compact on a long text)
    counts: Sequence[int]  # counts[k]: occurrences of the n-gram starting at starts[k]


def count_ngrams(words: Sequence[str], n: int, min_count: int, frequent: Set[str]) -> NgramCounts:
    """Every occurrence of an ``n``-gram seen ``min_count``+ times, with its count.

    ``frequent`` must hold every word seen ``min_count``+ times (it may hold
    more): an n-gram seen that often is made of such words, so only the
    windows of frequent words are hashed.  One pass counts them, a second
    picks the occurrences of the frequent ones; both run in C (``Counter``,
    ``compress``, ``map``), so Python only touches the distinct n-grams.  The
    n-grams of a short document are kept between the passes; those of a long
    one (``KEEP_GRAMS`` words or more) are made twice rather than kept, for
    little memory (the flags are bytes).  Where few windows are frequent (most
    real text), a short document's are made from their starts alone
    (``_windows_at``), not picked out of all its windows."""
    if len(words) < n:
        return NgramCounts(n, min_count, array("i"), array("i"))
    selectors = all_of(bytes(map(frequent.__contains__, words)), n)
    positions: list[int] | None = None
    grams: Iterable[tuple[str, ...]]
    if len(words) < KEEP_GRAMS and SPARSE * selectors.count(1) < len(words):
        positions = list(compress(range(len(words)), selectors))
        grams = list(_windows_at(words, positions, n))
    else:
        grams = compress(_windows(words, n), selectors)
        if len(words) < KEEP_GRAMS:
            grams = list(grams)
    counts = Counter(grams)
    hot = dict(compress(counts.items(), map(min_count.__le__, counts.values())))
    if not hot:
        return NgramCounts(n, min_count, array("i"), array("i"))
    if len(words) >= KEEP_GRAMS:
        grams = compress(_windows(words, n), selectors)
    per = list(map(hot.get, grams, repeat(0)))
    if positions is None:
        positions = compress(range(len(words)), selectors)  # type: ignore[assignment]
    starts, found = array("i"), array("i")
    starts.fromlist(list(compress(positions, per)))  # type: ignore[arg-type]
    found.fromlist(list(compress(per, per)))  # (from lists: faster than from iterators)
    return NgramCounts(n, min_count, starts, found)


#: Documents of this many words or more have their n-grams made twice, not kept.
KEEP_GRAMS = 100_000
#: Windows are made from their starts when fewer than one in this many are frequent.
SPARSE = 4


def _windows_at(words: Sequence[str], starts: list[int], n: int) -> Iterator[tuple[str, ...]]:
    """The ``n`` words from each of ``starts``, as tuples: the windows of
    ``_windows`` at those starts (each column read in C)."""
    columns = [map(words.__getitem__, map(k.__add__, starts)) for k in range(1, n)]
    return zip(map(words.__getitem__, starts), *columns, strict=True)


def all_of(flags: bytes, n: int) -> bytes:
    """Per position ``i`` of ``flags`` (bytes of 0 and 1), 1 when ``flags[i]``
    to ``flags[i + n - 1]`` are all set (0 where fewer than ``n`` remain):
    ``n`` shifted copies of the flags, read as one big integer, ANDed (each
    byte stays 0 or 1, so bytes never carry into each other)."""
    whole = int.from_bytes(flags, "little")
    found = whole
    for k in range(1, n):
        found &= whole >> (8 * k)
    return found.to_bytes(len(flags), "little")


def ngram_starts(table: NgramCounts, segment: Sequence[int], min_count: int) -> list[int]:
    """Start positions of the n-grams seen ``min_count``+ times (at least the
    table's own threshold) whose first and last word lie in one segment."""
    if min_count < table.min_count:
        raise ValueError(f"counts kept from {table.min_count}, asked from {min_count}")
    starts: Iterable[int] = table.starts
    if min_count > table.min_count:
        starts = compress(starts, map(min_count.__le__, table.counts))
    starts = list(starts)
    ends = map((table.n - 1).__add__, starts)
    inside = map(eq, map(segment.__getitem__, starts), map(segment.__getitem__, ends))
    return list(compress(starts, inside))


def frequent_ngram_starts(
    words: Sequence[str], segment: Sequence[int], n: int, min_count: int, frequent: Set[str]
) -> list[int]:
    """Start positions of the ``n``-grams, made of ``frequent`` words, that occur
    ``min_count``+ times, where the n-gram lies inside one segment (a count
    taken over the whole word sequence, across segments too)."""
    return ngram_starts(count_ngrams(words, n, min_count, frequent), segment, min_count)


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


def has_long_run(runs: Iterable[tuple[int, int]], n: int, max_words: int) -> bool:
    """Does one of the runs of frequent n-grams (``consecutive_runs``) cover
    more than ``max_words`` words, a run ``frequent_phrases`` skips?"""
    return any(last + n - first > max_words for first, last in runs)


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


def frequent_phrases(
    words: Sequence[str],
    segment: Sequence[int],
    starts: Sequence[int],
    n: int,
    max_words: int,
    min_count: int,
    shortest: int = 0,
) -> dict[tuple[str, ...], list[int]]:
    """The phrases of ``phrase_occurrences`` that occur ``min_count``+ times,
    with the same positions, found level by level instead of listed whole;
    only those of ``shortest`` or more words are returned.

    A phrase's occurrences are a subset of those of its first ``size - 1``
    words (the same starts), so a phrase seen fewer than ``min_count`` times
    has no frequent extension: each level only extends the frequent phrases
    of the level below, by the next word, at the starts where the run of
    frequent n-grams reaches that far.  The work is linear in the occurrences
    of frequent phrases (at most ``max_words`` levels), not quadratic in the
    length of each run."""
    return phrases_in_runs(
        words, list(consecutive_runs(starts, segment)), n, max_words, min_count, shortest
    )


def phrases_in_runs(
    words: Sequence[str],
    runs: Iterable[tuple[int, int]],
    n: int,
    max_words: int,
    min_count: int,
    shortest: int = 0,
) -> dict[tuple[str, ...], list[int]]:
    """``frequent_phrases`` given the runs of frequent n-grams (first and
    last start of each, ``consecutive_runs``)."""
    reach: dict[int, int] = {}  # start -> words its run covers from there
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for first, last in runs:
        end = last + n  # (the word after the run)
        if end - first > max_words:
            continue
        if n == 3:  # (the usual case: a trigram made without a slice)
            for i in range(first, last + 1):
                reach[i] = end - i
                grams[words[i], words[i + 1], words[i + 2]].append(i)
            continue
        for i in range(first, last + 1):
            reach[i] = end - i
            grams[tuple(words[i : i + n])].append(i)
    level = [(g, pos) for g, pos in grams.items() if len(pos) >= min_count]
    found: dict[tuple[str, ...], list[int]] = {}
    size = n
    while level:
        if size >= shortest:
            found.update(level)
        longer: list[tuple[tuple[str, ...], list[int]]] = []
        for phrase, pos in level:
            reaching = [p for p in pos if reach[p] > size]
            if len(reaching) < min_count:
                continue
            by_next: dict[str, list[int]] = defaultdict(list)
            for p in reaching:
                by_next[words[p + size]].append(p)
            longer.extend((phrase + (w,), ps) for w, ps in by_next.items() if len(ps) >= min_count)
        level = longer
        size += 1
    return found


def longest_first(
    occurrences: dict[tuple[str, ...], list[int]],
) -> list[tuple[tuple[str, ...], list[int]]]:
    """Phrases from the longest down, ties in order of first occurrence: the order
    in which to choose maximal phrases."""
    return sorted(occurrences.items(), key=lambda kv: (-len(kv[0]), kv[1][0]))
