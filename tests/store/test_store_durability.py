"""Every rename that commits the save is made durable by syncing its folder.

A rename lives in the folder's own data: until the folder is synced, a power
cut can bring back the old name. The spy records the system calls a commit
makes, in order, and ties each fsync to the path its descriptor was opened on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from store_helpers import fixed_now, make_result

from game.store import BACKUP_NAME, SAVE_NAME, open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="folders cannot be synced there")


class SyscallSpy:
    """Wraps os.open, os.fsync, os.close and os.replace; keeps the order of calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.log: list[tuple[str, str]] = []
        self._paths: dict[int, str] = {}
        real_open: Callable[..., int] = os.open
        real_fsync: Callable[[int], None] = os.fsync
        real_close: Callable[[int], None] = os.close
        real_replace: Callable[..., None] = os.replace

        def spy_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            fd = real_open(path, flags, *args, **kwargs)
            self._paths[fd] = os.fspath(path)
            return fd

        def spy_fsync(fd: int) -> None:
            self.log.append(("fsync", self._paths.get(fd, f"fd {fd}")))
            real_fsync(fd)

        def spy_close(fd: int) -> None:
            self._paths.pop(fd, None)
            real_close(fd)

        def spy_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            real_replace(src, dst, *args, **kwargs)
            self.log.append(("replace", os.fspath(dst)))

        monkeypatch.setattr(os, "open", spy_open)
        monkeypatch.setattr(os, "fsync", spy_fsync)
        monkeypatch.setattr(os, "close", spy_close)
        monkeypatch.setattr(os, "replace", spy_replace)


def _second_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, SyscallSpy]:
    """A save with one session, then the calls a second session's commit makes."""
    folder = tmp_path / "saves"
    store = open_store(folder, now=fixed_now)
    pid = store.create_profile("Ana").id
    store.record_session(pid, make_result(0), 10)
    spy = SyscallSpy(monkeypatch)
    store.record_session(pid, make_result(1), 10)
    store.close()
    return folder, spy


def test_each_commit_syncs_the_folder_after_renaming_over_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, spy = _second_commit(tmp_path, monkeypatch)
    save = os.fspath(folder / SAVE_NAME)
    renames = [i for i, (call, path) in enumerate(spy.log) if call == "replace" and path == save]
    assert renames, f"the save was never renamed into place: {spy.log}"
    after = spy.log[renames[-1] + 1 :]
    assert ("fsync", os.fspath(folder)) in after, f"folder not synced after the rename: {spy.log}"
    # The new bytes were synced before they were renamed over the save.
    before = spy.log[: renames[-1]]
    assert any(call == "fsync" and path.endswith(".tmp") for call, path in before), spy.log


def test_the_backup_is_put_in_place_before_the_save_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, spy = _second_commit(tmp_path, monkeypatch)
    backup, save = os.fspath(folder / BACKUP_NAME), os.fspath(folder / SAVE_NAME)
    calls = [c for c in spy.log if c[0] == "replace" and c[1] in (backup, save)]
    assert calls == [("replace", backup), ("replace", save)], spy.log
