"""Report formats for the CLI: Vale-style text lines and SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from . import __version__
from .findings import Finding

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SUGGESTION = {"id": "Saran", "en": "Suggestion"}
LOWERED = {  # why a rule's warning arrives as info (``Finding.lowered_from``)
    "id": " (diturunkan dari {severity}: kalimat di sekitarnya tidak mirip unggahan kategori ini)",
    "en": " (lowered from {severity}: the sentences around it do not read like posts of this category)",
}


def line_col(text: str, offset: int, line_starts: list[int]) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset``."""
    line = bisect.bisect_right(line_starts, offset) - 1
    return line + 1, offset - line_starts[line] + 1


def line_starts_of(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


def in_language(lang: str, text: str, text_en: str) -> str:
    """``text_en`` for an English report when the rule has one, else the Indonesian ``text``."""
    return text_en if lang == "en" and text_en else text


def message_of(finding: Finding, lang: str) -> str:
    """The finding's message in ``lang``, saying so when the second opinion lowered it."""
    message = in_language(lang, finding.message, finding.message_en)
    if finding.lowered_from:
        message += LOWERED[lang].format(severity=finding.lowered_from)
    return message


def format_text(path: str, text: str, findings: list[Finding], lang: str) -> Iterator[str]:
    """``path:line:col: severity category/rule: message``."""
    starts = line_starts_of(text)
    name = "<stdin>" if path == "-" else path
    for f in findings:
        line, col = line_col(text, f.start, starts)
        yield f"{name}:{line}:{col}: {f.severity} {f.category}/{f.rule}: {message_of(f, lang)}"


def format_sarif(results: list[tuple[str, str, list[Finding]]], lang: str) -> dict[str, Any]:
    rules: dict[str, dict[str, Any]] = {}
    sarif_results = []
    for path, text, findings in results:
        starts = line_starts_of(text)
        for f in findings:
            message = in_language(lang, f.message, f.message_en)
            lowered = {"properties": {"loweredFrom": f.lowered_from}} if f.lowered_from else {}
            suggestion = in_language(lang, f.suggestion, f.suggestion_en)
            rules.setdefault(
                f.rule,
                {
                    "id": f.rule,
                    "shortDescription": {"text": message},
                    "help": {"text": f"{suggestion} ({f.reference})"},
                    "properties": {"category": f.category},
                },
            )
            start_line, start_col = line_col(text, f.start, starts)
            end_line, end_col = line_col(text, f.end, starts)
            sarif_results.append(
                {
                    "ruleId": f.rule,
                    "level": SARIF_LEVEL[f.severity],
                    "message": {"text": f"{message_of(f, lang)} {SUGGESTION[lang]}: {suggestion}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": "stdin" if path == "-" else path},
                                "region": {
                                    "startLine": start_line,
                                    "startColumn": start_col,
                                    "endLine": end_line,
                                    "endColumn": end_col,
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                },
                            }
                        }
                    ],
                    **lowered,
                }
            )
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [
            {
                "tool": {"driver": {"name": "bijak", "version": __version__, "rules": list(rules.values())}},
                "results": sarif_results,
            }
        ],
    }
