"""Reminders from the Settings screen: nothing is written until a button is chosen,
the buttons write and remove the files, and a new time follows an installed timer."""

from __future__ import annotations

from pathlib import Path

from harness import Harness

from game.player.reminder_install import calendar_file, cancel_file, unit_files
from game.player.reminders import Reminder
from game.player.settings import PlayerSettings
from game.ui.scenes.reminder_actions import CALENDAR, DESKTOP, ReminderActions
from game.ui.scenes.settings_screen import ROWS, SettingsScene
from tests.test_reminders import FakeSystem, _files
from tests.ui.test_settings_screen import focus, open_settings


def with_reminders(
    h: Harness, tmp_path: Path, *, platform: str = "linux"
) -> tuple[SettingsScene, FakeSystem, Path]:
    scene, data, _ = open_settings(h)
    fake = FakeSystem(tmp_path / "home", platform=platform)
    saves = tmp_path / "saves"
    scene.reminders = ReminderActions(fake.system, saves, h.clock, data.name)
    return scene, fake, saves


def reminder(scene: SettingsScene) -> Reminder:
    assert scene.reminders is not None
    return scene.reminders.reminder(scene.settings)


def test_walking_and_changing_every_row_installs_nothing(harness: Harness, tmp_path: Path) -> None:
    _, fake, _ = with_reminders(harness, tmp_path)
    for row in ROWS:
        if row.kind != "action":
            harness.press("return" if row.kind == "toggle" else "right")
        harness.press("left")
        harness.press("right")
        harness.press("down")
    assert _files(tmp_path) == [] and fake.calls == []


def test_time_and_days_are_settings(harness: Harness) -> None:
    scene, data, _ = open_settings(harness)
    focus(harness, scene, "remind_minute")
    harness.press("right", times=3)
    focus(harness, scene, "remind_days")
    harness.press("right")
    stored = PlayerSettings.from_dict(data.store.settings(data.profile_id))
    assert (stored.remind_minute, stored.remind_days) == (18 * 60 + 45, "weekdays")


def test_calendar_button_adds_then_removes(harness: Harness, tmp_path: Path) -> None:
    scene, fake, saves = with_reminders(harness, tmp_path)
    focus(harness, scene, CALENDAR)
    assert scene.action_label(ROWS[scene.focus]) == "Add to calendar"
    harness.press("return")
    path = calendar_file(saves, reminder(scene))
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU" in path.read_text()
    assert "DTSTART:20240101T180000" in path.read_text()  # the fake clock's Monday
    assert fake.calls == [["xdg-open", str(path)]]
    assert scene.message is not None and "calendar" in scene.message
    assert scene.action_label(ROWS[scene.focus]) == "Added: remove"

    focus(harness, scene, "remind_minute")
    harness.press("left")
    assert scene.message is not None and "Update calendar" in scene.message
    focus(harness, scene, CALENDAR)
    assert scene.action_label(ROWS[scene.focus]) == "Update calendar"
    harness.press("return")
    assert "DTSTART:20240101T174500" in path.read_text()

    harness.press("return")
    assert not path.exists()
    assert fake.calls[-1] == ["xdg-open", str(cancel_file(saves, reminder(scene)))]
    assert scene.action_label(ROWS[scene.focus]) == "Add to calendar"


def test_desktop_button_installs_follows_the_time_and_removes(
    harness: Harness, tmp_path: Path
) -> None:
    scene, fake, _ = with_reminders(harness, tmp_path)
    focus(harness, scene, DESKTOP)
    harness.press("right")  # arrows never press a button
    assert fake.calls == []
    harness.press("return")
    timer, service = unit_files(fake.system, reminder(scene))
    assert "OnCalendar=Mon,Tue,Wed,Thu,Fri,Sat,Sun *-*-* 18:00:00" in timer.read_text()
    assert '"-m" "game" "remind" "--profile" "Ana"' in service.read_text()
    assert scene.action_label(ROWS[scene.focus]) == "On: turn off"

    focus(harness, scene, "remind_days")
    harness.press("right")
    assert "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 18:00:00" in timer.read_text()

    focus(harness, scene, DESKTOP)
    harness.press("return")
    assert not timer.exists() and not service.exists()
    assert _files(tmp_path) == []
    assert scene.action_label(ROWS[scene.focus]) == "Turn on"


def test_desktop_button_elsewhere_points_to_the_calendar(harness: Harness, tmp_path: Path) -> None:
    scene, fake, _ = with_reminders(harness, tmp_path, platform="win32")
    focus(harness, scene, DESKTOP)
    assert scene.action_label(ROWS[scene.focus]) == "Linux only"
    harness.press("return")
    assert scene.message is not None and "calendar" in scene.message
    assert _files(tmp_path) == [] and fake.calls == []


def test_a_click_on_the_button_presses_it(harness: Harness, tmp_path: Path) -> None:
    scene, _, saves = with_reminders(harness, tmp_path)
    focus(harness, scene, CALENDAR)
    rect = scene.layout()[scene.focus]
    harness.click(scene.value_rect(rect).center)
    assert calendar_file(saves, reminder(scene)).is_file()


def test_without_reminder_services_the_buttons_say_so(harness: Harness) -> None:
    scene, _, _ = open_settings(harness)
    focus(harness, scene, CALENDAR)
    assert scene.action_label(ROWS[scene.focus]) == "Not available"
    harness.press("return")
    assert scene.message == "Reminders are not available in this window."


def test_a_renamed_player_still_finds_and_removes_their_reminder(tmp_path: Path) -> None:
    from game.clock import FakeClock

    fake = FakeSystem(tmp_path / "home")
    saves = tmp_path / "saves"
    settings = PlayerSettings()
    before = ReminderActions(fake.system, saves, FakeClock(), "Ana", key="player-1-0abc")
    before.run(DESKTOP, settings)
    before.run(CALENDAR, settings)
    after = ReminderActions(fake.system, saves, FakeClock(), "Ana Maria", key="player-1-0abc")
    assert after.active(DESKTOP, settings) and after.active(CALENDAR, settings)
    after.run(DESKTOP, settings)
    after.run(CALENDAR, settings)
    assert not after.active(DESKTOP, settings) and not after.active(CALENDAR, settings)
    assert _files(tmp_path / "home") == []


def test_forget_removes_both_kinds(tmp_path: Path) -> None:
    from game.clock import FakeClock

    fake = FakeSystem(tmp_path / "home")
    saves = tmp_path / "saves"
    settings = PlayerSettings(remind_days="weekends")
    actions = ReminderActions(fake.system, saves, FakeClock(), "Bo", key="player-2-0abc")
    actions.run(DESKTOP, settings)
    actions.run(CALENDAR, settings)
    actions.forget(settings)
    assert _files(tmp_path / "home") == []
    assert not calendar_file(saves, actions.reminder(settings)).exists()
    assert "METHOD:CANCEL" in cancel_file(saves, actions.reminder(settings)).read_text()
    actions.forget(settings)  # nothing left: nothing happens
