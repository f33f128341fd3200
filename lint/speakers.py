"""Who said a quotation: the speaker named next to a reporting verb or a colon.

Everything here reads the text *around* a quotation (``lint.quotes.masked_text``
blanks the words inside quotations).  A *speaker* is found from a reporting verb
(``lint.reporting_verbs``) with a subject next to it: a name ("Sam Altman said",
"said Sam Altman"), a pronoun ("she said") or a noun phrase ("the minister said").
An introducing clause that ends with a colon names a speaker even without a verb
("Jane Doe's view was blunt:").  Each look-up reads a slice of bounded size.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lint import regex_cache
from lint.names import (
    NAME_RUN,
    best_name,
    is_name,
    person_tokens,
    strip_titles,
    trim_possessive,
)
from lint.phrases import load_phrases
from lint.reporting_verbs import is_speech_verb, speech_verbs

_PRONOUN = regex_cache.compile(r"\b(he|she|they|it|we|I)\s*$", re.IGNORECASE)
_PRONOUN_AFTER = regex_cache.compile(r"^\s*,?\s*(he|she|they|it|we|I)\b")
_LOWER_WORDS = regex_cache.compile(
    r"(?<![\w’'-])((?:[a-z0-9][\w\-’']*\s+){0,2}[a-z][\w\-’']*)\s*,?\s*$"
)
_CONJUNCTION_END = regex_cache.compile(
    r"\b(?:and|but|or|then|before|after|while|when|as|yet|to)\s*$", re.IGNORECASE
)
_DETERMINER_END = regex_cache.compile(
    r"\b(?:the|a|an|his|her|their|its|our|these|those|such|whose|my|your)\s*$", re.IGNORECASE
)
_SENTENCE_BREAK = regex_cache.compile(r"[.!?]\s+[A-Z\"“]")
_PASSIVE_END = regex_cache.compile(r"\b(?:been|be|being|was|were|is|are)\s*$", re.IGNORECASE)
_SKIP_BEFORE_VERB = frozenset(
    "also then later previously once has had have was is were are would will "
    "always never often still just even sometimes usually "
    "had who which again further reportedly recently publicly immediately "
    "swiftly quickly repeatedly himself herself later".split()
)
# The full stop is matched first and the abbreviations checked behind it ("Dr."):
# the same cuts as checking them before it, but only at full stops, not everywhere.
_ABBREVIATION_DOT = "".join(
    rf"(?<!{a}\.)" for a in "Dr Mr Ms Mrs Prof St Jr Sr Gen Gov Sen Rep Rev Inc Co Ltd Corp".split()
)
_CLAUSE_CUT = regex_cache.compile(
    rf"""[:;"“”()\[\]—]|\n\s*\n|\.{_ABBREVIATION_DOT}(?<![A-Z]\.)\s"""
)
_PARENTHESIS = regex_cache.compile(r"\([^()\n]{0,60}\)")
_ARTICLES = frozenset("the a an one another its their his her".split())
_PREPOSITION_END = regex_cache.compile(r"\s(?:of|at|on|from|in|for|with)\s*$")
_VAGUE_DETERMINER = regex_cache.compile(
    r"\b(?:some|many|most|several|numerous|various|certain|countless|a few|a number of)"
    r"\s+[a-z][\w\-]*\s*$",
    re.IGNORECASE,
)

_OPENING_PRONOUN = regex_cache.compile(r"[\s\"“”,]*(He|She|They)\b")
_CLAUSE_PRONOUN = regex_cache.compile(r"\s*(he|she|they|it|we|I)\b", re.IGNORECASE)
_BY_AGENT = regex_cache.compile(r"\bby\s+(.{1,60})")
_PHRASE_CUT = regex_cache.compile(r",|\b(?:in|on|at|who|of|from)\b")
_NOUN_PHRASE = regex_cache.compile(
    r"\s*((?:the|a|an|one|another)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)"
)
#: A character other than white space, a comma, a quote mark or sentence
#: punctuation: text before a verb holding none of them names no subject.
_LEAD_CHAR = regex_cache.compile(r"[^\s,\"“”'‘’.!?…]")


class Speaker(NamedTuple):
    """Who a quotation is attributed to; ``kind`` is name, pronoun, noun or vague.
    (A named tuple: several are built per quotation, and a frozen dataclass
    costs a few times more to build.)"""

    text: str
    kind: str
    verb: bool  # found next to a reporting verb (not only by a colon or possessive)


#: A passive with no agent ("has been called ..."): the text says nobody spoke.
NOBODY = Speaker("", "nobody", False)


def pronoun_subject(segment: str) -> Speaker | None:
    """A sentence opening with a personal pronoun ("She went on to ...")."""
    m = _OPENING_PRONOUN.match(segment)
    return Speaker(m.group(1).lower(), "pronoun", False) if m else None


def speaker_before(segment: str) -> Speaker | None:
    """The speaker in text that precedes a quotation ("Jane Doe said: "): the
    subject of the last verb not after a determiner ("the said"), so the verbs
    are tested from the last one back, and only until one passes."""
    for m in reversed(speech_verbs(segment)):
        if not _DETERMINER_END.search(segment, max(0, m.start - 8), m.start):
            return _subject(segment, m.start, m.end, m.phrase)
    if segment.rstrip().endswith(":"):
        return intro_speaker(segment)
    return None


def speaker_after(segment: str) -> Speaker | None:
    """The speaker in text that follows a quotation (", said Jane Doe.")."""
    window = min(len(segment), 200)
    for m in speech_verbs(segment, window):
        if m.start > 150 or _SENTENCE_BREAK.search(segment, 0, m.start):
            break
        if not _DETERMINER_END.search(segment, max(0, m.start - 8), m.start):
            return _subject(segment, m.start, m.end, m.phrase)
    return None


def named_in(segment: str) -> Speaker | None:
    """A name anywhere in ``segment`` (no reporting verb): "Jo Bloggs's view that ..."."""
    name = best_name(segment, prefer_first=True)
    return Speaker(name, "name", False) if name else None


def intro_speaker(segment: str) -> Speaker | None:
    """A name, pronoun or possessive in an introducing clause ending in a colon."""
    clause = segment.rstrip().rstrip(":")
    name = best_name(clause, prefer_first=True)
    if name:
        return Speaker(name, "name", False)
    m = _CLAUSE_PRONOUN.match(clause)
    if m:
        return Speaker(m.group(1), "pronoun", False)
    return None


def _subject(segment: str, vstart: int, vend: int, verb: str) -> Speaker | None:
    after = segment[vend : vend + 100]
    before = segment[max(0, vstart - 120) : vstart]
    if verb in ("according to", "in the words of") or not _LEAD_CHAR.search(before):
        return _subject_after(after)
    if verb.endswith("ing") and verb not in ("writing", "speaking"):
        return _sentence_subject(before) or _subject_before(before)
    if _search_end(_CONJUNCTION_END, before):
        return _sentence_subject(before)
    if _search_end(_PASSIVE_END, before):
        m = _BY_AGENT.search(after)
        return _subject_after(m.group(1)) if m else NOBODY
    return _subject_before(before) or _subject_after(after)


#: Longer than any word of ``_PRONOUN``, ``_CONJUNCTION_END`` or ``_PASSIVE_END``.
_END_WORD_MAX = 8


def _search_end(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern of one short word at the end of the
    text (``\\b(?:...)\\s*$``, words under ``_END_WORD_MAX`` characters).

    Such a match is the last word, followed by whitespace only, so it starts
    within ``_END_WORD_MAX`` characters of the end of ``text.rstrip()``; the
    search starts there (``\\b`` still sees the character before) instead of
    trying every position of a clause."""
    return pattern.search(text, max(0, len(text.rstrip()) - _END_WORD_MAX))


def _subject_after(after: str) -> Speaker | None:
    m = _PRONOUN_AFTER.match(after)
    if m:
        return Speaker(m.group(1), "pronoun", True)
    clause = _CLAUSE_CUT.split(after, maxsplit=1)[0]
    clause = _PHRASE_CUT.split(clause, maxsplit=1)[0]
    name = best_name(clause, prefer_first=False)
    if name:
        return Speaker(name, "name", True)
    m = _NOUN_PHRASE.match(clause)
    if m:
        return _noun(m.group(1))
    return None


def _subject_before(before: str) -> Speaker | None:
    """The subject right before a reporting verb ("Jo Bloggs, an engineer, said")."""
    before = _PARENTHESIS.sub(lambda m: " " * len(m.group(0)), before)  # "(CSA)"
    clause = _last_clause(before)
    appositive = _appositive_name(clause)
    if appositive is not None:
        return appositive
    tail = _strip_adverbs(_drop_appositive(clause))
    m = _search_end(_PRONOUN, tail)
    if m:
        return Speaker(m.group(1), "pronoun", True)
    run = _last_run(tail)
    if run is not None:
        head = tail[: len(tail) - len(run)]
        if _PREPOSITION_END.search(head):  # "Jo Bloggs of Acme said", "users on Reddit"
            return _subject_before(_PREPOSITION_END.sub("", head)) or _noun(run)
        return _noun(run) if " " not in run else Speaker(strip_titles(run), "name", True)
    name = best_name(tail, prefer_first=False)
    if name and len(name.split()) >= 2:
        return Speaker(name, "name", True)
    return _lower_subject(tail)


def _strip_adverbs(clause: str) -> str:
    """Drop the auxiliaries and adverbs before the verb ("has also", "reportedly")."""
    words = clause.split()
    while words and (
        words[-1].lower() in _SKIP_BEFORE_VERB or (words[-1].islower() and words[-1].endswith("ly"))
    ):
        words.pop()
    return " ".join(words)


def _lower_subject(tail: str) -> Speaker | None:
    """A lower-case subject: "the minister", "officials", "some critics" (vague)."""
    m = _LOWER_WORDS.search(tail)
    if not m or re.search(r"\b(?:that|and|or|but|as|than|if|what|which)$", m.group(1)):
        return None
    vague = _VAGUE_DETERMINER.search(tail)
    if vague:
        return Speaker(vague.group(0), "vague", True)
    det = re.search(r"\b(The|A|An|One|Another|Its|Their|His|Her)\s+$", tail[: m.start(1)])
    phrase = f"{det.group(1).lower()} {m.group(1)}" if det else m.group(1)
    return _noun(phrase) if _noun_phrase(phrase) else None


def _noun_phrase(phrase: str) -> bool:
    """Does ``phrase`` read as a subject: "the minister", "officials"?"""
    words = phrase.split()
    if words[0].lower() in _ARTICLES:
        return len(words) >= 2
    return len(words) == 1 and words[0].endswith("s") and not words[0].endswith("ss")


def _appositive_name(clause: str) -> Speaker | None:
    """``The study's lead author, Maria Lopez,`` -> Maria Lopez."""
    stripped = clause.rstrip()
    if not stripped.endswith(","):
        return None
    inner = stripped[:-1]
    comma = inner.rfind(",")
    if comma < 0:
        return None
    part = inner[comma + 1 :].strip()
    m = NAME_RUN.fullmatch(part)
    if m and person_tokens(strip_titles(part)) >= 2:
        return Speaker(strip_titles(trim_possessive(part)), "name", True)
    return None


def _sentence_subject(before: str) -> Speaker | None:
    """The subject at the start of the sentence (for "..., claiming it ...")."""
    start = max(before.rfind(". "), before.rfind("\n\n"))
    head = before[start + 1 :].lstrip(" \t\"“”'‘’,.")
    subject: list[str] = []
    for word in head.split()[:8]:
        if is_speech_verb(word.strip(",:;").lower()):
            break  # past the subject
        if re.fullmatch(r"(he|she|they|it|we|I)", word, re.IGNORECASE):
            return Speaker(word if word == "I" else word.lower(), "pronoun", True)
        subject.append(word)
    name = best_name(" ".join(subject), prefer_first=True)
    if name:
        return Speaker(name, "name", True)
    m = re.match(r"(?:the|a|an)\s+(?:[a-z][\w\-’']*\s+){0,2}?[a-z][\w\-]*", head, re.IGNORECASE)
    return _noun(m.group(0)) if m else None


def _noun(phrase: str) -> Speaker:
    vague = load_phrases("qt_vague_speakers")
    words = phrase.split()
    for k in range(len(words)):
        rest = " ".join(words[k:])
        m = vague.pattern.fullmatch(rest)
        if m:
            return Speaker(phrase, "vague", True)
    first = phrase.split()[0].lower() if phrase.split() else ""
    kind = "name" if phrase[:1].isupper() and first not in _ARTICLES else "noun"
    if kind == "noun":
        phrase = first + phrase[len(first) :]
    return Speaker(strip_titles(phrase) if kind == "name" else phrase, kind, True)


def _last_clause(before: str) -> str:
    cuts = list(_CLAUSE_CUT.finditer(before))
    return before[cuts[-1].end() :] if cuts else before


def _drop_appositive(clause: str) -> str:
    """``Sam Altman, chief executive of OpenAI,`` -> ``Sam Altman``."""
    stripped = clause.rstrip()
    if stripped.endswith(","):
        inner = stripped[:-1]
        comma = inner.rfind(",")
        if comma > 0:
            return inner[:comma]
        return inner
    return clause


def _last_run(tail: str) -> str | None:
    """The name run that ends ``tail`` (the word right before the verb)."""
    for m in NAME_RUN.finditer(tail):
        if m.end() == len(tail) and is_name(m.group(0)):
            return trim_possessive(m.group(0))
    return None
