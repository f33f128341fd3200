"""Stock filler, puffery and chatbot residue (SLOP).

Three phrase rules over data files in ``rules/data/``: ``slop_stock.txt`` (SLOP001),
``slop_peacock.txt`` (SLOP002) and ``slop_residue.txt`` (SLOP003).  Each list is
compiled into one alternation and the document is scanned once per rule.  Matches
inside quotations are someone else's words and are left alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import ClassVar

from lint.citations import sentence_is_cited
from lint.document import Document
from lint.phrases import PhraseMatch, load_phrases
from lint.rule import Rule
from lint.violation import Severity, Violation

_SHOWN = 60
_QUOTE_MARKS = "\"“”'‘’„"


def scare_quoted(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` wrapped in quote marks of its own ("iconic")?"""
    return (
        start > 0
        and end < len(text)
        and text[start - 1] in _QUOTE_MARKS
        and (text[end] in _QUOTE_MARKS)
    )


def shown(doc: Document, m: PhraseMatch) -> str:
    """The matched text on one line, shortened for a message."""
    text = " ".join(doc.text[m.start : m.end].split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class _PhraseRule(Rule):
    """Shared scan: every match of ``phrase_list`` outside quotations."""

    phrase_list: ClassVar[str]

    def matches(self, doc: Document) -> Iterator[PhraseMatch]:
        starts = [q.start for q in doc.quotations]
        quotes = doc.quotations
        for m in load_phrases(self.phrase_list).finditer(doc.text):
            i = bisect_right(starts, m.start) - 1
            if i >= 0 and m.end <= quotes[i].end or scare_quoted(doc.text, m.start, m.end):
                continue
            yield m


class StockPhrase(_PhraseRule):
    """Stock phrase that adds nothing.

    ## What it does
    Flags stock phrases that pad copy without adding information: scene-setting
    openers ("in the rapidly evolving world of"), empty verbs ("delve into",
    "navigate the complex landscape"), stock verdicts ("a testament to", "plays a
    vital role in", "it's important to note that"), and hype openers or sign-offs
    ("grab your popcorn", "in conclusion", "only time will tell").

    ## Why is this bad?
    These phrases are the fingerprints of padded and machine-written copy. Readers
    skim past them, and editors read them as a sign nobody revised the text.

    ## Example
    ```text
    This deal is a testament to the company's ambition.
    ```

    ## Use instead
    ```text
    The deal doubles the company's share of the market.
    ```

    ## Options
    None. The phrase list is `rules/data/slop_stock.txt`; each entry may carry a
    suggestion, shown in the message.

    ## Known problems
    Phrases inside quotation marks are skipped (they are someone else's words). A
    phrase used literally ("the annals of the society", a real "new era") may be
    flagged; silence it with a suppression comment.
    """

    code = "SLOP001"
    name = "stock-phrase"
    summary = "Stock phrase that adds nothing (filler typical of padded or machine-written copy)"
    severity = Severity.WARNING
    phrase_list = "slop_stock"
    examples_flagged = (
        "Grab your popcorn, readers, because the fight is on.",
        "The new bridge is a testament to the engineers' patience.",
        "In this piece we delve into the history of the canal.",
    )
    examples_clean = (
        "The council voted to close the bridge in March.",
        'She called the result "a testament to hard work".',
        "The testament was read aloud to the family.",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in self.matches(doc):
            hint = f"; {m.suggestion}" if m.suggestion else ""
            yield self.violation(m.start, m.end, f'stock phrase "{shown(doc, m)}"{hint}')


class PeacockTerm(_PhraseRule):
    """Peacock term without support.

    ## What it does
    Flags praise words such as "world-class", "revolutionary", "legendary",
    "iconic" and "cutting-edge" in sentences that carry no citation or link.

    ## Why is this bad?
    Peacock terms assert importance instead of showing it. A reader cannot check
    "world-class"; they can check a ranking, a figure or a named comparison.

    ## Example
    ```text
    The museum houses a world-class collection of maps.
    ```

    ## Use instead
    ```text
    The museum holds 40,000 maps, the largest collection in the country.
    ```

    ## Options
    None. The list is `rules/data/slop_peacock.txt`. The rule's severity is
    `info`; raise it or turn the rule off in config to taste.

    ## Known problems
    Quoted praise and sentences with a citation marker or link are skipped. Some
    terms have literal senses ("the Revolutionary War" is excluded; "iconic" in a
    discussion of icons is not).
    """

    code = "SLOP002"
    name = "peacock-term"
    summary = "Peacock term (world-class, legendary, iconic...) asserted without support"
    severity = Severity.INFO
    phrase_list = "slop_peacock"
    examples_flagged = (
        "The hotel offers a world-class spa and a legendary bar.",
        "Their cutting-edge app changes how people shop.",
    )
    examples_clean = (
        "The hotel has a spa and a bar that opened in 1921.",
        "Historians of the Revolutionary War disagree about the date.",
        'Critics called the album "iconic" at the time.',
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in self.matches(doc):
            index = doc.sentence_index_at(m.start)
            if index >= 0 and sentence_is_cited(doc, index):
                continue
            hint = f"; {m.suggestion}" if m.suggestion else ""
            yield self.violation(
                m.start, m.end, f'peacock term "{shown(doc, m)}" without support{hint}'
            )


class ChatbotResidue(_PhraseRule):
    """Chatbot residue published as article text.

    ## What it does
    Flags text that an AI assistant wrote to the person prompting it, not to the
    reader: preambles ("Certainly! Here's a detailed article..."), refusals ("I'm
    sorry, but I can't help with that"), self-descriptions ("as an AI language
    model"), sign-offs ("I hope this helps"), knowledge-cutoff disclaimers,
    unfilled placeholders ("[Your Name]", "[insert statistic]"), leaked model or
    API markers ("<|endoftext|>", "[truncated]") and citation tokens that chat
    tools insert ("【4:0†source】", "citeturn0search1", "utm_source=chatgpt.com").

    ## Why is this bad?
    It proves that machine output was published without being read. It is the
    most precise signal of unedited generated text, and embarrassing when a reader
    spots it.

    ## Example
    ```text
    Certainly! Here's an article about the festival.
    For tickets, contact [Your Name] at the box office.
    ```

    ## Use instead
    ```text
    The festival opens on Friday. For tickets, call the box office.
    ```

    ## Options
    None. The list is `rules/data/slop_residue.txt`; each entry names the kind of
    residue shown in the message. Severity is `error`.

    ## Known problems
    An article *about* chatbots may mention these phrases; when it quotes them in
    quotation marks they are skipped, otherwise silence the line with a suppression
    comment.
    """

    code = "SLOP003"
    name = "chatbot-residue"
    summary = "Chatbot residue: assistant preamble, refusal, disclaimer, placeholder or token"
    severity = Severity.ERROR
    phrase_list = "slop_residue"
    examples_flagged = (
        "Certainly! Here's a short article about the harbour.",
        "As an AI language model, I cannot visit the harbour.",
        "The harbour reopened in [insert year] after repairs.",
        "Contact [Your Name] for details.",
        "Boats returned to the harbour.【3:1†source】",
    )
    examples_clean = (
        "The harbour reopened in 2019 after repairs.",
        'The chatbot answered: "As an AI language model, I cannot do that."',
        "Here is the timetable for the ferries [1].",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in self.matches(doc):
            kind = m.suggestion or "chatbot residue"
            yield self.violation(m.start, m.end, f'chatbot residue ({kind}): "{shown(doc, m)}"')


RULES: tuple[type[Rule], ...] = (StockPhrase, PeacockTerm, ChatbotResidue)
