"""A TinyDB storage that keeps the document in memory and commits it atomically.

TinyDB reads and writes the whole database on every operation. Reading from
memory makes queries cheap; every write is handed to a ``Sink`` that commits
the complete document in one step. Inside ``transaction()`` writes are
collected and committed once at the end, so one player action is one commit.
If a commit fails, the in-memory tables are rolled back to the last committed
bytes, so memory never claims progress the disk does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from tinydb.storages import Storage

from game.store.atomic import Sink
from game.store.errors import InvalidValue
from game.store.jsontext import ENCODER, RecordTexts, parse_document
from game.store.schema import SESSIONS, Document, Tables, split


class SaveStorage(Storage):
    """TinyDB storage over an in-memory document with atomic, all-or-nothing commits.

    Session records are never changed once stored, so their text (as loaded,
    or as last encoded) is kept by record identity; a commit then only encodes
    what is new. A record object that changed identity is always re-encoded.
    """

    def __init__(
        self,
        sink: Sink,
        extras: Document,
        tables: Tables,
        committed: bytes | None,
        stamp: Callable[[], str] | None = None,
        texts: RecordTexts | None = None,
    ) -> None:
        self._sink = sink
        self._extras = extras
        self._tables = tables
        self._committed = committed
        self._stamp = stamp
        self._depth = 0
        self._dirty = False
        self._session_text: RecordTexts = texts or {}

    @property
    def extras(self) -> Document:
        """Top-level keys other than the known tables (schema_version, unknown keys)."""
        return self._extras

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @property
    def committed(self) -> bytes:
        """The bytes of the last successful commit (or of the file as loaded)."""
        return self._committed if self._committed is not None else self.encode()

    def read(self) -> dict[str, dict[str, Any]]:
        return self._tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._tables = data
        self._dirty = True
        if self._depth == 0:
            self.commit()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one commit; on any error roll memory back and re-raise."""
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.rollback()
            raise
        self._depth -= 1
        if self._depth == 0 and self._dirty:
            self.commit()

    def commit(self) -> None:
        """Encode the whole document and hand it to the sink, or roll back and raise."""
        try:
            data = self.encode()
            self._sink.commit(data)
        except BaseException:
            self.rollback()
            raise
        self._committed = data
        self._dirty = False

    def rollback(self) -> None:
        self._dirty = False
        if self._committed is None:
            return
        document, self._session_text = parse_document(self._committed.decode("utf-8"), SESSIONS)
        assert isinstance(document, dict)
        self._extras, self._tables = split(document)

    def encode(self) -> bytes:
        """The document as compact ASCII JSON; refuses NaN, infinities and odd types."""
        if self._stamp is not None:
            self._extras["saved_at"] = self._stamp()
        members = []
        try:
            for key, value in self._extras.items():
                members.append(f"{ENCODER.encode(key)}:{ENCODER.encode(value)}")
            for name, table in self._tables.items():
                body = self._encode_sessions(table) if name == SESSIONS else ENCODER.encode(table)
                members.append(f"{ENCODER.encode(name)}:{body}")
        except (TypeError, ValueError) as exc:
            raise InvalidValue(f"the save cannot hold this value: {exc}") from exc
        # Our own text is ASCII; record text kept from a hand-edited file may not be.
        return ("{" + ",".join(members) + "}\n").encode("utf-8")

    def session_texts(self, keys: Iterable[str]) -> list[str]:
        """The stored text of these session records, as the next commit writes it."""
        table = self._tables.get(SESSIONS, {})
        kept, member = self._session_text, self._member
        texts = []
        for key in keys:  # _member inlined for the usual case: ten years is 3,650 calls
            record, hit = table[key], kept.get(key)
            texts.append(hit[1] if hit is not None and hit[0] is record else member(key, record)[1])
        return texts

    def _member(self, key: str, record: Any) -> tuple[object, str]:
        """``(record, '"key":{...}')``: the kept text while the record is the same object."""
        hit = self._session_text.get(key)
        if hit is None or hit[0] is not record:
            hit = self._session_text[key] = (
                record,
                f"{ENCODER.encode(key)}:{ENCODER.encode(record)}",
            )
        return hit

    def _encode_sessions(self, table: dict[str, Any]) -> str:
        kept, member = self._session_text, self._member
        fresh: RecordTexts = {
            key: hit
            if (hit := kept.get(key)) is not None and hit[0] is record
            else member(key, record)
            for key, record in table.items()
        }
        self._session_text = fresh
        return "{" + ",".join(text for _, text in fresh.values()) + "}"
