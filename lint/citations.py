"""What counts as a citation, shared by every rule that asks "is this sourced?".

Owned by the REF/QT family; the NUM, QT and SLOP families call ``sentence_is_cited``
so that one definition of "cited" holds everywhere (links in HTML or Markdown
markup blanked out of ``doc.text`` are found in ``doc.raw``), and REF, NUM and WW
share ``is_notes_heading`` (``rules/data/source_list_headings.txt``).  Text
patterns for links and markers are in ``lint.links``.

* A **marker** is ``[1]``, ``[^1]`` or a superscript number (``¹``) in running
  text.  A superscript right after a short word or a digit is a unit or an
  exponent (``m²``, ``10³``), not a marker.
* A **note** is a line that starts with a label: ``[1] ...``, ``[^1]: ...``,
  ``¹ ...``, or ``1. ...`` under a notes heading (*Notes*, *References*,
  *Sources*, ...).
* A sentence is **cited** when it holds a link, or a marker that points to a note
  (a bare marker counts when the document has no notes at all: they may live
  outside the text we were given, and REF001 reports the marker anyway).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from lint import regex_cache
from lint.dates import SPECIFIC_DATE
from lint.links import (
    DOMAIN_RE,
    LINK_HINT_RE,
    MARKER_RE,
    RAW_LINK_RE,
    URL_RE,
    superscript_is_marker,
)
from lint.phrases import load_phrases
from lint.sources import names_outlet_or_document
from lint.token_gate import matches_at

if TYPE_CHECKING:
    from lint.document import Block, Document, Span

NOTE_RE = regex_cache.compile(
    r"[ \t]*(?:[-*+•·▪‣–][ \t]+)?"
    r"(?:\[\^?(?P<br>\d{1,3})\]:?|\^(?P<caret>\d{1,3})[.:)]?|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
    r"|(?P<num>\d{1,3})[.)])[ \t]+(?=\S)"
)
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


class Note(NamedTuple):
    """A note definition: the whole line ``[start, end)``; the text after the label
    starts at ``body``; ``in_section`` when it sits under a notes heading."""

    start: int
    end: int
    label: str
    body: int
    in_section: bool = False  # under a heading such as "Notes" or "References"


class Marker(NamedTuple):
    start: int
    end: int
    label: str


def notes(doc: Document) -> tuple[Note, ...]:
    """Every note definition in ``doc`` (cached per document)."""
    return doc.derived(_all_notes)


def _all_notes(doc: Document) -> tuple[Note, ...]:
    return tuple(_find_notes(doc))


def markers(doc: Document) -> tuple[Marker, ...]:
    """Every footnote marker in running text (not the labels of notes)."""
    return doc.derived(_all_markers)


def _all_markers(doc: Document) -> tuple[Marker, ...]:
    """The markers of every line, from its start or, on a note's line, from the
    note's body (its label is not a marker).

    One scan of the whole text finds the same matches as one scan per line: a
    match holds no line break, and none crosses from a label into a body (a
    label ends in white space, which no marker holds), so only the matches that
    start inside a label are dropped."""
    text = doc.text
    found = _markers_in(text, 0, len(text), [m.start() for m in _MARKER_START.finditer(text)])
    labels = [(n.start, n.body) for n in notes(doc)]
    if not labels or not found:
        return tuple(found)
    label_starts = [start for start, _ in labels]
    return tuple(m for m in found if not _in_label(labels, label_starts, m.start))


def _in_label(labels: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Is ``offset`` inside one of ``labels`` (sorted ``(start, body)`` spans)?"""
    k = bisect_right(starts, offset) - 1
    return k >= 0 and offset < labels[k][1]


#: The characters a ``MARKER_RE`` match starts with.  A scan for them runs in C
#: about five times faster than ``MARKER_RE.finditer``, whose alternation ``re``
#: tries at every position.
_MARKER_START = regex_cache.compile("[\\[¹²³⁴⁵⁶⁷⁸⁹⁰]")


def _markers_in(
    text: str, start: int, end: int, candidates: Sequence[int] | None = None
) -> list[Marker]:
    """Markers in ``text[start:end]``; ``candidates``: every offset where one may
    start (sorted), to try only those (``matches_at``: the same matches)."""
    out = []
    if candidates is None:
        matches: Iterable[re.Match[str]] = MARKER_RE.finditer(text, start, end)
    else:
        matches = matches_at(MARKER_RE, text, candidates, bisect_left(candidates, start), end)
    for m in matches:
        if m.group(2) is not None and not superscript_is_marker(text, m.start()):
            continue
        label = (m.group(1) or m.group(2)).translate(_SUPERSCRIPT)
        out.append(Marker(m.start(), m.end(), label))
    return out


#: A line break before what a note's line starts with (``NOTE_RE``: white space,
#: a bullet, then a label's first character).  It leads with a line break, which
#: ``re`` finds at C speed.
_NOTE_LINE_START = regex_cache.compile(r"\n[ \t]*[-*+•·▪‣–\[\^¹²³⁴⁵⁶⁷⁸⁹⁰\d]")


def _find_notes(doc: Document) -> list[Note]:
    """Every line that starts with a note's label, but for a numbered list item
    ("1. ...") outside a notes section, and for a heading line.

    Read as a walk over every line: a heading line (a heading starts at its
    start or first non-space character) not labelled as a note ("[1]") opens or
    closes a notes section, and a labelled line is a note.  Only the lines that
    may start with a label are read (``_NOTE_LINE_START``: the first line, and
    every line after a line break whose start ``NOTE_RE`` can match); whether
    one is in a notes section is read off the heading lines before it
    (``_Sections``), so the many headings of a web page are mostly not read."""
    text, lines = doc.text, doc.lines
    sections = _Sections(doc)
    wanted = {doc.line_index(m.start() + 1) for m in _NOTE_LINE_START.finditer(text)}
    wanted.add(0)
    out: list[Note] = []
    for index in sorted(wanted):
        line = lines[index]
        m = NOTE_RE.match(text, line.start, line.end)
        if m is None:
            continue
        if m.group("num") is not None and sections.heading_of(line) is not None:
            continue  # a heading line
        in_notes = sections.open_before(line.start)
        if m.group("num") is not None and not in_notes:
            continue  # an ordinary numbered list
        label = m.group("br") or m.group("caret") or m.group("sup") or m.group("num")
        out.append(Note(line.start, line.end, label.translate(_SUPERSCRIPT), m.end(), in_notes))
    return out


class _Sections:
    """Which heading lines of a document open a notes section."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.heading_starts = {h.start: h for h in doc.headings}
        self.offsets = list(self.heading_starts)  # in document order
        self._after: dict[int, bool] = {}  # heading k -> in a notes section after it

    def heading_of(self, line: Span) -> Block | None:
        """The heading that starts at ``line``'s start or first non-space character."""
        starts = self.heading_starts
        return starts.get(line.start) or starts.get(_first_char(self.doc.text, line))

    def open_before(self, offset: int) -> bool:
        """Is a notes section open at ``offset`` (a line start): did the last
        heading line before it open one?"""
        return self._open_after(bisect_left(self.offsets, offset) - 1)

    def _open_after(self, k: int) -> bool:
        """The state after the line of heading ``k``: set by the last heading
        line up to it that is not labelled as a note ("[1] ...") and is headed
        at its start (a heading that starts mid-line heads no line); found by
        walking back from ``k`` to it, each step remembered."""
        walked = []
        state = False
        while k >= 0:
            if k in self._after:
                state = self._after[k]
                break
            walked.append(k)
            found = self._set_by(k)
            if found is not None:
                state = found
                break
            k -= 1
        for j in walked:
            self._after[j] = state
        return state

    def _set_by(self, k: int) -> bool | None:
        """What the line of heading ``k`` sets the state to (None: nothing)."""
        text, doc = self.doc.text, self.doc
        line = doc.lines[doc.line_index(self.offsets[k])]
        heading = self.heading_of(line)
        if heading is None:
            return None
        m = NOTE_RE.match(text, line.start, line.end)
        if m is None or m.group("num") is not None:
            return is_notes_heading(text[heading.start : heading.end])
        return None


def is_notes_heading(heading: str) -> bool:
    """Does a heading open a list of sources ("Notes", "## References", "Sources:")?"""
    title = heading.strip().strip(" \t#*:")
    return load_phrases("source_list_headings").pattern.fullmatch(title) is not None


def _first_char(text: str, line: tuple[int, int]) -> int:
    start, end = line
    while start < end and text[start].isspace():
        start += 1
    return start


def note_labels(doc: Document) -> frozenset[str]:
    """The labels of the document's notes (worked out once per document: every
    marker asks, and a page of notes has one marker per note)."""
    return doc.derived(_note_labels)


def _note_labels(doc: Document) -> frozenset[str]:
    return frozenset(n.label for n in notes(doc))


def marker_is_valid(doc: Document, marker: Marker) -> bool:
    """A marker is valid when it points to a note, or when there are no notes at all."""
    labels = note_labels(doc)
    return not labels or marker.label in labels


def sentence_has_marker_or_link(doc: Document, index: int) -> bool:
    """Does sentence ``index`` carry a valid footnote marker or a link?"""
    s = doc.sentences[index]
    text = doc.text
    if URL_RE.search(text, s.start, s.end) or _raw_link(doc, index):
        return True
    # A marker right after the sentence end ("2018.[2]") belongs to it.
    tail_end = min(len(text), s.end + 8)
    j = s.end
    while j < tail_end and text[j] in " \t":
        j += 1
    found = _markers_in(text, s.start, s.end)
    m = MARKER_RE.match(text, j, tail_end)
    if m:
        found.extend(_markers_in(text, m.start(), m.end()))
    return any(marker_is_valid(doc, mk) for mk in found)


def _raw_link(doc: Document, index: int) -> bool:
    """A link whose markup was blanked out of ``doc.text`` (HTML ``<a href>``,
    Markdown ``[text](url)``): look in ``doc.raw`` at the same offsets, from the
    blanked gap before the sentence (an opening tag) to the next sentence (a
    ``<sup><a href="#fn1">`` after the full stop)."""
    if doc.raw is doc.text:
        return False
    text, sentences = doc.text, doc.sentences
    start, end = sentences[index].start, sentences[index].end
    while start > 0 and text[start - 1].isspace() and not doc.raw[start - 1].isspace():
        start -= 1
    following = sentences[index + 1].start if index + 1 < len(sentences) else len(text)
    return bool(RAW_LINK_RE.search(doc.raw, start, min(following, end + 200)))


def sentence_is_cited(doc: Document, index: int) -> bool:
    """A sentence counts as cited when it carries a link or a valid marker."""
    return doc.derived(_find_cited)[index]


def cited_sentences(doc: Document) -> list[bool]:
    """``sentence_is_cited`` for every sentence of ``doc``, by index (read only)."""
    return doc.derived(_find_cited)


def _find_cited(doc: Document) -> list[bool]:
    """``sentence_has_marker_or_link`` for every sentence.

    A URL or marker of a sentence holds a ``LINK_HINT_RE`` character inside the
    sentence, or (a marker after its full stop) within 8 characters after it; one
    scan of the text finds those characters, and a sentence with none is not cited
    unless the raw markup (HTML, Markdown) may hold a link."""
    text, sentences = doc.text, doc.sentences
    if doc.raw is not text:
        return [sentence_has_marker_or_link(doc, i) for i in range(len(sentences))]
    out = [False] * len(sentences)
    near: set[int] = set()
    for m in LINK_HINT_RE.finditer(text):
        # The sentences with ``start <= hint < end + 8``: the last one starting at
        # or before the hint, and those before it while they end near enough
        # (sentences do not overlap, so their ends rise with their starts).
        hint = m.start()
        i = doc.sentence_index_at(hint)
        while i >= 0 and sentences[i].end + 8 > hint:
            near.add(i)
            i -= 1
    for i in near:
        out[i] = sentence_has_marker_or_link(doc, i)
    return out


_DOI_ETC = regex_cache.compile(
    r"\b10\.\d{4,9}/\S+|\bdoi:|\bISBN[\s:-]*[\dX-]{10,}|\barXiv:\s*\d|\bPMID:?\s*\d|"
    r"\bibid\b|\bop\.\s*cit\b|\bsee note\s+\d",
    re.IGNORECASE,
)
_QUOTED_TITLE = regex_cache.compile(
    r"[\"“][^\"“”]*\w\s+\w[^\"“”]*[\"”]|(?<!\w)[*_][^*_\n]*\w\s+\w[^*_\n]*[*_](?!\w)"
)
_ACADEMIC = regex_cache.compile(
    r"\((?:19|20)\d\d[a-z]?\)|\bpp?\.\s*\d|\bvol\.\s*\d|\b\d+\(\d+\)\s*[,:]\s*\d"
)
_TITLE_RUN = regex_cache.compile(
    r"(?:[A-Z][\w’'\-]*[ \t]+(?:(?:a|an|and|as|at|by|for|from|in|of|on|or|the|to|with)[ \t]+)*){2,}"
    r"[A-Z][\w’'\-]*"
)
_YEAR = regex_cache.compile(r"\b(?:1[5-9]|20)\d\d\b")
BARE_OUTLET = regex_cache.compile(r"[ \t]*([\w&.' ]{1,30}?)[ \t]+[-–—:|][ \t]+\S")


def note_is_locatable(body: str) -> bool:
    """Does a note's text let a reader find its source?

    Yes with a URL or domain, a DOI/ISBN/arXiv id, a quoted or italic title, an
    academic reference ("(2019)", "pp. 4-9"), a cross-reference ("Ibid."), or a
    title-like run of three capitalised words together with a year, or a
    document or outlet named with a full date ("Council minutes, 3 March 2024").
    """
    if URL_RE.search(body) or DOMAIN_RE.search(body) or _DOI_ETC.search(body):
        return True
    if _QUOTED_TITLE.search(body) or _ACADEMIC.search(body):
        return True
    if BARE_OUTLET.match(body):
        return False  # "Outlet - restatement of the claim"
    if SPECIFIC_DATE.search(body) and names_outlet_or_document(body):
        return True  # "Council minutes, 3 March 2024"
    return bool(_TITLE_RUN.search(body) and _YEAR.search(body))
