"""Is a claim tied to a named source?  For NUM001 (statistics) and WW001 (weasel words).

* ``has_named_attribution``: "according to the IMF", "the company said",
  "Gartner estimated", "figures from the ONS", "(Source: ONS)".  The reporting
  verbs are the shared ``rules/data/reporting_verbs.txt`` (also used to find the
  speakers of quotations); verbs that only name a source after a name or a data
  noun ("Gallup found", "figures show") are ``reporting_verbs_after_subject.txt``
  (both matched by ``lint.sources.names_claim_source``).
* ``continues_claim``: a sentence that carries on the previous claim ("That figure ...").
* ``reference_blocks``: source lists, whose titles are not claims.

Every pattern is compiled once and run once over the text it is given: linear time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint import regex_cache
from lint.citations import is_notes_heading
from lint.document import Block, Document
from lint.phrase_regex import alternation
from lint.sources import names_claim_source, source_word_offsets
from lint.token_gate import MIN_GATED_LENGTH
from rules._weasel_phrases import weasel_matches


def has_named_attribution(
    text: str,
    start: int,
    end: int,
    *,
    data_only: bool = False,
) -> bool:
    """Does ``text[start:end]`` tie its claims to a named source?  Unnamed crowds
    ("studies show") found by ``weasel_matches`` are not sources (see
    ``lint.sources.names_claim_source``); they are looked for only when a
    candidate source is found."""

    def unnamed_crowds() -> list[tuple[int, int]]:
        return [(w.start, w.end) for w in weasel_matches(text, start, end)]

    return names_claim_source(text, start, end, ignore=unnamed_crowds, data_only=data_only)


def sentences_may_name_source(doc: Document) -> frozenset[int] | None:
    """Indices of the sentences of ``doc`` holding a source word (None: a text
    too short to be indexed), found at once for a document whose sentences are
    asked about one by one: ``has_named_attribution`` is false on every other
    sentence whose end does not cut a word (``lint.token_gate.cuts_word``).

    ``lint.sources.names_claim_source`` answers False at once where no source
    word (``source_word_offsets``) starts in the range, the text is long enough
    to be indexed, and the range's end does not cut a word; the sentences
    holding such an offset are found by ``Document.sentences_holding`` (a document's
    sentences do not overlap: an offset lies at most in the last sentence
    starting at or before it)."""
    if len(doc.text) < MIN_GATED_LENGTH:
        return None
    return frozenset(doc.sentences_holding(source_word_offsets(doc.text)))


@lru_cache(maxsize=1)
def _continuation_re() -> re.Pattern[str]:
    return regex_cache.compile(
        rf"[\"“(\[]?(?:{alternation('num_continuation_starts')})\b", re.IGNORECASE
    )


def continues_claim(text: str, start: int, end: int) -> bool:
    """Does the sentence at ``text[start:end]`` open by carrying on the previous claim
    ("That figure...", "The study...", "It...")?"""
    return _continuation_re().match(text, start, end) is not None


_REFERENCE_ENTRY = regex_cache.compile(
    r"\W{0,3}[^\n,]{2,80},\s*[\"“'‘][^\n]{3,240}?[\"”'’],?\s+"
    r"(?:(?:accessed|published|retrieved|updated)\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+|[A-Z][a-z]{2,8}\.?\s+)?"
    r"(?:1[89]|20)\d\d\.?\s*$"
)


def reference_blocks(doc: Document) -> frozenset[int]:
    """Blocks that list sources rather than make claims: the blocks under a
    "Sources" / "References" / "Notes" heading, and lines shaped like a reference
    entry (``Outlet, "Title," Aug. 7, 2019``).  Worked out once per document
    (NUM and WW both ask)."""
    return doc.derived(_reference_block_set)


def _reference_block_set(doc: Document) -> frozenset[int]:
    return frozenset(_find_reference_blocks(doc))


def _find_reference_blocks(doc: Document) -> set[int]:
    """Blocks under a notes heading, and blocks shaped like a reference entry.

    A heading's title is read only when a block after it asks whether it is
    in a notes section (web pages run many headings together), and
    ``_REFERENCE_ENTRY`` is tried only on a block that ends in a year
    (``_ends_in_year``)."""
    text = doc.text
    out: set[int] = set()
    heading: Block | None = None  # the last heading
    in_section: bool | None = False  # whether it opens a notes section (None: not read)
    for i, block in enumerate(doc.blocks):
        if block.kind == "heading":
            heading, in_section = block, None
            continue
        if in_section is None:
            assert heading is not None
            in_section = is_notes_heading(text[heading.start : heading.end])
        if in_section or (
            _ends_in_year(text, block.start, block.end)
            and _REFERENCE_ENTRY.match(text, block.start, block.end)
        ):
            out.add(i)
    return out


def _ends_in_year(text: str, start: int, end: int) -> bool:
    """False only where ``_REFERENCE_ENTRY`` cannot match ``text[start:end]``:
    it ends with a year, then perhaps a full stop, then white space only, so
    the block's last character but those is a digit.  Read backwards from
    ``end`` (what ``text[start:end].rstrip()`` would strip, then one full
    stop), without copying the block."""
    j = end
    while j > start and text[j - 1].isspace():
        j -= 1
    if j > start and text[j - 1] == ".":
        j -= 1
    return j > start and text[j - 1].isdecimal()
