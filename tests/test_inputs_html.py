"""HTML input: article text extraction with exact source positions; never crashes.

As in the Markdown tests, ``Lorem`` marks text that must be linted and ``lorem``
text that must not; DEMO001 flags both, and every reported position is sliced
out of the source.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from lint.inputs.html import to_document

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "paragraphs": "<p>First Lorem.</p>\n<p>Second <b>Lorem</b> and <i>Lorem</i>.</p>\n",
    "script-style": "<script>var lorem = 1;</script><style>.lorem{}</style><p>Lorem</p>",
    "head-title": "<html><head><title>lorem</title><meta name=lorem></head><body>Lorem</body>",
    "comments": "<p>Text <!-- lorem --> Lorem</p><!--\nlorem\n-->",
    "nav-footer": "<nav>lorem menu</nav><p>Lorem</p><footer>lorem copyright</footer>",
    "aside": "<aside><p>lorem related</p></aside><p>Body Lorem</p>",
    "page-header": "<header><a>lorem site</a></header><article><p>Lorem</p></article>",
    "article-header": "<article><header><h1>The Lorem title</h1></header><p>Text</p></article>",
    "roles": '<div role="navigation">lorem</div><div role="contentinfo">lorem</div>'
    '<div role="main"><p>Lorem</p></div>',
    "hidden": '<div hidden>lorem</div><p aria-hidden="true">lorem</p>'
    '<span style="display: none">lorem</span><p>Lorem</p>',
    "nested-skip": "<nav><div><nav>lorem</nav>lorem</div>lorem</nav><p>Lorem</p>",
    "code": "<p>Run <code>lorem</code> now, Lorem.</p><pre>lorem\nlorem</pre>",
    "attributes": '<p class="lorem" title="lorem">Lorem <img alt="lorem" src="lorem.png"></p>',
    "links": '<p>See <a href="https://lorem.example/lorem">the Lorem page</a>.</p>',
    "entities": "<p>Fish &amp; Lorem &mdash; Lorem&nbsp;chips &#8217; &#x2019; Lorem</p>",
    "multiline": "<div>\n  <p>\n    Lorem on line three\n  </p>\n\n<p>and Lorem</p>\n</div>\n",
    "unclosed": "<p>Lorem<p>Lorem<li>Lorem<td>Lorem",
    "form-controls": "<p>Lorem</p><button>lorem</button><select><option>lorem</select>"
    "<textarea>lorem</textarea>",
    "crlf": "<p>Lorem one</p>\r\n<p>two\r\nLorem</p>\r\n",
    "non-ascii": "<p>Ça — «Lorem» 😀 Lorem</p>",
    "void-in-skip": "<nav><img src=x><br>lorem</nav><p>Lorem</p>",
    "main-only": "<div>lorem menu</div><main><p>Lorem</p></main><div>lorem sidebar</div>",
    "role-main": '<div>lorem</div><div role="main"><div>Lorem</div>Lorem</div><div>lorem</div>',
    "articles-only": "<div>lorem</div><article>Lorem one</article><p>lorem</p>"
    "<article>Lorem</article>",
    "main-over-article": "<article>lorem teaser</article><main><p>Lorem</p></main>",
    "empty-main": "<main> </main><p>Lorem</p>",
    "doctype-pi": "<!DOCTYPE html><?xml version='1.0'?><![CDATA[lorem]]><p>Lorem</p>",
}


def _expected(source: str) -> list[tuple[int, int]]:
    out = []
    for n, line in enumerate(source.split("\n"), 1):
        out.extend((n, m.start() + 1) for m in re.finditer(r"(?<![A-Za-z])Lorem(?![A-Za-z])", line))
    return out


def _slice(source: str, d: dict[str, object]) -> str:
    line, col, end_col = int(d["line"]), int(d["column"]), int(d["end_column"])  # type: ignore[call-overload]
    assert d["end_line"] == line
    return source.split("\n")[line - 1].rstrip("\r")[col - 1 : end_col - 1]


@pytest.mark.parametrize("name", sorted(CASES))
def test_positions_point_at_the_source(name: str, tmp_path: Path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    source = CASES[name]
    path = tmp_path / f"{name}.html"
    path.write_bytes(source.encode("utf-8"))
    result = run_cli(
        "--isolated", "--no-cache", "--select", "DEMO001", "--format", "json", str(path)
    )
    assert result.code in (0, 1), result.err
    found = json.loads(result.out)
    assert [_slice(source, d) for d in found] == ["Lorem"] * len(found)
    assert [(d["line"], d["column"]) for d in found] == _expected(source)


@pytest.mark.parametrize("ext", [".htm", ".HTML"])
def test_extensions_select_html(ext: str, tmp_path: Path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"page{ext}"
    path.write_text("<script>lorem</script><p>Lorem</p>", "utf-8")
    result = run_cli("--isolated", "--no-cache", "--select", "DEMO001", str(path))
    assert result.out.count("DEMO001") == 1


def test_input_format_option_overrides_the_extension(tmp_path: Path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_text("<script>lorem</script><p>Lorem</p>", "utf-8")
    args = ("--isolated", "--no-cache", "--select", "DEMO001", str(path))
    assert run_cli(*args).out.count("DEMO001") == 2
    assert run_cli("--input-format", "html", *args).out.count("DEMO001") == 1


def test_entities_keep_length_and_show_the_character() -> None:
    source = "<p>A &amp; B &eacute; &#233; &#xE9; &unknown; &amp</p>"
    text = to_document("x.html", source, source).text
    assert len(text) == len(source)
    assert text.split() == ["A", "&", "B", "é", "é", "é", "&unknown;", "&"]
    assert text.index("é") == source.index("&eacute;")


def test_blocks_follow_the_html_structure() -> None:
    source = (
        "<h1>Title</h1><p>One <b>para</b>.</p><ul><li>item a<li>item b</ul>"
        "<blockquote><p>quoted</p></blockquote><table><tr><td>c1<td>c2</table>"
        "<p>line<br>break</p><table><tr><td><p>layout prose</p>cell<p>more</table>"
    )
    doc = to_document("x.html", source, source)
    got = [(b.kind, " ".join(doc.slice(b).split())) for b in doc.blocks]
    assert got == [
        ("heading", "Title"),
        ("text", "One para ."),
        ("list", "item a"),
        ("list", "item b"),
        ("quote", "quoted"),
        ("table", "c1"),
        ("table", "c2"),
        ("text", "line"),
        ("text", "break"),
        ("text", "layout prose"),
        ("table", "cell"),
        ("text", "more"),
    ]


GARBAGE_PARTS = [
    "<", ">", "</", "/>", "<!--", "-->", "<!", "<?", "&", "&#", "&#x", ";", "'", '"', "=",
    "<p", "<div class='a", "</p>", "<script>", "</script>", "<style>", "<nav>", "</nav>",
    "<![CDATA[", "]]>", "text", " ", "\n", "\r", "\x00", "é", "😀", "&amp", "&#99999999;",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(40))
def test_random_garbage_never_crashes(seed: int) -> None:
    rng = random.Random(seed)
    source = "".join(rng.choice(GARBAGE_PARTS) for _ in range(rng.randint(1, 200)))
    doc = to_document("x.html", source, source)
    assert len(doc.text) == len(source)
    assert doc.sentences is not None  # the whole model builds


@pytest.mark.parametrize(
    "source",
    ["", "<", "<a href='x", "<!--", "<![CDATA[", "</", "&#", "<p>unclosed", "<<<>>>", "\x00"],
)
def test_truncated_markup_is_never_revealed(source: str) -> None:
    text = to_document("x.html", source, source).text
    assert len(text) == len(source)
    assert not re.search(r"<[A-Za-z!/?]", text)


def test_garbage_through_the_cli(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.html"
    path.write_text("<html><body><p>Unclosed <b>tags<div></span></p>&#;&bogus<!-- x", "utf-8")
    result = run_cli("--isolated", "--no-cache", str(path))
    assert result.code in (0, 1), result.err
    assert "LNT999" not in result.out


def test_samples_keep_length(demo_plugin) -> None:  # type: ignore[no-untyped-def]
    for path in sorted((ROOT / "samples").glob("html-*.html")):
        source = path.read_text("utf-8")
        doc = to_document(str(path), source, source)
        assert len(doc.text) == len(source)
        assert "<" not in doc.text and "window.dataLayer" not in doc.text


@pytest.mark.parametrize(
    ("unit", "tail"),
    [("<a ", ""), ("<a b='", ""), ("<!-- ", ""), ("<!-- a > ", ""), ("<!-- a > ", "-->")],
)
def test_unterminated_markup_stays_linear(unit: str, tail: str) -> None:
    """html.parser alone rescans an unclosed tag or comment once per later '<'
    (minutes for 100 kB); the parse limit keeps such input fast.  (Its speed is
    measured by benchmarks/linearity.py, "html:" shapes, not timed here.)"""
    source = unit * 30_000 + tail
    doc = to_document("x.html", source, source)
    assert len(doc.text) == len(source) and not doc.text.strip()


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("<p>Kept</p><!-- open to the end <p>gone</p>", "Kept"),
        ("<p>Kept</p><!-- closed --> more", "Kept more"),
        ("<p>Kept</p> and <a href='x", "Kept and"),
        ("<p>Kept</p><!-- a > b --> after", "Kept after"),
    ],
)
def test_unterminated_constructs_at_the_end(source: str, text: str) -> None:
    assert to_document("x.html", source, source).text.split() == text.split()


@pytest.mark.parametrize(
    ("source", "date"),
    [
        ('<meta property="article:published_time" content="2024-03-01T10:00Z">', "2024-03-01"),
        ('<meta name="dcterms.date" content="2022-11-30" />', "2022-11-30"),
        ('<p><time itemprop="datePublished" datetime="2023-01-02">2 Jan</time></p>', "2023-01-02"),
        ('<time pubdate datetime="2019-07-07">then</time>', "2019-07-07"),
        ('<time datetime="2020-01-01">a date mentioned in the text</time>', None),
        ('<meta name="description" content="2020-01-01">', None),
    ],
)  # fmt: skip
def test_publication_date_feeds_meta(source: str, date: str | None) -> None:
    assert to_document("x.html", source, source).meta.get("date") == date


@pytest.mark.parametrize(
    ("source", "blocks"),
    [
        ("<ul><li>a<ul><li>b</ul>c</ul>", [("list", "a"), ("list", "b"), ("list", "c")]),
        ("<table><tr><td><p>x</table><p>after", [("text", "x"), ("text", "after")]),
        ("<ol><li><p>one<li>two</ol>after", [("list", "one"), ("list", "two"), ("text", "after")]),
    ],
)  # fmt: skip
def test_block_kinds_with_implied_end_tags(source: str, blocks: list[tuple[str, str]]) -> None:
    doc = to_document("x.html", source, source)
    assert [(b.kind, doc.slice(b)) for b in doc.blocks] == blocks
