"""The shared phrase-list mechanism."""

from __future__ import annotations

from lint.phrases import PhraseList, per_thousand


def plist(*lines: str) -> PhraseList:
    return PhraseList.from_lines(list(lines))


def test_matches_whole_words_case_insensitively() -> None:
    found = [
        (m.phrase, m.start) for m in plist("delve into").finditer("We Delve  into it; redelve into")
    ]
    assert found == [("delve into", 3)]


def test_apostrophes_match_either_form() -> None:
    pl = plist("don't miss")
    assert pl.search("Don’t miss this") and pl.search("don't miss this")


def test_longest_literal_wins_at_the_same_position() -> None:
    assert plist("share", "share this").search("Share this post").phrase == "share this"  # type: ignore[union-attr]


def test_suggestions_comments_and_regex_entries() -> None:
    pl = plist("# comment", "in order to -> to", r"re:powered by \w+")
    matches = list(pl.finditer("In order to win, powered by WordPress"))
    assert [(m.phrase, m.suggestion) for m in matches] == [
        ("in order to", "to"),
        (r"re:powered by \w+", None),
    ]


def test_empty_list_matches_nothing() -> None:
    assert plist("# only a comment").search("anything") is None


def test_per_thousand() -> None:
    assert per_thousand(3, 1500) == 2.0 and per_thousand(1, 0) == 0.0
