"""The library API: lint strings and paths from Python (see docs/library-api.md).

Both functions are pure -- no output, no result cache, no global state changed
(compiled patterns may be kept in ``lint.regex_cache``'s per-user folder, as
bytecode is, and the cyclic garbage collector is paused while a document is
linted, see ``lint.runner.collector_paused``); the same input gives the same
list -- and picklable (plain module-level functions whose arguments and results
are plain values), so they
can be shipped to ``multiprocessing``, ``concurrent.futures`` or Dask workers as
they are::

    from lint import check_text, check_paths

    for d in check_text("Click here to read more.", config={"select": ["SEO"]}):
        print(d.line, d.column, d.code, d.message)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from lint.config import Settings, settings_from_table, validate_codes
from lint.files import Source, discover
from lint.plan import Plan, build_plan
from lint.registry import default_registry
from lint.runner import check_source
from lint.violation import Diagnostic

Config = Settings | Mapping[str, Any] | None

__all__ = ["Config", "check_paths", "check_text", "make_plan"]


@lru_cache(maxsize=16)
def _plan_for(settings: Settings) -> Plan:
    registry = default_registry()
    validate_codes(settings, registry.codes(), [r.name for r in registry.rules])
    return build_plan(settings, registry)


def _settings(config: Config) -> Settings:
    if config is None:
        return Settings()
    if isinstance(config, Settings):
        return config
    return settings_from_table(config, "config")


def make_plan(config: Config = None) -> Plan:
    """A fresh plan from Settings or a config-file-shaped table (``{"select": ["SEO"]}``).

    Raises ``lint.config.ConfigError`` for an unknown key, code or option.  Rule
    objects are built once per distinct configuration and shared (they hold no
    state); each plan gets its own record of unavailable rules.
    """
    settings = _settings(config)
    try:
        plan = _plan_for(settings)
    except TypeError:  # an unhashable option value: build without the memo
        plan = _plan_for.__wrapped__(settings)
    return dataclasses.replace(plan, unavailable={})


def check_text(text: str, *, path: str = "<string>", config: Config = None) -> list[Diagnostic]:
    """Lint ``text`` as if it were the file ``path`` and return its sorted diagnostics.

    ``path`` is only a name: it appears in each diagnostic, picks the input format
    (``.md`` Markdown, ``.html`` HTML, otherwise text) and is matched against
    ``per-file-ignores``.  ``config`` is ``None`` (defaults), a ``Settings`` or a
    table shaped like ``[tool.article-lint]`` (``{"select": ["SEO", "KW"]}``).
    A leading byte-order mark is ignored; no file is read or written.
    """
    bom = text.startswith("\ufeff")
    source = Source(path, text[1:] if bom else text, bom)
    if not source.text.strip():
        return []
    return list(check_source(source, make_plan(config)).diagnostics)


def check_paths(
    paths: Sequence[str],
    *,
    config: Config = None,
    jobs: int = 1,
    cache_dir: str | None = None,
) -> list[Diagnostic]:
    """Lint files and directories (walked like the CLI does) and return all diagnostics.

    Files come in discovery order, each file's diagnostics sorted by line and
    column.  Unreadable files give one ``E902`` diagnostic instead of raising.
    ``jobs=1`` (the default) lints in this process; ``jobs=0`` uses every CPU.
    The result cache is used only when ``cache_dir`` is given.
    """
    from lint.parallel import run_files

    plan = make_plan(config)
    items = list(discover(list(paths), plan.settings))
    out: list[Diagnostic] = []
    for result in run_files(
        items,
        plan,
        jobs=jobs,
        use_cache=cache_dir is not None,
        cache_dir=cache_dir,
        quiet=True,
        keep_source=False,
        progress=False,
    ):
        out.extend(result.diagnostics)
    return out
