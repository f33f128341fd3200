"""lint/languagetool.py against recorded /v2/check responses served on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from lint import languagetool as lt
from lint.document import Document
from lint.rule import RuleUnavailable
from tests.fake_languagetool import FakeLanguageTool, free_port, recorded

pytestmark = pytest.mark.usefixtures("fresh_lt_clients")


def test_parse_recorded_response() -> None:
    text = "Their is a problem with teh plan , and it was very unique."
    matches = lt.parse_response(recorded("check_mixed.json"), text)
    assert [(text[m.offset : m.offset + m.length], m.rule_id) for m in matches] == [
        ("Their is", "THEIR_IS"),
        ("teh", "MORFOLOGIK_RULE_EN_US"),
        (" ,", "COMMA_PARENTHESIS_WHITESPACE"),
        ("very unique", "EN_REDUNDANCY_REPLACEMENT"),
    ]
    assert matches[1].replacements == ("the", "tech", "ten")
    assert (matches[1].category, matches[1].issue_type) == ("TYPOS", "misspelling")
    assert (matches[2].category, matches[2].issue_type) == ("TYPOGRAPHY", "whitespace")


def test_utf16_offsets_become_code_points() -> None:
    text = "Fans 🎉 loved teh show."
    (m,) = lt.parse_response(recorded("check_emoji.json"), text)
    assert recorded("check_emoji.json")["matches"][0]["offset"] == 14  # UTF-16 units
    assert text[m.offset : m.offset + m.length] == "teh"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://localhost:8081", "http://localhost:8081/v2/check"),
        ("http://localhost:8081/", "http://localhost:8081/v2/check"),
        ("http://localhost:8081/v2", "http://localhost:8081/v2/check"),
        ("http://localhost:8081/v2/check", "http://localhost:8081/v2/check"),
        ("https://lt.example.org/api/v2/", "https://lt.example.org/api/v2/check"),
    ],
)
def test_check_url(given: str, expected: str) -> None:
    assert lt.check_url(given) == expected


@pytest.mark.parametrize("backend", ["ftp://host", "localhost:8081", "remote", ""])
def test_bad_backend_is_unavailable(backend: str) -> None:
    with pytest.raises(RuleUnavailable, match="not 'local', 'off' or an http"):
        lt.get_client(backend, 1.0)


def test_http_client_sends_text_language_and_disabled_rules(fake_lt: FakeLanguageTool) -> None:
    client = lt.HttpClient(fake_lt.url, 5.0)
    matches = client.check("The ferry leaves at noon.", "en-GB", ["A", "B"])
    assert matches == []
    (req,) = fake_lt.requests
    assert req["path"] == "/v2/check"
    assert req["language"] == "en-GB"
    assert req["disabledRules"] == "A,B"


def test_one_request_per_batch_and_offsets_map_back(fake_lt: FakeLanguageTool) -> None:
    text = (
        "Title Here\n\nFirst teh line of a paragraph, hard-wrapped at sixty\n"
        "characters or so.\n\nSecond para with teh word."
    )
    doc = Document(text)
    matches = lt.check_document(doc, fake_lt.url)
    assert len(fake_lt.requests) == 1
    assert [text[m.offset : m.offset + m.length] for m in matches] == ["teh", "teh"]
    assert [doc.position(m.offset)[0] for m in matches] == [3, 6]
    # Hard-wrapped lines are joined with a space, paragraphs with a blank line.
    assert "at sixty characters or so.\n\nSecond" in fake_lt.requests[0]["text"]


def test_small_batches_split_requests(fake_lt: FakeLanguageTool) -> None:
    text = "One teh.\n\nTwo teh.\n\nThree teh."
    doc = Document(text)
    matches = lt.check_document(doc, fake_lt.url, batch_chars=12)
    assert len(fake_lt.requests) == 3
    assert [doc.position(m.offset)[0] for m in matches] == [1, 3, 5]


def test_results_cached_per_document(fake_lt: FakeLanguageTool) -> None:
    doc = Document("Some teh text.")
    first = lt.check_document(doc, fake_lt.url)
    second = lt.check_document(doc, fake_lt.url)
    assert first == second and len(fake_lt.requests) == 1
    lt.check_document(Document("Other teh text."), fake_lt.url)
    assert len(fake_lt.requests) == 2  # one client reused, one request per document


class StubClient:
    """Answers every request with a whitespace match at each run of 2+ spaces."""

    def check(self, text: str, language: str, disabled: object) -> list[lt.LTMatch]:
        import re

        return [
            lt.LTMatch(
                m.start(),
                m.end() - m.start(),
                "Whitespace",
                "WHITESPACE_RULE",
                "TYPOGRAPHY",
                "whitespace",
                (" ",),
            )
            for m in re.finditer(r"  +", text)
        ]

    def close(self) -> None:
        pass


def test_blanked_text_is_never_reported() -> None:
    raw = "Run `code` now and  then."
    text = "Run        now and  then."  # the code span is blanked out of linting
    doc = Document(text, raw=raw)
    (batch,) = lt.batches(doc, 8000)
    matches = list(lt.check_batch(doc, batch, StubClient(), "en-US", ()))
    assert [text[m.offset : m.offset + m.length] for m in matches] == ["  "]
    assert matches[0].offset == text.index("and  ") + 3


def test_unreachable_server_fails_fast_and_once() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    doc = Document("Some text.")
    started = time.monotonic()
    with pytest.raises(RuleUnavailable, match="unreachable"):
        lt.check_document(doc, url, timeout=2.0)
    with pytest.raises(RuleUnavailable, match="unreachable"):
        lt.check_document(Document("More text."), url, timeout=2.0)
    assert time.monotonic() - started < 2.0


def test_slow_server_times_out() -> None:
    with FakeLanguageTool(delay=1.5) as slow:
        started = time.monotonic()
        with pytest.raises(RuleUnavailable, match="did not answer within 0.3 s"):
            lt.check_document(Document("Some text."), slow.url, timeout=0.3)
        assert time.monotonic() - started < 1.4


def test_not_an_http_server_is_unavailable() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"

        def answer_garbage() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(b"SSH-2.0-not-http\r\n")

        thread = threading.Thread(target=answer_garbage, daemon=True)
        thread.start()
        with pytest.raises(RuleUnavailable, match="unreachable"):
            lt.check_document(Document("Some text."), url, timeout=2.0)
        thread.join(2)


def test_http_error_is_unavailable() -> None:
    with FakeLanguageTool(status=404) as broken:
        with pytest.raises(RuleUnavailable, match="HTTP 404"):
            lt.check_document(Document("Some text."), broken.url)


FAKE_JAVA = """#!{python}
# A stand-in for `java -cp languagetool-server.jar ...HTTPServer -p PORT`.
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qsl

if {exit_at_once}:
    sys.exit(3)
port = int(sys.argv[sys.argv.index("-p") + 1])

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        form = dict(parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
        text = form["text"]
        matches = []
        if "teh" in text:
            rule = {{"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling",
                    "category": {{"id": "TYPOS", "name": "Possible Typo"}}}}
            matches.append({{"message": "Possible spelling mistake found.",
                            "replacements": [{{"value": "the"}}], "offset": text.index("teh"),
                            "length": 3, "rule": rule}})
        data = json.dumps({{"matches": matches}}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

HTTPServer(("127.0.0.1", port), Handler).serve_forever()
"""


def install_fake_java(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *, exit_at_once: bool = False
) -> None:
    """A fake_lt `java` first on PATH and a LanguageTool folder in LTP_JAR_DIR_PATH."""
    import sys

    bin_dir, jar_dir = tmp_path / "bin", tmp_path / "LanguageTool-6.4"
    bin_dir.mkdir()
    jar_dir.mkdir()
    (jar_dir / "languagetool-server.jar").write_bytes(b"")
    java = bin_dir / "java"
    java.write_text(FAKE_JAVA.format(python=sys.executable, exit_at_once=exit_at_once))
    java.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(jar_dir))


def test_local_server_started_reused_and_stopped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    install_fake_java(monkeypatch, tmp_path)
    assert lt.local_install_available()
    doc = Document("Intro.\n\nThey saw teh film.")
    (m,) = lt.check_document(doc, "local", timeout=5.0)
    assert doc.text[m.offset : m.offset + m.length] == "teh"
    client = lt.get_client("local", 5.0)
    assert isinstance(client, lt.LocalServer)
    lt.check_document(Document("Again teh."), "local")
    assert lt.get_client("local", 5.0) is client  # one server for the whole run
    lt.close_all()
    assert client.process.poll() is not None  # shut down


def test_local_server_that_dies_is_unavailable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    install_fake_java(monkeypatch, tmp_path, exit_at_once=True)
    started = time.monotonic()
    with pytest.raises(RuleUnavailable, match="exited at start"):
        lt.check_document(Document("Some text."), "local")
    assert time.monotonic() - started < 10


def test_local_without_install_never_downloads(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("no network may be used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "missing"))
    if lt.shutil.which("java"):
        with pytest.raises(RuleUnavailable, match="no local LanguageTool install found"):
            lt.check_document(Document("Some text."), "local")
        assert not (tmp_path / "missing").exists()  # nothing created either
        monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path))
        lt.close_all()
        with pytest.raises(RuleUnavailable, match="no LanguageTool jar in LTP_JAR_DIR_PATH"):
            lt.check_document(Document("Some text."), "local")
    monkeypatch.setenv("PATH", str(tmp_path))
    lt.close_all()
    with pytest.raises(RuleUnavailable, match="needs Java"):
        lt.check_document(Document("Some text."), "local")


def real_languagetool() -> str | None:
    """A real LanguageTool backend: $ARTICLE_LINT_LANGUAGETOOL or an existing install."""
    url = os.environ.get("ARTICLE_LINT_LANGUAGETOOL")
    if url:
        return url
    return "local" if lt.local_install_available() else None


def test_real_languagetool() -> None:
    backend = real_languagetool()
    if backend is None:
        pytest.skip(
            "no LanguageTool available: set ARTICLE_LINT_LANGUAGETOOL=http://host:port or "
            "LTP_JAR_DIR_PATH to an unpacked LanguageTool to run this test"
        )
    from rules.grammar import RULES

    for rule_cls in RULES:
        rule = rule_cls(rule_cls.Options(backend=backend, timeout=60.0))
        for text in rule_cls.examples_flagged:
            codes = {v.code for v in rule.check(Document(text))}
            assert rule_cls.code in codes, (rule_cls.code, text)
        for text in rule_cls.examples_clean:
            codes = {v.code for v in rule.check(Document(text))}
            assert rule_cls.code not in codes, (rule_cls.code, text)
