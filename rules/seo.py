"""SEO family: page chrome and promotional residue left in articles copied from the web.

Line rules (SEO001, SEO002, SEO004) look at a line on its own: a line is chrome when
phrase-list items cover all of its letters and digits, so the same words inside a
sentence never count.  Sentence rules (SEO003, SEO005) look for imperative calls to
action and related-link bait.  Every phrase list is one compiled alternation
(``lint.phrases.load_phrases``) run once per line or sentence: linear time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, count
from operator import or_

from lint.document import Document
from lint.rule import Rule
from lint.violation import Severity, Violation
from rules._seo_cta import call_to_action_candidates, is_call_to_action, sentence_runs
from rules._seo_lines import classify_lines
from rules._seo_link_bait import closing_sentences, is_headline_bait, pointer_starts
from rules._seo_menus import NAV_RUN, WEAK_NAV_RUN, nav_runs, removable_lines
from rules._seo_reports import line_violation, sentence_violation
from rules._seo_screens import screening


class PageChrome(Rule):
    """Navigation and site-builder text standing alone on a line.

    ## What it does
    Flags lines that are nothing but page furniture: "top of page" and "bottom of
    page" markers of site builders, "Skip to content", "Back to top", menus, log-in and
    subscribe buttons, cookie notices, "Privacy Policy | Terms of Use", copyright
    lines, "Powered by …", "Posted in …", "Tags: …", "Previous post". Section names of a
    menu ("News", "Politics", "Sport") are flagged when they sit in a run of such lines.

    ## Why is this bad?
    Text copied out of a web page keeps the page around the article. Readers, search
    engines and anyone republishing the text see the residue as sloppiness.

    ## Example
    ```text
    Skip to main content

    Home | News | Subscribe

    The council voted on Tuesday to close the bridge.
    ```

    ## Use instead
    ```text
    The council voted on Tuesday to close the bridge.
    ```

    ## Options
    - `nav-run` (default 3): a line of section names ("News", "Sport") is chrome when
      it belongs to a run of at least this many menu-like lines, one of them chrome
      on its own ("Subscribe", "Log in").
    - `weak-nav-run` (default 5): a run made only of section names is chrome from this
      length on; shorter runs could be an article's own short headings. It is also
      the least size of a block of adjacent short lines read as a menu.

    ## Known problems
    A line is judged by its words, so an article's own heading that is exactly
    "Subscribe" or "Privacy policy" is flagged, unless it is one word that the next
    paragraph takes up ("Menu" above "The menu changes …"). Headlines of other
    articles in "Popular" lists are not recognised unless they sit in a menu run.
    The fix (safe) deletes the line and the blank lines left behind; in HTML only a
    line whose tags balance.
    """

    code = "SEO001"
    name = "page-chrome"
    summary = "Navigation or site-builder text left in the article"
    severity = Severity.WARNING
    examples_flagged = (
        "top of page\n\nThe council met on Tuesday.\n\nbottom of page\n",
        "The council met on Tuesday.\n\nPrivacy Policy | Terms of Use | Cookie Policy\n",
        "Posted in Politics, Local News\n\nThe council met on Tuesday.\n",
        "We use cookies to improve your experience. Accept\n\nThe council met.\n",
        "Home\nNews\nPolitics\nSubscribe\n\nThe council met on Tuesday.\n",
    )
    examples_clean = (
        "Scroll to the bottom of the page to see the chart.\n",
        "Readers can subscribe to the council's minutes by post.\n",
        "The menu changes every season, and the search for a chef continues.\n",
        "Politics\n\nThe council met on Tuesday to argue about the budget.\n",
    )

    @dataclass(frozen=True)
    class Options:
        nav_run: int = NAV_RUN
        weak_nav_run: int = WEAK_NAV_RUN

    def check(self, doc: Document) -> Iterator[Violation]:
        kinds = classify_lines(doc)
        runs = nav_runs(doc, kinds, self.options.nav_run, self.options.weak_nav_run)
        # the strong and lead lines and the runs, in order (most lines are none)
        chrome = runs.union(compress(count(), map(or_, kinds.strong, kinds.lead)))
        for i in sorted(chrome):
            if kinds.widget[i] or kinds.filename[i]:
                continue
            yield line_violation(self, doc, i, "page chrome left in the article")


class StrayMediaFilename(Rule):
    """A media filename standing alone on a line.

    ## What it does
    Flags a line that is just the filename of an image, video or document
    (`.png .jpg .gif .webp .svg .avif .mp4 .pdf` …): what is left when a page's image
    alt text or caption is copied as text. Hashed or slugified names
    (`a-banner-with-the-text-…_S6OqyPHeR.png`), `Post (1)_edited.png` and camera names
    (`IMG_2041.JPG`) are typical.

    ## Why is this bad?
    The filename means nothing to a reader and shows the text was scraped.

    ## Example
    ```text
    The bridge reopened last spring.

    IMG_2041.JPG
    ```

    ## Use instead
    ```text
    The bridge reopened last spring.
    ```

    ## Options
    None.

    ## Known problems
    A filename inside a sentence, a URL, a Markdown image or link or inline code is
    never flagged, nor a multi-word line whose last word does not look machine-made
    ("Open the file report.pdf"). The fix (safe) deletes the line.
    """

    code = "SEO002"
    name = "stray-media-filename"
    summary = "Image, video or document filename left in the text"
    severity = Severity.WARNING
    examples_flagged = (
        "The bridge reopened in May.\n\nIMG_2041.JPG\n",
        "The bridge reopened.\n\nBlue Summer Sale Banner (1)_edited.png\n",
        "hero-image-city-skyline_x8KqP2vL9mN4.webp\n\nThe bridge reopened.\n",
    )
    examples_clean = (
        "Save the chart as chart.png before you print it.\n",
        "![A bridge](images/bridge.png)\n",
        "Download it from https://example.org/files/report.pdf\n",
        "Open the file report.pdf\n",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        kinds = classify_lines(doc)
        for i in range(len(doc.lines)):
            if kinds.filename[i]:
                yield line_violation(self, doc, i, "stray media filename")


class PromotionalCallToAction(Rule):
    """A sentence pushing the reader to join, subscribe, visit or buy.

    ## What it does
    Flags imperative sentences ("Visit …", "Join …", "Start learning today …",
    "Learn more … in our blog") that carry a promotional marker ("our
    blog/website/community/newsletter", "for free", "click here") or two weaker cues
    (a domain or URL; "us", "our", "we"; an emoji; "!", "today", "now", "free").
    "Subscribe to …", "Sign up now" and "Donate" need no marker. A short teaser
    question right before ("Ready to dive in?") is reported with it.

    ## Why is this bad?
    A call to action is advertising, not article content; it ties the text to one
    site and reads as marketing wherever the article is republished.

    ## Example
    ```text
    The bridge reopened last spring. Learn more about bridges in our blog.
    ```

    ## Use instead
    ```text
    The bridge reopened last spring.
    ```

    ## Options
    None.

    ## Known problems
    An excited imperative with a link in a how-to article ("Download it today from
    example.org!") is flagged; a plain "Learn more at example.com." is missed. The fix
    is unsafe: it deletes the whole line when the call fills it, or just the closing
    sentences of a longer paragraph; a call inside a paragraph gets no fix.
    """

    code = "SEO003"
    name = "promotional-call-to-action"
    summary = "Promotional call to action (join, subscribe, visit, buy)"
    severity = Severity.WARNING
    examples_flagged = (
        "The bridge reopened.\n\nVisit us at bridgefans.com for more stories like this!\n",
        "The bridge reopened last spring. Learn more about bridges in our blog.\n",
        "🚀 Join my community for FREE and get the checklist!\n",
    )
    examples_clean = (
        "Visit the museum early, before the crowds arrive.\n",
        "To reach the bridge, follow the river path for two miles.\n",
        "Readers who subscribe to the paper get the weekend supplement.\n",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        removable = removable_lines(doc)  # lines the line rules report already
        runs = sentence_runs(doc, is_call_to_action, call_to_action_candidates(doc))
        for first, last in runs:
            if doc.line_index(doc.sentences[first].start) in removable:
                continue
            yield sentence_violation(self, doc, first, last, "promotional call to action")


class EngagementCounters(Rule):
    """Engagement counters and social-sharing widgets left on a line of their own.

    ## What it does
    Flags lines made only of counters and widget labels: "0 views", "Feedback 0 likes",
    "12 comments", "Like · Reply", "Follow us on Instagram", "Share on Facebook",
    "Facebook Twitter Email"; and a Title Case headline of another article closed by
    its counter, as in "Popular" lists ("Mayor Opens New Library Wing 14 comments").

    ## Why is this bad?
    Counters and buttons are the page's interface, not the article; copied as text
    they are noise (and "0 views" advertises that nobody read it).

    ## Example
    ```text
    0 views

    The bridge reopened last spring.
    ```

    ## Use instead
    ```text
    The bridge reopened last spring.
    ```

    ## Options
    None.

    ## Known problems
    Counters inside a line of sentence-case text ("Ahead of the vote 11 comments") are
    not flagged. A one-word widget line heading a paragraph about it ("Share" above a
    paragraph on sharing) is left alone. The fix (safe) deletes the line.
    """

    code = "SEO004"
    name = "engagement-counter"
    summary = "View/like/comment counters or social widgets left in the text"
    severity = Severity.WARNING
    examples_flagged = (
        "0 views\n\nThe bridge reopened in May.\n",
        "The bridge reopened in May.\n\nFeedback 0 likes\n",
        "The bridge reopened.\n\nShare on Facebook | Share on LinkedIn\n",
        "The bridge reopened.\n\nFollow us on Instagram\n",
    )
    examples_clean = (
        "The video had 2 million views in a week.\n",
        "Share the road with cyclists.\n",
        "Facebook said the outage lasted an hour.\n",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        kinds = classify_lines(doc)
        for i in range(len(doc.lines)):
            if kinds.widget[i] and not kinds.filename[i]:
                yield line_violation(self, doc, i, "engagement counter or social widget")


class RelatedLinkBait(Rule):
    """Links to other pages of the site: "Read more: …", "Related: …", "learn more
    about <another headline>?".

    ## What it does
    Flags lines opening with "Read more:", "Related:", "See also:", "Also read:",
    "You may also like", "Most read" and similar, and sentences that point at another
    article by its headline ("learn more about Why Did the Bridge Close?").

    ## Why is this bad?
    Related-link teasers exist to keep visitors on a site; in the article text they
    interrupt it and point at pages the reader does not have.

    ## Example
    ```text
    The bridge reopened last spring.

    Read more: Ten Bridges You Must See Before You Die
    ```

    ## Use instead
    ```text
    The bridge reopened last spring.
    ```

    ## Options
    None.

    ## Known problems
    A real "See also" section the author wrote on purpose is flagged too. The fix is
    unsafe (it deletes the line or the closing sentence).
    """

    code = "SEO005"
    name = "related-link-bait"
    summary = "'Read more:', 'Related:' or 'learn more about <headline>' link bait"
    severity = Severity.WARNING
    examples_flagged = (
        "The bridge reopened.\n\nRead more: Ten Bridges You Must See\n",
        "The bridge reopened.\n\nRelated: How the city paid for its bridges\n",
        "For the history, learn more about Why Did the Old Bridge Close?\n",
        "The bridge reopened.\n\nYou may also like\n",
    )
    examples_clean = (
        "Related to this, the council has cut the budget.\n",
        "You can read more about the bridge in the council's minutes.\n",
        "Visitors want to learn more about the bridge's history.\n",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        removable = removable_lines(doc)  # lines the line rules report already
        related_line = classify_lines(doc).related
        related = [i for i in range(len(doc.lines)) if related_line[i] and i not in removable]
        for i in related:
            yield line_violation(self, doc, i, "related-link bait", safe=False)
        seen = removable.union(related)
        # Link bait closes its paragraph: only the last sentence of a block is read,
        # and one closed by a full stop reads as prose (is_headline_bait says no).
        sentences, text = doc.sentences, doc.text
        open_ends = [
            i
            for i in closing_sentences(doc)
            if sentences[i].end > sentences[i].start and text[sentences[i].end - 1] not in ".!"
        ]
        # Where a pointer ("learn more about") can start: worth a search of the whole
        # text when many sentences ask (a match in a sentence starts at one of them).
        screened = screening() and len(open_ends) >= SCREENED_SENTENCES
        pointers = pointer_starts(doc) if screened else None
        for i in open_ends:
            s = sentences[i]
            if pointers is not None:
                at = bisect_left(pointers, s.start)
                if at == len(pointers) or pointers[at] >= s.end:
                    continue  # no pointer in it: is_headline_bait says no
            if is_headline_bait(doc, s.start, s.end) and doc.line_index(s.start) not in seen:
                yield sentence_violation(
                    self, doc, i, i, "related-link bait pointing at another article"
                )


#: Fewest open closing sentences for which SEO005 looks up pointer words in the text.
SCREENED_SENTENCES = 16


RULES: tuple[type[Rule], ...] = (
    PageChrome,
    StrayMediaFilename,
    PromotionalCallToAction,
    EngagementCounters,
    RelatedLinkBait,
)
