"""Opening a save folder: lock it, read the save, fall back to the backup, upgrade.

Nothing here deletes a player's file. A save that cannot be used is moved to
``quarantine/`` with a timestamp and the player is told, in plain words, what
happened and which progress was restored. When neither the save nor its
backup can be read, ``SaveUnreadable`` is raised with both files untouched;
``start_over`` is for the UI to call once the player agrees.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from game.store.atomic import (
    DiskSink,
    MemorySink,
    atomic_write,
    quarantine,
    quarantine_detour,
    remove_stale_temps,
)
from game.store.bounds import shorten
from game.store.errors import SaveUnreadable, SchemaError, StoreError
from game.store.jsontext import RecordTexts, parse_document
from game.store.lock import FolderLock
from game.store.models import StoredSession
from game.store.schema import (
    SCHEMA_VERSION,
    SESSIONS,
    Document,
    Tables,
    read_version,
    split,
    upgrade,
)
from game.store.schema import validate as validate_tables
from game.store.storage import SaveStorage
from game.store.store import SaveStore

SAVE_NAME = "spinequest.json"
BACKUP_NAME = "spinequest.json.bak"
Now = Callable[[], datetime]

#: ``open_store`` returns the store itself; its ``notices`` and ``read_only``
#: describe what happened while opening.
OpenedStore = SaveStore

_FIXED_NOW = datetime(2000, 1, 1, tzinfo=timezone.utc)
#: Why a snapshot refuses changes (it is never shown for a store the game opened).
SNAPSHOT_REASON = (
    "This is a read-only copy of the last save; only the game that holds the folder writes it."
)


@dataclass
class _Loaded:
    """One file read and checked: either a usable document or the reason it is not."""

    path: Path
    raw: bytes = b""
    document: Document | None = None
    version: int = SCHEMA_VERSION
    problem: str | None = None
    missing: bool = False
    hidden: bool = False
    tables: Tables = field(default_factory=dict)
    extras: Document = field(default_factory=dict)
    sessions: dict[int, StoredSession] = field(default_factory=dict)
    texts: RecordTexts = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return self.problem is None and not self.missing

    @property
    def newer(self) -> bool:
        return self.usable and self.version > SCHEMA_VERSION


def open_store(folder: Path, *, now: Now) -> OpenedStore:
    """Open (or create) the save in ``folder``; see the module notes for what can happen."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"The save folder {folder} cannot be created ({exc.strerror}).") from exc
    lock = FolderLock.acquire(folder)
    try:
        return _open_locked(folder, lock, now)
    except BaseException:
        lock.release()
        raise


def read_snapshot(folder: Path) -> tuple[SaveStore, str]:
    """The last committed save in ``folder``, read-only, without the lock and never written,
    and when it was saved (for "figures as of ...").

    For ``stats`` and ``export`` while a game holds the folder: every commit
    replaces the file in one rename, so the bytes read are one whole save.
    Nothing is quarantined, restored, upgraded on disk or cleaned up here; the
    game that holds the folder does that. A damaged save falls back to its
    backup in memory only, and the notice says so.
    """
    folder = Path(folder)
    save, backup = folder / SAVE_NAME, folder / BACKUP_NAME
    loaded, notices = _load(save), []
    if not loaded.usable:
        spare = _load(backup)
        if not spare.usable:
            problems = [
                f"{item.path.name}: {item.problem or 'missing'}" for item in (loaded, spare)
            ]
            raise SaveUnreadable([save, backup], problems)
        notices.append(
            f"The save file {loaded.problem or 'was missing'}; "
            f"showing the backup of {_saved_when(spare)}."
        )
        loaded = spare
    reason = _newer_message(loaded.version) if loaded.newer else SNAPSHOT_REASON
    storage = SaveStorage(
        MemorySink(), loaded.extras, loaded.tables, loaded.raw, texts=loaded.texts
    )
    store = SaveStore(
        storage,
        loaded.sessions,
        today=lambda: _FIXED_NOW.date(),
        path=save,
        notices=notices,
        read_only_reason=reason,
    )
    return store, _saved_when(loaded)


def start_over(folder: Path, *, now: Now) -> OpenedStore:
    """Set the old save files aside in quarantine (never deleted) and start a fresh save.

    Only for the UI to call after the player has agreed to it.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lock = FolderLock.acquire(folder)
    try:
        kept = [
            quarantine(path, now)
            for path in (folder / SAVE_NAME, folder / BACKUP_NAME)
            if path.exists()
        ]
        notices = []
        if kept:
            where = ", ".join(str(path) for path in kept)
            notices.append(
                f"A new save was started. The old save files were kept in {where}."
                + quarantine_detour(kept[0])
            )
        return _fresh(folder, lock, now, notices)
    except BaseException:
        lock.release()
        raise


def memory_store(*, now: Now | None = None, data: bytes | None = None) -> SaveStore:
    """A store that lives only in memory, with the same API and checks, for tests and previews.

    ``data`` (a save document, as ``SaveStore.export_bytes`` gives) is loaded
    with the same checks as a file; it raises ``SaveUnreadable`` if it fails them.
    """
    clock = now or (lambda: _FIXED_NOW)
    loaded = _Loaded(Path(SAVE_NAME))
    if data is None:
        loaded.extras, loaded.tables = {"schema_version": SCHEMA_VERSION}, split({})[1]
    else:
        loaded.raw = data
        with _collector_paused():
            loaded.problem = _check(loaded)
        if loaded.problem is not None:
            raise SaveUnreadable([], [loaded.problem])
    read_only = _newer_message(loaded.version) if loaded.newer else None
    storage = SaveStorage(MemorySink(), loaded.extras, loaded.tables, data, texts=loaded.texts)
    if read_only is None:
        storage.commit()
    return SaveStore(
        storage,
        loaded.sessions,
        today=lambda: clock().date(),
        read_only_reason=read_only,
    )


def _newer_message(version: int) -> str:
    return (
        f"This save was made by a newer version of Spine Quest (save format "
        f"{version}; this version understands up to {SCHEMA_VERSION}). "
        "It is open read-only: nothing you do now will be saved. Update the game to continue."
    )


def _open_locked(folder: Path, lock: FolderLock, now: Now) -> SaveStore:
    save, backup = folder / SAVE_NAME, folder / BACKUP_NAME
    remove_stale_temps(folder, (SAVE_NAME, BACKUP_NAME))
    main = _load(save)
    if main.usable:
        return _adopt(main, folder, lock, now, [])
    spare = _load(backup)
    if main.missing and spare.missing:
        return _fresh(folder, lock, now, [])
    if not spare.usable:
        problems = [f"{item.path.name}: {item.problem or 'missing'}" for item in (main, spare)]
        raise SaveUnreadable([save, backup], problems)
    if main.missing:
        notice = (
            f"Your save file {save} was missing; your progress from the backup of "
            f"{_saved_when(spare)} was restored."
        )
    else:
        kept = quarantine(save, now)
        notice = (
            f"Your save file {main.problem} and has been set aside as {kept}; "
            f"your progress from the backup of {_saved_when(spare)} was restored."
            + quarantine_detour(kept)
        )
    spare.path = save
    return _adopt(spare, folder, lock, now, [notice], restored=True)


def _adopt(
    loaded: _Loaded,
    folder: Path,
    lock: FolderLock,
    now: Now,
    notices: list[str],
    *,
    restored: bool = False,
) -> SaveStore:
    save = folder / SAVE_NAME
    read_only = None
    if loaded.newer:
        read_only = _newer_message(loaded.version)
        notices.append(read_only)
        if loaded.hidden:
            notices.append("This version of the game cannot show the progress in that save.")
    elif loaded.version < SCHEMA_VERSION:
        kept = folder / f"{SAVE_NAME}.v{loaded.version}.bak"
        atomic_write(kept, loaded.raw)
        notices.append(
            f"Your save was upgraded from format {loaded.version} to {SCHEMA_VERSION}; "
            f"a copy of the old file is kept as {kept}."
        )
    storage = SaveStorage(
        DiskSink(save, folder / BACKUP_NAME),
        loaded.extras,
        loaded.tables,
        loaded.raw or None,
        stamp=lambda: now().astimezone(timezone.utc).isoformat(timespec="seconds"),
        texts=loaded.texts,
    )
    if read_only is None and (restored or loaded.version < SCHEMA_VERSION):
        storage.commit()
    return SaveStore(
        storage,
        loaded.sessions,
        today=lambda: now().date(),
        path=save,
        lock=lock,
        notices=notices,
        read_only_reason=read_only,
    )


def _fresh(folder: Path, lock: FolderLock, now: Now, notices: list[str]) -> SaveStore:
    loaded = _Loaded(folder / SAVE_NAME, raw=b"")
    loaded.extras, loaded.tables = {"schema_version": SCHEMA_VERSION}, split({})[1]
    return _adopt(loaded, folder, lock, now, notices, restored=True)


def _load(path: Path) -> _Loaded:
    """Read and check one file, describing any problem in words a player can follow."""
    loaded = _Loaded(path)
    try:
        loaded.raw = path.read_bytes()
    except FileNotFoundError:
        loaded.missing = True
        return loaded
    except OSError as exc:
        loaded.problem = f"could not be read from the disk ({exc.strerror or exc})"
        return loaded
    with _collector_paused():
        loaded.problem = _check(loaded)
    return loaded


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading builds tens of thousands of small acyclic records; cycle scans only slow it.

    Pausing alone only defers the work: the first allocation after it would
    scan every record just made (about 20 ms for a ten-year save). The records
    live as long as the save is open, so they are handed straight to the oldest
    generation instead, where a full collection still checks them in its time.
    ``freeze`` then ``unfreeze`` is the collector's own way to do that without a
    scan; it is skipped if something else has frozen objects, so as never to
    release those.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def _check(loaded: _Loaded) -> str | None:
    raw = loaded.raw
    if not raw or raw.isspace():  # as ``not raw.strip()``, without copying the file
        return "was empty"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "was not readable text (it is not valid UTF-8)"
    text = text.removeprefix("\ufeff")
    try:
        document, loaded.texts = parse_document(text, SESSIONS)
    except SchemaError as exc:
        return f"was damaged ({shorten(str(exc), 300)})"
    except ValueError as exc:
        return _describe_json_error(text, exc)
    try:
        version = read_version(document)
        assert isinstance(document, dict)
        loaded.version = version
        if version > SCHEMA_VERSION:
            _check_newer(loaded, document)
            return None
        document = upgrade(document, version)
        loaded.extras, loaded.tables = split(document)
        # An upgrade may have rewritten records, so the texts read vouch only for a save
        # of the current format.
        texts = loaded.texts if version == SCHEMA_VERSION else None
        loaded.sessions = validate_tables(loaded.tables, texts)
    except SchemaError as exc:
        return f"did not hold a valid save ({shorten(str(exc), 300)})"
    loaded.document = document
    return None


def _check_newer(loaded: _Loaded, document: Document) -> None:
    """A newer game's save is shown if its known tables still read; it is never written."""
    try:
        loaded.extras, loaded.tables = split(document)
        loaded.sessions = validate_tables(loaded.tables)
    except SchemaError:
        loaded.extras, loaded.tables, loaded.sessions = {}, split({})[1], {}
        loaded.hidden = True
    loaded.document = document


def _describe_json_error(text: str, exc: ValueError) -> str:
    message = str(exc)
    position = getattr(exc, "pos", None)
    if message.startswith("Extra data"):
        return "had unexpected bytes after its end"
    if message.startswith("Unterminated string") or (
        isinstance(position, int) and position >= len(text.rstrip())
    ):
        return "was cut short"
    return f"was damaged ({message})"


def _saved_when(loaded: _Loaded) -> str:
    stamp = loaded.extras.get("saved_at")
    if isinstance(stamp, str):
        try:
            return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M UTC")
        except ValueError:
            pass
    try:
        modified = os.stat(loaded.path).st_mtime
    except OSError:
        return "an earlier date"
    return datetime.fromtimestamp(modified, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
