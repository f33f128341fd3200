"""Screens that let a phrase scan skip what cannot match, found from the word index.

Two screens, both exact (they give what the plain scan gives):

* :class:`EntryScreen` / :func:`screened_matches`: a pattern that is an
  alternation of entries (a phrase list, ``lint.phrases.PhraseList.finditer``,
  or the weasel pattern) is tried only at the first words of the entries whose
  anchor words all occur in the text;
* :func:`sentences_to_scan`: the sentences that hold an anchor word, found at
  once from the shared word index (``lint.token_gate.word_index``), with the
  anchors chosen from counts sampled over the texts read so far
  (:class:`AnchorChoice`), for rules that scan sentence by sentence.

Both wait until a process has read ``GATE_AFTER_CHARS`` of text, and leave texts
shorter than ``SCREENED_LENGTH`` to the plain scan.  ``tests/test_phrase_screen.py``
compares them with the plain scans on the corpora and on fuzzed text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Set
from functools import cache, reduce
from itertools import product
from operator import itemgetter, or_
from typing import TYPE_CHECKING

from lint import regex_cache
from lint.pattern_words import analyse_entries
from lint.token_gate import (
    PREFIX,
    SYMBOL,
    Anchors,
    cuts_word,
    folded_windows,
    matches_at,
    warmed_up,
    word_index,
)

if TYPE_CHECKING:
    from lint.document import Document

# -- which texts are screened --------------------------------------------------------

#: Texts shorter than this are scanned plainly.  The screens read the word index,
#: built once per text and shared by every screen (and gate): on a text of a
#: few paragraphs it costs less than scanning each sentence for each list.
SCREENED_LENGTH = 800


def _worth_screening(text: str) -> bool:
    """Screen ``text``?  Like the token gate, only once the process is
    ``warmed_up``: one short article does not pay for analysing the lists entry
    by entry."""
    return len(text) >= SCREENED_LENGTH and warmed_up(text)


def screenable(text: str, end: int) -> bool:
    """May :func:`screened_matches` be asked about ``text[:end]``?  Not for a
    short text (or early in a process, :func:`_worth_screening`), nor where
    ``end`` cuts a word short ("week" of "weekend"): a match holds an anchor
    word of its entry whole, as the index keys it, unless the end of the range
    cuts that word, and such a range is left to the plain scan.  (A start
    inside a word cuts nothing a match can hold: every entry opens with a
    look-behind for a word character, which sees before the start.)"""
    return _worth_screening(text) and not cuts_word(text, end)


# -- the entry screen ----------------------------------------------------------------


class EntryScreen:
    """What each entry of a phrase list needs, to rule entries out per text.

    Each entry is written alone, as ``PhraseList`` writes the list (the same
    word boundaries around it), and analysed by ``lint.pattern_words``: its first
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

    def __init__(self, entries: list[tuple[str, int]]) -> None:
        """``entries``: each entry's pattern source and flags (analysed, not compiled)."""
        analysis = analyse_entries(entries)
        trees = [tree for _, tree in analysis]
        #: each entry's first words (None: unknown, the entry may start anywhere)
        self.firsts = [firsts for firsts, _ in analysis]
        #: Words every match of the list holds (None: not known), for
        #: :func:`sentences_to_scan`.  ``anchor_tree`` of a whole list gives up
        #: inside a shared branch of the literal trie ("this week", "the other
        #: day", "tonight" share "t"), and the words it is left with ("the",
        #: "to") are in nearly every sentence.  Taken entry by entry, every entry
        #: names words of its own; a match of the list is a match of one of its
        #: entries, so the trees of the entries, united, anchor the list.
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
        are.  A prefix key stands for any word whose key starts with it, and
        every key is a piece of the text folded as keys are
        (``lint.token_gate.folded_windows``)."""
        hit = 0
        prefixes = []
        for word, bit in self.special:
            if word[0] == PREFIX:
                prefixes.append((word[1:], bit))
            elif word[1:] in text:
                hit |= bit
        if prefixes:
            longest = max(len(p) for p, _ in prefixes)
            for folded in folded_windows(text, longest):
                hit |= sum({bit for prefix, bit in prefixes if prefix in folded})
        return hit


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


def screened_matches(
    pattern: re.Pattern[str], screen: EntryScreen, text: str, start: int, end: int
) -> Iterator[re.Match[str]] | None:
    """``pattern.finditer(text, start, end)`` trying only the first words of the
    entries of ``screen`` (which ``pattern`` is the alternation of) that can match
    in this text; None when the screen cannot tell (scan plainly).  Only for a
    range that is :func:`screenable`.

    The matches are ``matches_at``'s over those words' offsets, which hold every
    place a match can start, so they are exactly ``finditer``'s."""
    positions = _screened_positions(screen, text)
    if positions is None:
        return None
    first = bisect_left(positions, start)
    if first == len(positions) or positions[first] >= end:
        return iter(())
    return matches_at(pattern, text, positions, first, end)


def _screen_answers(text: str) -> dict[int, list[int] | None]:
    """Per text: ``id(screen)`` -> its positions (filled in by ``_screened_positions``)."""
    return {}


def _screened_positions(screen: EntryScreen, text: str) -> list[int] | None:
    """Offsets of the first words of the entries of ``screen`` that can match in
    ``text`` (None: unknown); kept with the text's word index, as a text's
    sentences are scanned one after another."""
    index = word_index(text)
    known = index.derived(_screen_answers)
    if id(screen) not in known:
        first = screen.first_words(index.positions.keys(), text)
        known[id(screen)] = None if first is None else index.candidates(first) if first else []
    return known[id(screen)]


# -- the sentence screen -------------------------------------------------------------


def sentences_to_scan(doc: Document, anchors: Anchors | frozenset[str] | None) -> list[int] | None:
    """Indices, in order, of the sentences of ``doc`` where a pattern can match
    whose every match holds one of some words: ``anchors``, a tree of such words
    (``lint.token_gate.anchor_tree``, or a list's ``screen.anchors``) or one set
    of them.  ``None`` when every sentence must be scanned (no anchors, or a
    text too short to index).

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


#: Two word characters (``is_word``: ``\w`` is a letter, digit or "_" as well).
_WORD_PAIR = regex_cache.compile(r"\w\w")


def _word_cutting_sentences(doc: Document) -> tuple[int, ...]:
    """Indices of the sentences whose end falls inside a word (between two word
    characters)."""
    text, pair = doc.text, _WORD_PAIR.match
    ends = map(itemgetter(1), doc.sentences)
    return tuple(i for i, end in enumerate(ends) if end and pair(text, end - 1, end + 1))


@cache
def _function_words() -> frozenset[str]:
    """Function words (``rules/data/kw_stopwords.txt``), costly anchors."""
    from lint.phrases import load_phrases  # lint.phrases builds on this module

    return frozenset(e.lower() for e in load_phrases("kw_stopwords").entries)


_STATIC_CHOICES: dict[int, tuple[Anchors, frozenset[str]]] = {}


def _static_choice(anchors: Anchors | frozenset[str]) -> frozenset[str]:
    """The anchor words of a tree chosen without a text (a function word only
    where there is no other), remembered per tree."""
    if not isinstance(anchors, Anchors):
        return anchors
    found = _STATIC_CHOICES.get(id(anchors))
    if found is None or found[0] is not anchors:
        function_words = _function_words()
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
