"""Direct questions used as part of a sentence (KW003): "why does X not like Y
remains a mystery", the shape of a search query pasted into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from lint.document import WORD_RE
from rules._kw_lexicon import word_list

_CLAUSE_END = re.compile(r"[.!?;:,()\"“”\n]")
_SENTENCE_END = re.compile(r"[.!?\n]")


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
    return re.compile(rf"(?<![\w'’-])(?i:{openers})\s+(?:{aux})\s+(?=\w)")


@cache
def _opener_re() -> re.Pattern[str]:
    """A question word and a space, in lower-case text: a scan without
    look-behind or case folding, fast in ``re``."""
    openers = "|".join(sorted(word_list("kw_query_openers")))
    return re.compile(rf"(?:{openers})\s")


def query_matches(text: str) -> Iterator[re.Match[str]]:
    """``_query_re().finditer(text)``, found faster.

    The lower-case text is scanned for a question word and a space, and only
    there is ``_query_re`` tried.  Every match is found: the question words are
    ASCII, and no character but their capitals matches them case-insensitively
    or lowers to them.  Lowering keeps offsets unless a character lowers to two
    ("İ"), which makes the text longer: then the text is scanned as it is."""
    query = _query_re()
    low = text.lower()
    if len(low) != len(text):
        yield from query.finditer(text)
        return
    opener = _opener_re()
    pos = 0
    while (hit := opener.search(low, pos)) is not None:
        m = query.match(text, hit.start())
        if m is None:
            pos = hit.start() + 1  # no match starts here; finditer tries the next place
            continue
        yield m
        pos = m.end()


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
