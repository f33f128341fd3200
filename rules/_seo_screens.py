"""Cheap exact screens for the anchored phrase-list matches of the SEO rules.

The SEO rules try phrase lists *at* one position: the first word of a line or a
sentence ("Posted in ...", "Subscribe to ...").  Almost every line of an article is
prose whose first word no list entry can start with, yet ``pattern.match`` tries
every regex entry of the alternation there.  A :class:`StartScreen` asks first:

* which words can a match of each entry start with?  ``lint.token_gate.first_words``
  works that out from the compiled entry (a match begins with one of them, whole);
* which word is at the position?  The ``\\w+`` run there, cut at ``end`` as the regex
  sees it, keyed as ``lint.token_gate`` keys words.

When no entry whose first words are known can start with that word, only the
entries whose first words are open ("(?:[\\w.]+\\s+){0,3}copyright", "\\d...") can
match there, and the alternation of just those, in file order, gives exactly the
match the whole list gives (the others cannot match, so the regex would pass over
them).  Otherwise the whole list is matched as before.  A word that is not ASCII
is always matched the plain way: regex case folding is not ``str.lower``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, cached_property, lru_cache, wraps
from typing import Protocol, TypeVar

from lint import pattern_words, phrases, regex_cache
from lint.document import Document
from lint.phrases import PhraseList, load_phrases, trie_regex
from lint.token_gate import DIGITS, PREFIX, SYMBOL, anchor_words, first_words, first_words_of

_T = TypeVar("_T")


def per_document(build: Callable[[Document], _T]) -> Callable[[Document], _T]:
    """``build(doc)`` worked out once per document and kept with it
    (``Document.derived``), so it goes when the document goes: the SEO rules share
    what they work out about a document without a cache that keeps the last few
    documents alive (and frees one of them in the middle of a later rule)."""

    @wraps(build)
    def once(doc: Document) -> _T:
        return doc.derived(build)

    return once


_RUN = regex_cache.compile(r"\w+")
#: Characters of text the SEO rules read in a process before their screens are
#: worked out (that costs some 20 ms once): a short run is checked the plain way.
SCREEN_AFTER_CHARS = 40_000
_read_chars = 0
_ready = False  # screens in use (they stay on once they are)


def note_text(doc: Document) -> None:
    """Count a document's text toward SCREEN_AFTER_CHARS (once per document)."""
    global _read_chars, _ready
    if not _ready:
        _read_chars += len(doc.text)
        _ready = _read_chars >= SCREEN_AFTER_CHARS


def screening() -> bool:
    """Are the screens in use?  Until then every "may it start here?" is yes."""
    return _ready


def start_key(text: str, pos: int, end: int) -> str | None:
    """The ``lint.token_gate`` key of what ``text[pos:end]`` starts with: its first
    word (lower case, or DIGITS) or SYMBOL + a punctuation character; None when it
    cannot be told cheaply (empty, or not ASCII)."""
    if pos >= end:
        return None
    ch = text[pos]
    if not ch.isascii():
        return None
    if not (ch.isalnum() or ch == "_"):
        return SYMBOL + ch
    word = _RUN.match(text, pos, end).group()  # type: ignore[union-attr]
    if not word.isascii():
        return None
    return DIGITS if word.isdecimal() else word.lower()


def literal_first_keys(phrases: list[str]) -> frozenset[str] | None:
    """The keys of the words a match of ``trie_regex(phrases)`` starts with, read off
    the phrases (``lint.phrases.normalise``d) instead of analysing the trie: a
    match spells a phrase, so its first word is the phrase's first run of word
    characters (a space, apostrophe or hyphen after it is a non-word character,
    and the list's guard ends a phrase), or its first character when that is not
    a word character.  None when a phrase is empty or starts with a space."""
    keys = set()
    for phrase in phrases:
        if not phrase or phrase[0].isspace():
            return None
        run = _RUN.match(phrase)
        if run is None:
            keys.add(SYMBOL + phrase[0])
            continue
        word = run.group()
        if word.isdecimal():
            keys.add(DIGITS)
        else:
            keys.add(word.lower() if word.isascii() else word.casefold())
    return frozenset(keys)


def _wrap(parts: list[str]) -> str:
    """A phrase list's pattern source (as ``lint.phrases`` builds it) over ``parts``."""
    if not parts:
        return r"(?!x)x"
    return rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])"


def split_entries(
    plist: PhraseList,
) -> tuple[frozenset[str] | None, tuple[str, ...], str | None]:
    """``StartScreen._split`` worked out: (first-word keys of the entries whose first
    words are known, their prefix keys, the pattern source of the alternation of the
    other entries or None); keys are None when the list cannot be screened."""
    flags = plist.pattern.flags
    bodies = [e[3:].strip() for e in plist.entries if e.startswith("re:")]
    parts = [f"(?:{body})" for body in bodies]
    if plist.literals:
        parts.append(trie_regex(list(plist.literals)))
    if _wrap(parts) != plist.pattern.pattern:  # not built the way we think
        whole = first_words(plist.pattern)
        return (None, (), None) if whole is None else _words(whole) + (None,)
    known: set[str] = set()
    open_parts: list[str] = []
    trie = parts[-1] if plist.literals else None
    for part in parts:
        if part is trie:
            words = literal_first_keys(list(plist.literals))
        else:
            words = first_words_of(_wrap([part]), flags)
        if words is None:
            open_parts.append(part)
        else:
            known |= words
    rest = _wrap(open_parts) if open_parts else None
    return _words(frozenset(known)) + (rest,)


@cache
def _split_version() -> str:
    """The code :func:`split_entries` answers with: this module, the pattern analysis
    (first words, index keys) and the phrase lists' tries."""
    modules = (__file__, pattern_words.__file__, phrases.__file__)
    return " ".join(regex_cache.code_version(module) for module in modules)


class StartScreen:
    """``plist.pattern.match(text, pos, end)``, skipping entries that cannot start at pos."""

    def __init__(self, plist: PhraseList) -> None:
        self.plist = plist
        self._may: dict[str | None, bool] = {}  # key -> may_start(key)

    @cached_property
    def _split(self) -> tuple[frozenset[str] | None, tuple[str, ...], re.Pattern[str] | None]:
        """(first-word keys of the known entries, prefix keys, alternation of the open
        entries or None); keys are None when the list cannot be screened.

        Worked out once (:func:`split_entries`) and kept between runs by
        ``regex_cache.remember`` (building the list's trie again and analysing its
        entries cost some 15 ms a process), keyed by the list's entries and pattern
        and by the code of every module the answer comes from."""
        plist = self.plist
        flags = plist.pattern.flags
        keys, prefixes, rest = regex_cache.remember(
            f"seo-split {_split_version()}",
            "\n".join(plist.entries) + "\x00" + plist.pattern.pattern,
            flags,
            lambda: split_entries(plist),
        )
        return keys, prefixes, None if rest is None else regex_cache.compile(rest, flags)

    @property
    def start_keys(self) -> tuple[frozenset[str] | None, tuple[str, ...]]:
        """(keys, prefixes) of the entries with known first words (keys None: the
        list cannot be screened); ``may_start`` reads them."""
        keys, prefixes, _ = self._split
        return keys, prefixes

    @property
    def first_keys(self) -> tuple[frozenset[str] | None, tuple[str, ...]]:
        """(keys, prefixes) every match starts with, or (None, ()) when some entry's
        first words are open."""
        keys, prefixes, rest = self._split
        return (None, ()) if keys is None or rest is not None else (keys, prefixes)

    @property
    def rest(self) -> re.Pattern[str] | None:
        """The alternation of the entries whose first words are open (None: none)."""
        return self._split[2]

    def may_start(self, key: str | None) -> bool:
        """Can an entry with known first words start with ``key``?  (True if unknown,
        or while the screens are not in use.)"""
        if not _ready:
            return True
        found = self._may.get(key)
        if found is None:
            keys, prefixes, _ = self._split
            found = key is None or keys is None or key in keys
            found = found or (bool(prefixes) and key.startswith(prefixes))  # type: ignore[union-attr]
            self._may[key] = found
        return found

    def match(
        self, text: str, pos: int, end: int, key: str | None = None, rest_ok: bool = True
    ) -> re.Match[str] | None:
        """Exactly ``plist.pattern.match(text, pos, end)``.  ``key`` is
        ``start_key(text, pos, end)`` when the caller has it already; ``rest_ok``
        False says the line holds no anchor word of the open entries
        (``rest_lines``), so they cannot match either."""
        if key is None:
            key = start_key(text, pos, end)
        if self.may_start(key):
            return self.plist.pattern.match(text, pos, end)
        rest = self._split[2]
        return rest.match(text, pos, end) if rest is not None and rest_ok else None

    @cached_property
    def _rest_anchors(self) -> frozenset[str] | None:
        """Words every match of the open entries contains whole (None: unknown, or
        too many to look up cheaply)."""
        rest = self._split[2]
        words = anchor_words(rest) if rest is not None else None
        return words if words is not None and len(words) <= MAX_LOOKED_UP else None

    def rest_lines(self, doc: Document) -> frozenset[int] | None:
        """Lines where the open entries could match (None: any line)."""
        if not _ready:
            return None
        words = self._rest_anchors
        return None if words is None else lines_with_words(doc, words)


#: Most words looked up one by one in a text (``lines_with_words``) to screen a pattern.
MAX_LOOKED_UP = 12
# Characters that regular-expression case folding matches with an ASCII letter but
# str.lower does not map to it (or maps to two characters).
_FOLD_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


@per_document
def lowered(doc: Document) -> str | None:
    """``doc.text.lower()`` when its offsets and letters agree with the regex engine's
    case folding for ASCII words, else None."""
    text = doc.text
    if not text.isascii() and any(trap in text for trap in _FOLD_TRAPS):
        return None
    return text.lower()


def lines_with_words(doc: Document, words: frozenset[str]) -> frozenset[int] | None:
    """Indices of the lines holding one of ``words`` (see ``word_starts``)."""
    found = word_starts(doc, words)
    return None if found is None else frozenset(map(doc.line_index, found))


def word_starts(doc: Document, words: frozenset[str]) -> list[int] | None:
    """Offsets where one of ``words`` (``lint.token_gate`` keys) starts as a whole
    ``\\w+`` run, or a run starting with a prefix key; None when that cannot be
    told by plain string search (digit or symbol keys, a non-ASCII word, fold traps).

    Most texts hold none of the words: ``absent`` tells so without lowering the text."""
    if any(not w.isascii() or w.startswith((DIGITS, SYMBOL)) for w in words):
        return None
    if absent(doc.text, words):
        return []
    lower = lowered(doc)
    if lower is None:
        return None
    text, found = doc.text, []
    for key in words:
        word = key[len(PREFIX) :] if key.startswith(PREFIX) else key
        whole = not key.startswith(PREFIX)
        at = lower.find(word)
        while at >= 0:
            after = at + len(word)
            if not (at and _is_word(text[at - 1])) and not (
                whole and after < len(text) and _is_word(text[after])
            ):
                found.append(at)
            at = lower.find(word, after)
    return found


#: ASCII letters that no other character matches in any case: neither regex case
#: folding nor ``str.lower`` takes another character to them, as they take "İ" and
#: "ı" to "i", the Kelvin sign to "k" and the long s to "s".
_PLAIN_LETTERS = frozenset("abcdefghjlmnopqrtuvwxyz")


def absent(text: str, words: frozenset[str]) -> bool:
    """True when no key of ``words`` (ASCII words or prefix keys) occurs in ``text``
    in any case, told by plain ``in`` tests: each word holds two letters of
    ``_PLAIN_LETTERS`` in a row, and none of the four ways to write that pair
    (lower and upper case each) is in the text.  False when that cannot be told."""
    spellings = _pair_spellings(words)
    return spellings is not None and not any(pair in text for pair in spellings)


@lru_cache(maxsize=64)
def _pair_spellings(words: frozenset[str]) -> tuple[str, ...] | None:
    """Every case spelling of a pair of plain letters of each word (None: a word
    has no such pair)."""
    found: list[str] = []
    for key in words:
        word = key[len(PREFIX) :] if key.startswith(PREFIX) else key
        pairs = [word[i : i + 2] for i in range(len(word) - 1)]
        pairs = [p for p in pairs if p[0] in _PLAIN_LETTERS and p[1] in _PLAIN_LETTERS]
        if not pairs:
            return None
        pair = max(pairs, key=_rarity)  # the least common pair is the likeliest missing
        a, b = pair
        found += [a + b, a + b.upper(), a.upper() + b, a.upper() + b.upper()]
    return tuple(dict.fromkeys(found))


def _rarity(pair: str) -> int:
    """How rare a pair of letters is in English, roughly (their frequency ranks)."""
    return _LETTER_RANK.index(pair[0]) + _LETTER_RANK.index(pair[1])


_LETTER_RANK = "etaoinshrdlcumwfgypbvkjxqz"  # English letters, most frequent first


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _words(keys: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Split index keys into whole keys and the prefixes of prefix keys."""
    prefixes = tuple(k[len(PREFIX) :] for k in keys if k.startswith(PREFIX))
    return frozenset(k for k in keys if not k.startswith(PREFIX)), prefixes


class WordStart:
    """Which words a match of a plain pattern can start with: ``may_start(key)``.

    ``pattern`` may lack a guard against starting mid-word; the screen is only
    asked about positions where a word starts (the caller checks), so it analyses
    the pattern behind such a guard."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._may: dict[str | None, bool] = {}

    @cached_property
    def _keys(self) -> tuple[frozenset[str], tuple[str, ...]] | None:
        guarded = regex_cache.compile(rf"(?<!\w)(?:{self.pattern.pattern})", self.pattern.flags)
        words = first_words(guarded)
        return None if words is None else _words(words)

    @property
    def start_keys(self) -> tuple[frozenset[str] | None, tuple[str, ...]]:
        """(keys, prefixes) a match starting at a word start begins with."""
        return (None, ()) if self._keys is None else self._keys

    def may_start(self, key: str | None) -> bool:
        """Can a match start (at a word start) where the word keyed ``key`` is?"""
        found = self._may.get(key)
        if found is None:
            found = key is None or self._keys is None or key in self._keys[0]
            found = found or (bool(self._keys[1]) and key.startswith(self._keys[1]))  # type: ignore[index,union-attr]
            self._may[key] = found
        return found


class KeyScreen(Protocol):
    """A screen that lists the first words its matches start with."""

    @property
    def start_keys(self) -> tuple[frozenset[str] | None, tuple[str, ...]]: ...


def first_word_mask(word: str, screens: tuple[KeyScreen, ...], memo: dict[str, int]) -> int:
    """Bit k set when ``screens[k]`` may match at a word start holding the ``\\w*``
    run ``word`` (its ``may_start``), read off ``mask_table``; remembered in ``memo``
    (every bit, not remembered, while the screens are not in use)."""
    if not _ready:
        return (1 << len(screens)) - 1
    key = word_key(word)
    table, prefixed, always = mask_table(screens)
    if key is None:
        mask = (1 << len(screens)) - 1
    else:
        mask = table.get(key, 0) | always
        for bit, prefixes in prefixed:
            if key.startswith(prefixes):
                mask |= bit
    memo[word] = mask
    return mask


@cache
def mask_table(
    screens: tuple[KeyScreen, ...],
) -> tuple[dict[str, int], tuple[tuple[int, tuple[str, ...]], ...], int]:
    """(key -> bits of the screens listing it, (bit, prefixes) of screens with prefix
    keys, bits of the screens that may start anywhere)."""
    table: dict[str, int] = {}
    prefixed, always = [], 0
    for k, plist in enumerate(screens):
        keys, prefixes = plist.start_keys
        if keys is None:
            always |= 1 << k
            continue
        for key in keys:
            table[key] = table.get(key, 0) | 1 << k
        if prefixes:
            prefixed.append((1 << k, prefixes))
    return table, tuple(prefixed), always


def word_key(word: str) -> str | None:
    """``start_key`` of a position where the ``\\w+`` run ``word`` starts (None:
    empty or not ASCII)."""
    if not word or not word.isascii():
        return None
    return DIGITS if word.isdecimal() else word.lower()


@cache
def screen(name: str) -> StartScreen:
    """The screened phrase list ``rules/data/<name>.txt`` (one per process)."""
    return StartScreen(load_phrases(name))
