"""lint.ngrams: the fast paths agree with the plain definitions."""

from __future__ import annotations

import random
from collections import Counter
from itertools import accumulate

import pytest

from lint import ngrams
from lint.ngrams import (
    consecutive_runs,
    count_ngrams,
    frequent_phrases,
    has_long_run,
    ngram_starts,
    phrase_occurrences,
    phrases_in_runs,
)
from rules._kw_tokens import _build_tokens
from tests.harness import shared_texts


def _random_text(rng: random.Random) -> tuple[list[str], list[int]]:
    """Words from a small alphabet (so phrases repeat) and their segment ids."""
    size = rng.randrange(0, 150)
    words = [rng.choice("aaabbcd") for _ in range(size)]
    return words, list(accumulate(rng.random() < 0.08 for _ in range(size)))


@pytest.mark.parametrize("sparse", [0, 10**9])  # windows made from their starts always, never
@pytest.mark.parametrize("keep", [0, 10**9])
def test_ngram_counts_are_the_same_whether_the_ngrams_are_kept_or_made_twice(
    keep: int, sparse: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(31)
    found = 0
    for _ in range(400):
        words, _ = _random_text(rng)
        n, min_count = rng.randrange(1, 4), rng.randrange(1, 6)
        frequent = {w for w, c in Counter(words).items() if c >= min_count}
        grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
        counts = Counter(g for g in grams if all(w in frequent for w in g))
        expected = [(i, counts[g]) for i, g in enumerate(grams) if counts[g] >= min_count]
        monkeypatch.setattr(ngrams, "KEEP_GRAMS", keep)
        monkeypatch.setattr(ngrams, "SPARSE", sparse)
        table = count_ngrams(words, n, min_count, frequent)
        assert list(zip(table.starts, table.counts, strict=True)) == expected
        found += len(expected)
    assert found > 5000


def test_ngram_counts_of_real_text_are_the_same_from_starts_or_from_all_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = 0
    for text in shared_texts("corpus/news") + shared_texts("corpus/web-pages"):
        words = _build_tokens(text).low
        for min_count in (2, 3, 5):
            frequent = {w for w, c in Counter(words).items() if c >= min_count}
            tables = []
            for sparse in (0, 10**9):
                monkeypatch.setattr(ngrams, "SPARSE", sparse)
                tables.append(count_ngrams(words, 3, min_count, frequent))
            assert tables[0] == tables[1]
            found += len(tables[0].starts)
    assert found > 1000


def test_frequent_phrases_of_real_text_are_the_plain_occurrences() -> None:
    """The level-by-level search (trigrams made without a slice) finds what
    listing every phrase of every run finds, on real text."""
    found = 0
    for text in shared_texts("corpus/news") + shared_texts("corpus/web-pages"):
        t = _build_tokens(text)
        for n, min_count in ((3, 2), (3, 3), (2, 3)):
            frequent = {w for w, c in Counter(t.low).items() if c >= min_count}
            table = count_ngrams(t.low, n, min_count, frequent)
            starts = ngram_starts(table, t.segment, min_count)
            plain = phrase_occurrences(t.low, t.segment, starts, n, 8)
            expected = {w: p for w, p in plain.items() if len(p) >= min_count}
            assert frequent_phrases(t.low, t.segment, starts, n, 8, min_count) == expected
            found += len(expected)
    assert found > 500


def test_phrases_in_runs_are_frequent_phrases() -> None:
    rng = random.Random(32)
    for _ in range(300):
        words, segment = _random_text(rng)
        n, min_count, max_words = rng.randrange(1, 4), rng.randrange(1, 6), rng.randrange(3, 10)
        frequent = {w for w, c in Counter(words).items() if c >= min_count}
        starts = ngram_starts(count_ngrams(words, n, min_count, frequent), segment, min_count)
        runs = list(consecutive_runs(starts, segment))
        assert phrases_in_runs(words, runs, n, max_words, min_count) == frequent_phrases(
            words, segment, starts, n, max_words, min_count
        )
        assert has_long_run(runs, n, max_words) == any(
            last + n - first > max_words for first, last in runs
        )


def test_a_higher_threshold_reads_its_phrases_from_a_lower_one_without_long_runs() -> None:
    """What ``rules._kw_phrases`` relies on to find phrases once per document:
    when no run of frequent n-grams at ``base`` is too long, the phrases seen
    ``min_count`` times (``min_count >= base``) are those seen that often at
    ``base``, with the same positions."""
    rng = random.Random(33)
    derived = 0
    for _ in range(1500):
        words, segment = _random_text(rng)
        n, base, max_words = rng.randrange(1, 4), rng.randrange(1, 5), rng.randrange(4, 12)
        frequent = {w for w, c in Counter(words).items() if c >= base}
        table = count_ngrams(words, n, base, frequent)
        runs = list(consecutive_runs(ngram_starts(table, segment, base), segment))
        if has_long_run(runs, n, max_words):
            continue
        at_base = phrases_in_runs(words, runs, n, max_words, base)
        for min_count in range(base, base + 4):
            starts = ngram_starts(table, segment, min_count)
            expected = frequent_phrases(words, segment, starts, n, max_words, min_count)
            assert {w: p for w, p in at_base.items() if len(p) >= min_count} == expected
            plain = phrase_occurrences(words, segment, starts, n, max_words)
            assert expected == {w: p for w, p in plain.items() if len(p) >= min_count}
            derived += len(expected)
    assert derived > 1500
