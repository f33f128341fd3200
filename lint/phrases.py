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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import NamedTuple

from lint import regex_cache
from lint.phrase_screen import EntryScreen, screenable, screened_matches
from lint.token_gate import TokenGate


class PhraseMatch(NamedTuple):
    start: int
    end: int
    phrase: str  # the list entry that matched (its canonical form)
    suggestion: str | None


@dataclass(frozen=True)
class PhraseList:
    """A compiled list of phrases; ``finditer`` scans text once.

    ``pattern`` has no capturing groups of its own (the fast one to scan and match
    with); ``named`` is the same alternation with a named group per regex entry,
    used only to tell which entry matched.
    """

    entries: tuple[str, ...]
    suggestions: tuple[str | None, ...]
    pattern: re.Pattern[str]
    named_source: str | None  # None when every entry is a literal phrase
    literals: dict[str, int]
    gate: TokenGate  # ``pattern`` tried only where one of its first words occurs

    @classmethod
    def from_lines(cls, lines: list[str], *, flags: int = re.IGNORECASE) -> PhraseList:
        entries, suggestions, regexes, literals = _parse(lines)
        scan, named = _sources(regexes, literals)
        pattern = regex_cache.compile(scan, flags)
        return cls(tuple(entries), tuple(suggestions), pattern, named, literals, TokenGate(pattern))

    @cached_property
    def named(self) -> re.Pattern[str] | None:
        """``pattern`` with a named group per regex entry; compiled on the first match
        (most lists never match in most documents, and compiling costs start-up)."""
        if self.named_source is None:
            return None
        return regex_cache.compile(self.named_source, self.pattern.flags)

    def entry_index(self, m: re.Match[str]) -> int:
        """Which entry produced match ``m`` of ``pattern`` (matched with m's endpos)."""
        if self.named is not None:
            found = self.named.match(m.string, m.start(), m.endpos)
            if found is not None and found.lastgroup != "lit":
                return int(found.lastgroup[1:]) if found.lastgroup else 0
        return self.literals[normalise(m.group())]

    @cached_property
    def screen(self) -> EntryScreen:
        """The list entry by entry (``lint.phrase_screen.EntryScreen``), analysed
        on first use: the first words of the entries that can match in a text."""
        return EntryScreen(self.entry_sources())

    def entry_sources(self) -> list[tuple[str, int]]:
        """Each entry's pattern alone, as the list's is written (the same word
        boundaries), with the list's flags: a match of the list is a match of
        one of them."""
        flags = self.pattern.flags
        return [(_sources(*_parse([e])[2:])[0], flags) for e in self.entries]

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        """The list's matches in ``text[start:end]``: ``pattern.finditer``'s,
        tried only at the first words of the entries that can match in this text
        (``lint.phrase_screen``), or else where the token gate says."""
        end = len(text) if end is None else end
        found = None
        if screenable(text, end):
            found = screened_matches(self.pattern, self.screen, text, start, end)
        for m in self.gate.finditer(text, start, end) if found is None else found:
            yield self._phrase_match(m)

    def _phrase_match(self, m: re.Match[str]) -> PhraseMatch:
        index = self.entry_index(m)
        return PhraseMatch(m.start(), m.end(), self.entries[index], self.suggestions[index])

    def search(self, text: str, start: int = 0, end: int | None = None) -> PhraseMatch | None:
        """The first match in ``text[start:end]``.  Not screened: a search is
        mostly over a piece cut from a document, read once, where indexing the
        piece would cost more than the scan (and push the document's shared word
        index out)."""
        end = len(text) if end is None else end
        m = next(self.gate.finditer(text, start, end), None)
        return None if m is None else self._phrase_match(m)


def _parse(
    lines: list[str],
) -> tuple[list[str], list[str | None], list[tuple[int, str]], dict[str, int]]:
    """A phrase file's entries, their suggestions, its regex entries (index, body)
    and its literal phrases (normalised phrase -> entry index)."""
    entries: list[str] = []
    suggestions: list[str | None] = []
    regexes: list[tuple[int, str]] = []
    literals: dict[str, int] = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        phrase, _, suggestion = line.partition("->")
        phrase = phrase.strip()
        if phrase.startswith("re:"):
            regexes.append((len(entries), phrase[3:].strip()))
        else:
            literals.setdefault(normalise(phrase), len(entries))
        entries.append(phrase)
        suggestions.append(suggestion.strip() or None)
    return entries, suggestions, regexes, literals


def _sources(regexes: list[tuple[int, str]], literals: dict[str, int]) -> tuple[str, str | None]:
    """The list's pattern source, and the same with a named group per regex entry
    (None when every entry is a literal phrase).

    Regex entries are tried in file order, then the literal phrases as one
    character trie (longest continuation first): at each position the engine
    follows one path instead of trying every phrase in turn."""
    trie = [trie_regex(list(literals))] if literals else []
    scan = _source([f"(?:{body})" for _, body in regexes] + trie)
    named = None
    if regexes:
        parts = [f"(?P<p{i}>{body})" for i, body in regexes] + [f"(?P<lit>{t})" for t in trie]
        named = _source(parts)
    return scan, named


def _source(parts: list[str]) -> str:
    """One alternation behind a single word-boundary check on each side (much faster
    than one per entry, and the same matches: the regex backtracks into it)."""
    if not parts:
        return r"(?!x)x"
    return rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])"


#: Trie units for "any whitespace" and "either apostrophe" (see ``build_trie``).
SPACE_UNIT, APOSTROPHE_UNIT = "\x00", "\x01"
_SPECIAL_UNITS = (SPACE_UNIT, APOSTROPHE_UNIT)


def normalise(phrase: str) -> str:
    """Case-, whitespace- and apostrophe-insensitive key of a literal phrase."""
    return " ".join(phrase.lower().replace("’", "'").split())


def trie_regex(phrases: list[str]) -> str:
    """A regular expression matching exactly ``phrases``, built as a character trie.

    Kept between runs (:func:`lint.regex_cache.remember`): the tries of every
    phrase list and table cost about 15 ms of start-up in every process."""
    if len(phrases) == 1:  # a one-phrase trie is a chain: nothing to keep
        return build_trie(phrases)
    return regex_cache.remember(
        f"trie {regex_cache.code_version(__file__)}",
        "\x00".join(phrases),
        0,
        lambda: build_trie(phrases),
    )


def build_trie(phrases: Sequence[str], unit: Callable[[str], str] | None = None) -> str:
    """The character trie of ``phrases`` as a regex: at each node the branches in
    character order, ``SPACE_UNIT`` and ``APOSTROPHE_UNIT`` last, a longer
    continuation tried before stopping.  A space of a phrase is the unit
    ``SPACE_UNIT``, an apostrophe ``APOSTROPHE_UNIT``; ``unit`` writes each unit
    as a regex (by default: any white space, either apostrophe, or the character
    itself).  The one trie builder: callers differ only in their units."""
    unit = unit or _unit
    if len(phrases) == 1:  # a trie of one phrase is a chain: its units in a row
        return "".join(map(unit, _units(phrases[0])))
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for ch in _units(phrase):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie, unit)


def _units(phrase: str) -> str:
    return phrase.replace(" ", SPACE_UNIT).replace("'", APOSTROPHE_UNIT)


def _node_regex(node: dict[str, dict], unit: Callable[[str], str]) -> str:
    branches = []
    for ch in sorted((c for c in node if c), key=lambda c: (c in _SPECIAL_UNITS, c)):
        child = node[ch]
        rest = {c: n for c, n in child.items() if c}
        if not rest:
            branches.append(unit(ch))
        elif "" in child:
            branches.append(f"{unit(ch)}(?:{_node_regex(rest, unit)})?")
        else:
            branches.append(unit(ch) + _node_regex(rest, unit))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _unit(ch: str) -> str:
    """The regex of one trie character: any white space, either apostrophe, or itself."""
    return r"\s+" if ch == SPACE_UNIT else "['’]" if ch == APOSTROPHE_UNIT else re.escape(ch)


@cache
def load_phrases(name: str, package: str = "rules.data") -> PhraseList:
    """Load ``<package>/<name>.txt`` as a compiled PhraseList (cached per process)."""
    text = resources.files(package).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return PhraseList.from_lines(text.splitlines())


def per_thousand(count: int, words: int) -> float:
    """Occurrences per 1,000 words (0 for an empty document)."""
    return 1000.0 * count / words if words else 0.0
