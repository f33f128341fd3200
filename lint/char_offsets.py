"""Where any of a few characters occurs in a text."""

from __future__ import annotations

from collections.abc import Iterable


def char_offsets(text: str, chars: Iterable[str]) -> list[int]:
    """The sorted offsets of every occurrence of each of ``chars`` in ``text``.

    One ``str.find`` pass per character runs several times faster than a regex of
    their character class when the characters are few and rare (quote marks,
    currency signs)."""
    out: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            out.append(at)
            at = text.find(char, at + 1)
    out.sort()
    return out
