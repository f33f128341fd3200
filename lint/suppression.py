"""Inline suppression comments, in text and Markdown alike.

    <!-- article-lint: disable=SEO001,KW -->   ... <!-- article-lint: enable=SEO001 -->
    <!-- article-lint: disable -->             (all codes until enable)
    <!-- article-lint: disable-next-line=QT002 -->
    <!-- article-lint: disable-file -->

Codes are prefixes, as on the command line.  The comments themselves are blanked
out of the lintable text, so they are never reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lint import regex_cache

DIRECTIVE_RE = regex_cache.compile(
    r"<!--\s*article-lint:\s*(?P<verb>disable-next-line|disable-file|disable|enable)"
    r"\s*(?:=\s*(?P<codes>[A-Za-z0-9_,\s]*?))?\s*-->"
)
ALL = "*"


@dataclass(frozen=True)
class Suppressions:
    """Which codes are silenced on which lines."""

    file_disabled: bool = False
    # (first_line, last_line or None, codes or ("*",))
    ranges: tuple[tuple[int, int | None, tuple[str, ...]], ...] = ()
    next_line: tuple[tuple[int, tuple[str, ...]], ...] = ()

    def is_suppressed(self, code: str, line: int) -> bool:
        if self.file_disabled:
            return True
        for first, last, codes in self.ranges:
            if first <= line and (last is None or line <= last) and _matches(code, codes):
                return True
        return any(n == line and _matches(code, codes) for n, codes in self.next_line)


def _matches(code: str, codes: tuple[str, ...]) -> bool:
    return any(c == ALL or code.startswith(c) for c in codes)


def _codes(raw: str | None) -> tuple[str, ...]:
    if not raw or not raw.strip():
        return (ALL,)
    return tuple(c.strip().upper() for c in raw.split(",") if c.strip())


def parse(text: str) -> tuple[Suppressions, list[tuple[int, int]]]:
    """Suppressions in ``text`` and the spans of the directive comments."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    spans: list[tuple[int, int]] = []
    open_: dict[str, int] = {}
    ranges: list[tuple[int, int | None, tuple[str, ...]]] = []
    next_line: list[tuple[int, tuple[str, ...]]] = []
    file_disabled = False
    for m in DIRECTIVE_RE.finditer(text):
        spans.append((m.start(), m.end()))
        line = bisect_right(line_starts, m.start())
        verb, codes = m.group("verb"), _codes(m.group("codes"))
        if verb == "disable-file":
            file_disabled = True
        elif verb == "disable-next-line":
            next_line.append((line + 1, codes))
        elif verb == "disable":
            for code in codes:
                open_.setdefault(code, line)
        else:  # enable
            closing = list(open_) if codes == (ALL,) else [c for c in codes if c in open_]
            for code in closing:
                ranges.append((open_.pop(code), line, (code,)))
    ranges.extend((first, None, (code,)) for code, first in open_.items())
    return Suppressions(file_disabled, tuple(ranges), tuple(next_line)), spans


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span with spaces (newlines kept), preserving length."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
