"""Statistics in running text: money, percentages, counts, multipliers, fractions.

``find_figures`` runs one compiled regex over a sentence (linear time) and drops
figures that are not statistics: small amounts of money (prices), sales offers
("45% off") and intensifiers ("100% sure").  Used by NUM001.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from lint import regex_cache
from lint.char_offsets import char_offsets
from lint.phrase_regex import alternation
from lint.phrases import load_phrases
from lint.sources import any_case_trie
from lint.token_gate import (
    MIN_GATED_LENGTH,
    KeyFilter,
    fold,
    is_word,
    matches_at,
    word_index,
)

KINDS = ("money", "percent", "count", "multiplier", "fraction")


class Figure(NamedTuple):
    start: int
    end: int
    kind: str
    text: str


_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_MAG_WORDS = ("thousand", "million", "billion", "trillion", "crore", "lakh")
_MAG = rf"(?:{'|'.join(_MAG_WORDS)})"
_MAG_ABBR = r"(?:bn|mn|tn|trn|m|k|b)"
_CURRENCY = r"(?:(?:US|A|C|HK|NZ|R|S)?\$|€|£|¥|₹|₩|₽|Rs\.?\s?|(?:USD|EUR|GBP|CHF|JPY|CNY|INR)\s?)"
_START = r"(?<![\w.,#/$€£¥₹-])"
_COMPARATIVE = (
    r"(?:more|less|fewer|faster|slower|higher|lower|larger|bigger|smaller|cheaper|greater"
    r"|better|worse|longer|shorter|stronger|as|the|over)"
)


@lru_cache(maxsize=1)
def _figure_re() -> re.Pattern[str]:
    words = alternation("num_number_words")
    money_words = alternation("num_currency_words")
    units = alternation("num_non_count_units")
    amount = rf"(?:{_NUM}|(?:{words}))"
    patterns = {
        "money": (
            rf"(?<![\w$€£¥₹]){_CURRENCY}\s?{_NUM}(?:\s?{_MAG}s?|{_MAG_ABBR}(?![\w])|\s{_MAG_ABBR}\b)?"
            rf"|{_START}(?:{amount}|an?)\s+(?:{_MAG}\s+)?(?:{money_words})\b"
        ),
        "percent": rf"{_START}{amount}[\s-]?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b)",
        "count": (
            rf"{_START}(?:{amount}|an?)\s+{_MAG}s?\b(?!\s+(?:{money_words})\b)"
            rf"|{_START}{_NUM}\s?(?:bn|tn)\b"
            r"|\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b"
            rf"|{_START}\d{{1,3}}(?:,\d{{3}})+(?![\w,-]|\.\d)(?!\s+(?:{units})\b)"
        ),
        "multiplier": (
            rf"{_START}{amount}\s?(?:x|×|-fold|\s+fold|\s+times)\s+{_COMPARATIVE}\b"
            r"|\b(?:doubled|tripled|trebled|quadrupled|halved)\b(?!\s+(?:down|up|as|over\s+(?:in|with|laughing))\b)"
            r"|\b(?:two|three|four|five|ten|hundred)fold\b"
            r"|\btwice\s+as\s+(?:many|much|likely|fast|large|big|high|often|long|expensive)\b"
        ),
        "fraction": (
            r"\b(?:one|two|three|four|[1-9])\s+(?:in|out\s+of)\s+(?:every\s+)?"
            r"(?:two|three|four|five|six|seven|eight|nine|ten|[1-9]\d{0,2})\b"
            r"(?!\s*(?:million|thousand|billion|hundred))"
            r"|\b(?:two|three|four)[- ](?:thirds|quarters|fifths)\s+of\b"
        ),
    }
    body = "|".join(f"(?P<{kind}>{pat})" for kind, pat in patterns.items())
    return regex_cache.compile(rf"{_figure_start()}(?:{body})", re.IGNORECASE)


#: Words a figure can open with, other than a digit or a currency sign (the
#: currency codes and signed codes, number words, "tens"/"hundreds", multiplier
#: words and the fraction and "-fold" numerals; "a"/"an" only before a magnitude
#: or money word, see ``_figure_start``).
_OPENING_WORDS = (
    "us$", "a$", "c$", "hk$", "nz$", "r$", "s$", "rs", "usd", "eur", "gbp", "chf", "jpy",
    "cny", "inr", "tens", "hundreds", "doubled", "tripled", "trebled",
    "quadrupled", "halved", "twice", "one", "two", "three", "four", "five", "ten", "hundred",
)  # fmt: skip


def _figure_start() -> str:
    """A look-ahead every figure match passes where it starts, put in front of the
    figure pattern so that the many alternatives are tried only there.

    Every alternative of the pattern starts either at a currency sign, or at the
    start of a word (its look-behind or ``\\b`` rules out a word character before
    it) with a digit or one of ``_OPENING_WORDS`` or ``num_number_words``.  The
    look-ahead only skips positions where no alternative can match, so the
    matches are the same; it makes the scan several times faster.  (The class of
    first letters only fails fast before the trie is tried.)"""
    # "a"/"an" open a figure only before a magnitude or money word ("a million",
    # "a dollar"); "a few", "a hundred" and "a quarter of a" are number words.
    return rf"(?:(?=[$€£¥₹₩₽])|{_word_start()})"


@lru_cache(maxsize=1)
def _word_start() -> str:
    """The word half of ``_figure_start``: a word boundary before a digit or an
    opening word.  The opening words are an ``any_case_trie`` (the trie of
    ``trie_regex`` with case-sensitive classes, the same matches under
    ``re.IGNORECASE``), which ``re`` tries about twice as fast at every word
    start of a short text (``figure_starts``)."""
    words = _opening_phrases()
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return rf"\b(?=[\d{firsts}])(?=\d|(?-i:{any_case_trie(words)}))"


@lru_cache(maxsize=1)
def _opening_phrases() -> list[str]:
    """The phrases (any case) a figure can open with, other than a digit."""
    # "a"/"an" open a figure only before a magnitude or money word ("a million",
    # "a dollar"); "a few", "a hundred" and "a quarter of a" are number words.
    after_a = (*_MAG_WORDS, *load_phrases("num_currency_words").entries)
    a_words = [f"{a} {w}" for a in ("a", "an") for w in after_a]
    return sorted({*_OPENING_WORDS, *a_words, *load_phrases("num_number_words").entries})


_LEAD_WORD = regex_cache.compile(r"\w+")
#: Leads of longer phrases up to this long ("a", "an", "us") are common words:
#: they are found from what must follow them ("$", "million"), which is rare.
_SHORT_LEAD = 2


class _Openings(NamedTuple):
    """The opening phrases sorted by how their first words are found in the
    word index (see ``_word_starts_indexed``)."""

    prefixes: tuple[str, ...]  # one-word phrases: any word that starts with one ("ones")
    plain: frozenset[str]  # longer leads, taken wherever they stand ("half" of "half a")
    before_dollar: frozenset[str]  # short leads of "us$", "a$": found left of each "$"
    before_word: frozenset[str]  # short leads of "a million": found left of the word
    second_words: tuple[str, ...]  # the words after a ``before_word`` lead, as prefixes


@lru_cache(maxsize=1)
def _openings() -> _Openings:
    prefixes, plain, dollar, spaced, seconds = set(), set(), set(), set(), set()
    for phrase in _opening_phrases():
        lead = _LEAD_WORD.match(phrase.lower())
        if lead is None or lead.start() != 0:
            raise ValueError(f"opening phrase that does not start with a word: {phrase!r}")
        word, rest = lead.group(), phrase[lead.end() :].lower()
        second = _LEAD_WORD.match(rest, 1)
        if not rest:
            prefixes.add(word)
        elif len(word) > _SHORT_LEAD:
            plain.add(word)
        elif rest[0] == "$":
            dollar.add(word)
        elif rest[0] == " " and second is not None and second.start() == 1:
            spaced.add(word)
            seconds.add(second.group())
        else:
            plain.add(word)
    walked = (dollar | spaced) - plain
    return _Openings(
        tuple(sorted(prefixes)),
        frozenset(plain),
        frozenset(dollar & walked),
        frozenset(spaced & walked),
        tuple(sorted(seconds)),
    )


def _opening_spec() -> tuple[frozenset[str], tuple[str, ...]]:
    """Keys of words where ``_word_start`` may hold, short leads aside (with
    ``numbers``: a number, a word that starts with a digit): the long leads
    ("half" of "half a") and the starts of one-word phrases ("one": "ones")."""
    o = _openings()
    return o.plain, o.prefixes


_OPENING_KEYS = KeyFilter(_opening_spec, numbers=True)
_SECOND_WORD_KEYS = KeyFilter(lambda: (frozenset(), _openings().second_words))


def _lead_before(text: str, end: int, leads: frozenset[str]) -> int | None:
    """The start of a whole word of ``leads`` that ends at ``end``, if any."""
    for lead in leads:
        start = end - len(lead)
        if (
            start >= 0
            and fold(text[start:end]) == lead
            and not (start and is_word(text[start - 1]))
        ):
            return start
    return None


@lru_cache(maxsize=1)
def _word_start_re() -> re.Pattern[str]:
    return regex_cache.compile(_word_start(), re.IGNORECASE)


_CURRENCY_SIGN = regex_cache.compile("[$€£¥₹₩₽]")


def figure_starts(text: str) -> list[int]:
    """Every offset of ``text`` where ``_figure_start`` holds, sorted, for
    ``find_figures(..., starts=)``: one scan of the whole text, cheaper than the
    look-ahead in front of the big pattern at every position of every sentence.

    The scan reads the text past a sentence's end, which can only let more
    offsets through (a look-ahead that holds on a sentence holds on the text);
    ``find_figures`` then matches the whole pattern, look-ahead included, within
    the sentence, so the matches are the same."""
    signs = char_offsets(text, _SIGNS)
    if len(text) >= MIN_GATED_LENGTH:
        words = _word_starts_indexed(text, signs)
    else:
        words = [m.start() for m in _word_start_re().finditer(text)]
    return sorted(words + signs) if signs else words


_SIGNS = "$€£¥₹₩₽"  # the characters of ``_CURRENCY_SIGN``


def _word_starts_indexed(text: str, signs: list[int]) -> list[int]:
    """Where a figure can open with a word or a number, read off the shared word
    index (``signs``: the offsets of currency signs).

    A superset of where ``_word_start`` holds.  Each such place is the start of a
    word, and ``re.IGNORECASE`` matches a letter only with characters whose index
    key (casefolded, see ``lint.token_gate``) has the same letter, so the word's
    key starts with the first word of an opening phrase (``_openings``):

    * a one-word phrase ("one", matched as a prefix: "ones") or a long lead
      ("half"): every word whose key passes ``_OPENING_KEYS``;
    * a short lead followed by "$" ("us$"): the whole word just before a "$";
    * a short lead followed by white space and a word ("a million"): the whole
      word before the white space before a word that starts with a second word.

    Extra offsets are harmless: ``find_figures`` matches the whole pattern,
    look-ahead included, at each offset."""
    o = _openings()
    positions = word_index(text).positions
    found = [positions[k] for k in _OPENING_KEYS.passing(positions)]
    walked = []
    for q in signs:
        if text[q] == "$":
            p = _lead_before(text, q, o.before_dollar)
            if p is not None:
                walked.append(p)
    for key in _SECOND_WORD_KEYS.passing(positions):
        for q in positions[key]:
            j = q
            while j > 0 and text[j - 1].isspace():
                j -= 1
            p = _lead_before(text, j, o.before_word) if j < q else None
            if p is not None:
                walked.append(p)
    return sorted(chain(walked, *found))


_AVERAGE_BEFORE = regex_cache.compile(
    r"\b(?:average|median|mean|per capita)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE
)
_RATE_AFTER = regex_cache.compile(
    r"\s+(?:a|per|each)\s+(?:employee|worker|person|household|family|customer|user|student|"
    r"patient|resident|head)\b",
    re.IGNORECASE,
)


_INTENSIFIER = regex_cache.compile(
    r"\s+(?:sure|certain|committed|behind|honest|confident|convinced|focused|right|wrong"
    r"|serious|effort)\b",
    re.IGNORECASE,
)
_SAVE = regex_cache.compile(
    r"\b(?:save|saves|saving|get|extra)\s+(?:up\s+to\s+|an?\s+)?$", re.IGNORECASE
)
_GIVE = regex_cache.compile(r"\b(?:give|gives|gave|giving|given)\s+(?:it\s+)?$", re.IGNORECASE)


_OFFER = regex_cache.compile(r"\s*(?:off|discount|cash\s*back|back|savings?)\b", re.IGNORECASE)
_AMOUNT = regex_cache.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]*)", re.IGNORECASE)
_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
    "tn": 1e12,
    "trn": 1e12,
}
MIN_MONEY = 100_000


def money_value(figure: str) -> float | None:
    """The amount of a money figure ("$80 billion" -> 8e10); None for written-out ones."""
    m = _AMOUNT.search(figure)
    if m is None:
        return None
    value = float(m.group(1).replace(",", ""))
    return value * _SCALE.get(m.group(2).lower(), 1.0)


def _not_statistic(text: str, m: re.Match[str], start: int, end: int, min_money: float) -> bool:
    kind, figure = m.lastgroup, m.group(0)
    if kind == "money":
        value = money_value(figure)
        if value is None or value >= min_money:
            return False
        # A small amount is a price ("costs £1,899") unless it is an average or a
        # rate ("an average of $11,000 per employee each year"): then a statistic.
        return not (
            _AVERAGE_BEFORE.search(text, max(start, m.start() - 30), m.start())
            or _RATE_AFTER.match(text, m.end(), end)
        )
    if kind != "percent":
        return False
    if _OFFER.match(text, m.end(), end) or _SAVE.search(
        text, max(start, m.start() - 16), m.start()
    ):
        return True  # "45% off", "save up to 20%": a sales offer
    return figure.startswith(("100", "110")) and bool(
        _INTENSIFIER.match(text, m.end(), end)
        or _GIVE.search(text, max(start, m.start() - 12), m.start())
    )


def find_figures(
    text: str,
    start: int,
    end: int,
    kinds: tuple[str, ...] = KINDS,
    min_money: float = MIN_MONEY,
    starts: Sequence[int] | None = None,
) -> list[Figure]:
    """Statistics in ``text[start:end]`` (one sentence), in order.  ``starts``:
    ``figure_starts(text)``, when many sentences of one text are checked."""
    out: list[Figure] = []
    if starts is None:
        matches: Iterable[re.Match[str]] = _figure_re().finditer(text, start, end)
    else:
        first = bisect_left(starts, start)
        if first == len(starts) or starts[first] >= end:
            return out  # most sentences: no figure can start in them
        matches = matches_at(_figure_re(), text, starts, first, end)
    for m in matches:
        kind = m.lastgroup or ""
        if kind not in kinds:
            continue
        if kind in _PRICED and _not_statistic(text, m, start, end, min_money):
            continue  # only money and percentages can be prices or offers
        figure = m.group(0)  # ``split`` strips it too
        out.append(Figure(m.start(), m.end(), kind, " ".join(figure.split())))
    return out


#: The kinds ``_not_statistic`` can rule out (it answers False for any other).
_PRICED = frozenset(("money", "percent"))
