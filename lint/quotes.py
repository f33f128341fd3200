"""Find quotations in a document (used by ``Document.quotations``).

One left-to-right pass per block, so the whole document is scanned in linear
time and a quote is never paired across a block (paragraph) boundary:

* Markdown block quotes (``> ...``) are one ``block`` quotation each, unless
  they hold quote marks of their own (then those are the quotations).
* Double quotes, straight (``"``) or curly (``“ ”``), are paired by context: a
  mark after a space and before a letter opens, one after a letter and before a
  space or punctuation closes.  A mark that opens while a quote is already open
  and follows a sentence end (``... months. "We are``) continues the same quote:
  that is how a quote running over several paragraphs reads once the paragraph
  breaks are lost.  A quote left open runs to the end of its paragraph, never
  further.
* Single quotes (``'``/``‘ ’``) are paired only outside double quotes, on one
  line, and only when both marks are unambiguous (an apostrophe inside or at the end of a word,
  as in ``don't`` or ``players'``, is never a quote mark).
* A quotation that fills its whole paragraph is of kind ``block``.
* Terms, not quotations, are dropped: scare quotes and words used as words (up
  to three words without sentence punctuation: a "black box", the word "woke"),
  nicknames, and titles of works (every word capitalised, no sentence punctuation).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from lint import regex_cache
from lint.char_offsets import char_offsets
from lint.document import WORD_RE, Quotation
from lint.phrases import load_phrases
from lint.reporting_verbs import speech_verbs

if TYPE_CHECKING:
    from lint.document import Document

DOUBLE = '"“”„'
SINGLE = "'‘’"
_OPEN_BEFORE = set(" \t\n\r\u00a0([{—–-/:;")
_CLOSE_AFTER = set(" \t\n\r\u00a0)]}—–-/.,;:!?…")
_SENTENCE_END = set(".!?…")
_BLOCKQUOTE_PREFIX = regex_cache.compile(r"[ \t]*>[ \t]?")
_WORD = WORD_RE  # the document model's words
_INNER_PUNCT = regex_cache.compile(r"[.!?;,…]")
_MINOR_WORDS = frozenset(
    "a an and as at but by de del der for from in into la le nor of on or the to "
    "van von vs with".split()
)
#: The only characters the pairing loops act on; they jump from one to the next
#: instead of stepping through every character (the same steps, in the same order:
#: the loops skip any other character, so a pattern matching more changes nothing).
#: A single mark between two letters or digits (an apostrophe: "don't", "Musk's")
#: is skipped by the pattern too: both loops pass over it without a change (the
#: double-mark loop acts on a single mark only before another one).  Each pattern
#: opens with a character class, which ``re`` finds at C speed; the look-behind
#: ``(?<![^\W_].)``, after the mark, asks that the character before it be neither.
_DOUBLE_OR_CLOSING_SINGLE = regex_cache.compile(
    '["“”„’\'](?:(?<=["“”„])|(?<![^\\W_].)|(?![^\\W_]))'
)
_SINGLE_MARK = regex_cache.compile("['‘’](?:(?<![^\\W_].)|(?![^\\W_]))")
_MARKS = DOUBLE + SINGLE  # every quote mark
#: Longest span (characters) a single-quoted pair may cover.
SINGLE_MAX = 600
TERM_MAX_WORDS = 3


def masked_text(doc: Document) -> str:
    """``doc.text`` with the inside of every quotation blanked (once per document):
    names and verbs in quoted words are never the speaker's."""
    return doc.derived(_masked_text)


def _masked_text(doc: Document) -> str:
    text = doc.text
    parts: list[str] = []
    pos = 0
    for q in doc.quotations:
        if q.inner_start < pos:
            continue
        parts.append(text[pos : q.inner_start])
        parts.append(_blank(text[q.inner_start : q.inner_end]))
        pos = q.inner_end
    parts.append(text[pos:])
    return "".join(parts)


def _blank(inner: str) -> str:
    """``inner`` with every character but a line break turned into a space."""
    if "\n" not in inner:
        return " " * len(inner)
    return "\n".join(" " * len(line) for line in inner.split("\n"))


def in_quotation(doc: Document, offset: int) -> bool:
    """Is ``offset`` inside a quotation of ``doc``?  (Binary search: quotations are
    sorted and do not overlap.)"""
    i = bisect_right(doc.derived(_quotation_starts), offset) - 1
    return i >= 0 and offset < doc.quotations[i].end


def _quotation_starts(doc: Document) -> list[int]:
    return [q.start for q in doc.quotations]


def find_quotations(doc: Document) -> Iterator[Quotation]:
    """Every quotation of ``doc``, in document order."""
    text = doc.text
    marks = char_offsets(text, _MARKS)
    blocks = doc.blocks
    for b in _blocks_to_read(doc, marks):
        block = blocks[b]
        found = []
        if _has_mark(marks, block.start, block.end):  # no mark, no quotation to pair
            found = [q for q in _pair_block(text, block.start, block.end) if not is_term(text, q)]
        if block.kind == "quote" and not found:
            # A block quote without quote marks of its own is one quotation; one
            # holding them ("> "...," a neighbour said.") has its attribution inside.
            yield _blockquote(text, block.start, block.end)
        yield from found


def _blocks_to_read(doc: Document, marks: list[int]) -> list[int]:
    """Indices, in order, of the blocks that can hold a quotation: those with a
    quote mark (``marks``, sorted) and the block quotes.  Any other block gives
    ``find_quotations`` nothing (no mark to pair, and not a block quote), so
    skipping it changes nothing; most blocks of most documents are skipped."""
    quote_blocks = {i for i, block in enumerate(doc.blocks) if block.kind == "quote"}
    return sorted(quote_blocks.union(doc.blocks_holding(marks)))


def _has_mark(marks: list[int], start: int, end: int) -> bool:
    """Is there a quote mark (offsets ``marks``, sorted) in ``[start, end)``?"""
    i = bisect_left(marks, start)
    return i < len(marks) and marks[i] < end


def _blockquote(text: str, start: int, end: int) -> Quotation:
    m = _BLOCKQUOTE_PREFIX.match(text, start, end)
    inner = m.end() if m else start
    return Quotation(start, end, inner, end, "block")


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before in _OPEN_BEFORE or before in DOUBLE or before in SINGLE) and not after.isspace()


def _can_close(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (
        after in _CLOSE_AFTER or after in DOUBLE or after in SINGLE or i + 1 >= end
    )


def _pair_block(text: str, start: int, end: int) -> Iterator[Quotation]:
    """Pair double quotes in ``text[start:end]``; single quotes in the gaps."""
    gap_start = start
    open_at = -1
    for mark in _DOUBLE_OR_CLOSING_SINGLE.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if ch not in DOUBLE:
            if open_at >= 0 and ch in "’'" and _double_single_close(text, i, end):
                q = _make(text, open_at, i + 2, start, end)
                yield q._replace(inner_end=i)
                open_at, gap_start = -1, i + 2
            continue
        opens = ch in "“„" or (ch == '"' and _can_open(text, i, start, end))
        closes = ch == "”" or (ch == '"' and _can_close(text, i, start, end))
        if ch == "“" and _can_close(text, i, start, end) and not _can_open(text, i, start, end):
            opens, closes = False, True  # a mis-typed closing mark
        if open_at < 0:
            if opens:
                yield from _singles(text, gap_start, i)
                open_at = i
            continue
        if closes and (not opens or text[i - 1] != " "):
            yield _make(text, open_at, i + 1, start, end)
            open_at, gap_start = -1, i + 1
        elif opens and not _continues_quote(text, i, open_at):
            open_at = i  # the earlier mark was stray: start again here
    if open_at >= 0:
        # Unclosed: the quote runs to the end of its paragraph, no further.
        yield Quotation(open_at, end, open_at + 1, end, "block" if open_at == start else "inline")
    else:
        yield from _singles(text, gap_start, end)


def _double_single_close(text: str, i: int, end: int) -> bool:
    """Two closing single marks typed for one double (``voters,’’ she said``)."""
    return i + 1 < end and text[i] in "’'" and text[i + 1] == text[i] and not text[i - 1].isspace()


def _continues_quote(text: str, i: int, open_at: int) -> bool:
    """An opening mark after a sentence end inside an open quote continues it."""
    j = i - 1
    while j > open_at and text[j].isspace():
        j -= 1
    return j > open_at and text[j] in _SENTENCE_END


def _make(text: str, qstart: int, qend: int, bstart: int, bend: int) -> Quotation:
    kind = "block" if qstart == bstart and _only_tail(text, qend, bend) else "inline"
    return Quotation(qstart, qend, qstart + 1, qend - 1, kind)


def _only_tail(text: str, pos: int, end: int) -> bool:
    """Is ``text[pos:end]`` nothing but punctuation or a footnote marker?"""
    tail = text[pos:end].strip()
    return not tail or bool(re.fullmatch(r"[.,;:!?…]*(?:\[\^?\d{1,3}\])*[.]?", tail))


def _single_marks(text: str, start: int, end: int) -> Iterator[int]:
    """The offsets in ``[start, end)`` that ``_singles`` acts on (``_SINGLE_MARK``).
    Its look-behind reads the character before ``start``, which ``_singles``
    takes for a space, so a mark at ``start`` is always given."""
    if start < end and text[start] in SINGLE:
        yield start
    for m in _SINGLE_MARK.finditer(text, start + 1, end):
        yield m.start()


def _singles(text: str, start: int, end: int) -> Iterator[Quotation]:
    """Unambiguous single-quoted spans in ``text[start:end]``.  Most gaps hold
    no single mark at all: three ``str.find`` calls rule those out, where
    ``_single_marks`` would yield nothing."""
    if (
        text.find("'", start, end) < 0
        and text.find("’", start, end) < 0
        and text.find("‘", start, end) < 0
    ):
        return
    open_at = -1
    for i in _single_marks(text, start, end):
        ch = text[i]
        if ch not in SINGLE:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # apostrophe inside a word: don't, Musk's
        if open_at < 0:
            if ch != "’" and before in _OPEN_BEFORE and after.isalpha():
                open_at = i
            continue
        if i - open_at > SINGLE_MAX or text.find("\n", open_at, i) >= 0:
            # Too far, or on another line: the opening mark was an apostrophe
            # ('staches); this mark may open a new span.
            open_at = i if ch != "’" and before in _OPEN_BEFORE and after.isalpha() else -1
            continue
        if ch != "‘" and not before.isspace() and (after in _CLOSE_AFTER or i + 1 >= end):
            if before == "s" and after.isspace() and text[open_at] == "'":
                continue  # plural possessive ("the players' union"), not a close
            yield _make(text, open_at, i + 1, start, end)
            open_at = -1


def is_term(text: str, q: Quotation) -> bool:
    """Is ``q`` a term, scare quote, nickname or title rather than a quotation?"""
    inner = text[q.inner_start : q.inner_end].strip()
    # The first few words decide most quotes; all of them are listed only for
    # the title test (a long quotation is read once, not twice).
    first = _first_words(inner)
    if not first or _introduced(text, q.start):
        return True
    if len(first) <= TERM_MAX_WORDS:
        return not _short_quote(text, q, inner)
    if _INNER_PUNCT.search(inner.rstrip(".,")) or inner[-1:] in "!?…":
        return False  # sentence punctuation: a quotation, not a title
    return _title_case(_WORD.findall(inner))


#: How much of a quotation ``_first_words`` reads first.
_FIRST_WORDS_SPAN = 64


def _first_words(inner: str) -> list[str]:
    """The first ``TERM_MAX_WORDS + 1`` words of ``inner`` or as many as there
    are, as far as ``is_term`` asks: whether there is one, and how many.

    The words of the first ``_FIRST_WORDS_SPAN`` characters are read with one
    ``findall``: ``TERM_MAX_WORDS + 1`` of them there (the last one perhaps cut
    short) mean at least that many in the whole; fewer only decide it when
    that was all of ``inner``, and otherwise the words are read one by one."""
    found = _WORD.findall(inner, 0, _FIRST_WORDS_SPAN)
    if len(found) > TERM_MAX_WORDS or len(inner) <= _FIRST_WORDS_SPAN:
        return found[: TERM_MAX_WORDS + 1]
    return [m.group() for m in islice(_WORD.finditer(inner), TERM_MAX_WORDS + 1)]


def _short_quote(text: str, q: Quotation, inner: str) -> bool:
    """Is a quote of one to three words a real quotation ("No," she said)?

    Only when it is introduced by a colon or a verb ("promised to", "said"),
    or opens its sentence and a reporting verb follows.
    """
    j = q.start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j >= 0 and text[j] == ":":
        return True
    if inner[-1:] not in ".!?…,":
        return False
    if j < 0 or text[j] in "\n.!?":
        after = text[q.end : q.end + 40]
        return bool(speech_verbs(after))
    m = re.search(r"([^\W\d_]+)\W*$", text[max(0, j - 30) : j + 1])
    return bool(m) and m.group(1).lower() in _SHORT_INTRODUCERS


_SHORT_INTRODUCERS = frozenset(
    "to that said says say saying told tells wrote writes asked asks replied replies added "
    "adds argued argues answered declared shouted exclaimed promised vowed pledged".split()
)


def _title_case(words: list[str]) -> bool:
    """Every word capitalised except minor ones, at least two capitalised."""
    caps = 0
    for w in words:
        if w[0].isupper():
            caps += 1
        elif w.lower() not in _MINOR_WORDS:
            return False
    return caps >= 2


#: How far before a quotation its introducer ("known as", "dubbed") is looked for.
INTRODUCER_WINDOW = 40


def _introduced(text: str, end: int) -> bool:
    """``_introducer_re().search`` over the ``INTRODUCER_WINDOW`` characters
    before ``end`` found something?

    A match is an entry of ``qt_term_introducers`` followed by spaces, tabs, a
    comma or colon and a final line break only, so those stripped from the
    window leave it ending with the entry's last word; where the window is
    ASCII (case is then folded as ``re.IGNORECASE`` folds it) and ends with
    none of those words, the search is skipped."""
    start = max(0, end - INTRODUCER_WINDOW)
    window = text[start:end]
    if window.isascii():
        core = window.rstrip(" \t\n,:").lower()
        if not core.endswith(_introducer_last_words()):
            return False
    return _introducer_re().search(text, start, end) is not None


@lru_cache(maxsize=1)
def _introducer_last_words() -> tuple[str, ...]:
    """The last word of each introducer, lower case."""
    entries = load_phrases("qt_term_introducers").entries
    return tuple(sorted({e.split()[-1].lower() for e in entries}))


@lru_cache(maxsize=1)
def _introducer_re() -> re.Pattern[str]:
    """Words that make what follows a term or a name ("known as", "dubbed")."""
    entries = load_phrases("qt_term_introducers").entries
    body = "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in entries)
    return regex_cache.compile(rf"(?<![\w-])(?:{body})[ \t]*[,:]?[ \t]*$", re.IGNORECASE)
