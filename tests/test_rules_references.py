"""REF001-003 (markers and notes) and the shared definition of a cited sentence."""

from __future__ import annotations

import random

import pytest

from lint.citations import markers, note_is_locatable, notes, sentence_is_cited
from lint.document import Document
from rules.references import MarkerWithoutNote, NoteWithoutMarker, UnlocatableNote
from tests.harness import SHARED, flagged_lines, run_rule

CLAIM = "The ferry service between the two islands started running in the spring of 1951."
GOOD_NOTE = '"A history of the island ferries", Harbour Gazette, 2 May 1951'


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (f"{CLAIM}[1]\n\nNotes\n\n[1] {GOOD_NOTE}\n", ["1"]),
        (f"{CLAIM}[^4]\n\n[^4]: {GOOD_NOTE}\n", ["4"]),
        (f"{CLAIM}²\n\n² {GOOD_NOTE}\n", ["2"]),
        (f"{CLAIM}[2]\n\nReferences\n\n  • [2] {GOOD_NOTE}\n", ["2"]),
        (f"{CLAIM}[3]\n\nSources\n\n3. {GOOD_NOTE}\n", ["3"]),
        # a numbered list outside a notes section is not a list of notes
        ("Pack the following items before you leave:\n\n1. A map.\n2. A torch.\n", []),
    ],
)
def test_notes_found(text: str, labels: list[str]) -> None:
    assert [n.label for n in notes(Document(text))] == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (f"{CLAIM}[1] And more.[12]", ["1", "12"]),
        (f"{CLAIM}¹", ["1"]),
        ("The flat measures 54 m² and the tank holds 2 m³ of water.", []),
        ("The error grows as 10² and then 10³ over the run.", []),
    ],
)
def test_markers_found(text: str, labels: list[str]) -> None:
    assert [m.label for m in markers(Document(text))] == labels


@pytest.mark.parametrize(
    "text",
    [
        f"{CLAIM}[3]\n\nNotes\n\n[1] {GOOD_NOTE}\n",
        f"{CLAIM}[^2]\n",
        f"{CLAIM}³\n\nNotes\n\n¹ {GOOD_NOTE}\n",
    ],
)
def test_marker_without_note_flagged(text: str) -> None:
    assert [v.code for v in run_rule(MarkerWithoutNote, text)] == ["REF001"]


@pytest.mark.parametrize(
    "text",
    [
        f"{CLAIM}[1]\n\nNotes\n\n[1] {GOOD_NOTE}\n",
        f"{CLAIM}[^a1]\n",  # not a numbered marker
        "The room measures 12 m² in total.",
    ],
)
def test_marker_with_note_clean(text: str) -> None:
    assert run_rule(MarkerWithoutNote, text) == []


def test_note_without_marker() -> None:
    text = f"{CLAIM}[1]\n\nNotes\n\n[1] {GOOD_NOTE}\n[2] {GOOD_NOTE}\n"
    (v,) = run_rule(NoteWithoutMarker, text)
    assert v.code == "REF002" and "note 2" in v.message
    assert flagged_lines(NoteWithoutMarker, text) == [6]


@pytest.mark.parametrize(
    "text",
    [
        f"{CLAIM}[1][2]\n\nNotes\n\n[1] {GOOD_NOTE}\n[2] {GOOD_NOTE}\n",
        # lines starting with [1] and no markers anywhere: a list, not notes
        "Steps to follow:\n\n[1] Open the valve slowly.\n[2] Wait for the gauge to settle.\n",
    ],
)
def test_note_with_marker_clean(text: str) -> None:
    assert run_rule(NoteWithoutMarker, text) == []


@pytest.mark.parametrize(
    ("body", "locatable"),
    [
        ("Gazette - The ferry service started in 1951.", False),
        ("The ferry service started running in 1951.", False),
        ("Harbour Gazette", False),
        (GOOD_NOTE, True),
        ("https://example.org/ferries/1951", True),
        ("Harbour Gazette archive, example.org/ferries", True),
        ("Lund, K. (2003). Island transport. Journal of Coasts, 8(2), 11-19.", True),
        ("doi:10.1234/abcd.5678", True),
        ("Ibid., p. 12.", True),
        ("The Island Ferries Annual Report, Harbour Board, 1952.", True),
        ("*Ferries of the North Sea*, Harbour Press.", True),
        ("The ferry service was saved. Council minutes, 3 March 2024.", True),
        ("The ferry service was saved at the meeting on Monday.", False),
    ],
)
def test_note_is_locatable(body: str, locatable: bool) -> None:
    assert note_is_locatable(body) is locatable


def test_unlocatable_note_message() -> None:
    text = f"{CLAIM}[1]\n\nNotes\n\n[1] Gazette - The ferry service started in 1951.\n"
    (v,) = run_rule(UnlocatableNote, text)
    assert v.code == "REF003"
    assert 'only an outlet name ("Gazette")' in v.message


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        (f"{CLAIM}[1]\n\nNotes\n\n[1] {GOOD_NOTE}\n", True),
        (f"{CLAIM} [1]\n\nNotes\n\n[1] {GOOD_NOTE}\n", True),
        (f"{CLAIM[:-1]}, see https://example.org/ferries for details.", True),
        # a marker pointing at no note, when the document has notes: not cited
        (f"{CLAIM}[7]\n\nNotes\n\n[1] {GOOD_NOTE}\n", False),
        # a document without any notes: the marker counts (REF001 reports it)
        (f"{CLAIM}[1]", True),
        (CLAIM, False),
    ],
)
def test_sentence_is_cited(text: str, cited: bool) -> None:
    assert sentence_is_cited(Document(text), 0) is cited


def test_seed_notes() -> None:
    matches = sorted((SHARED / "seeds").glob("001_*.txt"))
    if not matches:
        pytest.skip("shared seeds not available")
    text = matches[0].read_text(encoding="utf-8")
    assert {83, 84} <= set(flagged_lines(UnlocatableNote, text))


def test_a_link_blanked_out_of_the_text_still_cites() -> None:
    # HTML input blanks tags; the link is found at the same offsets in ``raw``.
    raw = 'The ferry started in 1951, <a href="https://example.org/f">records show</a>.'
    text = raw.replace('<a href="https://example.org/f">', " " * 32).replace("</a>", "    ")
    assert len(text) == len(raw)
    assert sentence_is_cited(Document(text, raw=raw), 0)
    assert not sentence_is_cited(Document(text), 0)


# -- fast path: sentences with no link or marker character are not cited ------------
def _link_soup(rng: random.Random) -> str:
    pieces = (
        "Sales rose", " by 4%", ". ", ".  ", "\n\n", "[1]", "[^2]", " [3]", "¹", "²³", "m²",
        " see https://example.com/a", " WWW.Example.org ", " www.", "http://", "h ttp://",
        "://", " [12", "] ", "\t", " word", ". The", "\n\n[1] A note, 2019.\n", "Notes\n\n",
    )  # fmt: skip
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))


def test_cited_fast_path_agrees_with_the_full_check() -> None:
    from lint.citations import _find_cited, sentence_has_marker_or_link
    from lint.inputs import load_document

    rng = random.Random(11)
    docs = [Document(_link_soup(rng)) for _ in range(800)]
    docs += [load_document("p.md", "Sales rose [here](https://x.org). Then fell.\n")]
    docs += [load_document("p.html", '<p>Up 4%.<sup><a href="#fn1">1</a></sup> Down.</p>')]
    cited = 0
    for doc in docs:
        full = [sentence_has_marker_or_link(doc, i) for i in range(len(doc.sentences))]
        assert _find_cited(doc) == full, doc.text
        cited += sum(full)
    assert cited > 500


def test_has_link_or_marker_hint() -> None:
    from lint.links import LINK_HINT_RE, MARKER_RE, URL_RE, has_link_or_marker

    rng = random.Random(12)
    for _ in range(3000):
        text = _link_soup(rng)
        if URL_RE.search(text) or MARKER_RE.search(text):
            assert LINK_HINT_RE.search(text), text
    assert has_link_or_marker("see WWW.example.org")
    assert has_link_or_marker("claim.[2]")
    assert not has_link_or_marker("plain text: no link.")


# -- fast paths: markers and notes read from the whole text, not line by line --------
def _plain_notes(doc: Document) -> list[tuple[int, int, str, int, bool]]:
    """Notes as found by reading every line (the definition ``notes`` speeds up)."""
    from lint.citations import NOTE_RE, _first_char, is_notes_heading

    text = doc.text
    heading_starts = {h.start: h for h in doc.headings}
    in_notes, out = False, []
    for line in doc.lines:
        m = NOTE_RE.match(text, line.start, line.end)
        heading = heading_starts.get(line.start) or heading_starts.get(_first_char(text, line))
        if heading is not None and (m is None or m.group("num") is not None):
            in_notes = is_notes_heading(text[heading.start : heading.end])
            continue
        if m is None or (m.group("num") is not None and not in_notes):
            continue
        label = m.group("br") or m.group("caret") or m.group("sup") or m.group("num")
        out.append((line.start, line.end, label.translate(_SUP), m.end(), in_notes))
    return out


_SUP = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _plain_markers(doc: Document) -> list[tuple[int, int, str]]:
    """Markers as found by scanning each line from its start or its note's body."""
    from lint.citations import _markers_in

    bodies = {n[0]: n[3] for n in _plain_notes(doc)}
    found = []
    for line in doc.lines:
        found.extend(_markers_in(doc.text, bodies.get(line.start, line.start), line.end))
    return found


def _note_soup(rng: random.Random) -> str:
    pieces = (
        "Sales rose", " by 4%", ". ", "\n", "\n\n", "\r\n", "[1]", "[^2]", " [3]", "¹", "²³",
        "m²", "Notes\n", "## References\n", "Sources:\n", "  ", "\t", "- ", "• ", "[1] ",
        "[^2]: ", "^3. ", "¹ ", "4. ", "12) ", "A note, 2019", " word", "# Heading\n",
        "\n\n[1] Notes\n\n", "\n\n² Sources\n\n", "\n\nReferences\n\n", "\n\n1. Notes\n",
    )  # fmt: skip
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))


def _assert_notes_and_markers_as_plain(doc: Document) -> int:
    assert [tuple(n) for n in notes(doc)] == _plain_notes(doc), doc.text
    assert [tuple(m) for m in markers(doc)] == _plain_markers(doc), doc.text
    return len(notes(doc)) + len(markers(doc))


def test_notes_and_markers_agree_with_line_by_line_reading() -> None:
    rng = random.Random(13)
    found = sum(_assert_notes_and_markers_as_plain(Document(_note_soup(rng))) for _ in range(1500))
    assert found > 3000


@pytest.mark.parametrize("folder", ["corpus/news", "corpus/web-pages", "seeds"])
def test_notes_and_markers_agree_with_line_by_line_reading_on_real_text(folder: str) -> None:
    from tests.harness import shared_texts

    for text in shared_texts(folder):
        _assert_notes_and_markers_as_plain(Document(text))


def test_cited_fast_path_agrees_with_the_full_check_on_real_text() -> None:
    from lint.citations import _find_cited, sentence_has_marker_or_link
    from tests.harness import shared_texts

    for text in shared_texts("corpus/web-pages") + shared_texts("corpus/news"):
        doc = Document(text)
        full = [sentence_has_marker_or_link(doc, i) for i in range(len(doc.sentences))]
        assert _find_cited(doc) == full


def test_note_labels_are_worked_out_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every marker asks for the note labels; on a page of notes that was once a
    pass over all notes per marker (quadratic).  Now one pass per document."""
    from lint import citations
    from lint.api import make_plan

    passes: list[int] = []
    real = citations._note_labels
    monkeypatch.setattr(citations, "_note_labels", lambda doc: passes.append(1) or real(doc))
    text = "Sales rose 40% last year.[1]\n\n" + "".join(f"[{i}] A note.\n" for i in range(1, 400))
    doc = Document(text)
    for rule in make_plan({"select": ["NUM", "REF"]}).rules:
        list(rule.check(doc))
    assert passes == [1]
    assert citations.note_labels(doc) == frozenset(str(i) for i in range(1, 400))
