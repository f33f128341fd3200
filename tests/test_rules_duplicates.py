"""DUP001: sentences and passages that repeat earlier ones."""

from __future__ import annotations

import random
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from lint.document import WORD_RE, Document
from rules.duplicates import (
    MAX_CANDIDATES,
    MAX_COMPARED_WORDS,
    MAX_POSTINGS,
    DuplicatedText,
    Match,
    ShingleIndex,
    Unit,
    Vocabulary,
    WordReader,
    _is_summary_heading,
    _label,
    _lower_words,
    _shared_words_bound,
    _summary_headings,
    find_repeats,
    sentence_words,
    shingles,
    similarity,
    words_between,
)
from tests.harness import SHARED, flagged_lines, run_rule, shared_texts

ROOT = Path(__file__).resolve().parents[1]

LANES = "The council approved the new cycle lanes after a long debate on Monday night."
OTHER = "Residents had asked for safer routes to the two schools for many years."


@pytest.mark.parametrize(
    ("repeat", "how"),
    [
        (LANES, "exactly"),
        # one word changed
        ("The council approved its new cycle lanes after a long debate on Monday night.", "nearly"),
        # a phrase swapped, case and punctuation differ
        ("the council approved the new cycle lanes, after a long debate on monday!", "nearly"),
    ],
)
def test_flags_repeat_and_points_to_earlier_line(repeat: str, how: str) -> None:
    text = f"{LANES}\n\n{OTHER}\n\n{repeat}\n"
    found = run_rule(DuplicatedText, text)
    assert len(found) == 1
    assert found[0].start == text.rindex(repeat)
    assert "at line 1" in found[0].message and how in found[0].message


@pytest.mark.parametrize(
    "later",
    [
        # same topic, different sentence
        "The council rejected the new bus lanes after a short debate on Tuesday "
        "because drivers and shop owners objected to the loss of parking.",
        # shares a clause only (a summary bullet)
        "- Cycle lanes approved after a long debate",
        # short sentences recur naturally
        "He declined to comment.",
    ],
)
def test_leaves_different_or_short_sentences_alone(later: str) -> None:
    text = f"{LANES} He declined to comment.\n\n{OTHER}\n\n{later}\n"
    assert run_rule(DuplicatedText, text) == []


def test_consecutive_repeats_are_one_passage() -> None:
    para = f"{LANES} {OTHER} Work on the first route will begin in the spring next year."
    text = f"{para}\n\nSomething else entirely happened in the town on Friday evening.\n\n{para}\n"
    found = run_rule(DuplicatedText, text)
    assert len(found) == 1
    assert "passage of 3 sentences" in found[0].message
    assert text[found[0].start : found[0].end] == para


def test_footnote_quoting_the_sentence_is_not_duplication() -> None:
    text = f"{LANES} [1]\n\nNotes\n\n[1] {LANES} Council minutes, 3 March.\n"
    assert run_rule(DuplicatedText, text) == []


def test_block_quote_repeating_body_text_is_a_pull_quote() -> None:
    text = f"{LANES}\n\n{OTHER}\n\n> {LANES}\n"
    assert run_rule(DuplicatedText, text) == []


@pytest.mark.parametrize(
    ("copies", "flagged"),
    [
        (2, 0),  # a title shown again as the first heading is allowed
        (3, 1),
        (4, 2),
    ],
)
def test_heading_repeats(copies: int, flagged: int) -> None:
    heading = "Why the town needs cycle lanes"
    body = [f"Paragraph {i} says something different about street number {i}." for i in range(4)]
    parts = []
    for i in range(copies):
        parts += [heading, body[i]]
    found = run_rule(DuplicatedText, "\n\n".join(parts) + "\n")
    assert len(found) == flagged
    assert all("heading at line 1" in v.message for v in found)


def test_heading_repeats_option_and_dates_are_exempt() -> None:
    text = "Why the town needs cycle lanes\n\nSome text here.\n\nWhy the town needs cycle lanes\n"
    rule = DuplicatedText(DuplicatedText.Options(heading_repeats=0))
    assert len(run_rule(rule, text)) == 1
    dates = "\n\n".join(["Tuesday November 19, 2019", "A post."] * 4)
    assert run_rule(rule, dates) == []


def test_similarity_option() -> None:
    later = "The council approved its new cycle lanes after a long debate on Monday night."
    text = f"{LANES}\n\n{later}\n"
    strict = DuplicatedText(DuplicatedText.Options(similarity=0.99))
    assert run_rule(strict, text) == []
    assert len(run_rule(DuplicatedText, text)) == 1


def test_similarity_and_shingles() -> None:
    a = tuple("the cat sat on the mat".split())
    assert similarity(a, a) == 1.0
    assert similarity(a, tuple("a dog ran in the park".split())) < 0.5
    assert len(shingles(a, 3)) == 4
    assert len(shingles(a[:2], 3)) == 1


def _unit(index: int, sentence: str) -> Unit:
    return Unit(index, tuple(sentence.lower().split()))


def test_find_repeats_exact_and_near() -> None:
    units = [
        _unit(0, "the new bridge over the river opened to traffic on friday morning"),
        _unit(1, "shops along the high street reported their best week since the summer"),
        _unit(2, "the new bridge over the river opened to cars on friday morning"),
        _unit(3, "shops along the high street reported their best week since the summer"),
    ]
    matches = [(m.unit, m.earlier, round(m.ratio, 2)) for m in find_repeats(units, 0.8)]
    assert matches == [(2, 0, 0.92), (3, 1, 1.0)]


def test_common_shingles_are_ignored_but_repeats_still_found() -> None:
    # Every sentence shares its opening; postings for those shingles are capped,
    # and the real repeat is still found through its own shingles.
    opening = "according to the annual report of the society"
    units = [
        _unit(i, f"{opening} member {i} planted {i * 3} oak trees near farm {i * 7}")
        for i in range(300)
    ]
    units.append(_unit(300, " ".join(units[150].words)))
    found = [(m.unit, m.earlier) for m in find_repeats(units, 0.95)]
    assert found == [(300, 150)]


def test_clean_sample_has_no_duplicates() -> None:
    text = (ROOT / "samples" / "dup-clean-article.txt").read_text(encoding="utf-8")
    assert run_rule(DuplicatedText, text) == []


def test_spun_sample_is_flagged() -> None:
    text = (ROOT / "samples" / "dup-spun-article.txt").read_text(encoding="utf-8")
    assert flagged_lines(DuplicatedText, text) == [11, 15]


def test_seed_001_line_17_repeats_line_4() -> None:
    files = sorted((SHARED / "seeds").glob("001_*.txt"))
    if not files:
        pytest.skip("shared seeds not available")
    text = files[0].read_text(encoding="utf-8")
    doc = Document(text)
    found = list(DuplicatedText().check(doc))
    assert [doc.position(v.start)[0] for v in found] == [17]
    assert "line 4" in found[0].message


def test_news_corpus_has_no_duplicates() -> None:
    flagged = [text[:60] for text in shared_texts("corpus/news") if run_rule(DuplicatedText, text)]
    assert flagged == []


@pytest.mark.parametrize("heading", ["Key takeaways", "Summary:", "TL;DR"])
def test_summary_section_may_restate_the_article(heading: str) -> None:
    text = f"{heading}\n\n- {LANES}\n\nThe vote\n\n{OTHER} {LANES}\n"
    assert run_rule(DuplicatedText, text) == []


def test_repeat_inside_an_ordinary_list_is_flagged() -> None:
    text = f"Highlights of the week\n\n- {LANES}\n\nThe vote\n\n{OTHER} {LANES}\n"
    assert len(run_rule(DuplicatedText, text)) == 1


@pytest.mark.parametrize(
    ("title", "flagged"),
    [
        # a headline scraped with its page title: allowed once
        ("What the new cycle lanes will change for drivers and riders in the city centre?", 0),
        # a first sentence (with a full stop) repeated is a repeat
        ("The new cycle lanes will change a great deal for drivers in the city centre.", 1),
    ],
)
def test_title_line_repeated_once(title: str, flagged: int) -> None:
    text = f"{title}\n\n{OTHER}\n\n{title}\n\nMore news follows about the bridge.\n"
    assert len(run_rule(DuplicatedText, text)) == flagged


def test_output_does_not_depend_on_the_process_hash_seed(tmp_path: Path) -> None:
    """Worker processes hash strings differently; DUP001 must not depend on set order."""
    import os
    import subprocess
    import sys

    sentence = "The council voted to close the old bridge to cars from next spring on."
    variants = [sentence.replace("old", w) for w in ("old", "iron", "stone", "wooden", "east")]
    text = "\n\n".join(
        f"{v} Residents asked for a footpath in paragraph {i}." for i, v in enumerate(variants * 3)
    )
    path = tmp_path / "dups.txt"
    path.write_text(text, encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        res = subprocess.run(
            [
                sys.executable,
                "-m",
                "lint",
                "--select",
                "DUP",
                "--no-cache",
                "--isolated",
                str(path),
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        outputs.add(res.stdout)
    assert len(outputs) == 1 and "DUP001" in outputs.pop()


# -- fast paths agree with the plain ones ----------------------------------------------

_TRICKY = (
    "The council ΟΔΟΣ Σ ὈΔΥΣΣΕΎΣ İstanbul STRASSE straße 3.5 U.S. e-mail don't it’s "
    "a.b.c -- - ' ’ . , ; : ! ? … [1] [^2] x_y #tag caf\u00e9 cafe\u0301 ǅ ǆ ﬁ"
).split(" ")
_SEPARATORS = (" ", " ", "", "\n", "\n\n", ". ", "? ", ", ", " - ", "\n- ", "\n> ")


def _tricky_text(rng: random.Random) -> str:
    return "".join(rng.choice(_TRICKY) + rng.choice(_SEPARATORS) for _ in range(rng.randrange(40)))


def test_sentence_words_match_the_document_words() -> None:
    rng = random.Random(5)
    for _ in range(300):
        doc = Document(_tricky_text(rng))
        text = doc.text
        for sentence in doc.sentences:
            expected = [
                text[w.start : w.end].lower() for w in doc.words_in(sentence.start, sentence.end)
            ]
            assert words_between(doc, sentence.start, sentence.end) == expected
            if "[" not in text[sentence.start : sentence.end]:
                assert sentence_words(doc, sentence) == expected
        for _ in range(5):  # ranges that may cut words
            a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
            expected = [text[w.start : w.end].lower() for w in doc.words_in(a, b)]
            assert words_between(doc, a, b) == expected


def test_vocabulary_shares_one_string_per_word() -> None:
    vocabulary = Vocabulary()
    first = vocabulary.intern(["the", "cat", "".join(["t", "he"])])
    second = vocabulary.intern(["".join(["c", "at"])])
    assert first == ("the", "cat", "the")
    assert first[0] is first[2] and second[0] is first[1]


def _naive_hits(previous: list[set[tuple[str, ...]]], keys: set[tuple[str, ...]]) -> Counter[int]:
    """Earlier units per shared shingle, a shingle ignored once more than
    MAX_POSTINGS earlier units hold it (the definition ShingleIndex keeps)."""
    hits: Counter[int] = Counter()
    for key in keys:
        holders = [pos for pos, other in enumerate(previous) if key in other]
        if len(holders) <= MAX_POSTINGS:
            hits.update(holders)
    return hits


def test_shingle_index_agrees_with_the_definition() -> None:
    rng = random.Random(3)
    words = [f"w{i}" for i in range(12)]
    index, previous = ShingleIndex(), []
    for pos in range(400):
        unit = tuple(rng.choice(words) for _ in range(rng.randrange(3, 12)))
        keys = shingles(unit, 2)
        assert Counter(index.look_up_and_add(keys, pos)) == _naive_hits(previous, keys)
        previous.append(keys)


def test_lowering_keeps_word_boundaries() -> None:
    """What ``_lower_words`` relies on: but for "İ" and "Σ", ``str.lower`` maps
    each character to one character that is a letter or digit exactly when the
    original is, and leaves ' ’ . - and _ alone."""
    import sys

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char in "İΣ":
            continue
        low = char.lower()
        assert len(low) == 1, hex(code)
        assert low.isalnum() == char.isalnum(), hex(code)
        assert (low in "'’.-_") == (char in "'’.-_"), hex(code)


def test_lower_words_agree_with_lowering_each_word() -> None:
    rng = random.Random(11)
    texts = [_tricky_text(rng) for _ in range(500)]
    texts += ["ΟΔΟΣ:x ὈΔΥΣΣΕΎΣ. İstanbul Σ", *shared_texts("corpus/news")[:10]]
    for text in texts:
        expected = [w.lower() for w in WORD_RE.findall(text)]
        assert _lower_words(text) == expected


def _plain_repeats(units: list[Unit], threshold: float, size: int = 3) -> list[Match]:
    """``find_repeats`` by its definition, with none of its screens: tuple
    shingles, hits counted from every earlier unit (``_naive_hits``), the
    ``MAX_CANDIDATES`` units sharing most shingles (``need`` or more) compared
    with difflib; a unit with the words of an earlier one repeats the first
    of them exactly."""
    found: list[Match] = []
    previous: list[set[tuple[str, ...]]] = []
    first_copy: dict[tuple[str, ...], int] = {}
    for pos, unit in enumerate(units):
        words = unit.words
        if len(words) < size:
            keys = {words}
        else:
            keys = set(zip(*[words[k:] for k in range(size)], strict=False))
        first = first_copy.setdefault(words, pos)
        if first != pos:
            found.append(Match(unit.index, units[first].index, 1.0))
        else:
            need = max(2, int(len(keys) * (1 - size * (1 - threshold))))
            shared = _naive_hits(previous, keys)
            ranked = sorted((-count, other) for other, count in shared.items() if count >= need)
            best: Match | None = None
            for _, other in ranked[:MAX_CANDIDATES]:
                a, b = words[:MAX_COMPARED_WORDS], units[other].words[:MAX_COMPARED_WORDS]
                ratio = SequenceMatcher(None, a, b, False).ratio()
                if ratio >= threshold and (best is None or ratio > best.ratio):
                    best = Match(unit.index, units[other].index, ratio)
            if best is not None:
                found.append(best)
        previous.append(keys)
    return found


def _planted_units(rng: random.Random, count: int) -> list[Unit]:
    """Sentences from a small vocabulary and a few set phrases (so that many
    shingles are shared, and some by more than ``MAX_POSTINGS`` units), with
    exact copies and copies with a word or two changed planted among them."""
    words = [f"w{i}" for i in range(40)]
    phrases = [[rng.choice(words) for _ in range(rng.randrange(3, 7))] for _ in range(8)]
    units: list[Unit] = []
    for pos in range(count):
        roll = rng.random()
        if units and roll < 0.1:
            sentence = list(rng.choice(units).words)  # an exact copy
        elif units and roll < 0.3:
            sentence = list(rng.choice(units).words)  # a near copy
            for _ in range(rng.randrange(1, 3)):
                sentence[rng.randrange(len(sentence))] = rng.choice(words)
            if rng.random() < 0.3:
                sentence.insert(rng.randrange(len(sentence)), rng.choice(words))
        else:
            sentence = []
            while len(sentence) < rng.randrange(2, 30):
                piece = rng.choice(phrases) if rng.random() < 0.5 else [rng.choice(words)]
                sentence += piece
        units.append(Unit(pos * 2, tuple(sentence)))
    return units


@pytest.mark.parametrize("seed", range(6))
def test_find_repeats_agrees_with_the_plain_computation(seed: int) -> None:
    rng = random.Random(seed)
    units = _planted_units(rng, 700)
    compared = 0
    for threshold, size in ((0.8, 3), (0.6, 2), (0.95, 4)):
        expected = _plain_repeats(units, threshold, size)
        assert list(find_repeats(units, threshold, size)) == expected
        compared += len(expected)
    assert compared > 200  # exact and near repeats were found


def _real_units(text: str) -> list[Unit]:
    return DuplicatedText()._units(Document(text), Vocabulary())


def test_find_repeats_agrees_with_the_plain_computation_on_real_text() -> None:
    """Real sentences, then the same sentences again with repeats planted:
    exact copies of sentences and copies with a word changed or dropped."""
    rng = random.Random(21)
    texts = shared_texts("corpus/news") + shared_texts("corpus/web-pages")[:20]
    compared = 0
    for text in texts:
        units = _real_units(text)[:400]
        planted = list(units)
        for pos in range(len(units)):
            words = list(rng.choice(units).words)
            if rng.random() < 0.5:
                words[rng.randrange(len(words))] = rng.choice(words)
            if rng.random() < 0.3:
                del words[rng.randrange(len(words))]
            planted.insert(rng.randrange(len(planted) + 1), Unit(-pos, tuple(words)))
        for case in (units, planted):
            expected = _plain_repeats(case, 0.8)
            assert list(find_repeats(case, 0.8)) == expected
            compared += len(expected)
    assert compared > 1000


def test_word_reader_block_words_agree_with_words_between() -> None:
    rng = random.Random(9)
    texts = [_tricky_text(rng) for _ in range(300)] + shared_texts("corpus/web-pages")[:5]
    compared = 0
    for text in texts:
        doc = Document(text)
        reader = WordReader(doc)
        for index, block in enumerate(doc.blocks):
            expected = words_between(doc, block.start, block.end)
            assert reader.block_words(index) == expected
            found = reader.block_words(index, 3)
            assert found == expected or (len(found) < 3 > len(expected))
            compared += 1
    assert compared > 1000


def test_repeated_dated_heading_is_counted_but_never_flagged() -> None:
    text = "\n\n".join(["Tuesday November 19, 2019", "A post about the harbour."] * 5)
    rule = DuplicatedText(DuplicatedText.Options(heading_repeats=0))
    assert run_rule(rule, text + "\n") == []


def test_shared_words_bound_is_an_upper_bound_of_similarity() -> None:
    rng = random.Random(8)
    words = [f"w{i}" for i in range(8)]
    for i in range(2000):
        longest = 12 if i % 10 else 260  # past MAX_COMPARED_WORDS now and then
        a = tuple(rng.choice(words) for _ in range(rng.randrange(longest)))
        b = tuple(rng.choice(words) for _ in range(rng.randrange(longest)))
        assert similarity(a, b) <= _shared_words_bound(a, b)


def test_word_reader_agrees_with_sentence_words() -> None:
    rng = random.Random(12)
    texts = [_tricky_text(rng) for _ in range(400)]
    texts += shared_texts("corpus/news")[:10] + shared_texts("corpus/web-pages")[:5]
    compared = 0
    for text in texts:
        doc = Document(text)
        reader = WordReader(doc)
        for sentence in doc.sentences:
            expected = sentence_words(doc, sentence)
            assert reader.sentence_words(sentence) == expected
            for min_words in (3, 8):
                found = reader.sentence_words(sentence, min_words)
                assert found == expected or (len(found) < min_words > len(expected))
            compared += 1
    assert compared > 1000


def test_summary_heading_screen_agrees_with_the_label() -> None:
    headings, max_words, _ = _summary_headings()
    rng = random.Random(13)
    pieces = [*sorted(headings), "KEY TAKEAWAYS", "Summary:", "Tl;Dr.", " in short", "İn brief"]
    pieces += ["Σummary", "σ", "The vote", "", " ", ":", "x"]
    for _ in range(3000):
        text = rng.choice(pieces) + rng.choice(["", ":", ".", " ", "\t", ":."])
        expected = _label(text, 0, len(text), max_words) in headings
        assert _is_summary_heading(text, 0, len(text)) == expected, text
