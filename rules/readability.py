"""Readability (RD): sentences too long, paragraphs too hard to read.

Word and sentence counts come from the document model; syllables are textstat's
counts (``lint/syllables.py``: a pre-computed table of the CMU dictionary, loaded
on first use), taken once per paragraph.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import itemgetter, sub

from lint.document import Document, Sentence, Span
from lint.rule import Rule
from lint.stats import measure_block, sentence_pieces, sentences_per_block, words_within
from lint.violation import Severity, Violation

_LONG = (
    "The committee, which had met in the town hall every second Tuesday for as long "
    "as anyone could remember and which had never once agreed on anything of note, "
    "finally voted to repair the roof, replace the windows, and repaint the doors "
    "before the winter arrived."
)
_HARD = (
    "Notwithstanding considerable institutional apprehension, the administrative "
    "reorganisation necessitated comprehensive reconsideration of organisational "
    "responsibilities, interdepartmental communication methodologies, and "
    "accountability mechanisms. Consequently, implementation encountered substantial "
    "operational difficulties, particularly regarding infrastructural "
    "modernisation and institutional coordination across geographically dispersed "
    "administrative territories. Institutional stakeholders subsequently "
    "characterised the reorganisation as fundamentally counterproductive."
)


def sentences_over(sentences: Sequence[Sentence], word_starts: array, limit: int) -> Iterator[int]:
    """Indices of the sentences in which more than ``limit`` words start.

    That many words bound a sentence's word count from above (``words_within``
    drops at most the last, when it runs past the end), so every sentence of more
    than ``limit`` words is among them.  The two bisections per sentence run in
    ``map``, in C: most sentences are settled without a line of Python."""
    starts = map(sub, map(itemgetter(0), sentences), repeat(1))
    ends = map(sub, map(itemgetter(1), sentences), repeat(1))
    highs = map(bisect_right, repeat(word_starts), ends)
    lows = map(bisect_right, repeat(word_starts), starts)
    return compress(count(), map(limit.__lt__, map(sub, highs, lows)))


def unquoted_count(
    doc: Document, start: int, end: int, quote_starts: list[int], quote_ends: list[int]
) -> int:
    """``len(unquoted_words(doc, start, end, quote_starts))``; ``quote_ends`` are the
    quotations' ``inner_end`` offsets.

    Each word is judged by the last quotation opening at or before it.  When that
    is the same quotation for a word at ``start`` and one at ``end - 1`` (none
    opens in between) and it closes by ``start`` (or there is none), no word of the
    range lies inside a quotation, and the count is ``words_within``'s."""
    first = bisect_right(quote_starts, start) - 1
    if bisect_right(quote_starts, end - 1) - 1 == first and (
        first < 0 or quote_ends[first] <= start
    ):
        return words_within(doc.words.starts, doc.words.ends, start, end)
    return len(unquoted_words(doc, start, end, quote_starts))


def unquoted_words(
    doc: Document, start: int, end: int, starts: list[int] | None = None
) -> list[Span]:
    """Words in ``[start, end)`` that are not inside a quotation.

    ``starts`` (the quotations' ``inner_start`` offsets) may be passed in to save
    rebuilding it for every sentence.
    """
    quotes = doc.quotations
    if starts is None:
        starts = [q.inner_start for q in quotes]
    out = []
    for w in doc.words_in(start, end):
        i = bisect_right(starts, w.start) - 1
        if i < 0 or w.end > quotes[i].inner_end:
            out.append(w)
    return out


class SentenceTooLong(Rule):
    """Sentence too long.

    ## What it does
    Flags a sentence with more than `max-words` words of the writer's own (words
    inside quotation marks are not counted: a speaker's words cannot be
    shortened). Words are counted as the document model counts them
    (`Document.words_in`): "U.S.", "well-known" and "3.5" are one word each.

    ## Why is this bad?
    Long sentences make readers hold many ideas at once; comprehension drops
    sharply past about 30-40 words. Web readers skim, and a sentence that runs
    on is the one they skip.

    ## Example
    ```text
    The committee, which had met every Tuesday for as long as anyone could
    remember and which had never agreed on anything, finally voted to repair the
    roof, replace the windows and repaint the doors before the winter arrived.
    ```

    ## Use instead
    ```text
    The committee had met every Tuesday for years and never agreed on anything.
    This time it voted to repair the roof, windows and doors before winter.
    ```

    ## Options
    - `max-words` (default `40`): the longest sentence allowed. 40 leaves room for
      the long sentences good news writing uses now and then (professional news
      articles stay under one flag per 1,000 words) while catching run-ons.

    ## Known problems
    When the sentence splitter misses a boundary, the rule re-cuts the sentence at
    an end mark followed by a capital, so it may under-count but not over-count.
    Headings and table rows are not checked.
    """

    code = "RD001"
    name = "sentence-too-long"
    summary = "Sentence longer than max-words words"
    severity = Severity.WARNING
    examples_flagged = (_LONG,)
    examples_clean = (
        "The committee met on Tuesday. It voted to repair the roof before winter.",
        'He said: "' + _LONG + '"',
    )

    @dataclass(frozen=True)
    class Options:
        max_words: int = 40

    def check(self, doc: Document) -> Iterator[Violation]:
        limit = self.options.max_words
        blocks, sentences = doc.blocks, doc.sentences
        word_starts, word_ends = doc.words.starts, doc.words.ends
        quotes: tuple[list[int], list[int]] | None = None
        for index in sentences_over(sentences, word_starts, limit):
            sentence = sentences[index]
            if blocks[sentence.block].kind in ("heading", "table"):
                continue
            if words_within(word_starts, word_ends, sentence.start, sentence.end) <= limit:
                continue  # the whole sentence is short enough
            if quotes is None:
                inner = doc.quotations
                quotes = [q.inner_start for q in inner], [q.inner_end for q in inner]
            for start, end in sentence_pieces(doc, sentence):
                n = unquoted_count(doc, start, end, *quotes)
                if n > limit:
                    yield self.violation(
                        start, end, f"sentence has {n} words (max {limit}); split it"
                    )


class ParagraphTooHard(Rule):
    """Paragraph too hard to read.

    ## What it does
    Computes the Flesch reading ease and the Flesch-Kincaid grade of each prose
    paragraph of at least `min-words` words, and flags it when the reading ease is
    below `min-flesch` or the grade is above `max-grade`. Syllables are counted by
    textstat (CMU pronouncing dictionary, Pyphen for unknown words); words and
    sentences by the document model.

    ## Why is this bad?
    Paragraphs thick with long words in long sentences are read by few. A reading
    ease under 20 is harder than most academic papers; a general audience reads
    best above 50.

    ## Example
    ```text
    Notwithstanding considerable institutional apprehension, the administrative
    reorganisation necessitated comprehensive reconsideration of organisational
    responsibilities...
    ```

    ## Use instead
    ```text
    Staff were worried, but the reorganisation went ahead. Everyone's job had to be
    looked at again...
    ```

    ## Options
    - `min-flesch` (default `20.0`): flag below this Flesch reading ease. 0-30 is
      "very difficult"; 20 keeps dense but professional news prose clean.
    - `max-grade` (default `18.0`): flag above this Flesch-Kincaid grade
      (18 = postgraduate).
    - `min-words` (default `40`): shorter paragraphs are skipped; the formulas are
      unstable on a few words. Paragraphs of a single sentence are skipped too: a
      long one is RD001's business.

    ## Known problems
    The Flesch formulas measure word and sentence length only; they say nothing
    about clarity, and technical terms a specialist audience knows still count as
    hard. Quoted paragraphs, list items and headings are not checked.
    """

    code = "RD002"
    name = "paragraph-too-hard"
    summary = "Paragraph too hard to read (Flesch reading ease too low or grade too high)"
    severity = Severity.WARNING
    examples_flagged = (_HARD,)
    examples_clean = (
        "The town hall roof leaks. The council says it will fix it this year. "
        "Work starts in May and should end by June. The hall stays open while the "
        "builders are on site, and the car park will be closed for a week.",
        "Notwithstanding considerable institutional apprehension, it went ahead.",
    )

    @dataclass(frozen=True)
    class Options:
        min_flesch: float = 20.0
        max_grade: float = 18.0
        min_words: int = 40

    def check(self, doc: Document) -> Iterator[Violation]:
        opts = self.options
        per_block: dict[int, int] | None = None
        # n words take at least 2n - 1 characters (see RD001): a shorter block has
        # fewer than min-words words and is skipped without counting them
        shortest = 2 * opts.min_words - 1
        word_starts, word_ends = doc.words.starts, doc.words.ends
        for index, block in enumerate(doc.blocks):
            if block.kind != "text" or block.end - block.start < shortest:
                continue
            words = words_within(word_starts, word_ends, block.start, block.end)
            if words < opts.min_words:
                continue
            if per_block is None:
                per_block = sentences_per_block(doc)
            if per_block[index] < 2:
                continue  # one sentence: its length is RD001's business
            r = measure_block(doc, block, per_block[index], words)
            fre, grade = r.flesch_reading_ease, r.flesch_kincaid_grade
            if fre < opts.min_flesch or grade > opts.max_grade:
                yield self.violation(
                    block.start,
                    block.end,
                    f"paragraph is hard to read: Flesch reading ease {fre:.0f}"
                    f" (min {opts.min_flesch:g}), grade {grade:.1f} (max {opts.max_grade:g});"
                    f" {r.words} words in {r.sentences} sentences"
                    f" ({r.syllables_per_word:.2f} syllables a word)",
                )


RULES: tuple[type[Rule], ...] = (SentenceTooLong, ParagraphTooHard)
