"""Profiles, settings, sessions, badges and progress, in memory and on disk alike."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from store_helpers import T0, Backend, make_result

from game.session.result import ExerciseResult, SessionResult
from game.store import (
    MAX_SESSION_XP,
    InvalidValue,
    ProfileNotFound,
    SaveStore,
    SaveUnreadable,
    StoreError,
    memory_store,
)


def test_profiles_round_trip(backend: Backend, store: SaveStore) -> None:
    ana = store.create_profile("  Ana ")
    ben = store.create_profile("Ben", created=date(2025, 1, 2))
    assert ana.name == "Ana"
    assert ana.created == T0.date()
    store.rename_profile(ben.id, "Benjamin")
    store.last_profile_id = ben.id
    store = backend.reopen(store)
    assert [(p.id, p.name) for p in store.profiles()] == [(ana.id, "Ana"), (ben.id, "Benjamin")]
    assert store.get_profile(ben.id).created == date(2025, 1, 2)
    assert store.last_profile_id == ben.id


def test_delete_profile_removes_everything_it_owned(backend: Backend, store: SaveStore) -> None:
    ana = store.create_profile("Ana")
    ben = store.create_profile("Ben")
    for who in (ana, ben):
        store.record_session(who.id, make_result(1), 10)
        store.award_badge(who.id, "first-steps", date(2026, 1, 1))
        store.update_settings(who.id, volume=0.5)
        store.update_progress(who.id, mastered=["l1"])
    store.last_profile_id = ana.id
    store.delete_profile(ana.id)
    store = backend.reopen(store)
    assert [p.id for p in store.profiles()] == [ben.id]
    assert store.last_profile_id is None
    with pytest.raises(ProfileNotFound):
        store.sessions(ana.id)
    assert len(store.sessions(ben.id)) == 1
    assert store.badges(ben.id) == {"first-steps": date(2026, 1, 1)}
    assert store.settings(ben.id) == {"volume": 0.5}
    document = json.loads(store.export_bytes())
    assert all(r["profile_id"] == ben.id for r in document["sessions"].values())
    assert str(ana.id) not in document["settings"]


def test_unknown_profile_is_refused(store: SaveStore) -> None:
    for call in (
        lambda: store.get_profile(7),
        lambda: store.settings(7),
        lambda: store.record_session(7, make_result(), 1),
        lambda: store.award_badge(7, "b", date(2026, 1, 1)),
    ):
        with pytest.raises(ProfileNotFound, match="no player profile with id 7"):
            call()


CONTROL_NAMES = ["An\x00a", "Ana\x1b[31m", "A\nna", "Ana\x7f", "An\x85a", "A\ud800na", "A\u2028na"]


@pytest.mark.parametrize("name", ["", "   ", "x" * 61, *CONTROL_NAMES])
def test_bad_profile_names_are_refused(store: SaveStore, name: str) -> None:
    with pytest.raises(InvalidValue):
        store.create_profile(name)
    assert store.profiles() == []
    ana = store.create_profile("Ana")
    with pytest.raises(InvalidValue):
        store.rename_profile(ana.id, name)
    assert store.get_profile(ana.id).name == "Ana"


@pytest.mark.parametrize("name", ["x" * 61, 7, None, *CONTROL_NAMES])
def test_a_saved_bad_name_makes_the_save_unreadable_not_the_screens(name: object) -> None:
    """The font renderer stops on a NUL; such a name never gets past the load."""
    store = memory_store()
    store.create_profile("Ana")
    document = json.loads(store.export_bytes())
    document["profiles"]["1"]["name"] = name
    with pytest.raises(SaveUnreadable) as caught:
        memory_store(data=json.dumps(document).encode())
    (problem,) = caught.value.problems
    assert "profiles record 1" in problem and "name" in problem
    assert "\x00" not in problem, "the message itself is safe to draw"


@pytest.mark.parametrize("name", ["Zoë", "李小龍", "Ana 🙂", "José-María O'Brien", "x" * 60])
def test_names_in_any_script_are_fine(backend: Backend, store: SaveStore, name: str) -> None:
    pid = store.create_profile(name).id
    assert backend.reopen(store).get_profile(pid).name == name


def test_settings_and_progress_merge_and_keep_unknown_keys(
    backend: Backend, store: SaveStore
) -> None:
    pid = store.create_profile("Ana").id
    assert store.settings(pid) == {}
    store.update_settings(pid, volume=0.8, theme="dusk")
    store.update_settings(pid, volume=0.3)
    store.update_progress(pid, mastered=["a"], streak_freezes=2)
    store.update_progress(pid, streak_freezes=1, future={"kept": [1, 2]})
    store = backend.reopen(store)
    assert store.settings(pid) == {"volume": 0.3, "theme": "dusk"}
    assert store.progress(pid) == {
        "mastered": ["a"],
        "streak_freezes": 1,
        "future": {"kept": [1, 2]},
    }
    # What callers get back is a copy: changing it does not change the save.
    copy = store.progress(pid)
    copy["mastered"].append("b")  # type: ignore[attr-defined]
    copy["future"]["kept"].append(3)  # type: ignore[index]
    assert store.progress(pid)["mastered"] == ["a"]
    assert store.progress(pid)["future"] == {"kept": [1, 2]}
    # So is what the save keeps: changing the value given does not change the save.
    given: dict[str, object] = {"kept": [[1], {"deep": [2]}], "pair": (1, 2)}
    store.update_progress(pid, future=given)
    given["kept"][0].append(9)  # type: ignore[index]
    given["kept"][1]["deep"].append(9)  # type: ignore[index]
    assert store.progress(pid)["future"] == {"kept": [[1], {"deep": [2]}], "pair": (1, 2)}


@pytest.mark.parametrize(
    "value", [math.nan, math.inf, -math.inf, {1: "x"}, {"a": {2, 3}}, object(), [math.nan]]
)
def test_settings_refuse_values_json_cannot_hold(store: SaveStore, value: object) -> None:
    pid = store.create_profile("Ana").id
    before = store.export_bytes()
    with pytest.raises(InvalidValue):
        store.update_settings(pid, bad=value)
    with pytest.raises(InvalidValue):
        store.update_progress(pid, bad=value)
    assert store.export_bytes() == before
    assert store.settings(pid) == {}


def test_sessions_round_trip_in_order(backend: Backend, store: SaveStore) -> None:
    pid = store.create_profile("Ana").id
    results = [make_result(n) for n in range(5)]
    ids = [store.record_session(pid, result, 10 * n) for n, result in enumerate(results)]
    assert len(set(ids)) == 5
    store = backend.reopen(store)
    stored = store.sessions(pid)
    assert [s.id for s in stored] == ids
    assert [s.result for s in stored] == results
    assert [s.xp for s in stored] == [0, 10, 20, 30, 40]
    assert store.total_xp(pid) == 100


def test_session_record_on_disk_is_plain_json(store: SaveStore) -> None:
    pid = store.create_profile("Ana").id
    store.record_session(pid, make_result(3), 25)
    record = next(iter(json.loads(store.export_bytes())["sessions"].values()))
    assert record["local_date"] == "2026-11-18"
    assert record["started_at"].endswith("+00:00")
    assert record["utc_offset_minutes"] == 60
    assert record["form"] == "steady"
    assert record["exercises"][0] == ["bird_dog", "left", 33.0, 8, 6, False]


@pytest.mark.parametrize("xp", [-1, MAX_SESSION_XP + 1, 1.5, "10", True, None])
def test_bad_xp_is_refused(store: SaveStore, xp: object) -> None:
    pid = store.create_profile("Ana").id
    before = store.export_bytes()
    with pytest.raises(InvalidValue):
        store.record_session(pid, make_result(), xp)  # type: ignore[arg-type]
    assert store.export_bytes() == before
    assert store.sessions(pid) == []


def test_total_xp_cannot_overflow(store: SaveStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import game.store.codec as codec

    monkeypatch.setattr(codec, "MAX_TOTAL_XP", 25)
    pid = store.create_profile("Ana").id
    store.record_session(pid, make_result(1), 20)
    with pytest.raises(InvalidValue, match="overflow"):
        store.record_session(pid, make_result(2), 6)
    assert store.total_xp(pid) == 20


def _bypass(result: SessionResult, **changes: object) -> SessionResult:
    """Build a result that skips validation, as a buggy caller could."""
    bad = replace(result)
    for name, value in changes.items():
        object.__setattr__(bad, name, value)
    return bad


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"active_seconds": math.inf}, id="infinite-active-seconds"),
        pytest.param({"active_seconds": -1.0}, id="negative-active-seconds"),
        pytest.param({"utc_offset_minutes": 1.5}, id="fractional-offset"),
        pytest.param({"level_id": 7}, id="level-id-not-text"),
    ],
)
def test_results_that_skipped_their_own_checks_are_refused(
    store: SaveStore, bad: dict[str, object]
) -> None:
    pid = store.create_profile("Ana").id
    with pytest.raises(InvalidValue):
        store.record_session(pid, _bypass(make_result(), **bad), 5)
    assert store.sessions(pid) == []


def test_exercise_values_are_checked(store: SaveStore) -> None:
    pid = store.create_profile("Ana").id
    exercise = ExerciseResult("plank", seconds_held=10.0)
    object.__setattr__(exercise, "seconds_held", math.inf)
    with pytest.raises(InvalidValue, match="seconds"):
        store.record_session(pid, replace(make_result(), exercises=(exercise,)), 5)
    with pytest.raises(ValueError):
        ExerciseResult("plank", seconds_held=-1.0)
    with pytest.raises(ValueError, match="before"):
        replace(make_result(), ended_at=T0 - timedelta(hours=1))


def test_badges_once_each_with_dates(backend: Backend, store: SaveStore) -> None:
    pid = store.create_profile("Ana").id
    assert store.award_badge(pid, "first-steps", date(2026, 1, 1)) is True
    assert store.award_badge(pid, "first-steps", date(2026, 2, 1)) is False
    assert store.award_badge(pid, "week", datetime(2026, 1, 8, 7, tzinfo=timezone.utc)) is True
    with pytest.raises(InvalidValue):
        store.award_badge(pid, "", date(2026, 1, 1))
    store = backend.reopen(store)
    assert store.badges(pid) == {"first-steps": date(2026, 1, 1), "week": date(2026, 1, 8)}


def test_closed_store_refuses_calls(backend: Backend, store: SaveStore) -> None:
    pid = store.create_profile("Ana").id
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.profiles()
    with pytest.raises(StoreError, match="closed"):
        store.update_settings(pid, a=1)


def test_unknown_fields_survive_a_rewrite(backend: Backend, store: SaveStore) -> None:
    pid = store.create_profile("Ana").id
    store.record_session(pid, make_result(), 5)
    document = json.loads(store.export_bytes())
    document["from_a_mod"] = {"x": [1, 2]}
    document["profiles"][str(pid)]["avatar"] = "fox"
    next(iter(document["sessions"].values()))["heart_rate"] = 88
    document["friends"] = {"1": {"name": "Cy"}}
    store.close()
    if backend.kind == "disk":
        (backend.folder / "spinequest.json").write_text(json.dumps(document))
        store = backend.open()
    else:
        from game.store import memory_store

        store = memory_store(data=json.dumps(document).encode())
    store.rename_profile(pid, "Ana B")
    store.record_session(pid, make_result(1), 5)
    again = json.loads(store.export_bytes())
    assert again["from_a_mod"] == {"x": [1, 2]}
    assert again["friends"] == {"1": {"name": "Cy"}}
    assert again["profiles"][str(pid)] == {
        "name": "Ana B",
        "created": "2026-11-21",
        "avatar": "fox",
    }
    assert again["sessions"]["1"]["heart_rate"] == 88
    store.close()
