"""Scan a long text with a big regular expression only where it can match.

Python's ``re`` tries an alternation of many phrases at every position of the
text, one branch after another, so a phrase list costs time per character times
branches.  Most entries, though, can only start with a few known words: "delve
into" with *delve*, ``(?:the )?ever[- ]evolving`` with *the* or *ever*.
:class:`TokenGate` asks :mod:`lint.pattern_words` for that set of **first
words** of a compiled pattern.  On a long text it
looks them up in an index of where each word occurs (built once per text and
shared by every gate) and runs ``pattern.match`` only at those positions.

Where the first word is open (``(?:[\\w-]+\\s+)?community``) the gate looks for
**anchor words** instead: words every match must contain whole (*community*).
A range with no anchor word in it cannot hold a match and is skipped; a range
with one is scanned with ``finditer`` as usual.

Either way the results are exactly ``pattern.finditer(text, start, end)``: a
match can only begin at a first-word position (or contain an anchor), positions
are tried in order, and a match resumes the scan at its end, as ``finditer``
does.  Where the analysis cannot prove a word set -- the pattern may begin
mid-word, or with a non-word character, or every part of it is open-ended --
the gate scans with ``finditer``.  Words are compared casefolded on both sides
and all-digit words share one key, which can only add candidates, never lose
one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from itertools import chain
from typing import ClassVar, TypeVar

from lint import regex_cache, word_scan
from lint.pattern_words import (  # re-exported: the analysis behind the gate
    DIGITS,
    PREFIX,
    SYMBOL,
    Anchors,
    anchor_tree,
    anchor_words,
    first_words,
    first_words_of,
    fold,
    is_word,
    word_key,
)

__all__ = [
    "Anchors",
    "DIGITS",
    "KeyFilter",
    "PREFIX",
    "SYMBOL",
    "TokenGate",
    "WordIndex",
    "anchor_tree",
    "anchor_words",
    "cuts_word",
    "first_words",
    "first_words_of",
    "fold",
    "folded_windows",
    "is_word",
    "matches_at",
    "warmed_up",
    "word_index",
    "word_key",
    "worth_indexing",
]

#: Texts shorter than this are scanned directly: indexing them costs more.
MIN_GATED_LENGTH = 2000
#: Nothing is gated before a process has scanned this much text (see worth_indexing).
GATE_AFTER_CHARS = 40_000
#: Patterns longer than this (whole lexicons) are not analysed: too costly to parse.
MAX_ANALYSED_PATTERN = 50_000
_T = TypeVar("_T")
_SPECIAL = (DIGITS[0], SYMBOL, PREFIX)  # first characters of keys that are not words


class WordIndex:
    """Where each word of one text starts (index key -> ascending offsets)."""

    def __init__(self, text: str) -> None:
        self.text = text
        scanned = word_scan.scan(text)
        self.positions = scanned.positions
        #: The document's words (starts, ends), read in the same pass (``lint.word_scan``).
        self.words = scanned.words
        self._candidates: dict[frozenset[str], list[int]] = {}
        self._anchors: dict[int, list[int]] = {}  # id(Anchors) -> candidates (trees live on)
        self._derived: dict[Callable[[str], object], object] = {}

    def derived(self, build: Callable[[str], _T]) -> _T:
        """``build(text)``, worked out once per text and kept as long as its index:
        the one place gates, screens and rules keep what they read off a text's
        words (as ``Document.derived`` is for a document)."""
        if build not in self._derived:
            self._derived[build] = build(self.text)
        return self._derived[build]  # type: ignore[return-value]

    def candidates(self, words: frozenset[str]) -> list[int]:
        """Sorted start offsets of any of ``words`` (cached per word set)."""
        found = self._candidates.get(words)
        if found is None:
            for w in words:
                if w not in self.positions and w[0] in (SYMBOL, PREFIX):
                    self.positions[w] = self._special(w)
            lists = [self.positions[w] for w in words if w in self.positions]
            found = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
            self._candidates[words] = found
        return found

    def anchor_candidates(self, anchors: Anchors) -> list[int]:
        """Sorted offsets of the anchor words that are rarest in this text."""
        found = self._anchors.get(id(anchors))
        if found is None:
            counts = dict.fromkeys(anchors.words, 0)
            positions = self.positions
            for w in anchors.words & positions.keys():
                counts[w] = len(positions[w])
            for w in anchors.special_words:
                counts[w] = len(self._positions_of(w))
            _, words = anchors.choose(counts)
            found = self._anchors[id(anchors)] = self.candidates(words)
        return found

    def _positions_of(self, key: str) -> list[int]:
        found = self.positions.get(key)
        if found is None:
            found = self._special(key) if key[0] in (SYMBOL, PREFIX) else []
            self.positions[key] = found
        return found

    def _special(self, key: str) -> list[int]:
        """Offsets of a punctuation key, or of every word starting with a prefix key.

        A prefix is looked for first in the text folded as keys are
        (:func:`folded_windows`): every key is a piece of that folded text, so a
        prefix missing from it starts no key, and the keys need not be read.
        Otherwise the keys that start with it are picked out, in one pass."""
        rest = key[1:]
        if key[0] == SYMBOL:
            return [m.start() for m in re.finditer(re.escape(rest), self.text)]
        if not any(rest in folded for folded in folded_windows(self.text, len(rest))):
            return []
        positions = self.positions
        lists = [positions[w] for w in positions if w.startswith(rest) and w[0] not in _SPECIAL]
        return sorted(chain.from_iterable(lists))


#: Characters folded at a time by :func:`folded_windows` (a bound on the memory).
FOLD_WINDOW = 1 << 16


def folded_windows(text: str, longest: int) -> Iterator[str]:
    """``text`` folded as index keys are (casefolded, "ı" and "i\u0307" read as
    "i", see ``word_key``), in overlapping windows of ``FOLD_WINDOW`` characters:
    any string of up to ``longest`` characters found in the whole text folded is
    found in one of them.

    Both folding steps go character by character, so the key of every word of
    the text is a piece of the text folded ("\u0307" is no word character, so
    it cannot start a word; where the folded text joins characters across words
    it can only hold more).  A string of ``longest`` folded characters comes
    from at most ``2 * longest`` characters of the text (folding makes one
    character or more of each, "i" + "\u0307" aside, which make one), and the
    windows overlap by more than that, with a character to spare on each side
    for a pair cut at a window's edge."""
    overlap = 2 * longest + 3
    for start in range(0, max(len(text) - overlap, 0) + 1, FOLD_WINDOW):
        window = text[start : start + FOLD_WINDOW + overlap]
        yield fold(window)


_last_index: WordIndex | None = None
_last_seen: str | None = None
_seen_chars = 0  # characters of the distinct texts this process has scanned


def warmed_up(text: str) -> bool:
    """Has this process read ``GATE_AFTER_CHARS`` of text, ``text`` included (each
    distinct text counted once)?  Gates and screens wait for that: the one-off
    analysis of their patterns (tens of milliseconds) repays itself on a batch of
    articles or one long text, not on one short article."""
    global _last_seen, _seen_chars
    if text is not _last_seen:
        _last_seen = text
        _seen_chars += len(text)
    return _seen_chars >= GATE_AFTER_CHARS


def worth_indexing(text: str) -> bool:
    """Will gates index ``text``?  Only a long one, once the process is
    :func:`warmed_up`: ``Document.words`` then reads its words off the index."""
    return len(text) >= MIN_GATED_LENGTH and warmed_up(text)


def word_index(text: str) -> WordIndex:
    """The index of ``text``; the last one is kept, as rules scan one text at a time."""
    global _last_index
    if _last_index is None or _last_index.text is not text:
        _last_index = WordIndex(text)
    return _last_index


def cuts_word(text: str, offset: int) -> bool:
    """Does ``offset`` fall between two word characters (inside a word)?"""
    return 0 < offset < len(text) and is_word(text[offset - 1]) and is_word(text[offset])


class TokenGate:
    """``pattern.finditer`` that only tries the places where it can match."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    @cached_property
    def first(self) -> frozenset[str] | None:
        """Words a match must start with (worked out on first use)."""
        if len(self.pattern.pattern) > MAX_ANALYSED_PATTERN:
            return None
        return first_words(self.pattern)

    @cached_property
    def anchors(self) -> Anchors | None:
        """Words a match must contain, when its first words are open."""
        if self.first is not None or len(self.pattern.pattern) > MAX_ANALYSED_PATTERN:
            return None
        return anchor_tree(self.pattern)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if end is None else end
        if not worth_indexing(text) or cuts_word(text, end):
            return self.pattern.finditer(text, start, end)
        index = word_index(text)
        if self.first is not None:
            positions = index.candidates(self.first)
        elif self.anchors is not None:
            positions = index.anchor_candidates(self.anchors)
        else:
            return self.pattern.finditer(text, start, end)
        i = bisect_left(positions, start)
        if i == len(positions) or positions[i] >= end:
            return iter(())
        if self.first is None:
            return self.pattern.finditer(text, start, end)
        return matches_at(self.pattern, text, positions, i, end)


#: What a ``KeyFilter`` lets through: whole keys, and key beginnings.
KeySpec = tuple[frozenset[str], tuple[str, ...]]


class KeyFilter:
    """Which keys of a word index (``word_index``) are among
    some words, or start with some prefixes (``spec``, worked out on first use;
    ``numbers``: also ``DIGITS`` and every key that starts with a digit).

    Every filter shares one record of the keys seen so far: each new key is
    sorted once per process, by every filter at once and with set and regex
    operations over all the new keys together, and a text's passing keys are
    then found with a set intersection rather than one call per word."""

    #: Seen keys are forgotten beyond this many (a bound on memory).
    LIMIT = 200_000
    _seen: ClassVar[set[str]] = set()
    _filters: ClassVar[list[KeyFilter]] = []
    _last: ClassVar[tuple[dict[str, list[int]], int] | None] = None  # last index, its size

    def __init__(self, spec: Callable[[], KeySpec], *, numbers: bool = False) -> None:
        self.spec = spec
        self.numbers = numbers
        self._passing: set[str] | None = None  # None: nothing sorted yet
        self._filters.append(self)

    def passing(self, positions: dict[str, list[int]]) -> set[str]:
        """The keys of ``positions`` (a word index's) that pass the filter."""
        self._classify(positions)
        assert self._passing is not None
        return positions.keys() & self._passing

    @cached_property
    def _words(self) -> frozenset[str]:
        words = self.spec()[0]
        return words | {DIGITS} if self.numbers else words

    @cached_property
    def _prefix_re(self) -> re.Pattern[str] | None:
        """Lines of a newline-joined list of keys that start with a prefix."""
        alternatives = [re.escape(p) for p in self.spec()[1]]
        if self.numbers:
            alternatives.append(r"\d")
        if not alternatives:
            return None
        return regex_cache.compile(rf"^(?:{'|'.join(alternatives)})[^\n]*", re.M)

    def select(self, keys: set[str]) -> set[str]:
        """The ``keys`` that pass the filter.  (A key holding a line break, if a
        punctuation key ever did, could let a piece of itself through: a string
        that is no key of the index, or is one that passes anyway.)"""
        out = keys & self._words
        if self._prefix_re is not None:
            out.update(self._prefix_re.findall("\n".join(keys)))
        return out

    @classmethod
    def _classify(cls, positions: dict[str, list[int]]) -> None:
        last = cls._last
        if last is not None and last[0] is positions and last[1] == len(positions):
            if all(f._passing is not None for f in cls._filters):
                return  # the same index as last time, no key added since
        new = positions.keys() - cls._seen
        if len(cls._seen) > cls.LIMIT:
            cls._seen.clear()
            for f in cls._filters:
                f._passing = None
            new = set(positions)
        for f in cls._filters:
            if f._passing is None:
                f._passing = f.select(cls._seen | new)
            elif new:
                f._passing |= f.select(new)
        cls._seen |= new
        cls._last = (positions, len(positions))


def matches_at(
    pattern: re.Pattern[str], text: str, positions: Sequence[int], first: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, positions[first], end)`` trying only the sorted
    offsets ``positions[first:]`` (a superset of where a match can begin): in
    order, each from where the last match ended, as ``finditer`` does."""
    match = pattern.match
    resume = 0
    for i in range(first, len(positions)):
        pos = positions[i]
        if pos >= end:
            break
        if pos < resume:
            continue
        m = match(text, pos, end)
        if m is not None:
            yield m
            resume = max(m.end(), pos + 1)
