"""A save written by the release before per-move check-ins opens, and replays under today's rules.

``tests/store/data/release_rules_v1.json`` was written by that release: four
stage-1 levels on four days, the third with every move skipped and the fourth
rated "I lost it". That release called three of them mastered; today's rules
replay the history again (its checkpoint carries the old rules version) and
find one completed-and-started level per good day, nothing mastered yet.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from game.clock import FakeClock
from game.content import load_content
from game.player.data import CHECKPOINT_KEY, PlayerData
from game.progress.replay import RULES_VERSION
from game.session.ratings import Effort, MoveRating
from game.session.result import ExerciseResult, Form, Pain, SessionResult
from game.store import open_store

SAVE = Path(__file__).parent / "store" / "data" / "release_rules_v1.json"


def test_a_save_from_the_release_opens_and_replays_under_the_new_rules(tmp_path: Path) -> None:
    shutil.copy(SAVE, tmp_path / "spinequest.json")
    clock = FakeClock(tz=timezone.utc, start_utc=datetime(2024, 1, 10, 12, tzinfo=timezone.utc))
    store = open_store(tmp_path, now=clock.now_utc)
    content = load_content()
    pid = store.profiles()[0].id
    assert store.progress(pid)[CHECKPOINT_KEY]["rules"] == 1
    data = PlayerData(store, content, clock, pid)
    sessions = data.history()
    assert len(sessions) == 4 and all(not r.ratings for r, _ in sessions)
    u = data.unlocks()
    assert u.completed_levels == {"stabilize_01", "stabilize_02"}
    assert not u.mastered_levels, "one steady day each is not mastery any more"
    assert not u.is_level_open("stabilize_04"), "stabilize_03 was skipped through"
    assert store.progress(pid)[CHECKPOINT_KEY]["rules"] == RULES_VERSION
    # A new session with per-move ratings saves, and reads back as it was written.
    level = content.levels["stabilize_03"]
    moves = tuple(dict.fromkeys(s.exercise for s in level.all_steps()))
    start = clock.now_utc()
    ratings = tuple(
        MoveRating(m, Form.STEADY, Effort.EASY, Pain.NONE, 2, 10.0, measured_form=Form.WOBBLY)
        for m in moves
    )
    result = SessionResult(
        level.id, clock.local_now().date(), start, start + timedelta(minutes=10), 0,
        tuple(ExerciseResult(m, seconds_held=60.0, reps=8) for m in moves),
        ratings=ratings,
    )  # fmt: skip
    data.record(result)
    store.close()
    again = open_store(tmp_path, now=clock.now_utc)
    assert again.sessions(pid)[-1].result == result
    again.close()
