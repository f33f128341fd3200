"""Stray media filenames (SEO002): a line that is only an image, video or document name."""

from __future__ import annotations

import re

from lint import regex_cache
from lint.document import Document, Span

_MEDIA_EXT = (
    "png|jpe?g|gif|webp|svg|avif|heic|heif|tiff?|bmp|ico|jfif|"
    "mp4|m4v|mov|webm|avi|mkv|wmv|mp3|m4a|wav|ogg|"
    "pdf|docx?|pptx?|xlsx?|odt|zip"
)
_FILENAME_LINE = regex_cache.compile(
    rf"[\s*_>\-•\"'“”‘’]*(?P<name>[^\s/\\<>|]+(?:[ \t][^\s/\\<>|]+)*?\.(?:{_MEDIA_EXT}))"
    r"[\s*_\"'“”‘’]*",
    re.IGNORECASE,
)
_MACHINE_NAME = regex_cache.compile(
    r"_|\(\d+\)|%20|\d{3,}|[A-Za-z0-9]{12,}|-\d+x\d+|(?i:edited|copy|final|scaled|img|dsc)"
)
_DEVICE_NAME = regex_cache.compile(
    r"(?:(?:screenshot|screen\s+shot|img|dsc|dscn|pxl|mvimg|vid|photo)[\s_-]*\d"
    r"|copy\s+of\s|untitled\b)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = regex_cache.compile(r"[.!?:;,]\s")
# How a filename line ends (see filename_lines).
_FILENAME_END = regex_cache.compile(
    rf"\.(?:{_MEDIA_EXT})[\s*_\"'“”‘’]*$", re.IGNORECASE | re.MULTILINE
)


def filename_lines(doc: Document) -> frozenset[int]:
    """Lines that may be filename lines, found in one pass over the text: a line
    ``_FILENAME_LINE`` matches ends with "." and an extension, then only closing
    characters, which is what ``_FILENAME_END`` finds before a line break.  (A match
    cannot take another line's extension: the characters it runs over after the
    extension are spaces and closing marks, never an extension's letters.)"""
    return frozenset(doc.line_index(m.start()) for m in _FILENAME_END.finditer(doc.text))


def is_filename_line(doc: Document, span: Span) -> bool:
    """Is the whole line a media filename (hashed, slugified or camera-named)?"""
    m = _FILENAME_LINE.fullmatch(doc.text, span.start, span.end)
    if not m:
        return False
    name = m.group("name")
    if _DEVICE_NAME.match(name):
        return True
    if "://" in name or name.lower().startswith("www.") or "](" in name or "`" in name:
        return False
    if _SENTENCE_BREAK.search(name):
        return False
    if " " not in name and "\t" not in name:
        return True
    last = name.split()[-1]
    return _MACHINE_NAME.search(last) is not None
