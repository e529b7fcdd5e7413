"""``bijak`` on the command line: lint files, stdin or JSON Lines; list and explain rules.

Exit codes: 0 nothing at or above ``--fail-on``, 1 findings at or above it, 2 a usage, config or
input problem, reported as one line on stderr. Bad JSONL lines are answered in place, never dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .config import Config, ConfigError
from .context import ContextError
from .engine import Linter
from .findings import Finding, Severity
from .output import format_sarif, format_text

STDIN = "-"


class InputError(Exception):
    """An input that cannot be read; the message is the one line the user sees."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (ConfigError, ContextError, InputError, ValueError) as error:
        print(f"bijak: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bijak", description="Lint ASN social-media posts.")
    parser.add_argument("--version", action="version", version=f"bijak {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="lint files, or stdin when no path or '-' is given")
    check.add_argument("paths", nargs="*", default=[STDIN])
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument("--jsonl", action="store_true", help='input lines {"id": ..., "text": ...}')
    check.add_argument("--config", help="bijak.toml, pyproject.toml or a JSON file")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning")
    check.add_argument("--lang", choices=("id", "en"), default="id", help="message language")
    check.add_argument("--posted-at", help="ISO-8601 time of posting (working-hours rules)")
    check.add_argument("--timezone", choices=("WIB", "WITA", "WIT"))
    check.add_argument("--account", choices=("personal", "official"))
    check.add_argument("--employee-type", choices=("pns", "pppk", "non-asn"))
    check.add_argument("--sensitive-period", action="store_true",
                       help="a disaster or unrest is going on: empathy rules get stricter")
    check.add_argument("--every-rule", action="store_true",
                       help="one finding per rule, not one per problem (overlaps of a category kept)")
    check.set_defaults(run=_run_check)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(run=_run_rules)

    explain = commands.add_parser("explain", help="show one rule with its examples")
    explain.add_argument("rule")
    explain.set_defaults(run=_run_explain)
    return parser


# ---- check -------------------------------------------------------------------------------------
def _run_check(args: argparse.Namespace) -> int:
    linter = Linter(_load_config(args.config))
    linter.settle()
    context = {
        key: value
        for key, value in (
            ("posted_at", args.posted_at),
            ("timezone", args.timezone),
            ("account", args.account),
            ("employee_type", args.employee_type),
            ("sensitive_period", args.sensitive_period),
        )
        if value
    }
    fail_on = Severity.parse(args.fail_on)
    if args.jsonl:
        return _check_jsonl(linter, args.paths, context, fail_on, args.every_rule)
    results = [
        (path, text, linter.lint(text, context, every_rule=args.every_rule))
        for path, text in _read_inputs(args.paths)
    ]
    _print_results(results, args.format, args.lang)
    worst = max((f.level for _, _, found in results for f in found), default=0)
    return 1 if worst >= fail_on else 0


def _load_config(path: str | None) -> Config:
    """An explicit file, else ./bijak.toml, else ./pyproject.toml's [tool.bijak], else defaults."""
    if path:
        if not Path(path).is_file():
            raise ConfigError(f"config file {path} not found")
        return Config.from_file(path)
    for candidate in (Path("bijak.toml"), Path("pyproject.toml")):
        if candidate.is_file() and (candidate.name == "bijak.toml" or _has_tool_table(candidate)):
            return Config.from_file(candidate)
    return Config()


def _has_tool_table(path: Path) -> bool:
    return b"[tool.bijak" in path.read_bytes()


def _read_inputs(paths: list[str]) -> Iterator[tuple[str, str]]:
    for path in paths:
        yield path, _decode(_read_bytes(path), path)


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = "stdin" if path == STDIN else path
        raise InputError(
            f"{where} is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def _print_results(results: list[tuple[str, str, list[Finding]]], fmt: str, lang: str) -> None:
    out = sys.stdout
    if fmt == "json":
        if len(results) == 1:
            payload: dict[str, Any] = {"findings": [f.to_dict() for f in results[0][2]]}
        else:
            payload = {
                "files": [
                    {"path": path, "findings": [f.to_dict() for f in found]}
                    for path, _, found in results
                ]
            }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "sarif":
        json.dump(format_sarif(results, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for path, text, found in results:
            for line in format_text(path, text, found, lang):
                out.write(line + "\n")


def _check_jsonl(
    linter: Linter, paths: list[str], context: dict[str, Any], fail_on: Severity, every_rule: bool
) -> int:
    """Stream: one output line per input line, same order, constant memory."""
    worst, broken = 0, 0
    out = sys.stdout
    for path in paths:
        for number, record in _jsonl_records(path):
            if isinstance(record, str):
                broken += 1
                print(f"bijak: {path}:{number}: {record}", file=sys.stderr)
                out.write(json.dumps({"line": number, "error": record}, ensure_ascii=False) + "\n")
                continue
            try:
                line_context = {**context, **(record.get("context") or {})} or None
                found = linter.lint(record["text"], line_context, every_rule=every_rule)
            except (ContextError, ValueError) as error:
                broken += 1
                reply = {"id": record.get("id"), "line": number, "error": str(error)}
                out.write(json.dumps(reply, ensure_ascii=False) + "\n")
                continue
            worst = max([worst, *(f.level for f in found)])
            reply = {"id": record.get("id"), "findings": [f.to_dict() for f in found]}
            out.write(json.dumps(reply, ensure_ascii=False) + "\n")
            if path == STDIN:
                out.flush()  # a pipe gets each answer as soon as its line is linted
        out.flush()
    if broken:
        return 2
    return 1 if worst >= fail_on else 0


def _jsonl_records(path: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Parsed records, or an error string for a line that is not a usable record."""
    for number, raw in enumerate(_binary_lines(path), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield number, "not valid UTF-8"
            continue
        except json.JSONDecodeError as error:
            yield number, f"not valid JSON ({error.msg})"
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield number, 'expected an object with a "text" string'
            continue
        yield number, record


def _binary_lines(path: str) -> Iterable[bytes]:
    if path == STDIN:
        yield from sys.stdin.buffer
        return
    try:
        with open(path, "rb") as handle:
            yield from handle
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


# ---- rules and explain ---------------------------------------------------------------------------
def _run_rules(args: argparse.Namespace) -> int:
    rules = Linter().book.rules
    if args.format == "json":
        listing = [
            {"id": r.id, "category": r.category, "severity": str(r.severity), "kind": r.kind,
             "message": r.message, "reference": r.reference}
            for r in rules
        ]  # fmt: skip
        print(json.dumps({"rules": listing}, ensure_ascii=False, indent=2))
        return 0
    for rule in rules:
        print(f"{rule.id:40} {rule.category:24} {rule.severity!s:8} {rule.kind}")
    return 0


def _run_explain(args: argparse.Namespace) -> int:
    rule = Linter().book.rule(args.rule)
    if rule is None:
        raise InputError(f"unknown rule {args.rule!r} (see 'bijak rules')")
    out: TextIO = sys.stdout
    out.write(f"{rule.id}  [{rule.category}, {rule.severity}, {rule.kind}]\n\n")
    out.write(f"{rule.message}\n{rule.message_en}\n\n")
    out.write(f"Saran: {rule.suggestion}\nSuggestion: {rule.suggestion_en}\n\n")
    out.write(f"Dasar / reference: {rule.reference}\n\n")
    out.write("Contoh yang diperingatkan / flagged:\n")
    out.writelines(f"  - {e.text}\n" for e in rule.examples_bad)
    out.write("Contoh yang aman / fine:\n")
    out.writelines(f"  - {e.text}\n" for e in rule.examples_good)
    return 0
