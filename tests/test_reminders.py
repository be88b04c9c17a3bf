"""The reminder files, written into a temporary home, read back, and removed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from game.player import reminder_install as inst
from game.player.reminders import Reminder, first_date, ics_text, on_calendar, timer_text, unit_name

NOW = datetime(2024, 3, 6, 9, 15, tzinfo=timezone.utc)  # a Wednesday
TODAY = date(2024, 3, 6)


class FakeSystem:
    """A Linux desktop with systemctl and xdg-open, whose commands are recorded."""

    def __init__(self, home: Path, *, platform: str = "linux", fail: str = "") -> None:
        self.calls: list[list[str]] = []
        self.fail = fail
        self.system = inst.System(
            platform=platform,
            env={"XDG_CONFIG_HOME": str(home / "cfg")},
            home=home,
            run=self.run,
            which=lambda name: f"/usr/bin/{name}",
        )

    def run(self, command: Sequence[str]) -> int:
        self.calls.append(list(command))
        if self.fail and self.fail in command:
            return 1
        if command[:3] == ["systemctl", "--user", "enable"]:  # what systemctl itself does
            wants = self.system.unit_dir() / "timers.target.wants"
            wants.mkdir(parents=True, exist_ok=True)
            link = wants / command[-1]
            if not link.is_symlink():
                link.symlink_to(self.system.unit_dir() / command[-1])
        return 0


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if not p.is_dir())


REMINDER = Reminder("Ana María", 18 * 60 + 30, "mon_wed_fri")


def test_the_ics_is_a_weekly_event_at_local_time_with_an_alarm() -> None:
    text = ics_text(REMINDER, now=NOW, today=TODAY)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Spine Quest//Daily reminder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert "DTSTART:20240306T183000" in lines  # floating: same wall time after a move
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR" in lines
    assert "DTSTAMP:20240306T091500Z" in lines
    assert f"UID:{REMINDER.uid}" in lines
    assert lines.index("BEGIN:VALARM") < lines.index("TRIGGER:PT0M") < lines.index("END:VALARM")
    assert "SUMMARY:Spine Quest: ten minutes for your back" in lines
    assert all(len(line.encode()) <= 75 for line in lines)


def test_the_cancellation_matches_the_event_and_wins_over_it() -> None:
    added = ics_text(REMINDER, now=NOW, today=TODAY).split("\r\n")
    later = NOW.replace(hour=10)
    cancel = ics_text(REMINDER, now=later, today=TODAY, cancel=True).split("\r\n")
    assert "METHOD:CANCEL" in cancel and "STATUS:CANCELLED" in cancel
    assert "BEGIN:VALARM" not in cancel
    assert [x for x in cancel if x.startswith("UID:")] == [x for x in added if x.startswith("UID:")]

    def seq(lines: list[str]) -> int:
        return int(next(x for x in lines if x.startswith("SEQUENCE:")).split(":")[1])

    assert seq(cancel) > seq(added)


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character() -> None:
    from game.player.reminders import _fold

    line = "DESCRIPTION:" + "Ruhig atmen, Rücken gerade. " * 10
    parts = _fold(line)
    assert len(parts) > 3
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert parts[0] + "".join(part[1:] for part in parts[1:]) == line


def test_first_date_is_the_next_chosen_day() -> None:
    assert first_date(Reminder("a", 0, "weekends"), TODAY) == date(2024, 3, 9)
    assert first_date(Reminder("a", 0, "mon_wed_fri"), TODAY) == TODAY


def test_the_timer_fires_on_the_chosen_days_and_time() -> None:
    assert on_calendar(REMINDER) == "Mon,Wed,Fri *-*-* 18:30:00"
    assert timer_text(REMINDER) == (
        "[Unit]\n"
        "Description=Spine Quest reminder, Mon, Wed, Fri at 18:30\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=Mon,Wed,Fri *-*-* 18:30:00\n"
        "Persistent=false\n"
        f"Unit={unit_name(REMINDER)}.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def test_bad_reminders_are_refused() -> None:
    with pytest.raises(ValueError):
        Reminder("a", 24 * 60, "every_day")
    with pytest.raises(ValueError):
        Reminder("a", 0, "someday")


def test_unit_names_are_safe_and_differ_per_profile() -> None:
    names = {unit_name(Reminder(n, 0, "every_day")) for n in ("Ana", "ana", "../etc", "A B")}
    assert len(names) == 4
    assert all(n.startswith("spine-quest-reminder-") and "/" not in n for n in names)


def test_install_writes_the_timer_and_service_and_enables_it(tmp_path: Path) -> None:
    fake = FakeSystem(tmp_path)
    message = inst.install_desktop(fake.system, REMINDER, ["/venv/bin/python", "-m", "game"])
    assert "Mon, Wed, Fri at 18:30" in message
    timer, service = inst.unit_files(fake.system, REMINDER)
    assert timer.parent == tmp_path / "cfg" / "systemd" / "user"
    assert timer.read_text() == timer_text(REMINDER)
    assert service.read_text() == (
        "[Unit]\n"
        "Description=Spine Quest reminder for Ana María\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        'ExecStart="/venv/bin/python" "-m" "game"\n'
    )
    assert ["systemctl", "--user", "enable", "--now", timer.name] in fake.calls
    assert inst.desktop_installed(fake.system, REMINDER)


def test_removal_leaves_no_file_behind(tmp_path: Path) -> None:
    fake = FakeSystem(tmp_path)
    before = _files(tmp_path)
    command = inst.remind_command(REMINDER)
    inst.install_desktop(fake.system, REMINDER, command)
    assert len(_files(tmp_path)) == len(before) + 3  # timer, service, wants link
    inst.remove_desktop(fake.system, REMINDER)
    assert _files(tmp_path) == before
    assert not (fake.system.unit_dir() / "timers.target.wants").exists()
    timer = inst.unit_files(fake.system, REMINDER)[0]
    assert ["systemctl", "--user", "disable", "--now", timer.name] in fake.calls
    assert not inst.desktop_installed(fake.system, REMINDER)


def test_removal_keeps_other_programs_timers(tmp_path: Path) -> None:
    fake = FakeSystem(tmp_path)
    wants = fake.system.unit_dir() / "timers.target.wants"
    wants.mkdir(parents=True)
    (wants / "backup.timer").write_text("not ours")
    inst.install_desktop(fake.system, REMINDER, ["x"])
    inst.remove_desktop(fake.system, REMINDER)
    assert _files(fake.system.unit_dir()) == ["timers.target.wants/backup.timer"]


def test_a_timer_systemd_refuses_is_not_left_installed(tmp_path: Path) -> None:
    fake = FakeSystem(tmp_path, fail="enable")
    message = inst.install_desktop(fake.system, REMINDER, ["x"])
    assert "nothing was left installed" in message
    assert _files(tmp_path) == []


def test_without_systemd_nothing_is_written(tmp_path: Path) -> None:
    fake = FakeSystem(tmp_path, platform="darwin")
    assert "calendar" in inst.install_desktop(fake.system, REMINDER, ["x"])
    assert _files(tmp_path) == [] and fake.calls == []


def test_calendar_file_is_written_opened_and_removed(tmp_path: Path) -> None:
    fake = FakeSystem(tmp_path)
    saves = tmp_path / "saves"
    inst.add_to_calendar(fake.system, saves, REMINDER, now=NOW, today=TODAY)
    path = inst.calendar_file(saves, REMINDER)
    assert path.read_bytes().decode() == ics_text(REMINDER, now=NOW, today=TODAY)
    assert fake.calls == [["xdg-open", str(path)]]
    assert inst.calendar_current(saves, REMINDER)
    assert not inst.calendar_current(saves, Reminder(REMINDER.profile, 7 * 60, "mon_wed_fri"))
    assert not inst.calendar_current(saves, Reminder(REMINDER.profile, 18 * 60 + 30, "weekends"))

    inst.remove_from_calendar(fake.system, saves, REMINDER, now=NOW, today=TODAY)
    cancel = inst.cancel_file(saves, REMINDER)
    assert not path.exists() and not inst.calendar_added(saves, REMINDER)
    assert "METHOD:CANCEL" in cancel.read_text()
    assert fake.calls[-1] == ["xdg-open", str(cancel)]
    assert _files(tmp_path) == [str(cancel.relative_to(tmp_path))]


@pytest.mark.parametrize(
    ("platform", "opener"),
    [("darwin", ["open"]), ("win32", ["cmd", "/c", "start", ""]), ("linux", ["xdg-open"])],
)
def test_the_calendar_file_opens_with_the_systems_handler(
    tmp_path: Path, platform: str, opener: list[str]
) -> None:
    fake = FakeSystem(tmp_path, platform=platform)
    inst.add_to_calendar(fake.system, tmp_path, REMINDER, now=NOW, today=TODAY)
    assert fake.calls == [[*opener, str(inst.calendar_file(tmp_path, REMINDER))]]


def test_config_home_falls_back_to_dot_config(tmp_path: Path) -> None:
    system = inst.System("linux", {"XDG_CONFIG_HOME": "relative"}, tmp_path, lambda c: 0, str)
    assert system.unit_dir() == tmp_path / ".config" / "systemd" / "user"


def test_tests_never_see_the_real_config_folder() -> None:
    real = inst.real_system()
    assert "spine-quest-test-config-" in str(real.unit_dir())


def test_the_remind_command_shows_the_notification(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.cli.main import main
    from game.player.reminders import MESSAGE, TITLE

    seen: list[tuple[str, str]] = []

    def fake_notify(system: inst.System, title: str, message: str) -> bool:
        seen.append((title, message))
        return True

    monkeypatch.setattr(inst, "notify", fake_notify)
    assert main(["remind", "--profile", "Ana"]) == 0
    assert seen == [(f"{TITLE}, Ana", MESSAGE)]


def test_notify_uses_notify_send_or_gdbus(tmp_path: Path) -> None:
    fake = FakeSystem(tmp_path)
    assert inst.notify(fake.system, "T", "M")
    assert fake.calls == [["notify-send", "--app-name=Spine Quest", "T", "M"]]
    only_gdbus = inst.System(
        "linux", {}, tmp_path, fake.run, lambda n: "/usr/bin/gdbus" if n == "gdbus" else None
    )
    assert inst.notify(only_gdbus, "T", "M")
    assert fake.calls[-1][:2] == ["gdbus", "call"] and "T" in fake.calls[-1]
    nothing = inst.System("linux", {}, tmp_path, fake.run, lambda n: None)
    assert not inst.notify(nothing, "T", "M")


def test_the_key_names_the_files_whatever_the_profile_is_called() -> None:
    one = Reminder("Ana", 0, "every_day", key="player-1-0abc")
    renamed = Reminder("Ana Maria", 0, "every_day", key="player-1-0abc")
    assert unit_name(one) == unit_name(renamed) and one.uid == renamed.uid
    assert unit_name(one) != unit_name(Reminder("Ana", 0, "every_day", key="player-2-0abc"))
