"""The save store the game talks to: profiles, settings, sessions, badges, progress.

Every mutating call is one transaction, committed to disk before it returns.
Reads come from memory. Values are checked on the way in, so a bad value is
refused with ``InvalidValue`` instead of reaching the file.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document as Row
from tinydb.table import Table

from game.session.result import SessionResult
from game.store.codec import check_json_value, check_xp, encode_session
from game.store.errors import InvalidValue, ProfileNotFound, ReadOnlyStore, StoreError
from game.store.lock import FolderLock
from game.store.models import Profile, StoredSession
from game.store.names import MAX_NAME_LENGTH, name_problem
from game.store.schema import BADGES, META, PROFILES, PROGRESS, SESSIONS, SETTINGS
from game.store.storage import SaveStorage

_META_ID = 1
_DIGEST_CHUNK = 128  # session texts hashed at a time (about 100 KB)


class SaveStore:
    """One open save. Use as a context manager, or call ``close()`` to release the folder."""

    def __init__(
        self,
        storage: SaveStorage,
        sessions: dict[int, StoredSession],
        *,
        today: Callable[[], date],
        path: Path | None = None,
        lock: FolderLock | None = None,
        notices: list[str] | None = None,
        read_only_reason: str | None = None,
    ) -> None:
        self._storage = storage
        self._db = self._make_db()
        self._sessions = {key: sessions[key] for key in sorted(sessions)}
        self._today = today
        self._lock = lock
        self._closed = False
        self.path = path
        self.notices: list[str] = list(notices or [])
        self.read_only_reason = read_only_reason
        self._xp: dict[int, int] = {}
        for stored in sessions.values():
            self._xp[stored.profile_id] = self._xp.get(stored.profile_id, 0) + stored.xp

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # -- lifecycle --------------------------------------------------------------------

    def close(self) -> None:
        """Release the save folder. Everything is already on disk."""
        self._closed = True
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> SaveStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def export_bytes(self) -> bytes:
        """The last committed save document, exactly as it is (or would be) on disk."""
        self._check_open()
        return self._storage.committed

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Save the badges, settings and progress changed inside as one commit.

        All of them reach the disk, or (on any error) none do and the error is
        raised. Sessions are saved on their own, each in its own commit.
        """
        with self._mutation():
            yield

    # -- profiles ---------------------------------------------------------------------

    def create_profile(self, name: str, *, created: date | None = None) -> Profile:
        """Add a player. ``created`` defaults to today's date from the injected clock."""
        name = _check_name(name)
        day = created if created is not None else self._today()
        with self._mutation():
            profile_id = self._table(PROFILES).insert({"name": name, "created": day.isoformat()})
        return Profile(profile_id, name, day)

    def profiles(self) -> list[Profile]:
        self._check_open()
        return [_profile(row) for row in self._table(PROFILES).all()]

    def get_profile(self, profile_id: int) -> Profile:
        self._check_open()
        return _profile(self._row(profile_id))

    def rename_profile(self, profile_id: int, name: str) -> Profile:
        name = _check_name(name)
        self._row(profile_id)
        with self._mutation():
            self._table(PROFILES).update({"name": name}, doc_ids=[profile_id])
        return self.get_profile(profile_id)

    def delete_profile(self, profile_id: int) -> None:
        """Remove a player and everything saved for them, in one commit."""
        self._row(profile_id)
        owned = [k for k, s in self._sessions.items() if s.profile_id == profile_id]
        with self._mutation():
            self._table(PROFILES).remove(doc_ids=[profile_id])
            for name in (SETTINGS, PROGRESS):
                if self._table(name).contains(doc_id=profile_id):
                    self._table(name).remove(doc_ids=[profile_id])
            if owned:
                self._table(SESSIONS).remove(doc_ids=owned)
            self._table(BADGES).remove(lambda row: row.get("profile_id") == profile_id)
            if self.last_profile_id == profile_id:
                self._write_meta(last_profile_id=None)
        for key in owned:
            del self._sessions[key]
        self._xp.pop(profile_id, None)

    @property
    def last_profile_id(self) -> int | None:
        self._check_open()
        row = self._table(META).get(doc_id=_META_ID)
        value = row.get("last_profile_id") if isinstance(row, dict) else None
        return value if isinstance(value, int) else None

    @last_profile_id.setter
    def last_profile_id(self, profile_id: int | None) -> None:
        self.set_last_profile_id(profile_id)

    def set_last_profile_id(self, profile_id: int | None) -> None:
        if profile_id is not None:
            self._row(profile_id)
        with self._mutation():
            self._write_meta(last_profile_id=profile_id)

    # -- settings and progress: opaque JSON owned by other layers -----------------------

    def settings(self, profile_id: int) -> dict[str, object]:
        return self._blob(SETTINGS, profile_id)

    def update_settings(self, profile_id: int, **changes: object) -> dict[str, object]:
        return self._update_blob(SETTINGS, profile_id, changes)

    def progress(self, profile_id: int) -> dict[str, object]:
        return self._blob(PROGRESS, profile_id)

    def update_progress(self, profile_id: int, **changes: object) -> dict[str, object]:
        return self._update_blob(PROGRESS, profile_id, changes)

    # -- sessions ---------------------------------------------------------------------

    def record_session(self, profile_id: int, result: SessionResult, xp: int) -> int:
        """Save a played session and the XP it earned; returns the record id."""
        self._row(profile_id)
        if self._storage.in_transaction:
            # Memory keeps the session list beside the table; a batch rolled
            # back after this returned would leave the two out of step.
            raise StoreError("a session is saved on its own, not inside batch()")
        if not isinstance(result, SessionResult):
            raise InvalidValue(f"expected a SessionResult, got {type(result).__name__}")
        xp = check_xp(xp, self._xp.get(profile_id, 0))
        record = encode_session(profile_id, result, xp)
        with self._mutation():
            record_id = self._table(SESSIONS).insert(record)
        self._sessions[record_id] = StoredSession(record_id, profile_id, result, xp)
        self._xp[profile_id] = self._xp.get(profile_id, 0) + xp
        return record_id

    def sessions(self, profile_id: int) -> list[StoredSession]:
        """The player's sessions in the order they were saved."""
        self._row(profile_id)
        return [s for s in self._sessions.values() if s.profile_id == profile_id]

    def sessions_digest(self, profile_id: int, count: int | None = None) -> str:
        """A digest of the player's first ``count`` sessions (default all), as stored.

        It changes when any of them is changed, added, removed or reordered,
        so derived data saved beside the sessions (a replay checkpoint) can
        tell whether it still describes them.
        """
        self._row(profile_id)
        keys = [str(k) for k, s in self._sessions.items() if s.profile_id == profile_id]
        texts = self._storage.session_texts(keys[:count] if count is not None else keys)
        # The digest of the texts joined by newlines, fed a few hundred at a time:
        # ten years joined at once is two copies of a 3 MB string, which cost
        # more than the hashing itself.
        digest = hashlib.sha256()
        for start in range(0, len(texts), _DIGEST_CHUNK):
            part = "\n".join(texts[start : start + _DIGEST_CHUNK])
            more = start + _DIGEST_CHUNK < len(texts)
            digest.update((part + "\n" if more else part).encode("utf-8"))
        return digest.hexdigest()

    def total_xp(self, profile_id: int) -> int:
        self._row(profile_id)
        return self._xp.get(profile_id, 0)

    # -- badges -----------------------------------------------------------------------

    def award_badge(self, profile_id: int, badge_id: str, on: date) -> bool:
        """Give a badge; False (and no write) if the player already holds it."""
        self._row(profile_id)
        if not isinstance(badge_id, str) or not badge_id:
            raise InvalidValue(f"badge_id must be non-empty text, got {badge_id!r}")
        if not isinstance(on, date):
            raise InvalidValue(f"the badge date must be a date, got {on!r}")
        if badge_id in self.badges(profile_id):
            return False
        day = on.date() if isinstance(on, datetime) else on
        with self._mutation():
            self._table(BADGES).insert(
                {"profile_id": profile_id, "badge_id": badge_id, "on": day.isoformat()}
            )
        return True

    def badges(self, profile_id: int) -> dict[str, date]:
        self._row(profile_id)
        held: dict[str, date] = {}
        for row in self._table(BADGES).all():
            if row.get("profile_id") == profile_id:
                held.setdefault(row["badge_id"], date.fromisoformat(row["on"]))
        return held

    # -- internals --------------------------------------------------------------------

    def _make_db(self) -> TinyDB:
        storage = self._storage
        return TinyDB(storage=lambda: storage)

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("The save has been closed.")

    @contextmanager
    def _mutation(self) -> Iterator[None]:
        self._check_open()
        if self.read_only_reason is not None:
            raise ReadOnlyStore(self.read_only_reason)
        try:
            with self._storage.transaction():
                yield
        except BaseException:
            # TinyDB caches next ids per table; rebuild it over the rolled-back data.
            self._db = self._make_db()
            raise

    def _row(self, profile_id: int) -> Row:
        self._check_open()
        if isinstance(profile_id, bool) or not isinstance(profile_id, int) or profile_id < 1:
            raise ProfileNotFound(profile_id)
        row = self._table(PROFILES).get(doc_id=profile_id)
        if not isinstance(row, Row):
            raise ProfileNotFound(profile_id)
        return row

    def _blob(self, table: str, profile_id: int) -> dict[str, object]:
        self._row(profile_id)
        row = self._table(table).get(doc_id=profile_id)
        return {key: _copied(value) for key, value in row.items()} if isinstance(row, dict) else {}

    def _update_blob(self, table: str, profile_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        self._row(profile_id)
        check_json_value(changes, table)
        values = {key: _copied(value) for key, value in changes.items()}
        with self._mutation():
            self._table(table).upsert(Row(values, doc_id=profile_id))
        return self._blob(table, profile_id)

    def _write_meta(self, **values: object) -> None:
        self._table(META).upsert(Row(values, doc_id=_META_ID))


_SCALARS = (str, int, float, bool, type(None))


def _copied(value: Any) -> Any:
    """A deep copy of plain JSON data (a replay checkpoint is thousands of small lists).

    ``copy.deepcopy`` keeps a memo of every object for shared references, which
    JSON data does not have, and costs several times more; anything else (a
    tuple, a dict subclass) is left to it.
    """
    kind = type(value)
    if kind is list:
        return [item if type(item) in _SCALARS else _copied(item) for item in value]
    if kind is dict:
        return {k: item if type(item) in _SCALARS else _copied(item) for k, item in value.items()}
    if kind in _SCALARS:
        return value
    return copy.deepcopy(value)


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidValue("a profile needs a name")
    name = name.strip()
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidValue(f"a profile name can be at most {MAX_NAME_LENGTH} characters")
    problem = name_problem(name)
    if problem is not None:
        raise InvalidValue(f"the profile name {problem}")
    return name


def _profile(row: Row) -> Profile:
    return Profile(row.doc_id, row["name"], date.fromisoformat(row["created"]))
