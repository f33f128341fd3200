"""Which words a regular expression's matches must start with, or contain.

Read through the standard library's own regex parser (``re._parser``), a pattern
such as ``(?:the )?ever[- ]evolving`` is walked character by character to list
the words every match starts with (*the*, *ever*): :func:`first_words`.  Where the
first word is open (``(?:[\\w-]+\\s+)?community``), :func:`anchor_tree` lists the
word sets of which every match must contain one whole word (*community*).  The
answer is an over-approximation or nothing: a word set is given only when no
match can start (or run) without one of its words, so :mod:`lint.token_gate` can
skip every other place and still find exactly what ``finditer`` finds.

Keys are words casefolded (with the Turkish dotted and dotless i folded onto
"i", as ``re.IGNORECASE`` matches them), ``DIGITS`` for any number,
``SYMBOL`` + a character for a match that starts with punctuation, and
``PREFIX`` + letters for a word known only by its start.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lint import regex_cache

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

#: The key of any all-digit word: ``\\d{1,2}`` and ``2024`` alike.
DIGITS = "\x00digits"
#: The prefix of a key for a match that starts with punctuation: "\x01[" for "[".
SYMBOL = "\x01"
MIN_PREFIX = 3  # shortest useful prefix key
#: The prefix of a key for a word known only by its start: "\x03cite" for ``cite\w*``.
PREFIX = "\x03"
_SOME_NON_WORD = "\x02"
_MAX_STATES = 5000  # give up on patterns with more first-word spellings than this
_REPEATS = tuple(
    op
    for op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None))
    if op is not None
)

# A state of the analysis: (first word so far, word finished?, start guarded?).
# "Guarded" means a word boundary was asserted before the first word character,
# so a match cannot begin in the middle of a word.
_State = tuple[str, bool, bool]


class _Unprovable(Exception):
    """The pattern's words cannot be listed; scan it the plain way."""


def first_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The index keys of the words every match of ``pattern`` starts with, or None."""
    return first_words_of(pattern.pattern, pattern.flags)


def first_words_of(source: str, flags: int = 0) -> frozenset[str] | None:
    """:func:`first_words` of a regex source not compiled (compiling costs start-up).
    Kept between runs by :func:`lint.regex_cache.remember`."""
    return regex_cache.remember(
        f"first-words {_code_version()}", source, flags, lambda: _first_words_of(source, flags)
    )


def _first_words_of(source: str, flags: int) -> frozenset[str] | None:
    try:
        return _words_from(list(sre_parse.parse(source, flags)), False)
    except RecursionError:
        return None


def _code_version() -> str:
    """A digest of this module: cached answers of older code are never read."""
    return regex_cache.code_version(__file__)


def anchor_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Index keys of words of which every match contains at least one, or None
    (the choice made without a text: long words before short ones)."""
    tree = anchor_tree(pattern)
    return None if tree is None else tree.choose({w: _static_cost(w) for w in tree.words})[1]


def anchor_tree(pattern: re.Pattern[str]) -> Anchors | None:
    """Every way the analysis found to anchor ``pattern`` (see :class:`Anchors`).
    Kept between runs by :func:`lint.regex_cache.remember` (as nested tuples)."""
    plain = regex_cache.remember(
        f"anchor-tree {_code_version()}",
        pattern.pattern,
        pattern.flags,
        lambda: _plain(_anchor_tree_of(pattern.pattern, pattern.flags)),
    )
    return _from_plain(plain)  # type: ignore[return-value]


def analyse_entries(
    entries: list[tuple[str, int]],
) -> list[tuple[frozenset[str] | None, Anchors | None]]:
    """:func:`first_words_of` and :func:`anchor_tree` of each ``(source, flags)``
    -- the entries of a phrase list -- worked out together and kept between runs
    as one value (one file for a list, not two per entry)."""
    key = "\n".join(f"{flags}\x00{source}" for source, flags in entries)
    plain = regex_cache.remember(
        f"entry-analysis {_code_version()}",
        key,
        0,
        lambda: tuple(
            (_first_words_of(source, flags), _plain(_anchor_tree_of(source, flags)))
            for source, flags in entries
        ),
    )
    return [(firsts, _from_plain(tree)) for firsts, tree in plain]  # type: ignore[misc]


def _anchor_tree_of(source: str, flags: int) -> Anchors | None:
    try:
        found = _anchors(list(sre_parse.parse(source, flags)))
    except RecursionError:
        return None
    return Anchors([found]) if isinstance(found, frozenset) else found


def _plain(tree: Anchors | frozenset[str] | None) -> object:
    """``tree`` as values ``marshal`` stores: a word set stays one, a node is
    ``(union, (option, ...))``."""
    if tree is None or isinstance(tree, frozenset):
        return tree
    return (tree.union, tuple(_plain(o) for o in tree.options))


def _from_plain(plain: object) -> Anchors | frozenset[str] | None:
    if plain is None or isinstance(plain, frozenset):
        return plain  # type: ignore[return-value]
    union, options = plain  # type: ignore[misc]
    return Anchors([_from_plain(o) for o in options], union)  # type: ignore[misc]


class Anchors:
    """Ways to anchor a pattern: ``options`` are alternatives (any one will do),
    each a word set or ``Anchors`` united over branches (``union``: all parts are
    needed, one per branch of an alternation).  Which option is best depends on
    the text -- "said" is rare in a recipe and everywhere in news -- so the
    choice is made per text, from the word counts of its index."""

    __slots__ = ("options", "union", "_words", "_special")

    def __init__(self, options: list[frozenset[str] | Anchors], union: bool = False) -> None:
        self.options = options
        self.union = union
        self._words: frozenset[str] | None = None
        self._special: tuple[str, ...] | None = None

    @property
    def special_words(self) -> tuple[str, ...]:
        """The punctuation and prefix keys among ``words``."""
        if self._special is None:
            self._special = tuple(w for w in self.words if w[0] in (SYMBOL, PREFIX))
        return self._special

    @property
    def words(self) -> frozenset[str]:
        """Every word named anywhere in the tree."""
        if self._words is None:
            self._words = frozenset().union(
                *(o.words if isinstance(o, Anchors) else o for o in self.options)
            )
        return self._words

    def choose(self, cost: Mapping[str, int]) -> tuple[int, frozenset[str]]:
        """The cheapest word set (cost = sum of ``cost[word]``) and its cost."""
        picks: dict[int, int] = {}
        total = self._cost(cost, picks)
        parts: list[frozenset[str]] = []
        self._gather(picks, parts)
        return total, frozenset().union(*parts)

    def _cost(self, cost: Mapping[str, int], picks: dict[int, int]) -> int:
        """Cost of the cheapest choice below; ``picks`` records it per node."""
        of = cost.__getitem__
        costs = [
            o._cost(cost, picks) if isinstance(o, Anchors) else sum(map(of, o))
            for o in self.options
        ]
        if self.union:
            return sum(costs)
        best = picks[id(self)] = min(range(len(costs)), key=costs.__getitem__)
        return costs[best]

    def _gather(self, picks: dict[int, int], parts: list[frozenset[str]]) -> None:
        """The word sets of the choice ``_cost`` recorded."""
        chosen = self.options if self.union else [self.options[picks[id(self)]]]
        for option in chosen:
            if isinstance(option, Anchors):
                option._gather(picks, parts)
            else:
                parts.append(option)


def _static_cost(word: str) -> int:
    """Without a text: short words are common words."""
    return 1000 // (5 if word.startswith(SYMBOL) else len(word)) + 1


def _words_from(items: list, guarded: bool) -> frozenset[str] | None:
    """First words of a match of ``items`` (a parsed sequence), or None."""
    try:
        states = _walk(items, {("", False, guarded)})
    except _Unprovable:
        return None
    try:
        states = _cut(states)  # a word still open at the end may run on: a prefix
    except _Unprovable:
        return None
    if any(not word for word, _, _ in states):
        return None  # may match the empty string
    return frozenset(word_key(word) for word, _, _ in states)


def _anchors(
    items: list, guarded: bool = False, tail: list | None = None
) -> frozenset[str] | Anchors | None:
    """Every word set that every match of ``items`` must contain whole.

    ``guarded``: the sequence starts where a word cannot go on from the left;
    ``tail``: what the enclosing pattern matches after the sequence.
    """
    tail = tail or []
    options: list[frozenset[str] | Anchors] = []
    for i, (op, av) in enumerate(items):
        fresh = _starts_fresh(items, i, guarded)
        if i == 0 or fresh:
            words = _words_from(items[i:] + tail, fresh)
            if words is not None:
                options.append(words)
        after = items[i + 1 :] + tail
        inner: Anchors | None = None
        if op is sre_c.SUBPATTERN:
            inner = _anchors(list(av[-1]), fresh, after)
        elif op is sre_c.BRANCH:
            parts = [_anchors(list(alt), fresh, after) for alt in av[1]]
            if all(p is not None for p in parts):
                inner = _united(parts)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            inner = _anchors(list(av[2]), fresh)
        if inner is not None:
            options.append(inner)
    if not options:
        return None
    return options[0] if len(options) == 1 else Anchors(options)


def _united(parts: list[frozenset[str] | Anchors]) -> frozenset[str] | Anchors:
    """Branches' anchors put together (plain word sets merge into one)."""
    if all(isinstance(p, frozenset) for p in parts):
        return frozenset().union(*parts)  # type: ignore[arg-type]
    return Anchors(parts, union=True)


_YES, _OPTIONAL, _NO = "yes", "optional", "no"


def _starts_fresh(items: list, i: int, guarded: bool) -> bool:
    """Is item ``i`` always preceded by a non-word character or a word boundary?
    (``guarded``: the sequence itself starts where no word goes on from the left.)"""
    status = _seq_end(items[:i])
    return status == _YES or (status == _OPTIONAL and guarded)


def _seq_end(items: list) -> str:
    """How a parsed sequence ends: always with a separator (a non-word character or
    a word-start guard), possibly with nothing at all (optional), or otherwise."""
    for item in reversed(items):
        status = _item_end(*item)
        if status != _OPTIONAL:
            return status
    return _OPTIONAL


def _item_end(op, av) -> str:  # noqa: ANN001 - sre internals, C901
    if op is sre_c.LITERAL:
        return _NO if is_word(chr(av)) else _YES
    if op is sre_c.IN:
        chars = _class_chars(av)
        return _YES if chars is not None and not any(map(is_word, chars)) else _NO
    if op in _REPEATS:
        status = _seq_end(list(av[2]))
        return _OPTIONAL if status == _YES and av[0] == 0 else status
    if op is sre_c.SUBPATTERN:
        return _seq_end(list(av[-1]))
    if op is sre_c.BRANCH:
        statuses = {_seq_end(list(alt)) for alt in av[1]}
        return _NO if _NO in statuses else _OPTIONAL if _OPTIONAL in statuses else _YES
    if op is sre_c.AT:
        guards = (sre_c.AT_BOUNDARY, sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING)
        return _YES if av in guards else _OPTIONAL
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        guard = op is sre_c.ASSERT_NOT and av[0] == -1 and _matches_word_char(list(av[1]))
        return _YES if guard else _OPTIONAL
    return _NO


def word_key(word: str) -> str:
    """The index key of a word: casefolded, or DIGITS for a number.

    ``re.IGNORECASE`` also lets "i" match the Turkish "İ" and "ı", which
    casefolding keeps apart ("İ" becomes "i" + a combining dot): both are
    folded to "i" here, on both sides, so a gate never loses such a match."""
    if word == DIGITS or word.isdecimal():
        return DIGITS
    if word.isascii():
        return word.lower()
    return fold(word)


def fold(text: str) -> str:
    """``text`` casefolded as index keys are, the Turkish i's ("İ", "ı") as "i"."""
    return text.casefold().replace("i\u0307", "i").replace("ı", "i")


def is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _walk(items: list, states: set[_State]) -> set[_State]:
    for op, av in items:
        if all(done for _, done, _ in states):
            return states
        states = _step(op, av, states)
        if len(states) > _MAX_STATES:
            raise _Unprovable
    return states


def _step(op, av, states: set[_State]) -> set[_State]:  # noqa: ANN001 - sre internals
    if op is sre_c.LITERAL:
        return _extend(states, {chr(av)})
    if op is sre_c.IN:
        if av == [(sre_c.CATEGORY, sre_c.CATEGORY_DIGIT)]:
            return _digits(states)
        return _extend(states, _class_chars(av))
    if op is sre_c.SUBPATTERN:
        return _walk(list(av[-1]), states)
    if op is sre_c.BRANCH:
        out: set[_State] = set()
        for alternative in av[1]:
            out |= _walk(list(alternative), states)
        return out
    if op in _REPEATS:
        low, high, item = av
        once = _walk(list(item), states)
        if high != 1:  # a second round could lengthen a word: keep what is known
            once = {s if s[1] or s in states or s[0] == DIGITS else _prefix(s) for s in once}
        return (states | once) if low == 0 else once
    if op is sre_c.AT:
        if av in (sre_c.AT_BOUNDARY, sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING):
            return _boundary(states)
        return states
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        return _assertion(op, av, states)
    return _cut(states)  # anything else (., [^x], backreferences): words end unknown


def _prefix(state: _State) -> _State:
    """An open word whose end is unknown becomes a prefix key: the match's first
    word starts with it.  Not for a number, nor for fewer than MIN_PREFIX letters
    (``[a-z]+ly`` would give "a", "b", ...: every word of the text)."""
    word, _, guarded = state
    if len(word) < MIN_PREFIX or word == DIGITS or word.isdecimal():
        raise _Unprovable
    return (PREFIX + word, True, guarded)


def _cut(states: set[_State]) -> set[_State]:
    return {s if s[1] else _prefix(s) for s in states}


def _extend(states: set[_State], chars: set[str] | None) -> set[_State]:
    """Consume one character out of ``chars`` (None: too many to list)."""
    out: set[_State] = set()
    for word, done, guarded in states:
        if done:
            out.add((word, done, guarded))
            continue
        if chars is None:
            out.add(_prefix((word, done, guarded)))
            continue
        for ch in chars:
            if ch == _SOME_NON_WORD and not word:
                raise _Unprovable  # starts with any of a category (space, non-word)
            if not is_word(ch):
                out.add((word or SYMBOL + ch, True, guarded))
            elif word == DIGITS or (not word and not guarded):
                raise _Unprovable  # a number running into letters, or a start mid-word
            else:
                out.add((word + ch, False, guarded))
    return out


def _digits(states: set[_State]) -> set[_State]:
    """Consume ``\\d``: a word made only of digits becomes the DIGITS key."""
    out: set[_State] = set()
    for word, done, guarded in states:
        if done:
            out.add((word, done, guarded))
        elif word and word != DIGITS:
            out.add(_prefix((word, done, guarded)))
        elif not (word or guarded):
            raise _Unprovable
        else:
            out.add((DIGITS, False, guarded))
    return out


def _class_chars(items: list) -> set[str] | None:
    """The characters a class ``[...]`` matches, or None if it admits too many
    word characters to list.  Space and other non-word categories count as one
    non-word character."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            chars.add(chr(av))
        elif op is sre_c.RANGE and av[1] - av[0] < 64:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre_c.CATEGORY and av in (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_NOT_WORD):
            chars.add(_SOME_NON_WORD)
        else:
            return None
    return chars


def _boundary(states: set[_State]) -> set[_State]:
    """``\\b`` (or a start anchor): before a word it guards its start; after
    word characters it ends the word."""
    return {(w, done or bool(w), guarded or not w) for w, done, guarded in states}


def _assertion(op, av, states: set[_State]) -> set[_State]:  # noqa: ANN001
    direction, sub = av
    if direction == -1:  # lookbehind
        if op is sre_c.ASSERT_NOT and _matches_word_char(list(sub)):
            return {(w, done, guarded or not w) for w, done, guarded in states}
        return states
    if op is sre_c.ASSERT_NOT and _matches_word_char(list(sub)):
        return {(w, done or bool(w), guarded) for w, done, guarded in states}
    if op is sre_c.ASSERT:
        ahead = _class_of(list(sub))
        if ahead is not None and not any(is_word(ch) for ch in ahead):
            return {(w, done or bool(w), guarded) for w, done, guarded in states}
    return states


def _class_of(items: list) -> set[str] | None:
    """The character set of a one-character pattern, else None."""
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is sre_c.LITERAL:
        return {chr(av)}
    if op is sre_c.IN:
        return _class_chars(av)
    return None


def _matches_word_char(items: list) -> bool:
    """Is ``items`` a one-character class that includes every word character?"""
    if len(items) != 1:
        return False
    op, av = items[0]
    return op is sre_c.IN and (sre_c.CATEGORY, sre_c.CATEGORY_WORD) in av
