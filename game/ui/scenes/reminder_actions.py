"""The Settings screen's two reminder buttons, and keeping them in step.

The state shown is read from the files themselves (is the calendar file
there, are the timer files there), never remembered separately, so the screen
cannot claim a reminder that was removed by hand. Nothing is written except
when the player chooses a button; a time or day change only rewrites a timer
the player already installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.clock import Clock
from game.player.reminder_install import (
    System,
    add_to_calendar,
    calendar_added,
    calendar_current,
    desktop_installed,
    install_desktop,
    remind_command,
    remove_desktop,
    remove_from_calendar,
)
from game.player.reminders import Reminder
from game.player.settings import PlayerSettings

CALENDAR = "action:calendar"
DESKTOP = "action:desktop"


@dataclass
class ReminderActions:
    system: System
    folder: Path  # the game's data folder; the .ics files go in its reminders/
    clock: Clock
    profile: str
    key: str = ""  # names the files; see game.player.reminders.Reminder.key

    def reminder(self, settings: PlayerSettings) -> Reminder:
        return Reminder(self.profile, settings.remind_minute, settings.remind_days, self.key)

    def available(self, key: str) -> bool:
        return key != DESKTOP or self.system.has_desktop_timer()

    def active(self, key: str, settings: PlayerSettings) -> bool:
        reminder = self.reminder(settings)
        if key == CALENDAR:
            return calendar_added(self.folder, reminder)
        return desktop_installed(self.system, reminder)

    def status(self, key: str, settings: PlayerSettings) -> str:
        if not self.available(key):
            return "Linux only"
        if key == CALENDAR:
            if not self.active(key, settings):
                return "Add to calendar"
            current = calendar_current(self.folder, self.reminder(settings))
            return "Added: remove" if current else "Update calendar"
        return "On: turn off" if self.active(key, settings) else "Turn on"

    def run(self, key: str, settings: PlayerSettings) -> str:
        """Add or remove one kind of reminder; the message says what happened."""
        reminder = self.reminder(settings)
        now = self.clock.now_utc()
        today = self.clock.local_now().date()
        if key == CALENDAR:
            if calendar_current(self.folder, reminder):
                return remove_from_calendar(
                    self.system, self.folder, reminder, now=now, today=today
                )
            return add_to_calendar(self.system, self.folder, reminder, now=now, today=today)
        if desktop_installed(self.system, reminder):
            return remove_desktop(self.system, reminder)
        return install_desktop(self.system, reminder, remind_command(reminder))

    def forget(self, settings: PlayerSettings) -> None:
        """Take away whatever this player set up: their profile is being deleted."""
        reminder = self.reminder(settings)
        if desktop_installed(self.system, reminder):
            remove_desktop(self.system, reminder)
        if calendar_added(self.folder, reminder):
            now, today = self.clock.now_utc(), self.clock.local_now().date()
            remove_from_calendar(self.system, self.folder, reminder, now=now, today=today)

    def settings_changed(self, old: PlayerSettings, new: PlayerSettings) -> str | None:
        """Follow a new time or days with what the player already set up."""
        if (old.remind_minute, old.remind_days) == (new.remind_minute, new.remind_days):
            return None
        before, after = self.reminder(old), self.reminder(new)
        notes = []
        if desktop_installed(self.system, before):
            install_desktop(self.system, after, remind_command(after))
            notes.append(f"Desktop reminder moved to {after.describe()}.")
        if calendar_added(self.folder, before):
            notes.append("Your calendar has the old time: choose Update calendar.")
        return " ".join(notes) or None
