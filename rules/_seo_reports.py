"""How the SEO rules report: the span, message and fix of a reported line or run
of sentences."""

from __future__ import annotations

from lint.document import Document, Span
from lint.rule import Rule
from lint.violation import Fix, Violation
from rules._seo_fixes import line_deletion
from rules._seo_text import GAP_OK, content_start, shorten


def line_violation(
    rule: Rule, doc: Document, index: int, label: str, *, safe: bool = True
) -> Violation:
    """Report line ``index`` as ``label: 'its text'``, fixed by deleting the line."""
    span = doc.lines[index]
    message = f"{label}: {shorten(doc.text[span.start : span.end])!r}"
    return _whole_line_violation(rule, doc, index, message, line_deletion(doc, index, safe=safe))


def _whole_line_violation(
    rule: Rule, doc: Document, index: int, message: str, fix: Fix | None
) -> Violation:
    """A violation over the text of line ``index``: from its first to its last
    non-space character, so leading indentation or blanked markup is not pointed at
    (the fix still deletes the whole line)."""
    span = doc.lines[index]
    line = doc.text[span.start : span.end]
    text = line.strip()
    if not text:
        return rule.violation(span.start, span.end, message, fix)
    start = span.start + len(line) - len(line.lstrip())
    return rule.violation(start, start + len(text), message, fix)


def sentence_violation(rule: Rule, doc: Document, first: int, last: int, message: str) -> Violation:
    """Report a run of sentences: the whole line when the run fills its line, with an
    unsafe line deletion; a run closing a longer paragraph line loses just itself."""
    sentences = doc.sentences
    start, end = sentences[first].start, sentences[last].end
    message = f"{message}: {shorten(doc.text[start:end])!r}"
    line = doc.line_index(start)
    span = doc.lines[line]
    if doc.line_index(end) != line:
        return rule.violation(start, end, message)
    head = content_start(doc, Span(span.start, start))
    tail_blank = GAP_OK.fullmatch(doc.text, end, span.end) is not None
    if tail_blank and head >= start:
        return _whole_line_violation(rule, doc, line, message, line_deletion(doc, line, safe=False))
    block_end = doc.blocks[sentences[last].block].end
    if tail_blank and end >= block_end and first > 0:
        prev_end = sentences[first - 1].end
        if prev_end >= span.start:
            return rule.violation(start, end, message, Fix.delete(prev_end, end, safe=False))
    return rule.violation(start, end, message)
