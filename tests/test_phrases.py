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


def test_trie_of_one_phrase_is_the_chain_the_trie_builds() -> None:
    """The one-phrase short cut writes what the trie writes, for every entry shipped."""
    from importlib import resources

    from lint.phrases import APOSTROPHE_UNIT, SPACE_UNIT, _node_regex, _unit, normalise, trie_regex

    phrases = {"a", "it's", "top  of page", "$5 off!", "naïve café", "co-op (uk)", "x'y z"}
    for entry in resources.files("rules.data").iterdir():
        if entry.name.endswith(".txt") and entry.name not in ("rd_syllables.txt",):
            for line in entry.read_text(encoding="utf-8").splitlines():
                phrase = line.partition("->")[0].strip()
                if phrase and not phrase.startswith(("#", "re:")):
                    phrases.add(normalise(phrase))
    assert len(phrases) > 1000
    for phrase in phrases:
        node: dict[str, dict] = {}
        walk = node
        for ch in phrase.replace(" ", SPACE_UNIT).replace("'", APOSTROPHE_UNIT):
            walk = walk.setdefault(ch, {})
        walk[""] = {}
        assert trie_regex([phrase]) == _node_regex(node, _unit), phrase


def test_tries_kept_between_runs_are_the_ones_built(tmp_path, monkeypatch) -> None:
    """Tries are kept between runs: read back, one is the trie built, and a list
    matches the same with the cache off."""
    from lint import phrases, regex_cache

    lines = ["delve into", "in today's world", "re:powered by \\w+", "top of page", "top 10"]
    text = "Top of page. We delve into it, in today’s world, powered by Wix; top 10 of them."
    words = ["top of page", "top 10", "delve into", "in today's world"]

    def matches() -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.phrase) for m in PhraseList.from_lines(lines).finditer(text)]

    monkeypatch.setenv(regex_cache.ENV, str(tmp_path))
    regex_cache.cache_dir.cache_clear()
    try:
        stored, read_back = (phrases.trie_regex(words) for _ in range(2))
        assert stored == read_back == phrases.build_trie(words)
        assert list(tmp_path.rglob("*.marshal"))
        cached = matches()
        monkeypatch.setenv(regex_cache.ENV, "off")
        regex_cache.cache_dir.cache_clear()
        assert matches() == cached and len(cached) == 5
    finally:
        regex_cache.cache_dir.cache_clear()
