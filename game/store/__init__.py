"""The save store: TinyDB over an atomic, versioned, locked JSON file.

``open_store(folder, now=...)`` opens (or creates) ``folder/spinequest.json``;
``memory_store()`` gives the same API without touching the disk. See
``docs/performance.md`` for measured load and save times.
"""

from game.store.codec import MAX_SESSION_XP, MAX_TOTAL_XP
from game.store.errors import (
    InvalidValue,
    ProfileNotFound,
    ReadOnlyStore,
    SaveLocked,
    SaveUnreadable,
    SchemaError,
    StoreError,
)
from game.store.lock import LOCK_NAME
from game.store.models import Profile, StoredSession
from game.store.recovery import (
    BACKUP_NAME,
    SAVE_NAME,
    OpenedStore,
    memory_store,
    open_store,
    read_snapshot,
    start_over,
)
from game.store.schema import SCHEMA_VERSION, UPGRADERS, Upgrader
from game.store.store import SaveStore

__all__ = [
    "BACKUP_NAME",
    "LOCK_NAME",
    "MAX_SESSION_XP",
    "MAX_TOTAL_XP",
    "SAVE_NAME",
    "SCHEMA_VERSION",
    "UPGRADERS",
    "InvalidValue",
    "OpenedStore",
    "Profile",
    "ProfileNotFound",
    "ReadOnlyStore",
    "SaveLocked",
    "SaveStore",
    "SaveUnreadable",
    "SchemaError",
    "StoreError",
    "StoredSession",
    "Upgrader",
    "memory_store",
    "open_store",
    "read_snapshot",
    "start_over",
]
