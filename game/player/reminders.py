"""What a daily reminder says and when, as the files other programs read.

A reminder has to reach the player while the game is closed, so the game hands
it to something that is always running: the player's calendar (an iCalendar
file with a repeating event) or, on Linux, a systemd user timer that shows a
desktop notification. This module only builds the text of those files; it
reads no clock (``now`` and the start date are passed in) and writes nothing,
so every line can be tested. :mod:`game.player.reminder_install` writes and removes them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from types import MappingProxyType

#: Day patterns the player picks from, Monday = 0.
DAY_PATTERNS: Mapping[str, tuple[int, ...]] = MappingProxyType(
    {
        "every_day": (0, 1, 2, 3, 4, 5, 6),
        "weekdays": (0, 1, 2, 3, 4),
        "mon_wed_fri": (0, 2, 4),
        "tue_thu_sat": (1, 3, 5),
        "mon_thu": (0, 3),
        "weekends": (5, 6),
    }
)
PATTERN_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "every_day": "Every day",
        "weekdays": "Monday to Friday",
        "mon_wed_fri": "Mon, Wed, Fri",
        "tue_thu_sat": "Tue, Thu, Sat",
        "mon_thu": "Mon and Thu",
        "weekends": "Sat and Sun",
    }
)
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SYSTEMD_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

TITLE = "Spine Quest: ten minutes for your back"
MESSAGE = "Today's level is ready when you are. Slow breaths, small moves."
PRODID = "-//Spine Quest//Daily reminder//EN"


@dataclass(frozen=True)
class Reminder:
    """One profile's reminder: a time of day and the days it repeats on."""

    profile: str
    minute_of_day: int  # 0..1439, local wall time
    pattern: str  # a DAY_PATTERNS key
    #: What names the files, when given: stable across a rename of the profile
    #: (the game passes the profile id and its save folder), so a renamed player's
    #: reminder is still found and removed.
    key: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.minute_of_day < 24 * 60:
            raise ValueError(f"minute_of_day out of range: {self.minute_of_day}")
        if self.pattern not in DAY_PATTERNS:
            raise ValueError(f"unknown day pattern: {self.pattern!r}")

    @property
    def days(self) -> tuple[int, ...]:
        return DAY_PATTERNS[self.pattern]

    @property
    def hhmm(self) -> str:
        return f"{self.minute_of_day // 60:02d}:{self.minute_of_day % 60:02d}"

    @property
    def slug(self) -> str:
        """A file-name-safe name for this reminder's files, stable for the same key."""
        source = self.key or self.profile
        base = re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-")[:32] or "player"
        digest = sum((i + 1) * ord(ch) for i, ch in enumerate(source)) % 10000
        return f"{base}-{digest:04d}"

    @property
    def uid(self) -> str:
        return f"daily-{self.slug}@spine-quest"

    def describe(self) -> str:
        return f"{PATTERN_LABELS[self.pattern]} at {self.hhmm}"


def first_date(reminder: Reminder, today: date) -> date:
    """The first day on or after ``today`` the reminder falls on."""
    for ahead in range(7):
        day = today + timedelta(days=ahead)
        if day.weekday() in reminder.days:
            return day
    raise AssertionError("every pattern has at least one day")  # pragma: no cover


# ---------------------------------------------------------------------------
# iCalendar (RFC 5545)
# ---------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after one space."""
    out: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def ics_text(reminder: Reminder, *, now: datetime, today: date, cancel: bool = False) -> str:
    """A calendar holding one repeating event at the player's local time.

    The start is a floating local time (no zone), so the reminder stays at the
    same wall-clock time after a move or a daylight-saving change. ``cancel``
    makes the matching cancellation, which calendar apps use to drop the event.
    ``SEQUENCE`` grows with ``now`` so an update or a cancellation wins over
    the copy the calendar already has.
    """
    stamp = now.astimezone(timezone.utc)
    start = first_date(reminder, today)
    hour, minute = divmod(reminder.minute_of_day, 60)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancel else 'PUBLISH'}",
        "BEGIN:VEVENT",
        f"UID:{reminder.uid}",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"SEQUENCE:{int(stamp.timestamp()) // 60}",
        f"DTSTART:{start:%Y%m%d}T{hour:02d}{minute:02d}00",
        "DURATION:PT10M",
        f"RRULE:FREQ=WEEKLY;BYDAY={','.join(ICAL_DAYS[d] for d in reminder.days)}",
        f"SUMMARY:{_escape(TITLE)}",
        f"DESCRIPTION:{_escape(MESSAGE)}",
        f"STATUS:{'CANCELLED' if cancel else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
    ]
    if not cancel:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(TITLE)}",
            "TRIGGER:PT0M",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


# ---------------------------------------------------------------------------
# systemd user timer
# ---------------------------------------------------------------------------


def unit_name(reminder: Reminder) -> str:
    """The base name of the timer and service, one pair per profile."""
    return f"spine-quest-reminder-{reminder.slug}"


def on_calendar(reminder: Reminder) -> str:
    days = ",".join(SYSTEMD_DAYS[d] for d in reminder.days)
    return f"{days} *-*-* {reminder.hhmm}:00"


def _systemd_quote(arg: str) -> str:
    """One ExecStart argument, quoted so spaces, quotes and ``%`` survive."""
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped}"'


def _one_line(text: str) -> str:
    return " ".join(text.split())


def service_text(reminder: Reminder, command: Sequence[str]) -> str:
    """The service the timer starts: it runs ``command`` once and exits."""
    return (
        "[Unit]\n"
        f"Description=Spine Quest reminder for {_one_line(reminder.profile)}\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(_systemd_quote(a) for a in command)}\n"
    )


def timer_text(reminder: Reminder) -> str:
    return (
        "[Unit]\n"
        f"Description=Spine Quest reminder, {reminder.describe()}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={on_calendar(reminder)}\n"
        "Persistent=false\n"
        f"Unit={unit_name(reminder)}.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


__all__ = [
    "DAY_PATTERNS",
    "MESSAGE",
    "PATTERN_LABELS",
    "TITLE",
    "Reminder",
    "first_date",
    "ics_text",
    "on_calendar",
    "service_text",
    "timer_text",
    "unit_name",
]
