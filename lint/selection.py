"""The decision engine: is a rule code selected?  (flake8's longest-prefix rule.)"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

ALL = "ALL"


def _longest(code: str, prefixes: Iterable[str]) -> int:
    """Length of the longest prefix matching ``code`` (-1 when none; ALL is 0)."""
    best = -1
    for prefix in prefixes:
        if prefix == ALL:
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


@dataclass(frozen=True)
class Selection:
    """``select=None`` means "the rules that are on by default"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    _cache: dict[tuple[str, bool], bool] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def is_enabled(self, code: str, default_enabled: bool = True) -> bool:
        key = (code, default_enabled)
        if key not in self._cache:
            self._cache[key] = self._decide(code, default_enabled)
        return self._cache[key]

    def _decide(self, code: str, default_enabled: bool) -> bool:
        selected = _longest(code, (*(self.select or ()), *self.extend_select))
        ignored = _longest(code, (*self.ignore, *self.extend_ignore))
        if selected < 0 and ignored < 0:
            return default_enabled if self.select is None else False
        if ignored < 0:
            return True
        if selected < 0:
            return False
        return selected > ignored  # a tie goes to ignore


@dataclass(frozen=True)
class PerFileIgnores:
    """``[(glob, (code prefixes...)), ...]``: codes ignored in files matching a glob."""

    entries: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def ignored_for(self, path: str) -> tuple[str, ...]:
        pure = PurePath(path)
        posix = pure.as_posix()
        out: list[str] = []
        for pattern, codes in self.entries:
            if (
                fnmatch.fnmatch(posix, pattern)
                or fnmatch.fnmatch(pure.name, pattern)
                or fnmatch.fnmatch(posix, f"*/{pattern}")
            ):
                out.extend(codes)
        return tuple(out)


def parse_per_file_ignores(value: str | Iterable[str] | dict[str, object]) -> PerFileIgnores:
    """Parse flake8's ``glob:CODE,CODE glob2:CODE`` syntax or a TOML table."""
    entries: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(value, dict):
        for pattern, codes in value.items():
            seq = codes.split(",") if isinstance(codes, str) else list(codes)  # type: ignore[union-attr]
            entries.append((pattern, tuple(c.strip().upper() for c in seq if c.strip())))
        return PerFileIgnores(tuple(entries))
    items = value.split() if isinstance(value, str) else list(value)
    for item in items:
        pattern, sep, codes = item.rpartition(":")
        if not sep or not pattern:
            raise ValueError(f"per-file-ignores entry {item!r} must look like 'glob:CODE[,CODE]'")
        entries.append((pattern, tuple(c.strip().upper() for c in codes.split(",") if c.strip())))
    return PerFileIgnores(tuple(entries))


def matches_any(code: str, prefixes: Iterable[str]) -> bool:
    return _longest(code, prefixes) >= 0
