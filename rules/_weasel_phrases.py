"""Claims pinned on an unnamed crowd (weasel words), for WW001 and NUM001.

``weasel_matches`` finds "critics argue", "studies show", "it is widely believed"
and drops those whose group is named in the same breath ("critics such as Jane Doe
argue", "a 2023 Pew study found").  NUM001 uses it so that "studies show" is not
taken for a named source.  The pattern is compiled once from the ``ww_*`` lists in
``rules/data`` and run once over a sentence: linear in the text's length.

The module also holds the screens the phrase rules (WW, TM, SLOP) scan with,
which are not weasel-specific (they would sit well in ``lint.phrases``):

* :class:`EntryScreen` / :func:`scan_phrases` / :func:`screened_matches`: a
  pattern that is an alternation of entries is tried only at the first words of
  the entries whose anchor words all occur in the text;
* :func:`sentences_to_scan`: the sentences that hold an anchor word, found at
  once from the shared word index, with the anchors chosen from counts sampled
  over the texts read so far (:class:`AnchorChoice`).

Each gives exactly what the plain scan gives (``tests/test_rules_slop.py``,
``tests/test_rules_weasel.py``, ``tests/test_rules_vague_time.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Set
from functools import lru_cache, reduce
from itertools import product
from operator import itemgetter, or_
from typing import NamedTuple

from lint import regex_cache
from lint.document import Document
from lint.phrase_regex import alternation
from lint.phrases import PhraseList, PhraseMatch, load_phrases
from lint.token_gate import (
    GATE_AFTER_CHARS,
    PREFIX,
    SYMBOL,
    Anchors,
    TokenGate,
    anchor_tree,
    first_words,
    is_word,
    matches_at,
    word_index,
)
from rules._kw_lexicon import stopwords


class Weasel(NamedTuple):
    start: int
    end: int
    text: str


_STOP = r"[^.;:!?\"“”()\[\]]"
_CLAUSE = r"[^.;:!?\"“”()\[\],]"
_QUANT = (
    r"(?:(?:some|many|most|several|numerous|other|certain|leading|top|independent|prominent"
    r"|industry|tech|outside|various|countless|a\s+number\s+of|a\s+lot\s+of|plenty\s+of"
    r"|a\s+few|a\s+handful\s+of|recent|new|multiple|scientific|academic)\s+)*"
)
_PEOPLE_QUAL = (
    r"such\s+as|including|like|led\s+by|at|from|with|among\s+them|notably|of|in|on|within"
)
_PEOPLE_NAMING = regex_cache.compile(
    r"\b(?:such\s+as|including|like|led\s+by|at|from|with|among\s+them|notably)\s+"
    r"(?:[a-z]+\s+){0,2}(?:[A-Z]|\d)"
)
_BY_VERBS = r"(?:published|provided|collected|gathered|cited|issued|prepared)\s+by"
_EVIDENCE_QUAL = (
    rf"{_BY_VERBS}|by|from|at|in|of|on|published\s+in|conducted\s+by|carried\s+out\s+by|released\s+by"
    r"|commissioned\s+by|compiled\s+by|produced\s+by"
)
_EVIDENCE_NAMING = regex_cache.compile(
    rf"\b(?:{_BY_VERBS}|by|from|at|in|of|published\s+in|conducted\s+by|carried\s+out\s+by|released\s+by"
    r"|commissioned\s+by|compiled\s+by|produced\s+by)\s+(?:[a-z]+\s+){0,2}(?:[A-Z]|\d)"
)
_ADVERB = (
    r"(?:(?:have|has|had|would|might|could|may|will|do|does)\s+)?"
    r"(?:(?:[a-z]+ly|also|long|now|often|still|all)\s+)?"
)


@lru_cache(maxsize=1)
def _weasel_gate() -> TokenGate:
    """The weasel pattern, scanned only in sentences holding one of its anchor words."""
    return TokenGate(_weasel_re())


@lru_cache(maxsize=1)
def _weasel_re() -> re.Pattern[str]:
    return regex_cache.compile(
        f"{_weasel_groups()}|{_fixed_phrases().pattern.pattern}", re.IGNORECASE
    )


def _fixed_phrases() -> PhraseList:
    """Fixed weasel phrases ("it is widely believed"), the last branch of the pattern."""
    return load_phrases("ww_phrases")


@lru_cache(maxsize=1)
def _weasel_screen() -> EntryScreen:
    """The weasel pattern as entries for :class:`EntryScreen`: the people, evidence
    and according-to groups as one, then each fixed phrase.  A match of the
    pattern at a place is a match of one of them there."""
    groups = regex_cache.compile(_weasel_groups(), re.IGNORECASE)
    return EntryScreen([groups, *_singles(_fixed_phrases())])


@lru_cache(maxsize=1)
def _weasel_groups() -> str:
    """The pattern's people, evidence and according-to groups, in their word boundaries."""
    people = (
        rf"(?P<people>{_QUANT}(?P<pnoun>{alternation('ww_crowd_people')})"
        rf"(?P<pqual>\s*,?\s+(?:{_PEOPLE_QUAL})\s+{_STOP}{{1,80}}?,?)?"
        rf"\s+{_ADVERB}(?:{alternation('ww_people_verbs')}))"
    )
    evidence = (
        rf"(?P<evidence>(?P<enoun>{alternation('ww_evidence_nouns')}"
        rf"|(?:a|an|one|another)\s+(?P<emods>(?:[\w'’-]+\s+){{0,2}}?)"
        rf"(?:{alternation('ww_evidence_single')}))"
        rf"(?P<equal>\s*,?\s+(?:{_EVIDENCE_QUAL})\s+{_STOP}{{1,80}}?,?)?"
        rf"\s+{_ADVERB}(?:{alternation('ww_evidence_verbs')}))"
    )
    according = (
        rf"(?P<according>according\s+to\s+(?P<amods>(?:[\w'’-]+\s+){{0,3}})"
        rf"(?:{alternation('ww_crowd_people')}|{alternation('ww_evidence_nouns')}|{alternation('ww_evidence_single')}"
        rf"|sources|some|many|observers)"
        rf"(?P<aqual>\s+(?:{_PEOPLE_QUAL}|{_EVIDENCE_QUAL})\s+{_CLAUSE}{{1,80}})?(?=[\s,.;:!?]|$))"
    )
    return rf"(?<![\w-])(?:{people}|{evidence}|{according})(?![\w-])"


def _generic_modifiers() -> frozenset[str]:
    return frozenset(e.lower() for e in load_phrases("ww_generic_modifiers").entries)


_PRE_WORD = regex_cache.compile(r"([\w'’-]+)\s+$")
_YEAR = regex_cache.compile(r"\b(?:1[89]|20)\d\d\b")
_CAP = regex_cache.compile(r"\b[A-Z][\w&'’.-]*")


def _names_in_premodifiers(text: str, sent_start: int, noun_start: int) -> bool:
    """Do the up to three words before an evidence noun name its source?"""
    words: list[tuple[int, str]] = []
    pos = noun_start
    while len(words) < 3:
        m = _PRE_WORD.search(text, max(sent_start, pos - 40), pos)
        if not m or m.end() != pos:
            break
        words.append((m.start(1), m.group(1)))
        pos = m.start()
    generic = _generic_modifiers()
    for start, word in words:
        if _YEAR.fullmatch(word) or word.endswith(("'s", "’s")) and word[:1].isupper():
            return True
        if word[:1].isupper() and (start > sent_start or word.lower() not in generic):
            return True
    return False


_DEFINITE = regex_cache.compile(
    r"\b(?:the|these|those|both|such|our|their|its|this|that|all\s+the|all\s+these)\s+$",
    re.IGNORECASE,
)


def _refers_back(text: str, start: int, at: int) -> bool:
    """ "The researchers found", "these studies show": a group already introduced."""
    return _DEFINITE.search(text, max(start, at - 12), at) is not None


@lru_cache(maxsize=1)
def _institution_re() -> re.Pattern[str]:
    """A qualifier pointing at one institution ("from the national statistics office")."""
    return regex_cache.compile(
        rf"\b(?:{_BY_VERBS}|by|from|at|of)\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{alternation('ww_institutions')})\b",
        re.IGNORECASE,
    )


_APPOSITIVE = regex_cache.compile(r"\s+[A-Z][\w&/.'’-]*")


@lru_cache(maxsize=1)
def _institution_word_re() -> re.Pattern[str]:
    return regex_cache.compile(rf"\b(?:{alternation('ww_institutions')})\b", re.IGNORECASE)


# "according to the company's own research", "according to its survey": a source
# already named, not a crowd.
_ACCORDING_NOT_CROWD = regex_cache.compile(
    r"\b(?:the|its|their|his|her|our|this|that|these|those)\b|['’]s\b", re.IGNORECASE
)


def sentences_to_scan(doc: Document, anchors: Anchors | frozenset[str] | None) -> list[int] | None:
    """Indices, in order, of the sentences of ``doc`` where a pattern can match
    whose every match holds one of some words: ``anchors``, a tree of such words
    (``lint.token_gate.anchor_tree``) or one set of them
    (:func:`phrase_anchors`).  ``None`` when every sentence must be scanned (no
    anchors, or a text too short to index).

    A rule that scans sentence by sentence pays a few microseconds of set-up per
    sentence even where the token gate finds nothing; this finds the sentences
    worth scanning all at once, from the word index the gate shares.  It keeps
    what ``TokenGate.finditer`` would find: a sentence with no anchor word
    starting inside it cannot hold a match, unless its end cuts a word (the
    pattern then sees a shorter word than the index holds), and such sentences
    are always kept.
    """
    text = doc.text
    if anchors is None or not _worth_screening(text):
        return None
    index = word_index(text)
    if isinstance(anchors, Anchors):
        words = _anchor_choice(anchors).words_for(index.positions)
    else:
        words = anchors
    positions = index.candidates(words)
    index_at = doc.sentence_index_at
    keep = {index_at(p) for p in positions}
    keep.update(doc.derived(_word_cutting_sentences))
    keep.discard(-1)
    return sorted(keep)


def phrase_anchors(phrases: PhraseList) -> Anchors | None:
    """Words every match of ``phrases`` holds (``None``: not known), for
    :func:`sentences_to_scan`; worked out once per list.

    ``anchor_tree`` of a whole list gives up inside a shared branch of the
    literal trie ("this week", "the other day", "tonight" share "t"), and the
    words it is left with ("the", "to") are in nearly every sentence.  Taken
    entry by entry (:class:`EntryScreen`), every entry names words of its own; a
    match of the list is a match of one of its entries, so the trees of the
    entries, united, anchor the list.
    """
    return entry_screen(phrases).anchors


class EntryScreen:
    """What each entry of a phrase list needs, to rule entries out per text.

    Each entry is compiled alone, as ``PhraseList`` compiles the list (the same
    word boundaries around it), and analysed by ``lint.token_gate``: its first
    words (where a match of it can start) and its anchor tree (words a match of
    it must hold).  A match of the list is a match of one of its entries at the
    same place, so in a text where some entry's anchor words are all missing,
    that entry cannot match, and its first words need not be tried.  Lists whose
    first words include "the", "a" or "in" ("in conclusion", "a testament to")
    are then tried at a few places instead of at every "the".

    The anchor tree is read as clauses, each a set of words of which a match
    holds at least one (an alternative of the tree is one more clause; a union
    of branches is one clause per way of picking a clause from each branch, or,
    past ``MAX_CLAUSES``, all its words in one).  Per text, the index's keys
    light up the clauses they hit (one bit each); an entry whose clauses are not
    all hit is out.  Clauses holding a punctuation or prefix key are taken as
    hit (the index lists those only on demand).
    """

    MAX_CLAUSES = 32
    #: How many answers (which entries are in, for one set of hit clauses) are kept.
    REMEMBERED = 4096

    def __init__(self, entries: list[re.Pattern[str]]) -> None:
        trees = [anchor_tree(entry) for entry in entries]
        #: each entry's first words (None: unknown, the entry may start anywhere)
        self.firsts = [first_words(entry) for entry in entries]
        #: the entries' trees united (None: an entry has none)
        known: list[Anchors | frozenset[str]] = [t for t in trees if t is not None]
        self.anchors = Anchors(known, union=True) if len(known) == len(trees) else None
        bits: dict[frozenset[str], int] = {}
        #: each entry's clauses, one bit each
        self.needs = [
            sum({bits.setdefault(c, 1 << len(bits)) for c in _clauses(t)}) if t else 0
            for t in trees
        ]
        self.always = 0  # clauses taken as hit in every text
        self.word_bits: dict[str, int] = {}  # word -> the clauses it hits
        self.special: list[tuple[str, int]] = []  # punctuation and prefix keys, their clauses
        for clause, bit in bits.items():
            for word in clause:
                if word[0] not in (SYMBOL, PREFIX):
                    self.word_bits[word] = self.word_bits.get(word, 0) | bit
                elif _checkable(word):
                    self.special.append((word, bit))
                else:
                    self.always |= bit
        self.words = frozenset(self.word_bits)
        self._answers: dict[int, frozenset[str] | None] = {}

    def first_words(self, keys: Set[str], text: str) -> frozenset[str] | None:
        """Words every match of the list starts with, in ``text``, whose word
        index has ``keys`` (``None``: an entry that may start anywhere is in)."""
        word_bits = self.word_bits
        hit = reduce(or_, map(word_bits.__getitem__, keys & self.words), self.always)
        if self.special:
            hit |= self._special_hits(text)
        answers = self._answers
        if hit in answers:
            return answers[hit]
        found: set[str] | None = set()
        for need, first in zip(self.needs, self.firsts, strict=True):
            if need & ~hit:
                continue  # a clause no word of the text hits: the entry cannot match
            if first is None:
                found = None
                break
            found |= first
        if len(answers) >= self.REMEMBERED:
            answers.clear()
        answers[hit] = None if found is None else frozenset(found)
        return answers[hit]

    def _special_hits(self, text: str) -> int:
        """The clauses hit by punctuation and prefix keys of ``text``.

        A punctuation key stands for its characters, found in the text as they
        are.  A prefix key stands for any word whose key starts with it; a key is
        the word casefolded (lower-cased when ASCII, the same thing there), "ı"
        and "i\u0307" then read as "i" (``lint.token_gate.word_key``).  Both steps
        go character by character (a "\u0307" is no word character, so it cannot
        start a word), so such a word puts the prefix into the text folded the
        same way (:func:`_folded_windows`); where the folded text joins
        characters across words, it can only find more."""
        hit = 0
        prefixes = []
        for word, bit in self.special:
            if word[0] == PREFIX:
                prefixes.append((word[1:], bit))
            elif word[1:] in text:
                hit |= bit
        if prefixes:
            longest = max(len(p) for p, _ in prefixes)
            for folded in _folded_windows(text, longest):
                hit |= sum({bit for prefix, bit in prefixes if prefix in folded})
        return hit


#: Characters folded at a time by ``_folded_windows`` (a bound on the memory).
FOLD_WINDOW = 1 << 16


def _folded_windows(text: str, longest: int) -> Iterator[str]:
    """``text`` folded as index keys are (casefolded, "ı" and "i\u0307" read as
    "i"), in overlapping windows of ``FOLD_WINDOW`` characters: any string of up
    to ``longest`` characters found in the whole text folded is found in one of
    them.  It comes from at most ``2 * longest`` characters of the text (folding
    makes one character or more of each, "i" + "\u0307" aside, which make one),
    and the windows overlap by more than that, with a character to spare on each
    side for a pair cut at a window's edge."""
    overlap = 2 * longest + 3
    for start in range(0, max(len(text) - overlap, 0) + 1, FOLD_WINDOW):
        window = text[start : start + FOLD_WINDOW + overlap]
        yield window.casefold().replace("i\u0307", "i").replace("ı", "i")


def _checkable(key: str) -> bool:
    """Can :meth:`EntryScreen._special_hits` tell whether ``key`` (punctuation or
    prefix) occurs in a text?  Not punctuation with letters, which the pattern
    would match in any case."""
    return key[0] == PREFIX or key[1:].lower() == key[1:].upper()


def _clauses(node: Anchors | frozenset[str]) -> list[frozenset[str]]:
    """Word sets of which every match anchored by ``node`` holds one word each."""
    if isinstance(node, frozenset):
        return [node] if node else []
    if not node.union:  # every option anchors every match
        return [c for option in node.options for c in _clauses(option)]
    branches = [_clauses(option) for option in node.options]
    if any(not b for b in branches):
        return []  # a branch with nothing known: no clause holds for every match
    ways = 1
    for b in branches:
        ways *= len(b)
    if ways > EntryScreen.MAX_CLAUSES:
        return [node.words]
    return [frozenset().union(*pick) for pick in product(*branches)]


_STATIC_CHOICES: dict[int, tuple[Anchors, frozenset[str]]] = {}


def _static_choice(anchors: Anchors | frozenset[str]) -> frozenset[str]:
    """The anchor words of a tree chosen without a text (a function word only
    where there is no other), remembered per tree."""
    if not isinstance(anchors, Anchors):
        return anchors
    found = _STATIC_CHOICES.get(id(anchors))
    if found is None or found[0] is not anchors:
        function_words = stopwords()
        cost = {w: (1000 if w in function_words else 0) + 100 // len(w) for w in anchors.words}
        found = _STATIC_CHOICES[id(anchors)] = (anchors, anchors.choose(cost)[1])
    return found[1]


class AnchorChoice:
    """Which anchor words of a tree to look up, chosen from the texts seen so far.

    The best choice depends on the text ("said" is everywhere in news), but
    choosing over a big tree for every text costs more than it saves.  So the
    words of the tree are counted in some of the texts (the 8th, 16th, 24th ...,
    then every 64th) and the choice is made again from the counts so far, a
    sample of what this process reads; any choice is a correct one, only the
    speed depends on it.  Punctuation and prefix keys, which the index does not
    count, cost as much as a word met in every text."""

    EVERY, LATER = 8, 64  # texts between samples: at first, after 256 texts

    def __init__(self, tree: Anchors) -> None:
        self.tree = tree
        self.plain = frozenset(w for w in tree.words if w[0] not in (SYMBOL, PREFIX))
        self.counts = dict.fromkeys(tree.words, 0)
        self.texts = 0
        self.words = _static_choice(tree)

    def words_for(self, positions: dict[str, list[int]]) -> frozenset[str]:
        """The words to look up in a text whose word index is ``positions``."""
        self.texts += 1
        if self.texts % (self.EVERY if self.texts <= 256 else self.LATER) == 0:
            counts = self.counts
            for word in self.plain & positions.keys():
                counts[word] += len(positions[word])
            busy = max(counts.values()) + 1
            cost = {w: counts[w] if w in self.plain else busy for w in counts}
            self.words = self.tree.choose(cost)[1]
        return self.words


_ANCHOR_CHOICES: dict[int, AnchorChoice] = {}


def _anchor_choice(tree: Anchors) -> AnchorChoice:
    """The :class:`AnchorChoice` of a tree (trees live as long as their patterns)."""
    found = _ANCHOR_CHOICES.get(id(tree))
    if found is None or found.tree is not tree:
        found = _ANCHOR_CHOICES[id(tree)] = AnchorChoice(tree)
    return found


_ENTRY_SCREENS: dict[int, EntryScreen] = {}


def entry_screen(phrases: PhraseList) -> EntryScreen:
    """The :class:`EntryScreen` of a list, made once per list."""
    found = _ENTRY_SCREENS.get(id(phrases))
    if found is None:
        found = _ENTRY_SCREENS[id(phrases)] = EntryScreen(_singles(phrases))
    return found


def _singles(phrases: PhraseList) -> list[re.Pattern[str]]:
    """Each entry of a list compiled alone, as ``PhraseList`` compiles the list."""
    flags = phrases.pattern.flags
    return [PhraseList.from_lines([e], flags=flags).pattern for e in phrases.entries]


#: Texts shorter than this are scanned plainly.  The screens read the word index,
#: built once per text and shared by every screen (and gate): on a text of a
#: few paragraphs it costs less than scanning each sentence for each list.
SCREENED_LENGTH = 800
_screened_chars = 0  # characters of the distinct texts the screens were asked about
_last_screened: str | None = None


def _worth_screening(text: str) -> bool:
    """Screen ``text``?  Like the token gate, only once a process has seen
    ``GATE_AFTER_CHARS`` of text: one short article does not pay for analysing
    the lists entry by entry."""
    global _screened_chars, _last_screened
    if text is not _last_screened:
        _last_screened = text
        _screened_chars += len(text)
    return len(text) >= SCREENED_LENGTH and _screened_chars >= GATE_AFTER_CHARS


def scan_phrases(
    phrases: PhraseList, text: str, start: int = 0, end: int | None = None
) -> Iterator[PhraseMatch]:
    """``phrases.finditer(text, start, end)``, trying only the first words of the
    entries that can match in this text (:func:`screened_matches`)."""
    end = len(text) if end is None else end
    found = screened_matches(phrases.pattern, entry_screen(phrases), text, start, end)
    if found is None:
        return phrases.finditer(text, start, end)
    return _phrase_matches(phrases, found)


def screened_matches(
    pattern: re.Pattern[str], screen: EntryScreen, text: str, start: int, end: int
) -> Iterator[re.Match[str]] | None:
    """``pattern.finditer(text, start, end)`` trying only the first words of the
    entries of ``screen`` (which ``pattern`` is the alternation of) that can match
    in this text; None when the screen cannot tell (scan plainly).

    The matches are ``matches_at``'s over those words' offsets, which hold every
    place a match can start, so they are exactly ``finditer``'s.  A match holds
    an anchor word of its entry whole, as the index keys it, unless ``end`` cuts
    that word short ("week" of "weekend"): such a range is left to ``finditer``.
    (A ``start`` inside a word cuts nothing a match can hold: every entry opens
    with a look-behind for a word character, which sees before ``start``.)"""
    if not _worth_screening(text) or (
        0 < end < len(text) and is_word(text[end - 1]) and is_word(text[end])
    ):
        return None
    positions = _screened_positions(screen, text)
    if positions is None:
        return None
    first = bisect_left(positions, start)
    if first == len(positions) or positions[first] >= end:
        return iter(())
    return matches_at(pattern, text, positions, first, end)


_last_positions: tuple[str, dict[int, list[int] | None]] = ("", {})  # a text, per screen


def _screened_positions(screen: EntryScreen, text: str) -> list[int] | None:
    """Offsets of the first words of the entries of ``screen`` that can match in
    ``text`` (None: unknown); the answers for the last text are kept, as a
    text's sentences are scanned one after another."""
    global _last_positions
    if _last_positions[0] is not text:
        _last_positions = (text, {})
    known = _last_positions[1]
    if id(screen) not in known:
        index = word_index(text)
        first = screen.first_words(index.positions.keys(), text)
        known[id(screen)] = None if first is None else index.candidates(first) if first else []
    return known[id(screen)]


def _phrase_matches(phrases: PhraseList, found: Iterable[re.Match[str]]) -> Iterator[PhraseMatch]:
    """The list's entries behind matches of its pattern (as ``PhraseList.finditer``)."""
    for m in found:
        i = phrases.entry_index(m)
        yield PhraseMatch(m.start(), m.end(), phrases.entries[i], phrases.suggestions[i])


#: Two word characters (``is_word``: ``\w`` is a letter, digit or "_" as well).
_WORD_PAIR = regex_cache.compile(r"\w\w")


def _word_cutting_sentences(doc: Document) -> tuple[int, ...]:
    """Indices of the sentences whose end falls inside a word (between two word
    characters)."""
    text, pair = doc.text, _WORD_PAIR.match
    ends = map(itemgetter(1), doc.sentences)
    return tuple(i for i, end in enumerate(ends) if end and pair(text, end - 1, end + 1))


def weasel_anchors() -> Anchors | None:
    """The anchor words of the weasel pattern (see :func:`sentences_to_scan`)."""
    return _weasel_gate().anchors


def weasel_matches(text: str, start: int, end: int) -> list[Weasel]:
    """Weasel attributions within ``text[start:end]`` (one sentence), named groups excluded."""
    out = []
    found = screened_matches(_weasel_re(), _weasel_screen(), text, start, end)
    for m in _weasel_gate().finditer(text, start, end) if found is None else found:
        if not _group_is_named(text, m, start, end):
            out.append(Weasel(m.start(), m.end(), m.group(0)))
    return out


def _group_is_named(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Does the sentence name (or refer back to) the crowd of weasel match ``m``?"""
    if m.group("people") is not None:
        return _refers_back(text, start, m.start()) or bool(
            _PEOPLE_NAMING.search(m.group("pqual") or "")
        )
    if m.group("evidence") is not None:
        return _refers_back(text, start, m.start()) or _evidence_named(text, m, start)
    if m.group("according") is not None:
        return _according_named(text, m, end)
    return False


def _evidence_named(text: str, m: re.Match[str], start: int) -> bool:
    """ "research by the ONS shows", "a 2023 Pew study found", "Gallup's survey"."""
    qual = m.group("equal") or ""
    if _EVIDENCE_NAMING.search(qual) or _institution_re().search(qual):
        return True
    mods = m.group("emods")
    if mods is None:
        return _names_in_premodifiers(text, start, m.start("enoun"))
    return bool(mods and (_YEAR.search(mods) or _CAP.search(mods)))


def _according_named(text: str, m: re.Match[str], end: int) -> bool:
    """ "according to experts at MIT", "according to its survey"."""
    qual = m.group("aqual") or ""
    mods = m.group("amods") or ""
    return bool(
        _PEOPLE_NAMING.search(qual)
        or _EVIDENCE_NAMING.search(qual)
        or _institution_re().search(qual)
        or _YEAR.search(mods)
        or _CAP.search(mods)
        or _ACCORDING_NOT_CROWD.search(mods)
        or _institution_word_re().search(mods)
        or _APPOSITIVE.match(text, m.end(), end)
    )
