"""CI-gate output formats: json-lines, github, sarif, junit, gitlab; exit-code gates."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lint.report.ci import GITHUB_LEVEL, GITLAB_SEVERITY, SARIF_LEVEL
from lint.report.github import annotation
from lint.violation import Diagnostic, Severity

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "sarif-2.1.0.json"
SAMPLES = sorted(p for p in (ROOT / "samples").glob("*.*") if p.suffix in (".txt", ".md", ".html"))

DIRTY = "A first line.\n\nThis lorem text has lorem twice.\n"
CLEAN = "Nothing to see here.\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"dirty": tmp_path / "dirty.txt", "clean": tmp_path / "clean.md"}
    out["dirty"].write_text(DIRTY, "utf-8")
    out["clean"].write_text(CLEAN, "utf-8")
    return out


def lint(run_cli, *args: str):  # type: ignore[no-untyped-def]
    return run_cli("--isolated", "--no-cache", "--select", "DEMO001", *args)


def sarif_validator():  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    return jsonschema.Draft4Validator(schema)


# -- json-lines ----------------------------------------------------------------
def test_json_lines_matches_json(files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    paths = [str(files["dirty"]), str(files["clean"])]
    lines = lint(run_cli, "--format", "json-lines", *paths)
    whole = lint(run_cli, "--format", "json", *paths)
    assert lines.code == whole.code == 1
    items = [json.loads(line) for line in lines.out.splitlines()]
    assert items == json.loads(whole.out)
    assert [(i["line"], i["column"]) for i in items] == [(3, 6), (3, 21)]


# -- github --------------------------------------------------------------------
GITHUB_RE = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),"
    r"title=(?P<title>[A-Z]+\d+)::(?P<message>.+)$"
)


def test_github_annotations(files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = lint(run_cli, "--format", "github", str(files["dirty"]), str(files["clean"]))
    assert result.code == 1
    found = [GITHUB_RE.match(line) for line in result.out.splitlines()]
    assert all(found) and len(found) == 2, result.out
    first = found[0]
    assert first is not None
    assert first["level"] == "warning" and first["title"] == "DEMO001"
    assert (first["line"], first["col"], first["end_line"], first["end_col"]) == (
        "3",
        "6",
        "3",
        "11",
    )
    assert first["file"].endswith("dirty.txt")
    assert first["message"] == "DEMO001 placeholder word 'lorem'"


def test_github_escapes_properties_and_message() -> None:
    d = Diagnostic("dir,x/a:b.md", 2, 3, 2, 5, "AB001", "100% bad,\nreally: yes", Severity.INFO)
    assert annotation(d) == (
        "::notice file=dir%2Cx/a%3Ab.md,line=2,col=3,endLine=2,endColumn=5,title=AB001"
        "::AB001 100%25 bad,%0Areally: yes"
    )


@pytest.mark.parametrize(
    ("severity", "github", "sarif", "gitlab"),
    [
        (Severity.ERROR, "error", "error", "major"),
        (Severity.WARNING, "warning", "warning", "minor"),
        (Severity.INFO, "notice", "note", "info"),
    ],
)
def test_severity_mapping(severity: Severity, github: str, sarif: str, gitlab: str) -> None:
    assert (GITHUB_LEVEL[severity], SARIF_LEVEL[severity], GITLAB_SEVERITY[severity]) == (
        github,
        sarif,
        gitlab,
    )


def test_configured_severity_reaches_the_annotation(files, tmp_path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "lint.toml"
    config.write_text('select = ["DEMO001"]\n[rules.DEMO001]\nseverity = "error"\n', "utf-8")
    result = run_cli(
        "--no-cache", "--config", str(config), "--format", "github", str(files["dirty"])
    )
    assert result.out.startswith("::error ")


# -- sarif ---------------------------------------------------------------------
def test_sarif_validates_and_describes_the_rules(files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = lint(run_cli, "--format", "sarif", str(files["dirty"]), str(files["clean"]))
    assert result.code == 1
    log = json.loads(result.out)
    sarif_validator().validate(log)
    run = log["runs"][0]
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["id"] == "DEMO001" and rule["name"] == "demo-lorem"
    assert rule["shortDescription"]["text"] == "Placeholder word left in the text"
    assert rule["fullDescription"]["text"] == 'Finds the word "lorem".'
    assert "## Why is this bad?" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert regions[0] == {"startLine": 3, "startColumn": 6, "endLine": 3, "endColumn": 11}
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert len(uris) == 1 and uris.pop().endswith("dirty.txt")


def test_sarif_uses_relative_uris_inside_the_working_directory(
    files, demo_plugin, run_cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(files["dirty"].parent)
    log = json.loads(lint(run_cli, "--format", "sarif", str(files["dirty"])).out)
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "dirty.txt"


def test_sarif_lists_engine_codes_that_occur(tmp_path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    boom = tmp_path / "boom.txt"
    boom.write_text("boom\n", "utf-8")
    result = run_cli(
        "--isolated", "--no-cache", "--select", "DEMO002", "--format", "sarif",
        str(boom), str(tmp_path / "missing.txt"),
    )  # fmt: skip
    log = json.loads(result.out)
    sarif_validator().validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    results = log["runs"][0]["results"]
    assert [r["id"] for r in rules] == ["DEMO002", "LNT999", "E902"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert {r["level"] for r in results} == {"error"}


def test_sarif_without_findings_validates(files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = lint(run_cli, "--format", "sarif", str(files["clean"]))
    assert result.code == 0
    log = json.loads(result.out)
    sarif_validator().validate(log)
    assert log["runs"][0]["results"] == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sarif_validates_for_every_sample(sample: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--isolated", "--no-cache", "--format", "sarif", str(sample))
    assert result.code in (0, 1), result.err
    log = json.loads(result.out)
    sarif_validator().validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert (region["endLine"], region["endColumn"]) >= (
            region["startLine"],
            region["startColumn"],
        )


def test_sarif_rules_are_the_rules_that_ran(run_cli) -> None:  # type: ignore[no-untyped-def]
    from lint.registry import default_registry

    if not SAMPLES:
        pytest.skip("no samples")
    enabled = {r.code for r in default_registry().rules if r.default_enabled}
    log = json.loads(run_cli("--isolated", "--no-cache", "--format", "sarif", str(SAMPLES[0])).out)
    listed = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert enabled <= listed and not listed - enabled - {"E902", "LNT999"}


# -- junit ---------------------------------------------------------------------
def test_junit_one_testcase_per_file(files, tmp_path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.txt"
    result = lint(
        run_cli, "--format", "junit", str(files["dirty"]), str(files["clean"]), str(missing)
    )
    assert result.code == 2  # a file could not be read
    root = ET.fromstring(result.out)
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {Path(c.get("name", "")).name: c for c in suite.iter("testcase")}
    assert set(cases) == {"dirty.txt", "clean.md", "missing.txt"}
    failure = cases["dirty.txt"].find("failure")
    assert failure is not None and failure.get("message") == "2 violations (DEMO001)"
    assert (
        (failure.text or "")
        .splitlines()[0]
        .endswith("dirty.txt:3:6: DEMO001 placeholder word 'lorem'")
    )
    assert list(cases["clean.md"]) == []
    error = cases["missing.txt"].find("error")
    assert error is not None and error.get("type") == "E902"


def test_junit_escapes_xml(tmp_path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a&b<c>.txt"
    path.write_text("lorem\n", "utf-8")
    root = ET.fromstring(lint(run_cli, "--format", "junit", str(path)).out)
    assert root.find("testsuite/testcase").get("name").endswith("a&b<c>.txt")  # type: ignore[union-attr]


# -- gitlab --------------------------------------------------------------------
def _gitlab(run_cli, path: Path) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = lint(run_cli, "--format", "gitlab", str(path))
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_gitlab_code_quality_report(files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    issues = _gitlab(run_cli, files["dirty"])
    assert len(issues) == 2
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["check_name"] == "DEMO001"
    location = issues[0]["location"]
    assert location["positions"]["begin"] == {"line": 3, "column": 6}  # type: ignore[index]
    assert len({i["fingerprint"] for i in issues}) == 2


def test_gitlab_fingerprints_survive_moved_lines(files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    before = [i["fingerprint"] for i in _gitlab(run_cli, files["dirty"])]
    files["dirty"].write_text("A new opening paragraph.\n\n" + DIRTY, "utf-8")
    after = [i["fingerprint"] for i in _gitlab(run_cli, files["dirty"])]
    assert before == after


# -- output file and exit-code gates -------------------------------------------
@pytest.mark.parametrize(
    "fmt", ["default", "json", "json-lines", "github", "sarif", "junit", "gitlab"]
)
def test_output_file(fmt: str, files, tmp_path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / f"report.{fmt}"
    result = lint(run_cli, "--format", fmt, "--output-file", str(report), str(files["dirty"]))
    assert result.code == 1
    assert result.out == ""
    assert report.read_text("utf-8") == lint(run_cli, "--format", fmt, str(files["dirty"])).out


def test_exit_zero(files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = lint(run_cli, "--exit-zero", "--format", "github", str(files["dirty"]))
    assert result.code == 0 and result.out.count("::warning") == 2


@pytest.mark.parametrize(
    ("level", "code", "count"), [("info", 1, 2), ("warning", 1, 2), ("error", 0, 0)]
)
def test_min_severity_gates_the_exit_code(level, code, count, files, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = lint(run_cli, "--min-severity", level, "--format", "json-lines", str(files["dirty"]))
    assert (result.code, len(result.out.splitlines())) == (code, count)


def test_sarif_reports_notices_as_tool_notifications(tmp_path, demo_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    log = json.loads(lint(run_cli, "--format", "sarif", str(empty)).out)
    sarif_validator().validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    notes = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert notes == [f"{empty}: file is empty, nothing to lint"]
