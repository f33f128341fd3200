"""QT: quotations nobody can trace (no speaker, or a speaker but no source)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.rule import Rule
from lint.violation import Severity, Violation
from rules._quote_attribution import attributed_quotations


class QuoteWithoutSpeaker(Rule):
    """
    ## What it does
    Flags a quotation whose speaker is not named: nobody is named or clearly
    referred to in its sentence, the sentence before, or an introducing line
    ending in a colon.  A quotation attributed only to a vague group ("critics
    say", "experts argue") is flagged too.

    ## Why is this bad?
    A quotation claims that someone said something.  Without a speaker the
    reader cannot weigh the words or check them; content farms use unattributed
    quotes to lend invented statements authority.

    ## Example
    ```text
    The new policy has been described as "a betrayal of everything we stood for."
    ```

    ## Use instead
    ```text
    Union leader Jane Doe described the policy as "a betrayal of everything we
    stood for" in a statement on Monday.
    ```

    ## Options
    None.

    ## Known problems
    Speakers are found from reporting verbs, colons and names around the quote,
    not by parsing: a quote whose speaker is named two sentences earlier is
    flagged.  Scare quotes, titles and nicknames (up to three words used as a
    noun: a "black box") are not quotations and are never flagged.
    """

    code = "QT001"
    name = "quotation-without-speaker"
    summary = "Quotation with no speaker"
    severity = Severity.WARNING
    examples_flagged = (
        'The plan has been called "the worst idea anyone has had in a decade" by some.',
        'Critics argue: "This will ruin the town centre for good."',
    )
    examples_clean = (
        'Mayor Ana Ruiz said the plan was "the best idea in a decade" at a council '
        "meeting on Tuesday.",
        'The device is a "black box" to most of its users.',
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for item in attributed_quotations(doc):
            q, speaker = item.quotation, item.speaker
            if speaker is None:
                yield self.violation(
                    q.start,
                    q.end,
                    "quotation with no speaker (nobody named in its sentence, "
                    "the one before or an introducing line)",
                )
            elif speaker.kind == "vague":
                message = f'quotation attributed only to "{speaker.text}": name who said it'
                yield self.violation(q.start, q.end, message)


class QuoteWithoutSource(Rule):
    """
    ## What it does
    Flags a quotation that has a speaker but no source: nothing that lets a
    reader find where and when it was said.  A source is a link, a footnote
    marker, a named outlet ("told Reuters", "in an interview with The Verge"), a
    document, event or venue ("in a statement", "according to the court
    filing", "at the summit"), or a date ("on Monday", "in a 2019 blog post").

    ## Why is this bad?
    Words put in a famous person's mouth spread fast and are hard to refute when
    nobody can look them up.  A platform or vague medium alone ("(her X post)",
    "his posts") does not let a reader find the original.

    ## Example
    ```text
    Chief executive Jane Doe responded: "We never promised that."
    ```

    ## Use instead
    ```text
    Chief executive Jane Doe responded in a statement on 4 March: "We never
    promised that."
    ```

    ## Options
    - `named-speaker-is-enough` (default `false`): accept a speaker with a
      reporting verb ("Jane Doe said") as sufficient.  Newsrooms quoting their
      own interviews attribute this way; off by default because content farms
      do too.

    ## Known problems
    A source mentioned several sentences away from the quote is not seen, and a
    date in the quote's sentence is taken to date the quote.
    """

    code = "QT002"
    name = "quotation-without-source"
    summary = "Quotation with a speaker but no source"
    severity = Severity.WARNING
    examples_flagged = (
        'Chief executive Jane Doe responded: "We never promised that to anyone."',
        'Coach Sam Park was blunt: "We played badly and we deserved to lose." (his X post)',
    )
    examples_clean = (
        'Jane Doe told Reuters on Monday: "We never promised that to anyone."',
        '"We never promised that to anyone," Jane Doe said in a statement.',
    )

    @dataclass(frozen=True)
    class Options:
        named_speaker_is_enough: bool = False

    def check(self, doc: Document) -> Iterator[Violation]:
        lenient = self.options.named_speaker_is_enough
        for item in attributed_quotations(doc):
            speaker = item.speaker
            if speaker is None or speaker.kind == "vague" or item.source is not None:
                continue
            if speaker.kind == "pronoun" and speaker.text in ("I", "we"):
                continue  # the author's own words
            if lenient and speaker.verb:
                continue
            q = item.quotation
            who = f'"{speaker.text}"' if speaker.kind == "pronoun" else speaker.text
            yield self.violation(
                q.start,
                q.end,
                f"quotation attributed to {who} has no source (link, outlet, document or date)",
            )


RULES: tuple[type[Rule], ...] = (QuoteWithoutSpeaker, QuoteWithoutSource)
