"""Sources a reader can follow: outlets, documents, events, laws and dates.

One place answers "is a source named here?" for the rules that ask it: QT (where a
quotation comes from, ``find_source``), REF (whether a note names an outlet or
document) and NUM/WW (whether a claim is tied to a named source,
``names_claim_source``: "according to the IMF", "Gartner estimated", "(Source: ONS)").

* An **outlet** is a news organisation from ``rules/data/outlets.txt``, matched
  case-sensitively ("Wired" the magazine, not "wired"), or one introduced by a
  phrase such as "told the ...", "in an interview with ...", "published by ...".
* A **document, event or venue** comes from ``rules/data/source_documents.txt``
  after a preposition ("in a statement", "according to the court filing").
* A **date** places a statement in time ("on Monday", "in March 2024").
* A platform or vague medium alone ("(her X post)", "on Twitter") is not a source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import chain

from lint import phrases as phrases_module
from lint import regex_cache
from lint.dates import MONTH, WEEKDAY
from lint.links import has_link_or_marker
from lint.phrase_regex import alternation
from lint.phrases import APOSTROPHE_UNIT, SPACE_UNIT, build_trie, load_phrases, trie_regex
from lint.reporting_verbs import REPORTING_VERBS
from lint.token_gate import (
    MIN_GATED_LENGTH,
    KeyFilter,
    cuts_word,
    is_word,
    matches_at,
    word_index,
)

_PLATFORMS = (
    "X|Twitter|Facebook|Instagram|LinkedIn|TikTok|YouTube|Threads|Reddit|Weibo|"
    "Truth Social|Bluesky|Mastodon|Telegram|WeChat|Substack|Medium|Discord"
)
#: Look-aheads in front of the patterns below, true wherever one of their
#: alternatives can start, so that the alternatives are tried only there: every
#: alternative starts at a word boundary with a digit or one of these letters
#: (DATE_RE: weekdays, months, "in", "on", "during", "at", "yesterday", "last",
#: "this", "earlier"), or with one of these words.  The matches are the same.
_DATE_START = r"\b(?=[\dMTWFSJAONDIiodaYylte])"
_OUTLET_WORDS = (
    "told interview speaking talking spoke published reported quoted cited broadcast aired "
    "said says addressing who writing wrote appearing"
)
_OUTLET_START = rf"\b(?={trie_regex(sorted(_OUTLET_WORDS.split()))})"
#: A date or time reference that places a statement ("on Monday", "in 2019").
DATE_RE = regex_cache.compile(
    rf"{_DATE_START}(?:\b{WEEKDAY}\b|\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{MONTH}|\b{MONTH},?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|"
    r"\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|"
    r"\b(?:[Ii]n|[Oo]n|[Dd]uring|[Aa]t)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:19|20)\d\d\b|"
    r"\b(?:[Yy]esterday|last (?:week|month|night|year)|this (?:week|month|morning|afternoon)|"
    r"earlier this (?:week|month|year))\b)"
)
#: An outlet or venue introduced by a phrase ("told the Guardian", "speaking at the UN").
OUTLET_PATTERNS = regex_cache.compile(
    rf"{_OUTLET_START}(?:\btold\s+the\s+[A-Z]|"
    r"\b(?:interview|interviews|speaking|talking|spoke|told)\s+(?:with|to)\s+(?:the\s+)?[A-Z]|"
    r"\bpublished\s+by\s+(?:the\s+)?\w|"
    r"\b(?:reported|quoted|cited|broadcast|aired)\s+by\s+(?:the\s+)?[A-Z\d]|"
    r"\b(?:told|said|says|speaking|spoke|addressing)\b[^.,\n]{0,40}?\bat\s+(?:the\s+)?[A-Z]|"
    r"\bwho\s+(?:was|were)\s+(?:speaking\s+)?at\s+(?:the\s+)?[A-Z]|"
    rf"\b(?:writing|wrote|published|said|speaking|appearing|quoted|told)\s+(?:in|on|to)\s+"
    rf"(?:the\s+)?(?!(?:{_PLATFORMS})\b)[A-Z][\w’']+)"
)
#: A law or formal document ("Section 230", "the Clean Air Act of 1970").
LEGAL_REFERENCE = regex_cache.compile(
    r"\b(?:Section|Article|Clause|Rule|Paragraph|Chapter|Title|Amendment)\s+\d+[\w.()]*|"
    r"\b(?:[A-Z][\w’'-]*\s+){1,6}(?:Act|Law|Constitution|Charter|Convention|Treaty|Code|Bill|"
    r"Regulation|Directive|Amendment)\b(?:\s+of\s+\d{4})?"
)


@lru_cache(maxsize=1)
def outlet_re() -> re.Pattern[str]:
    """Outlet names, matched case-sensitively ("Wired" the magazine, not "wired")."""
    return regex_cache.compile(rf"(?<![\w-])(?:{alternation('outlets')})(?![\w-])")


def _search_outlet(segment: str) -> re.Match[str] | None:
    """``outlet_re().search(segment)``, with the scan for its first character
    done by ``re`` at C speed (``_outlet_screen``)."""
    screen = _outlet_screen()
    if screen is None:
        return outlet_re().search(segment)
    m = screen.search(segment)
    return None if m is None else outlet_re().match(segment, m.start())


@lru_cache(maxsize=1)
def _outlet_screen() -> re.Pattern[str] | None:
    """A pattern that matches one character where ``outlet_re`` matches: a
    class of the first characters of the outlets, then a look-behind over that
    character holding a look-ahead of ``outlet_re`` itself.

    Every match of ``outlet_re`` (case-sensitive, literal entries) starts with
    the first character of an outlet, as its trie is written (an apostrophe
    stands for either), so the first place this matches is where
    ``outlet_re().search`` finds its match, and ``match`` there gives it.  A
    pattern that opens with a character class is scanned for that class in C,
    instead of trying the look-behind of ``outlet_re`` at every position.
    None (search plainly) if the list ever holds a regex entry."""
    entries = load_phrases("outlets").entries
    if any(e.startswith("re:") or not e for e in entries):
        return None
    firsts = {e.replace("’", "'").lstrip()[0] for e in entries}
    if "'" in firsts:
        firsts.add("’")
    chars = "".join(re.escape(c) for c in sorted(firsts))
    return regex_cache.compile(rf"[{chars}](?<=(?=(?:{outlet_re().pattern}))[\s\S])")


@lru_cache(maxsize=1)
def _document_re() -> re.Pattern[str]:
    """A document, event or venue after a preposition ("in a statement")."""
    nouns = alternation("source_documents")
    lead = r"(?:in|at|during|according\s+to|from|via|told|before|speaking\s+(?:at|to)|on)"
    det = r"(?:(?:a|an|the|his|her|its|their|this|last|[A-Z][\w’']*['’]s)\s+)?"
    return regex_cache.compile(
        rf"{_document_start()}\b{lead}\s+{det}(?:[\w\-’']+\s+){{0,3}}?(?:{nouns})s?\b",
        re.IGNORECASE,
    )


def _document_start() -> str:
    """A look-ahead for ``_document_re``: its lead word and a space, in any case
    (see ``any_case_prefix``)."""
    leads = "in at during according from via told before speaking on".split()
    return rf"\b(?-i:(?={any_case_prefix([f'{w} ' for w in leads])}))"


def find_source(segment: str, *, dates: bool = True) -> str | None:
    """What in ``segment`` lets a reader find a statement (None if nothing).

    ``dates=False`` for text around the statement's own sentence: a date there may
    belong to another event."""
    if has_link_or_marker(segment):
        return "link or note"
    m = _search_outlet(segment)
    if m:
        return m.group(0)
    for pattern in (OUTLET_PATTERNS, _document_re()):
        m = pattern.search(segment)
        if m:
            return m.group(0)
    if dates and _may_hold_date(segment):
        m = DATE_RE.search(segment)
        if m:
            return m.group(0)
    return None


_DIGIT = regex_cache.compile(r"\d")


def _may_hold_date(segment: str) -> bool:
    """False only where ``DATE_RE`` cannot match: every alternative of it holds a
    digit, a weekday or "yesterday" (both end in "day"), "last " or "this "
    (case-sensitive, as the pattern is).  Most segments are ruled out by four
    scans in C, each faster than the pattern's."""
    return (
        "day" in segment
        or "last " in segment
        or "this " in segment
        or _DIGIT.search(segment) is not None
    )


def names_outlet_or_document(text: str) -> bool:
    """Does ``text`` name an outlet or a kind of document ("Council minutes")?"""
    return bool(load_phrases("source_documents").search(text) or outlet_re().search(text))


def document_named(phrase: str) -> str | None:
    """The document a noun speaker is ("the statement", "the court filing"), if any."""
    nouns = load_phrases("source_documents")
    words = phrase.split()
    for k in range(1, len(words)):
        rest = " ".join(words[k:])
        if nouns.pattern.fullmatch(rest) or nouns.pattern.fullmatch(rest.rstrip("s")):
            return phrase
    return None


def document_quoted(segment: str) -> str | None:
    """A law or formal document a quote comes from ("Section 230 states:",
    "the Clean Air Act says"): it is both the speaker and the source."""
    m = LEGAL_REFERENCE.search(segment)
    return m.group(0) if m else None


# -- named sources of claims (NUM, WW) -----------------------------------------
_PASSIVE = regex_cache.compile(
    r"\b(?:is|are|was|were|be|been|being|it's|that's)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_BY_NAME = regex_cache.compile(r"\s+by\s+(?:the\s+)?(?:[A-Z]|\d)")
_SUBJECT_OK = regex_cache.compile(
    r"(?:\b(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|My|Your|In|On|At)\b)"
    r"[A-Z][\w&'’.-]*|\b(?:it|they|he|she|we|I)|\b(?:figures|data|statistics|numbers"
    r"|study|survey|report|research|poll|analysis|results|records|filings|accounts|census"
    r"|company|firm|government|ministry|department|agency|bank|group|organisation"
    r"|organization|office|authority|council|regulator))\s+"
    r"(?:(?:has|have|had|will|would|also|just|now|\w+ly)\s+){0,2}$"
)


@lru_cache(maxsize=1)
def _claim_source_re() -> re.Pattern[str]:
    verbs = alternation(REPORTING_VERBS)
    cond = alternation("reporting_verbs_after_subject")
    return regex_cache.compile(
        rf"{_claim_source_start()}(?:(?P<verb>(?<![\w-])(?i:{verbs})(?![\w-]))"
        rf"|(?P<cond>(?<![\w-])(?i:{cond})(?![\w-]))|(?P<data>{_data_source_alternatives()}))"
    )


@lru_cache(maxsize=1)
def _data_source_re() -> re.Pattern[str]:
    """The ``data`` part of ``_claim_source_re`` alone.  Where the whole pattern
    finds a ``data`` match, this part matches at the same place, so a text where
    it finds nothing has no named source of data: ``data_only`` checks stop there,
    without trying the verbs at every word."""
    return regex_cache.compile(rf"{_data_source_start()}(?:{_data_source_alternatives()})")


def _data_source_alternatives() -> str:
    source_tag = r"\(?\b(?:[Ss]ources?|[Dd]ata|[Ff]igures)\s*:\s*\S"
    origin = (
        r"\b(?i:data|figures|statistics|numbers|estimates?|survey|study|report|research|poll"
        r"|analysis|census|filings?|records|results)\s+(?i:from|by|published\s+by|released\s+by"
        r"|compiled\s+by|of|at|in)\s+(?:the\s+)?(?:[A-Z]|\d{4})"
    )
    possessive = (
        r"\b[A-Z][\w&.-]*['’]s\s+(?:[\w-]+\s+)?(?i:data|figures|statistics|numbers|estimates?"
        r"|survey|study|report|research|poll|analysis|filings?|accounts|records|results|count)"
    )
    dated = (
        r"\b(?i:a|an|the)\s+(?:\d{4}\s+)?[A-Z][\w&.-]*\s+"
        r"(?i:study|survey|report|poll|analysis|census)"
    )
    per = r"(?<![\w-])(?:per|via)\s+(?:the\s+)?[A-Z][\w&.-]+"
    by_name = rf"\b(?i:{alternation('source_participles')})\s+by\s+(?:the\s+)?(?:[A-Z]|\d{{4}})"
    return f"{source_tag}|{origin}|{possessive}|{dated}|{per}|{by_name}"


#: The first words of the data alternatives of ``_claim_source_re`` (a prefix is
#: enough: "source" for "Sources:", "estimate" for "estimates").
_DATA_OPENERS = (
    "source", "data", "figures", "statistics", "numbers", "estimate", "survey", "study",
    "report", "research", "poll", "analysis", "census", "filing", "records", "results",
    "a ", "an ", "the ", "per", "via",
)  # fmt: skip


def _data_source_start() -> str:
    """The look-ahead of ``_data_source_re``, as ``_claim_source_start`` but for
    its alternatives only: "(", a possessive ("Gartner's "), a source participle
    or one of ``_DATA_OPENERS``."""
    entries = load_phrases("source_participles").entries
    words = any_case_prefix([*entries, *_DATA_OPENERS])
    return rf"(?:(?=\()|\b(?=[A-Z][\w&.-]*['’]s\s|{words}))"


def _claim_source_start() -> str:
    """A look-ahead every match of ``_claim_source_re`` passes where it starts, put
    in front so that its many alternatives are tried only there.

    Each alternative starts at "(" ("(Source: ..."), or at the start of a word
    (after ``\\b`` or a look-behind that rules out a word character) with a
    capital letter (a possessive "Gartner's survey"), a reporting or source verb
    from the phrase lists, or one of ``_DATA_OPENERS`` (any case: a superset of
    the case-sensitive "per"/"via" and "[Ss]ources").  The look-ahead only skips
    positions where nothing can match, so the matches are the same."""
    entries = [
        entry
        for name in (REPORTING_VERBS, "reporting_verbs_after_subject", "source_participles")
        for entry in load_phrases(name).entries
    ]
    return rf"(?:(?=\()|\b(?=[A-Z]|{any_case_prefix([*entries, *_DATA_OPENERS])}))"


#: Characters other than its two cases that ``re.IGNORECASE`` matches an ASCII
#: letter with (the tests check this over all of Unicode).
_CASE_VARIANTS = {"i": "İı", "k": "\u212a", "s": "ſ"}
_PREFIX = regex_cache.compile(r"[a-z][a-z ]*")


def any_case_prefix(phrases: Sequence[str]) -> str:
    """A regex, free of flags, that matches where text starts with the leading
    letters of one of ``phrases`` in any case, as ``re.IGNORECASE`` compares them
    (a space in that lead matches any whitespace).  Only the lead up to the first
    character other than a letter or space is used, so it is a necessary
    condition for the phrases, not a match of them.

    Why not ``(?i:...)``: ``re`` tries the branches of a case-insensitive
    alternation one by one, while a branch that starts with a case-sensitive
    character class is skipped at once when the class fails; as a look-ahead at
    every word start, that is about twice as fast."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        lead = _PREFIX.match(re.sub(r"\s+", " ", phrase.lower()))
        if lead is None:
            raise ValueError(f"phrase with no leading letter: {phrase!r}")
        node = trie
        for ch in lead.group():
            if "" in node:
                break  # a shorter lead already matches
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}
    # One class of every first letter fails fast where the trie's branches would
    # each be tried (at word ends, and at words starting with another letter).
    firsts = "".join(_case_class(ch) for ch in sorted(trie))
    return f"(?=[{firsts}]){_trie_alternation(trie)}"


def _case_class(ch: str) -> str:
    """The characters ``re.IGNORECASE`` matches with the ASCII letter ``ch``."""
    return f"{ch}{ch.upper()}{_CASE_VARIANTS.get(ch, '')}"


def any_case_trie(phrases: Sequence[str]) -> str:
    """``lint.phrases.trie_regex(phrases)`` for a pattern compiled with
    ``re.IGNORECASE``, written free of flags: the same trie, branch for branch,
    with each ASCII letter a class of what ``re.IGNORECASE`` matches it with
    (``_case_class``), so it matches exactly the same text the same way.  Put it
    in ``(?-i:...)`` inside a case-insensitive pattern.

    Why: ``re`` skips a branch that opens with a case-sensitive character or
    class at once when the text's character is not in it, but tries every
    branch of a case-insensitive trie, one by one.  A character with no case
    (white space, digits, punctuation) is the same unit either way; any other
    character that is not an ASCII letter keeps ``(?i:...)`` around it.

    Kept between runs (``lint.regex_cache.remember``), as the phrase lists'
    own tries are: building a trie of a few hundred phrases costs milliseconds
    in every process."""
    return regex_cache.remember(  # type: ignore[no-any-return]
        f"any-case-trie {regex_cache.code_version(__file__)}"
        f" {regex_cache.code_version(phrases_module.__file__)}",
        "\n".join(phrases),
        0,
        lambda: build_trie(phrases, _any_case_unit),
    )


def any_case_alternation(*names: str) -> str:
    """``lint.phrase_regex.alternation(*names)`` as an ``any_case_trie`` in
    ``(?-i:...)``: for a case-insensitive pattern, the same matches."""
    entries = {e for name in names for e in load_phrases(name).entries}
    phrases = sorted({" ".join(e.replace("’", "'").split()) for e in entries})
    return f"(?-i:{any_case_trie(phrases)})"


def _any_case_unit(ch: str) -> str:
    if ch == SPACE_UNIT:
        return r"\s+"
    if ch == APOSTROPHE_UNIT:
        return "['’]"
    if "a" <= ch.lower() <= "z" and ch.isascii():
        return f"[{_case_class(ch.lower())}]"
    if ch.isascii() and ch.lower() == ch.upper():
        return re.escape(ch)  # no case: the same under either flag
    return f"(?i:{re.escape(ch)})"


def _trie_alternation(node: dict[str, dict]) -> str:
    branches = []
    for ch in sorted(c for c in node if c):
        unit = r"\s" if ch == " " else f"[{_case_class(ch)}]"
        child = node[ch]
        branches.append(unit if "" in child else unit + _trie_alternation(child))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_NOT_A_SOURCE = regex_cache.compile(
    r"\s+(?:the\s+)?(?:plan|schedule|expectations?|forecasts?|projections?|predictions?"
    r"|rumou?rs?|plans|rules|law|legend|tradition)\b",
    re.IGNORECASE,
)


Spans = Sequence[tuple[int, int]]


def names_claim_source(
    text: str,
    start: int,
    end: int,
    *,
    ignore: Spans | Callable[[], Spans] = (),
    data_only: bool = False,
) -> bool:
    """Does ``text[start:end]`` tie its claims to a named source ("according to the
    IMF", "the company said", "Gartner estimated", "figures from the ONS",
    "(Source: ONS)")?  Matches starting inside an ``ignore`` span do not count.

    ``ignore`` may be a function returning the spans: it is called at most once,
    and only for a match that names a source otherwise (each test below only
    skips a match, so their order does not change the answer), since finding the
    spans can cost more than this scan.

    With ``data_only``, only a named source of data counts ("figures from the ONS",
    "Gartner's survey", "published by Eurostat"), not a speaker ("she said").
    """
    if not _may_name_source(text, start, end):
        return False
    if data_only and not finds_data_source(text, start, end):
        return False
    spans = None if callable(ignore) else ignore
    for m in _claim_source_matches(text, start, end):
        if data_only and m.group("data") is None:
            continue
        if _NOT_A_SOURCE.match(text, m.end(), end) and m.group(0).lower().startswith("according"):
            continue  # "according to plan"
        if m.group("data") is None and not _verb_has_source(text, m, start, end):
            continue
        if spans is None:
            spans = ignore()  # type: ignore[operator]
        if not any(s <= m.start() < e for s, e in spans):
            return True
    return False


def _verb_has_source(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """A reporting verb names a source unless it is passive with no "by <Name>"
    ("is estimated"), or it is a verb such as "found" without a named subject."""
    before = text[max(start, m.start() - 30) : m.start()]
    if _PASSIVE.search(before):
        return _BY_NAME.match(text, m.end(), end) is not None
    return m.group("cond") is None or _SUBJECT_OK.search(before) is not None


# -- which sentences can name a source at all ----------------------------------
#: Whole words of the ``data`` alternatives of ``_claim_source_re`` that every
#: match of one of them but the possessive and the dated study holds.
_DATA_WORDS = (
    "source", "sources", "data", "figures", "statistics", "numbers", "estimate", "estimates",
    "survey", "study", "report", "research", "poll", "analysis", "census", "filing", "filings",
    "records", "results", "per", "via",
)  # fmt: skip
#: The nouns that end a dated study ("a 2023 Gallup poll"), matched with no word
#: end, so a word that starts with one ("reports") may hold it.
_DATED_NOUNS = ("study", "survey", "report", "poll", "analysis", "census")
_FIRST_WORD = regex_cache.compile(r"\w+")


@lru_cache(maxsize=1)
def _source_word_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    """Index keys of the words every match of ``_claim_source_re`` holds one of,
    but for a possessive ("Gartner's survey"): whole words (the first word of a
    reporting verb or source participle, a data word) and word starts (the noun
    of a dated study)."""
    names = (REPORTING_VERBS, "reporting_verbs_after_subject", "source_participles")
    return frozenset({*_DATA_WORDS, *_first_words(*names)}), _DATED_NOUNS


def _first_words(*names: str) -> set[str]:
    """The first word of every entry of the named phrase lists, lower case."""
    firsts = set()
    for entry in chain.from_iterable(load_phrases(name).entries for name in names):
        lead = _FIRST_WORD.match(entry.lower())
        if lead is None or lead.start() != 0:
            raise ValueError(f"source phrase that does not start with a word: {entry!r}")
        firsts.add(lead.group())
    return firsts


@lru_cache(maxsize=1)
def _data_start_keys() -> frozenset[str]:
    """Index keys of the words a match of ``_data_source_re`` can start with,
    but for "(", a possessive and a dated study: the data words and the first
    word of a source participle ("published by")."""
    return frozenset({*_DATA_WORDS, *_first_words("source_participles")})


_SOURCE_KEYS = KeyFilter(_source_word_keys)
_ARTICLES = ("a", "an", "the")


def _dated_starts(text: str, noun: int) -> list[int]:
    """Where the dated-study alternative of the data patterns,
    ``\\b(?i:a|an|the)\\s+(?:\\d{4}\\s+)?[A-Z][\\w&.-]*\\s+`` before a noun, can
    start if its noun starts at ``noun``: read backwards from the noun, over
    white space, a run of ``[\\w&.-]`` that starts with a capital after white
    space, white space, maybe four digits and white space, to an article."""
    j = _skip_space_back(text, noun)
    t = j
    while t > 0 and (is_word(text[t - 1]) or text[t - 1] in "&.-"):
        t -= 1
    if j == noun or t == j or not ("A" <= text[t] <= "Z"):
        return []
    ends = [_skip_space_back(text, t)]
    if ends[0] == t:
        return []
    year = ends[0] - 4
    if year > 0 and text[year : ends[0]].isdecimal() and len(text[year : ends[0]]) == 4:
        before = _skip_space_back(text, year)
        if before < year:
            ends.append(before)
    out = []
    for end in ends:
        for article in _ARTICLES:
            p = end - len(article)
            if p >= 0 and text[p:end].lower() == article and not (p and is_word(text[p - 1])):
                out.append(p)
    return out


def _skip_space_back(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


class _SourceWords:
    """Offsets of one text's source words, read off the shared word index."""

    def __init__(self, text: str) -> None:
        # All read at once: the key filters then compare the index's keys with
        # the keys seen so far only once (see ``KeyFilter``).
        self.text = text
        positions = word_index(text).positions
        #: The "s" of every possessive ("Gartner's").
        self.possessive = [p for p in positions.get("s", ()) if p > 0 and text[p - 1] in "'’"]
        # The keys of the other screens below are among these (the data words,
        # the verbs' first words and the dated nouns' starts all make a source
        # key), so they are picked out of this handful, not the whole index.
        keys = _SOURCE_KEYS.passing(positions)
        found = [positions[k] for k in keys]
        #: The words one of which a match of ``_claim_source_re`` holds, and possessives.
        self.held = sorted(chain(self.possessive, *found))
        found = [positions[k] for k in keys & _data_start_keys()]
        nouns = chain.from_iterable(positions[k] for k in keys if k.startswith(_DATED_NOUNS))
        dated = chain.from_iterable(_dated_starts(text, q) for q in nouns)
        #: Where a match of ``_data_source_re`` can start with a word (see
        #: ``_data_start_keys``), and where a dated study can (``_dated_starts``).
        self.data_starts = sorted(chain(dated, *found))
        found = [positions[k] for k in keys & _verb_words()]
        #: Where a match of ``_claim_source_re`` can start with a word: those of
        #: ``data_starts`` and the first words of the reporting verbs, each
        #: matched whole (``(?<![\w-])`` and ``(?![\w-])`` around it).
        self.claim_starts = sorted(chain(self.data_starts, *found))

    def starts_in(self, starts: list[int], start: int, end: int) -> tuple[list[int], int]:
        """``starts`` from ``start`` on, with the places in ``text[start:end]``
        where a match can start other than a word: each "(" and each capital
        that starts a word before a possessive "'s".  Returned as a sorted list
        and the index in it to begin at."""
        text = self.text
        first = bisect_left(starts, start)
        extra = []
        at = text.find("(", start, end)
        while at >= 0:
            extra.append(at)
            at = text.find("(", at + 1, end)
        possessive = self.possessive
        for k in range(bisect_left(possessive, start + 2), len(possessive)):
            if possessive[k] >= end:
                break
            extra.extend(_possessive_starts(text, start, possessive[k] - 1))
        if not extra:
            return starts, first
        return sorted(chain(starts[first : bisect_left(starts, end, first)], extra)), 0


def _source_words(text: str) -> _SourceWords:
    return word_index(text).derived(_SourceWords)


def source_word_offsets(text: str) -> list[int]:
    """Sorted offsets in ``text`` of the words one of which a match of
    ``_claim_source_re`` must hold (see ``_source_word_keys``), and of the "s"
    of every possessive ("Gartner's"), read off the shared word index."""
    return _source_words(text).held


def finds_data_source(text: str, start: int, end: int) -> bool:
    """``_data_source_re().search(text, start, end)`` found something?

    On an indexed text the pattern is matched only where one of its
    alternatives can start: at "(", at a word of ``_data_start_keys`` (each of
    them whole, before white space or a colon, and keyed casefolded as
    ``re.IGNORECASE`` compares letters), or at a capital that starts a word in
    the run of ``[\\w&.-]`` before a possessive "'s" (``_SourceWords.starts_in``).
    Any of those that matches will do: only whether one exists is asked."""
    pattern = _data_source_re()
    if len(text) < MIN_GATED_LENGTH:
        return pattern.search(text, start, end) is not None
    words = _source_words(text)
    starts, first = words.starts_in(words.data_starts, start, end)
    return next(matches_at(pattern, text, starts, first, end), None) is not None


def _claim_source_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_claim_source_re().finditer(text, start, end)``, on an indexed text tried
    only where a match can start (``_SourceWords.claim_starts`` and
    ``starts_in``): the same matches, see ``lint.token_gate.matches_at``."""
    pattern = _claim_source_re()
    if len(text) < MIN_GATED_LENGTH:
        return pattern.finditer(text, start, end)
    words = _source_words(text)
    starts, first = words.starts_in(words.claim_starts, start, end)
    return matches_at(pattern, text, starts, first, end)


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    return frozenset(_first_words(REPORTING_VERBS, "reporting_verbs_after_subject"))


def _possessive_starts(text: str, start: int, apostrophe: int) -> list[int]:
    """Where ``\\b[A-Z][\\w&.-]*`` can start (not before ``start``) and run up to
    ``apostrophe``."""
    out = []
    i = apostrophe - 1
    while i >= start and (is_word(text[i]) or text[i] in "&.-"):
        if "A" <= text[i] <= "Z" and not (i and is_word(text[i - 1])):
            out.append(i)
        i -= 1
    return out


def _may_name_source(text: str, start: int, end: int) -> bool:
    """False only where ``_claim_source_re`` cannot match in ``text[start:end]``:
    no source word (``source_word_offsets``) starts there.

    Why that is enough: every alternative of the pattern holds such a word
    whole (a verb or data word, with a word boundary or white space on both
    sides), or a word starting with a dated study's noun, or a possessive's "s";
    and the word index keys words casefolded, as ``re.IGNORECASE`` compares
    letters.  Short texts are not indexed (a plain scan costs less), and where
    ``end`` cuts a word the pattern can match a word the index does not hold
    ("said" in "saidx"): both are scanned."""
    if len(text) < MIN_GATED_LENGTH or cuts_word(text, end):
        return True
    offsets = source_word_offsets(text)
    k = bisect_left(offsets, start)
    return k < len(offsets) and offsets[k] < end
