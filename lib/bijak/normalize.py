"""Fold the user's text into a matching-friendly form while remembering where each character came from.

Folding handles what people do to dodge filters (Cyrillic look-alikes, 𝐛𝐨𝐥𝐝 letters, accents,
zero-width characters) and what editors do to text (NBSP). Every normalized character keeps the span
of the original characters it came from, so a finding always underlines exactly what the user typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Look-alike letters that NFKD does not fold (Cyrillic, Greek, IPA).
HOMOGLYPHS: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ɡ": "g", "ո": "n", "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss",
}  # fmt: skip

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """The normalized form of one code point: may be empty (invisible) or longer (ligatures)."""
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me", "Cc") and char not in "\n\t":
        return ""
    if category.startswith("Z"):
        return " "
    lowered = char.lower()
    folded = "".join(HOMOGLYPHS.get(c, c) for c in lowered)
    decomposed = unicodedata.normalize("NFKD", folded)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(HOMOGLYPHS.get(c, c) for c in kept.lower())


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus, for each of its characters, the original span it came from.

    ``starts``/``ends`` are ``None`` when the mapping is the identity (plain ASCII input).
    """

    original: str
    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) back to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]


def normalize(text: str) -> Normalized:
    """Lower-case and fold ``text``; ASCII input takes a fast path with an identity map."""
    if text.isascii():
        return Normalized(text, text.lower())
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for run in _NON_ASCII_RUN.finditer(text):
        _append_ascii(text, position, run.start(), pieces, starts, ends)
        for index in range(run.start(), run.end()):
            folded = fold_char(text[index])
            pieces.append(folded)
            starts.extend([index] * len(folded))
            ends.extend([index + 1] * len(folded))
        position = run.end()
    _append_ascii(text, position, len(text), pieces, starts, ends)
    return Normalized(text, "".join(pieces), starts, ends)


def _append_ascii(
    text: str, start: int, end: int, pieces: list[str], starts: list[int], ends: list[int]
) -> None:
    if start >= end:
        return
    pieces.append(text[start:end].lower())
    starts.extend(range(start, end))
    ends.extend(range(start + 1, end + 1))
