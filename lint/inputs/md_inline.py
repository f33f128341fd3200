"""Markdown inline markup: align markdown-it's inline tokens with their source.

markdown-it gives inline tokens no positions.  ``inline_pieces`` walks an inline
token's children through its ``content`` in order, finding each construct where
the cursor stands, and records what to blank (emphasis markers, code spans, link
brackets and targets, images, autolinks, inline HTML, escape backslashes) and
which entities to show decoded; then maps the rest back to source ranges.
A construct that cannot be found raises ``LookupError``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from lint import regex_cache
from lint.inputs.html import Piece


class _Align:
    """Walks inline children through ``content``, recording what to blank."""

    def __init__(self, content: str) -> None:
        self.s = content
        self.pos = 0
        self.blank: list[tuple[int, int]] = []
        self.replace: list[tuple[int, int, str]] = []
        self.opened = (0, 0)  # where the open link's "[" is, and its index in ``blank``

    def find(self, needle: str) -> int:
        i = self.s.find(needle, self.pos)
        if i < 0 or not needle:
            raise LookupError(needle)
        return i

    def walk(self, tokens: Sequence[Token]) -> None:
        autolink = False
        for tok in tokens:
            if autolink:
                autolink = tok.type != "link_close"
                continue
            autolink = self.step(tok)

    def step(self, tok: Token) -> bool:
        """Advance past ``tok``; True when it opens an autolink (skip to its close)."""
        kind = tok.type
        if kind == "text":
            if tok.content:
                self.pos = self.find(tok.content) + len(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            nl = self.find("\n")
            if kind == "hardbreak" and nl > 0 and self.s[nl - 1] == "\\":
                self.blank.append((nl - 1, nl))
            self.pos = nl + 1
        elif kind == "code_inline":
            self.code_span(tok.markup)
        elif kind == "html_inline":
            start = self.find(tok.content)
            self.pos = start + len(tok.content)
            self.blank.append((start, self.pos))
        elif kind == "text_special":
            self.special(tok)
        elif kind == "link_open":
            if tok.markup == "autolink":
                start = self.find("<")
                self.pos = self.s.index(">", start) + 1
                self.blank.append((start, self.pos))
                return True
            start = self.find("[")
            self.opened = (start, len(self.blank))
            self.blank.append((start, start + 1))
            self.pos = start + 1
        elif kind == "link_close":
            start = self.find("]")
            self.pos = _link_tail(self.s, start)
            opened, index = self.opened
            if self.s.startswith("[^", opened) and self.pos == start + 1:
                del self.blank[index]  # a footnote marker "[^1]": keep it for the rules
            else:
                self.blank.append((start, self.pos))
        elif kind == "image":
            self.image(tok)
        elif tok.markup and kind.endswith(("_open", "_close")):  # em, strong, s
            start = self.find(tok.markup)
            self.pos = start + len(tok.markup)
            self.blank.append((start, self.pos))
        return False

    def code_span(self, ticks: str) -> None:
        start = self.find(ticks)
        closing = regex_cache.compile(rf"(?<!`){re.escape(ticks)}(?!`)")
        m = closing.search(self.s, start + len(ticks))
        if not m:
            raise LookupError(ticks)
        self.pos = m.end()
        self.blank.append((start, self.pos))

    def special(self, tok: Token) -> None:
        start = self.find(tok.markup)
        self.pos = start + len(tok.markup)
        if tok.info == "escape":
            self.blank.append((start, start + 1))
        elif tok.info == "entity":
            decoded = html.unescape(tok.markup)
            if decoded != tok.markup and len(decoded) <= len(tok.markup):
                self.replace.append((start, self.pos, decoded))

    def image(self, tok: Token) -> None:
        start = self.find("![")
        inner = _Align(self.s)
        inner.pos = start + 2
        inner.walk(tok.children or ())
        close = inner.find("]")
        self.pos = _link_tail(self.s, close)
        self.blank.append((start, self.pos))


def _skip_space(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t\n":
        pos += 1
    return pos


def _link_tail(s: str, pos: int) -> int:
    """End of ``](destination "title")``, ``][label]`` or ``]`` starting at ``pos``."""
    pos += 1
    if pos < len(s) and s[pos] == "(":
        p = _skip_space(s, pos + 1)
        dest = parseLinkDestination(s, p, len(s))
        if dest.ok:
            p = _skip_space(s, dest.pos)
            title = parseLinkTitle(s, p, len(s))
            if title.ok:
                p = _skip_space(s, title.pos)
        if p < len(s) and s[p] == ")":
            return p + 1
        raise LookupError("link destination")
    if pos < len(s) and s[pos] == "[":
        p = pos + 1
        while p < len(s) and s[p] != "]":
            p += 2 if s[p] == "\\" else 1
        return min(p + 1, len(s))
    return pos


def inline_pieces(
    content: str, children: Sequence[Token], starts: list[tuple[int, int]]
) -> list[Piece]:
    """Source pieces for one inline token: its content lines minus blanked markup."""
    align = _Align(content)
    align.walk(children)
    holes = sorted([(a, b, None) for a, b in align.blank] + list(align.replace))
    pieces: list[Piece] = []
    offset = first = 0  # holes[:first] end before the current line
    for (line_start, skip), part in zip(starts, content.split("\n"), strict=True):
        end = offset + len(part)
        pos = offset + skip
        while first < len(holes) and holes[first][1] <= offset:
            first += 1
        for k in range(first, len(holes)):
            a, b, text = holes[k]
            if a >= end:
                break
            a, b = max(a, offset), min(b, end)
            if a >= b or a < pos:
                continue
            if a > pos:
                pieces.append((line_start + pos - offset, line_start + a - offset, None))
            if text is not None:
                pieces.append((line_start + a - offset, line_start + b - offset, text))
            pos = b
        if end > pos:
            pieces.append((line_start + pos - offset, line_start + end - offset, None))
        offset = end + 1
    return pieces
