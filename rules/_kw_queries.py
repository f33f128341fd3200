"""Direct questions used as part of a sentence (KW003): "why does X not like Y
remains a mystery", the shape of a search query pasted into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from lint import regex_cache
from lint.document import WORD_RE
from lint.token_gate import MIN_GATED_LENGTH, word_index
from rules._kw_lexicon import word_list

_CLAUSE_END = regex_cache.compile(r"[.!?;:,()\"“”\n]")
_SENTENCE_END = regex_cache.compile(r"[.!?\n]")


class PastedQueryMatch(NamedTuple):
    start: int
    end: int  # end of the query, before the continuation
    query: str  # the query's words, single-spaced
    continuation: str  # the word that treats the question as a noun phrase


MAX_SENTENCE_CHARS = 2000


@cache
def _query_re() -> re.Pattern[str]:
    """A question word followed by an inverted auxiliary ("why does ")."""
    openers = "|".join(sorted(word_list("kw_query_openers")))
    aux = "|".join(sorted(word_list("kw_query_auxiliaries")))
    return regex_cache.compile(rf"(?<![\w'’-])(?i:{openers})\s+(?:{aux})\s+(?=\w)")


_INDEXED_FROM = MIN_GATED_LENGTH  # texts this long are looked up in the word index
_CHUNK_CHARS = 1 << 16  # text lowered at a time (lowering a long text takes much memory)


@cache
def _opener_re(ignore_case: bool = False) -> re.Pattern[str]:
    """A question word and a space: a scan without look-behind (and, in
    lower-case text, without case folding), fast in ``re``."""
    openers = "|".join(sorted(word_list("kw_query_openers")))
    return regex_cache.compile(rf"(?:{openers})\s", re.IGNORECASE if ignore_case else 0)


def query_matches(text: str) -> Iterator[re.Match[str]]:
    """``_query_re().finditer(text)``, found faster: ``_query_re`` is only tried
    where a question word starts (``_opener_starts``), left to right, from the
    end of the previous match on, as ``finditer`` would."""
    query = _query_re()
    pos = 0
    for start in _opener_starts(text):
        if start < pos:
            continue
        m = query.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def _opener_starts(text: str) -> Iterator[int]:
    """In order, every offset where a question word starts, case aside (and
    maybe a few more): every place a match of ``_query_re`` can start.

    A long text is looked up in the shared word index (``word_index``, built
    once per text for every rule that gates its patterns on words): a match
    starts where no word character comes before it and a space comes after
    the question word, so the question word is a whole ``\\w+`` word of the
    index, whose key is its lower-case form (no character but the ASCII
    capitals matches the ASCII question words case-insensitively).  A short
    text is scanned (``_scanned_opener_starts``): indexing it costs more."""
    if len(text) >= _INDEXED_FROM:
        return iter(word_index(text).candidates(word_list("kw_query_openers")))
    return _scanned_opener_starts(text)


def _scanned_opener_starts(text: str) -> Iterator[int]:
    """In order, every offset where a question word and a space start, case
    aside, found by scanning the text.

    The text is lowered a chunk at a time (with a few characters more, so that
    a question word starting in the chunk is whole) and scanned.  No character
    but the capitals of the (ASCII) question words matches them
    case-insensitively or lowers to them.  Lowering keeps offsets unless a
    character lowers to two ("İ"), which makes the chunk longer: that chunk is
    then scanned case-insensitively as it is."""
    overlap = max(map(len, word_list("kw_query_openers")), default=0) + 1
    for chunk in range(0, len(text), _CHUNK_CHARS):
        piece = text[chunk : chunk + _CHUNK_CHARS + overlap]
        low = piece.lower()
        if len(low) == len(piece):
            opener, scanned = _opener_re(), low
        else:
            opener, scanned = _opener_re(ignore_case=True), piece
        at = 0
        while (hit := opener.search(scanned, at)) is not None and hit.start() < _CHUNK_CHARS:
            yield chunk + hit.start()
            at = hit.start() + 1


def pasted_queries(text: str, max_words: int, min_words: int) -> Iterator[PastedQueryMatch]:
    """Direct questions followed, within ``max_words`` words (at least
    ``min_words`` in), by a continuation word, in a sentence without a question
    mark."""
    continuations = word_list("kw_query_continuations")
    for m in query_matches(text):
        found = _continuation(text, m.end(), continuations, max_words, min_words)
        if found is None:
            continue
        cont_start, cont_word = found
        end = cont_start
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        query = " ".join(text[m.start() : end].split())
        yield PastedQueryMatch(m.start(), end, query, cont_word)


def _continuation(
    text: str, pos: int, continuations: frozenset[str], max_words: int, min_words: int
) -> tuple[int, str] | None:
    """The continuation word after the question starting its body at ``pos``,
    before any punctuation, with its offset."""
    window = pos + 40 * (max_words + 1)  # bounds the work
    stop = _CLAUSE_END.search(text, pos, window)
    clause_end = stop.start() if stop else min(window, len(text))
    if stop and stop.group() == "?":
        return None
    words = list(WORD_RE.finditer(text, pos, clause_end))
    if words and words[0].group().lower() == "that":
        return None
    for k, w in enumerate(words[: max_words + 1]):
        if k >= min_words and w.group() in continuations:
            if _sentence_has_question_mark(text, clause_end):
                return None
            return w.start(), w.group()
    return None


def _sentence_has_question_mark(text: str, pos: int) -> bool:
    """Does the sentence going on at ``pos`` end with a question mark?  (Looked for
    within ``MAX_SENTENCE_CHARS``, so text without sentence ends stays linear.)"""
    end = _SENTENCE_END.search(text, pos, pos + MAX_SENTENCE_CHARS)
    return bool(end and end.group() == "?")
