"""The shared document model: one immutable ``Document`` per file.

Every structure is a span of character offsets into ``Document.text`` and is
computed lazily, once, the first time a rule asks for it.  Rules never split text
themselves: they read ``lines``, ``blocks`` (paragraphs, headings, list items,
block quotes), ``sentences``, ``words`` and ``quotations`` from here.

``text`` is the *lintable* view of the file: the same length as ``raw`` (the
file as read), with regions that must never be linted (Markdown code, front
matter, HTML tags, suppression comments) blanked out with spaces, newlines kept.
Offsets are therefore identical in both, and positions map back to the source.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple, TypeVar, overload

from lint import regex_cache, token_gate
from lint import sentences as _sentences


class Span(NamedTuple):
    """Half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int


class Block(NamedTuple):
    """A paragraph-level unit: ``kind`` is heading, text, list, quote or table."""

    start: int
    end: int
    kind: str


class Sentence(NamedTuple):
    """A sentence; ``block`` is the index of its block in ``Document.blocks``."""

    start: int
    end: int
    block: int


class Quotation(NamedTuple):
    """A quotation: ``start``/``end`` include the quote marks, ``inner_*`` do not.

    ``kind`` is ``inline`` (quote marks inside a sentence), ``block`` (a standalone
    quoted paragraph or Markdown block quote).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    kind: str


_T = TypeVar("_T")
WORD_RE = regex_cache.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_BLANK_LINE = regex_cache.compile(r"[ \t\f\v\u00a0]*$")
_LIST_ITEM = regex_cache.compile(r"\s*(?:[-*+•·◦▪‣–]|\d{1,3}[.)])\s+\S")
_QUOTE_LINE = regex_cache.compile(r"\s*>")
_TABLE_LINE = regex_cache.compile(r"\s*\|.*\|\s*$")
_INNER_SENTENCE_END = regex_cache.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z0-9]")
_TERMINAL = regex_cache.compile(r"""[.!?:;,…]["'”’)\]]*(?:\[\^?\d{1,3}\])*\s*$""")
# Lines of hard-wrapped prose are of middling length; anything longer is a
# one-line paragraph as scraped web text usually is.
WRAP_MIN, WRAP_MAX = 40, 100
HEADING_MAX_WORDS = 14


class SpanArray(Sequence[Span]):
    """A compact, read-only sequence of spans (two integer arrays, not tuples)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, starts: array, ends: array) -> None:
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    @property
    def starts(self) -> array:
        """Every span's start offset, ascending (read only: shared by all readers)."""
        return self._starts

    @property
    def ends(self) -> array:
        """Every span's end offset (read only)."""
        return self._ends

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...
    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return [Span(s, e) for s, e in zip(self._starts[index], self._ends[index], strict=True)]
        return Span(self._starts[index], self._ends[index])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self._starts, self._ends)

    def index_at(self, offset: int) -> int:
        """Index of the last span starting at or before ``offset`` (-1 if none)."""
        return bisect_right(self._starts, offset) - 1


class Document:
    """One file's text and everything rules need to know about its structure."""

    def __init__(
        self,
        text: str,
        path: str = "<string>",
        *,
        raw: str | None = None,
        meta: Mapping[str, str] | None = None,
        blocks: Sequence[Block] | None = None,
        input_format: str = "text",
    ) -> None:
        if raw is not None and len(raw) != len(text):
            raise ValueError("raw and text must have the same length")
        self.text = text
        self.path = path
        self.raw = text if raw is None else raw
        self.meta: Mapping[str, str] = dict(meta or {})
        self.input_format = input_format
        if blocks is not None:
            self.__dict__["blocks"] = tuple(blocks)

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, chars={len(self.text)})"

    # -- positions ---------------------------------------------------------
    @cached_property
    def line_starts(self) -> array:
        """The offset each line starts at (after each "\\n"; the first is 0)."""
        return self._line_table[0]

    @cached_property
    def lines(self) -> tuple[Span, ...]:
        """Every line, without its line ending ("\\n" or "\\r\\n")."""
        return self._line_table[1]

    @cached_property
    def _line_table(self) -> tuple[array, tuple[Span, ...]]:
        """Line starts and spans from one ``split``: the per-line work is done in C."""
        text = self.text
        pieces = text.split("\n")
        lengths = list(map(len, pieces))
        starts = array("q", accumulate(map((1).__add__, lengths[:-1]), initial=0))
        spans = list(map(Span, starts, map(int.__add__, starts, lengths)))
        if "\r" in text:  # a "\r" before a line's "\n" is part of its ending
            for i in range(len(pieces) - 1):
                if pieces[i].endswith("\r"):
                    spans[i] = Span(spans[i].start, spans[i].end - 1)
        return starts, tuple(spans)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_index(self, offset: int) -> int:
        """0-based index into ``lines`` of the line holding ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def derived(self, build: Callable[[Document], _T]) -> _T:
        """``build(self)``, worked out once per document and shared by every caller
        that asks with the same function: the one place rules keep what they
        derive from a document (a token table, the cited sentences, ...)."""
        memo: dict[Callable[[Document], object], object] = self.__dict__.setdefault("_derived", {})
        if build not in memo:
            memo[build] = build(self)
        return memo[build]  # type: ignore[return-value]

    def slice(self, span: Span | Block | Sentence | Quotation) -> str:
        return self.text[span[0] : span[1]]

    # -- structure ---------------------------------------------------------
    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Paragraphs, headings, list items, quotes and table rows, in order."""
        return tuple(_split_blocks(self.text, self.lines))

    @cached_property
    def paragraphs(self) -> tuple[Block, ...]:
        """Blocks that are running prose (kind ``text``, ``list`` or ``quote``)."""
        return tuple(b for b in self.blocks if b.kind != "heading")

    @cached_property
    def headings(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "heading")

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        text = self.text
        for index, block in enumerate(self.blocks):
            if block.kind == "heading":
                out.append(Sentence(block.start, block.end, index))
                continue
            for start, end in _sentences.split(text, block.start, block.end):
                out.append(Sentence(start, end, index))
        return tuple(out)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index_at(self, offset: int) -> int:
        """Index into ``sentences`` of the sentence holding ``offset`` (-1 if none)."""
        return bisect_right(self._sentence_starts, offset) - 1

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_index_at(self, offset: int) -> int:
        return bisect_right(self._block_starts, offset) - 1

    def sentences_holding(self, offsets: Sequence[int]) -> list[int]:
        """Indices, in order, of the sentences in which one of ``offsets``
        (sorted) lies (see :func:`spans_holding`)."""
        return spans_holding(self.sentences, self.sentence_index_at, offsets)

    def blocks_holding(self, offsets: Sequence[int]) -> list[int]:
        """Indices, in order, of the blocks in which one of ``offsets`` (sorted) lies."""
        return spans_holding(self.blocks, self.block_index_at, offsets)

    @cached_property
    def words(self) -> SpanArray:
        if token_gate.worth_indexing(self.text):  # read with the text's word index
            words = token_gate.word_index(self.text).words
            if words is not None:
                return SpanArray(*words)
        starts, ends = array("q"), array("q")
        for m in WORD_RE.finditer(self.text):
            starts.append(m.start())
            ends.append(m.end())
        return SpanArray(starts, ends)

    def words_in(self, start: int, end: int) -> list[Span]:
        """The words lying inside ``[start, end)``."""
        words = self.words
        first = bisect_right(words._starts, start - 1)
        last = bisect_right(words._starts, end - 1)
        return [w for w in words[first:last] if w.end <= end]

    @cached_property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def quotations(self) -> tuple[Quotation, ...]:
        from lint.quotes import find_quotations

        return tuple(find_quotations(self))


def spans_holding(
    spans: Sequence[Span | Block | Sentence], index_at: Callable[[int], int], offsets: Sequence[int]
) -> list[int]:
    """Indices, in order, of the ``spans`` (sorted, not overlapping; ``index_at``
    gives the last one starting at or before an offset) in which one of
    ``offsets`` (sorted) lies, without looking at every span.

    Each offset belongs to the last span starting at or before it, if it lies
    before that span's end.  Once one offset is placed in a span, every later
    offset up to the start of the next span (or the end of this one, if that
    comes first) is in the same span or in none: they are skipped with one
    bisection rather than looked up one by one."""
    out: list[int] = []
    k, n, last = 0, len(offsets), len(spans) - 1
    while k < n:
        p = offsets[k]
        i = index_at(p)
        if i < 0 or p >= spans[i].end:
            k += 1
            continue
        if not out or out[-1] != i:
            out.append(i)
        limit = spans[i].end if i == last else min(spans[i].end, spans[i + 1].start)
        k = bisect_left(offsets, limit, k + 1)
    return out


def _split_blocks(text: str, lines: tuple[Span, ...]) -> Iterator[Block]:
    """Group lines into blocks: blank lines separate, list items and long
    one-line paragraphs stand alone, hard-wrapped prose lines are joined."""
    current: list[Span] = []
    kind = "text"

    def flush() -> Iterator[Block]:
        if current:
            yield _make_block(text, current[0].start, current[-1].end, kind, len(current))

    for span in lines:
        line = text[span.start : span.end]
        if _BLANK_LINE.match(line):
            yield from flush()
            current = []
            continue
        line_kind = _line_kind(line)
        if current and _continues(text, current[-1], line, kind, line_kind):
            current.append(span)
            continue
        yield from flush()
        current, kind = [span], line_kind
    yield from flush()


def _line_kind(line: str) -> str:
    if _LIST_ITEM.match(line):
        return "list"
    if _QUOTE_LINE.match(line):
        return "quote"
    if _TABLE_LINE.match(line):
        return "table"
    return "text"


def _continues(text: str, prev: Span, line: str, kind: str, line_kind: str) -> bool:
    """Does ``line`` continue the block whose last line is ``prev``?"""
    if line_kind == "quote":
        return kind == "quote"
    if line_kind in ("list", "table") or kind == "table":
        return False
    prev_text = text[prev.start : prev.end].rstrip()
    if kind == "list" and line[:1] in " \t":
        return True  # indented continuation of a list item
    stripped = line.lstrip()
    if not stripped:
        return False
    if WRAP_MIN <= len(prev_text) <= WRAP_MAX:
        return True
    # A line starting in lower case after a line with no sentence end.
    return stripped[0].islower() and len(prev_text) >= 20 and not _TERMINAL.search(prev_text)


def _make_block(text: str, start: int, end: int, kind: str, nlines: int) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if kind == "text" and nlines == 1 and _looks_like_heading(text[start:end]):
        kind = "heading"
    return Block(start, end, kind)


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    if _INNER_SENTENCE_END.search(line):
        return False
    if line.endswith("?"):
        return len(words) <= 10
    return not _TERMINAL.search(line)
