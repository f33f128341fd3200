"""Weasel attribution (WW family)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.phrase_screen import sentences_to_scan
from lint.quotes import in_quotation
from lint.rule import Rule
from lint.violation import Severity, Violation
from rules._claim_sources import (
    continues_claim,
    has_named_attribution,
    reference_blocks,
)
from rules._weasel_phrases import Weasel, weasel_anchors, weasel_matches


class WeaselAttribution(Rule):
    """Flags claims pinned on an unnamed crowd: "critics argue", "studies show".

    ## What it does
    Finds claims attributed to a group nobody can check: unnamed people ("critics
    argue", "some say", "many believe", "experts say", "observers note", "the tech
    community has observed"), unnamed evidence ("studies show", "research has shown",
    "data shows", "a recent study found") and impersonal hearsay ("it is widely
    believed", "according to experts"). A group named in the same sentence is fine:
    "critics such as Marc Andreessen argue", "experts at MIT say", "a 2023 Pew study
    found", "research by the Office for National Statistics shows". Text inside
    quotation marks is someone else's wording and is left alone, and so are source
    lists (the blocks under a "Sources" or "References" heading, and reference
    entries such as `Daily Ledger, "Studies Show Rents Rise," May 2, 2024`).

    ## Why is this bad?
    Weasel words give a claim the weight of authority without letting the reader
    check it. Either the source exists, and naming it costs a few words, or it does
    not, and the claim should be owned by the writer or dropped.

    ## Example
    ```text
    Critics argue that the update makes the app slower.
    ```

    ## Use instead
    ```text
    Reviewers at The Verge and Ars Technica found the update made the app slower.
    ```

    ## Options
    - `skip_quotations` (default `true`): ignore weasel phrases inside quotation marks,
      where they belong to the person quoted.

    ## Known problems
    A group named in the previous or next sentence ("Critics argue it is unsafe.
    Among them is Jane Doe.") is not seen. A possessive ("Musk's critics") does not
    name the critics, so it is still flagged.
    """

    code = "WW001"
    name = "weasel-attribution"
    summary = "Claim attributed to an unnamed group"
    severity = Severity.WARNING
    examples_flagged = (
        "Critics argue that the merger will raise prices.",
        "Studies show that remote workers are more productive.",
        "It is widely believed that the tax will be scrapped.",
    )
    examples_clean = (
        "Critics such as Marc Andreessen argue that the rules go too far.",
        "A 2023 Pew study found that most adults use the app.",
        "The critic argued in her review that the film runs long.",
    )

    @dataclass(frozen=True)
    class Options:
        skip_quotations: bool = True

    def check(self, doc: Document) -> Iterator[Violation]:
        skip_quotes = self.options.skip_quotations
        for w in self._weasels(doc):
            if skip_quotes and in_quotation(doc, w.start):
                continue
            phrase = " ".join(w.text.split())
            message = f'"{phrase}": claim attributed to an unnamed group; name the source'
            yield self.violation(w.start, w.end, message)

    def _weasels(self, doc: Document) -> Iterator[Weasel]:
        """Weasel phrases of claim sentences (not headings or source lists) whose
        source is not named in the next sentence either."""
        text, blocks, sentences = doc.text, doc.blocks, doc.sentences
        references = reference_blocks(doc)
        indices = sentences_to_scan(doc, weasel_anchors())
        for i in range(len(sentences)) if indices is None else indices:
            sent = sentences[i]
            if blocks[sent.block].kind == "heading" or sent.block in references:
                continue
            found = weasel_matches(text, sent.start, sent.end)
            if found and not self._named_next(doc, i):
                yield from found

    @staticmethod
    def _named_next(doc: Document, i: int) -> bool:
        """Does the next sentence carry on the claim and name its source
        ("..., new figures show. They were published by the Electoral Commission.")?"""
        if i + 1 >= len(doc.sentences):
            return False
        nxt = doc.sentences[i + 1]
        if doc.blocks[nxt.block].kind == "heading":
            return False
        text = doc.text
        return continues_claim(text, nxt.start, nxt.end) and has_named_attribution(
            text, nxt.start, nxt.end, data_only=True
        )


RULES: tuple[type[Rule], ...] = (WeaselAttribution,)
