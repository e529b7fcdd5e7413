"""The Finding type: what every front end (API, CLI, extension) receives.

Offsets are code points into the *original* text, so ``text == original[start:end]`` always holds;
the bridge adds UTF-16 offsets for JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import IntEnum

CATEGORIES: tuple[str, ...] = (
    "flexing",
    "netralitas",
    "ujaran-kebencian",
    "sara",
    "hoaks",
    "provokasi",
    "pornografi",
    "penghinaan",
    "ancaman",
    "kerahasiaan",
    "kesantunan",
    "etika-kerja",
    # Extra categories, documented in the README: they come straight from the catalogue.
    "gratifikasi",
    "penyalahgunaan-wewenang",
    "fasilitas-negara",
    "perjudian",
)


class Severity(IntEnum):
    """Ordered so that ``severity >= Severity.WARNING`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    reference: str
    message_en: str = ""
    suggestion_en: str = ""
    # the rule's own severity when the second opinion lowered it to info ("warning", "error"):
    # the words matched, but the sentences around them read unlike the category's posts
    lowered_from: str = ""

    @property
    def level(self) -> Severity:
        return Severity.parse(self.severity)

    def to_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in FINDING_FIELDS}


FINDING_FIELDS = tuple(f.name for f in fields(Finding))
