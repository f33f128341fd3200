"""Claims pinned on an unnamed crowd (weasel words), for WW001 and NUM001.

``weasel_matches`` finds "critics argue", "studies show", "it is widely believed"
and drops those whose group is named in the same breath ("critics such as Jane Doe
argue", "a 2023 Pew study found").  NUM001 uses it so that "studies show" is not
taken for a named source.  The pattern is compiled once from the ``ww_*`` lists in
``rules/data`` and run once over a sentence: linear in the text's length.

The pattern is scanned through the screens of ``lint.phrase_screen``: only at
the first words of its parts that can match in the text, and WW001 only in the
sentences that hold one of its anchor words (``weasel_anchors``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from lint import regex_cache
from lint.phrase_regex import alternation
from lint.phrase_screen import EntryScreen, screenable, screened_matches
from lint.phrases import PhraseList, load_phrases
from lint.token_gate import Anchors, TokenGate


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
_PEOPLE_NAMING = regex_cache.compile(
    r"\b(?:such\s+as|including|like|led\s+by|at|from|with|among\s+them|notably)\s+"
    r"(?:[a-z]+\s+){0,2}(?:[A-Z]|\d)"
)
_BY_VERBS = r"(?:published|provided|collected|gathered|cited|issued|prepared)\s+by"
_EVIDENCE_QUAL = (
    rf"{_BY_VERBS}|by|from|at|in|of|on|published\s+in|conducted\s+by|carried\s+out\s+by|released\s+by"
    r"|commissioned\s+by|compiled\s+by|produced\s+by"
)
_EVIDENCE_NAMING = regex_cache.compile(
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
    return regex_cache.compile(
        f"{_weasel_groups()}|{_fixed_phrases().pattern.pattern}", re.IGNORECASE
    )


def _fixed_phrases() -> PhraseList:
    """Fixed weasel phrases ("it is widely believed"), the last branch of the pattern."""
    return load_phrases("ww_phrases")


@lru_cache(maxsize=1)
def _weasel_screen() -> EntryScreen:
    """The weasel pattern as entries for :class:`EntryScreen`: the people, evidence
    and according-to groups as one, then each fixed phrase.  A match of the
    pattern at a place is a match of one of them there."""
    groups = (_weasel_groups(), int(_weasel_re().flags))
    return EntryScreen([groups, *_fixed_phrases().entry_sources()])


@lru_cache(maxsize=1)
def _weasel_groups() -> str:
    """The pattern's people, evidence and according-to groups, in their word boundaries."""
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
    return rf"(?<![\w-])(?:{people}|{evidence}|{according})(?![\w-])"


@lru_cache(maxsize=1)
def _generic_modifiers() -> frozenset[str]:
    return frozenset(e.lower() for e in load_phrases("ww_generic_modifiers").entries)


_PRE_WORD = regex_cache.compile(r"([\w'’-]+)\s+$")
_YEAR = regex_cache.compile(r"\b(?:1[89]|20)\d\d\b")
_CAP = regex_cache.compile(r"\b[A-Z][\w&'’.-]*")


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


_DEFINITE = regex_cache.compile(
    r"\b(?:the|these|those|both|such|our|their|its|this|that|all\s+the|all\s+these)\s+$",
    re.IGNORECASE,
)


def _refers_back(text: str, start: int, at: int) -> bool:
    """ "The researchers found", "these studies show": a group already introduced."""
    return _DEFINITE.search(text, max(start, at - 12), at) is not None


@lru_cache(maxsize=1)
def _institution_re() -> re.Pattern[str]:
    """A qualifier pointing at one institution ("from the national statistics office")."""
    return regex_cache.compile(
        rf"\b(?:{_BY_VERBS}|by|from|at|of)\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{alternation('ww_institutions')})\b",
        re.IGNORECASE,
    )


_APPOSITIVE = regex_cache.compile(r"\s+[A-Z][\w&/.'’-]*")


@lru_cache(maxsize=1)
def _institution_word_re() -> re.Pattern[str]:
    return regex_cache.compile(rf"\b(?:{alternation('ww_institutions')})\b", re.IGNORECASE)


# "according to the company's own research", "according to its survey": a source
# already named, not a crowd.
_ACCORDING_NOT_CROWD = regex_cache.compile(
    r"\b(?:the|its|their|his|her|our|this|that|these|those)\b|['’]s\b", re.IGNORECASE
)


def weasel_anchors() -> Anchors | None:
    """The anchor words of the weasel pattern (``lint.phrase_screen.sentences_to_scan``)."""
    return _weasel_gate().anchors


def weasel_matches(text: str, start: int, end: int) -> list[Weasel]:
    """Weasel attributions within ``text[start:end]`` (one sentence), named groups excluded."""
    out = []
    found = None
    if screenable(text, end):
        found = screened_matches(_weasel_re(), _weasel_screen(), text, start, end)
    for m in _weasel_gate().finditer(text, start, end) if found is None else found:
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
