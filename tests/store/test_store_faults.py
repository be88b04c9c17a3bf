"""A failing disk (full, or erroring) never costs the last good save or leaves litter."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from store_helpers import fixed_now, make_result

from game.store import BACKUP_NAME, SAVE_NAME, SaveStore, StoreError, open_store

FAILING = ["write", "fsync", "replace"]
ERRORS = {
    "enospc": (errno.ENOSPC, "disk is full"),
    "eio": (errno.EIO, "Input/output error"),
}


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str, code: int, nth: int = 1) -> list[int]:
    """Make ``os.<name>`` raise from its ``nth`` call on; returns the call counter."""
    real: Callable[..., Any] = getattr(os, name)
    calls = [0]

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] >= nth:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)
    return calls


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def saved(tmp_path: Path) -> tuple[SaveStore, Path]:
    folder = tmp_path / "saves"
    store = open_store(folder, now=fixed_now)
    pid = store.create_profile("Ana").id
    store.record_session(pid, make_result(0), 10)
    store.record_session(pid, make_result(1), 10)
    return store, folder


# (call, nth): the file write, the file fsync, the backup rename and the save rename.
STEPS = [("write", 1), ("fsync", 1), ("replace", 1), ("replace", 2)]


@pytest.mark.parametrize("error", sorted(ERRORS))
@pytest.mark.parametrize(("call", "nth"), STEPS)
def test_failed_write_keeps_old_files_and_memory(
    saved: tuple[SaveStore, Path],
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    error: str,
    nth: int,
) -> None:
    store, folder = saved
    code, words = ERRORS[error]
    save_before = (folder / SAVE_NAME).read_bytes()
    backup_before = (folder / BACKUP_NAME).read_bytes()
    committed_before = store.export_bytes()

    with monkeypatch.context() as patch:
        calls = _fail_on(patch, call, code, nth)
        with pytest.raises(StoreError, match=words) as caught:
            store.record_session(1, make_result(2), 10)
        assert calls[0] >= nth
    assert "could not be saved" in str(caught.value)
    assert "still safe" in str(caught.value)
    assert (folder / SAVE_NAME).read_bytes() == save_before
    assert (folder / BACKUP_NAME).read_bytes() in (backup_before, save_before)
    assert _leftovers(folder) == []
    # Memory went back to what the disk holds, so nothing is promised that is not saved.
    assert store.export_bytes() == committed_before
    assert len(store.sessions(1)) == 2 and store.total_xp(1) == 20

    # Once the disk recovers the same store saves normally, with the next free id.
    record_id = store.record_session(1, make_result(2), 10)
    assert record_id == 3
    store.close()
    with open_store(folder, now=fixed_now) as again:
        assert again.notices == []
        assert [s.id for s in again.sessions(1)] == [1, 2, 3]


@pytest.mark.parametrize("call", FAILING)
def test_failed_multi_table_change_is_all_or_nothing(
    saved: tuple[SaveStore, Path], monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    store, folder = saved
    store.award_badge(1, "first", make_result().local_date)
    store.update_settings(1, volume=0.4)
    before = (folder / SAVE_NAME).read_bytes()
    with monkeypatch.context() as patch:
        _fail_on(patch, call, errno.ENOSPC)
        with pytest.raises(StoreError):
            store.delete_profile(1)
    assert (folder / SAVE_NAME).read_bytes() == before
    assert [p.name for p in store.profiles()] == ["Ana"]
    assert store.badges(1) and store.settings(1) == {"volume": 0.4}
    assert len(store.sessions(1)) == 2
    store.close()


def test_failed_folder_sync_after_rename_is_not_a_lost_save(
    saved: tuple[SaveStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems refuse to sync folders; the renamed file is already in place."""
    store, folder = saved
    with monkeypatch.context() as patch:
        _fail_on(patch, "fsync", errno.EINVAL, nth=2)
        store.record_session(1, make_result(5), 1)
    store.close()
    with open_store(folder, now=fixed_now) as again:
        assert len(again.sessions(1)) == 3


def test_short_writes_then_a_full_disk(
    saved: tuple[SaveStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``os.write`` may write less than asked; the rest is retried until the disk fills."""
    store, folder = saved
    before = (folder / SAVE_NAME).read_bytes()
    real = os.write
    calls = [0]

    def dribble(fd: int, data: Any) -> int:
        calls[0] += 1
        if calls[0] > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, bytes(data[:10]))

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", dribble)
        with pytest.raises(StoreError, match="disk is full"):
            store.record_session(1, make_result(5), 1)
    assert calls[0] == 4
    assert (folder / SAVE_NAME).read_bytes() == before
    assert _leftovers(folder) == []
    store.record_session(1, make_result(5), 1)
    store.close()


def test_backup_falls_back_to_a_copy_without_hard_links(
    saved: tuple[SaveStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, folder = saved
    before = (folder / SAVE_NAME).read_bytes()
    with monkeypatch.context() as patch:
        _fail_on(patch, "link", errno.EPERM)
        store.record_session(1, make_result(5), 1)
    assert (folder / BACKUP_NAME).read_bytes() == before
    assert os.stat(folder / BACKUP_NAME).st_ino != os.stat(folder / SAVE_NAME).st_ino
    store.close()


def test_backup_survives_a_kill_between_the_two_renames(saved: tuple[SaveStore, Path]) -> None:
    """A game killed after linking the backup leaves backup, save and temp as one file.

    Renaming a hard link onto another link of the same file does nothing, so
    the next save must neither write through the leftover link nor keep it.
    """
    store, folder = saved
    save, backup = folder / SAVE_NAME, folder / BACKUP_NAME
    leftover = folder / f".{BACKUP_NAME}.{os.getpid()}.tmp"
    backup.unlink()
    os.link(save, backup)
    os.link(save, leftover)
    previous = save.read_bytes()
    for n in range(3):
        store.record_session(1, make_result(10 + n), 1)
        assert not leftover.exists()
        assert backup.read_bytes() == previous
        assert os.stat(backup).st_ino != os.stat(save).st_ino
        previous = save.read_bytes()
    store.close()
