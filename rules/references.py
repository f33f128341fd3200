"""REF: footnote markers and notes that lead nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from lint.citations import (
    BARE_OUTLET,
    markers,
    note_is_locatable,
    note_labels,
    notes,
)
from lint.document import Document
from lint.rule import Rule
from lint.violation import Severity, Violation

#: Characters of a note shown in messages.
SHOWN = 40


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rstrip() + "…"


class MarkerWithoutNote(Rule):
    """
    ## What it does
    Flags a footnote marker (`[1]`, `[^1]`, `¹`) with no matching note.

    ## Why is this bad?
    A marker promises the reader a source.  When no note carries its number
    the claim only looks cited; copied articles often keep the markers and
    lose the notes.

    ## Example
    ```text
    The bridge opened in 1932.[3]

    Notes
    [1] "History of the Bridge", City Archive, https://example.org/bridge
    ```

    ## Use instead
    ```text
    The bridge opened in 1932.[1]

    Notes
    [1] "History of the Bridge", City Archive, https://example.org/bridge
    ```

    ## Options
    None.

    ## Known problems
    Notes are lines that start with their label; notes kept in a separate file
    or page are not seen, so every marker of such an article is flagged.  A
    superscript after a word of one or two letters (`m²`) is read as a unit.
    """

    code = "REF001"
    name = "marker-without-note"
    summary = "Footnote marker with no matching note"
    severity = Severity.WARNING
    examples_flagged = (
        "The bridge opened in 1932.[3]\n\nNotes\n\n[1] City Archive, https://example.org/a\n",
        "The bridge opened in 1932.[^2]\n",
    )
    examples_clean = (
        "The bridge opened in 1932.[1]\n\nNotes\n\n[1] City Archive, https://example.org/a\n",
        "The flat measures 54 m² and costs more than 10³ euros a month.",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        labels = note_labels(doc)
        for marker in markers(doc):
            if marker.label not in labels:
                yield self.violation(
                    marker.start, marker.end, f"footnote marker {marker.label} has no matching note"
                )


class NoteWithoutMarker(Rule):
    """
    ## What it does
    Flags a note that no marker in the text refers to.

    ## Why is this bad?
    A note nobody points to cannot tell the reader which claim it supports;
    it often means the marker was lost when the article was edited or copied.

    ## Example
    ```text
    The bridge opened in 1932.[1]

    Notes
    [1] City Archive, https://example.org/a
    [2] Daily Courier, 3 May 1932, https://example.org/b
    ```

    ## Use instead
    Put a marker `[2]` after the claim the second note supports, or delete it.

    ## Options
    None.

    ## Known problems
    Nothing is flagged when the text has no marker at all: superscript markers
    are often lost when a page is turned into text, and a list of lines that
    start `[1]` without markers is more likely a list than notes.
    """

    code = "REF002"
    name = "note-without-marker"
    summary = "Note that no marker refers to"
    severity = Severity.INFO
    examples_flagged = (
        "The bridge opened in 1932.[1]\n\nNotes\n\n[1] City Archive, https://example.org/a\n"
        "[2] Daily Courier, https://example.org/b\n",
    )
    examples_clean = (
        "The bridge opened in 1932.[1]\n\nNotes\n\n[1] City Archive, https://example.org/a\n",
        "Steps:\n\n[1] Open the box.\n[2] Plug in the cable.\n",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        found = markers(doc)
        referenced = {m.label for m in found}
        for note in notes(doc):
            if note.label in referenced:
                continue
            if not found:
                continue  # no markers at all: lost in extraction, or a plain list
            yield self.violation(
                note.start + _indent(doc, note.start),
                note.end,
                f"note {note.label} is not referred to by any marker",
            )


class UnlocatableNote(Rule):
    """
    ## What it does
    Flags a note that names no locatable source: no URL, no DOI, no title,
    only a bare outlet name or a restatement of the claim it supports.

    ## Why is this bad?
    `[2] Cnbc - The company was founded in 2015.` looks like a citation but
    gives the reader nothing to look up: it repeats the claim and names an
    outlet that has published thousands of articles.

    ## Example
    ```text
    [2] Daily Courier - The bridge opened in 1932.
    ```

    ## Use instead
    ```text
    [2] "Bridge opens to traffic", Daily Courier, 3 May 1932,
        https://example.org/courier/1932-05-03
    ```

    ## Options
    None.

    ## Known problems
    A title written without quotes or italics counts only when it is a run of
    capitalised words and the note also gives a year.
    """

    code = "REF003"
    name = "unlocatable-note"
    summary = "Note that names no locatable source"
    severity = Severity.WARNING
    examples_flagged = (
        "The bridge opened in 1932.[1]\n\nNotes\n\n[1] Courier - The bridge opened in 1932.\n",
        "The bridge opened in 1932.[^1]\n\n[^1]: The bridge was opened by the mayor.\n",
    )
    examples_clean = (
        "The bridge opened in 1932.[1]\n\nNotes\n\n"
        '[1] "Bridge opens to traffic", Daily Courier, 3 May 1932.\n',
        "The bridge opened in 1932.[1]\n\nNotes\n\n[1] https://example.org/courier/1932\n",
        "The bridge opened in 1932.[1]\n\nNotes\n\n"
        "[1] Smith, J. (2019). Bridges of the north. Journal of Roads, 12(3), 45-67.\n",
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        for note in notes(doc):
            body = text[note.body : note.end]
            if not body.strip() or note_is_locatable(body):
                continue
            outlet = BARE_OUTLET.match(body)
            what = (
                f'only an outlet name ("{outlet.group(1).strip()}") and a restatement'
                if outlet
                else "no URL, DOI or title"
            )
            yield self.violation(
                note.start + _indent(doc, note.start),
                note.end,
                f'note {note.label} names no locatable source ({what}): "{_shown(body)}"',
            )


def _indent(doc: Document, start: int) -> int:
    text = doc.text
    k = 0
    while start + k < len(text) and text[start + k] in " \t":
        k += 1
    return k


RULES: tuple[type[Rule], ...] = (MarkerWithoutNote, NoteWithoutMarker, UnlocatableNote)
