"""SEO family: page chrome, stray filenames, calls to action, counters, link bait."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lint.document import Document
from lint.rule import Rule
from rules.seo import (
    RULES,
    EngagementCounters,
    PageChrome,
    PromotionalCallToAction,
    RelatedLinkBait,
    StrayMediaFilename,
)
from tests.harness import SHARED, flagged_lines, run_rule

BODY = "The council met on Tuesday and voted to keep the library open on Sundays."

# (rule, text, 1-based lines that must be flagged)
FLAGGED: list[tuple[type[Rule], str, list[int]]] = [
    (PageChrome, f"top of page\n\n{BODY}\n\nbottom of page\n", [1, 5]),
    (PageChrome, f"Skip to main content\n\n{BODY}\n", [1]),
    (PageChrome, f"{BODY}\n\nBack to top\n", [3]),
    (PageChrome, f"{BODY}\n\nPrivacy Policy | Terms of Use | Cookie Policy\n", [3]),
    (PageChrome, f"{BODY}\n\n• About Us • Contact Us • Advertise with us •\n", [3]),
    (PageChrome, f"Posted in Politics, Local News\n\n{BODY}\n", [1]),
    (PageChrome, f"{BODY}\n\nTags: library, council, budget\n", [3]),
    (PageChrome, f"{BODY}\n\nFiled under: Local Government\n", [3]),
    (PageChrome, f"{BODY}\n\nPowered by Squarespace\n", [3]),
    (PageChrome, f"{BODY}\n\nCopyright © 2024 Valley Courier. All rights reserved.\n", [3]),
    (PageChrome, f"{BODY}\n\n© 2023 Some Media Group\n", [3]),
    (
        PageChrome,
        "This website uses cookies to give you the best experience. Accept Decline\n\n" + BODY,
        [1],
    ),
    (PageChrome, f"{BODY}\n\nShare this:\n\nLeave a Reply\n", [3, 5]),
    (PageChrome, f"{BODY}\n\nSubscribe\n\nLog in\n", [3, 5]),
    (PageChrome, f"Home\nNews\nSport\nWeather\nSubscribe\n\n{BODY}\n", [1, 2, 3, 4, 5]),
    (PageChrome, f"{BODY}\n\n[Privacy policy](/privacy) · [Terms](/terms)\n", [3]),
    (PageChrome, f"{BODY}\n\nYour email address will not be published.\n", [3]),
    (PageChrome, f"{BODY}\n\nJoin our weekly newsletter for FREE!\n", [3]),
    (PageChrome, f"{BODY}\n\nDiscussion about this post\n", [3]),
    (PageChrome, f"Member-only story\n\n7 min read\n\n{BODY}\n", [1, 3]),
    (PageChrome, f"{BODY}\n\nStory continues below advertisement\n\n{BODY}\n", [3]),
    (PageChrome, f"{BODY}\n\nNewer Post\nOlder Post\n", [3, 4]),
    (PageChrome, f"{BODY}\n\n#libraries #LocalNews #budget2024\n", [3]),
    (PageChrome, f"Posted on March 3, 2024 by admin\n\n{BODY}\n", [1]),
    (
        PageChrome,
        f"Writer’s picture\n\n{BODY}\n\nRated 0 out of 5 stars.\nNo ratings yet\n",
        [1, 5, 6],
    ),
    (PageChrome, f"{BODY}\n\n©2024 by Dale Bakes. Proudly created with Wix.com\n", [3]),
    (PageChrome, f"{BODY}\n\nEntries RSS | Comments RSS | Back to blog\n", [3]),
    (PageChrome, f"{BODY}\n\nCommenting has been turned off for this post.\n", [3]),
    (EngagementCounters, f"{BODY}\n\n0 views0 comments\n", [3]),
    (StrayMediaFilename, f"{BODY}\n\nUntitled design.png\n", [3]),
    (PromotionalCallToAction, f"{BODY}\n\nContact us today for a free consultation.\n", [3]),
    (StrayMediaFilename, f"{BODY}\n\nIMG_2041.JPG\n", [3]),
    (StrayMediaFilename, f"{BODY}\n\nsummer-fair-banner_Xk29QpLmZ7rT.webp\n", [3]),
    (StrayMediaFilename, f"{BODY}\n\nBlue Green Modern Event Flyer (3)_edited.png\n", [3]),
    (StrayMediaFilename, f"{BODY}\n\nScreenshot 2024-03-02 at 10.41.22.png\n", [3]),
    (StrayMediaFilename, f"{BODY}\n\nannual_report_2023_final.pdf\n", [3]),
    (StrayMediaFilename, f"{BODY}\n\n*hero-video_1080p.mp4*\n", [3]),
    (PromotionalCallToAction, f"{BODY}\n\nVisit us at valleycourier.com for more!\n", [3]),
    (PromotionalCallToAction, f"{BODY} Learn more about libraries in our blog.\n", [1]),
    (PromotionalCallToAction, f"{BODY}\n\n👉 Join my community for FREE today!\n", [3]),
    (
        PromotionalCallToAction,
        f"{BODY}\n\nWant more? Check out our free course at https://example.com/course\n",
        [3],
    ),
    (PromotionalCallToAction, f"{BODY}\n\nSubscribe to our weekly digest.\n", [3]),
    (
        PromotionalCallToAction,
        f"{BODY}\n\nTo read every story first, sign up for our newsletter.\n",
        [3],
    ),
    (PromotionalCallToAction, f"{BODY}\n\nDonate now\n", [3]),
    (PromotionalCallToAction, f"{BODY}\n\nDon't miss our spring sale at dalebakes.com!\n", [3]),
    (PromotionalCallToAction, f"{BODY}\n\nStart your journey today at stepwise.io!\n", [3]),
    (PromotionalCallToAction, f"{BODY}\n\nFollow our updates at https://example.org/news\n", [3]),
    (EngagementCounters, f"0 views\n\n{BODY}\n", [1]),
    (EngagementCounters, f"{BODY}\nFeedback 0 likes\n", [2]),
    (EngagementCounters, f"{BODY}\n\n1.2K likes · 48 comments · 9 shares\n", [3]),
    (EngagementCounters, f"{BODY}\n\nLike · Reply\n", [3]),
    (EngagementCounters, f"{BODY}\n\nFollow us on Instagram\n", [3]),
    (EngagementCounters, f"{BODY}\n\nShare on Facebook | Share on X\n", [3]),
    (EngagementCounters, f"{BODY}\n\nFacebook\nTwitter\nLinkedIn\n", [3, 4, 5]),
    (PageChrome, f"{BODY}\n\n412\n\n9\n\nListen\n\nShare\n\n{BODY}\n", [3, 5, 7]),
    (EngagementCounters, f"{BODY}\n\nComments (3)\n", [3]),
    (EngagementCounters, f"{BODY}\n\nClick to share on Twitter (Opens in new window)\n", [3]),
    (EngagementCounters, f"{BODY}\n\nMayor Opens New Library Wing 14 comments\n", [3]),
    (RelatedLinkBait, f"{BODY}\n\nRead more: Five Libraries Worth a Detour\n", [3]),
    (RelatedLinkBait, f"{BODY}\n\nRelated: Why the Council Cut the Arts Budget\n", [3]),
    (RelatedLinkBait, f"{BODY}\n\nSee also: Library Opening Hours Explained\n", [3]),
    (RelatedLinkBait, f"{BODY}\n\nALSO READ | Budget Row Deepens\n", [3]),
    (RelatedLinkBait, f"{BODY}\n\nYou might also like\n", [3]),
    (RelatedLinkBait, f"{BODY}\n\nMost Read\n", [3]),
    (RelatedLinkBait, f"{BODY}\n\nMore from Priya Raman\n\nRecommended from Medium\n", [3, 5]),
    (
        RelatedLinkBait,
        f"{BODY}\n\nTo go further, learn more about How Do Libraries Choose Their Books?\n",
        [3],
    ),
]

# (rule, text): the same vocabulary in ordinary sentences must not be flagged
CLEAN: list[tuple[type[Rule], str]] = [
    (PageChrome, "Scroll to the bottom of the page to see the full chart.\n"),
    (PageChrome, "Readers can subscribe to the printed guide for a small fee.\n"),
    (PageChrome, "The search for a new chef continues, and the menu will change.\n"),
    (PageChrome, "Share prices fell after the announcement.\n"),
    (PageChrome, "Politics\n\nThe council argued about the budget for three hours.\n"),
    (PageChrome, "Business\n\nSales rose in the second quarter.\n\nSport\n\nThe team won.\n"),
    (PageChrome, "© Reuters\n"),
    (PageChrome, "#1\n\nThe first entry on the list.\n"),
    (PageChrome, "Menu\n\nThe café serves soup and bread, and its menu changes every week.\n"),
    (
        EngagementCounters,
        "Share\n\nSharing books with neighbours is what the little library is for.\n",
    ),
    (PageChrome, "Cookies\n\nBeat the butter and sugar until pale, then fold in the flour.\n"),
    (PageChrome, "Privacy\n\nThe app collects less data than its rivals.\n"),
    (PageChrome, "Print\n\nNewspaper sales fell again last year.\n"),
    (PageChrome, "The privacy policy of the app changed twice last year.\n"),
    (PageChrome, "Tags were attached to each bird's leg before release.\n"),
    (PageChrome, "Posted in the 1990s, the letter took three weeks to arrive.\n"),
    (PageChrome, "Posted on the town hall door, the notice listed new hours.\n"),
    (PageChrome, "Written by: Chris Dale / Valley Courier\n\n*Image Source: Wikimedia*\n"),
    (StrayMediaFilename, "Save the chart as chart.png before printing it.\n"),
    (StrayMediaFilename, "![The reading room](images/reading_room_01.jpg)\n"),
    (StrayMediaFilename, "The file is at https://example.org/files/report_2023.pdf\n"),
    (StrayMediaFilename, "Open the attachment called report.pdf\n"),
    (StrayMediaFilename, "The JPEG format is older than PNG.\n"),
    (PromotionalCallToAction, "Visit the museum early, before the coach parties arrive.\n"),
    (PromotionalCallToAction, "To reach the bridge, follow the river path for two miles.\n"),
    (PromotionalCallToAction, "Readers who subscribe to the paper get the supplement.\n"),
    (PromotionalCallToAction, "The agency told people to visit gov.uk for the forms.\n"),
    (PromotionalCallToAction, "Join the two pieces with wood glue and leave overnight.\n"),
    (PromotionalCallToAction, "Try something new this weekend 😉\n"),
    (PromotionalCallToAction, "Visit nasa.gov for live coverage of the launch.\n"),
    (PromotionalCallToAction, "Download the installer from python.org and run it.\n"),
    (EngagementCounters, "The video had 2 million views in its first week.\n"),
    (EngagementCounters, "Facebook said the outage lasted about an hour.\n"),
    (EngagementCounters, "The post drew 300 comments, most of them angry.\n"),
    (EngagementCounters, "12\n\nThe twelfth item on the list.\n"),
    (PageChrome, "Results\n\n1\n2\n3\n4\n5\n6\n\nThe table shows the first six places.\n"),
    (PageChrome, "Help\n\n1\n2\n3\n\nHelp arrived after three hours, the report said.\n"),
    (EngagementCounters, "The council meeting drew 40 comments.\n"),
    (EngagementCounters, "the thread quickly filled up with 40 comments\n"),
    (RelatedLinkBait, "Related to this, the council also cut the arts budget.\n"),
    (RelatedLinkBait, "You can read more about the library in the council's minutes.\n"),
    (RelatedLinkBait, "Visitors want to learn more about the building's history.\n"),
    (RelatedLinkBait, "See also the earlier report from the same committee.\n"),
    (RelatedLinkBait, "More from the minister is expected later this week.\n"),
]


@pytest.mark.parametrize(("rule", "text", "lines"), FLAGGED, ids=lambda x: repr(x)[:40])
def test_flags(rule: type[Rule], text: str, lines: list[int]) -> None:
    assert flagged_lines(rule, text) == lines


@pytest.mark.parametrize(("rule", "text"), CLEAN, ids=lambda x: repr(x)[:40])
def test_leaves_alone(rule: type[Rule], text: str) -> None:
    assert run_rule(rule, text) == []


def test_clean_article_with_chrome_vocabulary_has_no_seo_flags() -> None:
    text = (
        "Listeners can subscribe to the printed guide, and the schedule is at the "
        "bottom of the page.\n\nVolunteers share the late shifts and follow the council "
        "meetings closely.\n\nA newsletter launched last spring was dropped after three "
        "issues.\n"
    )
    assert [v for rule in RULES for v in run_rule(rule, text)] == []


def apply(text: str, violations: list) -> str:  # type: ignore[type-arg]
    edits = sorted((e for v in violations if v.fix for e in v.fix.edits), key=lambda e: -e.start)
    for e in edits:
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


# (rule, text, text after applying its fixes)
FIXES: list[tuple[type[Rule], str, str]] = [
    (PageChrome, f"top of page\n\n{BODY}\n", f"{BODY}\n"),
    (PageChrome, f"{BODY}\n\nMenu\n\nSecond paragraph.\n", f"{BODY}\n\nSecond paragraph.\n"),
    (PageChrome, f"{BODY}\nMenu\n\nSecond.\n", f"{BODY}\n\nSecond.\n"),
    (PageChrome, f"{BODY}\r\n\r\nSubscribe\r\n\r\nSecond.\r\n", f"{BODY}\r\n\r\nSecond.\r\n"),
    (StrayMediaFilename, f"{BODY}\n\nIMG_2041.JPG\n\nSecond.\n", f"{BODY}\n\nSecond.\n"),
    (EngagementCounters, f"0 views\n{BODY}\n", f"{BODY}\n"),
    (
        PromotionalCallToAction,
        f"{BODY} Learn more about libraries in our blog.\n\nNext.\n",
        f"{BODY}\n\nNext.\n",
    ),
    (
        PromotionalCallToAction,
        f"{BODY}\n\nReady to start? Join our club at valleyclub.org!\n\nNext.\n",
        f"{BODY}\n\nNext.\n",
    ),
    (RelatedLinkBait, f"{BODY}\n\nRead more: Five Libraries\n\nNext.\n", f"{BODY}\n\nNext.\n"),
]


@pytest.mark.parametrize(("rule", "text", "fixed"), FIXES, ids=lambda x: repr(x)[:40])
def test_fix_removes_the_line_and_collapses_blanks(rule: type[Rule], text: str, fixed: str) -> None:
    assert apply(text, run_rule(rule, text)) == fixed


@pytest.mark.parametrize(
    ("rule", "safe"),
    [
        (PageChrome, True),
        (StrayMediaFilename, True),
        (EngagementCounters, True),
        (PromotionalCallToAction, False),
        (RelatedLinkBait, False),
    ],
)
def test_fix_safety(rule: type[Rule], safe: bool) -> None:
    for text in rule.examples_flagged:
        fixes = [v.fix for v in run_rule(rule, text) if v.fix]
        assert fixes and all(f.safe is safe for f in fixes)


@pytest.mark.parametrize(
    ("html", "fixable"),
    [
        ("<article>\n<p>Subscribe</p>\n<p>The council met on Tuesday.</p>\n</article>\n", True),
        ("<article><p>Subscribe</p>\n<p>The council met on Tuesday.</p>\n</article>\n", False),
    ],
)
def test_html_line_deleted_only_when_its_tags_balance(html: str, fixable: bool) -> None:
    from lint.inputs import load_document

    doc = load_document("page.html", html)
    (v,) = [v for v in PageChrome().check(doc)]
    assert (v.fix is not None) is fixable


def test_line_report_span_is_the_line_text() -> None:
    text = f"{BODY}\n\n  Privacy Policy  \n"
    (v,) = run_rule(PageChrome, text)
    assert text[v.start : v.end] == "Privacy Policy"


# (rule, path, text, text the report covers, text its fix deletes): a line report
# runs from the first to the last non-space character of the line (not over
# indentation or blanked markup); the fix still deletes the whole line.
LINE_SPANS: list[tuple[type[Rule], str, str, str, str]] = [
    (
        PageChrome,
        "a.txt",
        f"{BODY}\n\n  Privacy Policy  \n\n{BODY}\n",
        "Privacy Policy",
        "  Privacy Policy  \n\n",
    ),
    (
        PageChrome,
        "a.html",
        f"<article>\n<p>{BODY}</p>\n  <p>Subscribe</p>\n</article>\n",
        "Subscribe",
        "  <p>Subscribe</p>\n",
    ),
    (
        PageChrome,
        "a.md",
        f"{BODY}\n\n<span>Terms of Use</span>\n\n{BODY}\n",
        "Terms of Use",
        "<span>Terms of Use</span>\n\n",
    ),
    (
        StrayMediaFilename,
        "a.txt",
        f"{BODY}\n\n\tIMG_2041.JPG\n\n{BODY}\n",
        "IMG_2041.JPG",
        "\tIMG_2041.JPG\n\n",
    ),
    (EngagementCounters, "a.txt", f"{BODY}\n\n   0 views\n\n{BODY}\n", "0 views", "   0 views\n\n"),
    (
        PromotionalCallToAction,
        "a.txt",
        f"{BODY}\n\n   Visit us at valleycourier.com for more! \n\n{BODY}\n",
        "Visit us at valleycourier.com for more!",
        "   Visit us at valleycourier.com for more! \n\n",
    ),
    (
        RelatedLinkBait,
        "a.md",
        f"{BODY}\n\n> Read more: Five Libraries Worth a Detour\n\n{BODY}\n",
        "Read more: Five Libraries Worth a Detour",
        "> Read more: Five Libraries Worth a Detour\n\n",
    ),
]


@pytest.mark.parametrize(
    ("rule", "path", "text", "reported", "deleted"), LINE_SPANS, ids=lambda x: repr(x)[:40]
)
def test_line_report_skips_leading_and_trailing_space_but_fix_deletes_the_line(
    rule: type[Rule], path: str, text: str, reported: str, deleted: str
) -> None:
    from lint.inputs import load_document

    doc = load_document(path, text)
    (v,) = rule().check(doc)
    assert text[v.start : v.end] == reported
    assert v.fix is not None
    (edit,) = v.fix.edits
    assert (text[edit.start : edit.end], edit.replacement) == (deleted, "")


def test_call_to_action_inside_a_paragraph_has_no_fix() -> None:
    text = f"Visit us at valleyclub.org for tickets! {BODY}\n"
    (v,) = run_rule(PromotionalCallToAction, text)
    assert v.fix is None and text[v.start : v.end].startswith("Visit us")


def test_line_rules_do_not_double_report() -> None:
    text = f"{BODY}\n\nRead more\n\nIMG_0001.jpg\n\n0 views\n"
    doc = Document(text)
    lines = [doc.position(v.start)[0] for rule in RULES for v in rule().check(doc)]
    assert sorted(lines) == [3, 5, 7]


def test_a_large_page_is_judged_piece_by_piece() -> None:
    """Ten times the page, ten times each finding: no piece is judged against the
    whole page (the speed is measured by benchmarks/linearity.py, "page-chrome")."""
    chunk = f"{BODY}\n\nHome\nNews\nSubscribe\n\n0 views\n\nIMG_2041.JPG\n\n"
    counts = []
    for text in (chunk * 200, chunk * 2000):
        doc = Document(text)
        counts.append(Counter(v.code for rule in RULES for v in rule().check(doc)))
    assert counts[0] == {"SEO001": 600, "SEO002": 200, "SEO004": 200}
    assert counts[1] == {code: 10 * n for code, n in counts[0].items()}


def _seed_lines() -> list[tuple[str, int, str]]:
    gold = SHARED / "tools" / "seeds-gold.tsv"
    if not gold.exists():
        pytest.skip("../shared is not available")
    rows = [r.split("\t") for r in gold.read_text().splitlines() if r and not r.startswith("#")]
    return [(r[0], int(r[1]), r[3]) for r in rows if r[2] == "SEO"]


def test_seed_articles() -> None:
    """Every 'must' line of the seeds is flagged by the family, no 'never' line is."""
    rows = _seed_lines()
    for name in sorted({r[0] for r in rows}):
        doc = Document((SHARED / "seeds" / name).read_text(encoding="utf-8"))
        got = {doc.position(v.start)[0] for rule in RULES for v in rule().check(doc)}
        for _, line, kind in (r for r in rows if r[0] == name):
            assert (line in got) == (kind == "must"), f"{name}:{line} ({kind})"


@pytest.mark.parametrize("name", ["seo_chrome_terms", "seo_chrome_weak", "seo_widgets"])
def test_every_plain_list_item_covers_a_line_of_itself(name: str) -> None:
    """An item shadowed by a shorter one listed before it (the alternation takes the
    first entry that matches) or broken by escaping would never cover its own line."""
    from rules._seo_screens import screen
    from rules._seo_text import cover

    plist = screen(name)
    broken = []
    for entry in plist.plist.entries:
        if entry.startswith("re:"):
            continue
        doc = Document(entry + "\n")
        if not cover(doc, doc.lines[0], (plist,)):
            broken.append(entry)
    assert broken == []


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("Home » Recipes » Soups", True),
        ("Home > News > World", True),
        ("Home / Blog / Gardening tips", True),
        ("4 thoughts on “Simple Tomato Soup”", True),
        ('12 responses to "Why I quit my job"', True),
        ("Home is where the heart is, my grandmother used to say.", False),
        ("The draft drew 4 comments on the council website before the vote.", False),
    ],
)
def test_breadcrumbs_and_comment_thread_headers(line: str, flagged: bool) -> None:
    text = f"{line}\n\nThe article itself is a normal paragraph of text about soup and bread.\n"
    assert (1 in flagged_lines(PageChrome, text)) is flagged


@pytest.mark.parametrize(
    ("text", "line", "flagged"),
    [
        ("Jordan Blake\nFollow\n5 min read\n\nThe article begins here with a sentence.", 2, True),
        ("Listen\n\nShare\n\nThe article begins here with a sentence.", 1, True),
        ("Follow\n\nFollow the river north for two miles until you reach the old mill.", 1, False),
        ("Readers who follow the river north will find the old mill after two miles.", 1, False),
    ],
)
def test_follow_and_listen_widgets(text: str, line: int, flagged: bool) -> None:
    assert (line in flagged_lines(PageChrome, text)) is flagged


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("Check Price on Amazon", True),
        ("Buy Now", True),
        ("View at Walmart", True),
        ("Was this article helpful? Yes No", True),
        ("Jump to: Best overall | Best budget | Best large", True),
        ("Buy now, pay later schemes have grown fast among young shoppers this year.", False),
        ("Check the price of each model before you commit to a two-year contract.", False),
    ],
)
def test_shop_buttons_feedback_widgets_and_jump_links(line: str, flagged: bool) -> None:
    text = f"Intro paragraph of the article, written as a normal sentence.\n\n{line}\n\nMore text."
    assert (3 in flagged_lines(PageChrome, text)) is flagged


# -- fast paths agree with the plain definitions ---------------------------------------

_LISTS = [
    "seo_chrome_terms",
    "seo_widgets",
    "seo_chrome_weak",
    "seo_chrome_notice",
    "seo_chrome_lead",
    "seo_chrome_label",
    "seo_related",
    "seo_related_inline",
    "seo_counter_tail",
    "seo_cta_self",
    "seo_cta_verbs",
    "seo_cta_markers",
    "seo_cta_links",
]
_ODD_LINES = [
    "",
    "   ",
    "\t\u00a0",
    "***",
    "© 2024 Valley Courier",
    "@valley",
    "#libraries #budget",
    "_under_score",
    "](/privacy) Privacy policy",
    "12 comments",
    "  412",
    "(3) likes",
    "ſhare on Facebook",
    "LİKES 4",
    "Kelvin \u212a views",
    "Read more: Ten Bridges",
    "read more about Why Did It Close?",
    "Subscribe to our newsletter",
    "Get the weekly newsletter",
    "Copyright 2024 by me",
    "IMG_2041.JPG",
    "report.pdf  ",
    "Posted in News",
    "Home » Recipes » Soups",
    "naïve café menu",
    "2024",
    "Share",
    "Menu",
]


def _fast_path_texts() -> list[str]:
    """Sample articles, the seeds, and odd lines mixed with chrome and prose."""
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "samples").glob("*.*"))]
    texts = [t for t in texts if t]
    seeds = SHARED / "seeds"
    if seeds.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))[:40]]
    for corpus in ("news", "web-pages"):
        folder = SHARED / "corpus" / corpus
        if folder.exists():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:25]]
    rng = __import__("random").Random(7)
    for _ in range(200):
        lines = [rng.choice(_ODD_LINES + [BODY]) for _ in range(rng.randint(1, 12))]
        texts.append(rng.choice(["\n", "\r\n", "\n\n"]).join(lines) + rng.choice(["", "\n"]))
    return texts


@pytest.fixture(params=[True, False], ids=["screened", "plain"])
def screens_on(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run a test with the SEO screens in use and without (as before a process has
    read SCREEN_AFTER_CHARS), each time with no line rows or masks remembered."""
    from rules import _seo_cta, _seo_lines, _seo_screens

    monkeypatch.setattr(_seo_screens, "_ready", request.param)
    for memo in (_seo_lines._ROWS, _seo_lines._MASKS, _seo_cta._OPENINGS):
        saved = dict(memo)
        memo.clear()
        request.addfinalizer(lambda memo=memo, saved=saved: (memo.clear(), memo.update(saved)))
    return request.param  # (what is worked out per document goes with the document)


def test_start_screens_give_the_lists_own_matches(screens_on: bool) -> None:
    """``StartScreen.match`` (with the per-document open-entry lines) is exactly the
    list's ``pattern.match`` at every line and word start."""
    import re

    from rules._seo_screens import screen

    starts = re.compile(r"(?m)^|\b|(?<=\s)")
    checked = 0
    for text in _fast_path_texts():
        doc = Document(text)
        for name in _LISTS:
            plist = screen(name)
            rest_lines = plist.rest_lines(doc)
            for m in starts.finditer(text):
                pos = m.start()
                line = doc.line_index(pos)
                end = doc.lines[line].end
                if pos > end:
                    continue
                rest_ok = rest_lines is None or line in rest_lines
                want = plist.plist.pattern.match(text, pos, end)
                got = plist.match(text, pos, end, None, rest_ok)
                assert (want and want.span()) == (got and got.span()), (name, text[pos:end])
                checked += 1
    assert checked > 10_000


def test_line_heads_agree_with_content_start_and_is_blank() -> None:
    from rules._seo_text import content_start, is_blank, line_heads

    for text in _fast_path_texts():
        doc = Document(text)
        starts, blanks = line_heads(doc)
        assert starts == [content_start(doc, span) for span in doc.lines]
        assert blanks == [is_blank(doc.text, span) for span in doc.lines]


def _plain_kinds(doc: Document) -> list[tuple[bool, ...]]:
    """Each line's row computed the plain way: every list matched as it stands."""
    import re

    from lint.phrases import load_phrases
    from rules import _seo_lines as lines_mod
    from rules._seo_filenames import is_filename_line
    from rules._seo_link_bait import is_related_line
    from rules._seo_text import SENTENCE_END, content_start, count_words, is_blank

    class Plain:
        def __init__(self, name: str) -> None:
            self.pattern = load_phrases(name).pattern

        def match(self, text: str, pos: int, end: int, *_: object) -> re.Match[str] | None:
            return self.pattern.match(text, pos, end)

    terms, widgets, weak = (
        Plain(n) for n in ("seo_chrome_terms", "seo_widgets", "seo_chrome_weak")
    )
    from rules._seo_text import cover

    def lead(span, start) -> bool:  # noqa: ANN001
        text, end = doc.text, span.end
        if lines_mod._HASHTAGS.fullmatch(text, span.start, end):
            return True
        if load_phrases("seo_chrome_notice").pattern.match(text, start, end):
            return True
        found = load_phrases("seo_chrome_lead").pattern.match(text, start, end)
        label = None if found else load_phrases("seo_chrome_label").pattern.match(text, start, end)
        if not (found or label) or count_words(doc, start, end) > lines_mod.MAX_LEAD_WORDS:
            return False
        return found is not None or not SENTENCE_END.search(text, start, end)

    rows = []
    for span in doc.lines:
        start = content_start(doc, span)
        if is_blank(doc.text, span):
            rows.append((False,) * 8)
            continue
        strong = widget = nav = filename = False
        if span.end - span.start <= lines_mod.MAX_ITEM_LINE:
            items = cover(doc, span, (terms, widgets, weak))  # type: ignore[arg-type]
            widget_items = cover(doc, span, (widgets,))  # type: ignore[arg-type]
            widget = (bool(items) and any(n > 1 for _, n in widget_items)) or (
                lines_mod.headline_counter(doc, span)
            )
            nav = bool(items)
            strong = not widget and any(k == 0 for k, _ in items)
            filename = is_filename_line(doc, span)
        short = span.end - start <= 60 and count_words(doc, start, span.end) <= 4
        menu_item = short and (
            nav or bool(lines_mod.MENU_ITEM.fullmatch(doc.text, start, span.end))
        )
        count = bool(lines_mod.COUNT_LINE.fullmatch(doc.text, span.start, span.end))
        is_lead = not (strong or widget) and lead(span, start)
        related = is_related_line(doc, span, start)
        rows.append((strong, widget, nav, is_lead, filename, related, menu_item, count))
    return rows


def test_line_kinds_agree_with_the_plain_checks(screens_on: bool) -> None:
    """Screens, first-word masks and remembered rows change no line's classification
    (headings aside, which classify_lines settles afterwards in both)."""
    from rules._seo_lines import classify_lines

    for text in _fast_path_texts():
        doc = Document(text)
        kinds = classify_lines(doc)
        plain = _plain_kinds(doc)
        for i, row in enumerate(plain):
            strong, widget, nav, lead, filename, related, menu_item, count = row
            if not (kinds.strong[i] or kinds.widget[i]) and (strong or widget):
                continue  # a one-word heading of the paragraph below it
            got = (
                kinds.strong[i],
                kinds.widget[i],
                kinds.nav[i],
                kinds.lead[i],
                kinds.filename[i],
                kinds.related[i],
                kinds.menu_item[i],
                kinds.count_line[i],
            )
            assert got == row, (i, doc.text[doc.lines[i].start : doc.lines[i].end])


def test_word_starts_and_filename_lines_find_every_occurrence() -> None:
    import re

    from rules._seo_filenames import _FILENAME_LINE, filename_lines
    from rules._seo_screens import screen, word_starts

    for text in _fast_path_texts():
        doc = Document(text)
        found = filename_lines(doc)
        for i, span in enumerate(doc.lines):
            if _FILENAME_LINE.fullmatch(doc.text, span.start, span.end):
                assert i in found
        anchors = screen("seo_counter_tail")._rest_anchors
        assert anchors is not None
        starts = word_starts(doc, anchors)
        if starts is None:
            continue
        words = "|".join(sorted(anchors))
        want = {m.start() for m in re.finditer(rf"(?<!\w)(?:{words})(?!\w)", text, re.IGNORECASE)}
        assert set(starts) == want


def test_first_word_masks_agree_with_may_start(screens_on: bool) -> None:
    from rules._seo_lines import _LineScan
    from rules._seo_screens import first_word_mask, word_key

    scan = _LineScan(Document(BODY))
    words = ["", "The", "news", "NEWS", "2024", "4k", "Share", "shares", "enrolment", "café"]
    words += [w for text in _fast_path_texts()[:20] for w in text.split()[:50]]
    for word in words:
        want = sum(1 << k for k, s in enumerate(scan.screens) if s.may_start(word_key(word)))
        assert first_word_mask(word, scan.screens, {}) == want, word


def _plain_headings(doc: Document, blanks, strong, widget, nav, lead, filename):  # noqa: ANN001, ANN202
    """headings_among as first written: one pass up the lines."""
    from rules._seo_lines import WORD, _mentions

    next_prose = -1
    for i in range(len(doc.lines) - 1, -1, -1):
        span = doc.lines[i]
        if (strong[i] or widget[i]) and next_prose >= 0:
            words = WORD.findall(doc.text, span.start, span.end)
            if len(words) == 1 and _mentions(doc, doc.lines[next_prose], words[0]):
                yield i
        if not (blanks[i] or nav[i] or lead[i] or filename[i] or widget[i]):
            next_prose = i


def test_headings_agree_with_the_plain_pass(screens_on: bool) -> None:
    from rules._seo_lines import _LineScan, headings_among
    from rules._seo_text import line_heads

    prose = {
        "Menu": "The menu changes every season and the chef writes it by hand each week.",
        "Share": "Sharing the road with cyclists is the theme of the council's new campaign.",
        "Comments": "The comments under the article were mostly about the closed bridge.",
    }
    texts = _fast_path_texts()
    rng = __import__("random").Random(11)
    for _ in range(300):
        lines = []
        for _ in range(rng.randint(1, 10)):
            word = rng.choice([*prose, "12 comments", "Home", "News"])
            lines += rng.choice([[word], [word, prose.get(word, BODY)], [""], [BODY]])
        texts.append("\n".join(lines))
    found = 0
    for text in texts:
        doc = Document(text)
        scan = _LineScan(doc)
        starts, blanks = line_heads(doc)
        rows = [
            (False,) * 8 if blank else scan.classify(i, span, start)
            for i, (span, start, blank) in enumerate(zip(doc.lines, starts, blanks, strict=True))
        ]
        fields = list(zip(*rows, strict=True))
        results = []
        for find in (headings_among, _plain_headings):
            strong, widget = list(fields[0]), list(fields[1])
            got = []
            for i in find(doc, blanks, strong, widget, *fields[2:5]):
                strong[i] = widget[i] = False
                got.append(i)
            results.append(got)
        assert results[0] == results[1], text
        found += len(results[0])
    assert found > 50


@pytest.mark.parametrize(
    "name", ["seo_chrome_terms", "seo_widgets", "seo_chrome_weak", "seo_cta_verbs"]
)
def test_literal_first_keys_cover_the_trie_analysis(name: str) -> None:
    """Keys read off the literal phrases hold every key the pattern analysis finds
    for the trie of a list (more keys only screen less)."""
    import re

    from lint.phrases import load_phrases, trie_regex
    from lint.token_gate import first_words
    from rules._seo_screens import _wrap, literal_first_keys

    plist = load_phrases(name)
    phrases = list(plist.literals)
    assert phrases
    analysed = first_words(re.compile(_wrap([trie_regex(phrases)]), plist.pattern.flags))
    read = literal_first_keys(phrases)
    assert analysed is not None and read is not None
    assert {k for k in analysed if k.isascii()} <= read


def test_pointer_starts_hold_every_pointer_match() -> None:
    """Every match of the pointer list in a sentence starts at a looked-up word."""
    from lint.phrases import load_phrases
    from rules._seo_link_bait import pointer_starts

    pattern = load_phrases("seo_related_inline").pattern
    texts = _fast_path_texts() + [
        "For the history, learn more about Why Did the Old Bridge Close?",
        "Readers can READ more here: Ten Bridges You Must See Before You Die",
        "Reading on, see also The Long History Of Bridges",
    ]
    found = 0
    for text in texts:
        doc = Document(text)
        listed = pointer_starts(doc)
        if listed is None:
            continue  # not looked up (SEO005 then reads every sentence)
        pointers = set(listed)
        for s in doc.sentences:
            for m in pattern.finditer(text, s.start, s.end):
                assert m.start() in pointers, text[m.start() : m.end()]
                found += 1
    assert found > 3


def test_remembered_entry_split_is_the_one_worked_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``StartScreen._split`` read back from the regex cache (a second process) is
    the split worked out afresh, for every screened list."""
    from lint import regex_cache
    from lint.phrases import load_phrases
    from rules._seo_screens import StartScreen, split_entries

    monkeypatch.setenv(regex_cache.ENV, str(tmp_path))
    regex_cache.cache_dir.cache_clear()
    try:
        for name in _LISTS:
            plist = load_phrases(name)
            keys, prefixes, rest = split_entries(plist)
            for _ in range(2):  # worked out and stored, then read back
                got = StartScreen(plist)._split
                assert got[0] == keys, name
                assert sorted(got[1]) == sorted(prefixes), name  # (only ever a startswith tuple)
                assert (got[2] and got[2].pattern) == rest, name
        assert regex_cache.cache_dir() is not None
        assert any(regex_cache.cache_dir().iterdir())  # type: ignore[union-attr]
    finally:
        regex_cache.cache_dir.cache_clear()


def test_call_to_action_candidates_change_no_run(screens_on: bool) -> None:
    """Asking only the candidate sentences gives every run that asking each sentence
    gives, on the samples, seeds, corpora and odd lines (screens on and off)."""
    from rules._seo_cta import call_to_action_candidates, is_call_to_action, sentence_runs

    runs = 0
    texts = _fast_path_texts()
    texts += ["Subscribe now! " * 3, "Ready to dive in? Join us today!\n\nBuy it now."]
    for text in texts:
        doc = Document(text)
        plain = list(sentence_runs(doc, is_call_to_action))
        fast = list(sentence_runs(doc, is_call_to_action, call_to_action_candidates(doc)))
        assert fast == plain
        runs += len(plain)
    assert runs > 0


def test_per_document_results_are_kept_with_the_document() -> None:
    """The SEO rules' shared results are worked out once per document and go with
    it: asked again they are the same object; another document gets its own."""
    import gc
    import weakref

    from rules._seo_lines import classify_lines
    from rules._seo_menus import nav_runs, removable_lines

    doc = Document(f"Home\nNews\nSubscribe\n\n{BODY}\n")
    kinds = classify_lines(doc)
    assert classify_lines(doc) is kinds
    assert nav_runs(doc, kinds, 3, 5) is nav_runs(doc, kinds, 3, 5)
    assert removable_lines(doc) == {0, 1, 2}
    other = Document(doc.text)
    assert classify_lines(other) is not kinds and classify_lines(other) == kinds
    gone = weakref.ref(doc)
    del doc, kinds
    gc.collect()
    assert gone() is None


def test_absent_words_are_absent_in_any_case() -> None:
    """``absent`` says a word is missing only when no case of it is in the text,
    as regex case folding or ``str.lower`` read it (fold traps included), on the
    samples, corpora and odd lines, and on random text of near spellings."""
    import random
    import re

    from lint.token_gate import PREFIX
    from rules._seo_link_bait import _pointer_words
    from rules._seo_screens import absent, screen

    word_sets = [screen(name)._rest_anchors for name in _LISTS] + [_pointer_words()]
    word_sets += [frozenset({"copyright"}), frozenset({PREFIX + "newsletter", "menu"})]
    word_sets = [w for w in word_sets if w]
    rng = random.Random(4)
    glyphs = ["co", "py", "PY", "pY", "rig", "ht", "İ", "ı", "K", "ſ", "news", "LET", "ter", " "]
    texts = _fast_path_texts() + ["".join(rng.choices(glyphs, k=30)) for _ in range(3000)]
    told = 0
    for text in texts:
        for words in word_sets:
            if absent(text, words):
                told += 1
                for key in words:
                    word = key.removeprefix(PREFIX)
                    assert re.search(re.escape(word), text, re.IGNORECASE) is None, word
                    assert word not in text.lower(), word
    assert told > 1000
