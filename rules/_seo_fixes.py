"""Fixes of the SEO rules: deleting a reported line without leaving a gap.

A deleted line takes its line break and, when it follows a blank line, the blank
lines after it; residue at the end of the file also takes the blank lines before it.
In HTML only a line whose tags balance is deleted.
"""

from __future__ import annotations

from lint import regex_cache
from lint.document import Document
from lint.violation import Fix
from rules._seo_menus import removable_lines
from rules._seo_screens import per_document
from rules._seo_text import is_blank

_TAG = regex_cache.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())


def line_deletion(doc: Document, index: int, *, safe: bool = True) -> Fix | None:
    """Delete line ``index`` with its line break; when it follows a blank line (or
    opens the file) also delete the blank lines after it, so no double blank is left.
    A line closing a group of adjacent removed lines ("Twitter", "Facebook", "Email")
    looks at the line before the group instead. No fix for an HTML line that opens or
    closes an element it does not contain."""
    if not tags_balanced(doc, index):
        return None
    lines, starts = doc.lines, doc.line_starts
    start, nxt = lines[index].start, index + 1
    first = group_starts(doc).get(index, index)
    if first == 0 or _source_blank(doc, first - 1):
        while nxt < len(lines) and _source_blank(doc, nxt):
            nxt += 1
        if index == first and index >= tail_start(doc):  # only residue follows: drop blanks before
            start = _blanks_before(doc, first, start)
    end = starts[nxt] if nxt < len(lines) else len(doc.text)
    return Fix.delete(start, end, safe=safe)


def _source_blank(doc: Document, index: int) -> bool:
    """Blank in the source, not just in the lintable text (where code and tags are blanked)."""
    return is_blank(doc.raw, doc.lines[index])


def _blanks_before(doc: Document, first: int, start: int) -> int:
    """Start of the blank lines before line ``first``, or ``start`` when the line
    before them is removable itself."""
    before = first - 1
    while before >= 0 and _source_blank(doc, before):
        before -= 1
    if before in removable_lines(doc):
        return start
    return doc.line_starts[before + 1] if before >= 0 else 0


def tags_balanced(doc: Document, index: int) -> bool:
    """In HTML, does line ``index`` close every element it opens (and no other)?
    Deleting it then leaves the page's structure intact."""
    if doc.input_format != "html":
        return True
    span, stack = doc.lines[index], []
    for m in _TAG.finditer(doc.raw, span.start, span.end):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID_TAGS or self_closing:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


@per_document
def group_starts(doc: Document) -> dict[int, int]:
    """For each removable line, the first line of its group of adjacent removable lines."""
    starts: dict[int, int] = {}
    for i in sorted(removable_lines(doc)):
        starts[i] = starts.get(i - 1, i)
    return starts


@per_document
def tail_start(doc: Document) -> int:
    """Index of the first line from which every line is blank or removable residue."""
    removable = removable_lines(doc)
    index = len(doc.lines)
    while index > 0 and (index - 1 in removable or is_blank(doc.text, doc.lines[index - 1])):
        index -= 1
    return index
