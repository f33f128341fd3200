"""Shared building blocks for phrase rules: data-file phrase lists matched in one pass.

A phrase file lives in ``rules/data/`` (or any package's data folder) and holds one
entry per line::

    # comment
    delve into            -> explore        (optional suggestion after "->")
    re:powered by \\w+                       (a regular expression entry)

All entries of a file are compiled into a single alternation with word
boundaries, so a document is scanned once per list, whatever its length.  Where
several entries match at one position, regex entries win in file order, then
the longest literal phrase.  Straight and curly apostrophes match each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple


class PhraseMatch(NamedTuple):
    start: int
    end: int
    phrase: str  # the list entry that matched (its canonical form)
    suggestion: str | None


@dataclass(frozen=True)
class PhraseList:
    """A compiled list of phrases; ``finditer`` scans text once."""

    entries: tuple[str, ...]
    suggestions: tuple[str | None, ...]
    pattern: re.Pattern[str]

    @classmethod
    def from_lines(cls, lines: list[str], *, flags: int = re.IGNORECASE) -> PhraseList:
        entries: list[str] = []
        suggestions: list[str | None] = []
        parts: list[str] = []
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            phrase, _, suggestion = line.partition("->")
            phrase = phrase.strip()
            if phrase.startswith("re:"):
                body = phrase[3:].strip()
            else:
                body = r"\s+".join(re.escape(w) for w in phrase.split())
                body = re.sub("['’]", "['’]", body)
            parts.append(rf"(?P<p{len(entries)}>{body})")
            entries.append(phrase)
            suggestions.append(suggestion.strip() or None)
        # At one position the first alternative that matches wins: try regex entries in
        # file order, then literal phrases longest first ("share this" before "share").
        order = sorted(
            range(len(parts)),
            key=lambda i: (0, i) if entries[i].startswith("re:") else (1, -len(entries[i]), i),
        )
        # One word-boundary check around the whole alternation is much faster than
        # one per entry, and matches the same (the regex backtracks into it).
        alternation = "|".join(parts[i] for i in order)
        pattern = re.compile(
            rf"(?<![\w-])(?:{alternation})(?![\w-])" if parts else r"(?!x)x", flags
        )
        return cls(tuple(entries), tuple(suggestions), pattern)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        end = len(text) if end is None else end
        for m in self.pattern.finditer(text, start, end):
            index = int(m.lastgroup[1:]) if m.lastgroup else 0
            yield PhraseMatch(m.start(), m.end(), self.entries[index], self.suggestions[index])

    def search(self, text: str, start: int = 0, end: int | None = None) -> PhraseMatch | None:
        return next(self.finditer(text, start, end), None)


@cache
def load_phrases(name: str, package: str = "rules.data") -> PhraseList:
    """Load ``<package>/<name>.txt`` as a compiled PhraseList (cached per process)."""
    text = resources.files(package).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return PhraseList.from_lines(text.splitlines())


def per_thousand(count: int, words: int) -> float:
    """Occurrences per 1,000 words (0 for an empty document)."""
    return 1000.0 * count / words if words else 0.0
