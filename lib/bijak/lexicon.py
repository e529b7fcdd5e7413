"""Compile word sets once into lookup tables; look tokens up through their candidate roots.

Every set word is normalized and tokenized exactly like user text, so "Louis Vuitton", "LV" and
"l0uis vuitt0n" meet in the same keys. Lookup is lexicon-directed: a token's affix-stripped
candidates are tried least-stripped first, and only a candidate that is a known word counts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from . import morph
from .normalize import normalize
from .prepared import WordKeys
from .tokens import Token, Tokenizer, keep_acronyms, squeeze

# Roots shorter than this are reached only by removing suffixes ("tainya"), never prefixes:
# with no dictionary of ordinary words, "menaikkan" would otherwise reach "taik".
SHORT_ROOT = 5


@dataclass(slots=True)
class Lexicon:
    # each word's sets (a list, mostly of one: sets cost four times more); once frozen, a sorted
    # tuple shared by every word with the same sets
    single: dict[str, list[str]] | dict[str, tuple[str, ...]] = field(default_factory=dict)
    # multi-word entries as a trie by their first word, so that a token matches only the phrases
    # its roots continue (40,000 phrases; "tidak ada ..." alone starts 195 of them); built as sets
    # are added, with no second copy: in the extension every megabyte counts
    phrase_trie: dict[str, PhraseNode] = field(default_factory=dict)
    patterns: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    vocab: set[str] | frozenset[str] = field(default_factory=set)  # frozen too, for the wildcard cache
    keep: frozenset[str] = frozenset()
    abbreviations: dict[str, str] = field(default_factory=dict)
    acronyms: frozenset[str] = frozenset()
    tokenizer: Tokenizer | None = None
    # keys of every word added, given ones (computed at wheel build time) taken as they are;
    # both forgotten once frozen: 45,000 entries a built lexicon no longer needs
    word_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    known_keys: WordKeys = field(default_factory=WordKeys)

    def __post_init__(self) -> None:
        self.keep = frozenset(squeeze(word) for word in self.keep)  # compared with squeezed forms

    def add(self, set_name: str, item: str) -> None:
        """Register ``item`` (a word, a phrase or a ``re:`` pattern) as a member of ``set_name``."""
        if item.startswith("re:"):
            self.patterns[set_name].append(item[3:])
            return
        keys = self.keys_of(item)
        if not keys:
            raise ValueError(f"set {set_name}: {item!r} has no letters or emoji to match")
        self.vocab.update(keys)
        if len(keys) == 1:
            names = self.single.setdefault(keys[0], [])
            if set_name not in names:
                names.append(set_name)
        else:
            node = self.phrase_trie.setdefault(keys[0], PhraseNode())
            for word in keys[1:]:
                node = node.next.setdefault(word, PhraseNode())
            if set_name not in node.sets:
                node.sets.append(set_name)

    def keys_of(self, item: str) -> tuple[str, ...]:
        """The lookup keys of a word or phrase, as its tokens would have them."""
        keys = self.word_keys.get(item)
        if keys is None:
            keys = self.known_keys.get(item)
            if keys is None:
                if self.tokenizer is None:
                    self.tokenizer = Tokenizer(self.abbreviations)
                norm = normalize(item)
                tokens = self.tokenizer(norm.text)
                keep_acronyms(norm, tokens, self.acronyms)
                keys = tuple(t.key for t in tokens)
                self.word_keys[item] = keys  # given keys are not: 45,000 tuples at the peak
        return keys

    def freeze(self) -> None:
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct list of sets
        self.single = {  # sorted once here rather than at every look-up
            key: shared.setdefault(names, names)
            for key, names in ((key, tuple(sorted(sets))) for key, sets in self.single.items())
        }
        for node in self.phrase_trie.values():
            node.settle(shared)
        self.vocab = frozenset(self.vocab)
        self.word_keys, self.known_keys = {}, WordKeys()

    def roots(self, token: Token) -> tuple[str, ...]:
        """Every lexicon word this token may stand for, least-stripped first ("dibayar", "bayar").
        Not remembered here: the linter remembers each word form's whole look-up."""
        if token.key in self.vocab and token.kind != "word":
            return (token.key,)
        if token.kind == "hashtag":
            body = token.key[1:]
            return (body,) if body in self.vocab else ()
        if token.kind != "word":
            return ()
        return self._find_roots(token)

    def _find_roots(self, token: Token) -> tuple[str, ...]:
        if token.wildcard:
            match = self._wildcard_root(token.raw)
            return (match,) if match else ()
        found: dict[str, None] = {}
        if token.key in self.vocab:
            found[token.key] = None
        for candidate in morph.candidates(token.raw):
            key = squeeze(candidate)
            if found and not _inflected(next(iter(found))):
                break  # "pelapor" is a person, not "lapor": derivation changes the meaning
            if key in self.vocab and (len(key) >= SHORT_ROOT or token.raw.startswith(candidate)):
                found[key] = None
            if key in self.keep:
                break  # a word in its own right ("berita" in "beritamu"): a root, stripped no further
        return tuple(found)

    def _wildcard_root(self, raw: str) -> str | None:
        """"b*ngsat" is "bangsat"; "a*j*ng" may be "anjing" or "anjeng", which mean the same."""
        matches = _wildcard_matches(raw, self.vocab)  # frozen by now: hashable
        if not matches:
            return None
        meanings = {  # named sets only: a rule's own literal item ("=anjing") is no meaning
            frozenset(n for n in self.single.get(m, ()) if not n.startswith("=")) for m in matches
        }
        return matches[0] if len(meanings) == 1 else None


# shared by every leaf once settled; read-only, so a word added after ``freeze`` fails loudly
_NO_CONTINUATION: Mapping[str, PhraseNode] = MappingProxyType({})


@dataclass(slots=True)
class PhraseNode:
    """The phrases that end here (their sets) and the words that continue longer ones."""

    sets: list[str] | tuple[str, ...] = field(default_factory=list)
    next: dict[str, PhraseNode] | Mapping[str, PhraseNode] = field(default_factory=dict)

    def settle(self, shared: dict[tuple[str, ...], tuple[str, ...]]) -> None:
        """Freeze: set lists become shared tuples, and leaves share one empty continuation."""
        sets = tuple(self.sets)
        self.sets = shared.setdefault(sets, sets)
        for child in self.next.values():
            child.settle(shared)
        if not self.next:
            self.next = _NO_CONTINUATION


def _inflected(word: str) -> bool:
    """Is a listed word itself an inflected form ("dibayar", "orang2")? Then its root shares its
    meaning."""
    return (
        word.startswith(morph.INFLECTIONAL_PREFIXES)
        or word.endswith(morph.INFLECTIONAL_SUFFIXES)
        or morph.reduplicated(word)
    )


@lru_cache(maxsize=4096)
def _wildcard_matches(raw: str, vocab: frozenset[str]) -> tuple[str, ...]:
    """Vocabulary words that ``raw`` spells with each star standing for one or two letters."""
    parts = [re.escape(squeeze(p)) for p in raw.split("*")]
    if sum(len(p) for p in parts) < 3:
        return ()
    pattern = re.compile("[a-z]{1,2}".join(parts))
    return tuple(sorted(word for word in vocab if len(word) >= 4 and pattern.fullmatch(word)))
