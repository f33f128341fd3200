"""Grammar, spelling, style and punctuation by LanguageTool (LT001-LT004).

Off by default: LanguageTool is a Java server that is not installable from the
package registries.  Enable with ``--select LT`` and pick a backend (the ``backend``
option, set for the whole family with ``[tool.article-lint.rules.LT]``): ``"local"``
(an existing install, see ``lint/languagetool.py``), a server URL such as
``"http://localhost:8081"``, or ``"off"``.  The document is sent once, whatever the
number of LT rules enabled; each rule keeps the matches of its kind.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from lint.document import Document
from lint.rule import Rule
from lint.violation import Fix, Severity, Violation

if TYPE_CHECKING:
    from lint.languagetool import LTMatch

SPELLING_CATEGORIES = frozenset({"TYPOS"})
PUNCTUATION_CATEGORIES = frozenset({"PUNCTUATION", "TYPOGRAPHY"})
STYLE_CATEGORIES = frozenset(
    {
        "STYLE",
        "REDUNDANCY",
        "PLAIN_ENGLISH",
        "WIKIPEDIA",
        "REPETITIONS_STYLE",
        "REPETITIONS",
        "GENDER_NEUTRALITY",
        "TEXT_ANALYSIS",
        "CREATIVE_WRITING",
        "COLLOQUIALISMS",
    }
)
SPELLING_TYPES = frozenset({"misspelling"})
PUNCTUATION_TYPES = frozenset({"typographical", "whitespace"})
STYLE_TYPES = frozenset({"style", "register", "locale-violation"})


def classify(category: str, issue_type: str) -> str:
    """The LT code for a LanguageTool match, by its category, then its issue type."""
    category, issue_type = category.upper(), issue_type.lower()
    if category in SPELLING_CATEGORIES:
        return "LT002"
    if category in PUNCTUATION_CATEGORIES:
        return "LT004"
    if category in STYLE_CATEGORIES:
        return "LT003"
    if issue_type in SPELLING_TYPES:
        return "LT002"
    if issue_type in PUNCTUATION_TYPES:
        return "LT004"
    if issue_type in STYLE_TYPES:
        return "LT003"
    return "LT001"


def describe(doc: Document, m: LTMatch) -> str:
    """LanguageTool's message, its rule id and first suggestion."""
    found = " ".join(doc.text[m.offset : m.offset + m.length].split())
    text = m.message.rstrip(".") or "LanguageTool match"
    hint = f'; suggestion: "{m.replacements[0]}"' if m.replacements else ""
    return f'{text} ("{found}", LanguageTool {m.rule_id}){hint}'


_OPTIONS_DOC = """- `backend` (default `"local"`): `"local"` uses an existing LanguageTool install
      (`LTP_JAR_DIR_PATH`, or `LTP_PATH` as language-tool-python documents; nothing
      is ever downloaded), `"http://host:port"` a LanguageTool server you run,
      `"off"` checks nothing. Set it once for the family with
      `[tool.article-lint.rules.LT] backend = "..."`.
    - `language` (default `"en-US"`): LanguageTool's language code (`"en-GB"`,
      `"auto"`...).
    - `timeout` (default `10.0`): seconds per request; an unreachable or slow server
      makes the LT rules unavailable for the run, with one notice.
    - `disabled-rules` (default none): LanguageTool rule ids never to report.
    - `batch-chars` (default `8000`): paragraphs are sent together up to this many
      characters per request."""


class _LanguageToolRule(Rule):
    """Shared check: one LanguageTool pass per document, filtered by code."""

    default_enabled = False
    splittable = False  # one LanguageTool connection per run, kept in this process

    @dataclass(frozen=True)
    class Options:
        backend: str = "local"
        language: str = "en-US"
        timeout: float = 10.0
        disabled_rules: tuple[str, ...] = ()
        batch_chars: int = 8000

    suggest_fix: ClassVar[bool] = True
    #: Leave matches inside quotations alone (a speaker's grammar and style are theirs).
    skip_quoted: ClassVar[bool] = False

    def check(self, doc: Document) -> Iterator[Violation]:
        opts = self.options
        if opts.backend.strip().lower() == "off":
            return
        from lint.languagetool import check_document  # the adapter loads on first use

        matches = check_document(
            doc,
            opts.backend,
            language=opts.language,
            timeout=opts.timeout,
            disabled=opts.disabled_rules,
            batch_chars=opts.batch_chars,
        )
        quotes = doc.quotations if self.skip_quoted else ()
        quote_starts = [q.inner_start for q in quotes]
        for m in matches:
            if classify(m.category, m.issue_type) != self.code:
                continue
            start, end = m.offset, m.offset + m.length
            i = bisect_right(quote_starts, start) - 1
            if i >= 0 and end <= quotes[i].inner_end:
                continue
            fix = None
            if self.suggest_fix and m.replacements:
                fix = Fix.replace(start, end, m.replacements[0], safe=False)
            yield self.violation(start, max(end, start + 1), describe(doc, m), fix)


class LTGrammar(_LanguageToolRule):
    __doc__ = f"""Grammar error found by LanguageTool.

    ## What it does
    Reports LanguageTool's grammar matches (agreement, wrong word forms, confused
    words, casing...): every match that is not spelling, style or punctuation.

    ## Why is this bad?
    Grammar errors undermine trust in everything else the article says.

    ## Example
    ```text
    He go to the market every days.
    ```

    ## Use instead
    ```text
    He goes to the market every day.
    ```

    ## Options
    {_OPTIONS_DOC}

    ## Known problems
    Off by default; needs a LanguageTool backend. Matches inside quotation marks
    are skipped: a speaker's grammar is quoted as spoken. LanguageTool has false
    positives on names and headlines; list their ids in `disabled-rules`.

    LanguageTool's first suggestion is offered as an unsafe fix (applied only with
    `--unsafe-fixes`): it can change meaning.
    """

    code = "LT001"
    name = "lt-grammar"
    skip_quoted = True
    summary = "Grammar error found by LanguageTool"
    severity = Severity.WARNING
    examples_flagged = ("He go to the market every days.",)
    examples_clean = ("He goes to the market every day.",)


class LTSpelling(_LanguageToolRule):
    __doc__ = f"""Spelling mistake or typo found by LanguageTool.

    ## What it does
    Reports LanguageTool's spelling matches (category `TYPOS`, issue type
    `misspelling`).

    ## Why is this bad?
    Typos are the errors readers notice first.

    ## Example
    ```text
    The goverment announced the plan.
    ```

    ## Use instead
    ```text
    The government announced the plan.
    ```

    ## Options
    {_OPTIONS_DOC}

    ## Known problems
    Off by default; needs a LanguageTool backend. Names, brands and jargon unknown
    to the dictionary are reported; disable `MORFOLOGIK_RULE_EN_US` (or your
    variant's id) if an article is full of them.

    The first suggestion is an unsafe fix: the spell checker may not know a name.
    """

    code = "LT002"
    name = "lt-spelling"
    summary = "Spelling mistake or typo found by LanguageTool"
    severity = Severity.WARNING
    examples_flagged = ("The goverment announced the plan.",)
    examples_clean = ("The government announced the plan.",)


class LTStyle(_LanguageToolRule):
    __doc__ = f"""Style issue found by LanguageTool.

    ## What it does
    Reports LanguageTool's style matches (categories `STYLE`, `REDUNDANCY`,
    `PLAIN_ENGLISH`, `WIKIPEDIA`, `REPETITIONS_STYLE`..., issue type `style`).

    ## Why is this bad?
    Wordy and redundant phrasing slows readers down.

    ## Example
    ```text
    The film was very unique.
    ```

    ## Use instead
    ```text
    The film was unique.
    ```

    ## Options
    {_OPTIONS_DOC}

    ## Known problems
    Off by default; needs a LanguageTool backend. Style advice is a matter of
    taste: this rule's severity is `info`. Matches inside quotation marks are
    skipped.

    The first suggestion is an unsafe fix.
    """

    code = "LT003"
    name = "lt-style"
    skip_quoted = True
    summary = "Style issue found by LanguageTool"
    severity = Severity.INFO
    examples_flagged = ("The film was very unique.",)
    examples_clean = ("The film was unique.",)


class LTPunctuation(_LanguageToolRule):
    __doc__ = f"""Punctuation or typography issue found by LanguageTool.

    ## What it does
    Reports LanguageTool's punctuation and typography matches (categories
    `PUNCTUATION`, `TYPOGRAPHY`, issue types `typographical`, `whitespace`):
    doubled spaces, a space before a comma, unpaired brackets...

    ## Why is this bad?
    Sloppy punctuation reads as unedited copy.

    ## Example
    ```text
    The results were clear , and the vote passed.
    ```

    ## Use instead
    ```text
    The results were clear, and the vote passed.
    ```

    ## Options
    {_OPTIONS_DOC}

    ## Known problems
    Off by default; needs a LanguageTool backend. Whitespace left by text blanked
    out of linting (code, HTML tags) is never reported.

    The first suggestion is an unsafe fix.
    """

    code = "LT004"
    name = "lt-punctuation"
    summary = "Punctuation or typography issue found by LanguageTool"
    severity = Severity.INFO
    examples_flagged = ("The results were clear , and the vote passed.",)
    examples_clean = ("The results were clear, and the vote passed.",)


RULES: tuple[type[Rule], ...] = (LTGrammar, LTSpelling, LTStyle, LTPunctuation)
