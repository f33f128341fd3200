"""Markdown input: what is linted, what is not, and exact source positions.

Convention in the cases below: ``Lorem`` (capital L) stands where text must be
linted, ``lorem`` (lower case) where it must not.  The demo rule DEMO001 flags
both, so a test sees every leak and every miss, and slices the source at each
reported position.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lint.inputs import load_document
from lint.inputs.markdown import to_document

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "heading-atx": "# The Lorem heading ##\n\nText.\n",
    "heading-setext": "A Lorem heading\n===============\n\nText.\n",
    "emphasis": "Some *Lorem* and **Lorem** and _Lorem_ and ~~Lorem~~.\n",
    "list-items": "- first Lorem\n- second\n  Lorem continued\n\n1. numbered Lorem\n",
    "nested-list": "- outer\n    - inner Lorem item\n",
    "blockquote": "> quoted Lorem text\n> and more Lorem\n",
    "lazy-quote": "> quoted text\nLorem lazy line\n",
    "table-cells": "| a | Lorem b |\n|---|---|\n| Lorem c | `lorem` d |\n",
    "front-matter": "---\ntitle: lorem\ndate: 2024-01-02\n---\nBody Lorem.\n",
    "toml-front-matter": "+++\ntitle = 'lorem'\n+++\nBody Lorem.\n",
    "fenced-code": "Before Lorem.\n\n```\nlorem in code\n```\n\n~~~md\nlorem\n~~~\n",
    "indented-code": "Para Lorem.\n\n    lorem indented code\n",
    "inline-code": "Use `lorem` and ``lorem ` tick`` here, Lorem.\n",
    "link": 'A [Lorem link](https://lorem.example/lorem "lorem title") here.\n',
    "link-angle": "A [Lorem](<lorem target>) here.\n",
    "reference-link": "A [Lorem][lorem] and [Lorem][] and [Lorem].\n\n[lorem]: https://x/lorem\n",
    "image": "An ![lorem alt](lorem.png) and ![lorem *x*][lorem] here, Lorem.\n\n[lorem]: y\n",
    "autolink": "Visit <https://lorem.example> or <lorem@example.com>, Lorem.\n",
    "html-comment": "Text <!-- lorem --> Lorem.\n\n<!-- lorem\nlorem -->\n",
    "inline-html": 'Text <span class="lorem">Lorem</span>.\n',
    "html-block": "<div class='lorem'>\n<p>Lorem in html</p>\n<script>lorem()</script>\n</div>\n",
    "escapes": "An \\*escaped\\* Lorem \\[not a link\\](Lorem) here.\n",
    "entities": "Fish &amp; Lorem &mdash; more Lorem.\n",
    "hard-break": "Line one Lorem\\\nline two  \nLorem three.\n",
    "link-in-heading": "## See [Lorem](https://lorem.example)\n",
    "link-multiline": "A [Lorem\ntext](https://lorem.example\n'lorem') end Lorem.\n",
    "thematic-break": "Lorem.\n\n***\n\n---\n",
    "crlf": "# Lorem\r\n\r\nA para Lorem\r\nwrapped Lorem.\r\n\r\n- item Lorem\r\n",
    "non-ascii": "Ça marche — «Lorem» 😀 et Lorem.\n",
    "tab-continuation": "- item\n\tcontinued Lorem\n- a\n \t b Lorem\n",
    "heading-in-containers": "1. # Lorem heading\t#\n\n> ## Quoted Lorem ##\n",
    "footnote-note": "Text Lorem.[^1]\n\n[^1]: https://example.org/Lorem\n[x]: https://lorem.example\n",
    "tabs": "-\tLorem in a tab list\n\n>\tquoted Lorem\n",
}


def _expected(source: str) -> list[tuple[int, int]]:
    out = []
    for n, line in enumerate(source.split("\n"), 1):
        out.extend((n, m.start() + 1) for m in re.finditer(r"(?<![A-Za-z])Lorem(?![A-Za-z])", line))
    return out


def _lint(run_cli, path: Path) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = run_cli(
        "--isolated", "--no-cache", "--select", "DEMO001", "--format", "json", str(path)
    )
    assert result.code in (0, 1), result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def _slice(source: str, d: dict[str, object]) -> str:
    lines = source.split("\n")
    line, col, end_col = int(d["line"]), int(d["column"]), int(d["end_column"])  # type: ignore[call-overload]
    assert d["end_line"] == line
    return lines[line - 1].rstrip("\r")[col - 1 : end_col - 1]


@pytest.mark.parametrize("name", sorted(CASES))
def test_positions_point_at_the_source(name: str, tmp_path: Path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    source = CASES[name]
    path = tmp_path / f"{name}.md"
    path.write_bytes(source.encode("utf-8"))
    found = _lint(run_cli, path)
    assert [_slice(source, d) for d in found] == ["Lorem"] * len(found)
    assert [(d["line"], d["column"]) for d in found] == _expected(source)


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_keeps_length_and_line_breaks(name: str) -> None:
    source = CASES[name]
    doc = to_document("x.md", source, source)
    assert len(doc.text) == len(source)
    assert [i for i, c in enumerate(doc.text) if c == "\n"] == [
        i for i, c in enumerate(source) if c == "\n"
    ]
    # Every character is either the source character, a space or a decoded entity.
    changed = {source[i] for i, c in enumerate(doc.text) if c not in (source[i], " ")}
    assert changed <= {"&"}, changed


@pytest.mark.parametrize(
    ("source", "kept", "blanked"),
    [
        ("# Title #\n", "Title", "#"),
        ("- item\n* star\n+ plus\n3) three\n", "item star plus three", "-*+)3"),
        ("> quote\n", "quote", ">"),
        ("| a | b |\n|---|:-:|\n", "a b", "|-:"),
        ("**bold** _it_ `code`\n", "bold it", "*_`"),
        ("[text](url)\n", "text", "[]()"),
    ],
)
def test_markup_characters_are_blanked(source: str, kept: str, blanked: str) -> None:
    text = to_document("x.md", source, source).text
    assert text.split() == kept.split()
    assert not set(blanked) & set(text)


def test_entities_become_the_character_they_stand_for() -> None:
    source = "Salt &amp; pepper &#x2014; &copy; &bogus; done\n"
    text = to_document("x.md", source, source).text
    assert text.startswith("Salt &     pepper —        ©      &bogus; done")


def test_footnote_markers_and_notes_are_kept() -> None:
    source = (
        "The bridge opened in 1932.[^1] A [map][m] too.\n\n"
        "[^1]: https://example.org/bridge\n[m]: https://example.org/map\n"
    )
    text = to_document("x.md", source, source).text
    assert "1932.[^1] A  map     too." in text
    assert "[^1]: https://example.org/bridge" in text
    assert "example.org/map" not in text


def test_front_matter_feeds_meta_and_is_not_linted() -> None:
    source = '---\ntitle: "A post"\ndate: 2023-05-17T09:30:00+02:00\ndraft: true\n---\n# A post\n'
    doc = to_document("x.md", source, source)
    assert doc.meta["date"] == "2023-05-17"
    assert doc.meta["title"] == "A post"
    assert doc.text.split() == ["A", "post"]


@pytest.mark.parametrize(
    "source",
    ["---\n", "---\nunterminated: yes\n\nText\n", "Text\n---\n", "---\n---\n"],
)
def test_odd_front_matter(source: str) -> None:
    doc = to_document("x.md", source, source)
    assert len(doc.text) == len(source)


@pytest.mark.parametrize(
    "source",
    ["---\n\nIntro text.\n\nHeading\n---\n", "---\nJust some prose here\n---\n"],
)
def test_a_leading_rule_is_not_front_matter(source: str) -> None:
    doc = to_document("x.md", source, source)
    assert doc.text.split() == [w for w in source.split() if w != "---"]


def test_unterminated_front_matter_is_linted_as_markdown() -> None:
    source = "---\ntitle: x\n\nBody text.\n"
    doc = to_document("x.md", source, source)
    assert "Body text." in doc.text
    assert "date" not in doc.meta


def test_blocks_follow_the_markdown_structure() -> None:
    source = (
        "# Heading\n\nA paragraph\nwrapped.\n\n- one\n- two\n\n> quoted\n\n"
        "| c1 | c2 |\n|----|----|\n| c3 | c4 |\n\n```\ncode\n```\n"
    )
    doc = to_document("x.md", source, source)
    got = [(b.kind, " ".join(doc.slice(b).split())) for b in doc.blocks]
    assert got == [
        ("heading", "Heading"),
        ("text", "A paragraph wrapped."),
        ("list", "one"),
        ("list", "two"),
        ("quote", "quoted"),
        ("table", "c1"),
        ("table", "c2"),
        ("table", "c3"),
        ("table", "c4"),
    ]
    assert [doc.slice(s) for s in doc.sentences][:2] == ["Heading", "A paragraph\nwrapped."]


def test_suppression_comments_stay_blank() -> None:
    source = "Para Lorem.\n<!-- article-lint: disable=DEMO -->\nMore lorem.\n"
    doc = load_document("x.md", source, "auto", [(12, 47)])
    assert "article-lint" not in doc.text
    assert doc.input_format == "markdown"


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n\n\n",
        "[",
        "](",
        "![",
        "```",
        "<!--",
        "* * *\n- - -\n___",
        "| a |\n|",
        "[a]: <",
        "`` ` ``\n`a`b`c``",
        "> > > > >",
        "\ufeff# bom",
        "a\rb\rc",
        "**a *b** c*",
        "[a](b) [c] [d]: e",
        "&#0; &#xD800; &#99999999;",
        "\x00\x01\x02",
    ],
)
def test_garbage_never_crashes(source: str) -> None:
    doc = to_document("x.md", source, source)
    assert len(doc.text) == len(source)


def test_samples_lint_with_exact_positions(demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    for path in sorted((ROOT / "samples").glob("md-*.md")):
        source = path.read_text("utf-8")
        result = run_cli("--isolated", "--no-cache", "--format", "json", str(path))
        assert result.code in (0, 1), result.err
        for d in json.loads(result.out):
            assert d["line"] <= source.count("\n") + 1
            if d["end_line"] == d["line"] and d["end_column"] > d["column"]:
                assert _slice(source, d).strip(), d  # never points at blanked markup only
