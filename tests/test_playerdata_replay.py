"""The replay checkpoint in the save: kept up to date, trusted only when it matches."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from game.clock import FakeClock
from game.content import load_content
from game.content.model import Content
from game.player.data import CHECKPOINT_KEY, PlayerData
from game.progress.metrics import Tally
from game.progress.stats import Stats, player_stats
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import SAVE_NAME, SaveStore, open_store


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(tz=timezone.utc)


def _result(content: Content, n: int, clock: FakeClock) -> SessionResult:
    """The n-th day's play along the main path, each level played on twice."""
    levels = [lv for st in content.ordered_stages() for lv in content.stage_levels(st.id)]
    level = levels[min(n // 2, len(levels) - 1)]
    start = clock.now_utc()
    step = level.all_steps()[0]
    return SessionResult(
        level_id=level.id,
        local_date=clock.local_now().date(),
        started_at=start,
        ended_at=start + timedelta(minutes=9),
        utc_offset_minutes=0,
        exercises=(
            ExerciseResult(step.exercise, Side.LEFT, 30.0, 4, 5),
            ExerciseResult(step.exercise, Side.RIGHT, 30.5, 4, 5),
        ),
        form=Form.STEADY if n % 3 else Form.WOBBLY,
        pain=Pain.SHARP if n == 4 else Pain.NONE,
        completed=True,
        daily=n % 2 == 0,
    )


def _play_days(data: PlayerData, clock: FakeClock, days: int, first: int = 0) -> None:
    for n in range(first, first + days):
        data.record(_result(data.content, n, clock))
        clock.advance(24 * 3600)


def _full(store: SaveStore, content: Content, clock: FakeClock, pid: int, goal: int = 4) -> Stats:
    """The stats replayed from the first session, with no checkpoint at all."""
    history = [(s.result, s.xp) for s in store.sessions(pid)]
    return player_stats(content, history, clock.local_now().date(), goal)


@pytest.fixture
def player(
    folder: Path, content: Content, clock: FakeClock
) -> Iterator[tuple[SaveStore, PlayerData]]:
    store = open_store(folder, now=clock.now_utc)
    pid = store.create_profile("Ana").id
    data = PlayerData(store, content, clock, pid)
    _play_days(data, clock, 20)
    yield store, data
    store.close()


def _replays_from_scratch(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts sessions fed to any tally from here on."""
    fed: list[int] = []
    real = Tally.add

    def counting(self: Tally, rec: object) -> None:
        fed.append(1)
        real(self, rec)  # type: ignore[arg-type]

    monkeypatch.setattr(Tally, "add", counting)
    return fed


def _reopen(
    folder: Path, content: Content, clock: FakeClock, pid: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[SaveStore, Stats, int]:
    """Start again on the save: the stats, and how many sessions had to be replayed."""
    again = open_store(folder, now=clock.now_utc)
    fed = _replays_from_scratch(monkeypatch)
    stats = PlayerData(again, content, clock, pid).stats()
    monkeypatch.undo()
    return again, stats, len(fed)


def test_every_level_leaves_a_checkpoint_that_the_next_start_uses(
    player: tuple[SaveStore, PlayerData],
    folder: Path,
    content: Content,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, data = player
    pid = data.profile_id
    assert store.progress(pid)[CHECKPOINT_KEY]["count"] == 20
    store.close()

    again, stats, replayed = _reopen(folder, content, clock, pid, monkeypatch)
    assert replayed == 0, "a matching checkpoint means no session is replayed"
    assert stats == _full(again, content, clock, pid)
    assert stats.badges and any(b.earned for b in stats.badges)
    again.close()


def test_a_session_saved_without_its_checkpoint_is_replayed_on_top(
    player: tuple[SaveStore, PlayerData],
    folder: Path,
    content: Content,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, data = player
    pid = data.profile_id
    # As if the game stopped between saving the session and saving the checkpoint.
    store.record_session(pid, _result(content, 20, clock), 25)
    store.close()

    again, stats, replayed = _reopen(folder, content, clock, pid, monkeypatch)
    assert replayed == 1
    assert stats == _full(again, content, clock, pid)
    assert again.progress(pid)[CHECKPOINT_KEY]["count"] == 21
    again.close()


def test_an_edited_session_is_noticed_and_everything_replayed(
    player: tuple[SaveStore, PlayerData], folder: Path, content: Content, clock: FakeClock
) -> None:
    store, data = player
    pid = data.profile_id
    old = store.progress(pid)[CHECKPOINT_KEY]
    store.close()
    save = folder / SAVE_NAME
    text = save.read_text()
    # The first session's form, changed by hand: the checkpoint no longer describes it.
    edited = text.replace('"form":"wobbly"', '"form":"steady"', 1)
    assert edited != text
    save.write_text(edited)

    again = open_store(folder, now=clock.now_utc)
    stats = PlayerData(again, content, clock, pid).stats()
    assert stats == _full(again, content, clock, pid)
    new = again.progress(pid)[CHECKPOINT_KEY]
    assert new["sessions"] != old["sessions"] and new["count"] == 20
    again.close()


def test_a_damaged_checkpoint_is_replaced_and_nothing_else_changes(
    player: tuple[SaveStore, PlayerData], content: Content, clock: FakeClock
) -> None:
    store, data = player
    pid = data.profile_id
    badges = store.badges(pid)
    store.update_progress(pid, **{CHECKPOINT_KEY: {"count": "lots"}, "kept": 1})
    stats = PlayerData(store, content, clock, pid).stats()
    assert stats == _full(store, content, clock, pid)
    assert store.progress(pid)[CHECKPOINT_KEY]["count"] == 20
    assert store.progress(pid)["kept"] == 1
    assert store.badges(pid) == badges


def test_a_new_weekly_goal_replays_with_that_goal(
    player: tuple[SaveStore, PlayerData], content: Content, clock: FakeClock
) -> None:
    store, data = player
    pid = data.profile_id
    data.save_settings(data.settings().with_changes(weekly_goal=2))
    assert data.stats() == _full(store, content, clock, pid, goal=2)
    assert store.progress(pid)[CHECKPOINT_KEY]["weekly_goal"] == 2
    fresh = PlayerData(store, content, clock, pid)
    assert fresh.stats() == _full(store, content, clock, pid, goal=2)


def test_playing_on_keeps_the_same_answers_as_a_full_replay(
    player: tuple[SaveStore, PlayerData], content: Content, clock: FakeClock
) -> None:
    store, data = player
    pid = data.profile_id
    _play_days(data, clock, 10, first=20)
    assert data.stats() == _full(store, content, clock, pid)
    assert data.unlocks() == _full(store, content, clock, pid).unlocks
    assert store.progress(pid)[CHECKPOINT_KEY]["count"] == 30


def test_a_read_only_save_is_never_written(
    player: tuple[SaveStore, PlayerData], folder: Path, content: Content, clock: FakeClock
) -> None:
    store, data = player
    pid = data.profile_id
    store.update_progress(pid, **{CHECKPOINT_KEY: None})
    store.close()
    save = folder / SAVE_NAME
    save.write_text(save.read_text().replace('"schema_version":1', '"schema_version":99', 1))
    before = save.read_bytes()

    again = open_store(folder, now=clock.now_utc)
    assert again.read_only
    reader = PlayerData(again, content, clock, pid)
    assert reader.stats() == _full(again, content, clock, pid)
    outcome = reader.record(_result(content, 20, clock))
    assert outcome.record_id is None
    assert reader.stats() == _full(again, content, clock, pid)
    again.close()
    assert save.read_bytes() == before
