"""The text around a quotation that the QT rules read for its speaker and source.

Quotations inside the context are blanked (``lint.quotes.masked_text``), and at
most ``CONTEXT_CHARS`` characters are read on each side, so the work per
quotation is bounded.
"""

from __future__ import annotations

from typing import NamedTuple

from lint import regex_cache
from lint.document import Document, Quotation

#: Characters of context read on each side of a quotation (bounds the work per
#: quotation, so a document is handled in linear time whatever its sentences).
CONTEXT_CHARS = 400
#: Longest attribution line after a quoted paragraph ("— Jo Bloggs, 2019").
ATTRIBUTION_MAX_WORDS = 15
ATTRIBUTION_START = ("(", "—", "–", "-", "―")
_SENTENCE_END = regex_cache.compile(r"[.!?…][\"”’']?\s+(?=[\"“A-Z]|$)")


class QuoteContext(NamedTuple):
    """The text around a quotation (quotations inside it blanked); a named
    tuple, cheaper to build than a frozen dataclass, one per quotation."""

    i0: int  # sentence holding the opening mark
    i1: int  # sentence holding the closing mark
    pre: str  # from the sentence start to the opening mark
    post: str  # from the closing mark to the sentence end
    prev: str  # the sentence before
    nxt: str  # the sentence after, when it reads as an attribution
    starts_sentence: bool
    prev_same_block: bool  # the sentence before is in the quote's paragraph


def quote_context(doc: Document, masked: str, q: Quotation) -> QuoteContext:
    """The sentence(s) holding ``q`` split around it, and its neighbours."""
    sentences = doc.sentences
    i0 = max(doc.sentence_index_at(q.start), 0)
    i1 = max(doc.sentence_index_at(max(q.start, q.end - 1)), i0)
    pre_start = max(sentences[i0].start, q.start - CONTEXT_CHARS)
    pre = masked[pre_start : q.start] if pre_start <= q.start else ""
    post = masked[q.end : min(max(q.end, sentences[i1].end), q.end + CONTEXT_CHARS)]
    prev = sentence_text(doc, masked, i0 - 1)
    same_block = i0 > 0 and sentences[i0 - 1].block == sentences[i0].block
    cut = _last_sentence_end(pre)
    if cut:  # the segmenter kept an earlier sentence with the quote
        pre, prev, same_block = pre[cut:], pre[:cut], True
    starts = not pre.strip(" \t\n\"“”'‘")
    nxt = _attribution_after(doc, masked, i1) if starts or not post.strip() else ""
    return QuoteContext(i0, i1, pre, post, prev, nxt, starts, same_block)


def _last_sentence_end(segment: str) -> int:
    ends = list(_SENTENCE_END.finditer(segment))
    return ends[-1].end() if ends else 0


def _attribution_after(doc: Document, masked: str, i1: int) -> str:
    """The next sentence when it reads as an attribution ("(Reuters, 2021)", "— Jo Bloggs")."""
    nxt = sentence_text(doc, masked, i1 + 1).strip()
    if not nxt:
        return ""
    if doc.sentences[i1 + 1].block == doc.sentences[i1].block:
        return nxt if nxt.startswith(ATTRIBUTION_START) or nxt[0].islower() else ""
    # In the next paragraph only a short line opening with "(" or a dash.
    if nxt.startswith(("(", "—", "―", "–")) and len(nxt.split()) <= ATTRIBUTION_MAX_WORDS:
        return nxt
    return ""


def sentence_text(doc: Document, masked: str, index: int) -> str:
    """Sentence ``index`` of running text (empty for headings, tables, out of range)."""
    if index < 0 or index >= len(doc.sentences):
        return ""
    s = doc.sentences[index]
    if doc.blocks[s.block].kind in ("heading", "table"):
        return ""
    if s.end - s.start > 2 * CONTEXT_CHARS:  # keep the work per quotation bounded
        return (
            masked[s.start : s.start + CONTEXT_CHARS]
            + "\n\n"
            + masked[s.end - CONTEXT_CHARS : s.end]
        )
    return masked[s.start : s.end]
