"""Duplicated text (DUP): a sentence or paragraph that repeats an earlier one.

Candidates are found with word shingles and an inverted index (each sentence is
compared only with earlier sentences that share shingles with it, and very common
shingles are ignored), then confirmed with a word-level similarity ratio.  The
cost is linear in the number of sentences, never all pairs.

Memory and time stay small on long files: a sentence is a tuple of shared
lower-case words (one string per distinct word, ``Vocabulary``), a shingle a
tuple of three of them, and a shingle held by one sentence maps to a bare int.
Shingles are compared by equality, not by hash, so the result does not depend
on the process's string hash seed.

Where the time goes (per MB, warm, garbage collector off as in ``lint.runner``):
about 0.13 CPU-s on generated articles, reading the words (sliced out of each
block's lowered text at the offsets of ``doc.words``, then interned: about
0.06), building and indexing the shingles (a set and a dictionary insertion per
new shingle: about 0.05), and checking the candidates.  One long document of
many articles (a 1 MB crawl dump) costs about 0.22: there sentences share many
shingles with earlier ones, and listing and counting those hits (about 0.1) is
most of the rest.  Cheap exact tests come first wherever they can: a sentence or
heading too short to count is skipped before its words are read
(``WordReader``), a block is labelled as a summary heading only if it starts
like one, a sentence with the words of an earlier one is an exact repeat of the
first of them and is never looked up (``find_repeats``), hits are listed and
counted only when enough of a sentence's shingles are held by earlier ones
(``ShingleIndex.look_up_and_add``), and difflib runs only for candidates
sharing enough words to reach the threshold (``_shared_words_bound``).  Each
test is a necessary condition of what it guards, so the output is the one of
the plain computation.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from itertools import compress
from typing import NamedTuple

from lint import regex_cache
from lint.document import WORD_RE, Document, Sentence
from lint.phrases import load_phrases
from lint.rule import Rule
from lint.violation import Severity, Violation

# A footnote or reference entry: "[1] ...", "• [2] ...", "^3 ...".  Notes quote
# the sentence they support, which is citation, not duplication.
_NOTE_RE = regex_cache.compile(r"\s*(?:[-*+•·◦▪‣–]\s*)?(?:\[\^?\d{1,3}\]|\^\d{1,3}\b)")
_MARKER_RE = regex_cache.compile(r"\[\^?\d{1,3}\]")
# Two characters in a row that could both belong to one word (``WORD_RE``:
# letters and digits, and ' ’ . - inside a word).
_JOINED_RE = regex_cache.compile(r"(?:[^\W_]|['’.\-]){2}")
MAX_POSTINGS = 40  # a shingle shared by more sentences is too common to help
MAX_CANDIDATES = 3  # earlier sentences verified per sentence
MAX_COMPARED_WORDS = 200  # words compared per sentence (bounds SequenceMatcher)


class Unit(NamedTuple):
    """A sentence prepared for comparison."""

    index: int  # into doc.sentences
    words: tuple[str, ...]  # lower-case words, shared (``Vocabulary``)


Shingle = tuple[str, ...]


class Match(NamedTuple):
    unit: int  # sentence index of the repeat
    earlier: int  # sentence index of the earlier sentence
    ratio: float


class Vocabulary(dict[str, str]):
    """One string object per distinct lower-case word (an interning table): a
    sentence keeps references to shared words, not a fresh string per word."""

    def intern(self, words: Sequence[str]) -> tuple[str, ...]:
        """``words`` as a tuple of shared strings (one dict look-up per word, in C)."""
        return tuple(map(self.setdefault, words, words))


def words_between(doc: Document, start: int, end: int) -> list[str]:
    """The lower-case words lying inside ``[start, end)``: ``doc.words_in``,
    lowered, without a ``Span`` per word.

    A word of the document running across ``start`` or ``end`` is not inside;
    the range is narrowed to leave it out (to its end, or to its start), so
    that no word runs across the ends of the range scanned."""
    text = doc.text
    if _may_cut_word(text, start):
        word = doc.words.index_at(start - 1)
        if word >= 0 and doc.words[word].end > start:
            start = doc.words[word].end
    if _may_cut_word(text, end):
        word = doc.words.index_at(end - 1)
        if word >= 0 and doc.words[word].start < end < doc.words[word].end:
            end = doc.words[word].start
    return _lower_words(text[start:end]) if start < end else []


def _lower_words(text: str) -> list[str]:
    """``[w.lower() for w in WORD_RE.findall(text)]``, lowered in one call.

    Why the result is the same:
    - ``str.lower`` maps every character to exactly one character on its own,
      except two: "İ" (to two characters) and "Σ" (to "ς" or "σ" by what
      surrounds it).  Without them, lowering the text lowers each word as
      ``str.lower`` on the word would, and moves no word boundary: a letter or
      digit stays one, anything else stays not one, and ' ’ . - are left as
      they are (``test_lowering_keeps_word_boundaries`` checks every code
      point), so ``WORD_RE`` finds the same words in the lowered text;
    - otherwise, the words are joined with spaces and lowered together: words
      hold no space, and a space ends the only context lowering looks at (a
      final sigma's), so each word is lowered as on its own.

    ``doc.words_in(start, end)`` has exactly the words of ``text[start:end]``
    when no word runs across ``start`` or ``end``: the whole-text scan has no
    word there either, and ``WORD_RE`` has no look-around, so it finds the
    same words in the slice."""
    if "İ" not in text and "Σ" not in text:
        return WORD_RE.findall(text.lower())
    words = WORD_RE.findall(text)
    return " ".join(words).lower().split(" ") if words else []


def _may_cut_word(text: str, offset: int) -> bool:
    """Could a word hold both the characters before and at ``offset``?  (Both
    are letters, digits or a word's inner ' ’ . -; usually one is a space.)"""
    return offset > 0 and _JOINED_RE.match(text, offset - 1) is not None


def sentence_words(doc: Document, sentence: Sentence) -> list[str]:
    """Lower-case words of a sentence, footnote markers ("[1]") left out."""
    text = doc.text
    if not _MARKER_RE.search(text, sentence.start, sentence.end):
        return words_between(doc, sentence.start, sentence.end)
    markers = [m.span() for m in _MARKER_RE.finditer(text, sentence.start, sentence.end)]
    return [
        text[w.start : w.end].lower()
        for w in doc.words_in(sentence.start, sentence.end)
        if not any(a <= w.start and w.end <= b for a, b in markers)
    ]


class WordReader:
    """The lower-case words of the sentences and headings of one document,
    read in order, sliced out of the block's lowered text at the offsets
    ``doc.words`` already holds, instead of a regex scan of each sentence.

    Why the words are the same as ``sentence_words`` and ``words_between``:
    - the words of a range are ``doc.words_in(start, end)``: those starting
      at or after ``start`` (``bisect_left`` on the starts) and ending at or
      before ``end`` (``bisect_right`` on the ends; words do not overlap, so
      their ends are sorted too).  A word running across either end is left
      out, as ``words_between`` leaves it out;
    - a block without "İ" or "Σ" lowers character by character (see
      ``_lower_words``), so its lowered text has the same offsets and each
      word sliced out of it is ``word.lower()``; a block with one is read by
      the plain functions;
    - a sentence of a block with a footnote marker ("[", whose words
      ``sentence_words`` leaves out) is read by ``sentence_words``.

    The count of words comes first, from the offsets alone, so a range with
    fewer than ``min_words`` words (page furniture: "Home", "Share this") is
    never read."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        words = doc.words
        self._starts, self._ends = words.starts, words.ends  # the offset arrays, read only
        self._block = -1
        self._lowered: str | None = None  # the current block's text, lowered
        self._offset = self._end = 0  # where the current block starts and ends
        self._markers = False  # may the current block hold a footnote marker?

    def sentence_words(self, sentence: Sentence, min_words: int = 0) -> list[str]:
        """``sentence_words(doc, sentence)``, or a shorter list when it has
        fewer than ``min_words`` words."""
        self._enter(sentence.block)
        if self._lowered is None or self._markers or not self._inside(sentence):
            return sentence_words(self.doc, sentence)
        return self._slice(sentence.start, sentence.end, min_words)

    def block_words(self, index: int, min_words: int = 0) -> list[str]:
        """``words_between`` over the whole block ``index``, or a shorter list
        when it has fewer than ``min_words`` words."""
        self._enter(index)
        block = self.doc.blocks[index]
        if self._lowered is None:
            return words_between(self.doc, block.start, block.end)
        return self._slice(block.start, block.end, min_words)

    def _inside(self, sentence: Sentence) -> bool:
        """Does the sentence lie inside its block, as the sentence splitter
        makes it?  (Checked, not assumed: the slices are block-relative.)"""
        return self._offset <= sentence.start and sentence.end <= self._end

    def _slice(self, start: int, end: int, min_words: int) -> list[str]:
        starts, ends = self._starts, self._ends
        first = bisect_left(starts, start)
        stop = bisect_right(ends, end)
        if stop - first < min_words:
            return []
        lowered, offset = self._lowered, self._offset
        assert lowered is not None
        return [
            lowered[a - offset : b - offset]
            for a, b in zip(starts[first:stop], ends[first:stop], strict=True)
        ]

    def _enter(self, index: int) -> None:
        if index == self._block:
            return
        block = self.doc.blocks[index]
        text = self.doc.text[block.start : block.end]
        self._block, self._offset, self._end = index, block.start, block.end
        self._lowered = None if "İ" in text or "Σ" in text else text.lower()
        self._markers = "[" in text


def shingles(words: tuple[str, ...], size: int) -> set[Shingle]:
    """The distinct ``size``-word shingles of ``words``; a sentence shorter than
    ``size`` is one shingle.  Built by ``zip`` in C.  Shingles are kept as
    tuples, not hashes: equal shingles are found by equality, so the result
    does not depend on the hash seed (only the order of a set does, and no
    result depends on that order)."""
    if len(words) < size:
        return {words}
    if size == 3:  # the default, spelled out: no argument list to build
        return set(zip(words, words[1:], words[2:], strict=False))
    return set(zip(*[words[k:] for k in range(size)], strict=False))


def similarity(a: Sequence[object], b: Sequence[object]) -> float:
    """Word-level similarity in [0, 1] (difflib's ratio: 2 * matches / total).

    Only equality of words matters to difflib, so word ids give the ratio the
    words would."""
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a[:MAX_COMPARED_WORDS], b[:MAX_COMPARED_WORDS], False)
    return matcher.ratio()


def _length_bound(a: Sequence[object], b: Sequence[object]) -> float:
    """An upper bound of ``similarity(a, b)``: at most every word of the shorter
    compared part matches."""
    la, lb = min(len(a), MAX_COMPARED_WORDS), min(len(b), MAX_COMPARED_WORDS)
    return 2 * min(la, lb) / (la + lb) if la + lb else 1.0


def _shared_words_bound(a: Sequence[object], b: Sequence[object]) -> float:
    """An upper bound of ``similarity(a, b)``, computed the way difflib computes
    the ratio (``2.0 * matches / total``): each matched word of one side is
    one of its words that also occurs on the other side, so the matches are at
    most the words of ``a`` found in ``b``, and at most those of ``b`` found
    in ``a``."""
    a, b = a[:MAX_COMPARED_WORDS], b[:MAX_COMPARED_WORDS]
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    found_in_b = sum(map(set(b).__contains__, a))
    found_in_a = sum(map(set(a).__contains__, b))
    return 2.0 * min(found_in_a, found_in_b) / (len(a) + len(b))


def find_repeats(units: Sequence[Unit], threshold: float, size: int = 3) -> Iterator[Match]:
    """Each unit that repeats an earlier one, with its best earlier match.

    A unit with the words of an earlier one is an exact repeat (ratio 1.0) of
    the first of them.  Its hits would never be used, so it is not looked up:
    its shingles are only added to the index (``ShingleIndex.add`` leaves the
    index as ``look_up_and_add`` does, so later look-ups find the same).  The
    other units are looked up, and their hits listed and counted only when
    enough of their shingles are held by earlier units (``look_up_and_add``)."""
    index = ShingleIndex()
    first_copy: dict[tuple[str, ...], int] = {}
    # Each differing word spoils at most ``size`` shingles, so two sentences at
    # ``threshold`` similarity still share about ``need`` of them (computed as
    # ``int(count * share)``): a cheap pre-filter.
    share = 1 - size * (1 - threshold)
    for pos, unit in enumerate(units):
        keys = shingles(unit.words, size)
        first = first_copy.setdefault(unit.words, pos)
        if first != pos:
            index.add(keys, pos)
            yield Match(unit.index, units[first].index, 1.0)
            continue
        need = max(2, int(len(keys) * share))
        hits = index.look_up_and_add(keys, pos, need)
        if hits:
            match = _best_match(units, pos, hits, need, threshold)
            if match is not None:
                yield match


class ShingleIndex:
    """Shingle -> the units holding it, in order, up to ``MAX_POSTINGS + 1``.

    A shingle held by more than ``MAX_POSTINGS`` earlier units is too common:
    it is ignored, and no longer extended.  Memory stays small: a shingle held
    by one unit (most of them, in real text) maps to a bare int, and a full
    list is dropped (its shingle is only remembered as full)."""

    def __init__(self) -> None:
        self._postings: dict[Shingle, int | list[int] | None] = {}
        self._full: set[Shingle] = set()

    def look_up_and_add(self, keys: set[Shingle], pos: int, need: int = 0) -> list[int]:
        """The earlier units sharing each of ``keys``, once per shared shingle
        (shingles shared with too many units left out); then ``pos`` is added.

        When fewer than ``need`` of ``keys`` are shared (and not too common),
        nothing is listed: a unit is listed at most once per shingle, so none
        would be listed ``need`` times.  The index changes the same either way.
        New and full shingles are sorted out with set operations in C; only
        the others are looked at one by one."""
        index = self._postings
        new = keys.difference(index)  # checks each key in the dict: O(len(keys))
        hits: list[int] = []
        if len(new) < len(keys):
            seen = keys.difference(new)
            seen.difference_update(self._full)
            if len(seen) < need:
                self._append(seen, pos)
            else:
                hits = self._look_up_and_append(seen, pos)
        index.update(dict.fromkeys(new, pos))
        return hits

    def add(self, keys: set[Shingle], pos: int) -> None:
        """Add ``pos`` as ``look_up_and_add`` does, listing nothing."""
        self.look_up_and_add(keys, pos, len(keys) + 1)

    def _look_up_and_append(self, seen: set[Shingle], pos: int) -> list[int]:
        index = self._postings
        hits: list[int] = []
        for key in seen:
            postings = index[key]
            if type(postings) is int:
                hits.append(postings)
                index[key] = postings = [postings, pos]
            else:
                hits.extend(postings)  # type: ignore[arg-type]
                postings.append(pos)  # type: ignore[union-attr]
            if len(postings) > MAX_POSTINGS:  # type: ignore[arg-type]
                self._full.add(key)
                index[key] = None
        return hits

    def _append(self, seen: set[Shingle], pos: int) -> None:
        index = self._postings
        for key in seen:
            postings = index[key]
            if type(postings) is int:
                index[key] = postings = [postings, pos]
            else:
                postings.append(pos)  # type: ignore[union-attr]
            if len(postings) > MAX_POSTINGS:  # type: ignore[arg-type]
                self._full.add(key)
                index[key] = None


def _best_match(
    units: Sequence[Unit], pos: int, hits: list[int], need: int, threshold: float
) -> Match | None:
    """The best earlier match of ``units[pos]`` among the earlier units found
    ``need`` times or more in ``hits``, if one reaches ``threshold``."""
    if len(hits) < need:
        return None  # no earlier unit can share ``need`` shingles
    shared = Counter(hits)
    if max(shared.values()) < need:
        return None  # most units: no earlier unit is close (a C loop, no list)
    close = list(compress(shared, map(need.__le__, shared.values())))  # count >= need, in C
    # Most shared shingles first; ties broken by position, not by set order.
    ranked = heapq.nsmallest(MAX_CANDIDATES, [(-shared[other], other) for other in close])
    unit = units[pos]
    best: Match | None = None
    for _, other in ranked:
        if _length_bound(unit.words, units[other].words) < threshold:
            continue  # cannot reach the threshold, whatever the words
        if _shared_words_bound(unit.words, units[other].words) < threshold:
            continue  # too few words in common (most candidates: no difflib run)
        ratio = similarity(unit.words, units[other].words)
        if ratio >= threshold and (best is None or ratio > best.ratio):
            best = Match(unit.index, units[other].index, ratio)
    return best


class DuplicatedText(Rule):
    """Flag a sentence or paragraph that repeats an earlier one exactly or nearly.

    ## What it does
    Compares every sentence of at least ``min-words`` words with the earlier
    sentences of the document and reports one that is at least ``similarity``
    alike, word for word, pointing to the line of the earlier one.  Consecutive
    repeated sentences of one paragraph are reported together as one repeated
    passage.  A heading may repeat an earlier heading ``heading-repeats`` times
    (a page title shown again as the first heading); more repeats are flagged.

    Footnote and reference entries ("[1] ...") are skipped: a note quoting the
    sentence it supports is citation, not duplication.  So are block quotes,
    which a layout may repeat as a pull quote, and the blocks of a summary
    section ("Key takeaways", "TL;DR": ``rules/data/dup_summary_headings.txt``),
    which restate the article on purpose.  A headline (a first line without a
    full stop) shown again once as a line of its own is allowed like a heading.

    ## Why is this bad?
    Spun and machine-assembled articles pad their length by saying the same
    thing twice, often in a slightly different wording stitched from the same
    source.  Readers notice, and search engines treat it as thin content.

    ## Example
    ```text
    The council approved the new cycle lanes after a long debate on Monday.

    ...

    After a long debate on Monday, the council approved the new cycle lanes.
    ```

    ## Use instead
    Say it once; later refer back to it ("The lanes, approved on Monday, ...").

    ## Options
    - ``min-words`` (default 8): shorter sentences ("He declined to comment.")
      recur naturally and are not compared.
    - ``similarity`` (default 0.8): the word-level similarity ratio (difflib's
      ``2 * matched words / total words``) from which a sentence counts as a
      repeat.  At 0.8 a sentence that swaps a phrase or two ("this felt like"
      for "this shift represents") still counts; summary bullets that reuse a
      clause of a longer sentence (around 0.6–0.7) do not.
    - ``shingle-size`` (default 3): words per shingle used to find candidates;
      three-word shingles are specific enough to keep the candidate lists short
      and loose enough to survive a changed word.
    - ``heading-repeats`` (default 1): how many times a heading may repeat an
      earlier one.  Headings shorter than three words ("Notes", "FAQ") and
      headings with digits (dates and counters of a feed: "Tuesday November 19,
      2019", "3 hours ago") are never flagged.

    ## Known problems
    Paraphrases that change most of the words are not found.  A sentence that
    repeats only part of a much longer one scores low and is not flagged.
    """

    code = "DUP001"
    name = "duplicated-text"
    summary = "Sentence or paragraph repeats an earlier one"
    severity = Severity.WARNING
    examples_flagged = (
        "The council approved the new cycle lanes after a long debate on Monday.\n\n"
        "Residents had asked for safer routes for years.\n\n"
        "The council approved the new cycle lanes after a long debate on Monday.",
        "The council approved the new cycle lanes after a long debate on Monday night.\n\n"
        "Residents had asked for safer routes for years.\n\n"
        "The council approved its new cycle lanes after a long debate on Monday night.",
    )
    examples_clean = (
        "The council approved the new cycle lanes after a long debate on Monday.\n\n"
        "The council rejected the new bus lanes after a short debate on Tuesday "
        "because drivers and shop owners objected to the loss of parking.",
        "He declined to comment.\n\nShe declined to comment.\n\nHe declined to comment.",
        "OpenAI started in 2015 as a nonprofit research laboratory in San Francisco. [1]\n\n"
        "Notes\n\n"
        "[1] OpenAI started in 2015 as a nonprofit research laboratory in San Francisco.",
    )

    @dataclass(frozen=True)
    class Options:
        min_words: int = 8
        similarity: float = 0.8
        shingle_size: int = 3
        heading_repeats: int = 1

    def check(self, doc: Document) -> Iterator[Violation]:
        yield from self._sentences(doc)
        yield from self._headings(doc)

    def _units(self, doc: Document, vocabulary: Vocabulary) -> list[Unit]:
        skip = _skipped_blocks(doc)
        min_words = self.options.min_words
        reader = WordReader(doc)
        units = []
        for index, sentence in enumerate(doc.sentences):
            if sentence.block in skip:
                continue
            words = reader.sentence_words(sentence, min_words)
            if len(words) >= min_words:
                units.append(Unit(index, vocabulary.intern(words)))
        return units

    def _sentences(self, doc: Document) -> Iterator[Violation]:
        size = max(1, self.options.shingle_size)
        vocabulary = Vocabulary()
        units = self._units(doc, vocabulary)
        matches = find_repeats(units, self.options.similarity, size)
        sentences = doc.sentences
        group: list[Match] = []
        for match in _without_title_repeat(doc, matches):
            if group and _continues(sentences, group[-1], match):
                group.append(match)
                continue
            if group:
                yield self._report(doc, group)
            group = [match]
        if group:
            yield self._report(doc, group)

    def _report(self, doc: Document, group: list[Match]) -> Violation:
        sentences = doc.sentences
        first, last = sentences[group[0].unit], sentences[group[-1].unit]
        line = doc.position(sentences[group[0].earlier].start)[0]
        ratio = min(m.ratio for m in group)
        what = "sentence" if len(group) == 1 else f"passage of {len(group)} sentences"
        how = "exactly" if ratio == 1.0 else f"nearly ({ratio:.0%} similar)"
        return self.violation(
            first.start, last.end, f"{what} repeats the text at line {line} {how}"
        )

    def _headings(self, doc: Document) -> Iterator[Violation]:
        """Headings of three words or more repeated more than ``heading-repeats``
        times, digits aside.

        A heading with a digit (a date or a counter in a feed: "3 hours ago")
        is never flagged.  The digits are only looked for when a heading is
        about to be flagged, which is rare: copies of a heading have the same
        words, so the same digits, and where they are only counted, not
        flagged, counting them changes nothing."""
        seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
        reader = WordReader(doc)
        for index, block in enumerate(doc.blocks):
            if block.kind != "heading":
                continue
            words = tuple(reader.block_words(index, 3))
            if len(words) < 3:
                continue  # "Notes", "FAQ"
            earlier = seen[words]
            if len(earlier) > self.options.heading_repeats:
                if any(c.isdigit() for w in words for c in w):
                    continue
                line = doc.position(earlier[0])[0]
                yield self.violation(
                    block.start,
                    block.end,
                    f"heading repeats the heading at line {line} ({len(earlier) + 1} times in all)",
                )
            earlier.append(block.start)


def _skipped_blocks(doc: Document) -> set[int]:
    """Blocks never compared: headings (checked apart), block quotes, notes,
    and the blocks of a summary section ("Key takeaways")."""
    text = doc.text
    skip: set[int] = set()
    in_summary = False
    for i, block in enumerate(doc.blocks):
        summary = _is_summary_heading(text, block.start, block.end)
        if block.kind == "heading" or summary:  # "Summary:" too
            in_summary = summary
            skip.add(i)
        elif in_summary or block.kind == "quote" or _NOTE_RE.match(text, block.start):
            skip.add(i)
    return skip


def _is_summary_heading(text: str, start: int, end: int) -> bool:
    """Is the block a summary heading ("Key takeaways", "Summary:")?

    The first character comes first: the label starts with the block's first
    character, lowered (a block starting with a space is labelled in full),
    and most blocks start with a letter no summary heading starts with."""
    headings, max_words, first_letters = _summary_headings()
    if start < end and first_letters is not None:
        first = text[start]
        if not first.isspace() and first.lower()[:1] not in first_letters:
            return False
    return _label(text, start, end, max_words) in headings


def _label(text: str, start: int, end: int, max_words: int) -> str | None:
    """The block's text as a summary heading is matched ("Summary:" ->
    "summary"), or None if it has more than ``max_words`` words.

    Joining ``n`` words gives ``n - 1`` spaces, and stripping ":." keeps them,
    so a block of more words than every heading has a label with more spaces
    than every heading.  Splitting
    stops after ``max_words`` words, so a long paragraph costs little."""
    words = text[start:end].split(None, max_words)
    if len(words) > max_words:
        return None
    return " ".join(words).rstrip(":.").lower()


@cache
def _summary_headings() -> tuple[frozenset[str], int, frozenset[str] | None]:
    """The summary headings, lower case, the most words one has, and their
    first characters (None if one is empty: then every block is labelled)."""
    headings = word_list_lower("dup_summary_headings")
    max_words = max((h.count(" ") + 1 for h in headings), default=0)
    first_letters = frozenset(h[0] for h in headings) if all(headings) else None
    return headings, max_words, first_letters


def word_list_lower(name: str) -> frozenset[str]:
    return frozenset(e.lower() for e in load_phrases(name).entries)


def _without_title_repeat(doc: Document, matches: Iterator[Match]) -> Iterator[Match]:
    """Drop the first repeat of the title: a one-sentence first block without a
    full stop (a headline) shown again as a one-sentence block."""
    sentences, blocks = doc.sentences, doc.blocks
    whole: Counter[int] | None = None  # sentences per block, counted when first needed
    headline = bool(blocks) and not doc.text[blocks[0].start : blocks[0].end].endswith(".")
    title_repeated = False
    for match in matches:
        earlier, later = sentences[match.earlier], sentences[match.unit]
        if headline and earlier.block == 0 and whole is None:
            whole = Counter(s.block for s in sentences)
        is_title = (
            headline
            and earlier.block == 0
            and whole is not None
            and whole[0] == 1
            and whole[later.block] == 1
        )
        if is_title and not title_repeated and blocks[later.block].kind == "text":
            title_repeated = True
            continue
        yield match


def _continues(sentences: tuple[Sentence, ...], prev: Match, match: Match) -> bool:
    """Is ``match`` the next sentence of the same paragraph, repeating the
    sentence after ``prev``'s earlier one (a repeated passage)?"""
    return (
        match.unit == prev.unit + 1
        and sentences[match.unit].block == sentences[prev.unit].block
        and sentences[match.earlier].block == sentences[prev.earlier].block
    )


RULES: tuple[type[Rule], ...] = (DuplicatedText,)
