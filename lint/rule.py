"""The rule plugin API.

A rule is a small class::

    class PageChrome(Rule):
        '''<docs in ruff's sections: What it does / Why is this bad? / Example /
        Use instead / Options / Known problems>'''

        code = "SEO001"
        name = "page-chrome"
        summary = "Navigation or site-builder text left in the article"
        severity = Severity.WARNING
        default_enabled = True
        examples_flagged = ("top of page\\n\\nReal text.",)
        examples_clean = ("Scroll to the bottom of the page to see the chart.",)

        @dataclass(frozen=True)
        class Options:
            max_words: int = 8

        def check(self, doc: Document) -> Iterator[Violation]:
            ...
            yield self.violation(start, end, "message")

Rules are registered through the entry-point group ``article_lint.rules``; an
entry point may name one Rule subclass or a sequence of them (``RULES``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint import regex_cache
from lint.document import Document
from lint.violation import Fix, Severity, Violation

CODE_RE = regex_cache.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_RE = regex_cache.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")


class RuleUnavailable(Exception):
    """Raised by ``check`` when a rule cannot run at all (a missing backend).

    The runner skips the rule for the rest of the run and reports the reason once.
    """


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """A rule without options."""


class Rule:
    """Base class for every rule; subclasses set the class attributes below."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    default_enabled: ClassVar[bool] = True
    Options: ClassVar[type] = NoOptions
    #: Texts the rule must flag / must leave alone (run by the meta-test).
    examples_flagged: ClassVar[tuple[str, ...]] = ()
    examples_clean: ClassVar[tuple[str, ...]] = ()
    #: May run on its own in a forked worker while other rules check the same large
    #: file (``lint.split``).  False for rules that hold a connection or a server.
    splittable: ClassVar[bool] = True

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        self.options = self.Options() if options is None else options
        self.level = self.severity if severity is None else severity

    def check(self, doc: Document) -> Iterator[Violation]:
        raise NotImplementedError

    def violation(self, start: int, end: int, message: str, fix: Fix | None = None) -> Violation:
        return Violation(self.code, message, start, end, self.level, fix)

    @classmethod
    def docs(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def build_options(cls, values: Mapping[str, object], where: str) -> Any:
        """Options from config values (kebab- or snake-case keys), validated."""
        return build_options(cls.Options, values, f"{where} ({cls.code})")


def option_fields(options_cls: type) -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(options_cls)}


def build_options(options_cls: type, values: Mapping[str, object], where: str) -> Any:
    fields = option_fields(options_cls)
    hints = typing.get_type_hints(options_cls)
    kwargs: dict[str, object] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(n.replace("_", "-") for n in fields) or "none"
            raise ValueError(f"{where}: unknown option {key!r} (known: {known})")
        kwargs[name] = coerce(value, hints[name], f"{where}: option {key!r}")
    return options_cls(**kwargs)


def coerce(value: object, hint: Any, where: str) -> object:
    """Check ``value`` against a simple type hint, converting lists to tuples."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            try:
                return coerce(value, arg, where)
            except ValueError:
                continue
        raise ValueError(f"{where}: {value!r} is not a valid {hint}")
    if hint is type(None):
        if value is None:
            return None
        raise ValueError(f"{where}: expected nothing, got {value!r}")
    if origin in (tuple, list, frozenset):
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"{where}: expected a list, got {value!r}")
        (item,) = typing.get_args(hint)[:1] or (str,)
        return tuple(coerce(v, item, where) for v in value)
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise ValueError(f"{where}: expected true or false, got {value!r}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ValueError(f"{where}: expected an integer, got {value!r}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise ValueError(f"{where}: expected a number, got {value!r}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise ValueError(f"{where}: expected a string, got {value!r}")
    return value


def validate_rule_class(cls: type) -> list[str]:
    """Problems with a rule class's declaration (empty list when it is valid)."""
    problems = []
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        return [f"{cls!r} is not a Rule subclass"]
    code = getattr(cls, "code", "")
    if not CODE_RE.match(code or ""):
        problems.append(f"{cls.__name__}: code {code!r} does not match {CODE_RE.pattern}")
    if not NAME_RE.match(getattr(cls, "name", "") or ""):
        problems.append(f"{cls.__name__}: name must be kebab-case")
    if not getattr(cls, "summary", ""):
        problems.append(f"{cls.__name__}: summary is empty")
    if not dataclasses.is_dataclass(cls.Options):
        problems.append(f"{cls.__name__}: Options must be a frozen dataclass")
    return problems
