"""Claims pinned on an unnamed crowd (weasel words), for WW001 and NUM001.

``weasel_matches`` finds "critics argue", "studies show", "it is widely believed"
and drops those whose group is named in the same breath ("critics such as Jane Doe
argue", "a 2023 Pew study found").  NUM001 uses it so that "studies show" is not
taken for a named source.  The pattern is compiled once from the ``ww_*`` lists in
``rules/data`` and run once over a sentence: linear in the text's length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from lint.document import Document
from lint.phrase_regex import alternation
from lint.phrases import PhraseList, load_phrases
from lint.token_gate import (
    MIN_GATED_LENGTH,
    Anchors,
    TokenGate,
    anchor_tree,
    is_word,
    word_index,
)
from rules._kw_lexicon import stopwords


class Weasel(NamedTuple):
    start: int
    end: int
    text: str


_STOP = r"[^.;:!?\"“”()\[\]]"
_CLAUSE = r"[^.;:!?\"“”()\[\],]"
_QUANT = (
    r"(?:(?:some|many|most|several|numerous|other|certain|leading|top|independent|prominent"
    r"|industry|tech|outside|various|countless|a\s+number\s+of|a\s+lot\s+of|plenty\s+of"
    r"|a\s+few|a\s+handful\s+of|recent|new|multiple|scientific|academic)\s+)*"
)
_PEOPLE_QUAL = (
    r"such\s+as|including|like|led\s+by|at|from|with|among\s+them|notably|of|in|on|within"
)
_PEOPLE_NAMING = re.compile(
    r"\b(?:such\s+as|including|like|led\s+by|at|from|with|among\s+them|notably)\s+"
    r"(?:[a-z]+\s+){0,2}(?:[A-Z]|\d)"
)
_BY_VERBS = r"(?:published|provided|collected|gathered|cited|issued|prepared)\s+by"
_EVIDENCE_QUAL = (
    rf"{_BY_VERBS}|by|from|at|in|of|on|published\s+in|conducted\s+by|carried\s+out\s+by|released\s+by"
    r"|commissioned\s+by|compiled\s+by|produced\s+by"
)
_EVIDENCE_NAMING = re.compile(
    rf"\b(?:{_BY_VERBS}|by|from|at|in|of|published\s+in|conducted\s+by|carried\s+out\s+by|released\s+by"
    r"|commissioned\s+by|compiled\s+by|produced\s+by)\s+(?:[a-z]+\s+){0,2}(?:[A-Z]|\d)"
)
_ADVERB = (
    r"(?:(?:have|has|had|would|might|could|may|will|do|does)\s+)?"
    r"(?:(?:[a-z]+ly|also|long|now|often|still|all)\s+)?"
)


@lru_cache(maxsize=1)
def _weasel_gate() -> TokenGate:
    """The weasel pattern, scanned only in sentences holding one of its anchor words."""
    return TokenGate(_weasel_re())


@lru_cache(maxsize=1)
def _weasel_re() -> re.Pattern[str]:
    people = (
        rf"(?P<people>{_QUANT}(?P<pnoun>{alternation('ww_crowd_people')})"
        rf"(?P<pqual>\s*,?\s+(?:{_PEOPLE_QUAL})\s+{_STOP}{{1,80}}?,?)?"
        rf"\s+{_ADVERB}(?:{alternation('ww_people_verbs')}))"
    )
    evidence = (
        rf"(?P<evidence>(?P<enoun>{alternation('ww_evidence_nouns')}"
        rf"|(?:a|an|one|another)\s+(?P<emods>(?:[\w'’-]+\s+){{0,2}}?)"
        rf"(?:{alternation('ww_evidence_single')}))"
        rf"(?P<equal>\s*,?\s+(?:{_EVIDENCE_QUAL})\s+{_STOP}{{1,80}}?,?)?"
        rf"\s+{_ADVERB}(?:{alternation('ww_evidence_verbs')}))"
    )
    according = (
        rf"(?P<according>according\s+to\s+(?P<amods>(?:[\w'’-]+\s+){{0,3}})"
        rf"(?:{alternation('ww_crowd_people')}|{alternation('ww_evidence_nouns')}|{alternation('ww_evidence_single')}"
        rf"|sources|some|many|observers)"
        rf"(?P<aqual>\s+(?:{_PEOPLE_QUAL}|{_EVIDENCE_QUAL})\s+{_CLAUSE}{{1,80}})?(?=[\s,.;:!?]|$))"
    )
    fixed = load_phrases("ww_phrases").pattern.pattern
    body = rf"(?<![\w-])(?:{people}|{evidence}|{according})(?![\w-])|{fixed}"
    return re.compile(body, re.IGNORECASE)


def _generic_modifiers() -> frozenset[str]:
    return frozenset(e.lower() for e in load_phrases("ww_generic_modifiers").entries)


_PRE_WORD = re.compile(r"([\w'’-]+)\s+$")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CAP = re.compile(r"\b[A-Z][\w&'’.-]*")


def _names_in_premodifiers(text: str, sent_start: int, noun_start: int) -> bool:
    """Do the up to three words before an evidence noun name its source?"""
    words: list[tuple[int, str]] = []
    pos = noun_start
    while len(words) < 3:
        m = _PRE_WORD.search(text, max(sent_start, pos - 40), pos)
        if not m or m.end() != pos:
            break
        words.append((m.start(1), m.group(1)))
        pos = m.start()
    generic = _generic_modifiers()
    for start, word in words:
        if _YEAR.fullmatch(word) or word.endswith(("'s", "’s")) and word[:1].isupper():
            return True
        if word[:1].isupper() and (start > sent_start or word.lower() not in generic):
            return True
    return False


_DEFINITE = re.compile(
    r"\b(?:the|these|those|both|such|our|their|its|this|that|all\s+the|all\s+these)\s+$",
    re.IGNORECASE,
)


def _refers_back(text: str, start: int, at: int) -> bool:
    """ "The researchers found", "these studies show": a group already introduced."""
    return _DEFINITE.search(text, max(start, at - 12), at) is not None


@lru_cache(maxsize=1)
def _institution_re() -> re.Pattern[str]:
    """A qualifier pointing at one institution ("from the national statistics office")."""
    return re.compile(
        rf"\b(?:{_BY_VERBS}|by|from|at|of)\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{alternation('ww_institutions')})\b",
        re.IGNORECASE,
    )


_APPOSITIVE = re.compile(r"\s+[A-Z][\w&/.'’-]*")


@lru_cache(maxsize=1)
def _institution_word_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('ww_institutions')})\b", re.IGNORECASE)


# "according to the company's own research", "according to its survey": a source
# already named, not a crowd.
_ACCORDING_NOT_CROWD = re.compile(
    r"\b(?:the|its|their|his|her|our|this|that|these|those)\b|['’]s\b", re.IGNORECASE
)


def sentences_to_scan(doc: Document, anchors: Anchors | frozenset[str] | None) -> list[int] | None:
    """Indices, in order, of the sentences of ``doc`` where a pattern can match
    whose every match holds one of some words: ``anchors``, a tree of such words
    (``lint.token_gate.anchor_tree``, chosen per text) or one set of them
    (:func:`phrase_anchors`).  ``None`` when every sentence must be scanned (no
    anchors, or a text too short to index).

    A rule that scans sentence by sentence pays a few microseconds of set-up per
    sentence even where the token gate finds nothing; this finds the sentences
    worth scanning all at once, from the word index the gate shares.  It keeps
    what ``TokenGate.finditer`` would find: a sentence with no anchor word
    starting inside it cannot hold a match, unless its end cuts a word (the
    pattern then sees a shorter word than the index holds), and such sentences
    are always kept.
    """
    text = doc.text
    if anchors is None or len(text) < MIN_GATED_LENGTH:
        return None
    index = word_index(text)
    if isinstance(anchors, Anchors):
        positions = index.anchor_candidates(anchors)
    else:
        positions = index.candidates(anchors)
    index_at = doc.sentence_index_at
    keep = {index_at(p) for p in positions}
    keep.update(doc.derived(_word_cutting_sentences))
    keep.discard(-1)
    return sorted(keep)


_PHRASE_ANCHORS: dict[int, frozenset[str] | None] = {}


def phrase_anchors(phrases: PhraseList) -> frozenset[str] | None:
    """Words every match of ``phrases`` holds (``None``: not known), for
    :func:`sentences_to_scan`; worked out once per list.

    ``anchor_tree`` of a whole list gives up inside a shared branch of the
    literal trie ("this week", "the other day", "tonight" share "t"), and the
    words it is left with ("the", "to") are in nearly every sentence.  Taken
    entry by entry (each compiled alone, as ``PhraseList`` compiles the list),
    every entry names a word of its own; a match of the list is a match of one
    of its entries, so it holds that entry's word.  The word is picked without a
    text: a function word ("this", "over") only when there is no other.
    """
    key = id(phrases)
    if key not in _PHRASE_ANCHORS:
        _PHRASE_ANCHORS[key] = _entry_anchors(phrases)
    return _PHRASE_ANCHORS[key]


def _entry_anchors(phrases: PhraseList) -> frozenset[str] | None:
    function_words = stopwords()
    found: set[str] = set()
    for entry in phrases.entries:
        one = PhraseList.from_lines([entry], flags=phrases.pattern.flags)
        tree = anchor_tree(one.pattern)
        if tree is None:
            return None
        cost = {w: (1000 if w in function_words else 0) + 100 // len(w) for w in tree.words}
        found |= tree.choose(cost)[1]
    return frozenset(found)


def _word_cutting_sentences(doc: Document) -> tuple[int, ...]:
    """Indices of the sentences whose end falls inside a word."""
    text, size = doc.text, len(doc.text)
    return tuple(
        i
        for i, (_, end, _) in enumerate(doc.sentences)
        if 0 < end < size and is_word(text[end - 1]) and is_word(text[end])
    )


def weasel_anchors() -> Anchors | None:
    """The anchor words of the weasel pattern (see :func:`sentences_to_scan`)."""
    return _weasel_gate().anchors


def weasel_matches(text: str, start: int, end: int) -> list[Weasel]:
    """Weasel attributions within ``text[start:end]`` (one sentence), named groups excluded."""
    out = []
    for m in _weasel_gate().finditer(text, start, end):
        if not _group_is_named(text, m, start, end):
            out.append(Weasel(m.start(), m.end(), m.group(0)))
    return out


def _group_is_named(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Does the sentence name (or refer back to) the crowd of weasel match ``m``?"""
    if m.group("people") is not None:
        return _refers_back(text, start, m.start()) or bool(
            _PEOPLE_NAMING.search(m.group("pqual") or "")
        )
    if m.group("evidence") is not None:
        return _refers_back(text, start, m.start()) or _evidence_named(text, m, start)
    if m.group("according") is not None:
        return _according_named(text, m, end)
    return False


def _evidence_named(text: str, m: re.Match[str], start: int) -> bool:
    """ "research by the ONS shows", "a 2023 Pew study found", "Gallup's survey"."""
    qual = m.group("equal") or ""
    if _EVIDENCE_NAMING.search(qual) or _institution_re().search(qual):
        return True
    mods = m.group("emods")
    if mods is None:
        return _names_in_premodifiers(text, start, m.start("enoun"))
    return bool(mods and (_YEAR.search(mods) or _CAP.search(mods)))


def _according_named(text: str, m: re.Match[str], end: int) -> bool:
    """ "according to experts at MIT", "according to its survey"."""
    qual = m.group("aqual") or ""
    mods = m.group("amods") or ""
    return bool(
        _PEOPLE_NAMING.search(qual)
        or _EVIDENCE_NAMING.search(qual)
        or _institution_re().search(qual)
        or _YEAR.search(mods)
        or _CAP.search(mods)
        or _ACCORDING_NOT_CROWD.search(mods)
        or _institution_word_re().search(mods)
        or _APPOSITIVE.match(text, m.end(), end)
    )
