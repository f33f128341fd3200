"""QT001 (quotation with no speaker) and QT002 (speaker but no source)."""

from __future__ import annotations

import random

import pytest

from lint.document import Document
from rules.quotes import QuoteWithoutSource, QuoteWithoutSpeaker
from tests.harness import SHARED, flagged_lines, run_rule, seed_text


@pytest.mark.parametrize(
    "text",
    [
        'The new bypass has been described as "a disaster for every shop on the high street."',
        'Local traders fear the worst: "Nobody will drive into town any more."',
        'Critics argue: "The bypass will empty the town centre within a year."',
        'Experts warned that it was "the costliest road ever built in the county".',
        "The bypass opened in May.\n\n"
        '"It will empty the town centre within a year and nobody will care."',
    ],
)
def test_quote_without_speaker_flagged(text: str) -> None:
    assert [v.code for v in run_rule(QuoteWithoutSpeaker, text)] == ["QT001"]


@pytest.mark.parametrize(
    "text",
    [
        'Mayor Ana Ruiz said the bypass was "a disaster for every shop on the high street".',
        '"Nobody will drive into town any more," said Tom Baker, who runs the bakery.',
        'The council leader told the BBC: "We expect traffic to fall by a third."',
        "Council leader Priya Shah answered the question directly:\n\n"
        '"We expect traffic to fall by a third within the first year."',
        'The bypass opened in May. Priya Shah defended it on Monday. "Traffic is down by a third."',
        '"Traffic is down by a third," she said.',
        'The bridge is a "white elephant" according to the locals.',  # a term
        'Her review of "The Road Less Travelled" ran on page four.',  # a title
    ],
)
def test_quote_with_speaker_not_flagged_by_qt001(text: str) -> None:
    assert run_rule(QuoteWithoutSpeaker, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Chief executive Jane Doe responded: "We never promised that to anyone."', "Jane Doe"),
        (
            "Professor Omar Haddad was blunt:\n\n"
            '"The study was too small to tell us anything about the drug."\n'
            "(Haddad's Facebook post).",
            "Omar Haddad",
        ),
        ('"We are not leaving the city," said Lena Fischer, the club\'s owner.', "Lena Fischer"),
        (
            'Lena Fischer posted on X: "We are not leaving the city, whatever happens."',
            "Lena Fischer",
        ),
        (
            'Lena Fischer owns the club. She wrote: "We are not leaving the city, ever."',
            "Lena Fischer",
        ),
    ],
)
def test_quote_without_source_names_the_speaker(text: str, speaker: str) -> None:
    (v,) = run_rule(QuoteWithoutSource, text)
    assert v.code == "QT002"
    assert v.message == (
        f"quotation attributed to {speaker} has no source (link, outlet, document or date)"
    )


@pytest.mark.parametrize(
    "text",
    [
        'Jane Doe told Reuters: "We never promised that to anyone."',
        'In an interview with The Verge, Jane Doe said: "We never promised that to anyone."',
        '"We never promised that to anyone," Jane Doe said in a statement.',
        'Jane Doe wrote in a 2019 blog post that "nobody was ever promised a refund".',
        'According to the court filing, Jane Doe wrote: "We never promised that to anyone."',
        'Jane Doe said on Monday: "We never promised that to anyone."',
        'Jane Doe said on 4 March 2024: "We never promised that to anyone."',
        'Jane Doe said at the annual shareholder meeting: "We never promised that to anyone."',
        'Jane Doe said: "We never promised that to anyone." [1]\n\n'
        'Notes\n\n[1] "Shareholder letter 2024", https://example.com/letter\n',
        'Jane Doe said (https://example.com/letter): "We never promised that to anyone."',
        # the source named once carries over to the same speaker's next quote
        'Jane Doe told the inquiry on Tuesday: "We never promised that to anyone." '
        'Later Doe said: "The refund policy was always clear to our customers."',
        # a strong source in the sentence before (not a date: it may date something else)
        "A report published by the harbour board sets out the costs. "
        'Priya Shah said: "We are keeping the ferry for good."',
        '"We are not worried," a spokesman told reporters at the White House.',
        '"Nobody reads the terms," Sarah Lee said on a podcast.',
        # a law quoted is its own speaker and source
        'Section 230 states: "No provider of an interactive computer service shall be '
        'treated as the publisher."',
        # the author's own words and lines the reader is told to say
        'I always tell my clients: "Start small and grow only when the numbers say so."',
        'When a customer complains, try saying: "I hear you, and I will fix it today."',
        # no speaker at all is QT001's business, not QT002's
        'It was described as "a disaster for every shop on the high street."',
    ],
)
def test_quote_with_source_not_flagged(text: str) -> None:
    assert run_rule(QuoteWithoutSource, text) == []


def test_a_date_in_the_previous_sentence_is_not_a_source() -> None:
    text = 'The harbour opened on 4 March 1951. Priya Shah said: "We are keeping the ferry."'
    assert [v.code for v in run_rule(QuoteWithoutSource, text)] == ["QT002"]


def test_newsroom_option_accepts_a_named_speaker_with_a_reporting_verb() -> None:
    text = '"We never promised that to anyone," Jane Doe said.'
    assert [v.code for v in run_rule(QuoteWithoutSource, text)] == ["QT002"]
    lenient = QuoteWithoutSource(QuoteWithoutSource.Options(named_speaker_is_enough=True))
    assert run_rule(lenient, text) == []


def test_newsroom_option_still_wants_a_verb() -> None:
    text = 'Jane Doe\'s view was simple:\n\n"We never promised that to anyone at all."'
    lenient = QuoteWithoutSource(QuoteWithoutSource.Options(named_speaker_is_enough=True))
    assert [v.code for v in run_rule(lenient, text)] == ["QT002"]


def test_epigraph_with_dash_attribution() -> None:
    text = '"Be the change you wish to see in the world." — Mahatma Gandhi\n\nThe rest.'
    assert run_rule(QuoteWithoutSpeaker, text) == []
    (v,) = run_rule(QuoteWithoutSource, text)
    assert "Mahatma Gandhi" in v.message


@pytest.mark.parametrize(
    "text",
    [
        '> "I lost every basil plant the first year I tried it," one neighbour told me.',
        "The harbour master\nwas blunt. “We are three weeks ahead of schedule and\nthe budget is "
        "fine,” the harbour\nmaster said.",
    ],
)
def test_attribution_inside_block_quotes_and_across_line_breaks(text: str) -> None:
    assert run_rule(QuoteWithoutSpeaker, text) == []
    assert [v.code for v in run_rule(QuoteWithoutSource, text)] == ["QT002"]


def test_quotes_in_headings_and_headlines_are_skipped() -> None:
    text = "'We Will Win': Fans Cheer As New Stadium Opens Its Doors\n\nThe stadium opened."
    assert run_rule(QuoteWithoutSpeaker, text) == []
    assert run_rule(QuoteWithoutSource, text) == []


def test_continued_quote_inherits_its_speaker() -> None:
    text = (
        'Lena Fischer told the Evening Post on Friday: "We are not leaving the city.\n\n'
        '"We have played here for a hundred years and we will play here for a hundred more."'
    )
    assert run_rule(QuoteWithoutSpeaker, text) == []
    assert run_rule(QuoteWithoutSource, text) == []


_seed = seed_text


def _qt_lines(text: str) -> set[int]:
    return set(flagged_lines(QuoteWithoutSpeaker, text)) | set(
        flagged_lines(QuoteWithoutSource, text)
    )


def test_seed_quotes() -> None:
    lines = _qt_lines(_seed("003"))
    assert {13, 19, 20, 28, 33, 34, 36, 46} <= lines
    seed0 = _qt_lines(_seed("000"))
    assert 16 in seed0 and 24 not in seed0


def test_professional_news_rates() -> None:
    files = sorted((SHARED / "corpus" / "news").glob("*.txt"))
    if not files:
        pytest.skip("shared news corpus not available")
    words = qt001 = newsroom = 0
    lenient = QuoteWithoutSource(QuoteWithoutSource.Options(named_speaker_is_enough=True))
    for path in files:
        doc = Document(path.read_text(encoding="utf-8"))
        words += doc.word_count
        qt001 += len(list(QuoteWithoutSpeaker().check(doc)))
        newsroom += len(list(lenient.check(doc)))
    assert 1000 * qt001 / words < 0.2
    assert 1000 * newsroom / words < 0.2


def test_many_quotes_in_one_long_paragraph_are_each_judged() -> None:
    # The work per quotation is bounded: no rescanning of the whole paragraph
    # (measured by benchmarks/linearity.py, "many-quotes-one-paragraph"; not timed here).
    line = 'Jane Doe said "we will build {} more homes in town" and'
    text = " ".join(line.format(i) for i in range(4000))
    found = list(QuoteWithoutSource().check(Document(text)))
    assert len(found) == 4000


@pytest.mark.parametrize("path", ["post.md", "post.txt"])
def test_block_quote_dash_line_names_the_speaker(path: str) -> None:
    from lint.inputs import load_document
    from rules.quotes import QuoteWithoutSource

    text = "Some intro.\n\n> Measure twice and cut once, every single time.\n> — Jo Bloggs\n"
    doc = load_document(path, text)
    messages = [v.message for v in QuoteWithoutSource().check(doc)]
    assert messages and all("Jo Bloggs" in m for m in messages)


@pytest.mark.parametrize(
    "text",
    [
        '"Libraries are where towns meet," said Ruth Ng at the opening ceremony.',
        '"We will not be silenced," Ana Cruz told the crowd at a vigil outside the hall.',
        '"This is a great day," said mayor Tom Reid at the launch of the scheme.',
    ],
)
def test_events_are_sources(text: str) -> None:
    from rules.quotes import QuoteWithoutSource

    assert run_rule(QuoteWithoutSource, text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"Libraries are where towns meet," said Ruth Ng at the opening.',
        '"We will not be silenced," Ana Cruz told the crowd outside the hall.',
        '"This is a great day," said mayor Tom Reid of the scheme.',
    ],
)
def test_same_quotes_without_the_event_have_no_source(text: str) -> None:
    from rules.quotes import QuoteWithoutSource

    assert [v.code for v in run_rule(QuoteWithoutSource, text)] == ["QT002"]


# -- fast paths: look-aheads in front of the source patterns keep every match ------
def _source_soup(rng: random.Random) -> str:
    words = (
        "said says told the Guardian BBC Reuters in an interview with speaking at spoke to "
        "published by reported quoted cited by who was at writing in wrote on X Twitter "
        "on Monday March 3 3 March 2019 in 2021 On the 1999 yesterday Yesterday last week "
        "this morning earlier this year according to a statement the court filing during "
        "ſpeaking İn ın SAID At AT 12/03/24 2024-03-05 Sept. Jan a press release via "
        'before from the report , . : \n " “ ” ( ) -'
    ).split(" ")
    words += ["told the Times", "spoke to The", "said at the UN", "published in Nature"]
    words += ["who were at The"]
    return "".join(w + rng.choice((" ", " ", "", "\n", ", ")) for w in rng.choices(words, k=40))


def test_source_pattern_look_aheads_keep_every_match() -> None:
    import re

    from lint import sources

    rng = random.Random(21)
    texts = [_source_soup(rng) for _ in range(1500)]
    news = SHARED / "corpus" / "news"
    if news.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(news.glob("*.txt"))[:15]]
    cases = (
        (sources.DATE_RE, sources._DATE_START),
        (sources.OUTLET_PATTERNS, sources._OUTLET_START),
        (sources._document_re(), sources._document_start()),
    )
    for fast, guard in cases:
        assert fast.pattern.startswith(guard)
        slow = re.compile(fast.pattern[len(guard) :], fast.flags)
        found = 0
        for text in texts:
            got = [m.span() for m in fast.finditer(text)]
            assert got == [m.span() for m in slow.finditer(text)], text
            found += len(got)
        assert found > 200, guard


def _clause_soup(rng: random.Random) -> str:
    words = (
        "he she They it we I and but or then before after while when as yet to been be being "
        'was were is are Dr. Mr. Mrs. St. Co. Corp. A. U.S. end. done. : ; ( ) [ ] — “ ” " '
        "\n \n\n \t Jo Bloggs, said the minister , word"
    ).split(" ")
    return "".join(w + rng.choice((" ", "", "  ", "\n", " \n")) for w in rng.choices(words, k=12))


def test_end_word_search_equals_a_full_search() -> None:
    from lint import speakers

    rng = random.Random(31)
    patterns = (speakers._PRONOUN, speakers._CONJUNCTION_END, speakers._PASSIVE_END)
    found = 0
    for _ in range(5000):
        text = _clause_soup(rng)
        for pattern in patterns:
            fast, slow = speakers._search_end(pattern, text), pattern.search(text)
            assert (fast and (fast.span(), fast.groups())) == (
                slow and (slow.span(), slow.groups())
            )
            found += slow is not None
    assert found > 500  # (about 950 from the generated texts alone)


def test_clause_cut_checks_abbreviations_after_the_full_stop() -> None:
    import re

    from lint import speakers

    before = "".join(
        f"(?<!{a})"
        for a in "Dr Mr Ms Mrs Prof St Jr Sr Gen Gov Sen Rep Rev Inc Co Ltd Corp".split()
    )
    old = re.compile(rf"""[:;"“”()\[\]—]|\n\s*\n|{before}(?<![A-Z])\.\s""")
    rng = random.Random(32)
    for _ in range(3000):
        text = _clause_soup(rng)
        assert speakers._CLAUSE_CUT.split(text) == old.split(text), text
        assert [m.span() for m in speakers._CLAUSE_CUT.finditer(text)] == [
            m.span() for m in old.finditer(text)
        ]


def test_verb_word_pattern_finds_the_same_verbs_as_every_plain_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lint import reporting_verbs

    words = (
        "said Said SAID says told according to According  to in the words of pointed out "
        "added adding quipped slammed said2 said- -said ’said said’ ſaid saíd under_said "
        "went on noted , . \n she he the minister"
    ).split(" ")
    rng = random.Random(33)
    texts = ["".join(w + rng.choice((" ", "", "\n")) for w in rng.choices(words, k=20))]
    texts += [
        "".join(w + rng.choice((" ", "", "\n")) for w in rng.choices(words, k=20))
        for _ in range(3000)
    ]
    fast = [reporting_verbs.speech_verbs(t) for t in texts]
    monkeypatch.setattr(reporting_verbs, "_verb_word_re", lambda: reporting_verbs._PLAIN_WORD)
    slow = [reporting_verbs.speech_verbs(t) for t in texts]
    assert fast == slow
    assert sum(map(len, slow)) > 5000


def test_hypothetical_look_ahead_keeps_every_match() -> None:
    import re

    from rules._quote_attribution import _HYPOTHETICAL

    guard = r"\b(?=[yiselbt])"
    slow = re.compile(_HYPOTHETICAL.pattern[len(guard) :], _HYPOTHETICAL.flags)
    words = "You your yourself imagine something like let's say e.g. try Start begin by".split()
    words += ["saying", "ſomething", "İmagine"]
    rng = random.Random(34)
    for _ in range(3000):
        text = " ".join(rng.choices(words + ["word", ",", "asking", "writing"], k=8))
        assert [m.span() for m in _HYPOTHETICAL.finditer(text)] == [
            m.span() for m in slow.finditer(text)
        ]


def test_mid_sentence_capitals_match_the_look_behind_form() -> None:
    import re

    from lint.names import _MID_SENTENCE_CAPITAL

    old = re.compile(r"(?<=[\w,;)] )([A-Z][\w\-]*)")
    pieces = ["Jo", " ", "said", ",", ";", ")", "(", "\n", "Bloggs", "x-Ray", "A", "é", "_", "9"]
    rng = random.Random(35)
    texts = ["".join(rng.choices(pieces, k=30)) for _ in range(3000)]
    news = SHARED / "corpus" / "news"
    if news.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(news.glob("*.txt"))[:10]]
    found = 0
    for text in texts:
        got = [m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(text)]
        assert got == [m.group(1) for m in old.finditer(text)], text
        found += len(got)
    assert found > 500  # (about 950 from the generated texts alone)


# -- source look-ups: fast paths agree with the plain searches -----------------------
_SOURCE_PIECES = (
    "said", " told Reuters", " in a statement", " on Monday", " yesterday", " Yesterday",
    " last week", " this morning", " earlier this year", " in 2019", " March 3", " 3 March",
    " 2024-03-03", " 3/4/21", " at the summit", " BBC", " the Guardian", " http://x.org",
    " [1]", "¹", "\n\n", ". ", ", ", " she", " Jo Bloggs", " speaking at the UN", " day",
    " last", " this", " ٣ March", " Sunday", " during 1999", " (her X post)", " wrote in The",
)  # fmt: skip


def _source_pieces(rng: random.Random) -> str:
    return "".join(rng.choice(_SOURCE_PIECES) for _ in range(rng.randint(1, 12)))


_PLAIN_WORDS = (
    "the plan river town road quiet slowly rose moved across over a an and with "
    "new old bridge market green water stone"
).split()


def _plain_sentence(rng: random.Random) -> str:
    """A sentence of our own words, none of which can name a source."""
    words = rng.choices(_PLAIN_WORDS, k=rng.randint(4, 12))
    return " ".join(words).capitalize() + "."


def test_date_prefilter_holds_wherever_the_date_pattern_matches() -> None:
    from lint.sources import DATE_RE, _may_hold_date

    rng = random.Random(41)
    texts = [_source_pieces(rng) for _ in range(3000)]
    texts += _shared_sentences()
    matched = 0
    for text in texts:
        if DATE_RE.search(text):
            assert _may_hold_date(text), text
            matched += 1
    assert matched > 1000


def _shared_sentences() -> list[str]:
    """The sentences of the shared corpora (none without them)."""
    out = []
    for folder in ("corpus/news", "corpus/web-pages"):
        base = SHARED / folder
        for path in sorted(base.rglob("*.txt")) if base.is_dir() else []:
            doc = Document(path.read_text(encoding="utf-8"))
            out.extend(doc.text[s.start : s.end] for s in doc.sentences)
    return out


def test_a_segment_searched_among_others_holds_no_source_alone() -> None:
    from lint.sources import find_source

    rng = random.Random(42)
    pieces = [_source_pieces(rng) for _ in range(200)] + _shared_sentences()[:2000]
    pieces += [_plain_sentence(rng) for _ in range(300)]  # enough without a source anywhere
    checked = 0
    for _ in range(3000):
        segments = rng.sample(pieces, rng.randint(1, 4))
        if find_source("\n\n".join(segments)) is None:
            for segment in segments:
                assert find_source(segment, dates=False) is None, segments
                checked += 1
    assert checked > 500


def test_resolving_pronouns_from_remembered_sentences_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rules import _quote_attribution as qa

    texts = []
    for folder in ("seeds", "corpus/news", "corpus/web-pages"):
        paths = sorted((SHARED / folder).rglob("*.txt")) if (SHARED / folder).is_dir() else []
        texts += [p.read_text("utf-8") for p in paths]
    texts.append(
        "Jo Bloggs runs the club. She said: “We won.” She added: “We will win again.”\n\n"
        "Sam Park coaches it. “It was hard,” he said. “We kept going,” he said."
    )
    texts.append(  # each pronoun read back to the last name before it
        "Ann Lee said the board would meet. Rain fell. “We met,” she said. Bob Roe said "
        "the fund would pay. “We won,” she said. “We left,” she said."
    )
    remembered = [qa.attributed_quotations(Document(t)) for t in texts]

    class Forgetful(dict):  # a memo that remembers nothing: every sentence read again
        def __setitem__(self, key: object, value: object) -> None:
            pass

    monkeypatch.setattr(qa, "_sentence_facts", lambda doc: Forgetful())
    assert [qa.attributed_quotations(Document(t)) for t in texts] == remembered
    assert sum(1 for found in remembered for a in found if a.speaker and a.speaker.verb) > 5


def _outlet_soup(rng: random.Random) -> str:
    """Outlet names cut, joined and cased oddly, with word characters, hyphens
    and apostrophes next to them."""
    from lint.phrases import load_phrases

    names = list(load_phrases("outlets").entries)
    glue = [" ", "", "-", "x", "’", "'", "\n", ", ", "  ", "_", "3"]
    parts = []
    for _ in range(rng.randint(1, 30)):
        name = rng.choice(names)
        r = rng.random()
        if r < 0.2:
            name = name[: rng.randint(0, len(name))]
        elif r < 0.3:
            name = name.lower()
        parts.append(name + rng.choice(glue))
    return "".join(parts)


def test_outlet_search_from_first_characters_equals_the_plain_search() -> None:
    from lint.sources import _search_outlet, outlet_re

    rng = random.Random(43)
    texts = [_outlet_soup(rng) for _ in range(3000)] + _shared_sentences()
    texts += [_source_soup(rng) for _ in range(500)]
    found = 0
    for text in texts:
        want = outlet_re().search(text)
        got = _search_outlet(text)
        assert (got and (got.span(), got.group())) == (want and (want.span(), want.group()))
        found += want is not None
    assert found > 1500


def test_longer_verbs_matched_with_compiled_patterns_as_with_re_fullmatch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    from lint import reporting_verbs

    words = (
        "in In IN the The words Words of according to According pointed out put it Put  It "
        "İn ın said ſaid , . \n"
    ).split(" ")
    rng = random.Random(44)
    texts = [
        "".join(w + rng.choice((" ", "", "\n", "\t", "  ")) for w in rng.choices(words, k=20))
        for _ in range(3000)
    ] + _shared_sentences()
    fast = [reporting_verbs.speech_verbs(t) for t in texts]

    class Plain:  # the patterns as before: re.fullmatch of the joined words
        def __init__(self, phrase: str) -> None:
            self.phrase = phrase

        def fullmatch(self, s: str) -> re.Match[str] | None:
            return re.fullmatch(r"\s+".join(self.phrase.split()), s)

    plain = {
        w: tuple((p, Plain(p)) for p in phrases)
        for w, phrases in reporting_verbs._verb_table()[1].items()
    }
    monkeypatch.setattr(reporting_verbs, "_longer_patterns", lambda: plain)
    assert fast == [reporting_verbs.speech_verbs(t) for t in texts]
    assert sum(1 for found in fast for m in found if " " in m.phrase) > 300


def test_speaker_before_from_the_last_verb_back_equals_testing_every_verb() -> None:
    from lint import speakers
    from lint.reporting_verbs import speech_verbs

    def plain(segment: str) -> speakers.Speaker | None:
        verbs = [
            m
            for m in speech_verbs(segment)
            if not speakers._DETERMINER_END.search(segment, max(0, m.start - 8), m.start)
        ]
        if verbs:
            m = verbs[-1]
            return speakers._subject(segment, m.start, m.end, m.phrase)
        if segment.rstrip().endswith(":"):
            return speakers.intro_speaker(segment)
        return None

    rng = random.Random(45)
    words = "the a his said says told Jane Doe she minister noted added : , . \n".split(" ")
    segments = [" ".join(rng.choices(words, k=rng.randint(1, 25))) for _ in range(3000)]
    segments += _shared_sentences() + [_source_soup(rng) for _ in range(300)]
    found = 0
    for segment in segments:
        want = plain(segment)
        assert speakers.speaker_before(segment) == want, segment
        found += want is not None
    assert found > 1000
