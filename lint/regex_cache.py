"""Compiled regular expressions kept between runs, as Python keeps bytecode.

``re.compile`` parses and compiles a pattern in pure Python; article-lint's
phrase lists and pattern tables add up to about 0.1 s of that in every process
(the CLI, and each worker of a pool).  The result of that work is a short list of
integers (the program the regex engine runs), which is what this module keeps:
:func:`compile` looks the pattern up in a per-user folder and rebuilds the
pattern object from its stored program (about 10 µs), and compiles and stores it
on a miss.

A stored program is only used by the interpreter that wrote it: the folder is
named after the Python build and the regex engine's version (``_sre.MAGIC``),
each file holds the pattern text it was compiled from (checked on load), and
the engine validates every program it is given.  Anything unexpected -- a
missing, unreadable, corrupt or foreign file, a read-only folder, another
Python implementation -- falls back to ``re.compile``; the cache can make
start-up faster, never wrong.  Files are written atomically (a temporary file
renamed into place), so processes may share the folder.

:func:`remember` keeps other values worked out from a pattern alone the same
way (the words its matches start with, see :mod:`lint.pattern_words`), under a
name that includes the version of the code that worked them out.

The folder is ``$XDG_CACHE_HOME/article-lint/regex`` (``~/.cache/...`` by
default), or ``$ARTICLE_LINT_REGEX_CACHE``; set that to ``off`` to compile
every time.  It holds no text of any linted file and may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

try:  # the regex engine's own constructor: what re.compile ends with
    import _sre
    from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10 names them sre_compile, sre_parse
    try:
        import _sre
        import sre_compile as _sre_compiler  # type: ignore[no-redef]
        import sre_parse as _sre_parser  # type: ignore[no-redef]
    except ImportError:
        _sre = None  # type: ignore[assignment]

_T = TypeVar("_T")

ENV = "ARTICLE_LINT_REGEX_CACHE"
_FORMAT = 1  # bump when what a file holds changes


@cache
def cache_dir() -> Path | None:
    """Where this interpreter's programs live (None: the cache is off)."""
    if _sre is None or sys.implementation.name != "cpython":
        return None
    setting = os.environ.get(ENV, "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        base = Path(setting)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = Path(xdg) / "article-lint" / "regex"
    build = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return base / f"{build}-v{_FORMAT}"


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re's name
    """``re.compile(source, flags)``, from the cache when this Python stored it before."""
    folder = cache_dir()
    if folder is None:
        return re.compile(source, flags)
    path = folder / _file_name(source, int(flags))
    pattern = _load(path, source, int(flags))
    if pattern is None:
        pattern, program = _compile_program(source, int(flags))
        if program is not None:
            _store(path, program)
    return pattern


def remember(kind: str, source: str, flags: int, build: Callable[[], _T]) -> _T:
    """``build()``: a value worked out from pattern ``source`` alone, kept like
    its program.  ``kind`` names the value *and the version of the code that
    builds it* (a stale value must never be read); the value must be made of
    what ``marshal`` stores (str, int, None, tuples, frozensets...)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / _file_name(f"{kind}\x00{source}", int(flags))
    try:
        stored = marshal.loads(path.read_bytes())
        if stored[:3] == (kind, source, int(flags)):
            return stored[3]  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - missing, corrupt or foreign: work it out
        pass
    value = build()
    try:
        marshal.dumps(value)
    except ValueError:  # not storable: a programming error, but never a failed run
        return value
    _store(path, (kind, source, int(flags), value))
    return value


@cache
def code_version(module_file: str) -> str:
    """A digest of a module's source (pass its ``__file__``), for the ``kind`` of
    the values it keeps with :func:`remember`: an older version's are never read."""
    return hashlib.blake2b(Path(module_file).read_bytes(), digest_size=8).hexdigest()


def _file_name(source: str, flags: int) -> str:
    digest = hashlib.blake2b(
        f"{flags}\x00{source}".encode("utf-8", "surrogatepass"), digest_size=16
    )
    return digest.hexdigest() + ".marshal"


def _load(path: Path, source: str, flags: int) -> re.Pattern[str] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        program = marshal.loads(data)
        if program[0] != source or program[1] != flags:
            return None
        return _sre.compile(*program[0:1], *program[2:])  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - corrupt or foreign: compile afresh
        return None


def _compile_program(source: str, flags: int) -> tuple[re.Pattern[str], tuple | None]:
    """The pattern, compiled as ``re.compile`` does, and the program to store."""
    try:
        parsed = _sre_parser.parse(source, flags)
        code = _sre_compiler._code(parsed, flags)
        state = parsed.state
        groupindex = {name: int(i) for name, i in state.groupdict.items()}
        indexgroup = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        program = (
            source,
            flags,
            int(flags | state.flags),
            [int(c) for c in code],
            state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        pattern = _sre.compile(source, *program[2:])
    except Exception:  # noqa: BLE001 - another engine layout: no cache, re.compile
        return re.compile(source, flags), None
    plain = re.compile(source, flags)
    if pattern != plain:  # same text, flags and program, or nothing is stored
        return plain, None
    return pattern, program


def _store(path: Path, program: tuple) -> None:
    """Write ``program`` to ``path`` atomically; a failure only costs the next run time."""
    import tempfile  # only when something is stored (start-up)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps(program))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
