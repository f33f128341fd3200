"""Markdown input: lint the prose of a Markdown file, with exact source positions.

Parsed with markdown-it-py (CommonMark plus GFM tables and strikethrough).
Everything is blank by default; only the text of paragraphs, headings, list
items, block quotes and table cells is revealed, and within it the inline markup
is blanked again: emphasis markers, code spans, link brackets and targets, whole
images, autolinks, inline HTML and comments, backslashes of escapes.  Block
markup (``#``, list bullets, ``>``, ``|``, indentation) is never revealed, nor
are front matter, fenced and indented code, link reference definitions and
thematic breaks.  HTML blocks go through the HTML input's extractor.

markdown-it gives line ranges (``Token.map``) for blocks; character positions
are recovered by aligning each inline token's content with its source lines and
walking the inline children in order.  Where that alignment fails the text is
left blank: a missed finding is better than one at the wrong place.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from lint import regex_cache
from lint.document import Block, Document
from lint.inputs.html import Piece, compose, day, extract, sorted_blocks
from lint.inputs.md_inline import inline_pieces

log = logging.getLogger(__name__)

_FRONT_MATTER_FENCE = {"---": ("---", "..."), "+++": ("+++",)}
_KEY_LINE = regex_cache.compile(r"""\s*(?:["']?[\w.-]+["']?\s*[:=]|\[|#)""")
_META_LINE = regex_cache.compile(r"""^([A-Za-z][\w-]*)\s*[:=]\s*["']?(.*?)["']?\s*$""")
_LINE_RE = regex_cache.compile(r"[^\n]*\n|[^\n]+")
_CONTAINERS = {"list_item_open": "list", "blockquote_open": "quote"}
_CELL_OPEN = ("th_open", "td_open")
_FOOTNOTE_DEF = regex_cache.compile(r" {0,3}(\[\^[^\]\s]+\]:\s*\S)")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Keep entities and escapes as separate tokens holding their source text.
    md.disable("text_join")
    return md


_MD = _parser()


class _Lines:
    """Start offset and text of each source line, as the parser sees it (no line
    feed; a carriage return is a space, so CRLF files align like LF ones)."""

    def __init__(self, text: str) -> None:
        self.raw = text
        self.starts: list[int] = []
        self.texts: list[str] = []
        for m in _LINE_RE.finditer(text):
            self.starts.append(m.start())
            self.texts.append(m.group().rstrip("\n").replace("\r", " "))

    def __len__(self) -> int:
        return len(self.starts)


# -- front matter ------------------------------------------------------------
def front_matter(lines: _Lines) -> tuple[int, dict[str, str]]:
    """Number of front-matter lines at the top, and its simple ``key: value`` pairs."""
    if not lines.texts:
        return 0, {}
    closers = _FRONT_MATTER_FENCE.get(lines.texts[0].rstrip())
    if not closers:
        return 0, {}
    first = next((t for t in lines.texts[1:] if t.strip()), "")
    if first.rstrip() not in closers and not _KEY_LINE.match(first):
        return 0, {}  # a thematic break, not front matter: it must open with a key
    for i in range(1, len(lines)):
        if lines.texts[i].rstrip() in closers:
            meta = {}
            for line in lines.texts[1:i]:
                m = _META_LINE.match(line)
                if m and m.group(2):
                    meta.setdefault(m.group(1).lower(), m.group(2))
            if "date" in meta:
                meta["date"] = day(meta["date"])
            return i + 1, meta
    return 0, {}


# -- mapping content back to the source --------------------------------------
def _content_starts(
    content: str, lines: _Lines, first: int, how: str, at: int
) -> list[tuple[int, int]]:
    """Where each line of ``content`` (which starts on line ``first``) is in the source.

    Each item is ``(offset, skip)``: content character ``k`` of the line is at
    source ``offset + k``, except the first ``skip`` ones, which the parser made
    up (spaces standing for a tab it expanded).  ``how`` is ``suffix`` (paragraph
    lines end their source line, bar trailing space) or ``find`` (a heading or
    cell found from column ``at``).
    """
    out = []
    for i, part in enumerate(content.split("\n")):
        line = lines.texts[first + i]
        skip = 0
        if how == "find" and i == 0:
            col = line.find(part, at)
        else:
            col = line.rfind(part)
            if col < 0:  # leading spaces from an expanded tab
                rest = part.lstrip(" ")
                skip = len(part) - len(rest)
                col = line.rfind(rest) - skip
                part = " " * skip + rest
        if col + skip < 0 or (
            how == "suffix" and line[col + skip :].rstrip() != part[skip:].rstrip()
        ):
            raise LookupError(part)
        out.append((lines.starts[first + i] + col, skip))
    return out


# -- blocks ------------------------------------------------------------------
def _block(pieces: Sequence[Piece], source: str, kind: str) -> Block | None:
    spans = [(a, b) for a, b, text in pieces if (source[a:b] if text is None else text).strip()]
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    while source[start].isspace():
        start += 1
    while source[end - 1].isspace():
        end -= 1
    return Block(start, end, kind)


def _walk(tokens: Sequence[Token], lines: _Lines) -> Iterator[tuple[list[Piece], str]]:
    """(pieces, block kind) for each inline token and HTML block, in order."""
    containers: list[str] = []
    heading = ""  # the open heading's markup: "#"s (ATX) or "=" / "-" (setext)
    cell_from: dict[int, int] = {}  # line -> column where the next cell is searched
    for tok in tokens:
        if tok.type in _CONTAINERS:
            containers.append(_CONTAINERS[tok.type])
        elif tok.type in ("list_item_close", "blockquote_close") and containers:
            containers.pop()
        elif tok.type == "heading_open":
            heading = tok.markup or "="
        elif tok.type == "heading_close":
            heading = ""
        elif tok.type == "html_block" and tok.map:
            yield from _html_block(tok, lines)
        elif tok.type == "inline" and tok.map:
            kind = "heading" if heading else containers[-1] if containers else "text"
            if tok.meta.get("cell"):
                kind = "table"
            tok.meta["atx"] = heading.startswith("#")
            yield _inline(tok, lines, cell_from, kind), kind


def _inline(tok: Token, lines: _Lines, cell_from: dict[int, int], kind: str) -> list[Piece]:
    first = tok.map[0] if tok.map else 0
    content = tok.content
    try:
        if kind == "table":
            at = cell_from.get(first, 0)
            starts = _content_starts(content, lines, first, "find", at)
            cell_from[first] = starts[0][0] - lines.starts[first] + len(content)
        elif tok.meta.get("atx"):
            text = lines.texts[first]
            hashes = text.index("#")  # container markers (list, quote) hold no "#"
            at = len(text) - len(text[hashes:].lstrip("#"))
            starts = _content_starts(content, lines, first, "find", at)
        else:
            starts = _content_starts(content, lines, first, "suffix", 0)
        return inline_pieces(content, tok.children or (), starts)
    except (LookupError, IndexError):
        log.debug("could not align line %d of %r; left unlinted", first + 1, content[:40])
        return []


def _html_block(tok: Token, lines: _Lines) -> Iterator[tuple[list[Piece], str]]:
    assert tok.map is not None
    start = lines.starts[tok.map[0]]
    last = min(tok.map[1], len(lines)) - 1
    end = lines.starts[last] + len(lines.texts[last])
    pieces, blocks, _ = extract(lines.raw[start:end], start)
    i = 0  # pieces and blocks are both in source order
    for block in blocks:
        while i < len(pieces) and pieces[i][1] <= block.start:
            i += 1
        j = i
        while j < len(pieces) and pieces[j][0] < block.end:
            j += 1
        yield pieces[i:j], block.kind
        i = j


def _mark_cells(tokens: Sequence[Token]) -> None:
    """Flag inline tokens that are table cells (markdown-it gives them no own map)."""
    in_cell = False
    for tok in tokens:
        if tok.type in _CELL_OPEN:
            in_cell = True
        elif tok.type in ("th_close", "td_close"):
            in_cell = False
        elif tok.type == "inline" and in_cell:
            tok.meta["cell"] = True


def _footnotes(
    tokens: Sequence[Token], lines: _Lines, skip: int
) -> Iterator[tuple[list[Piece], str]]:
    """Footnote definitions (``[^1]: https://...``), which CommonMark parses as link
    reference definitions and so leaves out of every block: kept as notes."""
    covered = bytearray(len(lines))
    covered[:skip] = b"\1" * skip
    for tok in tokens:
        if tok.map and tok.level == 0:
            covered[tok.map[0] : tok.map[1]] = b"\1" * (tok.map[1] - tok.map[0])
    for i, line in enumerate(lines.texts):
        m = _FOOTNOTE_DEF.match(line)
        if m and not covered[i]:
            start = lines.starts[i] + m.start(1)
            yield [(start, lines.starts[i] + len(line.rstrip()), None)], "text"


def to_document(path: str, raw: str, lintable: str) -> Document:
    lines = _Lines(raw)
    skip, meta = front_matter(lines)
    # Same line structure for the parser: front matter as blank lines, any CR as a space.
    parse_text = "\n" * skip + raw[lines.starts[skip] :] if skip < len(lines) else "\n" * skip
    tokens = _MD.parse(parse_text.replace("\r", " "))
    _mark_cells(tokens)
    pieces: list[Piece] = []
    blocks: list[Block] = []
    for found, kind in itertools.chain(_walk(tokens, lines), _footnotes(tokens, lines, skip)):
        pieces.extend(found)
        block = _block(found, raw, kind)
        if block:
            blocks.append(block)
    text = compose(lintable, pieces)
    return Document(
        text, path, raw=raw, meta=meta, blocks=sorted_blocks(blocks), input_format="markdown"
    )
