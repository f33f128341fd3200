"""lint/regex_cache.py: a stored program gives the very pattern re.compile gives."""

from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path

import pytest

from lint import regex_cache
from lint.phrases import PhraseList, load_phrases

TEXT = (
    "Experts say the unprecedented ever-evolving landscape of today's world is a game "
    "changer. Click here to subscribe! Last week, 45% of users (according to a 2023 "
    "report) said “it’s fine”. Délve into the CAFÉ scene; İstanbul, naïve, 3.5 million."
)


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache folder for this test."""
    monkeypatch.setenv(regex_cache.ENV, str(tmp_path))
    regex_cache.cache_dir.cache_clear()
    yield tmp_path
    regex_cache.cache_dir.cache_clear()


def stored(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.marshal"))


def phrase_patterns() -> list[tuple[str, int]]:
    """The pattern of every phrase list shipped in rules/data, and its named form."""
    found = []
    for entry in resources.files("rules.data").iterdir():
        if not entry.name.endswith(".txt"):
            continue
        lines = entry.read_text(encoding="utf-8").splitlines()
        if len(lines) > 5000:  # tables, not phrase lists (syllables, common words)
            continue
        plist = PhraseList.from_lines(lines)
        found.append((plist.pattern.pattern, plist.pattern.flags))
        if plist.named_source:
            found.append((plist.named_source, plist.pattern.flags))
    return found


def test_every_phrase_list_pattern_round_trips(
    cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = phrase_patterns()
    assert len(patterns) > 30
    monkeypatch.setenv(regex_cache.ENV, str(cache_in / "round-trip"))
    regex_cache.cache_dir.cache_clear()
    for source, flags in patterns:
        plain = re.compile(source, flags)
        first = regex_cache.compile(source, flags)  # compiled and stored
        again = regex_cache.compile(source, flags)  # rebuilt from the stored program
        assert first == plain and again == plain  # same text, flags and program
        assert again.groupindex == plain.groupindex and again.groups == plain.groups
        found = [m.span() for m in again.finditer(TEXT)]
        assert found == [m.span() for m in plain.finditer(TEXT)]
    assert len(stored(cache_in / "round-trip")) == len(set(patterns))


def test_a_loaded_pattern_is_used_not_recompiled(
    cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = r"(?<![\w-])(?:top of (?:the )?page|bottom of page)(?![\w-])"
    regex_cache.compile(source, re.IGNORECASE)

    def refuse(*args: object) -> object:
        raise AssertionError("compiled although stored")

    monkeypatch.setattr(regex_cache, "_compile_program", refuse)
    pattern = regex_cache.compile(source, re.IGNORECASE)
    assert pattern.search("Back to TOP OF THE PAGE").group() == "TOP OF THE PAGE"


def test_groups_and_names_survive(cache_in: Path) -> None:
    source = r"(?P<p0>why does \w+)|(?P<lit>b(a)r)"
    regex_cache.compile(source)
    pattern = regex_cache.compile(source)
    m = pattern.match("bar")
    assert m is not None and m.lastgroup == "lit" and m.group(3) == "a"
    assert pattern.groupindex == {"p0": 1, "lit": 2}


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not marshal at all", b"\x00" * 40],
)
def test_corrupt_file_is_ignored_and_rewritten(cache_in: Path, garbage: bytes) -> None:
    source = r"\bgame[- ]changer\b"
    regex_cache.compile(source, re.IGNORECASE)
    (path,) = stored(cache_in)
    path.write_bytes(garbage)
    assert regex_cache.compile(source, re.IGNORECASE) == re.compile(source, re.IGNORECASE)
    assert path.read_bytes() != garbage  # rewritten with a good program


def test_program_of_another_pattern_is_not_trusted(cache_in: Path) -> None:
    regex_cache.compile("cat")
    regex_cache.compile("dog")
    cat, dog = (cache_in.rglob(regex_cache._file_name(w, 0)) for w in ("cat", "dog"))
    cat_path, dog_path = next(cat), next(dog)
    cat_path.write_bytes(dog_path.read_bytes())  # as if two texts shared a file name
    assert regex_cache.compile("cat").pattern == "cat"
    assert regex_cache.compile("cat").match("cat")


def test_invalid_program_is_refused_by_the_engine(cache_in: Path) -> None:
    import marshal

    regex_cache.compile("abc")
    (path,) = stored(cache_in)
    program = list(marshal.loads(path.read_bytes()))
    program[3] = [99999, 1, 2, 3]  # not a program the engine accepts
    path.write_bytes(marshal.dumps(tuple(program)))
    assert regex_cache.compile("abc") == re.compile("abc")


def test_off_compiles_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(regex_cache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    regex_cache.cache_dir.cache_clear()
    try:
        assert regex_cache.cache_dir() is None
        assert regex_cache.compile("a+b", re.I) == re.compile("a+b", re.I)
        assert stored(tmp_path) == []
    finally:
        regex_cache.cache_dir.cache_clear()


def test_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(regex_cache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    regex_cache.cache_dir.cache_clear()
    try:
        regex_cache.compile("xdg test")
        (path,) = stored(tmp_path)
        assert path.parent.parent == tmp_path / "article-lint" / "regex"
        assert sys.implementation.cache_tag in path.parent.name
    finally:
        regex_cache.cache_dir.cache_clear()


def test_unwritable_folder_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(regex_cache.ENV, str(blocker / "regex"))
    regex_cache.cache_dir.cache_clear()
    try:
        assert regex_cache.compile("no folder") == re.compile("no folder")
        assert blocker.read_text() == "not a folder"
    finally:
        regex_cache.cache_dir.cache_clear()


def test_phrase_lists_compile_through_the_cache(cache_in: Path) -> None:
    load_phrases.cache_clear()
    try:
        plist = load_phrases("seo_widgets")
        assert stored(cache_in)
        assert plist.pattern == re.compile(plist.pattern.pattern, plist.pattern.flags)
    finally:
        load_phrases.cache_clear()


def test_remember_keeps_a_value_per_kind_source_and_flags(cache_in: Path) -> None:
    calls: list[str] = []

    def build(value: object) -> object:
        calls.append("built")
        return value

    words = frozenset({"delve", "tapestry"})
    assert regex_cache.remember("words v1", "delve|tapestry", 2, lambda: build(words)) == words
    assert regex_cache.remember("words v1", "delve|tapestry", 2, lambda: build(None)) == words
    assert calls == ["built"]  # the second answer was read back
    # another kind (a new version of the code), source or flags is worked out afresh
    assert regex_cache.remember("words v2", "delve|tapestry", 2, lambda: build(None)) is None
    assert regex_cache.remember("words v1", "delve", 2, lambda: build(None)) is None
    assert regex_cache.remember("words v1", "delve|tapestry", 0, lambda: build(None)) is None
    assert len(calls) == 4


def test_remember_does_not_store_what_marshal_cannot(cache_in: Path) -> None:
    value = object()
    assert regex_cache.remember("objects", "x", 0, lambda: value) is value
    assert stored(cache_in) == []


def test_pattern_analysis_read_back_equals_worked_out(
    cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """first_words_of and anchor_tree give the same answer from the cache as fresh."""
    from lint import pattern_words

    patterns = phrase_patterns()
    monkeypatch.setenv(regex_cache.ENV, str(cache_in / "analysis"))
    regex_cache.cache_dir.cache_clear()
    for source, flags in patterns:
        compiled = re.compile(source, flags)
        fresh_words = pattern_words._first_words_of(source, flags)
        fresh_tree = pattern_words._plain(pattern_words._anchor_tree_of(source, flags))
        for _ in range(2):  # worked out and stored, then read back
            assert pattern_words.first_words_of(source, flags) == fresh_words
            assert pattern_words._plain(pattern_words.anchor_tree(compiled)) == fresh_tree
    assert any(pattern_words.first_words_of(s, f) for s, f in patterns)
    assert stored(cache_in / "analysis")


def test_entry_analysis_read_back_equals_worked_out(
    cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list's entries analysed together, stored as one value, read back equal to
    each entry analysed alone; each entry's source is the list's own, written for
    that entry alone."""
    from lint import pattern_words

    lists = []
    for name in ("slop_stock", "tm_relative", "ww_phrases", "seo_widgets"):
        plist = load_phrases(name)
        sources = plist.entry_sources()
        assert len(sources) == len(plist.entries)
        for entry, (source, flags) in zip(plist.entries, sources, strict=True):
            alone = PhraseList.from_lines([entry], flags=flags).pattern
            assert (source, flags) == (alone.pattern, alone.flags)
        fresh = [
            (
                pattern_words._first_words_of(s, f),
                pattern_words._plain(pattern_words._anchor_tree_of(s, f)),
            )
            for s, f in sources
        ]
        lists.append((sources, fresh))
    monkeypatch.setenv(regex_cache.ENV, str(cache_in / "entries"))
    regex_cache.cache_dir.cache_clear()
    for sources, fresh in lists:
        for _ in range(2):  # worked out and stored, then read back
            got = pattern_words.analyse_entries(sources)
            assert [(w, pattern_words._plain(t)) for w, t in got] == fresh
    assert len(stored(cache_in / "entries")) == 4  # one file per list
