"""Damaged saves are set aside, the backup is restored and the player is told each time."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from store_helpers import fixed_now, make_result

from game.store import (
    BACKUP_NAME,
    SAVE_NAME,
    SCHEMA_VERSION,
    UPGRADERS,
    ReadOnlyStore,
    SaveStore,
    SaveUnreadable,
    StoreError,
    memory_store,
    open_store,
    read_snapshot,
    start_over,
)


def _play(folder: Path, sessions: int) -> bytes:
    """Save a profile with ``sessions`` sessions; return the bytes of the backup left behind."""
    with open_store(folder, now=fixed_now) as store:
        pid = store.create_profile("Ana").id
        store.award_badge(pid, "first-steps", make_result().local_date)
        for n in range(sessions):
            store.record_session(pid, make_result(n), 10)
    return (folder / BACKUP_NAME).read_bytes()


def _state(store: SaveStore) -> dict[str, Any]:
    profiles = store.profiles()
    return {
        "profiles": [(p.id, p.name) for p in profiles],
        "sessions": {p.id: [s.result for s in store.sessions(p.id)] for p in profiles},
        "badges": {p.id: store.badges(p.id) for p in profiles},
    }


def _state_of(data: bytes) -> dict[str, Any]:
    return _state(memory_store(data=data))


def _drop_field(data: bytes) -> bytes:
    document = json.loads(data)
    next(iter(document["sessions"].values())).pop("level_id")
    return json.dumps(document).encode()


def _negative_hold(data: bytes) -> bytes:
    document = json.loads(data)
    next(iter(document["sessions"].values()))["exercises"][0][2] = -5
    return json.dumps(document).encode()


def _huge_hold(data: bytes) -> bytes:
    """A whole number too large for a float: once an OverflowError that escaped recovery."""
    document = json.loads(data)
    next(iter(document["sessions"].values()))["exercises"][1][2] = 10**400
    return json.dumps(document).encode()


def _with(**changes: Any) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        document = json.loads(data)
        document.update(changes)
        return json.dumps(document).encode()

    return change


CORRUPTIONS: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "empty": (lambda data: b"", "was empty"),
    "blank": (lambda data: b"  \n", "was empty"),
    "cut-in-half": (lambda data: data[: len(data) // 2], "cut short"),
    "cut-near-end": (lambda data: data[:-3], "cut short"),
    "cut-to-one-byte": (lambda data: data[:1], "cut short"),
    "trailing-bytes": (lambda data: data + b'{"x":1}', "after its end"),
    "trailing-garbage": (lambda data: data + b"\x00\x00", "after its end"),
    "not-utf8": (lambda data: data[:40] + b"\xff\xfe" + data[40:], "UTF-8"),
    "zeros": (lambda data: b"\x00" * len(data), "damaged"),
    "not-an-object": (lambda data: b"[1, 2, 3]", "valid save"),
    "no-version": (lambda data: b'{"profiles": {}}', "schema_version"),
    "version-is-text": (_with(schema_version="1"), "schema_version"),
    "table-is-a-list": (_with(profiles=[1, 2]), "profiles"),
    "record-not-object": (_with(badges={"1": "gold"}), "badges"),
    "bad-record-id": (_with(profiles={"one": {"name": "A", "created": "2026-01-01"}}), "number"),
    "missing-field": (_drop_field, "level_id"),
    "negative-hold": (_negative_hold, "seconds_held"),
    "huge-hold": (_huge_hold, "exercise 2 seconds_held"),
    "nan-literal": (lambda data: data.replace(b'"xp":10', b'"xp":NaN', 1), "NaN"),
    "bad-date": (
        _with(profiles={"1": {"name": "Ana", "created": "2026-13-45"}}),
        "created",
    ),
}


@pytest.mark.parametrize("case", sorted(CORRUPTIONS))
def test_damaged_save_is_quarantined_and_backup_restored(tmp_path: Path, case: str) -> None:
    corrupt, words = CORRUPTIONS[case]
    folder = tmp_path / "saves"
    backup = _play(folder, sessions=4)
    save = folder / SAVE_NAME
    damaged = corrupt(save.read_bytes())
    save.write_bytes(damaged)

    with open_store(folder, now=fixed_now) as store:
        assert len(store.notices) == 1
        notice = store.notices[0]
        assert words in notice
        assert "set aside" in notice and "backup" in notice and "restored" in notice
        assert not store.read_only
        assert _state(store) == _state_of(backup)
        assert len(_state(store)["sessions"][1]) == 3  # everything up to the last save
    kept = list((folder / "quarantine").iterdir())
    assert [p.read_bytes() for p in kept] == [damaged]
    assert kept[0].name == "spinequest.json.20261121T093000Z"
    assert str(kept[0]) in notice
    # The restored save is a good file again: the next start is quiet.
    with open_store(folder, now=fixed_now) as again:
        assert again.notices == []
        assert _state(again) == _state_of(backup)


def test_missing_save_is_restored_from_backup(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    backup = _play(folder, sessions=2)
    (folder / SAVE_NAME).unlink()
    with open_store(folder, now=fixed_now) as store:
        assert "missing" in store.notices[0] and "restored" in store.notices[0]
        assert _state(store) == _state_of(backup)
    assert (folder / SAVE_NAME).exists()


def test_first_start_is_a_quiet_fresh_save(tmp_path: Path) -> None:
    with open_store(tmp_path / "new" / "saves", now=fixed_now) as store:
        assert store.notices == [] and store.profiles() == [] and not store.read_only
    document = json.loads((tmp_path / "new" / "saves" / SAVE_NAME).read_bytes())
    assert document["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("backup_state", ["missing", "damaged"])
def test_neither_file_readable_raises_and_changes_nothing(
    tmp_path: Path, backup_state: str
) -> None:
    folder = tmp_path / "saves"
    _play(folder, sessions=2)
    save, backup = folder / SAVE_NAME, folder / BACKUP_NAME
    save.write_bytes(b'{"schema_version": 1, "prof')
    if backup_state == "missing":
        backup.unlink()
    else:
        backup.write_bytes(b"")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    with pytest.raises(SaveUnreadable) as caught:
        open_store(folder, now=fixed_now)
    assert caught.value.paths == (save, backup)
    assert "could not be read" in str(caught.value) and "Nothing has been deleted" in str(
        caught.value
    )
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == before  # not moved, not rewritten, no fresh save

    # Only with the player's consent: keep both in quarantine and begin again.
    with start_over(folder, now=fixed_now) as store:
        assert store.profiles() == []
        assert "kept" in store.notices[0]
    kept = sorted(p.read_bytes() for p in (folder / "quarantine").iterdir())
    expected = sorted(v for k, v in before.items() if k in (SAVE_NAME, BACKUP_NAME))
    assert kept == expected
    with open_store(folder, now=fixed_now) as again:
        assert again.notices == []


def _newer_document(folder: Path) -> bytes:
    _play(folder, sessions=2)
    document = json.loads((folder / SAVE_NAME).read_bytes())
    document["schema_version"] = SCHEMA_VERSION + 1
    document["hover_boards"] = {"1": {"colour": "teal"}}
    data = json.dumps(document).encode()
    (folder / SAVE_NAME).write_bytes(data)
    return data


def test_save_from_newer_game_opens_read_only_and_is_never_written(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    data = _newer_document(folder)
    backup_before = (folder / BACKUP_NAME).read_bytes()
    with open_store(folder, now=fixed_now) as store:
        assert store.read_only
        assert store.read_only_reason is not None and "newer version" in store.read_only_reason
        assert any("read-only" in notice for notice in store.notices)
        assert [p.name for p in store.profiles()] == ["Ana"]
        assert len(store.sessions(1)) == 2
        attempts: list[Callable[[], object]] = [
            lambda: store.create_profile("Ben"),
            lambda: store.record_session(1, make_result(9), 5),
            lambda: store.update_settings(1, volume=1),
            lambda: store.update_progress(1, x=1),
            lambda: store.award_badge(1, "new", make_result().local_date),
            lambda: store.rename_profile(1, "Zed"),
            lambda: store.delete_profile(1),
            lambda: store.set_last_profile_id(1),
        ]
        for attempt in attempts:
            with pytest.raises(ReadOnlyStore, match="read-only"):
                attempt()
    assert (folder / SAVE_NAME).read_bytes() == data
    assert (folder / BACKUP_NAME).read_bytes() == backup_before
    assert not (folder / "quarantine").exists()


def test_newer_save_with_unfamiliar_tables_is_still_not_touched(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    data = json.dumps({"schema_version": SCHEMA_VERSION + 3, "profiles": [["new", "shape"]]})
    (folder).mkdir()
    (folder / SAVE_NAME).write_text(data)
    with open_store(folder, now=fixed_now) as store:
        assert store.read_only and store.profiles() == []
        assert any("cannot show" in notice for notice in store.notices)
    assert (folder / SAVE_NAME).read_text() == data


def test_older_save_is_upgraded_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fake format 0 (profiles were called "players") proves the upgrader chain."""

    def from_zero(document: dict[str, Any]) -> dict[str, Any]:
        document["profiles"] = document.pop("players")
        return document

    monkeypatch.setitem(UPGRADERS, 0, from_zero)
    folder = tmp_path / "saves"
    folder.mkdir()
    old = json.dumps(
        {
            "schema_version": 0,
            "players": {"1": {"name": "Ana", "created": "2020-05-01", "hat": "red"}},
            "unknown_top": [1, 2, 3],
        }
    ).encode()
    (folder / SAVE_NAME).write_bytes(old)
    with open_store(folder, now=fixed_now) as store:
        assert [p.name for p in store.profiles()] == ["Ana"]
        assert "upgraded from format 0" in store.notices[0]
        store.update_settings(1, volume=0.2)
    assert (folder / f"{SAVE_NAME}.v0.bak").read_bytes() == old
    document = json.loads((folder / SAVE_NAME).read_bytes())
    assert document["schema_version"] == SCHEMA_VERSION
    assert "players" not in document
    assert document["profiles"]["1"]["hat"] == "red"
    assert document["unknown_top"] == [1, 2, 3]


def test_save_with_no_upgrade_path_is_not_opened_as_empty(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / SAVE_NAME).write_text('{"schema_version": 0}')
    with pytest.raises(SaveUnreadable, match="could not be read"):
        open_store(folder, now=fixed_now)


def test_memory_store_refuses_damaged_data() -> None:
    with pytest.raises(SaveUnreadable):
        memory_store(data=b'{"schema_version": 1, "sessions": [')


@pytest.mark.parametrize("blocker", ["file", "link-to-file", "two-files"])
def test_a_file_named_quarantine_does_not_stop_the_recovery(tmp_path: Path, blocker: str) -> None:
    """Once a FileExistsError at start-up: the save goes to a fresh folder, and we say so."""
    folder = tmp_path / "saves"
    backup = _play(folder, sessions=3)
    (folder / SAVE_NAME).write_bytes(b'{"schema_version": 1, "prof')
    if blocker == "link-to-file":
        (tmp_path / "elsewhere").write_text("not a folder")
        (folder / "quarantine").symlink_to(tmp_path / "elsewhere")
    else:
        (folder / "quarantine").write_text("not a folder")
    if blocker == "two-files":
        (folder / "quarantine-2").write_text("not a folder either")
    fresh = folder / ("quarantine-3" if blocker == "two-files" else "quarantine-2")

    with open_store(folder, now=fixed_now) as store:
        assert _state(store) == _state_of(backup)
        (notice,) = store.notices
    assert [p.read_bytes() for p in fresh.iterdir()] == [b'{"schema_version": 1, "prof']
    assert str(fresh / "spinequest.json.20261121T093000Z") in notice
    assert f"{folder / 'quarantine'}" in notice and "not a folder" in notice
    assert (folder / "quarantine").read_text() == "not a folder"

    (folder / SAVE_NAME).write_bytes(b"")
    (folder / BACKUP_NAME).write_bytes(b"")
    with start_over(folder, now=fixed_now) as store:
        assert fresh.name in store.notices[0] and "not a folder" in store.notices[0]
    assert len(list(fresh.iterdir())) == 3


def test_a_quarantine_that_cannot_be_made_is_a_clear_error_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "saves"
    _play(folder, sessions=1)
    (folder / SAVE_NAME).write_bytes(b"{")

    real_mkdir = Path.mkdir

    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        if self.name == "quarantine":
            raise PermissionError(13, "Permission denied")
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StoreError, match=r"could not be set aside .*Permission denied"):
        open_store(folder, now=fixed_now)
    assert (folder / SAVE_NAME).read_bytes() == b"{"


def test_a_snapshot_reads_without_the_lock_and_never_writes(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    backup = _play(folder, sessions=2)
    with open_store(folder, now=fixed_now) as game:  # holds the lock throughout
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        snapshot, saved_at = read_snapshot(folder)
        assert snapshot.read_only and snapshot.notices == []
        assert _state(snapshot) == _state(game)
        assert saved_at == "2026-11-21 09:30 UTC"
        with pytest.raises(ReadOnlyStore):
            snapshot.update_progress(1, replay={"x": 1})
        (folder / SAVE_NAME).unlink()
        damaged, _ = read_snapshot(folder)
        assert "missing" in damaged.notices[0] and _state(damaged) == _state_of(backup)
        assert {p.name for p in folder.iterdir()} == set(before) - {SAVE_NAME}
