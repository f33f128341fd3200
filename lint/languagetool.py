"""A thin adapter to LanguageTool: one client per process, created lazily.

Backends (the ``backend`` option of the LT rules):

* ``"http://host:port"`` - a LanguageTool server the user runs; we POST to its
  ``/v2/check`` API with urllib and a timeout per request.
* ``"local"`` - an *existing* LanguageTool install found the way
  language-tool-python finds one (``LTP_JAR_DIR_PATH``, or an unpacked
  ``LanguageTool-X.Y`` folder under ``LTP_PATH``, default
  ``~/.cache/language_tool_python``); its HTTP server is started once on a free
  port of 127.0.0.1 and stopped at exit.  Nothing is ever downloaded.
* ``"off"`` - nothing is checked.

A backend that is missing or unreachable raises ``RuleUnavailable`` with a
one-line reason and how to fix it; the failure is remembered, so the other LT rules
and later files fail at once instead of waiting for the timeout again.

A document is checked once per (backend, language) whatever the number of LT rules
enabled: paragraphs are batched into requests of at most ``batch_chars`` characters
and the matches are cached on the document.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import weakref
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from lint.document import Document
from lint.rule import RuleUnavailable

log = logging.getLogger(__name__)

INSTALL_HINT = (
    'point the LT backend at a LanguageTool server you run (languagetool = "http://host:port")'
    " or set LTP_JAR_DIR_PATH to an unpacked LanguageTool (needs Java)"
)
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match; ``offset``/``length`` in code points of the checked text."""

    offset: int
    length: int
    message: str
    rule_id: str
    category: str
    issue_type: str
    replacements: tuple[str, ...]


class Client(Protocol):
    def check(self, text: str, language: str, disabled: Sequence[str]) -> list[LTMatch]: ...

    def close(self) -> None: ...


# -- responses -------------------------------------------------------------
def utf16_index(text: str) -> array | None:
    """Map UTF-16 offsets (LanguageTool's, from Java) to str offsets; None if equal."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    out = array("q")
    for i, c in enumerate(text):
        out.append(i)
        if ord(c) >= 0x10000:
            out.append(i)  # the low surrogate maps to the same character
    out.append(len(text))
    return out


def parse_response(payload: dict[str, Any], text: str) -> list[LTMatch]:
    """Matches from a ``/v2/check`` JSON response for ``text``."""
    index = utf16_index(text)
    out = []
    for m in payload.get("matches", ()):
        rule = m.get("rule") or {}
        start, end = int(m["offset"]), int(m["offset"]) + int(m["length"])
        if index is not None:
            start, end = index[min(start, len(index) - 1)], index[min(end, len(index) - 1)]
        out.append(
            LTMatch(
                offset=start,
                length=end - start,
                message=str(m.get("message", "")).strip(),
                rule_id=str(rule.get("id", "")),
                category=str((rule.get("category") or {}).get("id", "")),
                issue_type=str(rule.get("issueType", "")),
                replacements=tuple(
                    str(r.get("value", "")) for r in m.get("replacements", ()) if r.get("value")
                ),
            )
        )
    return out


# -- clients ---------------------------------------------------------------
def check_url(base: str) -> str:
    """The ``/v2/check`` URL for a server given as ``http://host:port[/v2[/check]]``."""
    parts = urllib.parse.urlsplit(base.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RuleUnavailable(
            f"LanguageTool backend {base!r} is not 'local', 'off' or an http(s) URL"
        )
    path = parts.path.rstrip("/")
    for suffix in ("/check", "/v2"):
        path = path.removesuffix(suffix)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "/v2/check", "", ""))


class HttpClient:
    """Talks to a LanguageTool server's ``/v2/check`` API."""

    def __init__(self, base: str, timeout: float) -> None:
        self.url = check_url(base)
        self.timeout = timeout

    def check(self, text: str, language: str, disabled: Sequence[str]) -> list[LTMatch]:
        import http.client
        import urllib.error
        import urllib.request

        form = {"text": text, "language": language}
        if disabled:
            form["disabledRules"] = ",".join(disabled)
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={"Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise RuleUnavailable(
                f"LanguageTool server at {self.url} answered HTTP {exc.code}; {INSTALL_HINT}"
            ) from None
        except (TimeoutError, urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise RuleUnavailable(
                    f"LanguageTool server at {self.url} did not answer within"
                    f" {self.timeout:g} s; raise the LT timeout option or check the server"
                ) from None
            raise RuleUnavailable(
                f"LanguageTool server at {self.url} is unreachable ({reason}); {INSTALL_HINT}"
            ) from None
        except ValueError as exc:
            raise RuleUnavailable(
                f"LanguageTool server at {self.url} did not answer JSON ({exc})"
            ) from None
        return parse_response(payload, text)

    def close(self) -> None:
        pass


#: Longest wait for a local server to start (it exits early on failure).
STARTUP_SECONDS = 60.0


def server_command(port: int) -> list[str]:
    """The command starting an *existing* LanguageTool install's HTTP server.

    Found as language-tool-python finds it: ``LTP_JAR_DIR_PATH`` (a folder holding
    the jar), else the newest ``LanguageTool-X.Y`` folder under ``LTP_PATH``
    (default ``~/.cache/language_tool_python``).  Never creates folders and never
    downloads.  (language-tool-python 3.4 itself ignores ``LTP_JAR_DIR_PATH`` when it
    starts a server, so the server is started here.)
    """
    java = shutil.which("java")
    if not java:
        raise RuleUnavailable(f"LanguageTool needs Java, which is not on PATH; {INSTALL_HINT}")
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        for name in ("languagetool-server.jar", "languagetool.jar"):
            if (Path(jar_dir) / name).is_file():
                jar = Path(jar_dir) / name
                break
        else:
            raise RuleUnavailable(
                f"no LanguageTool jar in LTP_JAR_DIR_PATH={jar_dir}; {INSTALL_HINT}"
            )
        return [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "-p", str(port)]
    folder = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if not folder.is_dir() or not any(folder.glob("LanguageTool*/languagetool*.jar")):
        raise RuleUnavailable(f"no local LanguageTool install found in {folder}; {INSTALL_HINT}")
    from language_tool_python.download_lt import LocalLanguageTool

    latest = LocalLanguageTool.get_latest_installed_version()
    if latest is None:
        raise RuleUnavailable(f"no local LanguageTool install found in {folder}; {INSTALL_HINT}")
    return [str(part) for part in latest.get_server_cmd(port)]


def local_install_available() -> bool:
    """Is there Java and an existing LanguageTool install to start?"""
    try:
        server_command(0)
    except RuleUnavailable:
        return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalServer(HttpClient):
    """A LanguageTool server started from an existing install, stopped by ``close``."""

    def __init__(self, timeout: float, startup: float = STARTUP_SECONDS) -> None:
        port = free_port()
        command = server_command(port)
        super().__init__(f"http://127.0.0.1:{port}", timeout)
        log.info("starting LanguageTool: %s", " ".join(command))
        self.owner = os.getpid()  # a forked worker must not stop its parent's server
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._wait_ready(port, startup)
        except BaseException:
            self.close()
            raise

    def _wait_ready(self, port: int, startup: float) -> None:
        deadline = time.monotonic() + startup
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                raise RuleUnavailable(
                    f"the local LanguageTool server exited at start (code {code}); check the"
                    " install and that Java is 17 or newer"
                )
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1.0):
                    pass
            except OSError:
                time.sleep(0.2)
                continue
            try:
                self.check("Ready.", "en-US", ())
                return
            except RuleUnavailable:
                time.sleep(0.2)
        raise RuleUnavailable(f"the local LanguageTool server did not start within {startup:g} s")

    def close(self) -> None:
        if os.getpid() == self.owner and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


_lock = threading.Lock()  # one client per backend even when rules run in threads
_clients: dict[str, Client] = {}
_failures: dict[str, str] = {}
_results: weakref.WeakKeyDictionary[Document, dict[tuple[object, ...], list[LTMatch]]] = (
    weakref.WeakKeyDictionary()
)


def backend_key(backend: str) -> str:
    key = backend.strip()
    return key.lower() if key.lower() in ("local", "off") else key


def get_client(backend: str, timeout: float) -> Client:
    """The process-wide client for ``backend`` (created on first use)."""
    key = backend_key(backend)
    with _lock:
        if key in _failures:
            raise RuleUnavailable(_failures[key])
        client = _clients.get(key)
        if client is None:
            try:
                client = LocalServer(timeout) if key == "local" else HttpClient(key, timeout)
            except RuleUnavailable as exc:
                _failures[key] = str(exc)
                raise
            if key == "local":
                _close_in_workers()
            _clients[key] = client
        return client


def _close_in_workers() -> None:
    """Also close clients when a multiprocessing worker exits (it skips atexit)."""
    from multiprocessing import util

    util.Finalize(None, close_all, exitpriority=10)


@atexit.register
def close_all() -> None:
    """Shut down every client (a local server included); forget failures."""
    while _clients:
        _, client = _clients.popitem()
        try:
            client.close()
        except Exception:  # pragma: no cover - best effort at exit
            log.debug("closing LanguageTool client failed", exc_info=True)
    _failures.clear()


# -- documents -------------------------------------------------------------
def segments(doc: Document) -> Iterator[tuple[int, int]]:
    """Spans of the document sent to LanguageTool: every block but table rows."""
    for block in doc.blocks:
        if block.kind != "table" and block.end > block.start:
            yield block.start, block.end


def batches(doc: Document, batch_chars: int) -> Iterator[list[tuple[int, int]]]:
    """Consecutive segments grouped into requests of about ``batch_chars`` characters."""
    batch: list[tuple[int, int]] = []
    size = 0
    for start, end in segments(doc):
        if batch and size + len(SEPARATOR) + end - start > batch_chars:
            yield batch
            batch, size = [], 0
        size += (len(SEPARATOR) if batch else 0) + end - start
        batch.append((start, end))
    if batch:
        yield batch


def check_batch(
    doc: Document,
    batch: list[tuple[int, int]],
    client: Client,
    language: str,
    disabled: Sequence[str],
) -> Iterator[LTMatch]:
    """Check one batch; yield matches with offsets into ``doc.text``."""
    pieces, where = [], []
    pos = 0
    for start, end in batch:
        where.append((pos, start, end))
        # Line breaks inside a paragraph are hard wraps, not paragraph ends.
        pieces.append(doc.text[start:end].replace("\r", " ").replace("\n", " "))
        pos += end - start + len(SEPARATOR)
    text = SEPARATOR.join(pieces)
    starts = [w[0] for w in where]
    for m in client.check(text, language, disabled):
        i = bisect_right(starts, m.offset) - 1
        if i < 0:
            continue
        base, start, end = where[i]
        s = start + m.offset - base
        e = s + m.length
        if e > end or doc.raw[s:e] != doc.text[s:e]:
            continue  # crosses a paragraph, or touches text blanked out of linting
        yield LTMatch(s, m.length, m.message, m.rule_id, m.category, m.issue_type, m.replacements)


def check_document(
    doc: Document,
    backend: str,
    *,
    language: str = "en-US",
    timeout: float = 10.0,
    disabled: Sequence[str] = (),
    batch_chars: int = 8000,
) -> list[LTMatch]:
    """All LanguageTool matches for ``doc`` (cached on the document)."""
    key = (backend, language, tuple(disabled), batch_chars)
    cached = _results.setdefault(doc, {})
    if key not in cached:
        client = get_client(backend, timeout)
        try:
            cached[key] = [
                m
                for batch in batches(doc, batch_chars)
                for m in check_batch(doc, batch, client, language, disabled)
            ]
        except RuleUnavailable as exc:
            _failures[backend_key(backend)] = str(exc)
            raise
    return cached[key]
