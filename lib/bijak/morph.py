"""Indonesian affix stripping that proposes candidate roots for a word.

The engine checks the candidates against its own lexicons, least-stripped first (lexicon-directed
stemming), so over-eager candidates are harmless: they only count when they are a word we look for.
Covers prefixes (meN-, peN- with nasal assimilation, di-, ter-, ber-, ke-, se-, per-), colloquial
Jakarta forms (nge-, ny-, -in), suffixes (-kan, -i, -an), clitics and particles (-nya, -ku, -mu,
-lah, -kah, -pun) and reduplication ("pamer2").
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_ROOT = 3  # shorter stems are noise: "di" + "a" is not a word we want to find
MIN_AFFIXED_ROOT = 4  # a root reached through a prefix must be at least this long
MIN_COLLOQUIAL_ROOT = 5  # bare nasals (n-, m-, ny-, ng-) are rare and risky: "naik" is not "taik"
BARE_NASALS = ("ny", "ng", "m", "n")

# Affixes that inflect a word without changing what it denotes ("dibayar" is still "bayar"),
# unlike derivation ("pelapor" is a person, "lapor" an act).
INFLECTIONAL_PREFIXES = ("di", "me", "ter", "nge", "ny")
INFLECTIONAL_SUFFIXES = ("kan", "in", "nya", "ku", "mu", "lah", "kah", "pun")

PARTICLES = ("lah", "kah", "tah", "pun")
CLITICS = ("nya", "ku", "mu", "lu", "lo")
DERIVATIONAL = ("kan", "in", "an", "i")

# prefix -> replacements for the root's lost first letter (nasal assimilation)
NASAL_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("menge", ("",)),
    ("meny", ("s", "c")),
    ("meng", ("", "k")),
    ("mem", ("p", "", "b")),
    ("men", ("t", "", "c", "d", "j")),
    ("me", ("",)),
    ("penge", ("",)),
    ("peny", ("s", "c")),
    ("peng", ("", "k")),
    ("pem", ("p", "", "b")),
    ("pen", ("t", "", "c", "d", "j")),
    ("nge", ("",)),
    ("ny", ("s", "c")),
    ("ng", ("", "k")),
    ("m", ("p",)),
    ("n", ("t",)),
)
PLAIN_PREFIXES = ("diper", "memper", "ber", "bel", "be", "ter", "per", "pe", "di", "ke", "se", "ke")

_REDUPLICATION = re.compile(r"^(.+?)(?:2|\-\1)$")


@lru_cache(maxsize=65536)
def candidates(word: str) -> tuple[str, ...]:
    """Possible roots of ``word``, the word itself first, then increasingly stripped forms."""
    seen: dict[str, None] = {word: None}
    base = _unreduplicate(word)
    seen.setdefault(base, None)
    for suffixed in _strip_suffixes(base):
        # reduplication inside the suffixes: "berkas2nya", "foto2mu", "dipamer2kan"
        for stem in dict.fromkeys((suffixed, _unreduplicate(suffixed))):
            if len(stem) >= MIN_ROOT:
                seen.setdefault(stem, None)
            for root in _strip_prefixes(stem):
                if len(root) >= MIN_AFFIXED_ROOT:
                    seen.setdefault(root, None)
    return tuple(seen)


def reduplicated(word: str) -> bool:
    """"orang2", "anak-anak": a plural or intensive form that means what its base means."""
    return _unreduplicate(word) != word


def _unreduplicate(word: str) -> str:
    match = _REDUPLICATION.match(word)
    return match.group(1) if match else word


def _strip_suffixes(word: str) -> list[str]:
    """The word and every suffix-stripped form: particle, then clitic, then derivational suffix."""
    forms = [word]
    for layer in (PARTICLES, CLITICS, DERIVATIONAL):
        for form in list(forms):
            for suffix in layer:
                if form.endswith(suffix) and len(form) - len(suffix) >= MIN_ROOT:
                    forms.append(form[: -len(suffix)])
    return forms


def _strip_prefixes(word: str, depth: int = 2) -> list[str]:
    """Roots reachable by removing up to ``depth`` prefixes, restoring assimilated nasals."""
    if depth == 0:
        return []
    roots: list[str] = []
    for prefix, restorations in NASAL_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest and _starts_with_vowel_or_allowed(prefix, rest):
            shortest = MIN_COLLOQUIAL_ROOT if prefix in BARE_NASALS else MIN_AFFIXED_ROOT
            roots.extend(letter + rest for letter in restorations if len(letter + rest) >= shortest)
    for prefix in PLAIN_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ROOT:
            rest = word[len(prefix) :]
            roots.append(rest)
            roots.extend(_strip_prefixes(rest, depth - 1))
    return roots


def _starts_with_vowel_or_allowed(prefix: str, rest: str) -> bool:
    """meN- keeps its nasal only before certain letters; that rules out most false splits."""
    vowel = rest[0] in "aiueo"
    if prefix == "m" and rest.startswith(("em", "en")):
        return False  # "membantu", "menolong": formal meN-, not colloquial m- ("mukul") before pe-
    if prefix in ("m", "n", "ny"):
        return vowel
    if prefix in ("mem", "pem"):
        return vowel or rest[0] in "bfpv"
    if prefix in ("men", "pen"):
        return vowel or rest[0] in "cdjtz"
    if prefix in ("meng", "peng", "ng"):
        return vowel or rest[0] in "ghk"
    return True
