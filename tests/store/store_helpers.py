"""Shared builders for the save store tests (also imported by the crash writer script)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import SaveStore, memory_store, open_store

T0 = datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc)


def fixed_now() -> datetime:
    return T0


def make_result(n: int = 0, *, level_id: str | None = None) -> SessionResult:
    """A plausible daily session, different for every ``n``."""
    start = T0 - timedelta(days=n)
    return SessionResult(
        level_id=level_id or f"level-{n}",
        local_date=date(2026, 11, 21) - timedelta(days=n),
        started_at=start,
        ended_at=start + timedelta(minutes=12, seconds=n % 60),
        utc_offset_minutes=60,
        exercises=(
            ExerciseResult("bird_dog", Side.LEFT, 30.0 + n % 7, 8, 6),
            ExerciseResult("bird_dog", Side.RIGHT, 29.5, 8, 6),
            ExerciseResult("dead_bug", Side.BOTH, 45.25, 10, 9),
            ExerciseResult("side_plank", Side.LEFT, 0.0, 0, 0, skipped=True),
        ),
        form=Form.WOBBLY if n % 3 else Form.STEADY,
        pain=Pain.MILD if n % 5 == 0 else Pain.NONE,
        completed=True,
        daily=n % 2 == 0,
        active_seconds=600.0 + n,
    )


class Backend:
    """Opens a store of one kind and reopens it as a new game start would."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind = kind
        self.folder = folder
        self._open: list[SaveStore] = []

    def open(self) -> SaveStore:
        if self.kind == "memory":
            store = memory_store(now=fixed_now)
        else:
            store = open_store(self.folder, now=fixed_now)
        self._open.append(store)
        return store

    def reopen(self, store: SaveStore) -> SaveStore:
        """Close ``store`` and load what it committed, through the same checks as a file."""
        if self.kind == "memory":
            data = store.export_bytes()
            store.close()
            again = memory_store(now=fixed_now, data=data)
        else:
            store.close()
            again = open_store(self.folder, now=fixed_now)
        self._open.append(again)
        return again

    def close_all(self) -> None:
        for store in self._open:
            store.close()
