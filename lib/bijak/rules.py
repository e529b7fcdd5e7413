"""Rule packs: TOML files under ``bijak/rules`` that a policy officer can read and extend.

A pack declares named word sets, disambiguation senses and rules. A rule is a list of *signal
groups* that must all occur within a window of tokens: one group is a lexicon rule, a group holding a
``re:`` item is a pattern rule, two or more groups are a combo, and ``requires`` makes it a context rule.
See ``rules/README.md`` for the schema.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from . import prepared
from .findings import CATEGORIES, Severity

CONTEXT_FLAGS = frozenset(
    {"working_hours", "election_window", "sensitive_period", "personal_account", "official_account"}
)
# How far apart in sentences a rule's signals may be: the same sentence, the sentence just before or
# after too (a threat often states its condition in one sentence and its harm in the next), the post.
SCOPES = ("sentence", "adjacent", "post")
SENSE_SCOPES = ("sentence", "adjacent")
ANYWHERE_WINDOWS = ("sentence", "post")  # a group's window may be one of these, not a token count
RULE_KEYS = frozenset(
    {
        "id", "severity", "signals", "window", "scope", "ordered", "chain", "distinct", "negatable",
        "unless_near", "unless_window", "unless_post", "requires", "escalate", "message", "message_en",
        "suggestion", "suggestion_en", "reference", "examples", "category", "opinion",
    }
)  # fmt: skip
# An ``opinion`` rule has no signals: the second opinion (``bijak.opinion``) raises it where the text
# reads like its category beyond doubt and no rule of the category has spoken.
OPINION_RULE_KEYS = frozenset(
    {"id", "severity", "opinion", "message", "message_en", "suggestion", "suggestion_en", "reference",
     "examples", "category"}
)  # fmt: skip


class RulePackError(ValueError):
    """A rule pack that does not follow the schema; names the pack and the rule."""


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example; context and config let context rules show their examples too."""

    text: str
    context: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def parse(cls, raw: str | dict[str, Any]) -> Example:
        if isinstance(raw, str):
            return cls(raw)
        # deep copies: an example's config is the caller's to change, and configs nest lists
        return cls(raw["text"], copy.deepcopy(raw.get("context", {})), copy.deepcopy(raw.get("config", {})))


@dataclass(frozen=True, slots=True)
class Escalation:
    severity: Severity
    near: tuple[str, ...] = ()
    when: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: Severity
    signals: tuple[tuple[str, ...], ...]
    message: str
    message_en: str
    suggestion: str
    suggestion_en: str
    reference: str
    window: int = 6
    scope: str = "sentence"
    # per group after the first: tokens from the first group's hit, or "sentence"/"post" (anywhere
    # in the first hit's sentence / in the post); empty: ``window`` for every group
    windows: tuple[int | str, ...] = ()
    # the other groups' hits must come after the first group's (in a chain, the previous group's);
    # or one flag per group after the first: [true, false] orders only the second group
    ordered: bool | tuple[bool, ...] = False
    # each group after the second is measured from the previous group's hit, not the first's:
    # "aku tahu ... (2 tokens) ... rumahmu ... (3 tokens) ... malam ini" reads as one chain
    chain: bool = False
    # every group's hit a token of its own: "Pajero Sport" is not a brand twice, "sampah" not both
    # the insult and its target
    distinct: bool = False
    # True: a negator just before the earliest member cancels; "first-group": only one just before
    # the first group's hit ("kalau nggak mau nemuin kita, sekap aja": the condition's negator
    # does not cancel the call)
    negatable: bool | str = True
    unless_near: tuple[str, ...] = ()
    # how far from a member ``unless_near`` looks, in tokens and within the member's own sentence;
    # None: the rule's window, and the neighbouring sentences too for an adjacent rule
    unless_window: int | None = None
    unless_post: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    escalate: tuple[Escalation, ...] = ()
    examples_bad: tuple[Example, ...] = ()
    examples_good: tuple[Example, ...] = ()
    opinion: bool = False  # raised by the second opinion, not by signals (see OPINION_RULE_KEYS)

    @property
    def kind(self) -> str:
        """Vale-style kind, for ``bijak rules``: terms, pattern, combo, context or opinion."""
        if self.opinion:
            return "opinion"
        if self.requires:
            return "context"
        if len(self.signals) > 1:
            return "combo"
        return "pattern" if any(i.startswith("re:") for i in self.signals[0]) else "terms"


@dataclass(frozen=True, slots=True)
class Sense:
    """A reading that takes ``words`` out of ``sets`` when a cue is near ("daging babi"), or, with
    ``only_near``, when none is: the word counts only in the cue's company ("kursi" is a seat in
    parliament only near election words)."""

    words: tuple[str, ...]
    sets: tuple[str, ...]
    near: tuple[str, ...]
    window: int = 3
    scope: str = "sentence"  # or "adjacent": a cue in the sentence before or after counts too
    only_near: bool = False


@dataclass(slots=True)
class RuleBook:
    rules: list[Rule] = field(default_factory=list)
    sets: dict[str, list[str]] = field(default_factory=dict)
    senses: list[Sense] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)
    keep: set[str] = field(default_factory=set)
    # abbreviations that, typed in capitals, are names: "BKN" is the agency, not "bkn" (bukan)
    acronyms: set[str] = field(default_factory=set)
    # titles before one part of a configured candidate's name ("Pak Budi" for "Budi Santoso")
    candidate_titles: list[str] = field(default_factory=list)
    # (pack, set, words) a pack adds to a set defined in another pack ("[extend]")
    extensions: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def load_rulebook(start_up: prepared.Prepared | None = None) -> RuleBook:
    """All packs shipped in the package, validated; set references are checked across packs.
    ``start_up``: the wheel's prepared results, read afresh unless given."""
    return rulebook_from_packs(pack_texts(), prepared.shipped() if start_up is None else start_up)


def pack_texts() -> list[tuple[str, str]]:
    """``(file name, TOML text)`` of every shipped pack, in name order."""
    folder = resources.files("bijak") / "rules"
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    return [(e.name, e.read_text(encoding="utf-8")) for e in entries]


def rulebook_from_packs(
    packs: Iterable[tuple[str, str]], start_up: prepared.Prepared | None = None
) -> RuleBook:
    """A rule book from ``(name, toml_text)`` pairs: the shipped packs, or a test's own."""
    book = RuleBook()
    start_up = start_up or prepared.Prepared()
    for name, text in packs:
        try:
            data = start_up.pack(text)  # parsed at wheel build time, if shipped
        except tomllib.TOMLDecodeError as error:
            raise RulePackError(f"{name}: not valid TOML: {error}") from None
        _add_pack(book, name, data)
    _apply_extensions(book)
    _check_references(book)
    return book


def _add_pack(book: RuleBook, name: str, data: dict[str, Any]) -> None:
    category = data.get("category")
    for set_name, words in data.get("sets", {}).items():
        if set_name in book.sets:
            raise RulePackError(f"{name}: set {set_name!r} is defined twice")
        book.sets[set_name] = [str(w) for w in words]
    for set_name, words in data.get("extend", {}).items():
        book.extensions.append((name, set_name, [str(w) for w in words]))
    book.abbreviations.update(data.get("abbreviations", {}))
    book.keep.update(data.get("stems", {}).get("keep", []))
    book.acronyms.update(str(w).lower() for w in data.get("acronyms", {}).get("names", []))
    book.candidate_titles += [str(w) for w in data.get("candidates", {}).get("titles", [])]
    for sense in data.get("sense", []):
        book.senses.append(_parse_sense(name, sense))
    for raw in data.get("rule", []):
        book.rules.append(_parse_rule(name, raw, category))


SENSE_KEYS = frozenset({"words", "sets", "near", "window", "scope", "only_near"})


def _parse_sense(pack: str, raw: dict[str, Any]) -> Sense:
    where = f"{pack}: sense {raw.get('words', '?')}"
    unknown = set(raw) - SENSE_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("words", "sets", "near"):
        value = raw.get(key)
        if not value or not isinstance(value, list):
            raise RulePackError(f"{where}: {key} must be a non-empty list")
    scope = raw.get("scope", "sentence")
    if scope not in SENSE_SCOPES:
        raise RulePackError(f"{where}: scope must be sentence or adjacent")
    window = raw.get("window", 3)
    if not _token_count(window):
        raise RulePackError(f"{where}: window must be a whole number of tokens")
    only_near = raw.get("only_near", False)
    if not isinstance(only_near, bool):
        raise RulePackError(f"{where}: only_near must be true or false")
    words, sets, near = (tuple(str(item) for item in raw[key]) for key in ("words", "sets", "near"))
    return Sense(words, sets, near, window, scope, only_near)


def _apply_extensions(book: RuleBook) -> None:
    """A pack may add words to a shared set (``negasi``) or another pack's set without editing it;
    what it extends must exist once every pack is read."""
    for pack, set_name, words in book.extensions:
        if set_name not in book.sets:
            raise RulePackError(f"{pack}: [extend] names unknown set {set_name!r}")
        book.sets[set_name].extend(w for w in words if w not in book.sets[set_name])


def _parse_rule(pack: str, raw: dict[str, Any], category: str | None) -> Rule:
    rule_id = raw.get("id", "?")
    where = f"{pack}: rule {rule_id}"
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown keys {sorted(unknown)}")
    category = raw.get("category", category)
    if category not in CATEGORIES:
        raise RulePackError(f"{where}: unknown category {category!r}")
    opinion = _parse_flag(where, "opinion", raw.get("opinion", False))
    if opinion and set(raw) - OPINION_RULE_KEYS:
        raise RulePackError(f"{where}: an opinion rule has no {sorted(set(raw) - OPINION_RULE_KEYS)}")
    signals = tuple(tuple(group) for group in raw.get("signals", []))
    if not opinion and (not signals or not all(signals)):
        raise RulePackError(f"{where}: needs at least one non-empty signal group")
    requires = tuple(raw.get("requires", ()))
    if set(requires) - CONTEXT_FLAGS:
        raise RulePackError(f"{where}: unknown context flags {sorted(set(requires) - CONTEXT_FLAGS)}")
    examples = raw.get("examples", {})
    if not examples.get("bad") or not examples.get("good"):
        raise RulePackError(f"{where}: every rule needs examples.bad and examples.good")
    for key in ("message", "message_en", "suggestion", "suggestion_en", "reference"):
        if not raw.get(key):
            raise RulePackError(f"{where}: missing {key}")
    scope = raw.get("scope", "sentence")
    if scope not in SCOPES:
        raise RulePackError(f"{where}: scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    window, windows = _parse_windows(where, raw.get("window", 6), len(signals))
    return Rule(
        id=rule_id,
        category=category,
        severity=Severity.parse(raw.get("severity", "")),
        signals=signals,
        message=raw["message"],
        message_en=raw["message_en"],
        suggestion=raw["suggestion"],
        suggestion_en=raw["suggestion_en"],
        reference=raw["reference"],
        window=window,
        scope=scope,
        windows=windows,
        ordered=_parse_ordered(where, raw.get("ordered", False), len(signals)),
        chain=_parse_chain(where, raw.get("chain", False), len(signals)),
        distinct=_parse_flag(where, "distinct", raw.get("distinct", False)),
        negatable=_parse_negatable(where, raw.get("negatable", True)),
        unless_near=tuple(raw.get("unless_near", ())),
        unless_window=_parse_unless_window(where, raw.get("unless_window")),
        unless_post=tuple(raw.get("unless_post", ())),
        requires=requires,
        escalate=tuple(_parse_escalation(where, e) for e in raw.get("escalate", ())),
        examples_bad=tuple(Example.parse(e) for e in examples["bad"]),
        examples_good=tuple(Example.parse(e) for e in examples["good"]),
        opinion=opinion,
    )


def _parse_ordered(where: str, raw: Any, groups: int) -> bool | tuple[bool, ...]:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, list) and len(raw) == groups - 1 and all(isinstance(flag, bool) for flag in raw):
        return tuple(raw)
    raise RulePackError(
        f"{where}: ordered must be true, false or a list of one flag per signal group after the first"
        f" ({groups - 1})"
    )


def _parse_flag(where: str, key: str, raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise RulePackError(f"{where}: {key} must be true or false")
    return raw


def _parse_chain(where: str, raw: Any, groups: int) -> bool:
    """A chain needs a third group: with two, every group is measured from the first anyway."""
    _parse_flag(where, "chain", raw)
    if raw and groups < 3:
        raise RulePackError(f"{where}: chain needs at least three signal groups")
    return raw


def _parse_windows(where: str, raw: Any, groups: int) -> tuple[int, tuple[int | str, ...]]:
    """``window`` is a token count or "sentence"/"post" for every group, or a list with one entry per
    group after the first; the rule's own window (for ``unless_near`` and escalation) is then the
    largest count (6 when there is none)."""
    anywhere = ", ".join(ANYWHERE_WINDOWS)
    if raw in ANYWHERE_WINDOWS:  # every group anywhere in the first hit's sentence, or in the post
        return 6, (raw,) * (groups - 1)
    if _token_count(raw):
        return raw, ()
    if not isinstance(raw, list):
        raise RulePackError(f"{where}: window must be a token count, one of {anywhere}, or a list")
    if len(raw) != groups - 1 or not all(w in ANYWHERE_WINDOWS or _token_count(w) for w in raw):
        raise RulePackError(
            f"{where}: window list needs one entry per signal group after the first "
            f"({groups - 1}), each a token count or one of {anywhere}"
        )
    counts = [w for w in raw if isinstance(w, int)]
    return (max(counts) if counts else 6), tuple(raw)


def _parse_negatable(where: str, raw: Any) -> bool | str:
    if isinstance(raw, bool) or raw == "first-group":
        return raw
    raise RulePackError(f'{where}: negatable must be true, false or "first-group"')


def _parse_unless_window(where: str, raw: Any) -> int | None:
    if raw is None or _token_count(raw):
        return raw
    raise RulePackError(f"{where}: unless_window must be a token count")


def _token_count(value: Any) -> bool:
    """A window in tokens: a whole number from 0 (TOML's true/false are no counts)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _parse_escalation(where: str, raw: dict[str, Any]) -> Escalation:
    when = raw.get("when", "")
    if when and when not in CONTEXT_FLAGS:
        raise RulePackError(f"{where}: escalate.when {when!r} is not a context flag")
    return Escalation(Severity.parse(raw["severity"]), tuple(raw.get("near", ())), when)


def _check_references(book: RuleBook) -> None:
    ids = [r.id for r in book.rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RulePackError(f"rule ids defined twice: {sorted(duplicates)}")
    opinions = [r.category for r in book.rules if r.opinion]
    twice = sorted({c for c in opinions if opinions.count(c) > 1})
    if twice:
        raise RulePackError(f"more than one opinion rule for {twice}")
    for rule in book.rules:
        items = [i for g in rule.signals for i in g] + list(rule.unless_near + rule.unless_post)
        items += [i for e in rule.escalate for i in e.near]
        _check_set_names(book, f"rule {rule.id}", items)
    for name, words in book.sets.items():
        _check_set_names(book, f"set {name}", words)
    for sense in book.senses:
        owner = f"sense {list(sense.words)}"
        _check_set_names(book, owner, [*sense.near, *(f"@{name}" for name in sense.sets)])
    unexpanded = sorted(book.acronyms - book.abbreviations.keys())
    if unexpanded:
        raise RulePackError(
            f"acronym {unexpanded[0]!r} is not an abbreviation: only abbreviations are expanded"
        )


def _check_set_names(book: RuleBook, owner: str, items: Iterable[str]) -> None:
    """Every ``@name`` among ``items`` names a set of some pack or a built-in one."""
    for item in items:
        if item.startswith("@") and item[1:] not in book.sets and item[1:] not in BUILTIN_SETS:
            raise RulePackError(f"{owner}: unknown set {item}")


# Sets filled at lint time from the token stream or from the agency's configuration.
BUILTIN_SETS = frozenset(
    {"_mention", "_hashtag", "_number", "_kapital", "calon", "tagar_kampanye", "kode_rahasia"}
)
