"""A synthetic article corpus for the benchmark (our own word lists and templates).

Articles read like news or blog posts: a title, a dateline, 6-12 paragraphs of
sentences built from templates (reported speech, figures with and without a
source, relative dates, a little marketing filler and page chrome now and then),
so every rule family has something to look at.  Generation is seeded, so a
corpus is the same on every machine.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = (
    "Amara", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Gustavo", "Hana", "Idris", "Jonas",
    "Keiko", "Lars", "Maya", "Nikolai", "Olu", "Priya", "Quentin", "Rosa", "Sami", "Tove",
)  # fmt: skip
LAST = (
    "Abernethy", "Bakshi", "Carvalho", "Drummond", "Eriksen", "Fontaine", "Gallagher",
    "Haddad", "Iwasaki", "Jovanovic", "Kowalczyk", "Lindqvist", "Mbeki", "Novak", "Okafor",
)  # fmt: skip
ROLES = (
    "a spokesperson for the regional council", "an economist at Harlow University",
    "the chief executive of Northgate Freight", "a nurse at St Brendan's Hospital",
    "a researcher at the Coastal Ecology Institute", "the head of the teachers' union",
    "a local shop owner", "the transport minister", "a climate scientist",
)  # fmt: skip
ORGS = (
    "the Office for National Statistics", "the World Meteorological Organization",
    "the city's housing department", "Eastbrook Analytics", "the Port Authority",
    "a survey by the Federation of Small Businesses", "the central bank",
)  # fmt: skip
PLACES = (
    "Eastbrook", "the northern valleys", "Port Calder", "the old mill district", "Lindenfield",
    "the harbour front", "three coastal towns", "the county", "the capital",
)  # fmt: skip
TOPICS = (
    "the new tram line", "rising rents", "the flood defences", "school meals",
    "the fishing quota", "hospital waiting lists", "the wind farm", "bus fares",
    "the library closures", "the budget", "heat pumps", "the river clean-up",
)  # fmt: skip
VERBS = ("said", "told reporters", "added", "warned", "explained", "argued", "wrote")
NOUNS = (
    "residents", "commuters", "farmers", "landlords", "teachers", "patients", "engineers",
    "visitors", "households", "councillors", "drivers", "students",
)  # fmt: skip
ADJ = (
    "steady", "sharp", "modest", "unexpected", "long-awaited", "controversial", "costly",
    "gradual", "temporary", "significant",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
RELATIVE = ("last week", "recently", "earlier this year", "yesterday", "in recent months")
FILLER = (
    "In today's fast-paced world, it is worth taking a step back.",
    "Many experts agree that the change is long overdue.",
    "Studies show that people value reliable services.",
    "It goes without saying that the stakes are high.",
    "Some critics say the plan does not go far enough.",
)
CHROME = (
    "Share this article", "Click here to subscribe to our newsletter",
    "Related articles", "Read more", "Advertisement",
)  # fmt: skip


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _figure(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"{rng.randint(2, 48)}.{rng.randint(0, 9)}%"
    if kind == 1:
        return f"£{rng.randint(2, 900)} million"
    if kind == 2:
        return f"{rng.randint(1_000, 90_000):,} {rng.choice(NOUNS)}"
    return f"{rng.randint(2, 12)} in 10 {rng.choice(NOUNS)}"


OPENERS = (
    "", "", "", "On Tuesday, ", "After months of delays, ", "In a statement, ", "Meanwhile, ",
    "By the end of the day, ", "For now, ", "Despite the cost, ", "At the meeting, ",
    "According to the minutes, ", "In the spring, ", "Locally, ", "Elsewhere, ",
)  # fmt: skip
SUBJECTS = (
    "the council", "the operator", "a group of {noun}", "the planning committee",
    "{person}", "the regional authority", "several {noun}", "the union", "the contractor",
    "a coalition of {noun}", "the mayor's office", "{org}", "the inspectors", "the board",
)  # fmt: skip
ACTIONS = (
    "approved a {adj} plan for {topic}", "asked for a review of {topic}",
    "published new figures on {topic}", "delayed the decision on {topic}",
    "set aside {figure} for {topic}", "raised concerns about {topic}",
    "agreed to consult {noun} about {topic}", "rejected a proposal to scrap {topic}",
    "launched a trial of {topic} in {place}", "promised to report on {topic} by {month}",
    "cut the budget for {topic} by {figure}", "hired {number} extra staff to handle {topic}",
)  # fmt: skip
TAILS = (
    "", "", "", " after a {adj} debate", " despite objections from {noun}",
    " in {place}", " for the first time since {year}", " following complaints from {noun}",
    " ahead of the {month} elections", " at a cost of {figure}", " with support from {org}",
    " while {noun} waited outside", " under pressure from {noun} in {place}",
)  # fmt: skip
QUOTES = (
    "We have listened to {noun} and we will act", "This is a {adj} step, not the last one",
    "Nobody told us the timetable would change", "It is not perfect, but it is a start",
    "The numbers speak for themselves", "We expected more from {org}",
    "Our members in {place} are worried about {topic}", "I have lived here since {year}",
)  # fmt: skip


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        noun=rng.choice(NOUNS),
        person=_person(rng),
        org=rng.choice(ORGS),
        adj=rng.choice(ADJ),
        topic=rng.choice(TOPICS),
        place=rng.choice(PLACES),
        figure=_figure(rng),
        month=rng.choice(MONTHS),
        year=rng.randint(1990, 2024),
        number=rng.randint(3, 400),
    )


def _sentence(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.12:
        quote = _fill(rng, rng.choice(QUOTES))
        return f"“{quote},” {rng.choice(VERBS)} {_person(rng)}, {rng.choice(ROLES)}."
    if kind < 0.17:
        return rng.choice(FILLER)
    if kind < 0.27:
        return _fill(rng, f"About {{figure}} were affected by {{topic}} {rng.choice(RELATIVE)}.")
    parts = [rng.choice(OPENERS), rng.choice(SUBJECTS), " ", rng.choice(ACTIONS), rng.choice(TAILS)]
    if rng.random() < 0.4:
        parts.append(", " + rng.choice(("and ", "but ", "so ")) + rng.choice(SUBJECTS) + " ")
        parts += [rng.choice(ACTIONS), rng.choice(TAILS)]
    text = _fill(rng, "".join(parts))
    return text[0].upper() + text[1:] + "."


def make_article(rng: random.Random, target_chars: int = 5000) -> str:
    """One article of about ``target_chars`` characters."""
    topic = rng.choice(TOPICS)
    parts = [
        f"{topic.capitalize()}: what changes for {rng.choice(NOUNS)} in {rng.choice(PLACES)}",
        f"By {_person(rng)}, {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2025)}",
    ]
    size = sum(len(p) for p in parts)
    while size < target_chars:
        if rng.random() < 0.08:
            para = rng.choice(CHROME)
        elif rng.random() < 0.1:
            para = f"What happens next for {rng.choice(TOPICS)}"
        else:
            para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts) + "\n"


def write_small_files(root: Path, count: int, seed: int = 1, chars: int = 5000) -> list[Path]:
    """``count`` articles of about ``chars`` characters each under ``root``."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = root / f"article-{i:05d}.txt"
        if not path.exists():
            path.write_text(make_article(rng, chars), encoding="utf-8")
        else:  # keep the generator in step so a partial corpus completes identically
            make_article(rng, chars)
        paths.append(path)
    return paths


def write_big_file(path: Path, megabytes: float, seed: int = 2) -> Path:
    """One file of about ``megabytes`` MB: many articles one after another."""
    if path.exists() and abs(path.stat().st_size - megabytes * 1e6) < 0.05 * megabytes * 1e6:
        return path
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    chunks, size = [], 0
    while size < megabytes * 1e6:
        article = make_article(rng, 5000)
        chunks.append(article)
        size += len(article.encode("utf-8")) + 1
    path.write_text("\n".join(chunks), encoding="utf-8")
    return path
