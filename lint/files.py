"""Finding lintable files and reading them safely."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lint import regex_cache
from lint.config import DEFAULT_MAX_FILE_SIZE_MB, Settings

BOM = "\ufeff"


class InputError(Exception):
    """A file that cannot be linted; the message is one line, without the path."""


@dataclass(frozen=True)
class Source:
    """A file's decoded text (BOM removed) and how to write it back."""

    path: str
    text: str
    bom: bool = False


def _matches_any(name: str, rel: str, patterns: Sequence[str]) -> bool:
    """Does a glob of ``patterns`` match the file's name or its relative path?"""
    found = _globs_re(tuple(patterns))
    return found is not None and bool(
        found.match(os.path.normcase(name)) or found.match(os.path.normcase(rel))
    )


@lru_cache(maxsize=32)
def _globs_re(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """``fnmatch.fnmatch`` against any of ``patterns``, as one pattern (a walk asks
    for every file and folder, so each glob is not matched on its own)."""
    if not patterns:
        return None
    globs = (fnmatch.translate(os.path.normcase(p)) for p in patterns)
    return regex_cache.compile("|".join(f"(?:{g})" for g in globs))


def discover(paths: Sequence[str], settings: Settings) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, error)`` for each file to lint; explicit files are always linted."""
    exclude = (*settings.exclude, *settings.extend_exclude)
    for arg in paths:
        if arg == "-":
            yield arg, None
            continue
        path = Path(arg)
        if path.is_dir():
            found = False
            for file in _walk(path, settings.include, exclude):
                found = True
                yield file, None
            if not found:
                include = ", ".join(settings.include)
                yield arg, f"no lintable files in directory (include: {include})"
        elif path.exists() or path.is_symlink():
            yield arg, None
        else:
            yield arg, "No such file or directory"


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = sorted(
            d for d in dirnames if not _matches_any(d, os.path.join(rel_dir, d), exclude)
        )
        for name in sorted(filenames):
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if _matches_any(name, rel, exclude):
                continue
            if _matches_any(name, name, include):
                yield os.path.join(dirpath, name)


def decode(path: str, data: bytes, max_mb: float = DEFAULT_MAX_FILE_SIZE_MB) -> Source:
    """Decode UTF-8 strictly; raise InputError with a clear one-line reason."""
    if len(data) > max_mb * 1024 * 1024:
        raise InputError(
            f"file too large ({len(data) / 1048576:.1f} MB > {max_mb:g} MB; "
            "raise max-file-size-mb to lint it)"
        )
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise InputError(f"binary file (NUL byte at offset {nul}), not linted")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from None
    bom = text.startswith(BOM)
    return Source(path, text[1:] if bom else text, bom)


def read_bytes(path: str) -> bytes:
    """A file's bytes; InputError with a one-line reason when it cannot be read."""
    try:
        if os.path.isdir(path):
            raise InputError("is a directory")
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def read_source(path: str, max_mb: float = DEFAULT_MAX_FILE_SIZE_MB) -> Source:
    return decode(path, read_bytes(path), max_mb)
