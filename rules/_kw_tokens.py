"""The token table every KW rule reads, built once per document.

One ``findall`` over the text gives the words and the marks between them
(breaks and line ends); segment and line numbers are running sums of the marks,
so the per-word work happens in C and Python only loops over distinct words
(whose lower-case form and shape are kept for the process, see
``_WordTable``).  The table is compact: one shared string per distinct word
(in a long text), integer arrays for segments and lines, one byte per shape.
Character offsets are found on demand, for the few words reported.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Set
from itertools import accumulate, compress, islice, repeat
from operator import is_

from lint import regex_cache
from lint.document import WORD_RE, Document

# What ends a segment (n-grams and names never cross one): sentence and clause
# punctuation, a line break, a table bar, a spaced dash.  A full stop inside a
# word ("3.5", "openai.com") is part of the word, as in ``WORD_RE``.
_BREAK_RE = regex_cache.compile(r"\n|[!?;:…|]|\.(?![^\W_])|[ \t][-–—][ \t]")
# A word, or a mark: a break or a line end.  Breaks hold no word character, and a
# full stop is a break only when no word character follows, so words and marks
# never overlap: the words are ``WORD_RE``'s, and the marks ``_BREAK_RE``'s, in
# one scan.
_TOKEN_RE = regex_cache.compile(rf"{WORD_RE.pattern}|{_BREAK_RE.pattern}")
_LINE_MARKS = frozenset({"\n"})
_MARKS = frozenset(
    {*"\n!?;:…|."} | {a + dash + b for a in " \t" for dash in "-–—" for b in " \t"}
)  # every mark ``_TOKEN_RE`` can find; no word is one of them
_CHUNK_CHARS = 1 << 20  # text tokenised at a time (bounds the temporary lists)
_CAMEL_RE = regex_cache.compile(r"[a-z][A-Z]")
_POSSESSIVE_RE = regex_cache.compile(r"['’]s$", re.IGNORECASE)
_POSSESSIVE_ENDINGS = ("'s", "’s", "'ſ", "’ſ")  # all a lowered word can end with to match
LOWER, TITLE, CAMEL, UPPER, OTHER = range(5)
POSSESSIVE_SUFFIXES = ("'s", "’s")  # lower-case possessive endings
# ``bytes.translate`` tables over shapes: 1 where the shape is in the class.
_IS_LOWER = bytes(int(shape in (LOWER, OTHER)) for shape in range(256))
IS_CAPITAL = bytes(int(shape in (TITLE, CAMEL, UPPER)) for shape in range(256))
IS_LOWERCASE = bytes(int(shape == LOWER) for shape in range(256))
_NOT = bytes([1, 0, *range(2, 256)])  # ``bytes.translate`` table: flags 0 and 1 swapped


class Tokens:
    """The words of a document with what the KW rules need to know of each.

    Per word: ``low``, ``raw``, ``shape`` and ``segment`` (the number of breaks
    before it); per segment, its line (``seg_line``: no segment spans a line).
    What only some documents need is found on first use: each word's line
    (``lines``), the Title Case lines and the repeated lines, and the
    character offsets of the few words that are reported (``start``).
    """

    __slots__ = ("text", "low", "raw", "shape", "segment", "seg_line", "memo")

    def __init__(
        self,
        text: str,
        low: list[str],
        raw: list[str],
        shape: bytes,
        segment: array[int],
        seg_line: array[int],
    ) -> None:
        self.text = text
        self.low = low  # lower case, possessive "'s" removed
        self.raw = raw  # as written (a long text: one string object per distinct word)
        self.shape = shape  # LOWER, TITLE, CAMEL, UPPER or OTHER, one byte per word
        self.segment = segment  # id of the segment holding the word (non-decreasing)
        self.seg_line = seg_line  # 0-based line of each segment (non-decreasing)
        self.memo: dict[object, object] = {}  # per-document results shared by the rules

    def line(self, i: int) -> int:
        """0-based line of word ``i``."""
        return self.seg_line[self.segment[i]]

    @property
    def lines(self) -> array[int]:
        """The line of every word (worked out on first use)."""
        found = self.memo.get("lines")
        if found is None:
            found = self.memo["lines"] = array("i", map(self.seg_line.__getitem__, self.segment))
        return found  # type: ignore[return-value]

    def line_words(self, line: int) -> tuple[int, int]:
        """The words of ``line``, as a range ``[first, end)``: the line's
        segments are found by bisection in ``seg_line``, their words in
        ``segment`` (both never decrease)."""
        first_seg = bisect_left(self.seg_line, line)
        end_seg = bisect_left(self.seg_line, line + 1, first_seg)
        first = bisect_left(self.segment, first_seg)
        return first, bisect_left(self.segment, end_seg, first)

    def start(self, i: int) -> int:
        """Offset of word ``i``.  ``WORD_RE`` from the start of the word's line
        finds the line's words in order; the offsets found are kept, and the
        scan resumed from there for a later word of the line (linear overall,
        however many reports, and no further than the last word reported)."""
        line = self.line(i)
        found = self.memo.get(("line_words", line))
        if found is None:
            starts = self.memo.get("line_start")
            if starts is None:
                lengths = map((1).__add__, map(len, self.text.split("\n")))
                starts = self.memo["line_start"] = list(accumulate(lengths, initial=0))
            first, end = self.line_words(line)
            matches = WORD_RE.finditer(self.text, starts[line])  # type: ignore[index]
            found = self.memo[("line_words", line)] = (first, [], islice(matches, end - first))
        first, offsets, matches = found  # type: ignore[misc]
        k = i - first
        if k >= len(offsets):
            offsets.extend(map(re.Match.start, islice(matches, k + 1 - len(offsets))))
        return offsets[k]  # type: ignore[no-any-return]

    def end(self, i: int) -> int:
        return self.start(i) + len(self.raw[i])

    def offsets(self, first: int, last: int) -> tuple[int, int]:
        """Character span from the start of word ``first`` to the end of ``last``."""
        return self.start(first), self.end(last)

    def seg_first(self, i: int) -> bool:
        """Is word ``i`` the first of its segment (its capital proves nothing)?"""
        return i == 0 or self.segment[i - 1] != self.segment[i]

    @property
    def title_lines(self) -> set[int]:
        """Title Case lines (heading style: capitals prove nothing), all of them."""
        found = self.memo.get("title_lines")
        if found is None:
            found = self.memo["title_lines"] = _title_lines(self)
        return found  # type: ignore[return-value]

    def title_line(self, i: int) -> bool:
        """Is word ``i`` on a Title Case line?  Its line is judged on its own
        (and remembered) unless every line has been (``title_lines``)."""
        line = self.line(i)
        every = self.memo.get("title_lines")
        if every is not None:
            return line in every  # type: ignore[operator]
        memo: dict[int, bool] = self.memo.setdefault("title_line", {})  # type: ignore[assignment]
        found = memo.get(line)
        if found is None:
            first, end = self.line_words(line)
            shapes = self.shape[first:end]
            found = memo[line] = _is_title(end - first, shapes.count(LOWER) + shapes.count(OTHER))
        return found

    @property
    def repeated_lines(self) -> set[int]:
        """Lines that repeat an earlier line verbatim (found on first use)."""
        found = self.memo.get("repeated_lines")
        if found is None:
            found = self.memo["repeated_lines"] = set(_repeated_lines(self.text))
        return found  # type: ignore[return-value]

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
    return doc.derived(_tokens_of)


def _tokens_of(doc: Document) -> Tokens:
    return _build_tokens(doc.text)


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
    """Tokenise with one ``findall`` (chunk by chunk, so that the temporary
    list of strings stays small on a long file).  A word's segment is the
    number of marks before it; a segment's line, the number of line ends
    among them (``seg_line``)."""
    raw: list[str] = []
    segment = array("i")
    seg_line = [0]  # seg_line[s]: line ends among the first s marks
    chunks = list(_chunks(text))
    shared: dict[str, str] = {}  # one string object per distinct word (long texts)
    for start, end in chunks:
        items = _TOKEN_RE.findall(text, start, end)
        marks = bytes(map(_MARKS.__contains__, items))
        is_word = marks.translate(_NOT)
        breaks = len(seg_line) - 1  # marks before the chunk
        segment.fromlist(
            list(compress(islice(accumulate(marks, initial=breaks), 1, None), is_word))
        )
        line_ends = map(_LINE_MARKS.__contains__, compress(items, marks))
        seg_line.extend(islice(accumulate(line_ends, initial=seg_line[-1]), 1, None))
        words = list(compress(items, is_word))
        if len(chunks) > 1:  # a long text: one string per distinct word (memory)
            words = list(map(shared.setdefault, words, words))
        raw.extend(words)
    low, shape = _WORDS.describe(raw, shared.keys() if shared else None)
    return Tokens(text, low, raw, shape, segment, array("i", seg_line))


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """``text`` cut after line ends about every ``_CHUNK_CHARS`` characters: no
    word or mark holds a line end, and a full stop's look-ahead stays inside
    its chunk (a chunk ends with the line end), so chunks tokenise as the
    whole text does."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _CHUNK_CHARS)
        end = len(text) if cut < 0 else cut + 1
        yield start, end
        start = end


class _WordTable:
    """Lower-case form and shape of each distinct word seen by this process:
    articles share most of their words, so each is worked out once.  Bounded:
    cleared when it would grow past ``limit`` words (a few MB), then filled
    with the current document's words."""

    def __init__(self, limit: int = 50_000) -> None:
        self.low: dict[str, str] = {}
        self.shape: dict[str, int] = {}
        self.limit = limit

    def describe(self, raw: list[str], vocab: Set[str] | None = None) -> tuple[list[str], bytes]:
        """Per word of ``raw``: its lower-case form without a possessive, and
        its shape.  One lookup per word finds the known ones; the new ones
        (``None``) are worked out together, then filled in: at their places
        when they are few (found by ``list.index``, in C), else by looking
        every word up again.  A long text's distinct words (``vocab``) are
        looked up first instead, so that every word is looked up once."""
        if vocab is not None:
            self._learn(set(vocab).difference(self.low), vocab)
            low: list[str | None] = list(map(self.low.__getitem__, raw))
            return low, bytes(map(self.shape.__getitem__, raw))  # type: ignore[return-value]
        low = list(map(self.low.get, raw))
        missing = low.count(None)
        if missing:
            places = _places(low, None) if 8 * missing < len(raw) else None
            if places is None:
                new = set(compress(raw, map(is_, low, repeat(None))))
            else:
                new = set(map(raw.__getitem__, places))
            if self._learn(new, raw):
                places = None  # (the table was emptied)
            if places is None:
                low = list(map(self.low.__getitem__, raw))
            else:
                for k in places:
                    low[k] = self.low[raw[k]]
        return low, bytes(map(self.shape.__getitem__, raw))  # type: ignore[return-value]

    def _learn(self, new: set[str], words: Iterable[str]) -> bool:
        """Add the ``new`` words; when the table would outgrow its limit,
        empty it first and add all of ``words`` (and say so)."""
        emptied = len(self.low) + len(new) > self.limit
        if emptied:
            self.low.clear()
            self.shape.clear()
            new = set(words)
        if new:
            added = list(new)
            self.low.update(zip(added, lower_forms(added), strict=True))
            self.shape.update(zip(added, shapes(added), strict=True))
        return emptied


def _places(items: list[str | None], value: None) -> list[int]:
    """Indices of ``value`` in ``items`` (each found by ``list.index``)."""
    places: list[int] = []
    k = -1
    try:
        while True:
            k = items.index(value, k + 1)
            places.append(k)
    except ValueError:
        return places


def lower_forms(words: list[str]) -> list[str]:
    """``[strip_possessive(w.lower()) for w in words]``, in C but for possessives.

    The words (which hold no space) are lowered together, joined by spaces: a
    space ends the only context lowering looks at (a final sigma's), so each is
    lowered as on its own.  The possessive pattern can only match a lowered
    word ending in an apostrophe and "s" or long s ("ſ", which matches "s"
    case-insensitively)."""
    low = " ".join(words).lower().split(" ") if words else []
    for k in compress(range(len(low)), map(str.endswith, low, repeat(_POSSESSIVE_ENDINGS))):
        low[k] = strip_possessive(low[k])
    return low


def shapes(words: list[str]) -> list[int]:
    """``map(_shape, words)``, with a short cut for the common case: a word
    ``islower`` holds no capital (so no camel case) and is ``LOWER`` when its
    first character is a letter."""
    return [LOWER if w.islower() and w[0].isalpha() else _shape(w) for w in words]


_WORDS = _WordTable()


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


def _is_title(words: int, lower: int) -> bool:
    """Is a line of ``words`` words, ``lower`` of them not capitalised (lower
    case or not alphabetic), Title Case: a headline or a menu?"""
    return words > 0 and lower <= (0 if words < 3 else 0.3 * words)


def _title_lines(t: Tokens) -> set[int]:
    """Lines most of whose words are capitalised: headlines and menus.  The
    words' lines are in order, so each line's words, and its lower-case ones,
    are counted by bisection (counting an array of small integers with a
    ``Counter`` costs more than the whole walk)."""
    lines = t.lines
    found: set[int] = set()
    if not lines:
        return found
    lower = array("i", compress(lines, t.shape.translate(_IS_LOWER)))  # type: ignore[attr-defined]
    first = first_lower = 0
    for line in range(lines[0], lines[-1] + 1):
        end = bisect_right(lines, line, first)
        if end > first:
            end_lower = bisect_right(lower, line, first_lower)
            if _is_title(end - first, end_lower - first_lower):
                found.add(line)
            first, first_lower = end, end_lower
    return found
