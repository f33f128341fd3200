"""Line classification for the SEO line rules (SEO001, SEO002, SEO004).

Every line is classified once per document: covered by chrome, widget or menu
items, opening with a chrome lead, or a stray filename.  A one-word chrome line
that heads a paragraph about it ("Menu" above "The menu changes ...") is a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lint.document import Document, Span
from lint.phrases import PhraseList, load_phrases
from rules._seo_filenames import is_filename_line
from rules._seo_text import SENTENCE_END, WORD, content_start, count_words, cover, is_blank

# Longest line (characters) that can be a menu item, widget or filename line.
MAX_ITEM_LINE = 160
# Longest line (words) that a chrome label or boilerplate opening ("Posted in") can start.
MAX_LEAD_WORDS = 20
# Shortest line (characters) read as the prose paragraph under a one-word heading.
HEADING_PROSE_CHARS = 60
_HASHTAGS = re.compile(r"\s*(?:#[^\W\d_][\w-]*[\s,|·•]*){2,}")


@dataclass(frozen=True)
class LineKinds:
    """What each line looks like to the line rules (one entry per line)."""

    strong: tuple[bool, ...]  # covered by menu, chrome and widget items, one of them chrome
    widget: tuple[bool, ...]  # covered by widget items alone
    nav: tuple[bool, ...]  # covered by menu words (weak, strong or widget)
    lead: tuple[bool, ...]  # opens with a chrome lead ("Posted in", "©", cookie notice)
    filename: tuple[bool, ...]  # is a stray media filename


@lru_cache(maxsize=4)
def classify_lines(doc: Document) -> LineKinds:
    """Classify every line once per document (the line rules share the result)."""
    lists = (
        load_phrases("seo_chrome_terms"),
        load_phrases("seo_widgets"),
        load_phrases("seo_chrome_weak"),
    )
    rows = [_classify_line(doc, span, lists) for span in doc.lines]
    strong, widget, nav, lead, filename = ([row[k] for row in rows] for k in range(5))
    for i in headings_among(doc, strong, widget, nav, lead, filename):
        strong[i] = widget[i] = False
    return LineKinds(tuple(strong), tuple(widget), tuple(nav), tuple(lead), tuple(filename))


def _classify_line(
    doc: Document, span: Span, lists: tuple[PhraseList, ...]
) -> tuple[bool, bool, bool, bool, bool]:
    """(strong, widget, nav, lead, filename) of one line; ``lists`` are the chrome,
    widget and weak menu items, in that order."""
    if is_blank(doc.text, span):
        return False, False, False, False, False
    strong = widget = nav = filename = False
    if span.end - span.start <= MAX_ITEM_LINE:
        items = cover(doc, span, lists)
        widget = (bool(items) and widget_only(doc, span, lists[1])) or headline_counter(doc, span)
        nav = bool(items)
        strong = not widget and any(k == 0 for k, _ in items)
        filename = is_filename_line(doc, span)
    lead = not (strong or widget) and is_chrome_lead(doc, span)
    return strong, widget, nav, lead, filename


def is_line_residue(kinds: LineKinds, index: int) -> bool:
    """Is the line reported by a line rule whatever the context (SEO001/2/4)?"""
    return kinds.strong[index] or kinds.widget[index] or kinds.lead[index] or kinds.filename[index]


def headings_among(doc: Document, *kinds: list[bool]) -> Iterator[int]:
    """One-word chrome lines that head the paragraph after them ("Menu" before "The
    menu changes weekly ..."): the word comes back in the next line of prose.

    "Next line of prose" skips blank lines and every line a line rule could remove,
    so removing those lines never changes the answer (fixes stay idempotent)."""
    strong, widget, nav, lead, filename = kinds
    next_prose = -1
    for i in range(len(doc.lines) - 1, -1, -1):
        span = doc.lines[i]
        if (strong[i] or widget[i]) and next_prose >= 0:
            words = WORD.findall(doc.text, span.start, span.end)
            if len(words) == 1 and _mentions(doc, doc.lines[next_prose], words[0]):
                yield i
        if not (is_blank(doc.text, span) or nav[i] or lead[i] or filename[i] or widget[i]):
            next_prose = i


def _mentions(doc: Document, span: Span, word: str) -> bool:
    """Is ``span`` a line of prose (a dozen words or more) using ``word`` or a form of it?"""
    if span.end - span.start < HEADING_PROSE_CHARS:
        return False
    stem = word.rstrip("esES") if len(word) > 4 else word  # share/sharing, comments/comment
    pattern = re.compile(rf"\b{re.escape(stem)}", re.IGNORECASE)
    return pattern.search(doc.text, span.start, span.end) is not None


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


def widget_only(doc: Document, span: Span, widgets: PhraseList) -> bool:
    """Is the line made of widget items only, one of them longer than a letter?"""
    items = cover(doc, span, (widgets,))
    return any(length > 1 for _, length in items)


def is_chrome_lead(doc: Document, span: Span) -> bool:
    """Does the line open with a chrome label, boilerplate or notice (or is it tags)?"""
    if _HASHTAGS.fullmatch(doc.text, span.start, span.end):
        return True
    start = content_start(doc, span)
    if load_phrases("seo_chrome_notice").pattern.match(doc.text, start, span.end):
        return True
    lead = load_phrases("seo_chrome_lead").pattern.match(doc.text, start, span.end)
    label = (
        None if lead else load_phrases("seo_chrome_label").pattern.match(doc.text, start, span.end)
    )
    if not (lead or label) or count_words(doc, start, span.end) > MAX_LEAD_WORDS:
        return False
    return lead is not None or not SENTENCE_END.search(doc.text, start, span.end)
