"""Per-file figures for ``article-lint --stats``: size, readability, flag rates, a score.

Readability uses the Flesch formulas with

* words and sentences from the document model (``Document.words`` and
  ``Document.sentences``, which know abbreviations, decimals and list items), and
* syllables as textstat counts them (the CMU pronouncing dictionary, Pyphen for
  unknown words), counted once per paragraph, never per word.

Syllables come from ``lint/syllables.py``, which gives exactly
``textstat.syllable_count`` but reads the dictionary's counts from a small
pre-computed table (a few milliseconds, once per process, only when a readability
rule or ``--stats`` runs) instead of textstat's 0.9 s dictionary load; textstat is
still what it falls back to, and what its tests compare with.

The quality score formula is documented in ``docs/quality-score.md``.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from lint import regex_cache
from lint import syllables as _syllables
from lint.document import Block, Document, Sentence

#: Silent reading speed used for ``reading_time_min`` (words per minute).
WORDS_PER_MINUTE = 238
#: Weight of one flag per 1,000 words in the quality score, by severity.
SCORE_WEIGHTS = {"error": 10.0, "warning": 3.0, "info": 1.0}
#: Readability part of the score: points lost per Flesch point below this floor.
FLESCH_FLOOR = 50.0
FLESCH_PENALTY_MAX = 20.0


@dataclass(frozen=True)
class Readability:
    """Counts and Flesch figures for a stretch of prose."""

    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch_reading_ease(self) -> float:
        """206.835 - 1.015 words/sentence - 84.6 syllables/word (higher is easier)."""
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def flesch_kincaid_grade(self) -> float:
        """0.39 words/sentence + 11.8 syllables/word - 15.59 (a US school grade)."""
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59


def warm_up() -> None:
    """Load the syllable table now (e.g. in a parent process before forking workers)."""
    _syllables.warm_up()


def syllables(text: str) -> int:
    """Syllables in ``text``, exactly as ``textstat.syllable_count`` counts them."""
    return _syllables.count(text)


def word_count_in(doc: Document, start: int, end: int) -> int:
    """``len(doc.words_in(start, end))`` without building a span per word."""
    return words_within(doc.words.starts, doc.words.ends, start, end)


def words_within(starts: array, ends: array, start: int, end: int) -> int:
    """How many words lie inside ``[start, end)``, read straight off the word
    arrays (``doc.words.starts`` and ``.ends``): two bisections and a test of
    the last word, without a method call or a ``Span`` per count.

    Words are sorted and never overlap, so of the words starting inside
    ``[start, end)`` only the last can run past ``end``."""
    first = bisect_right(starts, start - 1)
    last = bisect_right(starts, end - 1)
    if last > first and ends[last - 1] > end:
        last -= 1
    return last - first


#: A sentence end the segmenter missed: end mark (after a lower-case letter, digit
#: or closing bracket), optional closing quote, space, capital (optionally quoted).
#: (The end mark is matched before the look-behind checks the character before
#: it: the same matches as ``(?<=[a-z0-9%)\]])[.!?]...``, but the engine then
#: jumps from end mark to end mark instead of trying the look-behind everywhere.)
_MISSED_END = regex_cache.compile(r"[.!?](?<=[a-z0-9%)\]].)[\"”’]?\s+(?=[\"“]?[A-Z])")
_OPENING_QUOTES = '"“'


def sentence_pieces(doc: Document, sentence: Sentence) -> Iterator[tuple[int, int]]:
    """``sentence`` cut at sentence ends the segmenter missed (never fewer pieces).

    Only ever shortens sentences, so a length rule built on it errs on the side of
    silence.
    """
    start = sentence.start
    for m in _MISSED_END.finditer(doc.text, sentence.start, sentence.end):
        yield start, m.start() + 1
        start = m.end()
    yield start, sentence.end


def measure_block(
    doc: Document, block: Block, sentences: int, words: int | None = None
) -> Readability:
    """Readability of one block that holds ``sentences`` sentences (and ``words``
    words, counted here unless given)."""
    if words is None:
        words = word_count_in(doc, block.start, block.end)
    count = syllables(doc.slice(block)) if words else 0
    return Readability(words, max(sentences, 1) if words else 0, count)


def sentences_per_block(doc: Document) -> Counter[int]:
    """How many sentences each block (by index in ``doc.blocks``) holds: its
    sentences, each counted once more per piece :func:`sentence_pieces` cuts off.

    The missed ends are found in one scan of the whole text rather than one per
    sentence.  A match of the whole text is a match within a sentence exactly
    when it starts inside the sentence and ends, look-ahead included, before the
    sentence does: ``\\s+`` takes the same run of white space either way, and no
    match can start inside another (it starts at an end mark and runs over
    quotes and white space only).  Most matches are the sentence ends the
    segmenter did find, which end past their sentence: those are dropped first.
    """
    sentences = doc.sentences
    counts: Counter[int] = Counter(map(itemgetter(2), sentences))
    text = doc.text
    ends = set(map(itemgetter(1), sentences))
    index_at = doc.sentence_index_at
    for m in _MISSED_END.finditer(text):
        at = m.start()
        if at + 1 in ends or at + 2 in ends:
            continue  # its sentence ends at the end mark or the quote after it
        i = index_at(at)
        if i < 0:
            continue
        after = m.end()
        needed = after + 2 if text[after] in _OPENING_QUOTES else after + 1
        if needed <= sentences[i].end:
            counts[sentences[i].block] += 1
    return counts


def sentences_per_block_plain(doc: Document) -> Counter[int]:
    """:func:`sentences_per_block` sentence by sentence (what the tests compare it with)."""
    counts: Counter[int] = Counter()
    text, missed = doc.text, _MISSED_END.findall
    for s in doc.sentences:
        counts[s.block] += 1 + len(missed(text, s.start, s.end))
    return counts


def measure_prose(doc: Document, per_block: Counter[int] | None = None) -> Readability:
    """Readability of every non-heading block of ``doc`` taken together.

    ``per_block`` (from :func:`sentences_per_block`) may be passed in to save
    computing it again.
    """
    if per_block is None:
        per_block = sentences_per_block(doc)
    words = sents = sylls = 0
    for index, block in enumerate(doc.blocks):
        if block.kind in ("heading", "table"):
            continue
        r = measure_block(doc, block, per_block[index])
        words, sents, sylls = words + r.words, sents + r.sentences, sylls + r.syllables
    return Readability(words, sents, sylls)


def family(code: str) -> str:
    """A code's family: its letter prefix (``SLOP001`` -> ``SLOP``)."""
    return code.rstrip("0123456789")


def _field(d: Any, name: str) -> Any:
    return d[name] if isinstance(d, dict) else getattr(d, name)


def quality_score(words: int, diagnostics: Iterable[Any], flesch: float) -> float:
    """0-100: 100 minus weighted flags per 1,000 words minus a readability penalty.

    See ``docs/quality-score.md``.
    """
    if not words:
        return 0.0
    weight = sum(SCORE_WEIGHTS.get(str(_field(d, "severity")), 3.0) for d in diagnostics)
    flags_penalty = 1000.0 * weight / max(words, 100)
    read_penalty = min(FLESCH_PENALTY_MAX, max(0.0, FLESCH_FLOOR - flesch) * 0.5)
    return round(max(0.0, min(100.0, 100.0 - flags_penalty - read_penalty)), 1)


def file_stats(doc: Document, diagnostics: Sequence[Any]) -> dict[str, Any]:
    """The figures ``--stats`` shows for one file (JSON-ready).

    ``diagnostics`` are the file's findings (``Diagnostic``/``Violation`` objects or
    their dicts); each needs ``code`` and ``severity``.
    """
    per_block = sentences_per_block(doc)
    prose = measure_prose(doc, per_block)
    words = doc.word_count
    flags = Counter(family(str(_field(d, "code"))) for d in diagnostics)
    per_k = {f: round(1000.0 * n / words, 2) if words else 0.0 for f, n in sorted(flags.items())}
    fre = prose.flesch_reading_ease
    return {
        "path": doc.path,
        "words": words,
        "sentences": sum(per_block.values()),
        "paragraphs": len(doc.paragraphs),
        "flesch_reading_ease": round(fre, 1),
        "flesch_kincaid_grade": round(prose.flesch_kincaid_grade, 1),
        "reading_time_min": round(words / WORDS_PER_MINUTE, 1),
        "flags": sum(flags.values()),
        "flags_per_1000_words": per_k,
        "quality_score": quality_score(words, diagnostics, fre),
    }


def render_stats(stats: Sequence[dict[str, Any]], console: Any) -> None:
    """Print one rich table per file on ``console`` (a ``rich.console.Console``)."""
    from rich.table import Table

    for item in stats:
        table = Table(title=str(item["path"]), show_header=True, title_justify="left")
        table.add_column("figure")
        table.add_column("value", justify="right")
        rows = [
            ("words", f"{item['words']:,}"),
            ("sentences", f"{item['sentences']:,}"),
            ("paragraphs", f"{item['paragraphs']:,}"),
            ("Flesch reading ease", f"{item['flesch_reading_ease']:.1f}"),
            ("Flesch-Kincaid grade", f"{item['flesch_kincaid_grade']:.1f}"),
            ("reading time", f"{item['reading_time_min']:.1f} min"),
            ("flags", str(item["flags"])),
        ]
        rows += [
            (f"{fam} per 1,000 words", f"{v:.2f}")
            for fam, v in item["flags_per_1000_words"].items()
        ]
        rows.append(("quality score (0-100)", f"{item['quality_score']:.1f}"))
        for name, value in rows:
            table.add_row(name, value)
        console.print(table)
