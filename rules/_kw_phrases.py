"""Repeated keyword phrases (KW001, KW004): frequent n-grams a reader would call
a keyword, not a name, a label, a repeated passage or a term (``is_term``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress, islice
from operator import and_, eq, itemgetter, not_

from lint.ngrams import (
    KEEP_GRAMS,
    NgramCounts,
    Phrase,
    consecutive_runs,
    count_ngrams,
    frequent_phrases,
    frequent_words,
    has_long_run,
    longest_first,
    ngram_starts,
    phrases_in_runs,
)
from lint.phrases import load_phrases
from rules._kw_lexicon import common_words, stopwords, word_list
from rules._kw_tokens import (
    CAMEL,
    IS_CAPITAL,
    LOWER,
    TITLE,
    UPPER,
    Tokens,
    strip_possessive,
)

MAX_PHRASE_WORDS = 8  # longest phrase KW001/KW004 report; longer runs are cut
#: Texts of this many words find each threshold's phrases on their own (not shared).
LONG_TEXT_WORDS = KEEP_GRAMS


def repeated_phrases(
    t: Tokens, min_words: int, min_count: int, max_density: float | None = None
) -> list[Phrase]:
    """Maximal keyword phrases of ``min_words``+ words seen ``min_count``+ times.
    When ``max_density`` is given, only those that may exceed it are sure to
    be listed (occurrences times words, over the document's words): every
    phrase over it, in the same order as without ``max_density``, and maybe
    some others before them (``_last_dense``); none when no phrase seen that
    often exceeds it (maximal phrases keep some occurrences of some of these
    phrases, so they would not either).

    A phrase's length is counted without the function words at its ends ("the
    prime minister" is a two-word phrase), and it needs two alphabetic content
    words.  One hashing pass counts the trigrams (once per document, for
    KW001 and KW004 alike: ``_frequent``); only the positions of the frequent
    ones are extended to longer phrases, and only frequent phrases are
    extended further, so the cost is linear in the number of words.  A stretch of frequent n-grams
    longer than ``MAX_PHRASE_WORDS`` is a repeated passage (DUP001's business),
    not a keyword, and is skipped.  A phrase is dropped when longer chosen
    phrases cover all its occurrences, when it is a name (all its content
    words capitalised at every occurrence: "Bank of England"), and when every
    occurrence is a whole line or clause of its own (a label a template repeats:
    "Eat every 2-3 hours" under each meal).  Occurrences on a line that repeats
    an earlier line verbatim (a headline scraped twice) are not counted.  Terms
    are kept: the rules ask ``is_term`` about the phrases they would report.
    """
    n = min(min_words, 3)  # every longer phrase starts with a frequent trigram
    base, frequent, content = _frequent(t, min_count)
    if len(content) < 2 or content[1] < min_count:
        return []  # a keyword phrase holds two content words seen as often
    occurrences = _phrase_occurrences(t, n, min_count, base, frequent)
    # (a phrase shorter than ``min_words`` is no keyword: it could only be skipped)
    order = [
        (w, pos)
        for w, pos in _in_order(t, occurrences)
        if len(w) >= min_words and len(pos) >= min_count
    ]
    if max_density is not None:
        order = order[: _last_dense(order, len(t.low), max_density) + 1]
        if not order:
            return []
    return _maximal_phrases(t, order, min_count, min_words)


def _in_order(
    t: Tokens, occurrences: dict[tuple[str, ...], list[int]]
) -> list[tuple[tuple[str, ...], list[int]]]:
    """``longest_first(occurrences)``, sorted once per document for KW001 and
    KW004 when they read the same phrases.  No two phrases share a length and
    a first position, so the order is total: the phrases a rule keeps are in
    the order their own sort would give."""
    kept = t.memo.get("order")
    if kept is None or kept[0] is not occurrences:  # type: ignore[index]
        kept = t.memo["order"] = (occurrences, longest_first(occurrences))
    return kept[1]  # type: ignore[no-any-return,index]


def _last_dense(order: list[tuple[tuple[str, ...], list[int]]], total: int, density: float) -> int:
    """Index in ``order`` of the last phrase over ``density`` (-1 if none).

    The phrases after it cannot change what ``_maximal_phrases`` makes of a
    dense one: it takes the phrases in this order, and each is judged by the
    ones before it (the positions they cover), never by later ones.  A chosen
    phrase keeps some of its occurrences (``_counted``), so it is over the
    density only if its entry here is: cutting the list after the last dense
    entry keeps every chosen phrase over the density, in the same order."""
    dense = [len(pos) * len(w) / total > density for w, pos in order]
    return len(dense) - 1 - dense[::-1].index(True) if True in dense else -1


def _phrase_occurrences(
    t: Tokens, n: int, min_count: int, base: int, frequent: set[str]
) -> dict[tuple[str, ...], list[int]]:
    """The phrases seen ``min_count``+ times (``frequent_phrases``), of any
    length from ``n`` words, with their positions, and maybe phrases seen
    fewer times (``base``+ times, found in the same way): the caller drops them.

    Found once per document for the counts' threshold ``base`` (at most
    ``min_count``), for KW001 and KW004 alike.  When no run of frequent
    n-grams at ``base`` was too long to count (``has_long_run``), a higher
    threshold's phrases are those seen that often among them, with the same
    positions: a phrase seen ``min_count`` times inside segments has every
    n-gram of it seen as often, so each occurrence lies in a run of frequent
    n-grams, at ``base`` as at ``min_count``, and a run at ``min_count`` is
    part of one at ``base``, no longer.  Otherwise (rare) a run too long at
    ``base`` may hold shorter runs at ``min_count``: they are counted anew."""
    key = ("phrases", n, base)
    memo = t.memo.get(key)
    if memo is None and min_count > base and len(t.low) >= LONG_TEXT_WORDS:
        # A long text: its rules may run in separate processes (``lint.split``),
        # which share nothing, so its phrases are found at ``min_count`` alone.
        starts = ngram_starts(_ngram_counts(t, n, base, frequent), t.segment, min_count)
        return frequent_phrases(t.low, t.segment, starts, n, MAX_PHRASE_WORDS, min_count)
    if memo is None:
        starts = ngram_starts(_ngram_counts(t, n, base, frequent), t.segment, base)
        runs = list(consecutive_runs(starts, t.segment))
        memo = t.memo[key] = (
            phrases_in_runs(t.low, runs, n, MAX_PHRASE_WORDS, base),
            has_long_run(runs, n, MAX_PHRASE_WORDS),
        )
    found, long_run = memo  # type: ignore[misc]
    if min_count == base or not long_run:
        return found  # type: ignore[no-any-return]
    starts = ngram_starts(_ngram_counts(t, n, base, frequent), t.segment, min_count)
    return frequent_phrases(t.low, t.segment, starts, n, MAX_PHRASE_WORDS, min_count)


def _frequent(t: Tokens, min_count: int) -> tuple[int, set[str], list[int]]:
    """Words seen ``base``+ times, for a ``base`` at most ``min_count``, and the
    counts of the content words (alphabetic, not function words) among them,
    highest first.  Kept for the document from three quarters of the first
    threshold asked (rounded): KW004's default threshold (3 % of the words,
    over phrases of up to eight words) is at least three quarters of KW001's
    (5 per 1,000 words), so both are answered from one count (``_ngram_counts``)."""
    memo = t.memo.get("frequent")
    if memo is None or memo[0] > min_count:  # type: ignore[index]
        base = min(min_count, (3 * min_count + 1) // 4) if memo is None else min_count
        counts = t.word_counts()
        words = frequent_words(counts, base)
        stop = stopwords()
        content = sorted(map(counts.__getitem__, filter(str.isalpha, words - stop)), reverse=True)
        memo = t.memo["frequent"] = (base, words, content)
    return memo  # type: ignore[return-value]


def _ngram_counts(t: Tokens, n: int, base: int, frequent: set[str]) -> NgramCounts:
    """The ``n``-grams seen ``base``+ times (``frequent``: the words seen that
    often), counted once per document for KW001 and KW004."""
    table = t.memo.get(("ngrams", n))
    if table is None or table.min_count != base:  # type: ignore[attr-defined]
        table = t.memo[("ngrams", n)] = count_ngrams(t.low, n, base, frequent)
    return table  # type: ignore[return-value]


def by_density(phrases: list[Phrase]) -> list[Phrase]:
    """The phrases from the one whose occurrences cover most words down; the
    earliest first on a tie."""
    return sorted(phrases, key=_density_key, reverse=True)


def _density_key(p: Phrase) -> tuple[int, int]:
    return len(p.positions) * len(p.words), -p.positions[0]


def occurrence_span(t: Tokens, phrase: Phrase, p: int) -> tuple[int, int]:
    """Character span of the occurrence of ``phrase`` starting at word ``p``."""
    return t.offsets(p, p + len(phrase.words) - 1)


def _maximal_phrases(
    t: Tokens, order: list[tuple[tuple[str, ...], list[int]]], min_count: int, min_words: int
) -> list[Phrase]:
    """The longest phrases that are still frequent keywords, from the phrases
    and their positions in ``longest_first`` order."""
    stop = stopwords()
    chosen: list[Phrase] = []
    covered: set[int] = set()  # word indices inside a chosen phrase's occurrence
    repeated = t.repeated_lines
    cores = _CORES
    if len(cores) > _MAX_CORES:
        cores.clear()
    for words, all_pos in order:
        pos = _counted(t, all_pos, repeated) if repeated else all_pos
        if len(pos) < min_count:
            continue
        size = len(words)
        # (both ends of every occurrence inside chosen ones: tested in C, first)
        if covered.issuperset(pos) and covered.issuperset(map((size - 1).__add__, pos)):
            continue
        core = cores.get(words)
        if core is None:
            core = cores[words] = _keyword_core(words, stop)
        if core[0] < min_words or core[1] < 2:
            continue
        for p in pos:  # a label or name also hides the phrases inside it
            covered.update(range(p, p + size))
        if all(_fills_segment(t, p, size) for p in pos) or _is_name(t, words, pos, stop):
            continue
        chosen.append(Phrase(words, tuple(pos)))
    return chosen


#: ``_keyword_core`` of the phrases this process has judged (a phrase's core
#: depends on its words alone, and articles share phrases); cleared when full.
_CORES: dict[tuple[str, ...], tuple[int, int]] = {}
_MAX_CORES = 20_000  # (a few MB)


def _counted(t: Tokens, positions: list[int], repeated: set[int]) -> list[int]:
    """Occurrences not on a line that repeats an earlier line verbatim (their
    lines read in C: ``t.line(p)`` is the line of ``p``'s segment)."""
    lines = map(t.seg_line.__getitem__, map(t.segment.__getitem__, positions))
    return list(compress(positions, map(not_, map(repeated.__contains__, lines))))


def _fills_segment(t: Tokens, p: int, size: int) -> bool:
    """Is the occurrence the whole of its line or clause (a repeated label)?"""
    end = p + size
    return t.seg_first(p) and (end == len(t.low) or t.segment[end] != t.segment[p])


def _keyword_core(words: tuple[str, ...], stop: frozenset[str]) -> tuple[int, int]:
    """The phrase's length without its edge function words, and how many of
    its words are alphabetic content words: a keyword needs ``min-words`` of
    the one and two of the other (worked out once per phrase and process,
    ``_CORES``)."""
    first, last = 0, len(words) - 1
    while first <= last and words[first] in stop:
        first += 1
    while last >= first and words[last] in stop:
        last -= 1
    return last - first + 1, sum(1 for w in words if w not in stop and w.isalpha())


def _is_name(t: Tokens, words: tuple[str, ...], pos: list[int], stop: frozenset[str]) -> bool:
    """Are the phrase's content words capitalised at every occurrence?"""
    return all(w in stop or t.shape[p + k] != LOWER for p in pos for k, w in enumerate(words))


# -- terms and queries -------------------------------------------------------------
#
# Density cannot tell a term from a stuffed keyword: an explainer may use "carbon
# capture and storage" seven times in 200 words.  What differs is how the phrase
# sits in the text.  A search query is pasted as typed: it holds query words
# ("best", "cheap", "near me", "2024"), starts sentences and headings in lower
# case, and keeps names in lower case ("hotels cornwall").  A term follows the
# grammar around it: a capital at a sentence start and lower case inside one,
# a determiner before it ("the annual general meeting"), a brand before a common
# noun ("the Bose QuietComfort Ultra headphones"), an acronym the text also uses
# ("COPD").  One sign of a query keeps the phrase; otherwise one sign of a term
# exempts it; a phrase with neither is kept.

_START, _MID, _NEUTRAL = range(3)  # where an occurrence stands in its sentence
_LOOK_BACK = 200  # characters looked at before an occurrence (bounds the work)
_OPENERS = frozenset(" \t\"'“‘([#>")  # may stand between a sentence end and its first word
_MAX_ACRONYMS = 50  # acronyms compared with one phrase (bounds the work)
_CAPITALS = (TITLE, CAMEL, UPPER)
NAME_MARK = "@name"  # stands for a capitalised word when query words are looked for
_MIN_ACRONYM = 3  # letters: two-letter capitals ("PA", "UK") match too much by chance
_POSSESSIVES = ("'s", "’s", "'S", "’S")
_SECOND = slice(1, 2)  # a word's second character, if any


def is_term(t: Tokens, words: tuple[str, ...], pos: Sequence[int]) -> bool:
    """Does the phrase read as a term (or product name) rather than a query?

    Signs of a query, any of which keeps the phrase: a query word or shape
    (``kw_query_words``: "best", "cheap", "near me", a year, "shoes for flat
    feet"); an occurrence starting a sentence, paragraph or heading in lower
    case; a word that is not ordinary English, written in lower case in the
    phrase but capitalised mid-sentence elsewhere ("hotels cornwall" beside
    "Cornwall"); the phrase crammed into one paragraph (``_crammed``).  Signs of
    a term, one of which is needed: grammatical casing
    (a capital where the phrase starts a sentence, lower case where it does
    not); a determiner or possessive before at least half the occurrences; a
    capitalised first content word at every occurrence (a brand or name
    before a common noun); an acronym of the phrase written in the text.
    Worked out once per phrase and document (KW001 and KW004 share it)."""
    key = ("term", words, tuple(pos))
    found = t.memo.get(key)
    if found is None:
        found = t.memo[key] = _is_term(t, words, pos)
    return found  # type: ignore[return-value]


def _is_term(t: Tokens, words: tuple[str, ...], pos: Sequence[int]) -> bool:
    if _has_query_word(t, words, pos) or _crammed(t, words, pos):
        return False
    stop = stopwords()
    content = [k for k, w in enumerate(words) if w not in stop]
    if not content:
        return False
    head = content[0]
    shape, low, raw = t.shape, t.low, t.raw
    determiners = word_list("kw_determiners")
    capital_start = lower_mid = False
    determined = 0
    for p in pos:
        where = _position(t, p)
        first = shape[p]
        if where == _START and first == LOWER:
            return False  # typed as a query: no capital where English needs one
        if where == _START and first == TITLE and not t.title_line(p):
            capital_start = True
        if where == _MID and first == LOWER:
            lower_mid = True
        if low[p] in determiners or (
            p > 0 and t.segment[p - 1] == t.segment[p] and _determines(low[p - 1], raw[p - 1])
        ):
            determined += 1
    if _lower_cased_name(t, words, pos, content):
        return False
    return (
        (capital_start and lower_mid)
        or 2 * determined >= len(pos)
        or _named(t, pos, head)
        or _has_acronym(t, [words[k] for k in content])
    )


#: A phrase repeated this often on one line (a paragraph of scraped text) ...
CRAMMED_TIMES = 3
#: ... and filling this share of the line's words is crammed in, not written.
CRAMMED_SHARE = 0.4


def _crammed(t: Tokens, words: tuple[str, ...], pos: Sequence[int]) -> bool:
    """Is the phrase crammed into a paragraph: CRAMMED_TIMES or more on one line,
    making up CRAMMED_SHARE of its words?  A writer names a term once or twice
    in a paragraph and then says "it" or "the technology"; a stuffed page
    repeats the whole phrase sentence after sentence."""
    per_line = Counter(map(t.line, pos))
    return any(
        n >= CRAMMED_TIMES and n * len(words) >= CRAMMED_SHARE * _line_size(t, line)
        for line, n in per_line.items()
    )


def _line_size(t: Tokens, line: int) -> int:
    """How many words ``line`` holds."""
    first, end = t.line_words(line)
    return end - first


def _has_query_word(t: Tokens, words: tuple[str, ...], pos: Sequence[int]) -> bool:
    """Does the phrase hold a query word or shape (``kw_query_words``)?  Words
    the article capitalises at every occurrence, once at least inside a
    sentence, belong to a name ("Best Buy", "Euro 2024") and are matched as
    ``NAME_MARK``, so that no query word matches them, and a year after a name
    ("Euro 2024") is not a query's year ("laptops 2024")."""
    marked = (NAME_MARK if _named(t, pos, k) else w for k, w in enumerate(words))
    return load_phrases("kw_query_words").pattern.search(" ".join(marked)) is not None


def _named(t: Tokens, pos: Sequence[int], k: int) -> bool:
    """Is word ``k`` of the phrase capitalised at every occurrence, and inside a
    sentence, off Title Case lines, at one at least?"""
    shape = t.shape
    if any(shape[p + k] not in _CAPITALS for p in pos):
        return False
    return any(not t.seg_first(p + k) and not t.title_line(p) for p in pos)


def _determines(low: str, raw: str) -> bool:
    """Is the word a determiner or a possessive ("Sony's", not "it's")?"""
    if low in word_list("kw_determiners"):
        return True
    return raw.endswith(_POSSESSIVES) and low not in stopwords()


def _position(t: Tokens, p: int) -> int:
    """Does word ``p`` start a sentence, paragraph or heading (``_START``), stand
    inside a sentence (``_MID``), or neither clearly (``_NEUTRAL``: after a colon
    or a dash, on a list item, on a line that may continue a hard-wrapped one)?"""
    if not t.seg_first(p):
        return _MID
    text = t.text
    k = t.start(p) - 1
    stop = max(-1, k - _LOOK_BACK)
    while k > stop and text[k] in _OPENERS:
        k -= 1
    if k < 0:
        return _START
    if text[k] in ".!?":
        # not after an abbreviation with inner full stops ("e.g.", "U.S.")
        return _NEUTRAL if text[k - 2 : k - 1] == "." else _START
    if text[k] != "\n":
        return _NEUTRAL
    k -= 1
    while k > stop and text[k] in " \t\r":
        k -= 1
    if k < 0 or text[k] in "\n.!?":  # after a blank line or a sentence end
        return _START
    return _NEUTRAL


def _lower_cased_name(
    t: Tokens, words: tuple[str, ...], pos: Sequence[int], content: list[int]
) -> bool:
    """Is a content word that is not ordinary English written in lower case in
    the phrase, but capitalised mid-sentence elsewhere ("london", "openai")?"""
    common = common_words()
    suspects = {
        words[k]
        for k in content
        if words[k].isalpha()
        and words[k] not in common
        and any(t.shape[p + k] == LOWER for p in pos)
    }
    return bool(suspects) and not suspects.isdisjoint(_capitalised_mid_sentence(t))


def _capitalised_mid_sentence(t: Tokens) -> set[str]:
    """Lower-case forms of the words capitalised inside a sentence, off Title
    Case lines: names as the article writes them (computed once, in C but for
    the distinct words)."""
    memo = t.memo.get("capitalised")
    if memo is None:
        capitals = list(compress(range(1, len(t.low)), t.shape.translate(IS_CAPITAL)[1:]))  # type: ignore[attr-defined]
        inside = map(
            eq,
            map(t.segment.__getitem__, capitals),
            map(t.segment.__getitem__, map((-1).__add__, capitals)),
        )
        lines = map(t.seg_line.__getitem__, map(t.segment.__getitem__, capitals))
        off_title = map(not_, map(t.title_lines.__contains__, lines))
        memo = t.memo["capitalised"] = set(
            map(t.low.__getitem__, compress(capitals, map(and_, inside, off_title)))
        )
    return memo  # type: ignore[return-value]


def _has_acronym(t: Tokens, content: list[str]) -> bool:
    """Does the text write an acronym of the content words: their initials
    ("CCS", "AGM"), or letters of them in order that take every word's initial
    ("PCOS" for "polycystic ovary syndrome")?"""
    if len(content) < 2:
        return False
    initials = "".join(w[0] for w in content).upper()
    written, by_ends = _acronyms(t)
    if initials in written:
        return True
    words = [w.upper() for w in content]
    candidates = by_ends.get((initials[0], initials[-1]), ())
    return any(_abbreviates(a, words) for a in islice(candidates, _MAX_ACRONYMS))


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Is ``acronym`` every word's initial, in order, with further letters
    taken from inside the words ("PCOS": P-oly-C-ystic O-vary S-yndrome)?"""
    a = 0
    for n, word in enumerate(words):
        if a >= len(acronym) or acronym[a] != word[0]:
            return False
        a += 1
        spare = len(acronym) - a - (len(words) - n - 1)  # letters beyond the initials left
        for c in word[1:]:
            if spare > 0 and acronym[a] == c:
                a += 1
                spare -= 1
    return a == len(acronym)


def _acronyms(t: Tokens) -> tuple[set[str], dict[tuple[str, str], list[str]]]:
    """The acronyms the text writes ("CCS", "LLMs", "AGM's"): all-capital words
    of three to eight letters, as a set and by first and last letter."""
    memo = t.memo.get("acronyms")
    if memo is None:
        written: set[str] = set()
        capitals = list(set(compress(t.raw, t.shape.translate(IS_CAPITAL))))  # type: ignore[attr-defined]
        # (not "The", "London": a second capital letter, tested in C)
        for word in compress(capitals, map(str.isupper, map(itemgetter(_SECOND), capitals))):
            form = strip_possessive(word) if word[-1] in "sS" else word
            if form.endswith("s"):
                form = form[:-1]
            if _MIN_ACRONYM <= len(form) <= 8 and form.isalpha() and form.isupper():
                written.add(form)
        by_ends: dict[tuple[str, str], list[str]] = {}
        for form in sorted(written):
            by_ends.setdefault((form[0], form[-1]), []).append(form)
        memo = t.memo["acronyms"] = (written, by_ends)
    return memo  # type: ignore[return-value]
