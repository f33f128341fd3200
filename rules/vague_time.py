"""Vague or unanchored time (TM family)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from lint import regex_cache
from lint.dates import MONTH
from lint.document import Document
from lint.phrase_screen import sentences_to_scan
from lint.phrases import PhraseList, load_phrases
from lint.quotes import in_quotation
from lint.rule import Rule
from lint.violation import Severity, Violation

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
# A date precise to the day.
_FULL_DATE = (
    rf"\b{MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"
    rf"|\b{_DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR}\b)?(?![\w])"
    rf"|\b{_YEAR}-[01]\d-[0-3]\d\b"
    r"|\b[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d\b"
)
FULL_DATE_RE = regex_cache.compile(_FULL_DATE)
# A date precise to the month at least ("March 2024", "11 March 2024").
DATE_RE = regex_cache.compile(rf"{_FULL_DATE}|\b{MONTH}\s+(?:of\s+)?{_YEAR}\b")
# Every alternative of DATE_RE holds a digit (a day, a year or a numeric date): a
# sentence without one needs no DATE_RE search (a one-character scan is far cheaper).
_DIGIT = regex_cache.compile(r"\d")
_DATELINE_LEAD = regex_cache.compile(
    r"\s*(?:(?:published|posted|updated|last\s+updated|date|dated|written)\s*(?:on)?\s*:?\s*"
    r"|[A-Z][A-Za-z .'-]{1,40},\s*|by\s+[^|\n]{1,60}[|·•—–-]\s*)?",
    re.IGNORECASE,
)
_HTML_DATE = regex_cache.compile(
    r"""(?:article:published_time|datePublished|dateCreated|pubdate|publish[-_]?date|DC\.date)"""
    r"""[^>]{0,80}?(?:content|datetime)?["']?\s*[:=]\s*["']?(\d{4}-\d\d-\d\d)"""
    r"""|<time\b[^>]*\bdatetime\s*=\s*["']?(\d{4}-\d\d-\d\d)""",
    re.IGNORECASE,
)
HTML_HEAD_CHARS = 200_000
DATELINE_LINES = 6
DATELINE_MAX_CHARS = 160


def document_date(doc: Document) -> str | None:
    """The document's own date: front matter ``date`` or a dateline near the top.

    A dateline is one of the first few non-blank lines that opens with a full date,
    optionally after a place ("LONDON, 3 May 2024 (Reuters) -"), a label
    ("Published: 2024-03-11") or a byline ("By Jane Doe | March 11, 2024"), or a
    short line that is little more than a date. In HTML, the page's publication
    date (``article:published_time``, ``datePublished``, ``<time datetime>``) counts.
    """
    meta_date = doc.meta.get("date")
    if meta_date:
        return str(meta_date)
    if doc.input_format == "html":
        m = _HTML_DATE.search(doc.raw, 0, HTML_HEAD_CHARS)
        if m is not None:
            return m.group(1) or m.group(2)
    return _dateline(doc)


def _dateline(doc: Document) -> str | None:
    """The full date that opens (or nearly fills) one of the first non-blank lines."""
    text = doc.text
    lines = (ln for ln in doc.lines if ln.start < ln.end and not text[ln.start : ln.end].isspace())
    for seen, line in enumerate(lines, 1):
        if seen > DATELINE_LINES:
            break
        lead = _DATELINE_LEAD.match(text, line.start, line.end)
        at = lead.end() if lead else line.start
        m = FULL_DATE_RE.match(text, at, line.end)
        if m is None and line.end - line.start <= DATELINE_MAX_CHARS // 2:
            m = FULL_DATE_RE.search(text, line.start, line.end)
        if m is not None:
            return m.group(0)
    return None


_DATE_WITH_YEAR = regex_cache.compile(
    rf"\b{MONTH}\s+{_DAY},?\s+{_YEAR}\b|\b{_DAY}\s+(?:of\s+)?{MONTH},?\s+{_YEAR}\b"
    rf"|\b{_YEAR}-[01]\d-[0-3]\d\b"
)
_WORD = regex_cache.compile(r"[^\W\d_][\w'’.-]*")
DATELINE_MAX_WORDS = 8


def dateline_before(doc: Document, offset: int) -> bool:
    """Is there a dateline-like line before ``offset``: a short line that is a full
    date plus a few words, not a sentence ("Reuters November 18, 2019 11:03 PM",
    "By Jane Doe Updated Nov 13, 2019, 10:28am EST")? Web pages put these under
    the headline, after menus that push them past the first lines."""
    text = doc.text
    for line in doc.lines:
        if line.start >= offset:
            break
        if line.end - line.start > DATELINE_MAX_CHARS:
            continue
        m = _DATE_WITH_YEAR.search(text, line.start, line.end)
        if m is None:
            continue
        rest = text[line.start : m.start()] + " " + text[m.end() : line.end]
        if len(_WORD.findall(rest)) <= DATELINE_MAX_WORDS and not rest.rstrip().endswith(
            (".", "!", "?")
        ):
            return True
    return False


class VagueTime(Rule):
    """Flags relative or vague time ("this week", "recently", "on a certain day") with no anchor.

    ## What it does
    Finds time expressions that only make sense to someone who knows when the text
    was written: "this week", "last month", "yesterday", "recently", "in recent
    weeks", "currently", "will soon", "to this day", "at the time of writing". They
    are fine when the document carries its own date (a `date:` in Markdown front
    matter, or a dateline at the top such as "March 11, 2024 —", "LONDON, 3 May 2024
    (Reuters) -" or "Published: 2024-03-11", or on a web page a short byline line such
    as "By Jane Doe Updated Nov 13, 2019, 10:28am EST" anywhere before the first
    relative phrase; in HTML the page's publication date) or when the same sentence
    gives an absolute date ("this week (March 11, 2024)").

    Vague phrases that hide the date altogether ("on a certain day", "some time ago",
    "not long ago") are flagged even in a dated document, unless the same sentence
    gives the full date.

    ## Why is this bad?
    Web articles are read months or years after they are written, copied without
    their page furniture, and often carry no visible date. "This week" then means
    nothing, and "currently" may have stopped being true long ago.

    ## Example
    ```text
    The company announced this week that the feature will ship soon.
    ```

    ## Use instead
    ```text
    The company announced on 11 March 2024 that the feature will ship in May.
    ```

    ## Options
    - `vague_always` (default `true`): flag "on a certain day"-style phrases even in a
      dated document; set to `false` to treat them like "this week".
    - `min_relative` (default `2`): flag "this week"-style phrases only when an undated
      document has at least this many of them. A single "last week" in otherwise
      timeless copy is usually left over from a dated news page whose date was lost
      when the text was copied; two or more mean the text leans on a moment the reader
      cannot see. Set to `1` to flag every one.

    ## Known problems
    "This year", "last year", "today" and weekday references ("on Friday") are not
    flagged: they are so common in dated news copy that flagging them would bury the
    useful findings. A date elsewhere in the paragraph does not anchor a phrase.
    Phrases inside quotation marks are the speaker's and are left alone. With the
    default `min-relative` of 2, an undated text with a single "this week" passes.
    """

    code = "TM001"
    name = "vague-time"
    summary = "Relative or vague time with no date to anchor it"
    severity = Severity.WARNING
    examples_flagged = (
        "The company said this week that it will open source the model. It has recently"
        " hired more staff.",
        "In recent weeks, the founder has criticised his rivals. He will respond tomorrow.",
        "On a certain day in 2024, the CEO posted a long thread.",
    )
    examples_clean = (
        "The company said on 11 March 2024 that it will open source the model.",
        "---\ndate: 2024-03-11\n---\nThe company said this week that it will ship.",
        "The week after the launch, sales rose.",
    )

    @dataclass(frozen=True)
    class Options:
        vague_always: bool = True
        min_relative: int = 2

    def check(self, doc: Document) -> Iterator[Violation]:
        dated: bool | None = None  # looked for at the first phrase (most texts have none)
        relative_found: list[Violation] = []
        for hit in _time_phrases(doc):
            if dated is None:
                dated = document_date(doc) is not None
            phrase = " ".join(doc.text[hit.start : hit.end].split())
            if hit.vague and not hit.full_date and (self.options.vague_always or not dated):
                message = f'"{phrase}" hides the date; give the actual date'
                yield self.violation(hit.start, hit.end, message)
            elif not hit.vague and not dated and not hit.date:
                message = f'"{phrase}" has no date to anchor it; date the article'
                relative_found.append(self.violation(hit.start, hit.end, message))
        if len(relative_found) >= self.options.min_relative and not dateline_before(
            doc, relative_found[0].start
        ):
            yield from relative_found


class _TimeHit(NamedTuple):
    start: int
    end: int
    vague: bool  # "on a certain day" rather than "this week"
    date: bool  # the sentence gives a date (month and year at least)
    full_date: bool  # the sentence gives a date to the day


def _time_phrases(doc: Document) -> Iterator[_TimeHit]:
    """Relative and vague time phrases outside headings, quotations and narrative
    time ("more recently"), in document order."""
    relative, vague = load_phrases("tm_relative"), load_phrases("tm_vague")
    text, blocks, sentences = doc.text, doc.blocks, doc.sentences
    scan_relative = _sentences_to_scan(doc, relative)
    scan_vague = _sentences_to_scan(doc, vague)
    if scan_relative is None or scan_vague is None:
        indices: Iterable[int] = range(len(sentences))
    else:
        indices = sorted(scan_relative | scan_vague)
    for i in indices:
        sent = sentences[i]
        if blocks[sent.block].kind == "heading":
            continue
        hits = []
        if scan_relative is None or i in scan_relative:
            hits += [(m, False) for m in relative.finditer(text, sent.start, sent.end)]
        if scan_vague is None or i in scan_vague:
            hits += [(m, True) for m in vague.finditer(text, sent.start, sent.end)]
        if not hits:
            continue
        has_date = (
            _DIGIT.search(text, sent.start, sent.end) is not None
            and DATE_RE.search(text, sent.start, sent.end) is not None
        )
        has_full = has_date and FULL_DATE_RE.search(text, sent.start, sent.end) is not None
        for m, is_vague in sorted(hits, key=lambda h: h[0].start):
            if not in_quotation(doc, m.start) and not _narrative(text, m.start):
                yield _TimeHit(m.start, m.end, is_vague, has_date, has_full)


def _sentences_to_scan(doc: Document, phrases: PhraseList) -> set[int] | None:
    """Indices of the sentences where ``phrases`` can match (``None``: all).

    The lists' first words include "a", "the" and "in", found in nearly every
    sentence, but every entry also holds a rarer word ("week", "ago",
    "recently"): the sentences holding none of them are skipped, all at once
    (``lint.phrase_screen.sentences_to_scan``, with the words each entry holds:
    ``EntryScreen.anchors``)."""
    found = sentences_to_scan(doc, phrases.screen.anchors)
    return None if found is None else set(found)


_NARRATIVE = regex_cache.compile(r"(?:\b(?:more|most|only|as)\s+)$", re.IGNORECASE)


def _narrative(text: str, start: int) -> bool:
    """ "more recently", "only recently": relative to the story, not to the reader."""
    return _NARRATIVE.search(text, max(0, start - 6), start) is not None


RULES: tuple[type[Rule], ...] = (VagueTime,)
