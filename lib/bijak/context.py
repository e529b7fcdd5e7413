"""Facts the text cannot give: when and from which account a post is made.

Working hours follow Perpres 21/2023 (07:30-16:00 local time, Monday to Friday, outside the midday
break); Indonesian time zones are WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

ZONES = {
    "WIB": timezone(timedelta(hours=7)),
    "WITA": timezone(timedelta(hours=8)),
    "WIT": timezone(timedelta(hours=9)),
}
ACCOUNTS = ("personal", "official")
EMPLOYEE_TYPES = ("pns", "pppk", "non-asn")
BREAK = (time(12, 0), time(13, 0))
FRIDAY_BREAK = (time(11, 30), time(13, 0))


class ContextError(ValueError):
    """A context value that cannot be understood."""


@dataclass(frozen=True, slots=True)
class Context:
    posted_at: datetime | None = None
    timezone: str | None = None
    account: str = "personal"
    employee_type: str = "pns"
    sensitive_period: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Context:
        data = dict(data or {})
        unknown = set(data) - {"posted_at", "timezone", "account", "employee_type", "sensitive_period"}
        if unknown:
            raise ContextError(f"unknown context key {sorted(unknown)[0]}")
        zone = data.get("timezone")
        if zone is not None and str(zone).upper() not in ZONES:
            raise ContextError(f"context.timezone {zone!r} is not WIB, WITA or WIT")
        account = data.get("account", "personal")
        if account not in ACCOUNTS:
            raise ContextError(f"context.account {account!r} is not personal or official")
        employee = str(data.get("employee_type", "pns")).lower()
        if employee not in EMPLOYEE_TYPES:
            raise ContextError(f"context.employee_type {employee!r} is not pns, pppk or non-asn")
        return cls(
            posted_at=_parse_time(data.get("posted_at")),
            timezone=str(zone).upper() if zone else None,
            account=account,
            employee_type=employee,
            sensitive_period=bool(data.get("sensitive_period", False)),
        )

    def local_time(self) -> datetime | None:
        """Wall-clock time where the poster is: converted to ``timezone`` when both are known."""
        if self.posted_at is None:
            return None
        zone = ZONES.get(self.timezone or "")
        if zone is not None and self.posted_at.tzinfo is not None:
            return self.posted_at.astimezone(zone)
        return self.posted_at

    def flags(self, hours: tuple[str, str], election: tuple[date, date] | None) -> frozenset[str]:
        found = {f"{self.account}_account"}
        if self.sensitive_period:
            found.add("sensitive_period")
        local = self.local_time()
        if local is not None and in_working_hours(local, hours):
            found.add("working_hours")
        if election is not None:
            day = local.date() if local is not None else date.today()
            if election[0] <= day <= election[1]:
                found.add("election_window")
        return frozenset(found)


def in_working_hours(moment: datetime, hours: tuple[str, str]) -> bool:
    if moment.weekday() >= 5:
        return False
    start, end = (time.fromisoformat(h) for h in hours)
    clock = moment.time()
    pause = FRIDAY_BREAK if moment.weekday() == 4 else BREAK
    return start <= clock < end and not pause[0] <= clock < pause[1]


def _parse_time(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise ContextError(f"context.posted_at {value!r} is not an ISO-8601 date-time") from None
