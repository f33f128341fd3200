"""The result cache (like ruff's): one small entry per linted file.

An entry is keyed by a *fingerprint* of everything that decides a file's result
-- the tool version, the resolved settings, every enabled rule with its options
and severity, and the installed rule and engine source files (path, size, mtime)
-- plus the file's path and the hash of its bytes.  A second run over unchanged
files therefore does no rule work.

Entries are written atomically (temporary file + ``os.replace``), so concurrent
runs never see a half-written entry; an entry that does not decode, or that was
written by another version of the format, is ignored (treated as a miss) and
overwritten.  Entries hold plain values only (``marshal`` of tuples and
strings), never pickles, so a tampered cache cannot run code.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from lint import __version__
from lint.plan import Plan
from lint.runner import FileResult
from lint.violation import Diagnostic, Edit, Fix, Severity

log = logging.getLogger(__name__)

DEFAULT_DIR = ".article-lint-cache"
FORMAT = 1  # bump when the entry layout changes
_SOURCE_SUFFIXES = (".py", ".txt", ".tsv", ".json", ".toml")
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# article-lint result cache\n"


def canonical(obj: Any) -> Any:
    """A deterministic, repr-stable form of settings and options (sets sorted)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = dataclasses.fields(obj)
        return (
            type(obj).__qualname__,
            tuple((f.name, canonical(getattr(obj, f.name))) for f in fields),
        )
    if isinstance(obj, enum.Enum):
        return (type(obj).__qualname__, obj.name)
    if isinstance(obj, dict):
        return tuple(sorted((repr(canonical(k)), canonical(v)) for k, v in obj.items()))
    if isinstance(obj, (set, frozenset)):
        return tuple(sorted(repr(canonical(v)) for v in obj))
    if isinstance(obj, (list, tuple)):
        return tuple(canonical(v) for v in obj)
    return obj


def _source_files(plan: Plan) -> list[Path]:
    """The engine's and the enabled rules' source and data files."""
    roots: dict[str, None] = {}
    modules = {"lint", *(type(r).__module__ for r in plan.rules)}
    for name in sorted(modules):
        module = sys.modules.get(name.split(".")[0])
        file = getattr(module, "__file__", None)
        if not file:
            continue
        path = Path(file)
        roots[str(path.parent if path.name == "__init__.py" else path)] = None
    files: list[Path] = []
    for root in roots:
        base = Path(root)
        if base.is_file():
            files.append(base)
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            files.extend(
                Path(dirpath, f) for f in sorted(filenames) if f.endswith(_SOURCE_SUFFIXES)
            )
    return files


def fingerprint(plan: Plan) -> str:
    """A hex digest of everything except the file that decides a result."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    settings = dataclasses.replace(plan.settings, source="")  # where it came from is irrelevant
    h.update(repr(canonical(settings)).encode())
    for rule in plan.rules:
        cls = type(rule)
        h.update(f"|{cls.__module__}.{cls.__qualname__}|{cls.code}|{rule.level!r}|".encode())
        h.update(repr(canonical(rule.options)).encode())
    for file in _source_files(plan):
        try:
            st = file.stat()
        except OSError:
            continue
        h.update(f"|{file}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _encode_fix(fix: Fix | None) -> Any:
    if fix is None:
        return None
    return (fix.safe, tuple((e.start, e.end, e.replacement) for e in fix.edits))


def _decode_fix(data: Any) -> Fix | None:
    if data is None:
        return None
    safe, edits = data
    return Fix(tuple(Edit(int(s), int(e), str(r)) for s, e, r in edits), bool(safe))


def encode(result: FileResult) -> bytes:
    """A cache entry for ``result`` (the path is not stored: it is part of the key)."""
    diags = tuple(
        (
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            d.code,
            d.message,
            int(d.severity),
            _encode_fix(d.fix),
            d.start,
            d.end,
        )
        for d in result.diagnostics
    )
    return marshal.dumps((FORMAT, __version__, diags, tuple(result.notices)))


def decode(path: str, data: bytes) -> FileResult | None:
    """The result stored in ``data`` for ``path``; None when it is unusable."""
    try:
        fmt, version, diags, notices = marshal.loads(data)
        if fmt != FORMAT or version != __version__:
            return None
        out = tuple(
            Diagnostic(path, ln, col, eln, ecol, code, msg, Severity(sev), _decode_fix(fix), s, e)
            for ln, col, eln, ecol, code, msg, sev, fix, s, e in diags
        )
        return FileResult(path, out, tuple(str(n) for n in notices))
    except Exception:  # noqa: BLE001 - any corruption means "not cached"
        return None


def cacheable(result: FileResult, plan: Plan) -> bool:
    """Results that depend on more than the file and the settings are not stored."""
    if result.error or plan.unavailable:
        return False
    return not any(d.code == "LNT999" for d in result.diagnostics)


class Cache:
    """Lookup and store results under ``directory/<fingerprint>/``."""

    def __init__(self, directory: str | os.PathLike[str], plan: Plan) -> None:
        self.root = Path(directory)
        self.plan = plan
        self.dir = self.root / fingerprint(plan)
        self._made: set[str] = set()
        self.enabled = True

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.blake2b(data, digest_size=20)
        for part in (path, os.path.abspath(path)):  # per-file-ignores match the path as given
            h.update(b"\0" + part.encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.dir / key[:2] / key[2:]

    def get(self, path: str, key: str) -> FileResult | None:
        if not self.enabled:
            return None
        try:
            data = self._entry(key).read_bytes()
        except OSError:
            return None
        return decode(path, data)

    def put(self, key: str, result: FileResult) -> None:
        if not self.enabled or not cacheable(result, self.plan):
            return
        entry = self._entry(key)
        try:
            self._ensure_dir(entry.parent)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(encode(result))
                os.replace(tmp, entry)
            except BaseException:
                _unlink(tmp)
                raise
        except OSError as exc:  # read-only disk, full disk...: run on without a cache
            log.debug("cache disabled: %s", exc)
            self.enabled = False

    def _ensure_dir(self, directory: Path) -> None:
        if str(directory) in self._made:
            return
        if not self._made:
            self.root.mkdir(parents=True, exist_ok=True)
            _write_once(self.root / "CACHEDIR.TAG", _TAG)
            _write_once(self.root / ".gitignore", "# Automatically created by article-lint.\n*\n")
        directory.mkdir(parents=True, exist_ok=True)
        self._made.add(str(directory))


def _write_once(path: Path, text: str) -> None:
    if not path.exists():
        try:
            path.write_text(text, encoding="utf-8")
        except OSError:
            pass


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
