"""Calendar words shared by the rules that look for dates (QT, REF, TM)."""

from __future__ import annotations

from lint import regex_cache

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A full month name ("March").
MONTH_NAME = rf"(?:{_MONTHS})"
#: A month name or its abbreviation, with an optional full stop ("Sept.").
MONTH = rf"(?:{_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

#: A date precise to the day or month ("3 March", "March 3", "March, 2024",
#: "2024-03-03", "3/3/24").
SPECIFIC_DATE = regex_cache.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    rf"\b{MONTH},?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d\d\b"
)
