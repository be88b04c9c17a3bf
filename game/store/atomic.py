"""Crash-safe file operations: every byte reaches the save through a rename.

A commit writes a temporary file in the save folder, flushes and fsyncs it,
keeps the previous save as the backup (a hard link to its old bytes, or a copy
where links are not supported), renames the temporary file over the save and
fsyncs the folder. A crash at any instant leaves either the old or the new
file in place, never a mixture. Every ``os`` call goes through the module so
tests can inject faults.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from game.store.errors import StoreError

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"


class Sink(Protocol):
    """Where committed save bytes go: a file on disk, or memory for previews."""

    def commit(self, data: bytes) -> None: ...


class MemorySink:
    """Keeps the last committed bytes in memory; used by ``memory_store``."""

    def __init__(self) -> None:
        self.data: bytes | None = None

    def commit(self, data: bytes) -> None:
        self.data = data


class DiskSink:
    """Commits bytes to ``path`` atomically, keeping the previous file as ``backup``."""

    def __init__(self, path: Path, backup: Path | None) -> None:
        self.path = path
        self.backup = backup

    def commit(self, data: bytes) -> None:
        try:
            self._keep_backup()
            atomic_write(self.path, data)
        except OSError as exc:
            raise StoreError(describe_write_error(self.path, exc)) from exc

    def _keep_backup(self) -> None:
        """Point the backup at the current save's bytes before they are replaced.

        The temporary name is cleared first and again afterwards: a game killed
        between the two renames can leave the backup and the save as one file,
        and renaming one hard link onto another of the same file does nothing,
        leaving the temporary link behind. Writing through such a leftover link
        would overwrite the backup in place.
        """
        if self.backup is None or not self.path.exists():
            return
        temp = _temp_name(self.backup)
        _remove_quietly(temp)
        try:
            try:
                os.link(self.path, temp)
            except OSError:
                # Some file systems (FAT, some network shares) have no hard links.
                _remove_quietly(temp)
                shutil.copyfile(self.path, temp)
                _fsync_file(temp)
            os.replace(temp, self.backup)
        finally:
            _remove_quietly(temp)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or new bytes only."""
    temp = _temp_name(path)
    _remove_quietly(temp)
    try:
        # O_EXCL: always a new file, never one shared through a leftover hard link.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temp, flags, 0o644)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be opened."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        # The rename already happened; some file systems refuse to sync folders.
        pass
    finally:
        os.close(fd)


def describe_write_error(path: Path, exc: OSError) -> str:
    """A player-facing sentence for a failed save."""
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "the game is not allowed to write there"
    else:
        reason = exc.strerror or str(exc)
    return (
        f"Your progress could not be saved to {path} ({reason}). "
        "The last saved progress is still safe; free some space or check the folder and try again."
    )


QUARANTINE = "quarantine"
_QUARANTINE_TRIES = 100


def quarantine(path: Path, now: Callable[[], datetime]) -> Path:
    """Move ``path`` into ``quarantine/`` beside it with a UTC timestamp; never overwrite.

    When something that is not a folder already holds the name ``quarantine``,
    the next free ``quarantine-N`` folder is used; ``quarantine_detour`` words
    that for the player. Any failure is a ``StoreError`` with ``path`` untouched.
    """
    try:
        folder = quarantine_folder(path.parent)
        stamp = now().astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = folder / f"{path.name}.{stamp}"
        counter = 1
        while target.exists() or target.is_symlink():
            target = folder / f"{path.name}.{stamp}.{counter}"
            counter += 1
        os.replace(path, target)
    except OSError as exc:
        raise StoreError(
            f"The damaged file {path} could not be set aside ({exc.strerror or exc}); "
            "nothing was changed. Check the save folder and try again."
        ) from exc
    fsync_folder(folder)
    fsync_folder(path.parent)
    return target


def quarantine_folder(parent: Path) -> Path:
    """``parent/quarantine``, made if needed, or a fresh ``quarantine-N`` if a file has the name."""
    for number in range(1, _QUARANTINE_TRIES + 1):
        folder = parent / (QUARANTINE if number == 1 else f"{QUARANTINE}-{number}")
        try:
            folder.mkdir(exist_ok=True)
        except FileExistsError:
            continue  # a file (or a link to one) is in the way
        if folder.is_dir():
            return folder
    raise FileExistsError(errno.EEXIST, f"no free quarantine folder name in {parent}")


def quarantine_detour(kept: Path) -> str:
    """A sentence for the player when ``kept`` is not in the usual quarantine folder, else ''."""
    if kept.parent.name == QUARANTINE:
        return ""
    return (
        f" Something that is not a folder is named {kept.parent.parent / QUARANTINE}, "
        f"so the folder {kept.parent.name} was used instead."
    )


def remove_stale_temps(folder: Path, names: tuple[str, ...]) -> None:
    """Delete temporary files a killed game left behind (only ever partial copies)."""
    for name in names:
        for leftover in folder.glob(f"{TEMP_PREFIX}{name}.*{TEMP_SUFFIX}"):
            _remove_quietly(leftover)


def _temp_name(path: Path) -> Path:
    return path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}{TEMP_SUFFIX}")


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
