"""Inline suppression comments."""

from __future__ import annotations

import pytest

from lint import suppression


def sup(text: str) -> suppression.Suppressions:
    return suppression.parse(text)[0]


@pytest.mark.parametrize(
    ("text", "code", "line", "expected"),
    [
        ("<!-- article-lint: disable-file -->\nx", "SEO001", 2, True),
        ("<!-- article-lint: disable=SEO -->\na\nb", "SEO004", 3, True),
        ("<!-- article-lint: disable=SEO -->\na\nb", "KW001", 3, False),
        ("<!-- article-lint: disable -->\na", "KW001", 2, True),
        (
            "<!-- article-lint: disable=SEO001 -->\na\n<!-- article-lint: enable=SEO001 -->\nb",
            "SEO001",
            4,
            False,
        ),
        (
            "<!-- article-lint: disable=SEO001 -->\na\n<!-- article-lint: enable=SEO001 -->\nb",
            "SEO001",
            2,
            True,
        ),
        ("<!-- article-lint: disable -->\na\n<!-- article-lint: enable -->\nb", "QT001", 4, False),
        ("<!-- article-lint: disable-next-line=QT002 -->\nquote\nquote", "QT002", 2, True),
        ("<!-- article-lint: disable-next-line=QT002 -->\nquote\nquote", "QT002", 3, False),
        ("<!-- article-lint: disable-next-line=QT002 -->\nquote", "QT001", 2, False),
        ("<!--article-lint:disable=seo,kw-->\na", "KW003", 2, True),
        ("no comments here", "SEO001", 1, False),
    ],
)
def test_suppression(text: str, code: str, line: int, expected: bool) -> None:
    assert sup(text).is_suppressed(code, line) is expected


def test_directives_are_blanked_out_keeping_length() -> None:
    text = "a <!-- article-lint: disable=SEO -->\nb"
    _, spans = suppression.parse(text)
    blank = suppression.blank_out(text, spans)
    assert len(blank) == len(text) and "article-lint" not in blank and blank.endswith("\nb")
