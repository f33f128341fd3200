"""Keyword stuffing (KW): a search query pasted into an article again and again.

Google's spam policy calls it "repeating the same words or phrases so often that
it sounds unnatural" and keywords that appear "out of context".  The family looks
for four fingerprints of that, each cheap and linear in the document's length:

- KW001: one multi-word phrase repeated more often than a density allows.
- KW002: a name written properly elsewhere ("Elon Musk", "OpenAI") but in lower
  case mid-sentence here ("elon musk", "openai"): the query as it was typed.
- KW003: a direct question ("why does X not like Y") used as part of a sentence.
- KW004: one phrase making up too large a share of all the words.

Every rule reads one shared token table (``tokens``), built once per document
with one ``findall`` and running sums; n-grams are counted with hashing in one
pass over the words frequent enough to matter.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate, compress
from operator import and_, not_
from typing import NamedTuple

from lint.document import WORD_RE, Document
from lint.phrases import load_phrases
from lint.rule import Rule
from lint.violation import Fix, Severity, Violation

# What ends a segment (n-grams and names never cross one): sentence and clause
# punctuation, a line break, a table bar, a spaced dash.  A full stop inside a
# word ("3.5", "openai.com") is part of the word, as in ``WORD_RE``.
_BREAK_RE = re.compile(r"\n|[!?;:…|]|\.(?![^\W_])|[ \t][-–—][ \t]")
_MARKED_RE = re.compile(rf"{WORD_RE.pattern}|[\x00\x01]")
_CAMEL_RE = re.compile(r"[a-z][A-Z]")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
_MARKS = frozenset("\x00\x01")
LOWER, TITLE, CAMEL, UPPER, OTHER = range(5)
MAX_PHRASE_WORDS = 8  # longest phrase KW001/KW004 report; longer runs are cut
MAX_NAME_WORDS = 5  # longest name KW002 learns ("Royal Bank of Scotland Group")


@cache
def word_list(name: str) -> frozenset[str]:
    """A ``rules/data`` list read as a set of lower-case words."""
    return frozenset(e.lower() for e in load_phrases(name).entries)


@cache
def common_words() -> frozenset[str]:
    """The lexicon of ordinary lower-case English words (``kw_common_words``).

    Read as a plain set: at 41,000 entries it is a lexicon, not a phrase list to
    compile into one pattern."""
    text = resources.files("rules.data").joinpath("kw_common_words.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


class Tokens(NamedTuple):
    """The words of a document with what the KW rules need to know of each.

    Per word: ``low``, ``raw``, ``shape``, ``segment`` (the number of breaks
    before it) and ``lines`` (its line).  Character offsets are found on demand
    (``start``), for the few words that are reported.
    """

    text: str
    low: list[str]  # lower case, possessive "'s" removed
    raw: list[str]  # as written
    shape: list[int]  # LOWER, TITLE, CAMEL, UPPER or OTHER
    segment: list[int]  # id of the segment holding the word (non-decreasing)
    lines: list[int]  # 0-based line of the word
    title_lines: set[int]  # Title Case lines (heading style: capitals prove nothing)
    repeated_lines: set[int]  # lines that repeat an earlier line verbatim
    memo: dict[object, object]  # per-document results shared by the rules

    def start(self, i: int) -> int:
        seg = self.segment[i]
        starts = self.memo.get("seg_start")
        if starts is None:
            starts = self.memo["seg_start"] = [0] + [m.end() for m in _BREAK_RE.finditer(self.text)]
        matches = WORD_RE.finditer(self.text, starts[seg])  # type: ignore[index]
        for _ in range(i - bisect_left(self.segment, seg)):
            next(matches)
        return next(matches).start()

    def end(self, i: int) -> int:
        return self.start(i) + len(self.raw[i])

    def line(self, i: int) -> int:
        return self.lines[i]

    def seg_first(self, i: int) -> bool:
        """Is word ``i`` the first of its segment (its capital proves nothing)?"""
        return i == 0 or self.segment[i - 1] != self.segment[i]

    def title_line(self, i: int) -> bool:
        return self.lines[i] in self.title_lines


def _shape(word: str) -> int:
    first = word[0]
    if not first.isalpha():
        return OTHER
    if _CAMEL_RE.search(word):
        return CAMEL
    if word.islower():
        return LOWER
    if word.isupper():
        return UPPER if len(word) > 1 else TITLE
    return TITLE if first.isupper() else OTHER


def tokens(doc: Document) -> Tokens:
    """The shared token table, built once per document (cached on it)."""
    cached = doc.__dict__.get("_kw_tokens")
    if cached is None:
        cached = doc.__dict__["_kw_tokens"] = _build_tokens(doc.text)
    return cached  # type: ignore[no-any-return]


def _build_tokens(text: str) -> Tokens:
    """Mark breaks and line ends with control characters, then tokenise with one
    ``findall``: segment and line numbers are running sums of the marks, so the
    per-word work happens in C; Python only loops over distinct words."""
    marked = _BREAK_RE.sub("\x00", text.replace("\n", "\x01"))
    marked = marked.replace("\x01", "\x00\x01")  # a line end is a break too
    items = _MARKED_RE.findall(marked)
    is_word = list(map(not_, map(_MARKS.__contains__, items)))
    segment = list(compress(accumulate(map("\x00".__eq__, items)), is_word))
    lines = list(compress(accumulate(map("\x01".__eq__, items)), is_word))
    raw = list(compress(items, is_word))
    vocab = set(raw)
    low_of = {w: _POSSESSIVE_RE.sub("", w.lower()) for w in vocab}
    shape_of = {w: _shape(w) for w in vocab}
    t = Tokens(
        text,
        list(map(low_of.__getitem__, raw)),
        raw,
        list(map(shape_of.__getitem__, raw)),
        segment,
        lines,
        set(),
        set(_repeated_lines(text)),
        {},
    )
    _mark_title_lines(t)
    return t


def _repeated_lines(text: str) -> Iterator[int]:
    """Lines whose text repeats an earlier line (a headline scraped twice)."""
    lines = [line.strip() for line in text.split("\n")]
    counts = Counter(lines)
    if all(c == 1 or len(line) < 2 for line, c in counts.items()):
        return
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if counts[line] > 1 and len(line) > 1:
            if line in seen:
                yield index
            seen.add(line)


def _mark_title_lines(t: Tokens) -> None:
    """Lines most of whose words are capitalised: headlines and menus."""
    words = Counter(t.lines)
    lower = Counter(compress(t.lines, map((LOWER, OTHER).__contains__, t.shape)))
    for line, n in words.items():
        if lower[line] <= (0 if n < 3 else 0.3 * n):
            t.title_lines.add(line)


# -- repeated phrases (KW001, KW004) ------------------------------------------


class Phrase(NamedTuple):
    words: tuple[str, ...]
    positions: tuple[int, ...]  # index of the first word of each occurrence


def repeated_phrases(t: Tokens, min_words: int, min_count: int) -> list[Phrase]:
    """Maximal keyword phrases of ``min_words``+ words seen ``min_count``+ times.

    A phrase's length is counted without the function words at its ends ("the
    prime minister" is a two-word phrase), and it needs two alphabetic content
    words.  One hashing pass counts every ``min_words``-gram inside a segment;
    only the positions of the frequent ones are extended to longer phrases, so
    the cost is linear in the number of words.  A stretch of frequent n-grams
    longer than ``MAX_PHRASE_WORDS`` is a repeated passage (DUP001's business),
    not a keyword, and is skipped.  A phrase is dropped when longer chosen
    phrases cover all its occurrences, when it is a name (all its content
    words capitalised at every occurrence: "Bank of England"), and when every
    occurrence is a whole line or clause of its own (a label a template repeats:
    "Eat every 2-3 hours" under each meal).  Occurrences on a line that repeats
    an earlier line verbatim (a headline scraped twice) are not counted.
    """
    low, seg = t.low, t.segment
    n = min(min_words, 3)  # every longer phrase starts with a frequent trigram
    # Only words seen ``min_count`` times can be part of a frequent phrase; in a
    # long document, where the allowance is large, that leaves very few.
    words = t.memo.get("words")
    if words is None:
        words = t.memo["words"] = Counter(low)
    frequent = {w for w, c in words.items() if c >= min_count}  # type: ignore[attr-defined]
    stop = word_list("kw_stopwords")
    if sum(1 for w in frequent if w not in stop and w.isalpha()) < 2:
        return []
    mask = list(map(frequent.__contains__, low))
    selectors = list(map(all, zip(*(mask[k:] for k in range(n)), strict=False)))
    grams = zip(*(low[k:] for k in range(n)), strict=False)
    counts = Counter(compress(grams, selectors))
    hot = {g for g, c in counts.items() if c >= min_count}
    if not hot:
        return []
    maybe = compress(range(len(selectors)), selectors)
    hot_at = [i for i in maybe if seg[i] == seg[i + n - 1] and tuple(low[i : i + n]) in hot]
    return _maximal_phrases(t, hot_at, n, min_count, min_words)


def _hot_runs(hot_at: list[int], seg: list[int]) -> Iterator[tuple[int, int]]:
    """Group consecutive frequent n-gram positions into (first, last) runs."""
    first = prev = -2
    for i in hot_at:
        if i != prev + 1 or seg[i] != seg[prev]:
            if first >= 0:
                yield first, prev
            first = i
        prev = i
    if first >= 0:
        yield first, prev


def _maximal_phrases(
    t: Tokens, hot_at: list[int], n: int, min_count: int, min_words: int
) -> list[Phrase]:
    """Extend frequent n-grams to the longest phrases that are still frequent."""
    low = t.low
    occurrences: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for first, last in _hot_runs(hot_at, t.segment):
        if last + n - first > MAX_PHRASE_WORDS:
            continue
        for i in range(first, last + 1):
            for size in range(n, last + n - i + 1):
                occurrences[tuple(low[i : i + size])].append(i)
    stop = word_list("kw_stopwords")
    chosen: list[Phrase] = []
    covered: set[int] = set()  # word indices inside a chosen phrase's occurrence
    by_length = sorted(occurrences.items(), key=lambda kv: (-len(kv[0]), kv[1][0]))
    for words, all_pos in by_length:
        pos = all_pos
        if t.repeated_lines:
            pos = [p for p in all_pos if t.line(p) not in t.repeated_lines]
        if len(pos) < min_count or not _is_keyword(words, stop, min_words):
            continue
        size = len(words)
        if all(p in covered and p + size - 1 in covered for p in pos):
            continue
        for p in pos:  # a label or name also hides the phrases inside it
            covered.update(range(p, p + size))
        if all(_fills_segment(t, p, size) for p in pos) or _is_name(t, words, pos, stop):
            continue
        chosen.append(Phrase(words, tuple(pos)))
    return chosen


def _fills_segment(t: Tokens, p: int, size: int) -> bool:
    """Is the occurrence the whole of its line or clause (a repeated label)?"""
    end = p + size
    return t.seg_first(p) and (end == len(t.low) or t.segment[end] != t.segment[p])


def _is_keyword(words: tuple[str, ...], stop: frozenset[str], min_words: int) -> bool:
    """Long enough without its edge function words, with two real content words."""
    first, last = 0, len(words) - 1
    while first <= last and words[first] in stop:
        first += 1
    while last >= first and words[last] in stop:
        last -= 1
    if last - first + 1 < min_words:
        return False
    return sum(1 for w in words if w not in stop and w.isalpha()) >= 2


def _is_name(t: Tokens, words: tuple[str, ...], pos: list[int], stop: frozenset[str]) -> bool:
    for p in pos:
        for k, w in enumerate(words):
            if w not in stop and t.shape[p + k] == LOWER:
                return False
    return True


class RepeatedKeywordPhrase(Rule):
    """Flag a multi-word phrase repeated more often than natural writing does.

    ## What it does
    Counts every phrase of ``min-words`` or more words (case-insensitively, in
    headings and body alike, never across a sentence end) that holds at least two
    words that are not function words.  When a phrase occurs at least
    ``min-count`` times *and* more often than ``max-per-1000-words`` allows, each
    occurrence beyond the allowance is reported, with the phrase and its count.

    ## Why is this bad?
    Content farms paste the search query they target into the article again and
    again.  Google's spam policy names it: "repeating the same words or phrases so
    often that it sounds unnatural".  Readers notice, and search engines demote it.

    ## Example
    ```text
    Best budget hiking boots for beginners are easy to find. Best budget hiking
    boots for beginners should fit well. ...
    ```

    ## Use instead
    Say it once, then refer back: "These boots", "a cheaper pair", "they".

    ## Options
    - ``min-words`` (default 4): shortest phrase counted, not counting function
      words at its ends ("the prime minister" has two).  Names and technical
      terms rarely run past three words ("House of Lords", "cannabis use
      disorder") and legitimately recur; the long-tail queries content farms
      stuff ("why does X not like Y", "best shoes for flat feet") have four or
      more.  Set 3 to also catch short stuffed keywords, at some cost in precision.
    - ``min-count`` (default 5): a phrase must occur at least this often.  Edited
      news stories repeat a phrase three or four times at most (measured on 40
      BBC articles: never more than four).
    - ``max-per-1000-words`` (default 5.0): the allowance grows with the length of
      the article, so a 5,000-word guide may repeat a phrase 25 times.

    A phrase needs at least two alphabetic words that are not function words
    (``rules/data/kw_stopwords.txt``).  Names are exempt: a phrase whose content
    words are capitalised at every occurrence ("Bank of England", "It's a
    Wonderful Life") is a name, and a business story may name its subject as
    often as it needs.  A repeated stretch longer than eight words is a
    duplicated passage, left to DUP001.

    ## Known problems
    A technical term of four or more lower-case words ("large language model
    training data") used very often in a short piece can be flagged; raise
    ``min-count`` for such documents.  A stuffed keyword of two or three words is
    left to KW004 (density) and KW002 (casing).
    """

    code = "KW001"
    name = "repeated-keyword-phrase"
    summary = "Multi-word keyword phrase repeated more often than natural writing does"
    severity = Severity.WARNING
    examples_flagged = (
        "Best hiking boots for beginners are easy to find online. "
        "Our guide to best hiking boots for beginners starts with fit. "
        "Many shops sell best hiking boots for beginners at a discount. "
        "Reviews of best hiking boots for beginners praise grip on wet rock. "
        "Choosing best hiking boots for beginners takes an afternoon in a shop. "
        "Return policies for best hiking boots for beginners vary a lot.",
    )
    examples_clean = (
        "The Bank of England raised rates on Thursday. The Bank of England said "
        "inflation was falling. Economists expect the Bank of England to wait. "
        "Markets think the Bank of England will hold in May. The Bank of England "
        "meets again in six weeks.",
        "Meal 1\n\nEat every three hours\n\nOats and berries.\n\nMeal 2\n\n"
        "Eat every three hours\n\nRice and beans.\n\nMeal 3\n\nEat every three "
        "hours\n\nSoup.\n\nMeal 4\n\nEat every three hours\n\nFish.\n\nMeal 5"
        "\n\nEat every three hours\n\nSalad.",
    )

    @dataclass(frozen=True)
    class Options:
        min_words: int = 4
        min_count: int = 5
        max_per_1000_words: float = 5.0

    def check(self, doc: Document) -> Iterator[Violation]:
        opts = self.options
        t = tokens(doc)
        total = len(t.low)
        allowed = max(opts.min_count - 1, int(opts.max_per_1000_words * total / 1000))
        for phrase in repeated_phrases(t, max(2, opts.min_words), allowed + 1):
            count = len(phrase.positions)
            if count <= allowed:
                continue
            text = " ".join(phrase.words)
            for p in phrase.positions[allowed:]:
                end = t.end(p + len(phrase.words) - 1)
                yield self.violation(
                    t.start(p),
                    end,
                    f"keyword phrase '{text}' used {count} times in {total} words "
                    f"(at most {allowed} expected)",
                )


class KeywordDensity(Rule):
    """Flag one phrase that makes up too large a share of the article's words.

    ## What it does
    For each phrase of ``min-words`` or more words with at least two content
    words, computes its *density*: occurrences times phrase length, divided by the
    number of words in the document.  When phrases exceed ``max-density``, the
    densest one is reported, once, at its first occurrence outside a Title Case
    line.

    ## Why is this bad?
    "Keyword density" is the metric search-engine optimisers use to tune
    stuffing; a phrase that fills several percent of an article crowds out
    content and reads as spam to people and to search engines.

    ## Example
    A 400-word page in which "best vpn for streaming" appears four times
    (16 of 400 words: 4 %).

    ## Use instead
    Use the phrase once or twice and write about the subject in varied words.

    ## Options
    - ``max-density`` (default 0.03, i.e. 3 %): SEO plugins such as Yoast advise
      0.5–3 % for a focus keyphrase and warn above that; we flag only above.
    - ``min-words`` (default 3): shortest phrase considered, not counting
      function words at its ends; two-word phrases are mostly names and terms,
      which natural writing repeats.
    - ``min-count`` (default 4): a phrase seen three times or fewer is not
      stuffing, however short the document (a short news story may use its
      subject's full title three times).
    - ``min-document-words`` (default 150): below this, densities are noise.

    Names (every content word capitalised at every occurrence) are exempt.

    ## Known problems
    A phrase that is itself the subject of a short piece (a product's full name
    in lower case) can exceed the density honestly.
    """

    code = "KW004"
    name = "keyword-density"
    summary = "One keyword phrase makes up too large a share of the words"
    severity = Severity.WARNING
    examples_flagged = (
        "cheap car insurance quotes online are here. We compare cheap car insurance "
        "quotes online daily. Get cheap car insurance quotes online now. "
        + "Our team writes about cover, claims and premiums for drivers. " * 12
        + "Many look for cheap car insurance quotes online.",
    )
    examples_clean = (
        "Interest rates rose again on Thursday, the fourth rise this year. Savers "
        "welcomed the news while borrowers braced for higher monthly bills. The "
        "central bank said prices were still climbing too fast, and that interest "
        "rates would stay high until wage growth slowed. Mortgage lenders raised "
        "their own rates within hours. Estate agents reported fewer viewings, and "
        "builders said sales of new homes had slowed for a third month. Economists "
        "expect one more rise before the summer, although some think the bank will "
        "pause to see how households cope. Shoppers have already cut back on meals "
        "out and holidays, according to card spending figures published on Monday. "
        "Retailers hope lower energy prices will help in the autumn, when many "
        "fixed-rate mortgage deals come to an end and interest rates bite harder.",
    )

    @dataclass(frozen=True)
    class Options:
        max_density: float = 0.03
        min_words: int = 3
        min_count: int = 4
        min_document_words: int = 150

    def check(self, doc: Document) -> Iterator[Violation]:
        opts = self.options
        t = tokens(doc)
        total = len(t.low)
        if total < opts.min_document_words:
            return
        # A phrase over the density has more than this many occurrences:
        least = int(opts.max_density * total / MAX_PHRASE_WORDS) + 1
        phrases = repeated_phrases(t, max(2, opts.min_words), max(opts.min_count, least))
        if not phrases:
            return
        phrase = max(phrases, key=lambda p: (len(p.positions) * len(p.words), -p.positions[0]))
        density = len(phrase.positions) * len(phrase.words) / total
        if density <= opts.max_density:
            return
        p = next((p for p in phrase.positions if not t.title_line(p)), phrase.positions[0])
        end = t.end(p + len(phrase.words) - 1)
        yield self.violation(
            t.start(p),
            end,
            f"keyword phrase '{' '.join(phrase.words)}' is {density:.1%} of the "
            f"{total} words ({len(phrase.positions)} times; at most "
            f"{opts.max_density:.1%} expected)",
        )


# -- miscased names (KW002) ----------------------------------------------------


def learned_names(t: Tokens) -> dict[tuple[str, ...], Counter[tuple[str, ...]]]:
    """Names the document writes with capitals, keyed by their lower-case words,
    with how often each spelling occurs.

    A name is a maximal run of two or more capitalised words inside a clause of
    running text, not on a Title Case line (headline capitals prove nothing),
    with at least one word that is not ordinary English (``kw_common_words``:
    "Elon Musk" is a name, "Climate Change" is sloppy capitals).  A single word
    counts only in camel case ("OpenAI", "iPhone"), and never at a clause start:
    lower-cased single words ("apple", "bill") are ordinary English too often.
    """
    seen: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    prose = prose_segments(t)
    common = common_words()
    shape = t.shape
    # Capitalised words in running text, off Title Case lines: selected in C.
    selectors = map(
        and_,
        map(_CAPITAL.__contains__, shape),
        map(
            and_,
            map(prose.__contains__, t.segment),
            map(not_, map(t.title_lines.__contains__, t.lines)),
        ),
    )
    after = -1
    for i in compress(range(len(t.low)), selectors):
        if i <= after:
            continue
        j = after = _name_end(t, i)
        if j == i and (shape[i] != CAMEL or t.seg_first(i)):
            continue
        if j - i >= MAX_NAME_WORDS or all(shape[k] == UPPER for k in range(i, j + 1)):
            continue
        head = i
        while head < j and shape[head + 1] in _CAPITAL:
            head += 1
        for last in {j, head}:  # the whole name, and its head before a connector
            key = tuple(t.low[i : last + 1])
            if (last > i and any(w not in common for w in key)) or shape[i] == CAMEL:
                seen[key][tuple(map(_strip_possessive, t.raw[i : last + 1]))] += 1
    return seen


def _strip_possessive(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s", "'S", "’S") else word


_CAPITAL = (TITLE, CAMEL, UPPER)
MIN_PROSE_WORDS = 4  # lower-case words a clause needs to count as running text


def prose_segments(t: Tokens) -> set[int]:
    """Segments with at least ``MIN_PROSE_WORDS`` lower-case words: running text,
    not a menu, a label or a share button ("Share to linkedin")."""
    memo = t.memo.get("prose")
    if memo is None:
        counts = Counter(compress(t.segment, map(LOWER.__eq__, t.shape)))
        memo = t.memo["prose"] = {seg for seg, c in counts.items() if c >= MIN_PROSE_WORDS}
    return memo  # type: ignore[return-value]


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


class Miscased(NamedTuple):
    start: int  # first word index
    size: int
    cased: tuple[str, ...]


def miscased_runs(t: Tokens, text: str) -> list[Miscased]:
    """Lower-case runs matching a learned name whose content words are never
    written in lower case anywhere else ("elon musk"): a word the article also
    uses as an ordinary word ("starry nights" beside "starry night") makes the
    run an ordinary phrase."""
    names = {key: forms.most_common(1)[0][0] for key, forms in learned_names(t).items()}
    if not names:
        return []
    runs = list(_candidate_runs(t, text, names))
    if not runs:
        return []
    inside = Counter(w for r in runs for w in t.low[r.start : r.start + r.size])
    # Lower-case spellings of each word, possessive included ("musk's").
    spellings = {w + s for w in inside for s in ("", "'s", "’s")}
    written = Counter(compress(t.raw, map(spellings.__contains__, t.raw)))
    lower = {w: sum(written[w + s] for s in ("", "'s", "’s")) for w in inside}
    stop = word_list("kw_stopwords")
    return [
        r
        for r in runs
        if all(w in stop or lower[w] == inside[w] for w in t.low[r.start : r.start + r.size])
    ]


def _candidate_runs(
    t: Tokens, text: str, names: dict[tuple[str, ...], tuple[str, ...]]
) -> Iterator[Miscased]:
    sizes_by_first: dict[str, set[int]] = defaultdict(set)
    stop = word_list("kw_stopwords")
    for key in names:
        if key[0] not in stop:  # "the guardian": too ambiguous in lower case
            sizes_by_first[key[0]].add(len(key))
    # Raw spellings a lower-case first word can have: "musk", "musk's".
    firsts = {w + s for w in sizes_by_first for s in ("", "'s", "’s")}
    determiners = word_list("kw_determiners")
    low, shape, seg, n = t.low, t.shape, t.segment, len(t.low)
    prose = prose_segments(t)
    after = -1
    for i in compress(range(n), map(firsts.__contains__, t.raw)):
        if i <= after or seg[i] not in prose:
            continue
        for size in sorted(sizes_by_first[low[i]], reverse=True):
            j = i + size - 1
            if j >= n or seg[j] != seg[i]:
                continue
            key = tuple(low[i : j + 1])
            if key not in names or any(shape[k] != LOWER for k in range(i, j + 1)):
                continue
            if size > 1 and i > 0 and seg[i - 1] == seg[i] and low[i - 1] in determiners:
                continue
            if _in_handle(text, t.start(i)):
                break
            yield Miscased(i, size, names[key])
            after = j
            break


def _in_handle(text: str, start: int) -> bool:
    """A hashtag, @handle or path segment: lower case is their normal form."""
    return start > 0 and text[start - 1] in "#@/\\_~"


class MiscasedKeyword(Rule):
    """Flag a name written in lower case when the article capitalises it elsewhere.

    ## What it does
    Learns the names the article itself writes with capitals in running text —
    runs of two or more capitalised words ("Elon Musk", "Bank of England") and
    camel-case brands ("OpenAI", "iPhone") — and flags the same words written
    all in lower case ("elon musk", "openai").  The fix suggests the article's
    own casing (unsafe: it is a suggestion to review).

    What counts as a name:
    - only running text: a clause with at least four lower-case words (not a
      menu entry, a label or a "Share to linkedin" button), not on a Title Case
      line (a headline capitalises every word);
    - a multi-word run needs one word that is not ordinary lower-case English
      (``rules/data/kw_common_words.txt``, from SCOWL): "Nora Vance" is a name,
      "Social Media" or "Climate Change" is sloppy capitalisation;
    - a single word must be camel case and not start a clause;
    - capitalised words joined by connectors (``kw_name_connectors``: "Bank of
      England") form one name; the whole name, or its head before a connector,
      must recur in lower case, never its tail.

    What is left alone: a lower-case run after a determiner ("the prime
    minister" next to "Prime Minister Tony Blair"); a run whose content words the
    article also uses in lower case elsewhere ("starry night" beside "starry
    nights"); hashtags, handles and paths ("#openai").

    ## Why is this bad?
    People type search queries in lower case; a name in lower case in the middle
    of otherwise edited prose is the fingerprint of a query pasted into the text
    to rank for it ("He maintains that elon musk criticism of openai centers on").

    ## Example
    ```text
    Elon Musk co-founded OpenAI in 2015. Many ask why elon musk left openai.
    ```

    ## Use instead
    ```text
    Elon Musk co-founded OpenAI in 2015. Many ask why Musk left the company.
    ```

    ## Options
    - ``min-cased`` (default 1): how many capitalised occurrences in running text
      a name needs before its lower-case form is flagged.  One is enough: edited
      text that writes "Elon Musk" once never writes "elon musk" by accident.

    ## Known problems
    Single lower-case words are flagged only for camel-case brands; a stuffed
    one-word name ("tesla") is not caught, nor is a name made only of ordinary
    words ("Mark Young").  A lower-cased coupon code or product code that matches
    a camel-case brand ("code appleinsider") is flagged.
    """

    code = "KW002"
    name = "miscased-keyword"
    summary = "Name in lower case although the article capitalises it elsewhere"
    severity = Severity.WARNING
    examples_flagged = (
        "Analysts say that Elon Musk wants more attention than ever. "
        "Critics say that elon musk wants to own the whole market.",
        "The new chatbot from OpenAI is popular with students. "
        "Readers ask whether openai will ever publish its model weights.",
    )
    examples_clean = (
        "Prime Minister Tony Blair spoke first. Later the prime minister left.",
        "We bought an Apple laptop. Then we ate an apple.",
        "Follow the debate under #openai, where OpenAI staff reply.",
    )

    @dataclass(frozen=True)
    class Options:
        min_cased: int = 1

    def check(self, doc: Document) -> Iterator[Violation]:
        t = tokens(doc)
        runs = miscased_runs(t, doc.text)
        if runs and self.options.min_cased > 1:
            names = learned_names(t)
            runs = [
                r
                for r in runs
                if sum(names[tuple(t.low[r.start : r.start + r.size])].values())
                >= self.options.min_cased
            ]
        for run in runs:
            yield self._report(t, run)

    def _report(self, t: Tokens, run: Miscased) -> Violation:
        first, last = run.start, run.start + run.size - 1
        start, end = t.start(first), t.end(last)
        written = " ".join(t.raw[first : last + 1])
        suffix = t.raw[last][len(t.low[last]) :] if t.raw[last].lower() != t.low[last] else ""
        expected = " ".join(run.cased) + suffix
        return self.violation(
            start,
            end,
            f"'{written}' is written '{expected}' elsewhere in the article: "
            "a lower-case name mid-sentence looks like a pasted search keyword",
            Fix.replace(start, end, expected, safe=False),
        )


# -- questions used as noun phrases (KW003) -------------------------------------


@cache
def _query_re() -> re.Pattern[str]:
    openers = "|".join(sorted(word_list("kw_query_openers")))
    aux = "|".join(sorted(word_list("kw_query_auxiliaries")))
    return re.compile(rf"(?<![\w'’-])(?i:{openers})\s+(?:{aux})\s+(?=\w)")


_CLAUSE_END = re.compile(r"[.!?;:,()\"“”\n]")


class PastedQuery(Rule):
    """Flag a direct question used as part of a sentence, the shape of a pasted query.

    ## What it does
    Finds a question word followed by an inverted auxiliary — direct-question word
    order, "why does …", "how did …", "when is …" — in a sentence that does not
    end with a question mark, where within ``max-query-words`` words, before any
    comma or other punctuation, a word from ``rules/data/kw_query_continuations``
    follows ("because", "stems", "remains", "is" …).  That continuation treats the
    question as a noun phrase, which English grammar does not allow:
    "Why did elon musk leave openai remains a key aspect".

    ## Why is this bad?
    Content farms wedge the literal search query into a sentence so the page
    matches it word for word; the result is ungrammatical and reads as spam.

    ## Example
    ```text
    Why does the stock market crash happen because investors panic.
    ```

    ## Use instead
    ```text
    Stock markets crash when investors panic.
    ```

    ## Options
    - ``max-query-words`` (default 8): how many words after the auxiliary may
      stand before the continuation.  Search queries are short; a longer span
      is more likely a long question that merely lost its question mark.
    - ``min-query-words`` (default 2): the question must have at least a subject
      and a verb ("why does elon musk ..."); "The reason why is that ..." has none
      and is good English.

    ## Known problems
    Queries in other shapes — "how to …", "best … for …", "what is …" — are not
    flagged: they are also good English as noun phrases ("How to fix it is another
    matter"), so flagging them would cost too much precision.  A long question
    whose question mark was forgotten can be flagged.
    """

    code = "KW003"
    name = "pasted-query"
    summary = "Direct question used as part of a sentence (pasted search query)"
    severity = Severity.WARNING
    examples_flagged = (
        "Why does the stock market crash happen because investors panic.",
        "Why did the band split up remains a mystery to fans.",
    )
    examples_clean = (
        "Why does the stock market crash? Because investors panic.",
        "The reason why is that investors panic.",
        "Why Is Everyone Talking About It",
        "Nobody knows why the band split up.",
    )

    @dataclass(frozen=True)
    class Options:
        max_query_words: int = 8
        min_query_words: int = 2

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        continuations = word_list("kw_query_continuations")
        for m in _query_re().finditer(text):
            found = self._continuation(text, m.end(), continuations)
            if found is None:
                continue
            cont_start, cont_word = found
            end = cont_start
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            query = " ".join(text[m.start() : end].split())
            yield self.violation(
                m.start(),
                end,
                f"question '{query}' is used as part of a sentence ('{cont_word}' "
                "follows, no question mark): a pasted search query?",
            )

    def _continuation(
        self, text: str, pos: int, continuations: frozenset[str]
    ) -> tuple[int, str] | None:
        window = pos + 40 * (self.options.max_query_words + 1)  # bounds the work
        stop = _CLAUSE_END.search(text, pos, window)
        clause_end = stop.start() if stop else min(window, len(text))
        if stop and stop.group() == "?":
            return None
        words = list(WORD_RE.finditer(text, pos, clause_end))
        opts = self.options
        if words and words[0].group().lower() == "that":
            return None
        for k, w in enumerate(words[: opts.max_query_words + 1]):
            if k >= opts.min_query_words and w.group() in continuations:
                if _sentence_has_question_mark(text, clause_end):
                    return None
                return w.start(), w.group()
        return None


_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence_has_question_mark(text: str, pos: int) -> bool:
    """Does the sentence going on at ``pos`` end with a question mark?"""
    end = _SENTENCE_END.search(text, pos)
    return bool(end and end.group() == "?")


RULES: tuple[type[Rule], ...] = (
    RepeatedKeywordPhrase,
    MiscasedKeyword,
    PastedQuery,
    KeywordDensity,
)
