"""Keyword stuffing (KW): a search query pasted into an article again and again.

Google's spam policy calls it "repeating the same words or phrases so often that
it sounds unnatural" and keywords that appear "out of context".  The family looks
for four fingerprints of that, each cheap and linear in the document's length:

- KW001: one multi-word phrase repeated more often than a density allows.
- KW002: a name written properly elsewhere ("Elon Musk", "OpenAI") but in lower
  case mid-sentence here ("elon musk", "openai"): the query as it was typed.
- KW003: a direct question ("why does X not like Y") used as part of a sentence.
- KW004: one phrase making up too large a share of all the words.

KW001 and KW004 count repetition, which alone cannot tell a stuffed query from a
term an honest article must repeat ("carbon capture and storage", "the Bose
QuietComfort Ultra headphones"); a repeated phrase that reads as a term and
shows no sign of a pasted query is left alone (``rules._kw_phrases.is_term``).

Every rule reads one shared token table (``tokens``, in ``rules._kw_tokens``),
built once per document with one ``findall`` and running sums; n-grams are
counted with hashing (``lint.ngrams``) in one pass over the words frequent
enough to matter.  This module holds the rules; the machinery lives in
``rules._kw_phrases`` (KW001, KW004), ``rules._kw_names`` (KW002) and
``rules._kw_queries`` (KW003).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.ngrams import Phrase
from lint.rule import Rule
from lint.violation import Fix, Severity, Violation
from rules._kw_names import (
    Miscased,
    cased_count,
    expected_spelling,
    learned_names,
    miscased_runs,
)
from rules._kw_phrases import (
    MAX_PHRASE_WORDS,
    by_density,
    is_term,
    occurrence_span,
    repeated_phrases,
)
from rules._kw_queries import pasted_queries
from rules._kw_tokens import Tokens, tokens

__all__ = [
    "KeywordDensity",
    "MiscasedKeyword",
    "PastedQuery",
    "RULES",
    "RepeatedKeywordPhrase",
    "tokens",
]


class RepeatedKeywordPhrase(Rule):
    """Flag a multi-word phrase repeated more often than natural writing does.

    ## What it does
    Counts every phrase of ``min-words`` or more words (case-insensitively, in
    headings and body alike, never across a sentence end) that holds at least two
    words that are not function words.  When a phrase occurs at least
    ``min-count`` times *and* more often than ``max-per-1000-words`` allows, each
    occurrence beyond the allowance is reported, with the phrase and its count.

    ## Why is this bad?
    Content farms paste the search query they target into the article again and
    again.  Google's spam policy names it: "repeating the same words or phrases so
    often that it sounds unnatural".  Readers notice, and search engines demote it.

    ## Example
    ```text
    Best budget hiking boots for beginners are easy to find. Best budget hiking
    boots for beginners should fit well. ...
    ```

    ## Use instead
    Say it once, then refer back: "These boots", "a cheaper pair", "they".

    ## Options
    - ``min-words`` (default 4): shortest phrase counted, not counting function
      words at its ends ("the prime minister" has two).  Names and technical
      terms rarely run past three words ("House of Lords", "cannabis use
      disorder") and legitimately recur; the long-tail queries content farms
      stuff ("why does X not like Y", "best shoes for flat feet") have four or
      more.  Set 3 to also catch short stuffed keywords, at some cost in precision.
    - ``min-count`` (default 5): a phrase must occur at least this often.  Edited
      news stories repeat a phrase three or four times at most (measured on 40
      BBC articles: never more than four).
    - ``max-per-1000-words`` (default 5.0): the allowance grows with the length of
      the article, so a 5,000-word guide may repeat a phrase 25 times.

    - ``exempt-terms`` (default true): leave alone a phrase that reads as a
      term rather than a pasted search query (below).  Set false to judge by
      repetition alone.

    A phrase needs at least two alphabetic words that are not function words
    (``rules/data/kw_stopwords.txt``).  Names are exempt: a phrase whose content
    words are capitalised at every occurrence ("Bank of England", "It's a
    Wonderful Life") is a name, and a business story may name its subject as
    often as it needs.  A repeated stretch longer than eight words is a
    duplicated passage, left to DUP001.

    Terms are exempt too: an explainer may use "carbon capture and storage"
    seven times in 200 words.  A stuffed keyword is a search query pasted as
    typed, a term follows the grammar around it.  Any sign of a query keeps
    the phrase: a query word or shape (``rules/data/kw_query_words.txt``:
    "best", "cheap", "near me", a year, "shoes for flat feet"; a word the
    article capitalises at every occurrence is part of a name and does not
    count: "Best Buy", "Euro 2024"); an occurrence starting a sentence,
    paragraph or heading in lower case; a word that is not ordinary English
    written in lower case in the phrase but capitalised elsewhere ("hotels
    cornwall" beside "Cornwall"); the phrase crammed into a paragraph (three
    times or more on one line, making up 40 % of its words: a writer says "it"
    after naming a term).  Otherwise one sign of a term exempts it: a
    capital where it starts a sentence and lower case inside one; a
    determiner or possessive before half its occurrences ("the annual general
    meeting"); a first content word capitalised at every occurrence (a brand
    before a common noun: "the Bose QuietComfort Ultra headphones"); an
    acronym of it in the text ("CCS", "PCOS").  A phrase with no sign either
    way is judged by repetition alone.

    ## Known problems
    A term with no sign of one — always inside sentences, in lower case,
    without a determiner or an acronym — used very often in a short piece can
    still be flagged; raise ``min-count`` for such documents.  A stuffed query
    without a query word, written the way a term is ("Solar panel installation
    cost varies ... compare the solar panel installation cost") passes as a
    term.  A stuffed keyword of two or three words is left to KW004 (density)
    and KW002 (casing).
    """

    code = "KW001"
    name = "repeated-keyword-phrase"
    summary = "Multi-word keyword phrase repeated more often than natural writing does"
    severity = Severity.WARNING
    examples_flagged = (
        "Best hiking boots for beginners are easy to find online. "
        "Our guide to best hiking boots for beginners starts with fit. "
        "Many shops sell best hiking boots for beginners at a discount. "
        "Reviews of best hiking boots for beginners praise grip on wet rock. "
        "Choosing best hiking boots for beginners takes an afternoon in a shop. "
        "Return policies for best hiking boots for beginners vary a lot.",
    )
    examples_clean = (
        "The Bank of England raised rates on Thursday. The Bank of England said "
        "inflation was falling. Economists expect the Bank of England to wait. "
        "Markets think the Bank of England will hold in May. The Bank of England "
        "meets again in six weeks.",
        "A lasting power of attorney names someone to decide for you. You make "
        "a lasting power of attorney while you can still decide.\n\nThe lasting "
        "power of attorney must be registered before it can be used.\n\nYour "
        "lasting power of attorney can be cancelled at any time.\n\nSolicitors "
        "draft a lasting power of attorney for a fee.",
        "Meal 1\n\nEat every three hours\n\nOats and berries.\n\nMeal 2\n\n"
        "Eat every three hours\n\nRice and beans.\n\nMeal 3\n\nEat every three "
        "hours\n\nSoup.\n\nMeal 4\n\nEat every three hours\n\nFish.\n\nMeal 5"
        "\n\nEat every three hours\n\nSalad.",
    )

    @dataclass(frozen=True)
    class Options:
        min_words: int = 4
        min_count: int = 5
        max_per_1000_words: float = 5.0
        exempt_terms: bool = True

    def check(self, doc: Document) -> Iterator[Violation]:
        opts = self.options
        t = tokens(doc)
        total = len(t.low)
        allowed = max(opts.min_count - 1, int(opts.max_per_1000_words * total / 1000))
        excess: dict[int, tuple[int, str]] = {}  # start -> (end, message), longest wins
        for phrase in repeated_phrases(t, max(2, opts.min_words), allowed + 1):
            count = len(phrase.positions)
            if count <= allowed:
                continue
            if opts.exempt_terms and is_term(t, phrase.words, phrase.positions):
                continue
            text = " ".join(phrase.words)
            for p in phrase.positions[allowed:]:
                start, end = occurrence_span(t, phrase, p)
                if end > excess.get(start, (-1, ""))[0]:
                    excess[start] = (
                        end,
                        f"keyword phrase '{text}' used {count} times in {total} words "
                        f"(at most {allowed} expected)",
                    )
        for start in sorted(excess):
            end, message = excess[start]
            yield self.violation(start, end, message)


class KeywordDensity(Rule):
    """Flag one phrase that makes up too large a share of the article's words.

    ## What it does
    For each phrase of ``min-words`` or more words with at least two content
    words, computes its *density*: occurrences times phrase length, divided by the
    number of words in the document.  When phrases exceed ``max-density``, the
    densest one that is not a term (below) is reported, once, at its first
    occurrence outside a Title Case line.

    ## Why is this bad?
    "Keyword density" is the metric search-engine optimisers use to tune
    stuffing; a phrase that fills several percent of an article crowds out
    content and reads as spam to people and to search engines.

    ## Example
    A 400-word page in which "best vpn for streaming" appears four times
    (16 of 400 words: 4 %).

    ## Use instead
    Use the phrase once or twice and write about the subject in varied words.

    ## Options
    - ``max-density`` (default 0.03, i.e. 3 %): SEO plugins such as Yoast advise
      0.5–3 % for a focus keyphrase and warn above that; we flag only above.
    - ``min-words`` (default 3): shortest phrase considered, not counting
      function words at its ends; two-word phrases are mostly names and terms,
      which natural writing repeats.
    - ``min-count`` (default 4): a phrase seen three times or fewer is not
      stuffing, however short the document (a short news story may use its
      subject's full title three times).
    - ``min-document-words`` (default 150): below this, densities are noise.
    - ``exempt-terms`` (default true): skip a phrase that reads as a term
      rather than a pasted search query, as KW001 does, and report the
      densest phrase that does not.

    Names (every content word capitalised at every occurrence) are exempt, and
    so are terms: a phrase with a sign of a term (a capital where it starts a
    sentence and lower case inside one, a determiner before half its
    occurrences, a capitalised brand before a common noun, an acronym in the
    text) and no sign of a query (a query word such as "best", "cheap", "near
    me" or a year, a lower-case start of a sentence or heading, a name typed in
    lower case).  KW001's documentation lists the signs.

    ## Known problems
    A phrase that is itself the subject of a short piece can exceed the density
    honestly when it shows no sign of a term (always inside sentences, in lower
    case, without a determiner or an acronym).  A stuffed query without a query
    word, written the way a term is, passes as a term.
    """

    code = "KW004"
    name = "keyword-density"
    summary = "One keyword phrase makes up too large a share of the words"
    severity = Severity.WARNING
    examples_flagged = (
        "cheap car insurance quotes online are here. We compare cheap car insurance "
        "quotes online daily. Get cheap car insurance quotes online now. "
        + "Our team writes about cover, claims and premiums for drivers. " * 12
        + "Many look for cheap car insurance quotes online.",
    )
    examples_clean = (
        "Interest rates rose again on Thursday, the fourth rise this year. Savers "
        "welcomed the news while borrowers braced for higher monthly bills. The "
        "central bank said prices were still climbing too fast, and that interest "
        "rates would stay high until wage growth slowed. Mortgage lenders raised "
        "their own rates within hours. Estate agents reported fewer viewings, and "
        "builders said sales of new homes had slowed for a third month. Economists "
        "expect one more rise before the summer, although some think the bank will "
        "pause to see how households cope. Shoppers have already cut back on meals "
        "out and holidays, according to card spending figures published on Monday. "
        "Retailers hope lower energy prices will help in the autumn, when many "
        "fixed-rate mortgage deals come to an end and interest rates bite harder.",
    )

    @dataclass(frozen=True)
    class Options:
        max_density: float = 0.03
        min_words: int = 3
        min_count: int = 4
        min_document_words: int = 150
        exempt_terms: bool = True

    def check(self, doc: Document) -> Iterator[Violation]:
        opts = self.options
        t = tokens(doc)
        total = len(t.low)
        if total < opts.min_document_words:
            return
        # A phrase over the density has more than this many occurrences:
        least = int(opts.max_density * total / MAX_PHRASE_WORDS) + 1
        min_count = max(opts.min_count, least)
        phrases = repeated_phrases(t, max(2, opts.min_words), min_count, opts.max_density)
        for phrase in by_density(phrases):
            density = len(phrase.positions) * len(phrase.words) / total
            if density <= opts.max_density:
                return
            if not (opts.exempt_terms and is_term(t, phrase.words, phrase.positions)):
                yield self._report(t, phrase, density, total)
                return

    def _report(self, t: Tokens, phrase: Phrase, density: float, total: int) -> Violation:
        opts = self.options
        p = next((p for p in phrase.positions if not t.title_line(p)), phrase.positions[0])
        return self.violation(
            *occurrence_span(t, phrase, p),
            f"keyword phrase '{' '.join(phrase.words)}' is {density:.1%} of the "
            f"{total} words ({len(phrase.positions)} times; at most "
            f"{opts.max_density:.1%} expected)",
        )


class MiscasedKeyword(Rule):
    """Flag a name written in lower case when the article capitalises it elsewhere.

    ## What it does
    Learns the names the article itself writes with capitals in running text —
    runs of two or more capitalised words ("Elon Musk", "Bank of England") and
    camel-case brands ("OpenAI", "iPhone") — and flags the same words written
    all in lower case ("elon musk", "openai").  The fix suggests the article's
    own casing (unsafe: it is a suggestion to review).

    What counts as a name:
    - only running text: a clause with at least four lower-case words (not a
      menu entry, a label or a "Share to linkedin" button), not on a Title Case
      line (a headline capitalises every word);
    - a multi-word run needs one word that is not ordinary lower-case English
      (``rules/data/kw_common_words.txt``, from SCOWL): "Nora Vance" is a name,
      "Social Media" or "Climate Change" is sloppy capitalisation;
    - a single word must be camel case and not start a clause;
    - capitalised words joined by connectors (``kw_name_connectors``: "Bank of
      England") form one name; the whole name, or its head before a connector,
      must recur in lower case, never its tail.

    What is left alone: a lower-case run after a determiner ("the prime
    minister" next to "Prime Minister Tony Blair"); a run whose content words the
    article also uses in lower case elsewhere ("starry night" beside "starry
    nights"); hashtags, handles and paths ("#openai").

    ## Why is this bad?
    People type search queries in lower case; a name in lower case in the middle
    of otherwise edited prose is the fingerprint of a query pasted into the text
    to rank for it ("He maintains that elon musk criticism of openai centers on").

    ## Example
    ```text
    Elon Musk co-founded OpenAI in 2015. Many ask why elon musk left openai.
    ```

    ## Use instead
    ```text
    Elon Musk co-founded OpenAI in 2015. Many ask why Musk left the company.
    ```

    ## Options
    - ``min-cased`` (default 1): how many capitalised occurrences in running text
      a name needs before its lower-case form is flagged.  One is enough: edited
      text that writes "Elon Musk" once never writes "elon musk" by accident.

    ## Known problems
    Single lower-case words are flagged only for camel-case brands; a stuffed
    one-word name ("tesla") is not caught, nor is a name made only of ordinary
    words ("Mark Young").  A lower-cased coupon code or product code that matches
    a camel-case brand ("code appleinsider") is flagged.
    """

    code = "KW002"
    name = "miscased-keyword"
    summary = "Name in lower case although the article capitalises it elsewhere"
    severity = Severity.WARNING
    examples_flagged = (
        "Analysts say that Elon Musk wants more attention than ever. "
        "Critics say that elon musk wants to own the whole market.",
        "The new chatbot from OpenAI is popular with students. "
        "Readers ask whether openai will ever publish its model weights.",
    )
    examples_clean = (
        "Prime Minister Tony Blair spoke first. Later the prime minister left.",
        "We bought an Apple laptop. Then we ate an apple.",
        "Follow the debate under #openai, where OpenAI staff reply.",
    )

    @dataclass(frozen=True)
    class Options:
        min_cased: int = 1

    def check(self, doc: Document) -> Iterator[Violation]:
        t = tokens(doc)
        runs = miscased_runs(t, doc.text)
        if runs and self.options.min_cased > 1:
            names = learned_names(t)
            runs = [r for r in runs if cased_count(names, r, t) >= self.options.min_cased]
        for run in runs:
            yield self._report(t, run)

    def _report(self, t: Tokens, run: Miscased) -> Violation:
        start, end = t.offsets(run.start, run.last)
        written = " ".join(t.raw[run.start : run.last + 1])
        expected = expected_spelling(t, run)
        return self.violation(
            start,
            end,
            f"'{written}' is written '{expected}' elsewhere in the article: "
            "a lower-case name mid-sentence looks like a pasted search keyword",
            Fix.replace(start, end, expected, safe=False),
        )


class PastedQuery(Rule):
    """Flag a direct question used as part of a sentence, the shape of a pasted query.

    ## What it does
    Finds a question word followed by an inverted auxiliary — direct-question word
    order, "why does …", "how did …", "when is …" — in a sentence that does not
    end with a question mark, where within ``max-query-words`` words, before any
    comma or other punctuation, a word from ``rules/data/kw_query_continuations``
    follows ("because", "stems", "remains", "is" …).  That continuation treats the
    question as a noun phrase, which English grammar does not allow:
    "Why did elon musk leave openai remains a key aspect".

    ## Why is this bad?
    Content farms wedge the literal search query into a sentence so the page
    matches it word for word; the result is ungrammatical and reads as spam.

    ## Example
    ```text
    Why does the stock market crash happen because investors panic.
    ```

    ## Use instead
    ```text
    Stock markets crash when investors panic.
    ```

    ## Options
    - ``max-query-words`` (default 8): how many words after the auxiliary may
      stand before the continuation.  Search queries are short; a longer span
      is more likely a long question that merely lost its question mark.
    - ``min-query-words`` (default 2): the question must have at least a subject
      and a verb ("why does elon musk ..."); "The reason why is that ..." has none
      and is good English.

    ## Known problems
    Queries in other shapes — "how to …", "best … for …", "what is …" — are not
    flagged: they are also good English as noun phrases ("How to fix it is another
    matter"), so flagging them would cost too much precision.  A long question
    whose question mark was forgotten can be flagged.
    """

    code = "KW003"
    name = "pasted-query"
    summary = "Direct question used as part of a sentence (pasted search query)"
    severity = Severity.WARNING
    examples_flagged = (
        "Why does the stock market crash happen because investors panic.",
        "Why did the band split up remains a mystery to fans.",
    )
    examples_clean = (
        "Why does the stock market crash? Because investors panic.",
        "The reason why is that investors panic.",
        "Why Is Everyone Talking About It",
        "Nobody knows why the band split up.",
    )

    @dataclass(frozen=True)
    class Options:
        max_query_words: int = 8
        min_query_words: int = 2

    def check(self, doc: Document) -> Iterator[Violation]:
        opts = self.options
        for q in pasted_queries(doc.text, opts.max_query_words, opts.min_query_words):
            yield self.violation(
                q.start,
                q.end,
                f"question '{q.query}' is used as part of a sentence ('{q.continuation}' "
                "follows, no question mark): a pasted search query?",
            )


RULES: tuple[type[Rule], ...] = (
    RepeatedKeywordPhrase,
    MiscasedKeyword,
    PastedQuery,
    KeywordDensity,
)
