"""SEO family: page chrome and promotional residue left in articles copied from the web.

Line rules (SEO001, SEO002, SEO004) look at a line on its own: a line is chrome when
phrase-list items cover all of its letters and digits, so the same words inside a
sentence never count.  Sentence rules (SEO003, SEO005) look for imperative calls to
action and related-link bait.  Every phrase list is one compiled alternation
(``lint.phrases.load_phrases``) run once per line or sentence: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from lint.document import Document, Span
from lint.phrases import PhraseList, load_phrases
from lint.rule import Rule
from lint.violation import Fix, Severity, Violation

# Longest line (characters) that can be a menu item, widget or filename line.
MAX_ITEM_LINE = 160
# Longest question (words) read as the teaser of a call to action that follows it.
HOOK_MAX_WORDS = 6
# Longest line (words) that a chrome label or boilerplate opening ("Posted in") can start.
MAX_LEAD_WORDS = 20
# Shortest line (characters) read as the prose paragraph under a one-word heading.
HEADING_PROSE_CHARS = 60
_GAP_OK = re.compile(r"(?:\]\([^)\s]*\)|[\W_])*")
_CONTENT = re.compile(r"[^\W_]|[©@#]")
_BLANK = re.compile(r"\s*")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b06\u2934\u2935]")
_URGENT = re.compile(r"!|\b(?:today|now|free)\b", re.IGNORECASE)
_SELF = re.compile(r"\b(?:us|our|my|me|we)\b", re.IGNORECASE)
_HASHTAGS = re.compile(r"\s*(?:#[^\W\d_][\w-]*[\s,|·•]*){2,}")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_DELIMITER = re.compile(r"[:»›>|–—\-]\s*$")


# -- shared line helpers ----------------------------------------------------------
def _is_blank(doc: Document, span: Span) -> bool:
    return _BLANK.fullmatch(doc.text, span.start, span.end) is not None


def _content_start(doc: Document, span: Span) -> int:
    """Offset of the first letter, digit or © of the line (line end when none)."""
    m = _CONTENT.search(doc.text, span.start, span.end)
    return m.start() if m else span.end


def cover(doc: Document, span: Span, lists: tuple[PhraseList, ...]) -> list[tuple[int, int]]:
    """Items that cover every letter and digit of the line, left to right, as
    (list index, length) pairs; empty when some word is not an item of ``lists``.

    Each list is tried only where an item can start (after the separators), taking
    the longest match, so a line of prose fails at its first word: linear time."""
    text, end = doc.text, span.end
    gap = _GAP_OK.match(text, span.start, end)
    pos = gap.end() if gap else span.start
    found: list[tuple[int, int]] = []
    while pos < end:
        best = (-1, pos)
        for k, plist in enumerate(lists):
            m = plist.pattern.match(text, pos, end)
            if m and m.end() > best[1]:
                best = (k, m.end())
        if best[0] < 0:
            return []
        found.append((best[0], best[1] - pos))
        gap = _GAP_OK.match(text, best[1], end)
        pos = gap.end() if gap else best[1]
    return found


_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())


def tags_balanced(doc: Document, index: int) -> bool:
    """In HTML, does line ``index`` close every element it opens (and no other)?
    Deleting it then leaves the page's structure intact."""
    if doc.input_format != "html":
        return True
    span, stack = doc.lines[index], []
    for m in _TAG.finditer(doc.raw, span.start, span.end):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID_TAGS or self_closing:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def line_deletion(doc: Document, index: int, *, safe: bool = True) -> Fix | None:
    """Delete line ``index`` with its line break; when it follows a blank line (or
    opens the file) also delete the blank lines after it, so no double blank is left.
    A line closing a group of adjacent removed lines ("Twitter", "Facebook", "Email")
    looks at the line before the group instead. No fix for an HTML line that opens or
    closes an element it does not contain."""
    if not tags_balanced(doc, index):
        return None
    lines, starts = doc.lines, doc.line_starts
    start = lines[index].start
    nxt = index + 1
    removable = removable_lines(doc)
    first = group_starts(doc).get(index, index)

    # Blank in the source, not just in the lintable text (where code and tags are blanked).
    def blank(i: int) -> bool:
        return _BLANK.fullmatch(doc.raw, lines[i].start, lines[i].end) is not None

    if first == 0 or blank(first - 1):
        while nxt < len(lines) and blank(nxt):
            nxt += 1
        if index == first and index >= tail_start(doc):  # only residue follows: drop blanks before
            before = first - 1
            while before >= 0 and blank(before):
                before -= 1
            if before not in removable:
                start = starts[before + 1] if before >= 0 else 0
    end = starts[nxt] if nxt < len(lines) else len(doc.text)
    return Fix.delete(start, end, safe=safe)


@lru_cache(maxsize=4)
def group_starts(doc: Document) -> dict[int, int]:
    """For each removable line, the first line of its group of adjacent removable lines."""
    removable = removable_lines(doc)
    starts: dict[int, int] = {}
    for i in sorted(removable):
        starts[i] = starts.get(i - 1, i)
    return starts


@lru_cache(maxsize=4)
def tail_start(doc: Document) -> int:
    """Index of the first line from which every line is blank or removable residue."""
    removable = removable_lines(doc)
    index = len(doc.lines)
    while index > 0 and (index - 1 in removable or _is_blank(doc, doc.lines[index - 1])):
        index -= 1
    return index


@dataclass(frozen=True)
class LineKinds:
    """What each line looks like to the line rules (one entry per line)."""

    strong: tuple[bool, ...]  # covered by menu, chrome and widget items, one of them chrome
    widget: tuple[bool, ...]  # covered by widget items alone
    nav: tuple[bool, ...]  # covered by menu words (weak, strong or widget)
    lead: tuple[bool, ...]  # opens with a chrome lead ("Posted in", "©", cookie notice)
    filename: tuple[bool, ...]  # is a stray media filename


@lru_cache(maxsize=4)
def classify_lines(doc: Document) -> LineKinds:
    """Classify every line once per document (the line rules share the result)."""
    strong_list, weak_list = load_phrases("seo_chrome_terms"), load_phrases("seo_chrome_weak")
    widget_list = load_phrases("seo_widgets")
    strong, widget, nav, lead, filename = [], [], [], [], []
    for span in doc.lines:
        s = w = n = le = f = False
        if span.end - span.start <= MAX_ITEM_LINE and not _is_blank(doc, span):
            items = cover(doc, span, (strong_list, widget_list, weak_list))
            w = (bool(items) and widget_only(doc, span, widget_list)) or headline_counter(doc, span)
            n = bool(items)
            s = not w and any(k == 0 for k, _ in items)
            f = is_filename_line(doc, span)
        if not (s or w) and not _is_blank(doc, span):
            le = is_chrome_lead(doc, span)
        strong.append(s)
        widget.append(w)
        nav.append(n)
        lead.append(le)
        filename.append(f)
    for i in headings_among(doc, strong, widget, nav, lead, filename):
        strong[i] = widget[i] = False
    return LineKinds(tuple(strong), tuple(widget), tuple(nav), tuple(lead), tuple(filename))


def headings_among(doc: Document, *kinds: list[bool]) -> Iterator[int]:
    """One-word chrome lines that head the paragraph after them ("Menu" before "The
    menu changes weekly ..."): the word comes back in the next line of prose.

    "Next line of prose" skips blank lines and every line a line rule could remove,
    so removing those lines never changes the answer (fixes stay idempotent)."""
    strong, widget, nav, lead, filename = kinds
    next_prose = -1
    for i in range(len(doc.lines) - 1, -1, -1):
        span = doc.lines[i]
        if (strong[i] or widget[i]) and next_prose >= 0:
            words = _WORD.findall(doc.text, span.start, span.end)
            if len(words) == 1 and _mentions(doc, doc.lines[next_prose], words[0]):
                yield i
        if not (_is_blank(doc, span) or nav[i] or lead[i] or filename[i] or widget[i]):
            next_prose = i


def _mentions(doc: Document, span: Span, word: str) -> bool:
    """Is ``span`` a line of prose (a dozen words or more) using ``word`` or a form of it?"""
    if span.end - span.start < HEADING_PROSE_CHARS:
        return False
    stem = word.rstrip("esES") if len(word) > 4 else word  # share/sharing, comments/comment
    pattern = re.compile(rf"\b{re.escape(stem)}", re.IGNORECASE)
    return pattern.search(doc.text, span.start, span.end) is not None


def headline_counter(doc: Document, span: Span) -> bool:
    """A Title Case headline closed by a counter ("Bridge Closes for Good 11 comments")."""
    m = load_phrases("seo_counter_tail").pattern.search(doc.text, span.start, span.end)
    if not m:
        return False
    words = _WORD.findall(doc.text, span.start, m.start())
    if not 1 <= len(words) <= MAX_LEAD_WORDS or _SENTENCE_END.search(
        doc.text, span.start, m.start()
    ):
        return False
    return sum(w[0].isupper() or w[0].isdigit() for w in words) >= 0.6 * len(words)


def widget_only(doc: Document, span: Span, widgets: PhraseList) -> bool:
    """Is the line made of widget items only, one of them longer than a letter?"""
    items = cover(doc, span, (widgets,))
    return any(length > 1 for _, length in items)


@lru_cache(maxsize=4)
def removable_lines(doc: Document) -> frozenset[int]:
    """Lines the line rules report with their default options (they shape the fixes)."""
    kinds = classify_lines(doc)
    residue = (i for i in range(len(doc.lines)) if is_line_residue(kinds, i))
    defaults = PageChrome.Options()
    runs = nav_runs(doc, kinds, defaults.nav_run, defaults.weak_nav_run)
    return frozenset(residue) | runs


def is_line_residue(kinds: LineKinds, index: int) -> bool:
    """Is the line reported by a line rule whatever the context (SEO001/2/4)?"""
    return kinds.strong[index] or kinds.widget[index] or kinds.lead[index] or kinds.filename[index]


def is_chrome_lead(doc: Document, span: Span) -> bool:
    """Does the line open with a chrome label, boilerplate or notice (or is it tags)?"""
    if _HASHTAGS.fullmatch(doc.text, span.start, span.end):
        return True
    start = _content_start(doc, span)
    if load_phrases("seo_chrome_notice").pattern.match(doc.text, start, span.end):
        return True
    lead = load_phrases("seo_chrome_lead").pattern.match(doc.text, start, span.end)
    label = (
        None if lead else load_phrases("seo_chrome_label").pattern.match(doc.text, start, span.end)
    )
    if not (lead or label) or len(_WORD.findall(doc.text, start, span.end)) > MAX_LEAD_WORDS:
        return False
    return lead is not None or not _SENTENCE_END.search(doc.text, start, span.end)


@lru_cache(maxsize=4)
def nav_runs(doc: Document, kinds: LineKinds, min_run: int, min_weak_run: int) -> frozenset[int]:
    """Lines of menu words that sit in a run of menu-like lines (blank lines and
    filename lines do not break a run): at least ``min_run`` lines including one
    that is chrome on its own, or ``min_weak_run`` lines of section names. Bare
    numbers in a run with a widget ("412" under "Share") are its counters."""
    flagged: set[int] = set()
    run: list[int] = []
    counts: list[int] = []  # bare numbers ("412" claps): kept only beside a widget
    anchored = widgets = False

    def close() -> None:
        if not run:
            return
        if len(run) >= min_weak_run or (anchored and len(run) + len(counts) >= min_run):
            flagged.update(run)
            if widgets:
                flagged.update(counts)

    for i, span in enumerate(doc.lines):
        if kinds.filename[i] or _content_start(doc, span) == span.end:
            continue  # blank lines, "·" and "***" do not break a run
        if kinds.nav[i] or kinds.lead[i]:
            run.append(i)
            anchored = anchored or kinds.strong[i] or kinds.widget[i] or kinds.lead[i]
            widgets = widgets or kinds.widget[i]
            continue
        if _COUNT_LINE.fullmatch(doc.text, span.start, span.end):
            counts.append(i)
            continue
        close()
        run, counts, anchored, widgets = [], [], False, False
    close()
    return frozenset(flagged | menu_blocks(doc, kinds, min_weak_run))


_COUNT_LINE = re.compile(r"\s*\d[\d,.]*\s*[kKmM]?\s*")
_MENU_ITEM = re.compile(r"[^\W_][^.!?;:,\n]{0,40}")


def menu_blocks(doc: Document, kinds: LineKinds, min_lines: int) -> set[int]:
    """Lines of a menu: a group of at least ``min_lines`` adjacent lines (no blank line
    between them), each a short item without sentence punctuation, at least half of
    them menu words, one chrome on its own; the unknown items ("Middle East",
    "Personal Finance") go too."""
    flagged: set[int] = set()
    group: list[int] = []

    def close() -> None:
        if len(group) < min_lines:
            return
        known = sum(1 for i in group if kinds.nav[i])
        anchor = any(kinds.strong[i] or kinds.widget[i] for i in group)
        if anchor and len(group) >= min_lines and 2 * known >= len(group):
            flagged.update(group)

    for i, span in enumerate(doc.lines):
        start = _content_start(doc, span)
        short = span.end - start <= 60 and len(_WORD.findall(doc.text, start, span.end)) <= 4
        if short and (kinds.nav[i] or _MENU_ITEM.fullmatch(doc.text, start, span.end)):
            group.append(i)
            continue
        if is_line_residue(kinds, i):
            continue  # reported anyway: once it is fixed away the group must stay the same
        close()
        group = []
    close()
    return flagged


# -- SEO002 helpers ---------------------------------------------------------------
_MEDIA_EXT = (
    "png|jpe?g|gif|webp|svg|avif|heic|heif|tiff?|bmp|ico|jfif|"
    "mp4|m4v|mov|webm|avi|mkv|wmv|mp3|m4a|wav|ogg|"
    "pdf|docx?|pptx?|xlsx?|odt|zip"
)
_FILENAME_LINE = re.compile(
    rf"[\s*_>\-•\"'“”‘’]*(?P<name>[^\s/\\<>|]+(?:[ \t][^\s/\\<>|]+)*?\.(?:{_MEDIA_EXT}))"
    r"[\s*_\"'“”‘’]*",
    re.IGNORECASE,
)
_MACHINE_NAME = re.compile(
    r"_|\(\d+\)|%20|\d{3,}|[A-Za-z0-9]{12,}|-\d+x\d+|(?i:edited|copy|final|scaled|img|dsc)"
)
_DEVICE_NAME = re.compile(
    r"(?:(?:screenshot|screen\s+shot|img|dsc|dscn|pxl|mvimg|vid|photo)[\s_-]*\d"
    r"|copy\s+of\s|untitled\b)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?:;,]\s")


def is_filename_line(doc: Document, span: Span) -> bool:
    """Is the whole line a media filename (hashed, slugified or camera-named)?"""
    m = _FILENAME_LINE.fullmatch(doc.text, span.start, span.end)
    if not m:
        return False
    name = m.group("name")
    if _DEVICE_NAME.match(name):
        return True
    if "://" in name or name.lower().startswith("www.") or "](" in name or "`" in name:
        return False
    if _SENTENCE_BREAK.search(name):
        return False
    if " " not in name and "\t" not in name:
        return True
    last = name.split()[-1]
    return _MACHINE_NAME.search(last) is not None


# -- sentence helpers (SEO003, SEO005) ----------------------------------------------
SentenceTest = Callable[[Document, int, int], bool]
_LEAD_IN = re.compile(
    r"(?:(?:so|now|and|then|today|also|please|meanwhile)\b[,!]?\s+"
    r"|(?:to|if|for|whether|when|while)\b[^,.!?\n]{0,150},\s*)",
    re.IGNORECASE,
)
_HOOK = re.compile(
    r"(?:(?:ready|want|wanna|looking|interested|curious|eager|keen|excited|need)\b[^\n]*\?"
    r"|(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:reading|stopping\s+by|visiting)"
    r"\b[^\n]{0,60}[.!])\s*$",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(
    r"(?:Why|How|What|When|Where|Who|Which|Is|Are|Can|Could|Does|Do|Did|Should|Will|Would)\b"
)


_NON_WORD = re.compile(r"[^\w]*")


def _body_start(doc: Document, start: int, end: int) -> int:
    """Offset of the sentence's first word (after emoji, quotes and bullets)."""
    m = _NON_WORD.match(doc.text, start, end)
    return m.end() if m else start


def is_call_to_action(doc: Document, start: int, end: int) -> bool:
    verbs = load_phrases("seo_cta_verbs").pattern
    pos = _body_start(doc, start, end)
    if load_phrases("seo_cta_self").pattern.match(doc.text, pos, end):
        return True
    if not verbs.match(doc.text, pos, end):
        lead = _LEAD_IN.match(doc.text, pos, end)
        if not lead or not verbs.match(doc.text, lead.end(), end):
            return False
    if load_phrases("seo_cta_markers").search(doc.text, start, end) is not None:
        return True
    cues = (
        _EMOJI.search(doc.text, start, end),
        _URGENT.search(doc.text, start, end),
        _SELF.search(doc.text, start, end),
        load_phrases("seo_cta_links").search(doc.text, start, end),
    )
    return sum(cue is not None for cue in cues) >= 2


def is_hook(doc: Document, start: int, end: int) -> bool:
    """A teaser before a call to action: "Ready to dive in?", "Hungry for more?",
    "Thanks for reading!"."""
    pos = _body_start(doc, start, end)
    if _HOOK.match(doc.text, pos, end):
        return True
    short = len(_WORD.findall(doc.text, pos, end)) <= HOOK_MAX_WORDS
    return short and doc.text[start:end].rstrip().endswith("?")


def is_headline_bait(doc: Document, start: int, end: int) -> bool:
    """A pointer followed by a headline: "... learn more about Why Did This Happen?".

    A sentence closed by a full stop reads as prose, not as a headline link."""
    if end <= start or doc.text[end - 1] in ".!":
        return False
    for m in load_phrases("seo_related_inline").finditer(doc.text, start, end):
        tail = doc.text[m.end : end].strip()
        if tail.endswith("?") and _QUESTION_WORD.match(tail):
            return True
        words = _WORD.findall(tail)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            return True
    return False


def sentence_runs(doc: Document, test: SentenceTest) -> Iterator[tuple[int, int]]:
    """Runs of consecutive sentences of one block that pass ``test`` (a hook
    question right before a passing sentence joins its run)."""
    sentences = doc.sentences
    i = 0
    while i < len(sentences):
        s = sentences[i]
        if not test(doc, s.start, s.end):
            i += 1
            continue
        first = i
        if i > 0 and sentences[i - 1].block == s.block:
            prev = sentences[i - 1]
            if is_hook(doc, prev.start, prev.end):
                first = i - 1
        last = i
        while (
            last + 1 < len(sentences)
            and sentences[last + 1].block == s.block
            and test(doc, sentences[last + 1].start, sentences[last + 1].end)
        ):
            last += 1
        yield first, last
        i = last + 1


def sentence_violation(rule: Rule, doc: Document, first: int, last: int, message: str) -> Violation:
    """Report a run of sentences: the whole line when the run fills its line, with an
    unsafe line deletion; a run closing a longer paragraph line loses just itself."""
    sentences = doc.sentences
    start, end = sentences[first].start, sentences[last].end
    message = f"{message}: {_shorten(doc.text[start:end].strip())!r}"
    line = doc.line_index(start)
    span = doc.lines[line]
    if doc.line_index(end) != line:
        return rule.violation(start, end, message)
    head = _content_start(doc, Span(span.start, start))
    tail_blank = _GAP_OK.fullmatch(doc.text, end, span.end) is not None
    if tail_blank and head >= start:
        return rule.violation(span.start, span.end, message, line_deletion(doc, line, safe=False))
    block_end = doc.blocks[sentences[last].block].end
    if tail_blank and end >= block_end and first > 0:
        prev_end = sentences[first - 1].end
        if prev_end >= span.start:
            return rule.violation(start, end, message, Fix.delete(prev_end, end, safe=False))
    return rule.violation(start, end, message)


# -- the rules --------------------------------------------------------------------
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
        nav_run: int = 3
        weak_nav_run: int = 5

    def check(self, doc: Document) -> Iterator[Violation]:
        kinds = classify_lines(doc)
        runs = nav_runs(doc, kinds, self.options.nav_run, self.options.weak_nav_run)
        for i, span in enumerate(doc.lines):
            if kinds.widget[i] or kinds.filename[i]:
                continue
            if kinds.strong[i] or kinds.lead[i] or i in runs:
                text = doc.text[span.start : span.end].strip()
                yield self.violation(
                    span.start,
                    span.end,
                    f"page chrome left in the article: {_shorten(text)!r}",
                    line_deletion(doc, i),
                )


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
        for i, span in enumerate(doc.lines):
            if span.end - span.start <= MAX_ITEM_LINE and is_filename_line(doc, span):
                name = doc.text[span.start : span.end].strip()
                yield self.violation(
                    span.start,
                    span.end,
                    f"stray media filename: {_shorten(name)!r}",
                    line_deletion(doc, i),
                )


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
        for first, last in sentence_runs(doc, is_call_to_action):
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
        for i, span in enumerate(doc.lines):
            if kinds.widget[i] and not kinds.filename[i]:
                text = doc.text[span.start : span.end].strip()
                yield self.violation(
                    span.start,
                    span.end,
                    f"engagement counter or social widget: {_shorten(text)!r}",
                    line_deletion(doc, i),
                )


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
        related = load_phrases("seo_related").pattern
        seen = set(removable_lines(doc))  # lines the line rules report already
        for i, span in enumerate(doc.lines):
            if i in seen:
                continue
            start = _content_start(doc, span)
            m = related.match(doc.text, start, span.end) if start < span.end else None
            if not m or len(_WORD.findall(doc.text, start, span.end)) > 25:
                continue
            rest_empty = _GAP_OK.fullmatch(doc.text, m.end(), span.end) is not None
            if rest_empty or _DELIMITER.search(doc.text, m.start(), m.end()):
                seen.add(i)
                text = doc.text[span.start : span.end].strip()
                yield self.violation(
                    span.start,
                    span.end,
                    f"related-link bait: {_shorten(text)!r}",
                    line_deletion(doc, i, safe=False),
                )
        # Link bait closes its paragraph: only the last sentence of a block is read.
        sentences = doc.sentences
        for i, s in enumerate(sentences):
            if i + 1 < len(sentences) and sentences[i + 1].block == s.block:
                continue
            if doc.line_index(s.start) not in seen and is_headline_bait(doc, s.start, s.end):
                yield sentence_violation(
                    self, doc, i, i, "related-link bait pointing at another article"
                )


def _shorten(text: str, width: int = 60) -> str:
    """The text for a message: blanked markup squeezed out, cut at ``width``."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


RULES: tuple[type[Rule], ...] = (
    PageChrome,
    StrayMediaFilename,
    PromotionalCallToAction,
    EngagementCounters,
    RelatedLinkBait,
)
