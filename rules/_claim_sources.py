"""Is a claim tied to a named source?  For NUM001 (statistics) and WW001 (weasel words).

* ``has_named_attribution``: "according to the IMF", "the company said",
  "Gartner estimated", "figures from the ONS", "(Source: ONS)".  The reporting
  verbs are the shared ``rules/data/reporting_verbs.txt`` (also used to find the
  speakers of quotations); verbs that only name a source after a name or a data
  noun ("Gallup found", "figures show") are ``num_reporting_verbs_named.txt``.
* ``continues_claim``: a sentence that carries on the previous claim ("That figure ...").
* ``reference_blocks``: source lists, whose titles are not claims.

Every pattern is compiled once and run once over the text it is given: linear time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.citations import is_notes_heading
from lint.document import Document
from lint.phrase_regex import alternation as _alt
from lint.reporting_verbs import REPORTING_VERBS
from rules._weasel_phrases import Weasel, weasel_matches

_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|it's|that's)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_BY_NAME = re.compile(r"\s+by\s+(?:the\s+)?(?:[A-Z]|\d)")
_SUBJECT_OK = re.compile(
    r"(?:\b(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|My|Your|In|On|At)\b)"
    r"[A-Z][\w&'’.-]*|\b(?:it|they|he|she|we|I)|\b(?:figures|data|statistics|numbers"
    r"|study|survey|report|research|poll|analysis|results|records|filings|accounts|census"
    r"|company|firm|government|ministry|department|agency|bank|group|organisation"
    r"|organization|office|authority|council|regulator))\s+"
    r"(?:(?:has|have|had|will|would|also|just|now|\w+ly)\s+){0,2}$"
)


@lru_cache(maxsize=1)
def _named_re() -> re.Pattern[str]:
    verbs = _alt(REPORTING_VERBS)
    cond = _alt("num_reporting_verbs_named")
    source_tag = r"\(?\b(?:[Ss]ources?|[Dd]ata|[Ff]igures)\s*:\s*\S"
    origin = (
        r"\b(?i:data|figures|statistics|numbers|estimates?|survey|study|report|research|poll"
        r"|analysis|census|filings?|records|results)\s+(?i:from|by|published\s+by|released\s+by"
        r"|compiled\s+by|of|at|in)\s+(?:the\s+)?(?:[A-Z]|\d{4})"
    )
    possessive = (
        r"\b[A-Z][\w&.-]*['’]s\s+(?:[\w-]+\s+)?(?i:data|figures|statistics|numbers|estimates?"
        r"|survey|study|report|research|poll|analysis|filings?|accounts|records|results|count)"
    )
    dated = (
        r"\b(?i:a|an|the)\s+(?:\d{4}\s+)?[A-Z][\w&.-]*\s+"
        r"(?i:study|survey|report|poll|analysis|census)"
    )
    per = r"(?<![\w-])(?:per|via)\s+(?:the\s+)?[A-Z][\w&.-]+"
    by_name = rf"\b(?i:{_alt('num_passive_sources')})\s+by\s+(?:the\s+)?(?:[A-Z]|\d{{4}})"
    return re.compile(
        rf"(?P<verb>(?<![\w-])(?i:{verbs})(?![\w-]))|(?P<cond>(?<![\w-])(?i:{cond})(?![\w-]))"
        rf"|(?P<data>{source_tag}|{origin}|{possessive}|{dated}|{per}|{by_name})"
    )


_NOT_A_SOURCE = re.compile(
    r"\s+(?:the\s+)?(?:plan|schedule|expectations?|forecasts?|projections?|predictions?"
    r"|rumou?rs?|plans|rules|law|legend|tradition)\b",
    re.IGNORECASE,
)


def has_named_attribution(
    text: str,
    start: int,
    end: int,
    weasels: list[Weasel] | None = None,
    *,
    data_only: bool = False,
) -> bool:
    """Does ``text[start:end]`` tie its claims to a named source?

    With ``data_only``, only a named source of data counts ("figures from the ONS",
    "Gartner's survey", "published by Eurostat"), not a speaker ("she said").
    """
    if weasels is None:
        weasels = weasel_matches(text, start, end)
    for m in _named_re().finditer(text, start, end):
        if any(w.start <= m.start() < w.end for w in weasels):
            continue
        if data_only and m.group("data") is None:
            continue
        if _NOT_A_SOURCE.match(text, m.end(), end) and m.group(0).lower().startswith("according"):
            continue  # "according to plan"
        if m.group("verb") is not None or m.group("cond") is not None:
            before = text[max(start, m.start() - 30) : m.start()]
            if _PASSIVE.search(before):
                if _BY_NAME.match(text, m.end(), end):
                    return True
                continue
            if m.group("cond") is not None and not _SUBJECT_OK.search(before):
                continue
        return True
    return False


@lru_cache(maxsize=1)
def _continuation_re() -> re.Pattern[str]:
    return re.compile(rf"[\"“(\[]?(?:{_alt('num_continuation_starts')})\b", re.IGNORECASE)


def continues_claim(text: str, start: int, end: int) -> bool:
    """Does the sentence at ``text[start:end]`` open by carrying on the previous claim
    ("That figure...", "The study...", "It...")?"""
    return _continuation_re().match(text, start, end) is not None


_REFERENCE_ENTRY = re.compile(
    r"\W{0,3}[^\n,]{2,80},\s*[\"“'‘][^\n]{3,240}?[\"”'’],?\s+"
    r"(?:(?:accessed|published|retrieved|updated)\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+|[A-Z][a-z]{2,8}\.?\s+)?"
    r"(?:1[89]|20)\d\d\.?\s*$"
)


def reference_blocks(doc: Document) -> set[int]:
    """Blocks that list sources rather than make claims: the blocks under a
    "Sources" / "References" / "Notes" heading, and lines shaped like a reference
    entry (``Outlet, "Title," Aug. 7, 2019``)."""
    text = doc.text
    out: set[int] = set()
    in_section = False
    for i, block in enumerate(doc.blocks):
        if block.kind == "heading":
            in_section = is_notes_heading(text[block.start : block.end])
            continue
        if in_section or _REFERENCE_ENTRY.match(text, block.start, block.end):
            out.add(i)
    return out
