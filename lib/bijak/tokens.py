"""Split normalized text into tokens whose *keys* undo common obfuscations.

A token keeps its span in the normalized text; its key is what lexicons are matched against:
leetspeak decoded ("4nj1ng" -> "anjing"), letter runs squeezed ("mewaaah" -> "mewah"), known
abbreviations expanded ("yg" -> "yang"), spaced or dotted letters joined ("g.o.b.l.o.k").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .normalize import Normalized

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff"
TOKEN = re.compile(
    rf"(?P<mention>(?<![\w@])@[a-z0-9_.]*[a-z0-9_])"
    rf"|(?P<hashtag>#[^\W_][\w]*)"
    rf"|(?P<word>[\w@$*]*[^\W\d_][\w@$*]*|\d+(?:[.,]\d+)*)"
    rf"|(?P<emoji>[{EMOJI}])"
)
# A full stop after a title or an initial ("dr. Ratna", "E. coli", "Jl. Merdeka") ends no sentence.
TITLES = ("[a-z]", "dr", "drs", "ir", "prof", "hj", "no", "jl", "kab", "kec", "st", "sdr", "bpk",
          "ybs", "dll", "dsb", "spt", "tsb")  # fmt: skip
# The dot is matched first and the titles are checked behind it, so the look-behinds run only at dots.
_NOT_AFTER = "".join(rf"(?<!\b{a}\.)" for a in TITLES)
# Emoji right after the end of a sentence ("Kok bisa? 😡") belong to that sentence: the boundary
# is placed after them.
SENTENCE_END = re.compile(
    rf"(?:\.{_NOT_AFTER}\.*|[!?]+[.!?]*)(?P<tail>(?:[ \t]*[{EMOJI}\ufe0f\u200d]+)*)(?=\s|$)|\n"
)
_RUN = re.compile(r"(.)\1+")
_STRETCHED = re.compile(r"(.)\1\1")
_SPACED_GAP = frozenset(" .-_*")


@dataclass(slots=True)
class Token:
    start: int  # span in the normalized text
    end: int
    raw: str  # de-leeted surface, used for affix stripping
    key: str  # squeezed, abbreviation-expanded form, used for lookups
    kind: str  # word | mention | hashtag | emoji | number
    sentence: int = 0

    @property
    def wildcard(self) -> bool:
        return "*" in self.raw


def squeeze(word: str) -> str:
    """Collapse letter runs: "mewaaahhh" -> "mewah". Lexicons are stored squeezed too.
    A word that is one letter doubled stays whole: "KK" (Kartu Keluarga) is no "k"."""
    squeezed = _RUN.sub(r"\1", word)
    return word if len(squeezed) == 1 < len(word) else squeezed


def deleet(word: str) -> str:
    """Decode leetspeak only in words that are mostly letters, so "800jt" and "10k" stay numbers."""
    if word.isalpha():
        return word
    letters = sum(c.isalpha() for c in word)
    others = sum(c.isdigit() or c in "@$" for c in word)
    if others and letters >= others:
        return word.translate(LEET)
    return word


class Tokenizer:
    """Tokenizes normalized text; remembers each distinct surface form, since words repeat a lot."""

    MAX_CACHE = 200_000

    def __init__(self, abbreviations: dict[str, str] | None = None) -> None:
        self.abbreviations = abbreviations or {}
        self._cache: dict[tuple[str | None, str], tuple[int, str, str, str, int]] = {}

    def __call__(self, text: str) -> list[Token]:
        """Tokens of the normalized ``text`` in order, with sentence numbers for windowed matching."""
        return self.split(text)[0]

    def split(self, text: str) -> tuple[list[Token], list[int]]:
        """Tokens, and the offsets where sentences end."""
        cache = self._cache
        if len(cache) > self.MAX_CACHE:
            cache.clear()
        tokens = []
        spaced = False
        for match in TOKEN.finditer(text):
            surface = match.group()
            entry = cache.get((match.lastgroup, surface))
            if entry is None:
                entry = cache[(match.lastgroup, surface)] = self._analyse(match.lastgroup, surface)
            lead, raw, key, kind, length = entry
            start = match.start() + lead
            tokens.append(Token(start, start + length, raw, key, kind))
            spaced = spaced or (length == 1 and kind == "word")
        if spaced:
            tokens = _join_spaced_letters(text, tokens)
        return tokens, _number_sentences(text, tokens)

    def _analyse(self, kind: str | None, surface: str) -> tuple[int, str, str, str, int]:
        """(offset of the kept part, raw, key, kind, length) for one surface form."""
        kind = kind or "word"
        lead = 0
        if kind == "word":
            stripped = surface.strip("*")
            lead = len(surface) - len(surface.lstrip("*"))
            surface = stripped
            if surface[:1].isdigit() and not any(c.isalpha() for c in surface):
                kind = "number"
        raw = deleet(surface) if kind == "word" else surface
        key = squeeze(raw) if kind == "word" else raw
        expanded = self.abbreviations.get(raw)  # "tpp" is not "tp" (tapi): only stretched words
        if expanded is None:  # ("yggg", "gaaak") are read through their squeezed form
            expanded = self.abbreviations.get(key, key) if _STRETCHED.search(raw) else key
        return lead, raw, expanded, kind, len(surface)


def keep_acronyms(norm: Normalized, tokens: list[Token], acronyms: frozenset[str]) -> None:
    """An abbreviation typed in capitals that is also a name ("BKN", the civil service agency)
    is that name, not slang ("bkn", bukan): its key stays the word itself. Set words go through
    this too, so "ruang TU" in a pack meets "ruang TU" in a post."""
    for token in tokens:
        if token.raw in acronyms:
            start, end = norm.to_original(token.start, token.end)
            if norm.original[start:end].isupper():
                token.key = squeeze(token.raw)


def tokenize(text: str, abbreviations: dict[str, str] | None = None) -> list[Token]:
    """Tokens of the normalized ``text``; for repeated use keep a ``Tokenizer``."""
    return Tokenizer(abbreviations)(text)


def _join_spaced_letters(text: str, tokens: list[Token]) -> list[Token]:
    """Merge letters spelled out one by one: "a n j i n g", "g.o.b.l.o.k", "l.o".

    The separator must stay the same through a run, so "a.w.a.s l.o" stays two words; a run needs
    three letters when spaces separate them ("a b" is too common) and two with dots, dashes or stars.
    """
    joined: list[Token] = []
    index = 0
    while index < len(tokens):
        end, gap = index, ""
        while end + 1 < len(tokens) and _single_letter(tokens[end]) and _single_letter(tokens[end + 1]):
            between = text[tokens[end].end : tokens[end + 1].start]
            if len(between) != 1 or between not in _SPACED_GAP or (gap and between != gap):
                break
            gap, end = between, end + 1
        if end - index >= (2 if gap == " " else 1):
            letters = "".join(t.raw for t in tokens[index : end + 1])
            joined.append(Token(tokens[index].start, tokens[end].end, letters, squeeze(letters), "word"))
            index = end + 1
        else:
            joined.append(tokens[index])
            index += 1
    return joined


def _single_letter(token: Token) -> bool:
    return token.kind == "word" and len(token.raw) == 1


def _number_sentences(text: str, tokens: list[Token]) -> list[int]:
    boundaries = [m.end() if m.group("tail") else m.start() for m in SENTENCE_END.finditer(text)]
    for token in tokens:
        token.sentence = bisect.bisect_left(boundaries, token.start)
    return boundaries
