"""The sessions digest that vouches for a replay checkpoint, and batched commits."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import pytest
from store_helpers import Backend, make_result

from game.store import SAVE_NAME, SaveStore
from game.store.errors import StoreError


def _player(store: SaveStore, sessions: int) -> int:
    pid = store.create_profile("Ana").id
    for n in range(sessions):
        store.record_session(pid, make_result(n), 10)
    return pid


def test_the_digest_follows_the_sessions_and_survives_reopening(
    store: SaveStore, backend: Backend
) -> None:
    pid = _player(store, 3)
    other = store.create_profile("Ben").id
    before = store.sessions_digest(pid)
    assert store.sessions_digest(pid, 3) == before
    assert len({store.sessions_digest(pid, n) for n in range(4)}) == 4

    store.record_session(other, make_result(7), 10)  # another player's session
    assert store.sessions_digest(pid) == before
    store.record_session(pid, make_result(9), 10)
    after = store.sessions_digest(pid)
    assert after != before
    assert store.sessions_digest(pid, 3) == before  # the first three are unchanged

    again = backend.reopen(store)
    assert again.sessions_digest(pid, 3) == before
    assert again.sessions_digest(pid) == after


def test_a_changed_session_changes_the_digest(store: SaveStore, backend: Backend) -> None:
    pid = _player(store, 3)
    before = store.sessions_digest(pid)
    raw = store.export_bytes().decode()
    edited = raw.replace('"form":"steady"', '"form":"wobbly"', 1)
    assert edited != raw
    again = _load(backend, store, edited.encode())
    assert again.sessions_digest(pid) != before


@pytest.mark.parametrize("count", [0, 1, 127, 128, 129, 300])
def test_the_digest_is_of_the_stored_texts_joined_by_newlines(count: int) -> None:
    """Saved checkpoints hold this digest, so how it is computed must never change it:
    the SHA-256 of each session's ``"id":{...}`` text, in order, joined by newlines."""
    from game.store import memory_store
    from game.store.codec import encode_session

    first = memory_store()
    pid = first.create_profile("Ana").id
    document = json.loads(first.export_bytes())
    document["sessions"] = {str(n + 1): encode_session(pid, make_result(n), 10) for n in range(300)}
    store = memory_store(data=json.dumps(document, separators=(",", ":")).encode())
    texts = [
        f'"{key}":{json.dumps(record, separators=(",", ":"))}'
        for key, record in list(document["sessions"].items())[:count]
    ]
    expected = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    assert store.sessions_digest(pid, count) == expected


def _load(backend: Backend, store: SaveStore, data: bytes) -> SaveStore:
    from game.store import memory_store

    store.close()
    if backend.kind == "memory":
        return memory_store(data=data)
    (backend.folder / SAVE_NAME).write_bytes(data)
    return backend.open()


def _count_commits(store: SaveStore) -> list[bytes]:
    seen: list[bytes] = []
    sink: Any = store._storage._sink  # the sink sees every commit
    real = sink.commit

    def counting(data: bytes) -> None:
        real(data)
        seen.append(data)

    sink.commit = counting
    return seen


def test_a_batch_is_one_commit(store: SaveStore, backend: Backend) -> None:
    pid = _player(store, 1)
    commits = _count_commits(store)
    with store.batch():
        store.award_badge(pid, "first-steps", date(2026, 11, 21))
        store.award_badge(pid, "steady-week", date(2026, 11, 21))
        store.update_progress(pid, replay={"count": 1})
    assert len(commits) == 1
    again = backend.reopen(store)
    assert set(again.badges(pid)) == {"first-steps", "steady-week"}
    assert again.progress(pid) == {"replay": {"count": 1}}


def test_a_failed_batch_saves_nothing_and_memory_follows(
    store: SaveStore, backend: Backend
) -> None:
    pid = _player(store, 1)
    sink: Any = store._storage._sink

    def broken(data: bytes) -> None:
        raise StoreError("the disk is full")

    real, sink.commit = sink.commit, broken
    with pytest.raises(StoreError), store.batch():
        store.award_badge(pid, "first-steps", date(2026, 11, 21))
        store.update_progress(pid, replay={"count": 1})
    sink.commit = real
    assert store.badges(pid) == {}
    assert store.progress(pid) == {}
    again = backend.reopen(store)
    assert again.badges(pid) == {} and again.progress(pid) == {}


def test_a_session_is_not_saved_inside_a_batch(store: SaveStore) -> None:
    pid = _player(store, 1)
    with pytest.raises(StoreError, match="on its own"), store.batch():
        store.record_session(pid, make_result(5), 10)
    assert len(store.sessions(pid)) == 1
