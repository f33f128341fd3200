"""Reporting verbs ("said", "told", "according to"): who made a statement.

Two lists in ``rules/data``: ``reporting_verbs`` (verbs whose subject made the
statement, shared by every family that asks who said or claimed something) and
``qt_speech_verbs`` (further verbs that introduce a quotation: "quipped",
"slammed", "pointed out").  ``speech_verbs`` finds both in a piece of text with a
word-by-word set look-up, so it is linear in the text's length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from lint import regex_cache
from lint.phrases import load_phrases

#: The shared list, and the list of verbs that only introduce quotations.
REPORTING_VERBS = "reporting_verbs"
SPEECH_VERBS = "qt_speech_verbs"
_PLAIN_WORD = regex_cache.compile(r"(?<![\w’'-])[A-Za-z]+(?![\w-])")


class VerbMatch(NamedTuple):
    start: int
    end: int
    phrase: str


@lru_cache(maxsize=1)
def _verb_table() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """Speech verbs: one-word entries, and longer ones keyed by their first word."""
    single: set[str] = set()
    longer: dict[str, list[str]] = {}
    for name in (REPORTING_VERBS, SPEECH_VERBS):
        for entry in load_phrases(name).entries:
            words = entry.lower().split()
            if len(words) == 1:
                single.add(words[0])
            elif " ".join(words) not in longer.get(words[0], ()):
                longer.setdefault(words[0], []).append(" ".join(words))
    return frozenset(single), {k: tuple(v) for k, v in longer.items()}


def is_speech_verb(word: str) -> bool:
    """Is ``word`` (lower case) a one-word reporting or speech verb?"""
    return word in _verb_table()[0]


@lru_cache(maxsize=1)
def _verb_word_re() -> re.Pattern[str]:
    """The plain words (``_PLAIN_WORD``) that are a verb or start a longer one.

    Each letter is a class of its two ASCII cases, as ``_PLAIN_WORD`` only takes
    ASCII letters and compares them lower-cased; with the same look-around, it
    finds exactly the plain words whose lower case is in the table, so the loop
    below sees the same words in the same order and skips the others at C speed."""
    single, longer = _verb_table()
    trie: dict[str, dict] = {}
    for word in {*single, *longer}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return regex_cache.compile(rf"(?<![\w’'-]){_ascii_case_trie(trie)}(?![\w-])")


def _ascii_case_trie(node: dict[str, dict]) -> str:
    """A character trie of lower-case ASCII words as a regex, each letter a class
    of its two ASCII cases (a trie: a word start is checked against each first
    letter once, not against every word)."""
    branches = []
    for ch in sorted(c for c in node if c):
        unit = f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch)
        rest = {c: n for c, n in node[ch].items() if c}
        if not rest:
            branches.append(unit)
        else:
            tail = _ascii_case_trie(rest)
            branches.append(f"{unit}(?:{tail})?" if "" in node[ch] else unit + tail)
    return "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def _longer_patterns() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The longer verbs keyed by their first word, each with its words joined by
    ``\\s+`` as a compiled pattern (compiled once, not looked up in ``re``'s
    cache at every "in" of a text: "in the words of" is one of them)."""
    _, longer = _verb_table()
    return {
        word: tuple((p, regex_cache.compile(r"\s+".join(p.split()))) for p in phrases)
        for word, phrases in longer.items()
    }


def speech_verbs(segment: str, end: int | None = None) -> list[VerbMatch]:
    """Reporting and speech verbs in ``segment[:end]``, in order."""
    single = _verb_table()[0]
    longer = _longer_patterns()
    out = []
    for m in _verb_word_re().finditer(segment, 0, len(segment) if end is None else end):
        word = m.group(0).lower()
        for phrase, pattern in longer.get(word, ()):
            stop = m.start() + len(phrase)
            if pattern.fullmatch(segment[m.start() : stop].lower()):
                out.append(VerbMatch(m.start(), stop, phrase))
                break
        else:
            if word in single:
                out.append(VerbMatch(m.start(), m.end(), word))
    return out
