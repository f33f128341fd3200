"""Line classification for the SEO line rules (SEO001, SEO002, SEO004).

Every line is classified once per document: covered by chrome, widget or menu
items, opening with a chrome lead, or a stray filename.  A one-word chrome line
that heads a paragraph about it ("Menu" above "The menu changes ...") is a heading.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import not_, or_

from lint import regex_cache
from lint.document import Document, Span
from lint.phrases import load_phrases
from rules._seo_filenames import filename_lines, is_filename_line
from rules._seo_link_bait import is_related_line
from rules._seo_screens import (
    StartScreen,
    first_word_mask,
    note_text,
    per_document,
    screen,
    screening,
    start_key,
)
from rules._seo_text import SENTENCE_END, WORD, count_words, cover, line_heads

# Longest line (characters) that can be a menu item, widget or filename line.
MAX_ITEM_LINE = 160
# Longest line (words) that a chrome label or boilerplate opening ("Posted in") can start.
MAX_LEAD_WORDS = 20
# Shortest line (characters) read as the prose paragraph under a one-word heading.
HEADING_PROSE_CHARS = 60
_HASHTAGS = regex_cache.compile(r"\s*(?:#[^\W\d_][\w-]*[\s,|·•]*){2,}")


@dataclass(frozen=True)
class LineKinds:
    """What each line looks like to the line rules (one entry per line)."""

    strong: tuple[bool, ...]  # covered by menu, chrome and widget items, one of them chrome
    widget: tuple[bool, ...]  # covered by widget items alone
    nav: tuple[bool, ...]  # covered by menu words (weak, strong or widget)
    lead: tuple[bool, ...]  # opens with a chrome lead ("Posted in", "©", cookie notice)
    filename: tuple[bool, ...]  # is a stray media filename
    related: tuple[bool, ...]  # opens with a related-link label (_seo_link_bait.is_related_line)
    menu_item: tuple[bool, ...]  # a short item of a menu block (see _seo_menus.menu_blocks)
    count_line: tuple[bool, ...]  # a bare number ("412" claps), as in _seo_menus.nav_runs


@per_document
def classify_lines(doc: Document) -> LineKinds:
    """Classify every line once per document (the line rules share the result)."""
    scan = _LineScan(doc)
    starts, blanks = line_heads(doc)
    rows = [
        _NOTHING if blank else scan.classify(i, span, start)
        for i, (span, start, blank) in enumerate(zip(doc.lines, starts, blanks, strict=True))
    ]
    fields = tuple(zip(*rows, strict=True))  # one tuple per LineKinds field
    strong, widget = list(fields[0]), list(fields[1])
    for i in headings_among(doc, blanks, strong, widget, *fields[2:5]):
        strong[i] = widget[i] = False
    return LineKinds(tuple(strong), tuple(widget), *fields[2:])


Row = tuple[bool, bool, bool, bool, bool, bool, bool, bool]  # a line's value of each field
_NOTHING: Row = (False,) * 8  # what a blank line is
# Longest menu item (characters from the content start, and words) of a menu block.
MENU_ITEM_CHARS, MENU_ITEM_WORDS = 60, 4
COUNT_LINE = regex_cache.compile(r"\s*\d[\d,.]*\s*[kKmM]?\s*")
MENU_ITEM = regex_cache.compile(r"[^\W_][^.!?;:,\n]{0,40}")


# The separators before a line's first item (``GAP_OK``), then the word there.
_GAP_WORD = regex_cache.compile(r"((?:\]\([^)\s]*\)|[\W_])*)(\w*)")
_COVER_LISTS = ("seo_chrome_terms", "seo_widgets", "seo_chrome_weak")
_LEAD_LISTS = ("seo_chrome_notice", "seo_chrome_lead", "seo_chrome_label")
_COVER_BITS, _LEAD_BITS, _RELATED_BIT = 0b0000111, 0b0111000, 0b1000000
_QUIET_BITS = _LEAD_BITS | _RELATED_BIT  # the lists a long line is checked against


class _LineScan:
    """What one document's lines are checked against, with the document-wide screens:
    the lines where a list's open entries, a counter tail or a filename can occur
    (None: any line).

    Most lines are prose, and prose fails every check at its first word.  So each
    line's first word is read once, and a bit mask per distinct word tells which
    lists have an entry that can start with it (``StartScreen.may_start``); a line
    whose word no list can start with, and whose open entries are ruled out, is
    settled without matching any list."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lists = tuple(screen(name) for name in _COVER_LISTS)
        self.screens = (
            *self.lists,
            *(screen(name) for name in _LEAD_LISTS),
            screen("seo_related"),
        )
        # Document-wide screens pay off on documents of many lines; on a short one
        # every line is simply checked (None: any line may) -- except for the open
        # lead entries ("... copyright 2024"), looked for once in every document:
        # without it each prose line would try them.
        note_text(doc)
        wide = screening() and len(doc.lines) >= SCREENED_LINES
        self.rest_lines = tuple(plist.rest_lines(doc) if wide else None for plist in self.lists)
        # (open entries, the lines where they can match) of each cover list; asked
        # only about a line whose first word no list can start with (never while
        # the screens are not in use)
        self.open_entries = tuple(
            (plist.rest, lines)
            for plist, lines in zip(self.lists, self.rest_lines, strict=True)
            if screening() and plist.rest is not None
        )
        self.lead_rest = screen("seo_chrome_lead").rest_lines(doc)
        self.counters = screen("seo_counter_tail").rest_lines(doc) if wide else None
        self.filenames = filename_lines(doc) if wide else None

    def classify(self, i: int, span: Span, start: int) -> Row:
        """The row of line ``i`` (its value of each LineKinds field), which is not
        blank; ``start`` is its content start.

        The answer depends on the line's text alone (every check reads only inside
        the line, and what precedes a line, a line break or nothing, looks the same
        to every lookbehind and word boundary), so the answers for short lines,
        where menus, buttons and counters repeat, are remembered by their text."""
        if span.end - span.start > MAX_ITEM_LINE:
            return self._classify_long(i, span, start)
        line = self.doc.text[span.start : span.end]
        row = _ROWS.get(line)
        if row is None:
            if len(_ROWS) >= MAX_REMEMBERED:
                _ROWS.clear()
            row = self._classify(i, span, start)
            row = _ROWS[line] = _SHARED_ROWS.setdefault(row, row)  # few distinct rows
        return row

    def _classify_long(self, i: int, span: Span, start: int) -> Row:
        """``_classify`` of a line longer than MAX_ITEM_LINE, settling a line of prose
        at its first word.

        Such a line is never an item line, counter or filename (``_kinds`` checks
        those on short lines only).  When its first word starts at its content
        start, no lead or related list can start with that word (``mask``), no
        open lead entry can match on it and it holds no "#", ``_kinds`` finds no
        lead and no related label is looked for; with its content more than
        MENU_ITEM_CHARS long and not opening with a digit, it is no menu item and
        no bare number either: every field is False."""
        text = self.doc.text
        head = _GAP_WORD.match(text, span.start, span.end)
        pos, word = head.end(1), head.group(2)  # type: ignore[union-attr]
        mask = _MASKS.get(word)
        if mask is None:
            mask = first_word_mask(word, self.screens, _MASKS)
        if (
            start == pos
            and span.end - start > MENU_ITEM_CHARS
            and not mask & _QUIET_BITS
            and not text[start].isdecimal()
            and self.lead_rest is not None
            and i not in self.lead_rest
            and text.find("#", span.start, span.end) < 0
        ):
            return _NOTHING
        return self._classify(i, span, start, pos, mask)

    def _classify(
        self, i: int, span: Span, start: int, pos: int | None = None, mask: int | None = None
    ) -> Row:
        """The row of line ``i``; ``pos`` (where its first item would start) and
        ``mask`` (which lists may start there) are worked out unless given."""
        doc = self.doc
        if pos is None or mask is None:
            head = _GAP_WORD.match(doc.text, span.start, span.end)
            pos, word = head.end(1), head.group(2)  # type: ignore[union-attr]
            mask = _MASKS.get(word)
            if mask is None:
                mask = first_word_mask(word, self.screens, _MASKS)
        strong, widget, nav, lead, filename = self._kinds(i, span, start, pos, mask)
        if start >= span.end or (start == pos and not mask & _RELATED_BIT):
            related = False  # no related-link label starts with the line's first word
        else:
            related = is_related_line(doc, span, start)
        return (
            strong,
            widget,
            nav,
            lead,
            filename,
            related,
            _menu_item(doc, span, start, nav),
            _count_line(doc, span, start),
        )

    def _kinds(
        self, i: int, span: Span, start: int, pos: int, mask: int
    ) -> tuple[bool, bool, bool, bool, bool]:
        """(strong, widget, nav, lead, filename) of line ``i``; ``pos`` is where its
        first item would start, ``mask`` tells which lists may start there."""
        doc, text = self.doc, self.doc.text
        strong = widget = nav = filename = False
        if span.end - span.start <= MAX_ITEM_LINE:
            if mask & _COVER_BITS or self._open_entry_at(i, pos, span.end):
                rest_ok = tuple(lines is None or i in lines for lines in self.rest_lines)
                items = cover(doc, span, self.lists, rest_ok)
                widget = bool(items) and widget_only(doc, span, self.lists[1])
                nav = bool(items)
                strong = not widget and any(k == 0 for k, _ in items)
            if not widget and (self.counters is None or i in self.counters):
                widget = headline_counter(doc, span)
                strong = strong and not widget
            if self.filenames is None or i in self.filenames:
                filename = is_filename_line(doc, span)
        if strong or widget:
            return strong, widget, nav, False, filename
        lead_ok = self.lead_rest is None or i in self.lead_rest
        if (
            start == pos
            and not (mask & _LEAD_BITS or lead_ok)
            and text.find("#", span.start, span.end) < 0
        ):
            return strong, widget, nav, False, filename  # no lead list can start here
        return strong, widget, nav, is_chrome_lead(doc, span, start, lead_ok), filename

    def _open_entry_at(self, i: int, pos: int, end: int) -> bool:
        """Can an open entry of a cover list match at ``pos`` on line ``i``?"""
        text = self.doc.text
        for rest, lines in self.open_entries:
            if (lines is None or i in lines) and rest.match(text, pos, end):
                return True
        return False


#: Fewest lines of a document screened as a whole (``_LineScan``).
SCREENED_LINES = 40


#: Most line texts whose classification is remembered (then the memory starts over).
MAX_REMEMBERED = 50_000
_ROWS: dict[str, Row] = {}  # short line text -> its row
_SHARED_ROWS: dict[Row, Row] = {}  # one tuple per distinct row (at most 2**8)
_MASKS: dict[str, int] = {}  # first word -> bits of the lists that may start with it


def _menu_item(doc: Document, span: Span, start: int, nav: bool) -> bool:
    """A short line (from its content start) that is menu words or looks like an item."""
    if span.end - start > MENU_ITEM_CHARS:
        return False
    if not (nav or MENU_ITEM.fullmatch(doc.text, start, span.end)):
        return False
    return count_words(doc, start, span.end) <= MENU_ITEM_WORDS


def _count_line(doc: Document, span: Span, start: int) -> bool:
    """A bare number: its first character past white space (so its content start)
    must be a digit."""
    if start >= span.end or not doc.text[start].isdecimal():
        return False
    return COUNT_LINE.fullmatch(doc.text, span.start, span.end) is not None


def residue_columns(kinds: LineKinds) -> Iterator[tuple[bool, bool, bool, bool]]:
    """Per line, the fields of which any makes it residue (``is_line_residue``)."""
    return zip(kinds.strong, kinds.widget, kinds.lead, kinds.filename, strict=True)


def is_line_residue(kinds: LineKinds, index: int) -> bool:
    """Is the line reported by a line rule whatever the context (SEO001/2/4)?"""
    return kinds.strong[index] or kinds.widget[index] or kinds.lead[index] or kinds.filename[index]


def headings_among(doc: Document, blanks: Sequence[bool], *kinds: Sequence[bool]) -> Iterator[int]:
    """One-word chrome lines that head the paragraph after them ("Menu" before "The
    menu changes weekly ..."): the word comes back in the next line of prose.

    "Next line of prose" skips blank lines and every line a line rule could remove,
    so removing those lines never changes the answer (fixes stay idempotent).
    Lines are taken from the last up; the caller clears ``strong`` and ``widget`` of
    each heading found before the next is looked for, so a heading that is not a
    menu line (a bare counter) is prose to the lines above it."""
    strong, widget, nav, lead, filename = kinds
    lines, ends = doc.lines, len(doc.lines)
    chrome = list(compress(range(ends), map(or_, strong, widget)))
    if not chrome:
        return  # no chrome line to be a heading (most articles)
    busy = map(any, zip(blanks, nav, lead, filename, widget, strict=True))
    prose = list(compress(range(ends), map(not_, busy)))  # before any heading is found
    nearest = ends  # the first line made prose by a heading found so far
    for i in reversed(chrome):
        at = bisect_right(prose, i)
        next_prose = min(prose[at] if at < len(prose) else ends, nearest)
        if next_prose == ends:
            continue
        span = lines[i]
        words = WORD.findall(doc.text, span.start, span.end)
        if len(words) == 1 and _mentions(doc, lines[next_prose], words[0]):
            yield i
            if not (blanks[i] or nav[i] or lead[i] or filename[i] or widget[i]):
                nearest = i


def _mentions(doc: Document, span: Span, word: str) -> bool:
    """Is ``span`` a line of prose (a dozen words or more) using ``word`` or a form of it?"""
    if span.end - span.start < HEADING_PROSE_CHARS:
        return False
    stem = word.rstrip("esES") if len(word) > 4 else word  # share/sharing, comments/comment
    return _stem_pattern(stem).search(doc.text, span.start, span.end) is not None


@lru_cache(maxsize=1024)
def _stem_pattern(stem: str) -> re.Pattern[str]:
    """``stem`` at the start of a word, in any case; compiled once per process (the
    same chrome words come back in every document)."""
    return regex_cache.compile(rf"\b{re.escape(stem)}", re.IGNORECASE)


def headline_counter(doc: Document, span: Span) -> bool:
    """A Title Case headline closed by a counter ("Bridge Closes for Good 11 comments")."""
    m = load_phrases("seo_counter_tail").pattern.search(doc.text, span.start, span.end)
    if not m:
        return False
    words = WORD.findall(doc.text, span.start, m.start())
    if not 1 <= len(words) <= MAX_LEAD_WORDS:
        return False
    if SENTENCE_END.search(doc.text, span.start, m.start()):
        return False
    return sum(w[0].isupper() or w[0].isdigit() for w in words) >= 0.6 * len(words)


def widget_only(doc: Document, span: Span, widgets: StartScreen) -> bool:
    """Is the line made of widget items only, one of them longer than a letter?"""
    items = cover(doc, span, (widgets,))
    return any(length > 1 for _, length in items)


def is_chrome_lead(doc: Document, span: Span, start: int, rest_ok: bool = True) -> bool:
    """Does the line (content from ``start``) open with a chrome label, boilerplate or
    notice (or is it tags)?  ``rest_ok`` False: no open lead entry can match here."""
    text, end = doc.text, span.end
    if text.find("#", span.start, end) >= 0 and _HASHTAGS.fullmatch(text, span.start, end):
        return True
    key = start_key(text, start, end)
    if screen("seo_chrome_notice").match(text, start, end, key):
        return True
    lead = screen("seo_chrome_lead").match(text, start, end, key, rest_ok)
    label = None if lead else screen("seo_chrome_label").match(text, start, end, key)
    if not (lead or label) or count_words(doc, start, end) > MAX_LEAD_WORDS:
        return False
    return lead is not None or not SENTENCE_END.search(text, start, end)
