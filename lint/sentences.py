"""Sentence boundaries as character offsets.

Segmentation is delegated to sentencex (Wikimedia's rule-based segmenter: it
knows abbreviations such as "U.S." and "Dr.", decimals, quotes and footnote
markers, and is the fastest accurate option we measured).  This module only turns
its output into offsets and trims surrounding whitespace.
"""

from __future__ import annotations

from collections.abc import Iterator

import sentencex

# Segment very long blocks in windows so that memory stays bounded.
_WINDOW = 200_000


def split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence in ``text[start:end]``."""
    chunk = text[start:end].replace("\n", " ").replace("\r", " ")
    if len(chunk) > _WINDOW:
        yield from _split_windows(chunk, start)
        return
    yield from _align(chunk, start)


def _align(chunk: str, base: int) -> Iterator[tuple[int, int]]:
    pos = 0
    for piece in sentencex.segment("en", chunk):
        found = chunk.find(piece, pos) if not chunk.startswith(piece, pos) else pos
        if found < 0:  # segmenter altered the text: fall back to one sentence
            yield from _trim(chunk, base, pos, len(chunk))
            return
        yield from _trim(chunk, base, found, found + len(piece))
        pos = found + len(piece)
    if pos < len(chunk):
        yield from _trim(chunk, base, pos, len(chunk))


def _split_windows(chunk: str, base: int) -> Iterator[tuple[int, int]]:
    pos = 0
    while pos < len(chunk):
        cut = min(len(chunk), pos + _WINDOW)
        if cut < len(chunk):
            space = chunk.rfind(". ", pos, cut)
            cut = space + 2 if space > pos else cut
        yield from _align(chunk[pos:cut], base + pos)
        pos = cut


def _trim(chunk: str, base: int, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and chunk[s].isspace():
        s += 1
    while e > s and chunk[e - 1].isspace():
        e -= 1
    if e > s:
        yield base + s, base + e
