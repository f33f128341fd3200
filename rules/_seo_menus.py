"""Menus for SEO001: runs and blocks of menu-like lines, and every line the line
rules remove (which the fixes and the sentence rules take into account)."""

from __future__ import annotations

from itertools import compress

from lint.document import Document
from rules._seo_lines import LineKinds, classify_lines, residue_columns
from rules._seo_screens import per_document
from rules._seo_text import line_heads

# Defaults of SEO001's options `nav-run` and `weak-nav-run`.
NAV_RUN = 3
WEAK_NAV_RUN = 5


@per_document
def removable_lines(doc: Document) -> frozenset[int]:
    """Lines the line rules report with their default options (they shape the fixes)."""
    kinds = classify_lines(doc)
    residue = compress(range(len(doc.lines)), map(any, residue_columns(kinds)))
    return frozenset(residue) | nav_runs(doc, kinds, NAV_RUN, WEAK_NAV_RUN)


def nav_runs(doc: Document, kinds: LineKinds, min_run: int, min_weak_run: int) -> frozenset[int]:
    """``_nav_runs``, worked out once per document, ``kinds`` and run lengths (kept
    with the document: ``Document.derived``)."""
    memo = doc.derived(_nav_memo)
    found = memo.get((min_run, min_weak_run))
    if found is None or found[0] is not kinds:
        found = memo[min_run, min_weak_run] = (kinds, _nav_runs(doc, kinds, min_run, min_weak_run))
    return found[1]


def _nav_memo(doc: Document) -> dict[tuple[int, int], tuple[LineKinds, frozenset[int]]]:
    """A document's ``nav_runs`` answers: (run lengths) -> (the kinds, the lines)."""
    return {}


def _nav_runs(doc: Document, kinds: LineKinds, min_run: int, min_weak_run: int) -> frozenset[int]:
    """Lines of menu words that sit in a run of menu-like lines (blank lines and
    filename lines do not break a run): at least ``min_run`` lines including one
    that is chrome on its own, or ``min_weak_run`` lines of section names. Bare
    numbers in a run with a widget ("412" under "Share") are its counters."""
    flagged: set[int] = set()
    run: list[int] = []
    counts: list[int] = []  # bare numbers ("412" claps): kept only beside a widget
    anchored = widgets = False

    def close() -> None:
        if not run:
            return
        if len(run) >= min_weak_run or (anchored and len(run) + len(counts) >= min_run):
            flagged.update(run)
            if widgets:
                flagged.update(counts)

    starts = line_heads(doc)[0]
    filename, nav, lead, count_line = kinds.filename, kinds.nav, kinds.lead, kinds.count_line
    for i, span in enumerate(doc.lines):
        if filename[i] or starts[i] == span.end:
            continue  # blank lines, "·" and "***" do not break a run
        if nav[i] or lead[i]:
            run.append(i)
            anchored = anchored or kinds.strong[i] or kinds.widget[i] or lead[i]
            widgets = widgets or kinds.widget[i]
            continue
        if count_line[i]:
            counts.append(i)
            continue
        if run or counts:  # (otherwise nothing is open: anchored and widgets are False)
            close()
            run, counts, anchored, widgets = [], [], False, False
    close()
    return frozenset(flagged | menu_blocks(doc, kinds, min_weak_run))


def menu_blocks(doc: Document, kinds: LineKinds, min_lines: int) -> set[int]:
    """Lines of a menu: a group of at least ``min_lines`` adjacent lines (no blank line
    between them), each a short item without sentence punctuation, at least half of
    them menu words, one chrome on its own; the unknown items ("Middle East",
    "Personal Finance") go too."""
    flagged: set[int] = set()
    group: list[int] = []

    def close() -> None:
        if len(group) < min_lines:
            return
        known = sum(1 for i in group if kinds.nav[i])
        anchor = any(kinds.strong[i] or kinds.widget[i] for i in group)
        if anchor and 2 * known >= len(group):
            flagged.update(group)

    menu_item = kinds.menu_item
    residue = list(map(any, residue_columns(kinds)))
    for i in range(len(doc.lines)):
        if menu_item[i]:
            group.append(i)
            continue
        if residue[i]:
            continue  # reported anyway: once it is fixed away the group must stay the same
        if group:
            close()
            group = []
    close()
    return flagged
