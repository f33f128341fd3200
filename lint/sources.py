"""Sources a reader can follow: outlets, documents, events, laws and dates.

One place answers "is a source named here?" for the rules that ask it: QT (where a
quotation comes from) and REF (whether a note names an outlet or document).

* An **outlet** is a news organisation from ``rules/data/qt_outlets.txt``, matched
  case-sensitively ("Wired" the magazine, not "wired"), or one introduced by a
  phrase such as "told the ...", "in an interview with ...", "published by ...".
* A **document, event or venue** comes from ``rules/data/qt_source_documents.txt``
  after a preposition ("in a statement", "according to the court filing").
* A **date** places a statement in time ("on Monday", "in March 2024").
* A platform or vague medium alone ("(her X post)", "on Twitter") is not a source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.dates import MONTH, WEEKDAY
from lint.links import has_link_or_marker
from lint.phrase_regex import alternation
from lint.phrases import load_phrases

_PLATFORMS = (
    "X|Twitter|Facebook|Instagram|LinkedIn|TikTok|YouTube|Threads|Reddit|Weibo|"
    "Truth Social|Bluesky|Mastodon|Telegram|WeChat|Substack|Medium|Discord"
)
#: A date or time reference that places a statement ("on Monday", "in 2019").
DATE_RE = re.compile(
    rf"\b{WEEKDAY}\b|\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{MONTH}|\b{MONTH},?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|"
    r"\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|"
    r"\b(?:[Ii]n|[Oo]n|[Dd]uring|[Aa]t)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:19|20)\d\d\b|"
    r"\b(?:[Yy]esterday|last (?:week|month|night|year)|this (?:week|month|morning|afternoon)|"
    r"earlier this (?:week|month|year))\b"
)
#: An outlet or venue introduced by a phrase ("told the Guardian", "speaking at the UN").
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
#: A law or formal document ("Section 230", "the Clean Air Act of 1970").
LEGAL_REFERENCE = re.compile(
    r"\b(?:Section|Article|Clause|Rule|Paragraph|Chapter|Title|Amendment)\s+\d+[\w.()]*|"
    r"\b(?:[A-Z][\w’'-]*\s+){1,6}(?:Act|Law|Constitution|Charter|Convention|Treaty|Code|Bill|"
    r"Regulation|Directive|Amendment)\b(?:\s+of\s+\d{4})?"
)


@lru_cache(maxsize=1)
def outlet_re() -> re.Pattern[str]:
    """Outlet names, matched case-sensitively ("Wired" the magazine, not "wired")."""
    return re.compile(rf"(?<![\w-])(?:{alternation('qt_outlets')})(?![\w-])")


@lru_cache(maxsize=1)
def _document_re() -> re.Pattern[str]:
    """A document, event or venue after a preposition ("in a statement")."""
    nouns = alternation("qt_source_documents")
    lead = r"(?:in|at|during|according\s+to|from|via|told|before|speaking\s+(?:at|to)|on)"
    det = r"(?:(?:a|an|the|his|her|its|their|this|last|[A-Z][\w’']*['’]s)\s+)?"
    return re.compile(rf"\b{lead}\s+{det}(?:[\w\-’']+\s+){{0,3}}?(?:{nouns})s?\b", re.IGNORECASE)


def find_source(segment: str, *, dates: bool = True) -> str | None:
    """What in ``segment`` lets a reader find a statement (None if nothing).

    ``dates=False`` for text around the statement's own sentence: a date there may
    belong to another event."""
    if has_link_or_marker(segment):
        return "link or note"
    patterns = (outlet_re(), OUTLET_PATTERNS, _document_re())
    for pattern in (*patterns, DATE_RE) if dates else patterns:
        m = pattern.search(segment)
        if m:
            return m.group(0)
    return None


def names_outlet_or_document(text: str) -> bool:
    """Does ``text`` name an outlet or a kind of document ("Council minutes")?"""
    return bool(load_phrases("qt_source_documents").search(text) or outlet_re().search(text))


def document_named(phrase: str) -> str | None:
    """The document a noun speaker is ("the statement", "the court filing"), if any."""
    nouns = load_phrases("qt_source_documents")
    words = phrase.split()
    for k in range(1, len(words)):
        rest = " ".join(words[k:])
        if nouns.pattern.fullmatch(rest) or nouns.pattern.fullmatch(rest.rstrip("s")):
            return phrase
    return None


def document_quoted(segment: str) -> str | None:
    """A law or formal document a quote comes from ("Section 230 states:",
    "the Clean Air Act says"): it is both the speaker and the source."""
    m = LEGAL_REFERENCE.search(segment)
    return m.group(0) if m else None
