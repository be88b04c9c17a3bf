"""One game per save folder, enforced with an OS file lock.

The lock is an advisory ``flock`` (``msvcrt.locking`` on Windows) on
``spinequest.lock``. The operating system drops it when the process dies, so a
game that crashed or was killed never blocks the next start, and there is no
stale-lock guesswork based on process ids or file ages. The file itself is
left in place: deleting it would let two games lock two different files.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType

from game.store.errors import SaveLocked, StoreError

LOCK_NAME = "spinequest.lock"


class FolderLock:
    """An exclusive hold on a save folder for the life of one open store."""

    def __init__(self, folder: Path, fd: int) -> None:
        self.folder = folder
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, folder: Path) -> FolderLock:
        """Take the folder or raise ``SaveLocked`` naming it; never waits."""
        path = folder / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(
                f"The save folder {folder} cannot be used ({exc.strerror or exc})."
            ) from exc
        try:
            _lock(fd)
        except OSError:
            holder = _read_holder(fd)
            os.close(fd)
            raise SaveLocked(folder, holder) from None
        _write_holder(fd)
        return cls(folder, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_holder(fd: int) -> str | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except (OSError, AttributeError):
        return None
    return text if text.isdigit() else None


def _write_holder(fd: int) -> None:
    """Record our process id, only to name it in the other game's message."""
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
    except (OSError, AttributeError):
        pass


if sys.platform == "win32":  # pragma: no cover - Linux is what CI runs
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
