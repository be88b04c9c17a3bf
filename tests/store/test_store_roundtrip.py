"""Random valid session results come back from the store exactly as they went in."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers import fixed_now
from store_strategies import session_results

from game.session.result import SessionResult
from game.store import memory_store, open_store


@settings(max_examples=60, deadline=None)
@given(results=st.lists(session_results(), min_size=1, max_size=3), xp=st.integers(0, 10**9))
def test_memory_round_trip(results: list[SessionResult], xp: int) -> None:
    store = memory_store(now=fixed_now)
    pid = store.create_profile("Ana").id
    for result in results:
        store.record_session(pid, result, xp)
    again = memory_store(data=store.export_bytes())
    assert [s.result for s in again.sessions(pid)] == results
    assert [s.xp for s in again.sessions(pid)] == [xp] * len(results)


# Sessions with many moves are large; older hypothesis releases flag that.
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(results=st.lists(session_results(), min_size=1, max_size=3), xp=st.integers(0, 10**9))
def test_disk_round_trip(results: list[SessionResult], xp: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with open_store(Path(folder), now=fixed_now) as store:
            pid = store.create_profile("Ana").id
            for result in results:
                store.record_session(pid, result, xp)
        with open_store(Path(folder), now=fixed_now) as again:
            assert again.notices == []
            assert [s.result for s in again.sessions(pid)] == results
