"""Duplicated text (DUP): a sentence or paragraph that repeats an earlier one.

Candidates are found with word shingles and an inverted index (each sentence is
compared only with earlier sentences that share shingles with it, and very common
shingles are ignored), then confirmed with a word-level similarity ratio.  The
cost is linear in the number of sentences, never all pairs.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple

from lint.document import Document, Sentence
from lint.phrases import load_phrases
from lint.rule import Rule
from lint.violation import Severity, Violation

# A footnote or reference entry: "[1] ...", "• [2] ...", "^3 ...".  Notes quote
# the sentence they support, which is citation, not duplication.
_NOTE_RE = re.compile(r"\s*(?:[-*+•·◦▪‣–]\s*)?(?:\[\^?\d{1,3}\]|\^\d{1,3}\b)")
_MARKER_RE = re.compile(r"\[\^?\d{1,3}\]")
MAX_POSTINGS = 40  # a shingle shared by more sentences is too common to help
MAX_CANDIDATES = 3  # earlier sentences verified per sentence
MAX_COMPARED_WORDS = 200  # words compared per sentence (bounds SequenceMatcher)


class Unit(NamedTuple):
    """A sentence prepared for comparison."""

    index: int  # into doc.sentences
    words: tuple[str, ...]
    shingles: frozenset[int]


class Match(NamedTuple):
    unit: int  # sentence index of the repeat
    earlier: int  # sentence index of the earlier sentence
    ratio: float


def sentence_words(doc: Document, sentence: Sentence) -> tuple[str, ...]:
    """Lower-case words of a sentence, footnote markers left out."""
    text = doc.text
    markers = [m.span() for m in _MARKER_RE.finditer(text, sentence.start, sentence.end)]
    words = []
    for w in doc.words_in(sentence.start, sentence.end):
        if any(a <= w.start and w.end <= b for a, b in markers):
            continue
        words.append(text[w.start : w.end].lower())
    return tuple(words)


def shingles(words: tuple[str, ...], size: int) -> frozenset[int]:
    if len(words) < size:
        return frozenset({hash(words)})
    return frozenset(hash(words[i : i + size]) for i in range(len(words) - size + 1))


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Word-level similarity in [0, 1] (difflib's ratio: 2 * matches / total)."""
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a[:MAX_COMPARED_WORDS], b[:MAX_COMPARED_WORDS], False)
    return matcher.ratio()


def find_repeats(units: list[Unit], threshold: float, size: int = 3) -> Iterator[Match]:
    """Each unit that repeats an earlier one, with its best earlier match."""
    index: dict[int, list[int]] = defaultdict(list)  # shingle -> positions in units
    exact: dict[tuple[str, ...], int] = {}
    for pos, unit in enumerate(units):
        match = _best_match(units, pos, index, exact, threshold, size)
        if match is not None:
            yield match
        exact.setdefault(unit.words, pos)
        for sh in unit.shingles:
            postings = index[sh]
            if len(postings) <= MAX_POSTINGS:
                postings.append(pos)


def _best_match(
    units: list[Unit],
    pos: int,
    index: dict[int, list[int]],
    exact: dict[tuple[str, ...], int],
    threshold: float,
    size: int,
) -> Match | None:
    unit = units[pos]
    if unit.words in exact:
        return Match(unit.index, units[exact[unit.words]].index, 1.0)
    shared: Counter[int] = Counter()
    for sh in unit.shingles:
        postings = index.get(sh)
        if postings and len(postings) <= MAX_POSTINGS:
            shared.update(postings)
    # Each differing word spoils at most ``size`` shingles, so two sentences at
    # ``threshold`` similarity still share about this many: a cheap pre-filter.
    need = max(2, int(len(unit.shingles) * (1 - size * (1 - threshold))))
    best: Match | None = None
    # Ties broken by position, not by set order: the same result in every process
    # (string hashes, and so set order, differ between processes).
    ranked = heapq.nsmallest(MAX_CANDIDATES, shared.items(), key=lambda kv: (-kv[1], kv[0]))
    for other, count in ranked:
        if count < need:
            break
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

    def _units(self, doc: Document) -> list[Unit]:
        skip = _skipped_blocks(doc)
        size = max(1, self.options.shingle_size)
        units = []
        for index, sentence in enumerate(doc.sentences):
            if sentence.block in skip:
                continue
            words = sentence_words(doc, sentence)
            if len(words) >= self.options.min_words:
                units.append(Unit(index, words, shingles(words, size)))
        return units

    def _sentences(self, doc: Document) -> Iterator[Violation]:
        size = max(1, self.options.shingle_size)
        matches = find_repeats(self._units(doc), self.options.similarity, size)
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
        seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for block in doc.headings:
            words = tuple(
                doc.text[w.start : w.end].lower() for w in doc.words_in(block.start, block.end)
            )
            if len(words) < 3 or any(c.isdigit() for w in words for c in w):
                continue  # "Notes", or a date/counter ("3 hours ago") in a feed
            earlier = seen[words]
            if len(earlier) > self.options.heading_repeats:
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
    summary_headings = word_list_lower("dup_summary_headings")
    skip: set[int] = set()
    in_summary = False
    for i, block in enumerate(doc.blocks):
        label = " ".join(text[block.start : block.end].split()).rstrip(":.").lower()
        if block.kind == "heading" or label in summary_headings:  # "Summary:" too
            in_summary = label in summary_headings
            skip.add(i)
        elif in_summary or block.kind == "quote" or _NOTE_RE.match(text, block.start):
            skip.add(i)
    return skip


def word_list_lower(name: str) -> frozenset[str]:
    return frozenset(e.lower() for e in load_phrases(name).entries)


def _without_title_repeat(doc: Document, matches: Iterator[Match]) -> Iterator[Match]:
    """Drop the first repeat of the title: a one-sentence first block without a
    full stop (a headline) shown again as a one-sentence block."""
    sentences, blocks = doc.sentences, doc.blocks
    whole = Counter(s.block for s in sentences)
    headline = bool(blocks) and not doc.text[blocks[0].start : blocks[0].end].endswith(".")
    title_repeated = False
    for match in matches:
        earlier, later = sentences[match.earlier], sentences[match.unit]
        is_title = headline and earlier.block == 0 and whole[0] == 1 and whole[later.block] == 1
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
