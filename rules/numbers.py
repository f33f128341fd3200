"""Uncited statistics (NUM family)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from lint import regex_cache
from lint.citations import cited_sentences
from lint.document import Block, Document
from lint.quotes import in_quotation
from lint.rule import Rule
from lint.token_gate import MIN_GATED_LENGTH, cuts_word, word_index
from lint.violation import Severity, Violation
from rules._claim_sources import (
    continues_claim,
    has_named_attribution,
    reference_blocks,
    sentences_may_name_source,
)
from rules._figures import KINDS, MIN_MONEY, Figure, figure_starts, find_figures

_CAPTION_LINE = regex_cache.compile(r"\W{0,3}(?:sources?|data|figures)\s*:", re.IGNORECASE)
_CAPTION = regex_cache.compile(
    r"^\W{0,3}(?:sources?|data|figures)\s*:|\b(?:source|sources)\s*:", re.IGNORECASE
)


class UncitedStatistic(Rule):
    """Flags statistics (money, percentages, large counts, multipliers) with no source.

    ## What it does
    Finds figures that a reader would want to check: amounts of money (`$80 billion`,
    `€3.2bn`, `£500m`), percentages (`80%`, `80 per cent`), counts with a magnitude
    (`200 million users`, `over a million likes`, `3,000 employees`), multipliers
    (`3x faster`, `doubled`) and proportions (`one in five adults`, `two-thirds of`).
    A figure is flagged when its sentence has no citation: no footnote marker or link,
    no named source (`according to the IMF`, `the company said`, `Gartner estimated`,
    `figures from the ONS`, `(Source: ...)`), and the next sentence does not carry one
    while continuing the claim (`That figure comes from ...[3]`). A table is cited by a
    caption line with a source just before or after it.

    Years, dates, times, durations (`within 24 hours`), ordinals, version and model
    names (`GPT-4o`, `Grok 3`, `Python 3.12`), list numbers, headings, phone numbers,
    prices under `min-money`, sales offers (`45% off`) and numbers inside quotations
    are not statistics. Source lists are not checked: the blocks under a "Sources",
    "References" or "Notes" heading, and reference entries such as
    `Daily Ledger, "Exports Hit $63 Billion," Aug. 7, 2019`.

    ## Why is this bad?
    Readers trust numbers. A figure with no source cannot be checked, and made-up or
    outdated statistics are the most damaging errors an article can carry. "Data shows"
    or "experts estimate" is not a source: name who measured it.

    ## Example
    ```text
    Today, the app has over 200 million users and is valued at $80 billion.
    ```

    ## Use instead
    ```text
    The app has over 200 million users, according to its maker's 2024 annual report.[1]
    ```

    ## Options
    - `kinds` (default: all of `money`, `percent`, `count`, `multiplier`, `fraction`):
      which kinds of figure to check; drop one to silence a kind your house style allows.
    - `min_money` (default `100000`): smaller amounts of money are prices ("$199",
      "a $7,000 film"), not statistics, unless they are an average or a rate ("an
      average of $11,000", "£900 per employee").
    - `paragraph_carries_source` (default `true`): once a sentence of a paragraph names
      its source ("Ofcom said..."), the figures in the rest of that paragraph are taken
      to come from it, as news copy is written.
    - `lead_source_covers_document` (default `true`): when the opening paragraphs name
      where the article's figures come from ("figures published by the Electoral
      Commission"), the whole article is taken as sourced.
    - `next_sentence_cites` (default `true`): a citation in the next sentence covers the
      figure when that sentence continues the claim ("That figure comes from ...").
    - `first_person_is_source` (default `true`): a figure the author reports about their
      own work ("Our test suite has 3,000 tests", "We cut costs by 40%") is first-hand,
      sourced by the author; a first-person word before the figure in its sentence counts.

    ## Known problems
    A source named two sentences earlier ("The firm said profits rose. Sales hit $3bn.")
    is not seen, so news copy that attributes once per paragraph can be flagged. Small
    plain counts ("100 lawsuits", "seven nations") are not treated as statistics.
    Any reporting verb with a named or pronoun subject counts as attribution, so a
    sentence such as "He said sales hit $3bn" is accepted without checking who "he" is.
    """

    code = "NUM001"
    name = "uncited-statistic"
    summary = "Statistic with no citation or named source"
    severity = Severity.WARNING
    examples_flagged = (
        "The posts went viral, garnering over a million likes within a day.",
        "Today, the chatbot has over 200 million users.",
        "Data shows 80% of apps on the store are free.",
        "The startup is now valued at €3.2bn.",
    )
    examples_clean = (
        "The company said the chatbot has over 200 million users.",
        "Sales rose 12% last year, according to the Office for National Statistics.",
        "The firm was founded in 2015 and launched Grok 3 in 2025.",
        "Revenue reached $4 billion in 2023.[1]",
    )

    @dataclass(frozen=True)
    class Options:
        kinds: tuple[str, ...] = KINDS
        next_sentence_cites: bool = True
        min_money: int = MIN_MONEY
        paragraph_carries_source: bool = True
        lead_source_covers_document: bool = True
        first_person_is_source: bool = True

    def check(self, doc: Document) -> Iterator[Violation]:
        # The lead is read only once there is an uncited figure to excuse: most
        # documents have none, and the answer is the same either way.
        figures = self._uncited_figures(doc)
        first = next(figures, None)
        if first is None:
            return
        if self.options.lead_source_covers_document and _lead_names_data_source(doc):
            return
        for f in chain((first,), figures):
            yield self.violation(f.start, f.end, f'statistic "{f.text}" has no citation')

    def _uncited_figures(self, doc: Document) -> Iterator[Figure]:
        """Figures outside quotations in sentences with no source of their own, in a
        paragraph with none, and whose claim the next sentence does not source.

        Sources are looked for only around sentences that hold a figure (most do
        not), and each sentence is checked at most once: linear time."""
        text, blocks, opts = doc.text, doc.blocks, self.options
        covered = _captioned_blocks(doc) | reference_blocks(doc)
        sourced = _SourcedSentences(doc)
        starts = figure_starts(text)
        first_person = _FirstPerson(text)
        sentences = doc.sentences
        for i in doc.sentences_holding(starts):  # most sentences hold no figure start
            sent = sentences[i]
            if blocks[sent.block].kind == "heading" or sent.block in covered:
                continue
            figures = find_figures(text, sent.start, sent.end, opts.kinds, opts.min_money, starts)
            figures = [f for f in figures if not in_quotation(doc, f.start)]
            if opts.first_person_is_source and figures:
                first = first_person.search(sent.start, sent.end)  # once a sentence
                figures = [f for f in figures if first is None or first >= f.start]
            # Each test below is pure and memoised, so their order does not change
            # the answer: the paragraph's earlier sentences first, as once one of
            # them names a source the later figures of the paragraph need no more.
            if not figures:
                continue
            if opts.paragraph_carries_source and sourced.earlier_in_paragraph(i):
                continue
            if sourced.own(i):
                continue
            if not self._next_cites(doc, i, sourced):
                yield from figures

    def _next_cites(self, doc: Document, i: int, sourced: _SourcedSentences) -> bool:
        """Is the claim of sentence ``i`` continued and cited in the next sentence?"""
        if not self.options.next_sentence_cites or i + 1 >= len(doc.sentences):
            return False
        s, nxt = doc.sentences[i], doc.sentences[i + 1]
        if nxt.block != s.block and doc.blocks[nxt.block].kind == "heading":
            return False
        if not continues_claim(doc.text, nxt.start, nxt.end):
            return False
        return sourced.own(i + 1)  # cited, or names its source


# "us" and "I" only in their own case: "US" is a country, "i" is rarely a pronoun.
_FIRST_PERSON = regex_cache.compile(r"\b(?:(?i:we|our|ours|my|mine)|us|I)\b")
#: The word-index keys of the words ``_FIRST_PERSON`` matches (whole words).
_FIRST_PERSON_KEYS = ("we", "our", "ours", "my", "mine", "us", "i")


class _FirstPerson:
    """``_FIRST_PERSON.search`` over the sentences of one text.

    On an indexed text (``lint.token_gate.word_index``) the pattern is matched
    only where one of ``_FIRST_PERSON_KEYS`` starts: every match is such a whole
    word (``\\b`` on both sides), and the index keys words casefolded, so the
    first of those offsets where it matches is where ``search`` finds it.  Where
    ``end`` cuts a word ("we" of "west"), the plain search is used."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._offsets: list[int] | None = None

    def offsets(self) -> list[int]:
        if self._offsets is None:
            positions = word_index(self.text).positions
            lists = [positions[k] for k in _FIRST_PERSON_KEYS if k in positions]
            self._offsets = sorted(chain.from_iterable(lists))
        return self._offsets

    def search(self, start: int, end: int) -> int | None:
        """The start of the first match in ``text[start:end]``, or None."""
        text = self.text
        if len(text) < MIN_GATED_LENGTH or cuts_word(text, end):
            m = _FIRST_PERSON.search(text, start, end)
            return None if m is None else m.start()
        offsets = self.offsets()
        match = _FIRST_PERSON.match
        for k in range(bisect_left(offsets, start), len(offsets)):
            pos = offsets[k]
            if pos >= end:
                break
            if match(text, pos, end) is not None:
                return pos
        return None


class _SourcedSentences:
    """Memoised "does this sentence name or cite its own source?" per sentence."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._own: dict[int, bool] = {}
        self._scanned: dict[int, tuple[int, bool]] = {}  # block -> (last index, found)
        self._names: dict[int, bool] = {}
        self._cited = cited_sentences(doc)
        self._may_name: frozenset[int] | None = None  # None: every sentence may
        self._screened = False  # ``_may_name`` worked out yet?

    def own(self, i: int) -> bool:
        found = self._own.get(i)
        if found is None:
            found = self._own[i] = self._cited[i] or self.names_source(i)
        return found

    def names_source(self, i: int) -> bool:
        """``has_named_attribution`` on sentence ``i`` (asked for a sentence as the
        one after a figure, then as one with figures of its own)."""
        found = self._names.get(i)
        if found is None:
            if not self._screened:  # on first need: most documents ask for few
                self._may_name, self._screened = sentences_may_name_source(self.doc), True
            s, text, held = self.doc.sentences[i], self.doc.text, self._may_name
            if held is not None and i not in held and not cuts_word(text, s.end):
                found = False  # no source word in it: the plain scan finds none
            else:
                found = has_named_attribution(text, s.start, s.end)
            self._names[i] = found
        return found

    def earlier_in_paragraph(self, i: int) -> bool:
        """Does a sentence before ``i`` in its paragraph carry a source?"""
        sentences = self.doc.sentences
        block = sentences[i].block
        last, found = self._scanned.get(block, (i, False))
        if block not in self._scanned:
            last = i - 1
            while last >= 0 and sentences[last].block == block:
                last -= 1
        j = last + 1
        while not found and j < i:
            found = self.own(j)
            j += 1
        self._scanned[block] = (max(j - 1, last), found)
        return found


LEAD_BLOCKS = 3


def _lead_names_data_source(doc: Document) -> bool:
    """Does the lead (first prose paragraphs) name where the article's figures come
    from ("..., figures published by the Electoral Commission show")?"""
    text = doc.text
    prose = islice((b for b in doc.blocks if b.kind != "heading"), LEAD_BLOCKS)
    return any(has_named_attribution(text, b.start, b.end, data_only=True) for b in prose)


def _captioned_blocks(doc: Document, candidates: Iterable[int] | None = None) -> set[int]:
    """Blocks covered by a source caption: a table (or figure text) with a "Source:"
    line just before or after it, or in it.  Captions are looked for in the
    ``candidates`` (block indices; by default those with a colon near their start,
    which every caption has)."""
    out: set[int] = set()
    blocks = doc.blocks
    text = doc.text
    if candidates is None:
        candidates = _blocks_with_colon(doc, CAPTION_SPAN)
    for b in candidates:
        block = blocks[b]
        limit = min(block.end, block.start + CAPTION_SPAN)
        if not _CAPTION.search(text, block.start, limit):
            continue
        if block.kind == "table":
            out.add(b)
        # The caption covers the run of tables next to it, or the one paragraph
        # immediately before it ("... 42% of households. / Source: ONS").
        for step in (-1, 1):
            j = b + step
            while 0 <= j < len(blocks) and blocks[j].kind == "table":
                out.add(j)
                j += step
        if b > 0 and blocks[b - 1].kind != "heading" and _is_caption_line(text, block):
            out.add(b - 1)
    return out


#: How far into a block a source caption is looked for.
CAPTION_SPAN = 300


def _blocks_with_colon(doc: Document, span: int) -> list[int]:
    """Indices, in order, of the blocks with a colon in their first ``span``
    characters: every caption has one, and a scan of the text for colons rules
    out most blocks at once."""
    text, blocks = doc.text, doc.blocks
    out: list[int] = []
    at = text.find(":")
    while at >= 0:
        b = doc.block_index_at(at)
        if b < 0 or at >= blocks[b].end:
            at = text.find(":", at + 1)  # between blocks
            continue
        if at < blocks[b].start + span:
            out.append(b)
        at = text.find(":", blocks[b].end)  # on to the next block's colons
    return out


def _is_caption_line(text: str, block: Block) -> bool:
    return block.end - block.start < 200 and bool(_CAPTION_LINE.match(text, block.start, block.end))


RULES: tuple[type[Rule], ...] = (UncitedStatistic,)
