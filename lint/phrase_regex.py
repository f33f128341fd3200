"""Phrase lists from ``rules/data`` turned into pieces of larger regular expressions."""

from __future__ import annotations

import re

from lint.phrases import load_phrases


def alternation(*names: str) -> str:
    """One regex alternation of the entries of the named phrase lists.

    Entries are escaped, longest first, and any run of spaces in an entry matches
    any run of whitespace in the text ("according to" matches across a line break).
    """
    entries = {e for name in names for e in load_phrases(name).entries}
    ordered = sorted(entries, key=lambda e: (-len(e), e))
    return "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in ordered)
