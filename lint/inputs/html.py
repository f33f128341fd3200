"""HTML input: lint the article text of a page, with exact source positions.

Parsed with the standard library's ``html.parser`` (a tolerant, event-based
parser that never raises on bad markup and reports where each event starts),
so no third-party HTML stack is needed.  Everything is blank by default; only
text nodes outside skipped elements are revealed, and only inside ``main`` (or
``role="main"``) when the page has one, else inside ``article`` elements when
it has those.  Skipped: ``script``,
``style``, ``head``, ``template``, code (``pre``, ``code``, ``kbd``, ``samp``),
form controls, comments and declarations, and page chrome where the page marks
it: ``nav``, ``footer``, ``aside``, ``header`` outside ``article``/``main``,
ARIA landmarks (``role="navigation"``, ``banner``, ``contentinfo``,
``complementary``, ``search``), and ``hidden`` / ``aria-hidden="true"`` /
``display: none`` elements.

Character references keep the text the same length as the source: ``&amp;``
becomes ``&`` followed by four spaces, ``&rsquo;`` becomes ``’`` and six spaces.
Rules thus see the character the reader sees at the reference's first column
(so a finding starting there points at the reference in the source); the cost
is that a reference inside a word (``don&rsquo;t``) splits it into two words.
Unknown references are left as written.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser

from lint import regex_cache
from lint.document import Block, Document

log = logging.getLogger(__name__)

#: A revealed source range: ``(start, end, None)`` copies the lintable text,
#: ``(start, end, text)`` writes ``text`` padded with spaces to the range's length.
Piece = tuple[int, int, "str | None"]

SKIP_TAGS = frozenset(
    "script style head title template noscript svg math iframe object canvas "
    "pre code kbd samp button select option textarea nav footer aside".split()
)
CHROME_ROLES = frozenset("navigation banner contentinfo complementary search menubar".split())
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main "
    "nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
LIST_CONTAINERS = frozenset("ul ol dl menu table".split())
#: Elements whose end tag may be left out, and the start tags that end them.
IMPLIED_END = {
    "p": BLOCK_TAGS,
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "td": frozenset({"td", "th", "tr"}),
    "th": frozenset({"td", "th", "tr"}),
    "tr": frozenset({"tr"}),
    "option": frozenset({"option", "optgroup"}),
}
KIND_OF = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    **dict.fromkeys(("li", "dt", "dd"), "list"),
    "blockquote": "quote",
    **dict.fromkeys(("td", "th", "caption"), "table"),
}
CHARREF_RE = regex_cache.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][-.A-Za-z0-9]*);?")
_DISPLAY_NONE = regex_cache.compile(r"display\s*:\s*none", re.I)
#: ``<meta property|name|itemprop=KEY content=...>`` (or ``<time itemprop=KEY>``)
#: that give a page's publication date.
DATE_KEYS = frozenset(
    "article:published_time og:published_time datepublished date pubdate publishdate "
    "publish-date publish_date dc.date dc.date.issued dcterms.date dcterms.issued "
    "parsely-pub-date sailthru.date".split()
)
ARTICLE, MAIN = 1, 2  # scope bits: inside an article element, inside the main content
_NOT_BREAK = regex_cache.compile(r"[^\r\n]")
_ISO_DAY = regex_cache.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}|$)")
_BROKEN_TAG = regex_cache.compile(r"<[A-Za-z/!?]")


def day(value: str) -> str:
    """A date value as rules read it: the ``YYYY-MM-DD`` of an ISO timestamp, else as given."""
    m = _ISO_DAY.match(value.strip())
    return m.group(1) if m else value.strip()


def _is_chrome(tag: str, attrs: dict[str, str | None], in_article: bool) -> bool:
    if tag in SKIP_TAGS or (tag == "header" and not in_article):
        return True
    role = (attrs.get("role") or "").strip().lower()
    return (
        role in CHROME_ROLES
        or "hidden" in attrs
        or (attrs.get("aria-hidden") or "").strip().lower() == "true"
        or bool(_DISPLAY_NONE.search(attrs.get("style") or ""))
    )


class _ArticleParser(HTMLParser):
    """Collects revealed text ranges and blocks from an HTML string."""

    def __init__(self, source: str, base: int = 0) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = base
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.pieces: list[Piece] = []
        self.blocks: list[Block] = []
        # Where each piece and block is: ARTICLE and/or MAIN bits (see ``extract``).
        self.piece_scopes: list[int] = []
        self.block_scopes: list[int] = []
        self.seen = 0  # the scope bits of every element seen
        self.meta: dict[str, str] = {}  # the page's publication date, as "date"
        self._block: list[int] | None = None  # [start, end, scope] of the open block
        self._skip: tuple[str, int] | None = None  # (tag, nesting depth)
        self._kinds: list[tuple[str, str]] = []  # open (tag, block kind) elements
        self._article = 0  # open article elements
        self._main: tuple[str, int] | None = None  # the open main element (tag, depth)
        self._broken_until = 0  # end of an unterminated tag the parser passed as text

    # -- positions and blocks ------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self) -> None:
        if self._block is not None:
            kind = self._kinds[-1][1] if self._kinds else "text"
            start, end, scope = self._block
            self.blocks.append(Block(self.base + start, self.base + end, kind))
            self.block_scopes.append(scope)
            self._block = None

    @property
    def scope(self) -> int:
        return (ARTICLE if self._article else 0) | (MAIN if self._main else 0)

    def _reveal(self, start: int, end: int, replacement: str | None) -> None:
        self.pieces.append((self.base + start, self.base + end, replacement))
        self.piece_scopes.append(self.scope)
        text = self.source[start:end] if replacement is None else replacement
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        if trail <= lead:
            return
        first, last = start + lead, start + trail
        if replacement is not None:
            last = end
        if self._block is None:
            self._block = [first, last, self.scope]
        else:
            self._block[1] = last

    def _date(self, attrs: dict[str, str | None]) -> None:
        """The publication date from ``<meta>`` or ``<time>`` markup, if this is it."""
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = attrs.get("content") or attrs.get("datetime") or ""
        if value.strip() and (key in DATE_KEYS or "pubdate" in attrs):
            self.meta["date"] = day(value)

    # -- element context ---------------------------------------------------
    def _open(self, tag: str, attrs: dict[str, str | None]) -> None:
        if self._main is not None and tag == self._main[0]:
            self._main = (tag, self._main[1] + 1)
        elif self._main is None and (tag == "main" or attrs.get("role") == "main"):
            self._main = (tag, 1)
            self.seen |= MAIN
        if tag == "article":
            self._article += 1
            self.seen |= ARTICLE
        while self._kinds and tag in IMPLIED_END.get(self._kinds[-1][0], ()):
            self._kinds.pop()
        outer = self._kinds[-1][1] if self._kinds else "text"
        if tag in KIND_OF:
            self._kinds.append((tag, KIND_OF[tag]))
        elif tag in LIST_CONTAINERS:
            self._kinds.append((tag, outer))  # so that its end tag closes its items
        elif tag == "p" and outer == "table":
            self._kinds.append((tag, "text"))  # prose in a layout table's cell

    def _close(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1
        if self._main is not None and tag == self._main[0]:
            self._main = (tag, self._main[1] - 1) if self._main[1] > 1 else None
        for i in range(len(self._kinds) - 1, -1, -1):
            if self._kinds[i][0] == tag:
                del self._kinds[i:]
                return

    # -- parser events -----------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "time") and "date" not in self.meta:
            self._date(dict(attrs))
        if self._skip is not None:
            name, depth = self._skip
            if name in IMPLIED_END and tag in IMPLIED_END[name]:
                self._skip = None  # the skipped element ended without its end tag
            else:
                if tag == name and tag not in VOID_TAGS:
                    self._skip = (name, depth + 1)
                return
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        attributes = dict(attrs)
        self._open(tag, attributes)
        if _is_chrome(tag, attributes, self.scope > 0):
            self._skip = (tag, 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "time") and "date" not in self.meta:
            self._date(dict(attrs))
        if self._skip is None and tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            name, depth = self._skip
            if tag != name:
                return
            self._skip = (name, depth - 1) if depth > 1 else None
            if self._skip is not None:
                return
        if tag in BLOCK_TAGS:
            self._flush()
        self._close(tag)

    def handle_data(self, data: str) -> None:
        if self._skip is not None:
            return
        start = self._offset()
        if data.startswith("<") and _BROKEN_TAG.match(self.source, start):
            # An unterminated tag, comment or declaration the parser gave up on.
            end = self.source.find(">", start)
            self._broken_until = len(self.source) if end < 0 else end + 1
        if start < self._broken_until:
            return
        if self.source.startswith(data, start):
            self._reveal(start, start + len(data), None)

    def _reference(self) -> None:
        if self._skip is not None:
            return
        start = self._offset()
        m = CHARREF_RE.match(self.source, start)
        if not m:
            return
        text = m.group()
        decoded = html.unescape(text)
        keep = decoded == text or len(decoded) > len(text)
        self._reveal(start, m.end(), None if keep else decoded)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def parse_limit(source: str) -> int:
    """Where an unterminated comment or tag at the end of ``source`` starts.

    A browser reads an unclosed ``<!--`` as a comment to the end of the file, and
    drops a tag cut off by the end of the file; neither holds text.  Cutting them
    off also keeps ``html.parser`` linear: it rescans such a construct to the end
    of the input once per ``<`` that follows it.
    """
    end = len(source)
    closed = source.rfind("-->")
    comment = source.find("<!--", closed + 3 if closed >= 0 else 0)
    if comment >= 0:
        end = comment
    m = _BROKEN_TAG.search(source, source.rfind(">", 0, end) + 1, end)
    return m.start() if m else end


def extract(source: str, base: int = 0) -> tuple[list[Piece], list[Block], dict[str, str]]:
    """Revealed pieces, blocks and metadata of ``source`` (offsets shifted by ``base``).

    A page that marks its content with ``main`` (or ``role="main"``) is linted
    inside it only; failing that, one with ``article`` elements inside those.
    Never raises: if the parser fails, what was extracted before the failure is kept.
    """
    parser = _ArticleParser(source, base)
    try:
        parser.feed(source[: parse_limit(source)])
        parser.close()
    except Exception:  # noqa: BLE001 - bad markup must never crash a run
        log.debug("html parser failed; keeping the text extracted so far", exc_info=True)
    parser._flush()
    pieces, blocks = parser.pieces, parser.blocks
    for scope in (MAIN, ARTICLE):
        kept = [p for p, s in zip(pieces, parser.piece_scopes, strict=True) if s & scope]
        if parser.seen & scope and any(_has_text(source, base, p) for p in kept):
            blocks = [b for b, s in zip(blocks, parser.block_scopes, strict=True) if s & scope]
            return kept, blocks, parser.meta
    return pieces, blocks, parser.meta


def _has_text(source: str, base: int, piece: Piece) -> bool:
    start, end, replacement = piece
    return bool((source[start - base : end - base] if replacement is None else replacement).strip())


def compose(lintable: str, pieces: Iterable[Piece]) -> str:
    """``lintable`` with everything outside ``pieces`` blanked (line breaks kept)."""
    out: list[str] = []
    pos = 0
    for start, end, replacement in sorted(pieces, key=lambda p: p[0]):
        if start < pos:  # overlapping pieces: keep the first
            continue
        out.append(_NOT_BREAK.sub(" ", lintable[pos:start]))
        out.append(lintable[start:end] if replacement is None else replacement.ljust(end - start))
        pos = end
    out.append(_NOT_BREAK.sub(" ", lintable[pos:]))
    return "".join(out)


def sorted_blocks(blocks: Sequence[Block]) -> list[Block]:
    """Blocks in order, without empty or overlapping ones."""
    out: list[Block] = []
    for block in sorted(blocks, key=lambda b: b.start):
        if block.end > block.start and (not out or block.start >= out[-1].end):
            out.append(block)
    return out


def to_document(path: str, raw: str, lintable: str) -> Document:
    pieces, blocks, meta = extract(raw)
    text = compose(lintable, pieces)
    return Document(
        text, path, raw=raw, meta=meta, blocks=sorted_blocks(blocks), input_format="html"
    )
