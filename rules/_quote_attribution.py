"""Speaker and source of every quotation in a document, for the QT rules.

``attributed_quotations(doc)`` walks the quotations once, in order, reading a
bounded window of text around each (``CONTEXT_CHARS``), so a document is handled
in linear time.  Speakers come from ``lint.speakers``, sources from
``lint.sources`` and ``lint.citations.cited_sentences``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lint import regex_cache
from lint.citations import cited_sentences
from lint.dates import MONTH_NAME, WEEKDAY
from lint.document import WORD_RE, Document, Quotation
from lint.names import best_name, proper_nouns, sentence_subject
from lint.quotes import masked_text
from lint.sources import document_named, document_quoted, find_source
from lint.speakers import (
    Speaker,
    intro_speaker,
    named_in,
    pronoun_subject,
    speaker_after,
    speaker_before,
)
from rules._quote_context import (
    ATTRIBUTION_START,
    QuoteContext,
    quote_context,
    sentence_text,
)

#: How many sentences back a pronoun ("she said") is resolved to a name.
PRONOUN_LOOKBACK = 5
#: How many paragraphs a quote left open may skip (captions in between).
CONTINUATION_GAP = 3
#: Share of capitalised words that makes a line a headline.
HEADLINE_SHARE = 0.7
HEADLINE_MAX_CHARS = 300
_CALENDAR = regex_cache.compile(rf"{MONTH_NAME}|{WEEKDAY}")
_SENTENCE_FINAL = regex_cache.compile(r"[.!?…][\"”’')\]]*\s*$")
# The look-ahead (the first letters of the words) only spares trying both
# alternatives at every word boundary; it changes no match.
_HYPOTHETICAL = regex_cache.compile(
    r"\b(?=[yiselbt])(?:"
    r"\b(?:you|your|yourself|yourselves|imagine|something like|let's say|e\.g\.)\b|"
    r"\b(?:try|start|begin)\s+(?:by\s+)?(?:saying|asking|writing)\b)",
    re.IGNORECASE,
)
_CONTINUING = ("added", "adds", "adding", "continued", "went on")


class Attributed(NamedTuple):
    """A quotation with what was found about it (a named tuple: cheaper to
    build than a frozen dataclass, one per quotation)."""

    quotation: Quotation
    speaker: Speaker | None
    source: str | None


def attributed_quotations(doc: Document) -> tuple[Attributed, ...]:
    """Every quotation outside headings and tables, with its speaker and source."""
    return doc.derived(_attributed)


def _attributed(doc: Document) -> tuple[Attributed, ...]:
    return tuple(_attribute_all(doc))


def _attribute_all(doc: Document) -> Iterator[Attributed]:
    masked = masked_text(doc)
    previous: Attributed | None = None
    known: set[str] = set()  # speakers already quoted with a reporting verb
    sources: dict[str, str] = {}  # speakers whose source was given, and that source
    for q in doc.quotations:
        block_index = doc.block_index_at(q.start)
        block = doc.blocks[block_index]
        if block.kind == "table" or _headline(doc, q, block.start, block.end):
            continue
        if block.kind == "heading" and not _epigraph(doc, q, block.start, block.end):
            continue
        if previous is not None and _continues(doc, previous.quotation, q, block_index):
            current = Attributed(q, previous.speaker, previous.source)
        elif doc.text[q.start] == ">" or (block.kind == "quote" and q.inner_start == q.start):
            # A block quote with no quote marks of its own ("> ..." in text, or a
            # Markdown block quote whose markers are blanked): attributed inside.
            current = _attribute_blockquote(doc, q)
        else:
            attributed = _attribute(doc, masked, q, known)
            if attributed is None:
                continue
            current = attributed
        current = _remember(current, known, sources)
        previous = current
        yield current


def _remember(item: Attributed, known: set[str], sources: dict[str, str]) -> Attributed:
    """Record who was quoted (and where); a later quote by someone whose source
    was already given ("Jo Bloggs told the inquiry: ...") inherits it."""
    speaker = item.speaker
    if speaker is None or speaker.kind != "name":
        return item
    keys = (speaker.text, speaker.text.split()[-1])
    if speaker.verb:
        known.update(keys)
    if item.source is not None:
        for key in keys:
            sources.setdefault(key, item.source)
        return item
    inherited = sources.get(keys[0]) or sources.get(keys[1])
    return Attributed(item.quotation, speaker, inherited) if inherited else item


def _continues(doc: Document, prev: Quotation, q: Quotation, block_index: int) -> bool:
    """A quote left open at the end of a paragraph goes on in a later one (a few
    paragraphs on, when captions or asides come in between)."""
    prev_block = doc.block_index_at(prev.start)
    unclosed = prev.end == doc.blocks[prev_block].end and prev.inner_end == prev.end
    near = 0 < block_index - prev_block <= CONTINUATION_GAP
    return unclosed and near and q.start == doc.blocks[block_index].start


def _headline(doc: Document, q: Quotation, start: int, end: int) -> bool:
    """Is the quote part of a headline ("'We Won!': Fans Cheer New Stadium")?"""
    text = doc.text
    if end - start > HEADLINE_MAX_CHARS or _SENTENCE_FINAL.search(text, max(start, end - 4), end):
        return False  # headlines are short and do not end with a full stop
    outside = WORD_RE.findall(text, start, q.start) + WORD_RE.findall(text, q.end, end)
    if len(outside) < 3:
        return False
    capitalised = sum(1 for w in outside if w[0].isupper() or w[0].isdigit())
    return capitalised >= HEADLINE_SHARE * len(outside)


def _epigraph(doc: Document, q: Quotation, start: int, end: int) -> bool:
    """A short line that is mostly a quoted sentence ("“...” — Jo Bloggs") is not
    a heading, whatever its length."""
    inner = doc.text[q.inner_start : q.inner_end].rstrip()
    return inner[-1:] in ".!?…" and (q.end - q.start) * 5 >= (end - start) * 3


def _attribute(doc: Document, masked: str, q: Quotation, known: set[str]) -> Attributed | None:
    ctx = quote_context(doc, masked, q)
    if _HYPOTHETICAL.search(ctx.pre):
        return None  # words the reader is told to say, not words someone said
    speaker, segments = _find_speaker(doc, ctx, known)
    if speaker is not None and (speaker.kind == "nobody" or not _plausible(doc, speaker)):
        speaker = None
    if speaker is not None and (speaker.kind == "pronoun" or _continuing(ctx.pre + ctx.post)):
        segments.append(ctx.prev)
        speaker = _resolve(doc, masked, ctx.i0, speaker)
    source = find_source("\n\n".join(segments))
    if source is None and ctx.prev_same_block and ctx.prev not in segments:
        # (A sentence among the segments holds no source on its own either: each
        # pattern that matches it alone matches it between two blank lines.)
        source = find_source(ctx.prev, dates=False)
    if source is None and speaker is not None and speaker.kind == "noun":
        source = document_named(speaker.text)  # "the statement read", "the report says"
    if source is None and speaker is not None and speaker.kind == "document":
        source = speaker.text  # "Section 230 states:"
    cited = cited_sentences(doc)
    if source is None and (cited[ctx.i1] or cited[ctx.i0]):
        source = "link or note"
    return Attributed(q, speaker, source)


def _find_speaker(
    doc: Document, ctx: QuoteContext, known: set[str]
) -> tuple[Speaker | None, list[str]]:
    """The speaker, and the pieces of text where its source may be named."""
    introduced = ctx.starts_sentence and ctx.prev.rstrip().endswith(":")
    segments = [ctx.pre, ctx.post, ctx.prev] if introduced else [ctx.pre, ctx.post]
    if ctx.nxt:
        segments.append(ctx.nxt)
    speaker = _attributed_speaker(ctx, introduced)
    if speaker is None or not speaker.verb:
        quoted = document_quoted(ctx.pre) or document_quoted(ctx.post)
        if quoted is not None:
            return Speaker(quoted, "document", True), segments
    if speaker is not None:
        return speaker, segments
    return _nearby_speaker(doc, ctx, known, segments)


def _attributed_speaker(ctx: QuoteContext, introduced: bool) -> Speaker | None:
    """A speaker given by a reporting verb, a dash line or an introducing colon."""
    speaker = speaker_after(ctx.post) or speaker_before(ctx.pre)
    if speaker is None and ctx.post.lstrip().startswith(ATTRIBUTION_START):
        speaker = intro_speaker(ctx.post + ":")  # "“...” — Jo Bloggs"
    if speaker is None and introduced:
        speaker = speaker_before(ctx.prev)
    if ctx.nxt:
        speaker = speaker or speaker_after(ctx.nxt) or intro_speaker(ctx.nxt + ":")
    return speaker


def _nearby_speaker(
    doc: Document, ctx: QuoteContext, known: set[str], segments: list[str]
) -> tuple[Speaker | None, list[str]]:
    """No attribution: a name in the quote's sentence, or the sentence before."""
    in_sentence = named_in(ctx.pre) or named_in(ctx.post) or pronoun_subject(ctx.pre)
    if in_sentence is not None and not _plausible(doc, in_sentence):
        in_sentence = None
    if in_sentence is not None and not ctx.starts_sentence:
        return in_sentence, segments
    before = speaker_before(ctx.prev) or (
        _subject_of(ctx.prev, known) if ctx.starts_sentence else None
    )
    if before is not None:
        return before, [*segments, ctx.prev]
    return in_sentence or named_in(ctx.prev), segments


def _plausible(doc: Document, speaker: Speaker, *, strict: bool = False) -> bool:
    """A one-word name found without a reporting verb (or, ``strict``, at all)
    must be written with a capital inside a sentence somewhere ("Local traders
    fear ..." names nobody)."""
    if (speaker.verb and not strict) or speaker.kind != "name" or " " in speaker.text:
        return True
    return speaker.text in proper_nouns(doc) and not _CALENDAR.fullmatch(speaker.text)


def _attribute_blockquote(doc: Document, q: Quotation) -> Attributed:
    """A Markdown block quote: its attribution is a dash line inside it or just before."""
    text = doc.text
    speaker: Speaker | None = None
    source: str | None = None
    for line in text[q.inner_start : q.inner_end].splitlines():
        body = line.lstrip(" >\t")
        if body.startswith(ATTRIBUTION_START[1:]):
            name = best_name(body, prefer_first=True)
            speaker = Speaker(name, "name", False) if name else speaker
            source = find_source(body) or source
    i0 = doc.sentence_index_at(q.start)
    prev = sentence_text(doc, doc.text, i0 - 1)
    if speaker is None and prev.rstrip().endswith(":"):
        speaker = speaker_before(prev)
        source = source or find_source(prev)
    return Attributed(q, speaker, source)


def _continuing(segment: str) -> bool:
    lowered = segment.lower()
    return any(verb in lowered for verb in _CONTINUING_KEYS)


_CONTINUING_KEYS = tuple(f" {verb}" for verb in _CONTINUING)  # as looked for in the text


def _resolve(doc: Document, masked: str, i0: int, speaker: Speaker) -> Speaker:
    """Name the person a pronoun refers to, from the sentences just before."""
    if speaker.kind != "pronoun" or speaker.text in ("I", "we"):
        return speaker
    facts = doc.derived(_sentence_facts)
    for index in range(i0 - 1, max(-1, i0 - 1 - PRONOUN_LOOKBACK), -1):
        fact = facts.get(index)
        if fact is None:
            sentence = sentence_text(doc, masked, index)
            fact = facts[index] = (speaker_before(sentence), sentence_subject(sentence))
        found, name = fact
        if found is not None and found.kind == "name" and _plausible(doc, found, strict=True):
            return Speaker(found.text, "name", speaker.verb)
        if name and _plausible(doc, Speaker(name, "name", False), strict=True):
            return Speaker(name, "name", speaker.verb)
        if found is not None and found.kind == "noun":
            return Speaker(found.text, "noun", speaker.verb)
    return speaker


def _sentence_facts(doc: Document) -> dict[int, tuple[Speaker | None, str | None]]:
    """Per document, filled as ``_resolve`` reads them: the speaker and the
    subject of each sentence (quotations masked) that a pronoun was resolved
    from.  Quotes that follow one another read the same sentences back."""
    return {}


def _subject_of(sentence: str, known: set[str]) -> Speaker | None:
    """The previous sentence's subject; it counts as reported speech when that
    person was already quoted with a reporting verb."""
    name = sentence_subject(sentence)
    if name is None:
        return None
    return Speaker(name, "name", name in known or name.split()[-1] in known)
