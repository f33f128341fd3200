"""The word lists of the KW rules (``rules/data/kw_*.txt``), read once as sets."""

from __future__ import annotations

from functools import cache
from importlib import resources

from lint.phrases import load_phrases


@cache
def word_list(name: str) -> frozenset[str]:
    """A ``rules/data`` list read as a set of lower-case words."""
    return frozenset(e.lower() for e in load_phrases(name).entries)


def stopwords() -> frozenset[str]:
    """Function words (``kw_stopwords``): they never make a phrase a keyword."""
    return word_list("kw_stopwords")


@cache
def common_words() -> frozenset[str]:
    """The lexicon of ordinary lower-case English words (``kw_common_words``).

    Read as a plain set: at 41,000 entries it is a lexicon, not a phrase list to
    compile into one pattern."""
    text = resources.files("rules.data").joinpath("kw_common_words.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))
