"""Personal and organisation names in running text, found by capitalisation.

A *name run* is a sequence of capitalised words ("Sam Altman", "Jean de la Fontaine",
"OpenAI CEO Sam Altman"); sentence words and titles at its start are dropped using
``rules/data/qt_not_names.txt`` and ``rules/data/qt_titles.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lint import regex_cache
from lint.phrases import load_phrases

if TYPE_CHECKING:
    from lint.document import Document

_CAP_TOKEN = r"(?:[A-Z][\w.\-]*(?:['’][A-Z][\w\-]*)?)"
_CONNECT = r"(?:de|van|von|der|den|da|di|du|la|le|bin|ibn|al)"
NAME_RUN = regex_cache.compile(
    rf"{_CAP_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_CAP_TOKEN})*(?:['’]s?(?!\w))?"
)
#: A token that looks like part of a person's name ("Jo", "J.", "McDonald", "O'Neil").
PERSON_TOKEN = regex_cache.compile(
    r"^(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[A-Z]\.|[A-Z][a-z]*[’']?[A-Z][a-z]+)$"
)
# The capital is matched first and what precedes it checked behind it: the same
# matches as a look-behind in front, but ``re`` skips to capitals at C speed.
_MID_SENTENCE_CAPITAL = regex_cache.compile(r"([A-Z](?<=[\w,;)] [A-Z])[\w\-]*)")
_SUBJECT_FOLLOW = regex_cache.compile(r"\s+(?!(?:of|in|on|at|for|and|from|with|to|by|as)\b)[a-z]")


def proper_nouns(doc: Document) -> frozenset[str]:
    """Words written with a capital inside a sentence somewhere in ``doc`` (cached):
    a capital at a sentence start alone does not make a word a name."""
    return doc.derived(_proper_nouns)


def _proper_nouns(doc: Document) -> frozenset[str]:
    return frozenset(m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(doc.text))


def best_name(text: str, *, prefer_first: bool) -> str | None:
    """The most person-like name run in ``text`` (multi-word personal names win)."""
    best: tuple[int, int, str] | None = None
    for index, m in enumerate(NAME_RUN.finditer(text)):
        run = trim_possessive(m.group(0))
        if not is_name(run):
            continue
        name = strip_titles(run)
        score = 2 if person_tokens(name) >= 2 else 1
        order = -index if prefer_first else index
        if best is None or (score, order) > best[:2]:
            best = (score, order, name)
    return best[2] if best else None


def person_tokens(name: str) -> int:
    """How many tokens of ``name`` look like parts of a person's name."""
    return sum(1 for t in name.split() if PERSON_TOKEN.match(t))


def sentence_subject(sentence: str) -> str | None:
    """The name a sentence starts with, when it is the subject ("Collins ran ...")."""
    head = sentence.lstrip(" \t\n\"“”'‘’,.")
    m = NAME_RUN.match(head)
    participle = m is not None and " " not in m.group(0) and m.group(0).endswith("ing")
    if m and not participle and is_name(m.group(0)) and _SUBJECT_FOLLOW.match(head, m.end()):
        return strip_titles(trim_possessive(m.group(0)))
    return None


def is_name(run: str) -> bool:
    """Is anything left of ``run`` once leading sentence words are dropped?"""
    return any(not _not_name(t) for t in run.split())


@lru_cache(maxsize=4096)
def _not_name(token: str) -> bool:
    if len(token) > 1 and token.isupper():
        return False  # an acronym: BBC, AS, NASA
    word = re.sub(r"[’']s?$", "", token.rstrip(".,")).lower()
    return bool(load_phrases("qt_not_names").pattern.fullmatch(word))


def trim_possessive(run: str) -> str:
    """``Jo Bloggs's`` -> ``Jo Bloggs``."""
    return re.sub(r"[’']s?$", "", run.rstrip(".,"))


def strip_titles(run: str) -> str:
    """``OpenAI CEO Sam Altman`` -> ``Sam Altman``; leading sentence words dropped."""
    tokens = run.split()
    while tokens and _not_name(tokens[0]):
        tokens.pop(0)
    titles = load_phrases("qt_titles")
    for k in range(len(tokens) - 2, -1, -1):
        if titles.pattern.fullmatch(tokens[k]):
            return " ".join(tokens[k + 1 :])
    return " ".join(tokens)
