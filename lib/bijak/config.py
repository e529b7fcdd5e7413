"""Configuration: per-agency lists and switches, from ``bijak.toml``, ``[tool.bijak]`` or JSON.

The same shape arrives from the extension's managed storage (agency policy), so every error names
the offending key in one line and nothing is silently ignored.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .context import Context, ContextError
from .findings import CATEGORIES, Severity
from .regexp import PatternError, check_agency_pattern

RULE_SETTINGS = ("off", "error", "warning", "info")
TOP_KEYS = frozenset(
    {"rules", "categories", "allow", "election", "confidential_terms", "patterns", "min_severity",
     "working_hours", "context", "second_opinion"}
)  # fmt: skip
ELECTION_KEYS = frozenset({"candidates", "parties", "hashtags", "window"})
PATTERN_KEYS = frozenset({"id", "pattern", "category", "severity", "message", "suggestion",
                          "reference"})  # fmt: skip
CONTEXT_KEYS = frozenset({"account", "timezone", "employee_type", "sensitive_period"})
MAX_LIST = 5000


class ConfigError(ValueError):
    """A configuration problem, phrased for a one-line message."""


@dataclass(frozen=True, slots=True)
class AgencyPattern:
    id: str
    pattern: str
    category: str
    severity: Severity
    message: str
    suggestion: str
    reference: str


@dataclass(frozen=True, slots=True)
class Config:
    rules: dict[str, str] = field(default_factory=dict)
    categories: dict[str, bool] = field(default_factory=dict)
    allow: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    election_window: tuple[date, date] | None = None
    confidential_terms: tuple[str, ...] = ()
    patterns: tuple[AgencyPattern, ...] = ()
    min_severity: Severity = Severity.INFO
    working_hours: tuple[str, str] = ("07:30", "16:00")
    context: dict[str, Any] = field(default_factory=dict)
    second_opinion: bool = True  # the statistical model that doubts warnings and warns alone (``opinion``)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        if not isinstance(data, dict):
            raise ConfigError("config must be an object/table")
        _reject_unknown("config", data, TOP_KEYS)
        election = data.get("election", {})
        _expect(election, dict, "election")
        _reject_unknown("election", election, ELECTION_KEYS)
        return cls(
            rules=_rule_settings(data.get("rules", {})),
            categories=_category_switches(data.get("categories", {})),
            allow=_strings(data.get("allow", []), "allow"),
            candidates=_strings(election.get("candidates", []), "election.candidates"),
            parties=_strings(election.get("parties", []), "election.parties"),
            hashtags=_strings(election.get("hashtags", []), "election.hashtags"),
            election_window=_window(election.get("window")),
            confidential_terms=_strings(data.get("confidential_terms", []), "confidential_terms"),
            patterns=tuple(_pattern(p, i) for i, p in enumerate(_list(data, "patterns"))),
            min_severity=_severity(data.get("min_severity", "info"), "min_severity"),
            working_hours=_hours(data.get("working_hours", ["07:30", "16:00"])),
            context=_context_defaults(data.get("context", {})),
            second_opinion=_switch(data.get("second_opinion", True), "second_opinion"),
        )

    @classmethod
    def from_json(cls, text: str) -> Config:
        try:
            data = json.loads(text or "{}")
        except json.JSONDecodeError as error:
            raise ConfigError(f"config is not valid JSON: {error.msg} (line {error.lineno})") from None
        return cls.from_dict(data)

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """``bijak.toml`` (the whole file) or ``pyproject.toml`` (its ``[tool.bijak]`` table)."""
        path = Path(path)
        try:
            raw = path.read_bytes().decode("utf-8")
        except OSError as error:
            raise ConfigError(f"cannot read config {path}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"config {path} is not UTF-8") from None
        if path.suffix == ".json":
            return cls.from_json(raw)
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"config {path} is not valid TOML: {error}") from None
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("bijak", {})
        return cls.from_dict(data)


def _reject_unknown(where: str, data: dict[str, Any], known: frozenset[str]) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"unknown key {where}.{unknown[0]} (known: {', '.join(sorted(known))})")


def _expect(value: Any, kind: type, where: str) -> None:
    if not isinstance(value, kind):
        raise ConfigError(f"{where} must be a {'table/object' if kind is dict else kind.__name__}")


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    _expect(value, list, key)
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    _expect(value, list, where)
    if len(value) > MAX_LIST:
        raise ConfigError(f"{where} has more than {MAX_LIST} entries")
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not error, warning or info") from None


def _rule_settings(value: Any) -> dict[str, str]:
    _expect(value, dict, "rules")
    for rule_id, setting in value.items():
        if setting not in RULE_SETTINGS:
            raise ConfigError(f"rules.{rule_id}: {setting!r} is not one of {', '.join(RULE_SETTINGS)}")
    return dict(value)


def _category_switches(value: Any) -> dict[str, bool]:
    _expect(value, dict, "categories")
    for name, enabled in value.items():
        if name not in CATEGORIES:
            raise ConfigError(f"categories.{name}: unknown category")
        if not isinstance(enabled, bool):
            raise ConfigError(f"categories.{name} must be true or false")
    return dict(value)


def _switch(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false")
    return value


def _window(value: Any) -> tuple[date, date] | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise ConfigError("election.window must be [start, end] dates (YYYY-MM-DD)")
    try:
        start, end = (v if isinstance(v, date) else date.fromisoformat(str(v)) for v in value)
    except ValueError:
        raise ConfigError("election.window dates must look like YYYY-MM-DD") from None
    if end < start:
        raise ConfigError("election.window ends before it starts")
    return start, end


def _hours(value: Any) -> tuple[str, str]:
    if not isinstance(value, list) or len(value) != 2:
        raise ConfigError('working_hours must be ["HH:MM", "HH:MM"]')
    for item in value:
        parts = str(item).split(":")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or int(parts[0]) > 23:
            raise ConfigError(f"working_hours: {item!r} is not HH:MM")
    return str(value[0]), str(value[1])


def _pattern(raw: Any, index: int) -> AgencyPattern:
    where = f"patterns[{index}]"
    _expect(raw, dict, where)
    _reject_unknown(where, raw, PATTERN_KEYS)
    for key in ("id", "pattern", "message"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise ConfigError(f"{where}.{key} is required")
    category = raw.get("category", "kerahasiaan")
    if category not in CATEGORIES:
        raise ConfigError(f"{where}.category: unknown category {category!r}")
    try:
        check_agency_pattern(raw["pattern"])
    except PatternError as error:
        raise ConfigError(f"{where}.pattern: {error}") from None
    return AgencyPattern(
        id=raw["id"],
        pattern=raw["pattern"],
        category=category,
        severity=_severity(raw.get("severity", "warning"), f"{where}.severity"),
        message=raw["message"],
        suggestion=raw.get("suggestion", "Periksa kembali sebelum mengunggah."),
        reference=raw.get("reference", "Ketentuan internal instansi"),
    )


def _context_defaults(value: Any) -> dict[str, Any]:
    _expect(value, dict, "context")
    _reject_unknown("context", value, CONTEXT_KEYS)
    try:
        Context.from_dict(value)  # fail at load time, not on the first post
    except ContextError as error:
        raise ConfigError(str(error)) from None
    return dict(value)
