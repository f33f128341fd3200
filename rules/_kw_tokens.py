"""The token table every KW rule reads, built once per document.

One ``findall`` over the text, with breaks and line ends marked by control
characters, gives the words; their segment and line numbers are running sums of
the marks, so the per-word work happens in C and Python only loops over distinct
words.  Character offsets are found on demand, for the few words reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate, compress
from operator import not_
from typing import NamedTuple

from lint.document import WORD_RE, Document

# What ends a segment (n-grams and names never cross one): sentence and clause
# punctuation, a line break, a table bar, a spaced dash.  A full stop inside a
# word ("3.5", "openai.com") is part of the word, as in ``WORD_RE``.
_BREAK_RE = re.compile(r"\n|[!?;:…|]|\.(?![^\W_])|[ \t][-–—][ \t]")
_MARKED_RE = re.compile(rf"{WORD_RE.pattern}|[\x00\x01]")
_CAMEL_RE = re.compile(r"[a-z][A-Z]")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
_MARKS = frozenset("\x00\x01")
LOWER, TITLE, CAMEL, UPPER, OTHER = range(5)
POSSESSIVE_SUFFIXES = ("'s", "’s")  # lower-case possessive endings


class Tokens(NamedTuple):
    """The words of a document with what the KW rules need to know of each.

    Per word: ``low``, ``raw``, ``shape``, ``segment`` (the number of breaks
    before it) and ``lines`` (its line).  Character offsets are found on demand
    (``start``), for the few words that are reported.
    """

    text: str
    low: list[str]  # lower case, possessive "'s" removed
    raw: list[str]  # as written
    shape: list[int]  # LOWER, TITLE, CAMEL, UPPER or OTHER
    segment: list[int]  # id of the segment holding the word (non-decreasing)
    lines: list[int]  # 0-based line of the word
    title_lines: set[int]  # Title Case lines (heading style: capitals prove nothing)
    repeated_lines: set[int]  # lines that repeat an earlier line verbatim
    memo: dict[object, object]  # per-document results shared by the rules

    def start(self, i: int) -> int:
        """Offset of word ``i``: its segment's word offsets are found once, on the
        first report in that segment (linear overall, however many reports)."""
        seg = self.segment[i]
        starts = self.memo.get("seg_start")
        if starts is None:
            starts = self.memo["seg_start"] = [0] + [m.end() for m in _BREAK_RE.finditer(self.text)]
        key = ("seg_words", seg)
        offsets = self.memo.get(key)
        if offsets is None:
            count = bisect_left(self.segment, seg + 1) - bisect_left(self.segment, seg)
            matches = WORD_RE.finditer(self.text, starts[seg])  # type: ignore[index]
            offsets = self.memo[key] = [next(matches).start() for _ in range(count)]
        return offsets[i - bisect_left(self.segment, seg)]  # type: ignore[index]

    def end(self, i: int) -> int:
        return self.start(i) + len(self.raw[i])

    def offsets(self, first: int, last: int) -> tuple[int, int]:
        """Character span from the start of word ``first`` to the end of ``last``."""
        return self.start(first), self.end(last)

    def line(self, i: int) -> int:
        return self.lines[i]

    def seg_first(self, i: int) -> bool:
        """Is word ``i`` the first of its segment (its capital proves nothing)?"""
        return i == 0 or self.segment[i - 1] != self.segment[i]

    def title_line(self, i: int) -> bool:
        return self.lines[i] in self.title_lines

    def word_counts(self) -> Counter[str]:
        """How often each (lower-case) word occurs, counted once per document."""
        counts = self.memo.get("words")
        if counts is None:
            counts = self.memo["words"] = Counter(self.low)
        return counts  # type: ignore[return-value]


def strip_possessive(word: str) -> str:
    """``word`` without a possessive "'s" ("Musk's" -> "Musk")."""
    return _POSSESSIVE_RE.sub("", word)


def tokens(doc: Document) -> Tokens:
    """The shared token table, built once per document (cached on it)."""
    cached = doc.__dict__.get("_kw_tokens")
    if cached is None:
        cached = doc.__dict__["_kw_tokens"] = _build_tokens(doc.text)
    return cached  # type: ignore[no-any-return]


def _shape(word: str) -> int:
    first = word[0]
    if not first.isalpha():
        return OTHER
    if _CAMEL_RE.search(word):
        return CAMEL
    if word.islower():
        return LOWER
    if word.isupper():
        return UPPER if len(word) > 1 else TITLE
    return TITLE if first.isupper() else OTHER


def _build_tokens(text: str) -> Tokens:
    """Mark breaks and line ends with control characters, then tokenise with one
    ``findall``: segment and line numbers are running sums of the marks."""
    marked = _BREAK_RE.sub("\x00", text.replace("\n", "\x01"))
    marked = marked.replace("\x01", "\x00\x01")  # a line end is a break too
    items = _MARKED_RE.findall(marked)
    is_word = list(map(not_, map(_MARKS.__contains__, items)))
    segment = list(compress(accumulate(map("\x00".__eq__, items)), is_word))
    lines = list(compress(accumulate(map("\x01".__eq__, items)), is_word))
    raw = list(compress(items, is_word))
    vocab = set(raw)
    low_of = {w: strip_possessive(w.lower()) for w in vocab}
    shape_of = {w: _shape(w) for w in vocab}
    t = Tokens(
        text,
        list(map(low_of.__getitem__, raw)),
        raw,
        list(map(shape_of.__getitem__, raw)),
        segment,
        lines,
        set(),
        set(_repeated_lines(text)),
        {},
    )
    _mark_title_lines(t)
    return t


def _repeated_lines(text: str) -> Iterator[int]:
    """Lines whose text repeats an earlier line (a headline scraped twice)."""
    lines = [line.strip() for line in text.split("\n")]
    counts = Counter(lines)
    if all(c == 1 or len(line) < 2 for line, c in counts.items()):
        return
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if counts[line] > 1 and len(line) > 1:
            if line in seen:
                yield index
            seen.add(line)


def _mark_title_lines(t: Tokens) -> None:
    """Lines most of whose words are capitalised: headlines and menus."""
    words = Counter(t.lines)
    lower = Counter(compress(t.lines, map((LOWER, OTHER).__contains__, t.shape)))
    for line, n in words.items():
        if lower[line] <= (0 if n < 3 else 0.3 * n):
            t.title_lines.add(line)
