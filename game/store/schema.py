"""The shape of the save document, its version, and the upgrades between versions.

On disk the save is one JSON object::

    {"schema_version": 1, "saved_at": "...", "profiles": {"1": {...}}, "sessions": {...}, ...}

Every known table maps a TinyDB document id (decimal text) to a record object.
Any other top-level key, and any unknown field inside a record, is carried
through untouched so a save written by this game keeps what it did not
understand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.session.result import SessionResult
from game.store.bounds import MAX_ID_DIGITS, shown
from game.store.codec import MAX_SESSION_XP, decode_session, parse_date
from game.store.entries import Seen
from game.store.errors import SchemaError
from game.store.jsontext import RecordTexts
from game.store.models import StoredSession
from game.store.names import name_problem

SCHEMA_VERSION = 1

Document = dict[str, Any]
Upgrader = Callable[[Document], Document]

#: ``UPGRADERS[n]`` turns a version ``n`` document into a version ``n + 1`` one.
#: Version 1 is the first released format, so the table starts empty; the next
#: format change adds ``UPGRADERS[1]`` and bumps ``SCHEMA_VERSION``.
UPGRADERS: dict[int, Upgrader] = {}

PROFILES = "profiles"
SETTINGS = "settings"
PROGRESS = "progress"
SESSIONS = "sessions"
BADGES = "badges"
META = "meta"
TABLES = (PROFILES, SETTINGS, PROGRESS, SESSIONS, BADGES, META)

Tables = dict[str, dict[str, Any]]


def read_version(document: object) -> int:
    """The ``schema_version`` of a parsed document, or ``SchemaError``."""
    if not isinstance(document, dict):
        raise SchemaError(f"the save holds a {type(document).__name__}, not an object")
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise SchemaError(f"schema_version is missing or not a whole number ({shown(version)})")
    return version


def upgrade(document: Document, version: int) -> Document:
    """Carry a document from ``version`` up to ``SCHEMA_VERSION`` one step at a time."""
    while version < SCHEMA_VERSION:
        step = UPGRADERS.get(version)
        if step is None:
            raise SchemaError(f"there is no upgrade from save format {version}")
        try:
            document = step(document)
        except SchemaError:
            raise
        except Exception as exc:
            raise SchemaError(f"upgrading from save format {version} failed: {exc}") from exc
        version += 1
        document["schema_version"] = version
    return document


def split(document: Document) -> tuple[Document, Tables]:
    """Separate the known tables (for TinyDB) from everything else (kept verbatim)."""
    extras: Document = {}
    tables: Tables = {name: {} for name in TABLES}
    for key, value in document.items():
        if key in tables:
            if not isinstance(value, dict):
                raise SchemaError(f"the {key} table is a {type(value).__name__}, not an object")
            tables[key] = value
        else:
            extras[key] = value
    return extras, tables


def validate(tables: Tables, texts: RecordTexts | None = None) -> dict[int, StoredSession]:
    """Check every record of every known table; return the decoded sessions by id.

    ``texts`` are the session records' texts as loaded (``game.store.jsontext``);
    a text is used, to decode faster, only while it belongs to the very record
    object being checked.
    """
    for name in TABLES:
        table = tables[name]
        if not all(
            key.isdigit()
            and key.isascii()
            and len(key) <= MAX_ID_DIGITS
            and type(table[key]) is dict
            for key in table
        ):
            for key, record in table.items():
                _check_record_key(name, key, record)
    for key, record in tables[PROFILES].items():
        _field(record, "name", str, PROFILES, key)
        problem = name_problem(record["name"])
        if problem is not None:
            raise SchemaError(f"{PROFILES} record {key}: the name {problem}")
        _date(record, "created", PROFILES, key)
    for name in (SETTINGS, PROGRESS):
        for key in tables[name]:
            if int(key) < 1:
                raise SchemaError(f"{name} record {key} does not name a profile")
    for key, record in tables[BADGES].items():
        _field(record, "profile_id", int, BADGES, key)
        _field(record, "badge_id", str, BADGES, key)
        _date(record, "on", BADGES, key)
    for key, record in tables[META].items():
        last = record.get("last_profile_id")
        if last is not None and (isinstance(last, bool) or not isinstance(last, int)):
            raise SchemaError(f"meta record {key}: last_profile_id must be a whole number")
    sessions: dict[int, StoredSession] = {}
    seen, texts = Seen(), texts or {}
    for key, record in tables[SESSIONS].items():
        profile_id, xp = record.get("profile_id"), record.get("xp")
        if type(profile_id) is not int or type(xp) is not int or not 0 <= xp <= MAX_SESSION_XP:
            _field(record, "profile_id", int, SESSIONS, key)
            _field(record, "xp", int, SESSIONS, key)
            raise SchemaError(f"sessions record {key}: xp {shown(xp)} is out of range")
        kept = texts.get(key)
        text = kept[1] if kept is not None and kept[0] is record else None
        try:
            result = decode_session(record, text, seen)
        except SchemaError as exc:
            raise SchemaError(f"sessions record {key}: {exc}") from None
        record_id = int(key)
        sessions[record_id] = stored_from_checked(record_id, profile_id, result, xp)
    return sessions


def stored_from_checked(id: int, profile_id: int, result: SessionResult, xp: int) -> StoredSession:
    """A ``StoredSession`` built without the frozen constructor's ``object.__setattr__``
    calls (a third of its time), for ``validate``, which has checked every value."""
    made = _new(StoredSession)
    _SET_ID(made, id)
    _SET_PROFILE(made, profile_id)
    _SET_RESULT(made, result)
    _SET_XP(made, xp)
    return made


_new = object.__new__
_SET_ID, _SET_PROFILE, _SET_RESULT, _SET_XP = (
    getattr(StoredSession, name).__set__ for name in ("id", "profile_id", "result", "xp")
)


def _check_record_key(table: str, key: str, record: object) -> None:
    if not (key.isascii() and key.isdigit()):
        raise SchemaError(f"the {table} table has a record id {shown(key)} that is not a number")
    if len(key) > MAX_ID_DIGITS:
        raise SchemaError(f"the {table} table has a record id {len(key)} digits long")
    if not isinstance(record, dict):
        raise SchemaError(f"{table} record {key} is a {type(record).__name__}, not an object")


def _field(record: dict[str, Any], name: str, kind: type, table: str, key: str) -> Any:
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise SchemaError(
            f"{table} record {key}: {name} must be {kind.__name__}, got {shown(value)}"
        )
    return value


def _date(record: dict[str, Any], name: str, table: str, key: str) -> None:
    try:
        parse_date(record.get(name))
    except (SchemaError, ValueError) as exc:
        raise SchemaError(f"{table} record {key}: {name}: {exc}") from None
