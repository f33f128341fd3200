"""A text's two tokenisations, read in one pass of the regex engine.

Two readers of a long text want its words: the token gate's word index
(:class:`lint.token_gate.WordIndex`: where each word -- each run of ``\\w``
characters -- starts, by index key) and the document model's words
(``Document.words``: ``WORD_RE`` tokens, runs of letters and digits that may be
joined by one ``'``, ``’``, ``.`` or ``-``, as in *don't*, *U.S.*, *3.5*).  Each
used to be a ``finditer`` loop with a Python step per word, a tenth of all the
rule work.  Here one ``re.split`` on ``(\\w+)`` gives the runs and the gaps
between them; their offsets come from summing lengths (``itertools.accumulate``),
and the document's words from which gaps join two runs (``itertools.compress``),
all in C.  Only the grouping of offsets by key is a Python loop.

The two readings agree exactly where the text holds no ``_``: ``WORD_RE``'s
letters and digits (``[^\\W_]``) are then exactly ``\\w``, so its tokens are the
maximal chains of runs whose gaps are one joining character (the pattern is
greedy and can start only at a run's start).  A text with ``_`` gets no
document words from here (``words`` is None); ``Document`` reads them with
``WORD_RE`` then.  ``tests/test_word_scan.py`` checks both against the plain
loops on real and random text.

The text is split in windows of about ``WINDOW`` characters cut at white space
(where neither a run nor a chain can continue), so the short-lived list of
pieces stays small on a 10 MB file.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import accumulate, compress
from operator import not_
from typing import NamedTuple

from lint import regex_cache
from lint.pattern_words import word_key

#: The characters ``WORD_RE`` lets join two runs of letters and digits.
JOINERS = frozenset("'’.-")
#: Characters split at a time (cut at the next white space).
WINDOW = 1 << 18
_RUN_SPLIT = regex_cache.compile(r"(\w+)")
_SPACE = regex_cache.compile(r"\s")


class Scan(NamedTuple):
    """What one pass over a text found."""

    positions: dict[str, list[int]]  # index key -> ascending start offsets of its runs
    words: tuple[array, array] | None  # the document's words: starts, ends (None: text has _)


def scan(text: str) -> Scan:
    """The runs of ``text`` by index key, and its document words."""
    positions: dict[str, list[int]] = {}
    keys: dict[str, str] = {}  # each distinct word -> its index key
    get = positions.get
    joined_words = "_" not in text
    starts, ends = array("q"), array("q")
    for window_start, window_end in _windows(text):
        pieces = _RUN_SPLIT.split(text[window_start:window_end])  # gap, run, gap, ..., gap
        offsets = list(accumulate(map(len, pieces), initial=window_start))
        runs = pieces[1::2]
        run_starts = offsets[1:-1:2]
        for word in set(runs).difference(keys):
            keys[word] = word if word.islower() and word.isascii() else word_key(word)
        for key, start in zip(map(keys.__getitem__, runs), run_starts, strict=True):
            found = get(key)
            if found is None:
                positions[key] = [start]
            else:
                found.append(start)
        if joined_words and runs:
            run_ends = offsets[2::2]
            apart = list(map(not_, map(JOINERS.__contains__, pieces[2:-1:2])))
            starts.append(run_starts[0])
            starts.extend(compress(run_starts[1:], apart))
            ends.extend(compress(run_ends[:-1], apart))
            ends.append(run_ends[-1])
    return Scan(positions, (starts, ends) if joined_words else None)


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` pieces covering ``text``, each cut just before white space."""
    start, length = 0, len(text)
    while start < length:
        end = start + WINDOW
        if end < length:
            space = _SPACE.search(text, end)
            end = length if space is None else space.start()
        else:
            end = length
        yield start, end
        start = end
