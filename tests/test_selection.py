"""The decision engine: longest matching prefix wins; per-file ignores."""

from __future__ import annotations

import pytest

from lint.selection import Selection, parse_per_file_ignores


@pytest.mark.parametrize(
    ("selection", "code", "default_on", "expected"),
    [
        (Selection(), "SEO001", True, True),
        (Selection(), "LT001", False, False),
        (Selection(select=("SEO",)), "SEO001", True, True),
        (Selection(select=("SEO",)), "KW001", True, False),
        (Selection(select=("LT",)), "LT001", False, True),
        (Selection(extend_select=("LT",)), "LT001", False, True),
        (Selection(extend_select=("LT",)), "SEO001", True, True),
        (Selection(ignore=("SEO",)), "SEO001", True, False),
        (Selection(ignore=("SEO",)), "KW001", True, True),
        (Selection(select=("SEO001",), ignore=("SEO",)), "SEO001", True, True),
        (Selection(select=("SEO",), ignore=("SEO002",)), "SEO002", True, False),
        (Selection(select=("SEO",), ignore=("SEO002",)), "SEO001", True, True),
        (Selection(select=("SEO",), ignore=("SEO",)), "SEO001", True, False),
        (Selection(select=("ALL",)), "LT003", False, True),
        (Selection(select=("ALL",), ignore=("LT",)), "LT003", False, False),
        (Selection(extend_ignore=("KW00",)), "KW001", True, False),
    ],
)
def test_longest_prefix_wins(
    selection: Selection, code: str, default_on: bool, expected: bool
) -> None:
    assert selection.is_enabled(code, default_on) is expected


def test_decision_is_cached() -> None:
    sel = Selection(select=("SEO",))
    sel.is_enabled("SEO001")
    assert ("SEO001", True) in sel._cache


@pytest.mark.parametrize(
    ("spec", "path", "expected"),
    [
        ("drafts/*.md:SEO,KW", "drafts/a.md", ("SEO", "KW")),
        ("drafts/*.md:SEO,KW", "site/drafts/a.md", ("SEO", "KW")),
        ("drafts/*.md:SEO", "posts/a.md", ()),
        ("*.txt:QT002 notes.md:REF", "x/notes.md", ("REF",)),
    ],
)
def test_per_file_ignores(spec: str, path: str, expected: tuple[str, ...]) -> None:
    assert parse_per_file_ignores(spec).ignored_for(path) == expected


def test_per_file_ignores_table_form() -> None:
    pfi = parse_per_file_ignores({"legal/*.txt": ["WW", "num001"]})
    assert pfi.ignored_for("legal/terms.txt") == ("WW", "NUM001")


def test_per_file_ignores_bad_entry() -> None:
    with pytest.raises(ValueError, match="glob:CODE"):
        parse_per_file_ignores("nocolon")
