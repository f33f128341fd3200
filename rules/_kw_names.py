"""Names the article writes with capitals (KW002), and their lower-case echoes.

A name is learned from running text ("Elon Musk", "Bank of England", "OpenAI");
a lower-case run of the same words elsewhere ("elon musk") is the fingerprint of
a search query pasted into the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Set
from itertools import compress
from typing import NamedTuple

from rules._kw_lexicon import common_words, stopwords, word_list
from rules._kw_tokens import (
    CAMEL,
    IS_CAPITAL,
    IS_LOWERCASE,
    LOWER,
    POSSESSIVE_SUFFIXES,
    TITLE,
    UPPER,
    Tokens,
    strip_possessive,
)

MAX_NAME_WORDS = 5  # longest name KW002 learns ("Royal Bank of Scotland Group")
MIN_PROSE_WORDS = 4  # lower-case words a clause needs to count as running text
_CAPITAL = (TITLE, CAMEL, UPPER)
_SPELLINGS = ("", *POSSESSIVE_SUFFIXES)  # how a lower-case word may be written

Names = dict[tuple[str, ...], Counter[tuple[str, ...]]]


class Miscased(NamedTuple):
    start: int  # first word index
    size: int
    cased: tuple[str, ...]

    @property
    def last(self) -> int:
        return self.start + self.size - 1

    def key(self, t: Tokens) -> tuple[str, ...]:
        """The run's lower-case words, as names are keyed."""
        return tuple(t.low[self.start : self.start + self.size])


def learned_names(t: Tokens, firsts: Set[str] | None = None) -> Names:
    """Names the document writes with capitals, keyed by their lower-case words,
    with how often each spelling occurs; only those whose first word is in
    ``firsts``, when given (the same names as without it, fewer of them).

    A name is a maximal run of two or more capitalised words inside a clause of
    running text, not on a Title Case line (headline capitals prove nothing),
    with at least one word that is not ordinary English (``kw_common_words``:
    "Elon Musk" is a name, "Climate Change" is sloppy capitals).  A single word
    counts only in camel case ("OpenAI", "iPhone"), and never at a clause start:
    lower-cased single words ("apple", "bill") are ordinary English too often.
    """
    seen: Names = defaultdict(Counter)
    common = common_words()
    shape = t.shape
    for i, j in _names(t, firsts):
        if j - i >= MAX_NAME_WORDS or all(shape[k] == UPPER for k in range(i, j + 1)):
            continue
        for last in {j, _name_head(t, i, j)}:  # the whole name, and its head
            key = tuple(t.low[i : last + 1])
            if (last > i and any(w not in common for w in key)) or shape[i] == CAMEL:
                seen[key][tuple(map(strip_possessive, t.raw[i : last + 1]))] += 1
    return seen


def _names(t: Tokens, firsts: Set[str] | None = None) -> Iterator[tuple[int, int]]:
    """The first and last word of each name the text may teach, left to right:
    a capitalised word in ``firsts`` (lower case), when given, that a name
    starts at (``_name_end`` extends it, or it is camel case inside a clause),
    in running text (``in_prose``), off Title Case lines, and not inside a
    name that starts earlier (``_inside_name``: a name hides the capitals
    inside it).

    The capitals are selected in C; the rest is asked only of those left,
    which ``firsts`` makes few, cheapest test first.  Every test is local to
    the word, so a word starts a name whether or not the words before it were
    asked about."""
    capitals: Iterable[int] = compress(range(len(t.low)), t.shape.translate(IS_CAPITAL))  # type: ignore[attr-defined]
    if firsts is not None:
        capitals = list(capitals)
        capitals = compress(capitals, map(firsts.__contains__, map(t.low.__getitem__, capitals)))
    shape, segment = t.shape, t.segment
    for i in capitals:
        j = _name_end(t, i)
        if j == i and (shape[i] != CAMEL or t.seg_first(i)):
            continue
        if not _inside_name(t, i) and in_prose(t, segment[i]) and not t.title_line(i):
            yield i, j


def _inside_name(t: Tokens, i: int) -> bool:
    """Does the name of an earlier word run on to the capital ``i``?

    ``_name_end`` steps from a capital to the next word when it is capitalised
    and in the name's first segment, or over a lower-case connector in that
    segment to a capitalised word, even one past a break (where the name then
    ends).  So a step reaches ``i`` from the capital just before it, in its
    segment, or from a capital before a connector before it (``_joined_to``),
    if a name runs through that capital and steps on (``_steps_on``).  A name
    runs through every capital in running text off Title Case lines that
    another can join: one starts there, or an earlier one covers it."""
    if i == 0:
        return False
    if t.segment[i - 1] == t.segment[i] and t.shape[i - 1] in _CAPITAL:
        return _steps_on(t, i - 1)
    return _joins(t, i) and _steps_on(t, i - 2)


def _joins(t: Tokens, k: int) -> bool:
    """Is the capital ``k`` joined to a capital before it by a lower-case
    connector in that capital's segment ("Bank of England"), that capital
    being in running text off Title Case lines (as ``k`` is, when in its
    segment)?"""
    seg, shape = t.segment, t.shape
    if (
        k < 2
        or seg[k - 2] != seg[k - 1]
        or shape[k - 2] not in _CAPITAL
        or shape[k - 1] in _CAPITAL
        or t.low[k - 1] not in word_list("kw_name_connectors")
    ):
        return False
    return seg[k - 1] == seg[k] or (in_prose(t, seg[k - 2]) and not t.title_line(k - 2))


def _steps_on(t: Tokens, k: int) -> bool:
    """Does the name running through the capital ``k`` go on past it?  Not
    when it reached ``k`` over a connector across a break: ``k`` starts a
    segment and is joined to a capital whose name steps on.  That capital may
    start its own segment and be reached the same way: the chain is followed
    back (iteratively, and remembered, so that each word is visited once)."""
    memo: dict[int, bool] = t.memo.setdefault("steps_on", {})  # type: ignore[assignment]
    seg = t.segment
    chain = []
    while k > 0 and seg[k - 1] != seg[k] and k not in memo and _joins(t, k):
        chain.append(k)
        k -= 2
    on = memo.get(k, True)  # not reached across a break: it steps on
    for k in reversed(chain):
        on = memo[k] = not on  # reached across a break iff its joiner steps on
    return on


def in_prose(t: Tokens, segment: int) -> bool:
    """Does the segment hold at least ``MIN_PROSE_WORDS`` lower-case words:
    running text, not a menu, a label or a share button ("Share to linkedin")?
    Asked of the few segments holding a candidate, so each is counted on
    demand (its words found by bisection: segment ids never decrease) and
    remembered."""
    memo: dict[int, bool] = t.memo.setdefault("in_prose", {})  # type: ignore[assignment]
    found = memo.get(segment)
    if found is None:
        first = bisect_left(t.segment, segment)
        end = bisect_right(t.segment, segment, first)
        found = memo[segment] = t.shape[first:end].count(LOWER) >= MIN_PROSE_WORDS
    return found


def _name_end(t: Tokens, i: int) -> int:
    """Last word of the name starting at ``i``: capitalised words, joined by
    connectors ("Bank of England", "Lab for Mobile Communications").  The name
    and its head ("Elon Musk" of "Elon Musk of Tesla") are learned, never its
    tail ("Mobile Communications"), which is often a common phrase."""
    connectors = word_list("kw_name_connectors")
    shape, seg, n = t.shape, t.segment, len(t.low)
    j = i
    while j + 1 < n and seg[j + 1] == seg[i]:
        if shape[j + 1] in _CAPITAL:
            j += 1
        elif j + 2 < n and t.low[j + 1] in connectors and shape[j + 2] in _CAPITAL:
            j += 2
        else:
            break
    return j


def _name_head(t: Tokens, i: int, j: int) -> int:
    """Last word of the name's head: its capitals before the first connector."""
    head = i
    while head < j and t.shape[head + 1] in _CAPITAL:
        head += 1
    return head


def miscased_runs(t: Tokens, text: str) -> list[Miscased]:
    """Lower-case runs matching a learned name whose content words are never
    written in lower case anywhere else ("elon musk"): a word the article also
    uses as an ordinary word ("starry nights" beside "starry night") makes the
    run an ordinary phrase."""
    firsts = _lower_case_firsts(t)
    if not firsts:
        return []  # (no name can be learned, see ``learned_names``)
    learned = learned_names(t, firsts)
    names = {key: forms.most_common(1)[0][0] for key, forms in learned.items()}
    if not names:
        return []
    runs = list(_candidate_runs(t, text, names))
    if not runs:
        return []
    inside = Counter(w for r in runs for w in r.key(t))
    # Lower-case spellings of each word, possessive included ("musk's").
    spellings = {w + s for w in inside for s in _SPELLINGS}
    written = Counter(compress(t.raw, map(spellings.__contains__, t.raw)))
    lower = {w: sum(written[w + s] for s in _SPELLINGS) for w in inside}
    stop = stopwords()
    return [r for r in runs if all(w in stop or lower[w] == inside[w] for w in r.key(t))]


def _lower_case_firsts(t: Tokens) -> set[str]:
    """The words that may start both a learned name and a lower-case run
    (``_candidate_runs``): words written in lower case, with or without a
    possessive, but function words, that are also written with a capital.
    Only names starting with one of them can be found in lower case.

    Asked the other way round: the capitalised words (fewer) that are written
    in lower case as they are, or with a possessive ("musk's")."""
    capitals = set(compress(t.low, t.shape.translate(IS_CAPITAL))) - stopwords()  # type: ignore[attr-defined]
    if not capitals:
        return capitals
    written = set(compress(t.raw, t.shape.translate(IS_LOWERCASE)))  # type: ignore[attr-defined]
    found = capitals & written
    apostrophe, curly = POSSESSIVE_SUFFIXES
    for word in capitals - found:
        if word + apostrophe in written or word + curly in written:
            found.add(word)
    return found


def _candidate_runs(
    t: Tokens, text: str, names: dict[tuple[str, ...], tuple[str, ...]]
) -> Iterator[Miscased]:
    """Lower-case runs in running text spelling a learned name, left to right."""
    sizes_by_first: dict[str, set[int]] = defaultdict(set)
    stop = stopwords()
    for key in names:
        if key[0] not in stop:  # "the guardian": too ambiguous in lower case
            sizes_by_first[key[0]].add(len(key))
    # Raw spellings a lower-case first word can have: "musk", "musk's".
    firsts = {w + s for w in sizes_by_first for s in _SPELLINGS}
    after = -1
    for i in compress(range(len(t.low)), map(firsts.__contains__, t.raw)):
        if i <= after or not in_prose(t, t.segment[i]):
            continue
        run = _run_at(t, text, i, sizes_by_first[t.low[i]], names)
        if run is not None:
            yield run
            after = run.last


def _run_at(
    t: Tokens, text: str, i: int, sizes: set[int], names: dict[tuple[str, ...], tuple[str, ...]]
) -> Miscased | None:
    """The longest name written all in lower case from word ``i``, unless it
    follows a determiner ("the prime minister") or is part of a handle."""
    determiners = word_list("kw_determiners")
    low, shape, seg, n = t.low, t.shape, t.segment, len(t.low)
    for size in sorted(sizes, reverse=True):
        j = i + size - 1
        if j >= n or seg[j] != seg[i]:
            continue
        key = tuple(low[i : j + 1])
        if key not in names or any(shape[k] != LOWER for k in range(i, j + 1)):
            continue
        if size > 1 and i > 0 and seg[i - 1] == seg[i] and low[i - 1] in determiners:
            continue
        if _in_handle(text, t.start(i)):
            return None
        return Miscased(i, size, names[key])
    return None


def _in_handle(text: str, start: int) -> bool:
    """A hashtag, @handle or path segment: lower case is their normal form."""
    return start > 0 and text[start - 1] in "#@/\\_~"


def cased_count(names: Names, run: Miscased, t: Tokens) -> int:
    """How often the article writes the run's name with capitals."""
    return sum(names[run.key(t)].values())


def expected_spelling(t: Tokens, run: Miscased) -> str:
    """The article's own casing of the run, keeping the run's possessive."""
    last = run.last
    raw, low = t.raw[last], t.low[last]
    suffix = raw[len(low) :] if raw.lower() != low else ""
    return " ".join(run.cased) + suffix
