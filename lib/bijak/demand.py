"""Which of a post's possible patterns are worth running: those whose hits could change a finding.

Running regular expressions is the dearest step of linting, and most patterns that a post's
literals make possible feed rules that cannot fire anyway: a rule needs every signal group to hit,
and the post's words usually leave one group empty. Before any pattern runs, each group is
over-approximated: it *may* hit when one of its sets has a token hit or one of its patterns is
possible. Only the patterns of rules that pass, of the suppression cues and of the senses that
may clean what those rules see are run. Since every skipped pattern belongs only to rules that
cannot fire, findings are exactly those of running them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol


class SignalLike(Protocol):
    sets: tuple[str, ...]
    patterns: tuple[str, ...]


class Reach:
    """Everything a signal may draw hits from: its sets with the sets they include, and every
    pattern of those sets or of the signal itself."""

    __slots__ = ("patterns", "sets")

    def __init__(self, sets: frozenset[str], patterns: frozenset[str]) -> None:
        self.sets = sets
        self.patterns = patterns

    def may_hit(self, token_sets: set[str], possible: set[str]) -> bool:
        return not self.sets.isdisjoint(token_sets) or not self.patterns.isdisjoint(possible)


class Demand:
    """Built once per linter from its rules and senses; ``needed`` is then a few set operations."""

    def __init__(
        self,
        rules: Iterable[tuple[Iterable[SignalLike], Iterable[SignalLike]]],
        senses: Iterable[tuple[Iterable[str], SignalLike]],
        cues: Iterable[str],
        set_patterns: Mapping[str, Iterable[str]],
        include_closure: Mapping[str, Iterable[str]],
    ) -> None:
        """``rules``: per rule, its signal groups and its other signals (exceptions, escalation);
        ``senses``: the sets each sense cleans and its cue signal; ``cues``: sets every rule's
        suppression reads (negation, condemnation, reported speech)."""
        self._set_patterns = set_patterns
        self._include_closure = include_closure
        self.rules: list[tuple[tuple[Reach, ...], frozenset[str]]] = []  # later groups, all patterns
        self.by_set: dict[str, list[int]] = {}
        self.by_pattern: dict[str, list[int]] = {}
        for number, (groups, others) in enumerate(rules):
            reaches = tuple(self.reach(g.sets, g.patterns) for g in groups)
            everything = [*reaches, *(self.reach(s.sets, s.patterns) for s in others)]
            self.rules.append((reaches[1:], frozenset().union(*(r.patterns for r in everything))))
            for name in reaches[0].sets:
                self.by_set.setdefault(name, []).append(number)
            for pattern in reaches[0].patterns:
                self.by_pattern.setdefault(pattern, []).append(number)
        self.senses = [  # only senses whose cues need patterns matter here
            (self.reach(cleaned, ()), cue_patterns)
            for cleaned, cue in senses
            if (cue_patterns := self.reach(cue.sets, cue.patterns).patterns)
        ]
        self.cue_patterns = self.reach(cues, ()).patterns

    def reach(self, sets: Iterable[str], patterns: Iterable[str]) -> Reach:
        names = {n for name in sets for n in (name, *self._include_closure.get(name, ()))}
        found = {p for name in names for p in self._set_patterns.get(name, ())}
        return Reach(frozenset(names), frozenset(found.union(patterns)))

    def needed(self, token_sets: set[str], possible: set[str]) -> tuple[list[int], set[str]]:
        """The rules that may fire (by number, ascending) and the ``possible`` patterns to run,
        given the sets that have token hits."""
        by_set, by_pattern = self.by_set, self.by_pattern
        candidates = {n for name in token_sets & by_set.keys() for n in by_set[name]}
        candidates.update(n for pattern in possible & by_pattern.keys() for n in by_pattern[pattern])
        feasible: list[int] = []
        wanted: set[str] = set()
        for number in sorted(candidates):  # the first group may hit: that is how it was found
            later, patterns = self.rules[number]
            for reach in later:
                if not reach.may_hit(token_sets, possible):
                    break  # this group cannot hit, so the rule cannot fire
            else:
                feasible.append(number)
                wanted |= patterns
        if not feasible:
            return feasible, wanted  # no rule can fire: nothing needs running
        wanted |= self.cue_patterns
        for cleaned, cue_patterns in self.senses:
            if cleaned.may_hit(token_sets, possible):
                wanted |= cue_patterns
        return feasible, wanted & possible
