"""LT001-LT004: LanguageTool matches mapped to codes, positions, messages and fixes."""

from __future__ import annotations

import pytest

from lint import languagetool as lt
from lint.document import Document
from lint.rule import RuleUnavailable
from lint.violation import Severity
from rules.grammar import RULES, LTGrammar, LTPunctuation, LTSpelling, LTStyle, classify
from tests.fake_languagetool import FakeLanguageTool, free_port
from tests.harness import run_rule

pytestmark = pytest.mark.usefixtures("fresh_lt_clients")

MIXED = "Their is a problem with teh plan , and it was very unique."


@pytest.mark.parametrize(
    ("category", "issue_type", "code"),
    [
        ("GRAMMAR", "grammar", "LT001"),
        ("CONFUSED_WORDS", "grammar", "LT001"),
        ("CASING", "typographical", "LT004"),  # category unknown to us: issue type decides
        ("TYPOS", "misspelling", "LT002"),
        ("MISC", "misspelling", "LT002"),
        ("STYLE", "style", "LT003"),
        ("REDUNDANCY", "style", "LT003"),
        ("PLAIN_ENGLISH", "style", "LT003"),
        ("MISC", "register", "LT003"),
        ("PUNCTUATION", "typographical", "LT004"),
        ("TYPOGRAPHY", "whitespace", "LT004"),
        ("MISC", "whitespace", "LT004"),
        ("MISC", "uncategorized", "LT001"),
        ("", "", "LT001"),
    ],
)
def test_classify(category: str, issue_type: str, code: str) -> None:
    assert classify(category, issue_type) == code


def rule(cls: type, url: str, **options: object):  # type: ignore[no-untyped-def]
    return cls(cls.Options(backend=url, **options))


@pytest.mark.parametrize(
    ("cls", "found", "lt_id", "suggestion", "severity"),
    [
        (LTGrammar, "Their is", "THEIR_IS", "There is", Severity.WARNING),
        (LTSpelling, "teh", "MORFOLOGIK_RULE_EN_US", "the", Severity.WARNING),
        (LTStyle, "very unique", "EN_REDUNDANCY_REPLACEMENT", "unique", Severity.INFO),
        (LTPunctuation, " ,", "COMMA_PARENTHESIS_WHITESPACE", ",", Severity.INFO),
    ],
)
def test_recorded_matches_become_violations(
    fake_lt: FakeLanguageTool,
    cls: type,
    found: str,
    lt_id: str,
    suggestion: str,
    severity: Severity,
) -> None:
    (v,) = run_rule(rule(cls, fake_lt.url), MIXED)
    assert v.code == cls.code
    assert MIXED[v.start : v.end] == found
    assert lt_id in v.message
    assert f'suggestion: "{suggestion}"' in v.message
    assert v.severity == severity
    assert v.fix is not None and not v.fix.safe
    (edit,) = v.fix.edits
    assert (edit.start, edit.end, edit.replacement) == (v.start, v.end, suggestion)


def test_four_rules_share_one_request(fake_lt: FakeLanguageTool) -> None:
    doc = Document(MIXED)
    codes = [v.code for cls in RULES for v in rule(cls, fake_lt.url).check(doc)]
    assert codes == ["LT001", "LT002", "LT003", "LT004"]
    assert len(fake_lt.requests) == 1


def test_line_and_column_after_emoji(fake_lt: FakeLanguageTool) -> None:
    text = "Intro.\n\nFans 🎉 loved teh show."
    doc = Document(text)
    (v,) = rule(LTSpelling, fake_lt.url).check(doc)
    assert text[v.start : v.end] == "teh"
    assert doc.position(v.start) == (3, 14)


def test_clean_text(fake_lt: FakeLanguageTool) -> None:
    assert [
        v for cls in RULES for v in run_rule(rule(cls, fake_lt.url), "The ferry leaves at noon.")
    ] == []


def test_off_backend_checks_nothing(fake_lt: FakeLanguageTool) -> None:
    assert run_rule(rule(LTSpelling, "off"), MIXED) == []
    assert fake_lt.requests == []


def test_disabled_rules_are_sent(fake_lt: FakeLanguageTool) -> None:
    run_rule(rule(LTSpelling, fake_lt.url, disabled_rules=("MORFOLOGIK_RULE_EN_US",)), MIXED)
    assert fake_lt.requests[0]["disabledRules"] == "MORFOLOGIK_RULE_EN_US"


def test_unreachable_backend_makes_rules_unavailable() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    for cls in RULES:
        with pytest.raises(RuleUnavailable, match="unreachable"):
            run_rule(rule(cls, url, timeout=1.0), MIXED)


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.code)
def test_off_by_default_and_options(cls: type) -> None:
    assert cls.default_enabled is False
    options = cls.build_options({"backend": "http://localhost:8081", "timeout": 3}, "test")
    assert options.backend == "http://localhost:8081"
    assert options.timeout == 3.0
    assert cls.Options().backend == "local"


def test_adapter_loads_lazily() -> None:
    import subprocess
    import sys

    code = "import sys, rules.grammar; print('lint.languagetool' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


class QuoteStub:
    """Flags "go" as grammar and "teh" as spelling wherever they occur."""

    def check(self, text: str, language: str, disabled: object) -> list[lt.LTMatch]:
        import re

        out = []
        for m in re.finditer(r"\bgo\b|\bteh\b", text):
            kind = ("GRAMMAR", "grammar") if m.group() == "go" else ("TYPOS", "misspelling")
            out.append(
                lt.LTMatch(m.start(), 2 if m.group() == "go" else 3, "Check", "X", *kind, ())
            )
        return out

    def close(self) -> None:
        pass


def test_quoted_grammar_left_alone_but_quoted_typos_reported() -> None:
    lt._clients["http://stub"] = QuoteStub()
    text = 'The coach said: "We go and win teh match today." He go home.'
    doc = Document(text)
    grammar = list(rule(LTGrammar, "http://stub").check(doc))
    spelling = list(rule(LTSpelling, "http://stub").check(doc))
    assert [text[v.start : v.end] for v in grammar] == ["go"]
    assert grammar[0].start == text.rindex("go")
    assert [text[v.start : v.end] for v in spelling] == ["teh"]
