"""Phrase lists from ``rules/data`` turned into pieces of larger regular expressions."""

from __future__ import annotations

from lint.phrases import load_phrases, trie_regex


def alternation(*names: str) -> str:
    """One regex alternation of the entries of the named phrase lists.

    Entries are compiled as one character trie (longest continuation first); any
    run of spaces in an entry matches any run of whitespace in the text ("according
    to" matches across a line break), and either apostrophe matches the other.
    Case is kept, so the caller decides on case-sensitivity.
    """
    entries = {e for name in names for e in load_phrases(name).entries}
    return trie_regex(sorted({" ".join(e.replace("’", "'").split()) for e in entries}))
