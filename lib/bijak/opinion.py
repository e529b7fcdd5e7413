"""A second opinion on each warning: does the text around it read like posts of its category?

Rules see a few words and their distance; an ordinary post can line those up by accident ("mobil
baru kantor ... kunci diserahkan"). A small logistic model per category, trained on the labelled
corpus (``tests/tools/train_opinion.py``), reads every word of the finding's sentence and the
sentences either side. Where that text reads less like the category than 99% of the rules' true
findings on other authors' posts, the finding drops to ``info``: still shown as a gentle nudge, no longer a
warning. On the blind sets this halved false alarms and lost no caught bad post (README).

Weights are integers (hundredths), so a score is an exact sum: the same in CPython and Pyodide
whatever order the words come in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
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

    def score(self, features: Iterable[str]) -> int:
        weights = self.weights
        return self.bias + sum(weights.get(f, 0) for f in features)


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
                )
                for category, model in data["categories"].items()
            }
            self.trained_on: dict[str, Any] = data["trained_on"]
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise OpinionError(f"{FILE} does not fit this version of bijak: {error!r}") from None

    def doubts(self, category: str, features: Iterable[str]) -> bool:
        """Whether text with these features is less like ``category`` than its true findings are."""
        model = self.categories.get(category)
        return model is not None and model.score(features) < model.threshold


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
    previous: tuple[int, str] | None = None
    for token, token_roots in zip(tokens, roots, strict=True):
        if not first <= token.sentence <= last:
            continue
        if token.kind == "number":
            found.add(NUMBER)
        if token.kind not in READ_KINDS:
            continue
        found.update(token_roots)
        found.add(token.key)
        word = token_roots[-1] if token_roots else token.key
        if previous is not None and previous[0] == token.sentence:
            found.add(f"{previous[1]} {word}")
        previous = (token.sentence, word)
    return found


def around(sentences: Iterable[int]) -> tuple[int, int]:
    """The sentences read for a finding whose words lie in ``sentences``."""
    numbers = list(sentences)
    return min(numbers) - NEIGHBOURS, max(numbers) + NEIGHBOURS
