"""A second opinion on each warning: does the text around it read like posts of its category?

Rules see a few words and their distance; an ordinary post can line those up by accident ("mobil
baru kantor ... kunci diserahkan"). A small logistic model per category, trained on the labelled
corpus (``tests/tools/train_opinion.py``), reads every word of the finding's sentence and the
sentences either side. Where that text reads less like the category than 99% of the rules' true
findings on other authors' posts, the finding drops to ``info``: still shown as a gentle nudge, no longer a
warning. On the blind sets this halved false alarms and lost no caught bad post (README).

The same model also speaks on its own, where no rule has: when the sentences around one sentence read
more like a category than any ordinary post by other authors does (held out, as above), the
category's ``opinion`` rule raises a warning there. Rules miss new phrasings; the model still knows the words.

Weights are integers (hundredths), so a score is an exact sum: the same in CPython and Pyodide
whatever order the words come in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .tokens import Token

FILE = "opinion.json"
NUMBER = "<angka>"  # every number is one feature: amounts, dates and counts alike
READ_KINDS = frozenset({"word", "hashtag"})
NEIGHBOURS = 1  # sentences read on each side of a finding's own


class OpinionError(ValueError):
    """The model file is damaged or does not fit this code."""


@dataclass(frozen=True, slots=True)
class CategoryModel:
    bias: int
    threshold: int  # the lowest score the rule's true findings reach (its 1st percentile, held out)
    weights: dict[str, int]
    alone: int | None = None  # the score from which the model warns by itself (None: never)

    def score(self, features: Iterable[str]) -> int:
        weights = self.weights
        return self.bias + sum(weights.get(f, 0) for f in features)

    def strongest(self, sentences: Sequence[set[str]]) -> tuple[int, int]:
        """The highest score of a stretch of text (a sentence and one neighbour on each side of it),
        and its middle sentence. A stretch scores the sum of its sentences' scores, so each sentence
        is scored once however long the post."""
        return _strongest_stretch(self.bias, [self.score(words) - self.bias for words in sentences])


class SecondOpinion:
    def __init__(self, data: dict[str, Any]) -> None:
        try:
            names = data["features"]
            self.categories = {
                category: CategoryModel(
                    bias=int(model["bias"]),
                    threshold=int(model["threshold"]),
                    weights=dict(
                        zip(_numbered(names, model["steps"]), map(int, model["weights"]), strict=True)
                    ),
                    alone=None if model.get("alone") is None else int(model["alone"]),
                )
                for category, model in data["categories"].items()
            }
            self.trained_on: dict[str, Any] = data["trained_on"]
            # the categories that may warn by themselves, numbered for ``_pack``
            alone = [c for c, m in self.categories.items() if m.alone is not None]
            self.lanes = {category: number for number, category in enumerate(alone)}
            self._packed: tuple[dict[str, int], int, int] | None = None
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise OpinionError(f"{FILE} does not fit this version of bijak: {error!r}") from None

    def doubts(self, category: str, features: Iterable[str]) -> bool:
        """Whether text with these features is less like ``category`` than its true findings are."""
        model = self.categories.get(category)
        return model is not None and model.score(features) < model.threshold

    def convinced(self, sentences: Sequence[set[str]], categories: Iterable[str]) -> dict[str, int]:
        """Per category (of ``categories``) whose text reads like it beyond doubt, the sentence
        (an index into ``sentences``, each one's features) where it reads so most strongly.
        The same as ``CategoryModel.strongest`` for each, with every sentence and every stretch
        scored for all the categories at once (see ``_pack``)."""
        wanted = [self.lanes[c] for c in categories if c in self.lanes]
        if not wanted or not sentences:
            return {}
        if self._packed is None:
            self._packed = _pack(self.categories, self.lanes)
        weights, base, verdict = self._packed
        sentence_sums = [_packed_score(weights, words) for words in sentences]
        stretches = []
        for middle in range(len(sentence_sums)):
            window = sentence_sums[max(0, middle - NEIGHBOURS) : middle + NEIGHBOURS + 1]
            total, count = sum(t for t, _ in window), sum(c for _, c in window)
            stretches.append(total - count * base + verdict)  # a lane: SIGN + score - alone
        sure = [lane for lane in wanted if any(s >> (LANE * lane + SIGN) & 1 for s in stretches)]
        names = list(self.lanes)
        found = {}
        for lane in sure:
            values = [(s >> (LANE * lane)) & LANE_MASK for s in stretches]
            found[names[lane]] = max(range(len(values)), key=values.__getitem__)
        return found



# Packed weights: each feature's weights for the categories that may warn alone, one 48-bit lane per
# category in one integer, each raised by OFFSET so that no lane goes negative. Adding integers adds
# every lane at once: a lane of the sum of n features is their weights' sum + n * OFFSET, exactly, as
# long as |weight| < OFFSET and n < 2**31 (far beyond the longest text a linter accepts). Taking away
# n * BASE (OFFSET in every lane) and adding VERDICT (2**SIGN + bias - alone in each lane) leaves each
# lane at 2**SIGN + score - alone: its SIGN bit is set exactly when the category is convinced, and the
# lane's value ranks stretches as their scores do.
LANE = 48
LANE_MASK = (1 << LANE) - 1
OFFSET = 1 << 16
SIGN = 46


def _pack(categories: dict[str, CategoryModel], lanes: dict[str, int]) -> tuple[dict[str, int], int, int]:
    """Packed weights by feature, BASE and VERDICT."""
    base = sum(OFFSET << (LANE * lane) for lane in lanes.values())
    packed: dict[str, int] = {}
    for category, lane in lanes.items():
        for word, weight in categories[category].weights.items():
            if not -OFFSET < weight < OFFSET:
                raise OpinionError(f"{FILE}: weight {weight} of {word!r} is out of range")
            packed[word] = packed.get(word, base) + (weight << (LANE * lane))
    verdict = 0
    for category, lane in lanes.items():
        model = categories[category]
        verdict += ((1 << SIGN) + model.bias - model.alone) << (LANE * lane)  # type: ignore[operator]
    return packed, base, verdict


def _packed_score(weights: dict[str, int], words: set[str]) -> tuple[int, int]:
    """The sum of a sentence's packed weights and how many were added: one integer sum in C
    instead of a loop over words and categories, the bulk of a lint's opinion work."""
    matched = words & weights.keys()
    return sum(map(weights.__getitem__, matched)), len(matched)


def _strongest_stretch(bias: int, partial: list[int]) -> tuple[int, int]:
    """The highest ``bias`` + sum over a sentence and one neighbour on each side, and its middle."""
    stretches = [sum(partial[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1]) for i in range(len(partial))]
    best = max(range(len(stretches)), key=stretches.__getitem__)
    return bias + stretches[best], best


def _numbered(names: list[str], steps: list[int]) -> list[str]:
    """Features stored as steps from the previous feature's number (a smaller file)."""
    number, found = 0, []
    for step in steps:
        number += step
        found.append(names[number])
    return found


@cache
def shipped() -> SecondOpinion:
    """The package's model, read once per process (every ``Linter`` shares it)."""
    try:
        data = json.loads((resources.files("bijak") / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OpinionError(f"cannot read bijak's {FILE}: {error}") from None
    return SecondOpinion(data)


def features(tokens: Sequence[Token], roots: Sequence[tuple[str, ...]], first: int, last: int) -> set[str]:
    """What the model reads in sentences ``first``..``last``: each word's form and the roots it may
    stand for, each pair of neighbouring words of one sentence, and that a number occurs."""
    found: set[str] = set()
    for _index, read in token_reads(tokens, roots, first, last):
        found.update(read)
    return found


def token_reads(
    tokens: Sequence[Token], roots: Sequence[tuple[str, ...]], first: int, last: int
) -> Iterator[tuple[int, list[str]]]:
    """What the model reads of each token of sentences ``first``..``last`` (see ``features``), by
    index: a word's pair with the word before it counts as its own."""
    previous: tuple[int, str] | None = None
    for index, (token, token_roots) in enumerate(zip(tokens, roots, strict=True)):
        if not first <= token.sentence <= last:
            continue
        if token.kind == "number":
            yield index, [NUMBER]
        if token.kind not in READ_KINDS:
            continue
        word = token_roots[-1] if token_roots else token.key
        read = [*token_roots, token.key]
        if previous is not None and previous[0] == token.sentence:
            read.append(f"{previous[1]} {word}")
        previous = (token.sentence, word)
        yield index, read


def weightiest(weights: Sequence[int], most: int) -> tuple[int, int] | None:
    """The run of at most ``most`` neighbouring tokens whose ``weights`` add up highest, from and
    to a token that weighs for the category (first and last index); None when none does. The
    earliest and shortest such run wins a tie."""
    best: tuple[int, int, int] | None = None
    for start, weight in enumerate(weights):
        if weight <= 0:
            continue
        total = 0
        for end in range(start, min(start + most, len(weights))):
            total += weights[end]
            if weights[end] > 0 and (best is None or total > best[0]):
                best = (total, start, end)
    return None if best is None else (best[1], best[2])


def around(sentences: Iterable[int]) -> tuple[int, int]:
    """The sentences read for a finding whose words lie in ``sentences``."""
    numbers = list(sentences)
    return min(numbers) - NEIGHBOURS, max(numbers) + NEIGHBOURS
