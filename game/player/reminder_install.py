"""Putting a reminder where it reaches the player, and taking it all away again.

Two ways, both only on the player's click:

* the calendar: an ``.ics`` file in the game's own data folder, opened with
  the system's handler (``xdg-open``, ``open`` or the Windows file
  association), which offers to add the repeating event. Turning it off
  opens a cancellation for the same event and deletes the file;
* on Linux, a systemd user timer and service in
  ``$XDG_CONFIG_HOME/systemd/user`` that run ``python -m game remind`` at the
  chosen time, enabled with ``systemctl --user``. Turning it off disables the
  timer and deletes both files and the ``timers.target.wants`` link.

Everything the outside world is asked for (environment, programs, opening a
file) comes through :class:`System`, so tests run against a temporary home and
record commands instead of running them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from game.player.reminders import ICAL_DAYS, Reminder, ics_text, service_text, timer_text, unit_name

Runner = Callable[[Sequence[str]], int]


@dataclass(frozen=True)
class System:
    """The parts of the computer a reminder touches."""

    platform: str
    env: Mapping[str, str]
    home: Path
    run: Runner
    which: Callable[[str], str | None]

    def config_home(self) -> Path:
        value = self.env.get("XDG_CONFIG_HOME", "")
        return Path(value) if value and Path(value).is_absolute() else self.home / ".config"

    def unit_dir(self) -> Path:
        return self.config_home() / "systemd" / "user"

    def opener(self) -> list[str] | None:
        """The command that opens a file with its default app, if there is one."""
        if self.platform == "darwin":
            return ["open"]
        if self.platform == "win32":
            return ["cmd", "/c", "start", ""]
        return ["xdg-open"] if self.which("xdg-open") else None

    def has_desktop_timer(self) -> bool:
        return self.platform.startswith("linux") and self.which("systemctl") is not None


def _run_quietly(command: Sequence[str]) -> int:
    try:
        done = subprocess.run(list(command), capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return 127
    return done.returncode


def real_system() -> System:
    return System(
        platform=sys.platform,
        env=dict(os.environ),
        home=Path.home(),
        run=_run_quietly,
        which=shutil.which,
    )


def remind_command(reminder: Reminder) -> list[str]:
    """What the timer runs: this Python, this game, the ``remind`` command."""
    return [sys.executable, "-m", "game", "remind", "--profile", reminder.profile]


# ---------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------


def calendar_file(folder: Path, reminder: Reminder) -> Path:
    return folder / "reminders" / f"spine-quest-{reminder.slug}.ics"


def cancel_file(folder: Path, reminder: Reminder) -> Path:
    return folder / "reminders" / f"spine-quest-{reminder.slug}-remove.ics"


def calendar_added(folder: Path, reminder: Reminder) -> bool:
    return calendar_file(folder, reminder).is_file()


def calendar_current(folder: Path, reminder: Reminder) -> bool:
    """True when the written event still has the reminder's time and days."""
    try:
        lines = calendar_file(folder, reminder).read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    hour, minute = divmod(reminder.minute_of_day, 60)
    days = ",".join(ICAL_DAYS[d] for d in reminder.days)
    start_ok = any(
        x.startswith("DTSTART:") and x.endswith(f"T{hour:02d}{minute:02d}00") for x in lines
    )
    return start_ok and f"RRULE:FREQ=WEEKLY;BYDAY={days}" in lines


def _write(path: Path, text: str, *, newline: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline=newline) as f:
        f.write(text)
    os.replace(tmp, path)


def _open(system: System, path: Path) -> bool:
    opener = system.opener()
    return opener is not None and system.run([*opener, str(path)]) == 0


def add_to_calendar(
    system: System, folder: Path, reminder: Reminder, *, now: datetime, today: date
) -> str:
    """Write the event and hand it to the calendar app; a message for the player."""
    path = calendar_file(folder, reminder)
    _write(path, ics_text(reminder, now=now, today=today))
    cancel_file(folder, reminder).unlink(missing_ok=True)
    if _open(system, path):
        return f"Opened in your calendar: {reminder.describe()}. Accept it there."
    return f"Saved {path}; open it with your calendar app to add it."


def remove_from_calendar(
    system: System, folder: Path, reminder: Reminder, *, now: datetime, today: date
) -> str:
    """Hand the calendar a cancellation for the same event and delete our file."""
    path = calendar_file(folder, reminder)
    cancel = cancel_file(folder, reminder)
    _write(cancel, ics_text(reminder, now=now, today=today, cancel=True))
    path.unlink(missing_ok=True)
    if _open(system, cancel):
        return "Sent your calendar a removal; if the event stays, delete it there."
    return f"Removed our file; delete the Spine Quest event in your calendar ({cancel})."


# ---------------------------------------------------------------------------
# Desktop notification (Linux, systemd user timer)
# ---------------------------------------------------------------------------


def unit_files(system: System, reminder: Reminder) -> tuple[Path, Path]:
    base = system.unit_dir() / unit_name(reminder)
    return base.with_suffix(".timer"), base.with_suffix(".service")


def desktop_installed(system: System, reminder: Reminder) -> bool:
    return any(path.exists() for path in unit_files(system, reminder))


def install_desktop(system: System, reminder: Reminder, command: Sequence[str]) -> str:
    """Write the timer and service and start the timer; a message for the player."""
    if not system.has_desktop_timer():
        return "Desktop reminders need Linux with systemd; use the calendar instead."
    timer, service = unit_files(system, reminder)
    _write(service, service_text(reminder, command), newline="\n")
    _write(timer, timer_text(reminder), newline="\n")
    ctl = ["systemctl", "--user"]
    system.run([*ctl, "daemon-reload"])
    if system.run([*ctl, "enable", "--now", timer.name]) != 0:
        remove_desktop(system, reminder)
        return "systemd would not start the timer, so nothing was left installed."
    return f"A desktop notification will come {reminder.describe()}."


def remove_desktop(system: System, reminder: Reminder) -> str:
    """Stop the timer and delete every file the game put there."""
    timer, service = unit_files(system, reminder)
    if system.has_desktop_timer():
        system.run(["systemctl", "--user", "disable", "--now", timer.name])
    link = system.unit_dir() / "timers.target.wants" / timer.name
    for path in (link, timer, service):
        if path.is_symlink() or path.exists():
            path.unlink()
    wants = link.parent
    if wants.is_dir() and not any(wants.iterdir()):
        wants.rmdir()
    if system.has_desktop_timer():
        system.run(["systemctl", "--user", "daemon-reload"])
    return "Desktop reminder removed."


def notify(system: System, title: str, message: str) -> bool:
    """Show a desktop notification now, with whatever the desktop offers."""
    if system.which("notify-send"):
        return system.run(["notify-send", "--app-name=Spine Quest", title, message]) == 0
    if system.which("gdbus"):
        call = [
            "gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
            "--object-path", "/org/freedesktop/Notifications",
            "--method", "org.freedesktop.Notifications.Notify",
            "Spine Quest", "0", "", title, message, "[]", "{}", "10000",
        ]  # fmt: skip
        return system.run(call) == 0
    return False
