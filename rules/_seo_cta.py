"""Calls to action (SEO003): imperative sentences pushing the reader to join,
subscribe, visit or buy, with the teaser question that may open them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from operator import itemgetter, methodcaller

from lint import regex_cache
from lint.document import Document
from lint.phrases import load_phrases
from rules._seo_screens import WordStart, first_word_mask, screen, screening
from rules._seo_text import count_words

SentenceTest = Callable[[Document, int, int], bool]

# Longest question (words) read as the teaser of a call to action that follows it.
HOOK_MAX_WORDS = 6
_EMOJI = regex_cache.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b06\u2934\u2935]")
_URGENT = regex_cache.compile(r"!|\b(?:today|now|free)\b", re.IGNORECASE)
_SELF = regex_cache.compile(r"\b(?:us|our|my|me|we)\b", re.IGNORECASE)
_NON_WORD = regex_cache.compile(r"[^\w]*")
_LEAD_IN = regex_cache.compile(
    r"(?:(?:so|now|and|then|today|also|please|meanwhile)\b[,!]?\s+"
    r"|(?:to|if|for|whether|when|while)\b[^,.!?\n]{0,150},\s*)",
    re.IGNORECASE,
)
_LEAD_IN_START = WordStart(_LEAD_IN)
# The sentence's leading non-word characters (``_NON_WORD``), then its first word;
# no match when the sentence starts inside a word (the screens need a word start).
_BODY_WORD = regex_cache.compile(r"([^\w]*)(?<!\w)(\w*)")
_HOOK = regex_cache.compile(
    r"(?:(?:ready|want|wanna|looking|interested|curious|eager|keen|excited|need)\b[^\n]*\?"
    r"|(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:reading|stopping\s+by|visiting)"
    r"\b[^\n]{0,60}[.!])\s*$",
    re.IGNORECASE,
)


def is_call_to_action(doc: Document, start: int, end: int) -> bool:
    """An imperative with a promotional marker or two weaker cues, or a self-promoting
    opening ("Subscribe to ...") that needs none.

    Most sentences are settled by their first word alone: when no entry of the
    self-promoting openings, the verbs or the lead-ins can start with it, neither
    the opening nor ``_opens_with_verb`` can match (see ``rules._seo_screens``)."""
    text = doc.text
    head = _BODY_WORD.match(text, start, end)
    if head is None:  # the sentence starts inside a word: nothing is screened
        pos, may = _body_start(doc, start, end), _SELF_PROMO | _VERB
    else:
        pos, word = head.end(1), head.group(2)
        may = _OPENINGS.get(word)
        if may is None:
            may = _opening(word)
    if may & _SELF_PROMO and load_phrases("seo_cta_self").pattern.match(text, pos, end):
        return True
    if not may & _VERB:
        return False
    if not _opens_with_verb(doc, pos, end):
        return False
    # Plain searches: the same matches as the lists' token gates, and these short
    # ranges do not pay for a word index of the whole text.
    if load_phrases("seo_cta_markers").pattern.search(text, start, end) is not None:
        return True
    cues = (
        _EMOJI.search(text, start, end),
        _URGENT.search(text, start, end),
        _SELF.search(text, start, end),
        load_phrases("seo_cta_links").pattern.search(text, start, end),
    )
    return sum(cue is not None for cue in cues) >= 2


_SELF_PROMO, _VERB = 1, 2  # bits of _OPENINGS
_OPENINGS: dict[str, int] = {}  # a sentence's first word -> the openings it may start


def _opening(word: str) -> int:
    """Bits of what may start at a word start holding ``word`` (a ``\\w*`` run):
    _SELF_PROMO when a self-promoting opening, _VERB when a verb or a lead-in."""
    if not screening():
        return _SELF_PROMO | _VERB  # not remembered: the screens are not in use yet
    screens = (screen("seo_cta_self"), screen("seo_cta_verbs"), _LEAD_IN_START)
    may = first_word_mask(word, screens, {})
    bits = (_SELF_PROMO if may & 1 else 0) | (_VERB if may & 6 else 0)
    _OPENINGS[word] = bits
    return bits


def _opens_with_verb(doc: Document, pos: int, end: int) -> bool:
    """Does the sentence open with a call-to-action verb, maybe after a lead-in
    ("So, ...", "To read every story first, ...")?"""
    verbs = load_phrases("seo_cta_verbs").pattern
    if verbs.match(doc.text, pos, end):
        return True
    lead = _LEAD_IN.match(doc.text, pos, end)
    return bool(lead and verbs.match(doc.text, lead.end(), end))


def _body_start(doc: Document, start: int, end: int) -> int:
    """Offset of the sentence's first word (after emoji, quotes and bullets)."""
    m = _NON_WORD.match(doc.text, start, end)
    return m.end() if m else start


def is_hook(doc: Document, start: int, end: int) -> bool:
    """A teaser before a call to action: "Ready to dive in?", "Hungry for more?",
    "Thanks for reading!"."""
    pos = _body_start(doc, start, end)
    if _HOOK.match(doc.text, pos, end):
        return True
    short = count_words(doc, pos, end) <= HOOK_MAX_WORDS
    return short and doc.text[start:end].rstrip().endswith("?")


def sentence_runs(
    doc: Document, test: SentenceTest, candidates: Sequence[int] | None = None
) -> Iterator[tuple[int, int]]:
    """Runs of consecutive sentences of one block that pass ``test`` (a hook
    question right before a passing sentence joins its run).

    ``candidates`` (ascending indices) may list the only sentences that can pass
    ``test``: the others are then not asked (a run cannot start or go on there)."""
    sentences = doc.sentences
    may = None if candidates is None else set(candidates)
    after = 0  # the first sentence not in a run yielded so far
    for i in range(len(sentences)) if candidates is None else candidates:
        if i < after:
            continue
        s = sentences[i]
        if not test(doc, s.start, s.end):
            continue
        first = i
        if i > 0 and sentences[i - 1].block == s.block:
            prev = sentences[i - 1]
            if is_hook(doc, prev.start, prev.end):
                first = i - 1
        last = i
        while (
            last + 1 < len(sentences)
            and (may is None or last + 1 in may)
            and sentences[last + 1].block == s.block
            and test(doc, sentences[last + 1].start, sentences[last + 1].end)
        ):
            last += 1
        yield first, last
        after = last + 1


def call_to_action_candidates(doc: Document) -> list[int]:
    """Indices of the sentences ``is_call_to_action`` may accept.

    It rejects a sentence at once when its first word (``_BODY_WORD``) can start
    neither a self-promoting opening nor a verb or lead-in (``_OPENINGS`` holds 0
    for it); those first words are read for all sentences with ``map``, in C.  A
    sentence starting inside a word, or whose word is not yet in ``_OPENINGS``,
    stays a candidate."""
    text, sentences = doc.text, doc.sentences
    starts, ends = map(itemgetter(0), sentences), map(itemgetter(1), sentences)
    heads = list(map(_BODY_WORD.match, repeat(text), starts, ends))
    if None in heads:
        return list(range(len(sentences)))
    mays = map(_OPENINGS.get, map(_FIRST_WORD, heads))
    return [i for i, may in enumerate(mays) if may != 0]


_FIRST_WORD = methodcaller("group", 2)  # a _BODY_WORD match's word
