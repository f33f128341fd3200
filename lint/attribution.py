"""Who said a quotation, and where: speaker and source detection for the QT rules.

Everything here reads the text *around* a quotation, never inside it (names in
the quoted words are not the speaker).  ``masked_text`` blanks the inside of every
quotation once per document, so each look-up is a slice of bounded size and a
document is handled in linear time.

A *speaker* is found from a reporting verb ("said", "told", "according to", see
``rules/data/qt_reporting_verbs.txt``) with a subject next to it: a name
("Sam Altman said", "said Sam Altman"), a pronoun ("she said"), or a noun
phrase ("the minister said").  An introducing clause that ends with a colon names
a speaker even without a verb ("Jane Doe's view was blunt:").

A *source* is something a reader can follow: a link or footnote marker, a named
outlet ("told Reuters", "in an interview with The Verge"), a document, event or
venue ("in a statement", "according to the court filing", "at the summit"), or a
date ("on Monday", "in March 2024", "in a 2019 blog post").  A platform or
vague medium alone ("(her X post)", "on Twitter") is not a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from lint.citations import has_link_or_marker
from lint.phrases import load_phrases

if TYPE_CHECKING:
    from lint.document import Document

_CAP_TOKEN = r"(?:[A-Z][\w.\-]*(?:['’][A-Z][\w\-]*)?)"
_CONNECT = r"(?:de|van|von|der|den|da|di|du|la|le|bin|ibn|al)"
NAME_RUN = re.compile(rf"{_CAP_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_CAP_TOKEN})*(?:['’]s?(?!\w))?")
_PERSON_TOKEN = re.compile(r"^(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[A-Z]\.|[A-Z][a-z]*[’']?[A-Z][a-z]+)$")
_PRONOUN = re.compile(r"\b(he|she|they|it|we|I)\s*$", re.IGNORECASE)
_PRONOUN_AFTER = re.compile(r"^\s*,?\s*(he|she|they|it|we|I)\b")
_LOWER_WORDS = re.compile(r"(?<![\w’'-])((?:[a-z0-9][\w\-’']*\s+){0,2}[a-z][\w\-’']*)\s*,?\s*$")
_CONJUNCTION_END = re.compile(
    r"\b(?:and|but|or|then|before|after|while|when|as|yet|to)\s*$", re.IGNORECASE
)
_DETERMINER_END = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|these|those|such|whose|my|your)\s*$", re.IGNORECASE
)
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;)] )([A-Z][\w\-]*)")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]")
_PASSIVE_END = re.compile(r"\b(?:been|be|being|was|were|is|are)\s*$", re.IGNORECASE)
_SUBJECT_FOLLOW = re.compile(r"\s+(?!(?:of|in|on|at|for|and|from|with|to|by|as)\b)[a-z]")
_SKIP_BEFORE_VERB = frozenset(
    "also then later previously once has had have was is were are would will "
    "always never often still just even sometimes usually "
    "had who which again further has_also reportedly recently publicly immediately "
    "swiftly quickly repeatedly himself herself later".split()
)
_ABBREVIATION_DOT = "".join(
    f"(?<!{a})" for a in "Dr Mr Ms Mrs Prof St Jr Sr Gen Gov Sen Rep Rev Inc Co Ltd Corp".split()
)
_CLAUSE_CUT = re.compile(rf"""[:;"“”()\[\]—]|\n\s*\n|{_ABBREVIATION_DOT}(?<![A-Z])\.\s""")
_PARENTHESIS = re.compile(r"\([^()\n]{0,60}\)")
_PLAIN_WORD = re.compile(r"(?<![\w’'-])[A-Za-z]+(?![\w-])")
_ARTICLES = frozenset("the a an one another its their his her".split())
_PREPOSITION_END = re.compile(r"\s(?:of|at|on|from|in|for|with)\s*$")
_PLATFORMS = (
    "X|Twitter|Facebook|Instagram|LinkedIn|TikTok|YouTube|Threads|Reddit|Weibo|"
    "Truth Social|Bluesky|Mastodon|Telegram|WeChat|Substack|Medium|Discord"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DATE_RE = re.compile(
    rf"\b{_WEEKDAY}\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{_MONTH}|\b{_MONTH},?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|"
    r"\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|"
    r"\b(?:[Ii]n|[Oo]n|[Dd]uring|[Aa]t)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:19|20)\d\d\b|"
    r"\b(?:[Yy]esterday|last (?:week|month|night|year)|this (?:week|month|morning|afternoon)|"
    r"earlier this (?:week|month|year))\b"
)
OUTLET_PATTERNS = re.compile(
    r"\btold\s+the\s+[A-Z]|"
    r"\b(?:interview|interviews|speaking|talking|spoke|told)\s+(?:with|to)\s+(?:the\s+)?[A-Z]|"
    r"\bpublished\s+by\s+(?:the\s+)?\w|"
    r"\b(?:reported|quoted|cited|broadcast|aired)\s+by\s+(?:the\s+)?[A-Z\d]|"
    r"\b(?:told|said|says|speaking|spoke|addressing)\b[^.,\n]{0,40}?\bat\s+(?:the\s+)?[A-Z]|"
    r"\bwho\s+(?:was|were)\s+(?:speaking\s+)?at\s+(?:the\s+)?[A-Z]|"
    rf"\b(?:writing|wrote|published|said|speaking|appearing|quoted|told)\s+(?:in|on|to)\s+"
    rf"(?:the\s+)?(?!(?:{_PLATFORMS})\b)[A-Z][\w’']+"
)


_VAGUE_DETERMINER = re.compile(
    r"\b(?:some|many|most|several|numerous|various|certain|countless|a few|a number of)"
    r"\s+[a-z][\w\-]*\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Speaker:
    """Who a quotation is attributed to; ``kind`` is name, pronoun, noun or vague."""

    text: str
    kind: str
    verb: bool  # found next to a reporting verb (not only by a colon or possessive)


#: A passive with no agent ("has been called ..."): the text says nobody spoke.
NOBODY = Speaker("", "nobody", False)


def pronoun_subject(segment: str) -> Speaker | None:
    """A sentence opening with a personal pronoun ("She went on to ...")."""
    m = re.match(r"[\s\"“”,]*(He|She|They)\b", segment)
    return Speaker(m.group(1).lower(), "pronoun", False) if m else None


def masked_text(doc: Document) -> str:
    """``doc.text`` with the inside of every quotation blanked (cached per document)."""
    cached = doc.__dict__.get("_qt_masked")
    if cached is not None:
        return cached
    text = doc.text
    parts: list[str] = []
    pos = 0
    for q in doc.quotations:
        if q.inner_start < pos:
            continue
        parts.append(text[pos : q.inner_start])
        parts.append(re.sub(r"[^\n]", " ", text[q.inner_start : q.inner_end]))
        pos = q.inner_end
    parts.append(text[pos:])
    masked = "".join(parts)
    doc.__dict__["_qt_masked"] = masked
    return masked


def proper_nouns(doc: Document) -> frozenset[str]:
    """Words written with a capital inside a sentence somewhere in ``doc`` (cached):
    a capital at a sentence start alone does not make a word a name."""
    cached = doc.__dict__.get("_qt_proper")
    if cached is not None:
        return cached
    found = set()
    text = doc.text
    for m in _MID_SENTENCE_CAPITAL.finditer(text):
        found.add(m.group(1))
    cached = frozenset(found)
    doc.__dict__["_qt_proper"] = cached
    return cached


# -- speakers -----------------------------------------------------------------
class VerbMatch(NamedTuple):
    start: int
    end: int
    phrase: str


@lru_cache(maxsize=1)
def _verb_table() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """Reporting verbs: one-word entries, and longer ones keyed by their first word."""
    single: set[str] = set()
    longer: dict[str, list[str]] = {}
    for entry in load_phrases("qt_reporting_verbs").entries:
        words = entry.lower().split()
        if len(words) == 1:
            single.add(words[0])
        else:
            longer.setdefault(words[0], []).append(" ".join(words))
    return frozenset(single), {k: tuple(v) for k, v in longer.items()}


def reporting_verbs(segment: str, end: int | None = None) -> list[VerbMatch]:
    """Reporting verbs in ``segment[:end]`` (a word-by-word set look-up: fast)."""
    single, longer = _verb_table()
    out = []
    for m in _PLAIN_WORD.finditer(segment, 0, len(segment) if end is None else end):
        word = m.group(0).lower()
        for phrase in longer.get(word, ()):
            stop = m.start() + len(phrase)
            if re.fullmatch(r"\s+".join(phrase.split()), segment[m.start() : stop].lower()):
                out.append(VerbMatch(m.start(), stop, phrase))
                break
        else:
            if word in single:
                out.append(VerbMatch(m.start(), m.end(), word))
    return out


def speaker_before(segment: str) -> Speaker | None:
    """The speaker in text that precedes a quotation ("Jane Doe said: ")."""
    verbs = [
        m
        for m in reporting_verbs(segment)
        if not _DETERMINER_END.search(segment, max(0, m.start - 8), m.start)
    ]
    if verbs:
        m = verbs[-1]
        return _subject(segment, m.start, m.end, m.phrase)
    if segment.rstrip().endswith(":"):
        return intro_speaker(segment)
    return None


def speaker_after(segment: str) -> Speaker | None:
    """The speaker in text that follows a quotation (", said Jane Doe.")."""
    window = min(len(segment), 200)
    for m in reporting_verbs(segment, window):
        if m.start > 150 or _SENTENCE_BREAK.search(segment, 0, m.start):
            break
        if not _DETERMINER_END.search(segment, max(0, m.start - 8), m.start):
            return _subject(segment, m.start, m.end, m.phrase)
    return None


def named_in(segment: str) -> Speaker | None:
    """A name anywhere in ``segment`` (no reporting verb): "Jo Bloggs's view that ..."."""
    name = best_name(segment, prefer_first=True)
    return Speaker(name, "name", False) if name else None


def sentence_subject(sentence: str) -> str | None:
    """The name a sentence starts with, when it is the subject ("Collins ran ...")."""
    head = sentence.lstrip(" \t\n\"“”'‘’,.")
    m = NAME_RUN.match(head)
    participle = m is not None and " " not in m.group(0) and m.group(0).endswith("ing")
    if m and not participle and _is_name(m.group(0)) and _SUBJECT_FOLLOW.match(head, m.end()):
        return strip_titles(_trim_possessive(m.group(0)))
    return None


def intro_speaker(segment: str) -> Speaker | None:
    """A name, pronoun or possessive in an introducing clause ending in a colon."""
    clause = segment.rstrip().rstrip(":")
    name = best_name(clause, prefer_first=True)
    if name:
        return Speaker(name, "name", False)
    m = re.match(r"\s*(he|she|they|it|we|I)\b", clause, re.IGNORECASE)
    if m:
        return Speaker(m.group(1), "pronoun", False)
    return None


def _subject(segment: str, vstart: int, vend: int, verb: str) -> Speaker | None:
    after = segment[vend : vend + 100]
    before = segment[max(0, vstart - 120) : vstart]
    lead = re.sub(r"[\s,\"“”'‘’.!?…]", "", before)
    if verb in ("according to", "in the words of") or not lead:
        return _subject_after(after)
    if verb.endswith("ing") and verb not in ("writing", "speaking"):
        return _sentence_subject(before) or _subject_before(before)
    if _CONJUNCTION_END.search(before):
        return _sentence_subject(before)
    if _PASSIVE_END.search(before):
        m = re.search(r"\bby\s+(.{1,60})", after)
        return _subject_after(m.group(1)) if m else NOBODY
    return _subject_before(before) or _subject_after(after)


def _subject_after(after: str) -> Speaker | None:
    m = _PRONOUN_AFTER.match(after)
    if m:
        return Speaker(m.group(1), "pronoun", True)
    clause = _CLAUSE_CUT.split(after, maxsplit=1)[0]
    clause = re.split(r",|\b(?:in|on|at|who|of|from)\b", clause, maxsplit=1)[0]
    name = best_name(clause, prefer_first=False)
    if name:
        return Speaker(name, "name", True)
    m = re.match(r"\s*((?:the|a|an|one|another)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)", clause)
    if m:
        return _noun(m.group(1))
    return None


def _subject_before(before: str) -> Speaker | None:
    before = _PARENTHESIS.sub(lambda m: " " * len(m.group(0)), before)  # "(CSA)"
    clause = _last_clause(before)
    appositive = _appositive_name(clause)
    if appositive is not None:
        return appositive
    clause = _drop_appositive(clause)
    words = clause.split()
    while words and (
        words[-1].lower() in _SKIP_BEFORE_VERB or (words[-1].islower() and words[-1].endswith("ly"))
    ):
        words.pop()
    tail = " ".join(words)
    m = _PRONOUN.search(tail)
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
    m = _LOWER_WORDS.search(tail)
    if m and not re.search(r"\b(?:that|and|or|but|as|than|if|what|which)$", m.group(1)):
        vague = _VAGUE_DETERMINER.search(tail)
        if vague:
            return Speaker(vague.group(0), "vague", True)
        det = re.search(r"\b(The|A|An|One|Another|Its|Their|His|Her)\s+$", tail[: m.start(1)])
        phrase = f"{det.group(1).lower()} {m.group(1)}" if det else m.group(1)
        return _noun(phrase) if _noun_phrase(phrase) else None
    return None


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
    if m and sum(1 for t in strip_titles(part).split() if _PERSON_TOKEN.match(t)) >= 2:
        return Speaker(strip_titles(_trim_possessive(part)), "name", True)
    return None


def _sentence_subject(before: str) -> Speaker | None:
    """The subject at the start of the sentence (for "..., claiming it ...")."""
    start = max(before.rfind(". "), before.rfind("\n\n"))
    head = before[start + 1 :].lstrip(" \t\"“”'‘’,.")
    subject: list[str] = []
    for word in head.split()[:8]:
        if word.strip(",:;").lower() in _verb_table()[0]:
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
        if m.end() == len(tail) and _is_name(m.group(0)):
            return _trim_possessive(m.group(0))
    return None


def best_name(text: str, *, prefer_first: bool) -> str | None:
    """The most person-like name run in ``text`` (multi-word personal names win)."""
    best: tuple[int, int, str] | None = None
    for index, m in enumerate(NAME_RUN.finditer(text)):
        run = _trim_possessive(m.group(0))
        if not _is_name(run):
            continue
        name = strip_titles(run)
        tokens = name.split()
        score = 2 if sum(1 for t in tokens if _PERSON_TOKEN.match(t)) >= 2 else 1
        order = -index if prefer_first else index
        if best is None or (score, order) > best[:2]:
            best = (score, order, name)
    return best[2] if best else None


def _is_name(run: str) -> bool:
    tokens = run.split()
    while tokens and _not_name(tokens[0]):
        tokens.pop(0)
    return bool(tokens)


@lru_cache(maxsize=4096)
def _not_name(token: str) -> bool:
    if len(token) > 1 and token.isupper():
        return False  # an acronym: BBC, AS, NASA
    word = re.sub(r"[’']s?$", "", token.rstrip(".,")).lower()
    not_names = load_phrases("qt_not_names")
    return bool(not_names.pattern.fullmatch(word))


def _trim_possessive(run: str) -> str:
    return re.sub(r"[’']s?$", "", run.rstrip(".,"))


def strip_titles(run: str) -> str:
    """``OpenAI CEO Sam Altman`` -> ``Sam Altman``; leading sentence words dropped."""
    tokens = run.split()
    while tokens and _not_name(tokens[0]):
        tokens.pop(0)
    titles = load_phrases("qt_titles")
    for k in range(len(tokens) - 2, -1, -1):
        if titles.pattern.fullmatch(tokens[k]):
            return " ".join(tokens[k + 1 :])
    return " ".join(tokens)


# -- sources ------------------------------------------------------------------
@lru_cache(maxsize=1)
def _document_re() -> re.Pattern[str]:
    nouns = "|".join(
        r"\s+".join(re.escape(w) for w in e.split())
        for e in sorted(load_phrases("qt_source_documents").entries, key=len, reverse=True)
    )
    lead = r"(?:in|at|during|according\s+to|from|via|told|before|speaking\s+(?:at|to)|on)"
    det = r"(?:(?:a|an|the|his|her|its|their|this|last|[A-Z][\w’']*['’]s)\s+)?"
    return re.compile(rf"\b{lead}\s+{det}(?:[\w\-’']+\s+){{0,3}}?(?:{nouns})s?\b", re.IGNORECASE)


def find_source(segment: str, *, dates: bool = True) -> str | None:
    """What in ``segment`` lets a reader find the quotation (None if nothing).

    ``dates=False`` for text around the quote's own sentence: a date there may
    belong to another event."""
    if has_link_or_marker(segment):
        return "link or note"
    patterns = (_outlet_re(), OUTLET_PATTERNS, _document_re())
    for pattern in (*patterns, DATE_RE) if dates else patterns:
        m = pattern.search(segment)
        if m:
            return m.group(0)
    return None


@lru_cache(maxsize=1)
def _outlet_re() -> re.Pattern[str]:
    """Outlet names, matched case-sensitively ("Wired" the magazine, not "wired")."""
    names = sorted(load_phrases("qt_outlets").entries, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def document_named(phrase: str) -> str | None:
    """The document a noun speaker is ("the statement", "the court filing"), if any."""
    nouns = load_phrases("qt_source_documents")
    words = phrase.split()
    for k in range(1, len(words)):
        rest = " ".join(words[k:])
        if nouns.pattern.fullmatch(rest) or nouns.pattern.fullmatch(rest.rstrip("s")):
            return phrase
    return None


LEGAL_REFERENCE = re.compile(
    r"\b(?:Section|Article|Clause|Rule|Paragraph|Chapter|Title|Amendment)\s+\d+[\w.()]*|"
    r"\b(?:[A-Z][\w’'-]*\s+){1,6}(?:Act|Law|Constitution|Charter|Convention|Treaty|Code|Bill|"
    r"Regulation|Directive|Amendment)\b(?:\s+of\s+\d{4})?"
)


def document_quoted(segment: str) -> str | None:
    """A law or formal document the quote comes from ("Section 230 states:",
    "the Clean Air Act says"): it is both the speaker and the source."""
    m = LEGAL_REFERENCE.search(segment)
    return m.group(0) if m else None
