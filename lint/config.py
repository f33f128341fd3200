"""Configuration: TOML files merged with the command line into one frozen value.

Looked up like ruff: from the first path upwards, the first directory holding
``.article-lint.toml``, ``article-lint.toml`` or a ``pyproject.toml`` with a
``[tool.article-lint]`` table wins.  Command-line values override file values.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from lint.selection import ALL, PerFileIgnores, parse_per_file_ignores
from lint.violation import Severity

# Larger files are refused with E902 (raise max-file-size-mb): the default rules take
# about 0.6 s on 2 cores and 30 MB of memory per MB of text.
DEFAULT_MAX_FILE_SIZE_MB = 16.0
CONFIG_FILES = (".article-lint.toml", "article-lint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.text", "*.html", "*.htm")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".article-lint-cache",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "dist",
    "*.egg-info",
)


class ConfigError(Exception):
    """A configuration problem; the message names where it came from."""


@dataclass(frozen=True)
class Settings:
    """Everything that decides what is linted and how (hashable, picklable)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: PerFileIgnores = field(default_factory=PerFileIgnores)
    min_severity: Severity = Severity.INFO
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    # key (code, name or code prefix) -> option table, as written in the file.
    rules: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    languagetool: str | None = None
    input_format: str = "auto"
    max_file_size_mb: float = DEFAULT_MAX_FILE_SIZE_MB
    source: str = "defaults"  # where the file settings came from

    def rule_tables(self) -> dict[str, dict[str, Any]]:
        return {key: dict(values) for key, values in self.rules}


# Keys accepted in a config file, with how to convert them.
_LIST_KEYS = (
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "include",
    "exclude",
    "extend-exclude",
)
_KNOWN_KEYS = set(_LIST_KEYS) | {
    "per-file-ignores",
    "min-severity",
    "rules",
    "languagetool",
    "input-format",
    "max-file-size-mb",
}


def find_config(start: Path) -> Path | None:
    """The config file that applies to ``start`` (a file or directory), if any."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _has_table(candidate):
                return candidate
    return None


def _has_table(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        return "article-lint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):  # imported here: a run with no config file needs no parser
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


def load_file(path: Path) -> dict[str, Any]:
    """The article-lint table of a config file."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("article-lint")
        if table is None:
            raise ConfigError(f"{path}: no [tool.article-lint] table")
        return dict(table)
    return data


def settings_from_table(
    table: Mapping[str, Any], where: str, base: Settings | None = None
) -> Settings:
    """Validate a config table (file or command line) and apply it over ``base``."""
    settings = base or Settings()
    changes: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KNOWN_KEYS:
            raise ConfigError(
                f"{where}: unknown key {key!r} (known: {', '.join(sorted(_KNOWN_KEYS))})"
            )
        attr = key.replace("-", "_")
        if key in _LIST_KEYS:
            changes[attr] = _str_list(value, f"{where}: {key}")
            if key in ("select", "ignore", "extend-select", "extend-ignore"):
                changes[attr] = tuple(c.upper() for c in changes[attr])
        elif key == "per-file-ignores":
            try:
                changes[attr] = parse_per_file_ignores(value)
            except (ValueError, AttributeError, TypeError) as exc:
                raise ConfigError(f"{where}: per-file-ignores: {exc}") from exc
        elif key == "min-severity":
            try:
                changes[attr] = Severity.parse(value)
            except ValueError as exc:
                raise ConfigError(f"{where}: min-severity: {exc}") from exc
        elif key == "rules":
            changes[attr] = _rule_tables(value, where, settings)
        elif key == "max-file-size-mb":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{where}: max-file-size-mb must be a positive number")
            changes[attr] = float(value)
        else:
            if not isinstance(value, str):
                raise ConfigError(f"{where}: {key} must be a string, got {value!r}")
            if key == "input-format" and value not in ("auto", "text", "markdown", "html"):
                raise ConfigError(f"{where}: input-format must be auto, text, markdown or html")
            changes[attr] = value
    return replace(settings, **changes)


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(v.strip() for v in value if v.strip())


def _rule_tables(
    value: Any, where: str, base: Settings
) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: rules must be a table of [rules.<CODE or name>] tables")
    merged = base.rule_tables()
    for key, options in value.items():
        if not isinstance(options, Mapping):
            raise ConfigError(f"{where}: rules.{key} must be a table")
        merged.setdefault(key, {}).update(options)
    return tuple((k, tuple(sorted(v.items()))) for k, v in sorted(merged.items()))


def resolve(
    paths: Sequence[str],
    cli_table: Mapping[str, Any],
    *,
    config_path: str | None = None,
    isolated: bool = False,
) -> Settings:
    """File settings (explicit, discovered or none) overridden by the command line."""
    settings = Settings()
    if config_path is not None:
        path = Path(config_path)
        if not path.is_file():
            raise ConfigError(f"{config_path}: config file not found")
        settings = settings_from_table(load_file(path), str(path), settings)
        settings = replace(settings, source=str(path))
    elif not isolated:
        first = next((p for p in paths if p != "-"), ".")
        found = find_config(Path(first)) if Path(first).exists() else find_config(Path("."))
        if found is not None:
            settings = settings_from_table(load_file(found), str(found), settings)
            settings = replace(settings, source=str(found))
    return settings_from_table(cli_table, "command line", settings)


def validate_codes(settings: Settings, codes: Sequence[str], names: Sequence[str]) -> None:
    """Every selector and rule-table key must match at least one known rule (as ruff does)."""
    where = settings.source

    def known(prefix: str) -> bool:
        return prefix == ALL or any(c.startswith(prefix) for c in codes)

    for attr in ("select", "ignore", "extend_select", "extend_ignore"):
        for prefix in getattr(settings, attr) or ():
            if not known(prefix):
                raise ConfigError(
                    f"{where} or command line: unknown rule selector {prefix!r} in "
                    f"{attr.replace('_', '-')}"
                )
    for _, prefixes in settings.per_file_ignores.entries:
        for prefix in prefixes:
            if not known(prefix):
                raise ConfigError(f"{where}: unknown rule selector {prefix!r} in per-file-ignores")
    for key, _ in settings.rules:
        if not (known(key.upper()) or key in names):
            raise ConfigError(f"{where}: [rules.{key}] names no known rule code, prefix or name")


def settings_field_names() -> list[str]:
    return [f.name for f in fields(Settings)]
