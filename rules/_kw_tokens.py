"""The token table every KW rule reads, built once per document.

One ``findall`` over the text gives the words and the marks between them
(breaks and line ends), with a faster pattern when every letter and digit is
ASCII; one look-up per item in a table kept for the process (``_WordTable``)
tells marks from words and gives each word's shape and lower-case form;
segment and line numbers are running sums of the marks.  So the per-word work
happens in C, and Python only loops over distinct words the process has not
seen yet.  The table is compact: one shared string per distinct word
(in a long text), integer arrays for segments and lines, one byte per shape.
Character offsets are found on demand, for the few words reported.
"""

from __future__ import annotations

import re
import sys
import weakref
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate, compress, islice, repeat
from operator import and_, itemgetter, not_

from lint import regex_cache
from lint.document import WORD_RE, Document, SpanArray

# What ends a segment (n-grams and names never cross one): sentence and clause
# punctuation, a line break, a table bar, a spaced dash.  A full stop inside a
# word ("3.5", "openai.com") is part of the word, as in ``WORD_RE``.
_BREAK_RE = regex_cache.compile(r"\n|[!?;:…|]|\.(?![^\W_])|[ \t][-–—][ \t]")
# A word, or a mark: a break or a line end.  Breaks hold no word character, and a
# full stop is a break only when no word character follows, so words and marks
# never overlap: the words are ``WORD_RE``'s, and the marks ``_BREAK_RE``'s, in
# one scan.
_TOKEN_RE = regex_cache.compile(rf"{WORD_RE.pattern}|{_BREAK_RE.pattern}")
# ``_TOKEN_RE`` for a text whose only letters and digits are ASCII: there
# ``[^\W_]`` (a letter or digit) matches exactly what ``[a-zA-Z0-9]`` does, which
# ``re`` tests faster; possessive where ``re`` has them (3.11): no match of a
# word can end inside a run of letters, or stop short of a joiner and letters
# that continue it, so giving up nothing there loses no match.
_PLUS = "++" if sys.version_info >= (3, 11) else "+"
_STAR = "*+" if sys.version_info >= (3, 11) else "*"
_ASCII_TOKEN_RE = regex_cache.compile(
    rf"[a-zA-Z0-9]{_PLUS}(?:['’.\-][a-zA-Z0-9]{_PLUS}){_STAR}"
    r"|\n|[!?;:…|]|\.(?![a-zA-Z0-9])|[ \t][-–—][ \t]"
)
_WIDE_ALNUM_RE = regex_cache.compile(r"[^\W_\x00-\x7f]")  # a letter or digit past ASCII
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
# What ``_WordTable.codes`` says of an item: a word's shape, or one of these.
BREAK, LINE_END, _NEW = 5, 6, 255  # a mark (not a line end), a line end, an unknown word
_IS_MARK = bytes(int(code in (BREAK, LINE_END)) for code in range(256))
_IS_WORD = _IS_MARK.translate(bytes([1, 0, *range(2, 256)]))
_IS_LINE_END = bytes(int(code == LINE_END) for code in range(256))
_IS_NEW = bytes(int(code == _NEW) for code in range(256))


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
        """Offset of word ``i``.  The document's words (``Document.words``),
        when some rule has already found them, are ``WORD_RE``'s words of the
        text, in order: this table's words, so word ``i`` starts where the
        document's word ``i`` does.  Otherwise ``WORD_RE`` from the start of
        the word's line finds the line's words in order; the offsets found are
        kept, and the scan resumed from there for a later word of the line
        (linear overall, however many reports, and no further than the last
        word reported)."""
        doc = self.memo.get("doc")
        if doc is not None:
            words = _built_words(doc())  # type: ignore[operator]
            if words is not None:
                return words.starts[i]  # type: ignore[no-any-return]
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
    t = _build_tokens(doc.text)
    t.memo["doc"] = weakref.ref(doc)  # (its words' offsets, once found: ``start``)
    return t


def _built_words(doc: Document | None) -> SpanArray | None:
    """``doc.words`` if it has been worked out already (a cached property
    keeps it in the instance's ``__dict__``), else None."""
    return None if doc is None else doc.__dict__.get("words")  # type: ignore[no-any-return]


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
    list of strings stays small on a long file).  One look-up per item in the
    word table (``_WordTable.codes``) tells marks from words and gives each
    word's shape; the rest is done with ``bytes.translate``, ``compress`` and
    running sums, in C.  A word's segment is the number of marks before it; a
    segment's line, the number of line ends among them (``seg_line``).  A
    text of one chunk is built from its parts as they are (no copies)."""
    chunks = list(_chunks(text))
    pattern = _token_re(text)
    if len(chunks) == 1:
        raw, low, shape, segment, line_ends = _tokenise(pattern, text, *chunks[0], 0)
        seg_line = array("i", accumulate(line_ends, initial=0))
        return Tokens(text, low, raw, shape, segment, seg_line)
    raw, low, all_shapes = [], [], bytearray()
    segment, lines = array("i"), [0]  # lines[s]: line ends among the first s marks
    shared: dict[str, str] = {}  # one string object per distinct word (memory)
    for start, end in chunks:
        words, lows, shapes, segments, line_ends = _tokenise(
            pattern, text, start, end, len(lines) - 1
        )
        raw.extend(map(shared.setdefault, words, words))
        low.extend(lows)
        all_shapes.extend(shapes)
        segment.extend(segments)
        lines.extend(islice(accumulate(line_ends, initial=lines[-1]), 1, None))
    return Tokens(text, low, raw, bytes(all_shapes), segment, array("i", lines))


def _tokenise(
    pattern: re.Pattern[str], text: str, start: int, end: int, breaks: int
) -> tuple[list[str], list[str], bytes, array[int], Iterator[int]]:
    """The words of ``text[start:end]``, their lower-case forms, shapes and
    segments (counted from ``breaks``, the marks before ``start``), and per
    mark 1 if it is a line end."""
    items = pattern.findall(text, start, end)
    codes = _WORDS.codes(items)
    marks = codes.translate(_IS_MARK)
    is_word = codes.translate(_IS_WORD)
    segment = array("i")
    segment.fromlist(list(compress(islice(accumulate(marks, initial=breaks), 1, None), is_word)))
    words = list(compress(items, is_word))
    low = list(map(_WORDS.low.__getitem__, words))
    line_ends = compress(codes.translate(_IS_LINE_END), marks)
    return words, low, bytes(compress(codes, is_word)), segment, line_ends


def _token_re(text: str) -> re.Pattern[str]:
    """``_TOKEN_RE``, or its faster ASCII twin when no letter or digit of
    ``text`` is past ASCII (the two then find the same items); an ASCII text
    is known to be one without a scan."""
    if text.isascii() or not _WIDE_ALNUM_RE.search(text):
        return _ASCII_TOKEN_RE
    return _TOKEN_RE


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
    with the words being described."""

    def __init__(self, limit: int = 50_000) -> None:
        self.low: dict[str, str] = {}
        self.code: dict[str, int] = {}  # a word's shape; BREAK or LINE_END for a mark
        self.limit = limit
        self._add_marks()

    def _add_marks(self) -> None:
        self.code.update(dict.fromkeys(_MARKS - _LINE_MARKS, BREAK))
        self.code.update(dict.fromkeys(_LINE_MARKS, LINE_END))

    def codes(self, items: list[str]) -> bytes:
        """Per item (a word or a mark of ``_TOKEN_RE``): the word's shape, or
        ``BREAK`` or ``LINE_END`` for a mark (no word is a mark).  One look-up
        per item finds the known ones; the new words (``_NEW``) are worked out
        together and learned, then filled in: at their places when they are
        few (found by ``bytearray.find``, in C), else by looking every item up
        again.  Afterwards every word of ``items`` is in ``low``, until the
        next call."""
        found = bytes(map(self.code.get, items, repeat(_NEW)))
        if _NEW not in found:
            return found
        new = set(compress(items, found.translate(_IS_NEW)))
        emptied = len(self.low) + len(new) > self.limit
        if emptied:
            self.low.clear()
            self.code.clear()
            self._add_marks()
            new = set(compress(items, found.translate(_IS_WORD)))  # all the words
        added = list(new)
        self.low.update(zip(added, lower_forms(added), strict=True))
        self.code.update(zip(added, shapes(added), strict=True))
        if emptied or 8 * found.count(_NEW) >= len(items):
            return bytes(map(self.code.__getitem__, items))
        filled = bytearray(found)
        k = filled.find(_NEW)
        while k >= 0:
            filled[k] = self.code[items[k]]
            k = filled.find(_NEW, k + 1)
        return bytes(filled)

    def describe(self, raw: list[str]) -> tuple[list[str], bytes]:
        """Per word of ``raw``: its lower-case form without a possessive, and
        its shape."""
        shape = self.codes(raw)
        return list(map(self.low.__getitem__, raw)), shape


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


def shapes(words: list[str]) -> bytearray:
    """``map(_shape, words)``, with a short cut for the common case, tested
    in C: a word ``islower`` holds no capital (so no camel case) and is
    ``LOWER`` (0) when its first character is a letter.  The others are
    described one by one (``_other_shape``)."""
    found = bytearray(len(words))  # LOWER
    first_letter = map(str.isalpha, map(itemgetter(0), words))
    lower = map(and_, map(str.islower, words), first_letter)
    for k in compress(range(len(words)), map(not_, lower)):
        found[k] = _other_shape(words[k])
    return found


def _other_shape(word: str) -> int:
    """``_shape(word)``, with the camel-case pattern tried only where it can
    match: ``[a-z][A-Z]`` needs a capital after the first character, which a
    word that is ``islower`` or ``isupper``, or whose rest is ``islower``,
    has not."""
    first = word[0]
    if not first.isalpha():
        return OTHER
    if word.islower():
        return LOWER
    if word.isupper():
        return UPPER if len(word) > 1 else TITLE
    if not word[1:].islower() and _CAMEL_RE.search(word):
        return CAMEL
    return TITLE if first.isupper() else OTHER


_WORDS = _WordTable()


def _repeated_lines(text: str) -> Iterator[int]:
    """Lines whose text repeats an earlier line (a headline scraped twice)."""
    lines = list(map(str.strip, text.split("\n")))
    counts = Counter(lines)
    repeated = compress(counts, map((1).__lt__, counts.values()))
    if all(len(line) < 2 for line in repeated):
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
