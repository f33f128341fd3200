"""A stand-in LanguageTool server for tests: recorded /v2/check answers on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "languagetool"
#: The text each recorded response was recorded for.
RECORDED = {
    "Their is a problem with teh plan , and it was very unique.": "check_mixed.json",
    "Fans 🎉 loved teh show.": "check_emoji.json",
    "The ferry leaves at noon.": "check_clean.json",
}


def recorded(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def typo_response(text: str, word: str = "teh") -> dict[str, Any]:
    """A /v2/check response flagging every ``word`` in ``text`` (UTF-16 offsets)."""
    template = recorded("check_emoji.json")
    (proto,) = template["matches"]
    matches = []
    start = text.find(word)
    while start >= 0:
        offset = len(text[:start].encode("utf-16-le")) // 2
        m = json.loads(json.dumps(proto))
        m.update(offset=offset, length=len(word), sentence=text)
        m["context"] = {"text": text, "offset": offset, "length": len(word)}
        matches.append(m)
        start = text.find(word, start + 1)
    template["matches"] = matches
    return template


class FakeLanguageTool:
    """A tiny LanguageTool stand-in: recorded answers, else every "teh" flagged."""

    def __init__(self, delay: float = 0.0, status: int = 200) -> None:
        self.requests: list[dict[str, str]] = []
        self.delay, self.status = delay, status
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
                fake.requests.append({"path": self.path, **form})
                time.sleep(fake.delay)
                text = form.get("text", "")
                name = RECORDED.get(text)
                body = recorded(name) if name else typo_response(text)
                data = json.dumps(body).encode("utf-8")
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
