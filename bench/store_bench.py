"""Save store benchmark: ten years of daily play (3,650 sessions) for one player.

    python bench/store_bench.py

Measures opening the save and computing the player's stats the way the game
does (``PlayerData.stats``), against reading the same file and parsing it with
``json.loads`` in the same run (alternating, so both meet the same machine);
saving one new session (the first save after opening, when nothing is cached
yet, and the median of later ones), and TinyDB's plain ``JSONStorage``
inserting the same record into the same data in the same run, for comparison.
``run()`` returns the figures for a combined benchmark runner.

The save starts without a replay checkpoint, as a save from before checkpoints
would. The first open replays all ten years and leaves a checkpoint in the
save, as the game does; it is timed on its own. The opens after it are what a
player meets every day.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from game.clock import FakeClock
from game.content import load_content
from game.content.model import Content
from game.player.data import CHECKPOINT_KEY, PlayerData
from game.progress.stats import Stats
from game.session.ratings import Effort, MoveRating, worst_form
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import SAVE_NAME, SCHEMA_VERSION, SaveStore, open_store
from game.store.codec import encode_session

DAYS = 3650
LOAD_TARGET_MS = 100.0
WRITE_TARGET_MS = 30.0
REPEATS = 7
FIRST_DAY = date(2016, 11, 23)
TODAY = date(2026, 11, 21)


def _now() -> datetime:
    return datetime(2026, 11, 21, 18, 0, tzinfo=timezone.utc)


def daily_result(day: int) -> SessionResult:
    """One day's level, worked through the shipped levels in order, then around again."""
    return _daily_result(day, _level_ids())


def _daily_result(day: int, levels: list[str]) -> SessionResult:
    """A realistic daily level: every move of the level, one-sided ones on each side,
    and a per-move check-in for each (mostly all good, now and then wobbly or too hard)."""
    local = FIRST_DAY + timedelta(days=day)
    start = datetime(local.year, local.month, local.day, 7, 30, tzinfo=timezone.utc)
    hold = 20.0 + (day % 40) * 0.37
    level_id = levels[day // 60 if day < 60 * len(levels) else day % len(levels)]
    content = _content()
    moves = list(dict.fromkeys(s.exercise for s in content.levels[level_id].all_steps()))
    exercises: list[ExerciseResult] = []
    ratings: list[MoveRating] = []
    for n, move in enumerate(moves):
        dose = content.exercises[move].dose
        if dose.each_side or dose.alternate:
            exercises.append(ExerciseResult(move, Side.LEFT, hold, 8, 6))
            exercises.append(ExerciseResult(move, Side.RIGHT, hold + 1.5, 8, 6))
        else:
            exercises.append(ExerciseResult(move, Side.BOTH, hold * 2, 12, 12))
        form = Form.WOBBLY if (day + n) % 11 == 0 else Form.STEADY
        effort = Effort.HARD if (day + n) % 13 == 0 else Effort.RIGHT
        amount = float(dose.hold_seconds or dose.reps or dose.flow_seconds or 0)
        ratings.append(MoveRating(move, form, effort, Pain.NONE, dose.sets, amount, share=1.0))
    return SessionResult(
        level_id=level_id,
        local_date=local,
        started_at=start,
        ended_at=start + timedelta(minutes=11, seconds=day % 50),
        utc_offset_minutes=60 if 90 < local.timetuple().tm_yday < 300 else 0,
        exercises=tuple(exercises),
        form=worst_form([r.form for r in ratings]),
        pain=Pain.NONE,
        daily=True,
        active_seconds=540.0 + day % 90,
        ratings=tuple(ratings),
    )


def build_document() -> dict[str, Any]:
    """The save of one player with a session every day for ten years."""
    sessions = {
        str(day + 1): encode_session(1, daily_result(day), 30 + day % 20) for day in range(DAYS)
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "profiles": {"1": {"name": "Ana", "created": FIRST_DAY.isoformat()}},
        "settings": {"1": {"volume": 0.7, "pacer": "2-4"}},
        "progress": {"1": {}},
        "sessions": sessions,
        "badges": {"1": {"profile_id": 1, "badge_id": "first-steps", "on": "2016-11-23"}},
        "meta": {"1": {"last_profile_id": 1}},
    }


def player_stats(store: SaveStore, profile_id: int, content: Content | None = None) -> Stats:
    """What the main menu and the stats screen show, from the game's own rules:
    badges and their dates, unlocks, the streak with freezes, XP and level, the
    weekly chart and the heatmap, derived from the whole history."""
    clock = FakeClock(start_utc=_now())
    return PlayerData(store, content or _content(), clock, profile_id).stats()


_CONTENT: list[Content] = []


def _content() -> Content:
    """The shipped levels, loaded once (the game has them before it opens a save)."""
    if not _CONTENT:
        _CONTENT.append(load_content())
    return _CONTENT[0]


def _level_ids() -> list[str]:
    """Shipped levels in the order a player meets them, main path then side tracks."""
    content = _content()
    return [lv.id for st in content.ordered_stages() for lv in content.stage_levels(st.id)]


def _timed(action: Callable[[], object]) -> float:
    """Milliseconds ``action`` took; what it returns is freed after the clock stops."""
    start = time.perf_counter()
    kept = action()
    elapsed = (time.perf_counter() - start) * 1000.0
    del kept
    return elapsed


def _load_and_stats(folder: Path, content: Content | None = None) -> tuple[SaveStore, Stats]:
    """Open the save and compute the stats as the game does.

    Each timed open gets content just loaded, with nothing worked out from it
    yet (its fingerprint, its stage orders), as the game has at start-up.
    The store comes back (closed) so that freeing ten years of records, about
    10 ms, falls outside the timing: the game keeps its save open until it
    quits, so a player never waits for that.
    """
    with open_store(folder, now=_now) as store:
        return store, player_stats(store, 1, content)


def run() -> list[tuple[str, float, str]]:
    document = build_document()
    new_session = daily_result(DAYS)
    with tempfile.TemporaryDirectory(prefix="store-bench-") as scratch:
        folder = Path(scratch) / "saves"
        folder.mkdir()
        save = folder / SAVE_NAME
        save.write_text(json.dumps(document, separators=(",", ":")), encoding="ascii")
        size_mb = save.stat().st_size / 1e6

        fresh = [load_content() for _ in range(REPEATS + 1)]
        # The first open replays all ten years and keeps a checkpoint in the save.
        first = _timed(lambda: _load_and_stats(folder, fresh.pop()))
        with open_store(folder, now=_now) as store:
            assert CHECKPOINT_KEY in store.progress(1), "the first open keeps a checkpoint"
        stats = _load_and_stats(folder)[1]
        assert stats.streak.current == DAYS and stats.player_level.level > 30, stats.streak
        assert stats.mastered_levels, "ten years of steady play master levels"
        # The baseline, in the same run and alternating with the opens so both meet the
        # same machine: reading the same file and parsing it with json.loads, no more.
        loads, plain_loads = [], []
        for _ in range(REPEATS):
            plain_loads.append(_timed(lambda: json.loads(save.read_text(encoding="utf-8"))))
            loads.append(_timed(lambda: _load_and_stats(folder, fresh.pop())))

        with open_store(folder, now=_now) as store:
            writes = [_timed(lambda: store.record_session(1, new_session, 40))]
            writes += [
                _timed(lambda: store.record_session(1, new_session, 40)) for _ in range(REPEATS)
            ]
        assert _load_and_stats(folder)[1].streak.best >= DAYS

        # Finishing a level as the game does: stats before, the session saved,
        # stats after, new badges and the replay checkpoint saved together.
        with open_store(folder, now=_now) as store:
            data = PlayerData(store, _content(), FakeClock(start_utc=_now()), 1)
            data.stats()  # the main menu, before the level
            finishes = [_timed(lambda: data.record(new_session)) for _ in range(REPEATS)]

        plain_path = Path(scratch) / "plain.json"
        plain_path.write_text(json.dumps(document), encoding="ascii")
        record = encode_session(1, new_session, 40)
        plain = TinyDB(plain_path, storage=JSONStorage)
        sessions = plain.table("sessions", cache_size=0)
        plain_writes = [_timed(lambda: sessions.insert(dict(record))) for _ in range(REPEATS)]
        plain.close()

    ours = statistics.median(writes[1:])
    theirs = statistics.median(plain_writes)
    load, plain_load = statistics.median(loads), statistics.median(plain_loads)
    return [
        ("save file size, 3,650 sessions", size_mb, "MB"),
        ("open save + player stats, first open (full replay)", first, "ms"),
        ("open save + player stats (median)", load, "ms, target <= 100"),
        ("open save + player stats (fastest)", min(loads), "ms"),
        ("read + json.loads of the same file (median)", plain_load, "ms"),
        ("open save + player stats / read + json.loads", load / plain_load, "ratio"),
        ("save one session, first after opening", writes[0], "ms, target <= 30"),
        ("save one session (median of later saves)", ours, "ms, target <= 30"),
        ("TinyDB JSONStorage insert, same data (median)", theirs, "ms"),
        ("our save / JSONStorage insert", ours / theirs, "ratio"),
        ("finish a level as the game does (median)", statistics.median(finishes), "ms"),
    ]


def main() -> int:
    results = run()
    width = max(len(name) for name, _, _ in results)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Save store benchmark: {DAYS} daily sessions, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores, load average {load:.2f}"
    )
    for name, value, unit in results:
        print(f"  {name:<{width}}  {value:8.2f}  {unit}")
    figures = {name: value for name, value, _ in results}
    ok = (
        figures["open save + player stats (median)"] <= LOAD_TARGET_MS
        and figures["save one session (median of later saves)"] <= WRITE_TARGET_MS
    )
    print("  within targets" if ok else "  OUTSIDE TARGETS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
