"""The starting self-test sets each move's first dose, and replay derives it again."""

from __future__ import annotations

import pytest
from walk_helpers import new_player, next_day, play_level

from game.content import load_content
from game.content.model import Content
from game.player.data import PlayerData
from game.progress.doses import ladder
from game.session.result import Pain


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content()


@pytest.mark.parametrize(
    ("plank", "bug", "pain", "where"),
    [
        (10, 60, Pain.NONE, "bottom"),  # the shorter hold decides
        (30, 35, Pain.NONE, "written"),
        (60, 60, Pain.NONE, "above"),
        (60, 60, Pain.MILD, "bottom"),  # back pain today: start gently
    ],
)
def test_the_self_test_sets_the_starting_doses(
    shipped: Content, plank: float, bug: float, pain: Pain, where: str
) -> None:
    data, _clock = new_player(shipped)
    doses = data.record_self_test(plank, bug, pain)
    for eid, rung in doses.items():
        ex = shipped.exercises[eid]
        rungs = [r.amount for r in ladder(ex)]
        written = float(ex.dose.hold_seconds or ex.dose.reps or 0)
        expected = {
            "bottom": rungs[0],
            "written": written,
            "above": rungs[min(len(rungs) - 1, rungs.index(written) + 1)],
        }[where]
        assert rung.amount == expected, (eid, rung, where)


def test_a_new_test_replaces_what_ratings_built_and_replays_the_same(shipped: Content) -> None:
    data, clock = new_player(shipped)
    level = shipped.levels["stabilize_01"]
    for _ in range(2):
        play_level(data, clock, level)
        next_day(clock)
    assert data.doses()["glute_bridge_hold"].amount == 15.0
    after = data.record_self_test(12, 50, Pain.NONE)
    assert after["glute_bridge_hold"].amount == 5.0
    fresh = PlayerData(data.store, shipped, clock, data.profile_id)
    data.store.update_progress(data.profile_id, replay=None)  # no checkpoint: a full replay
    assert fresh.doses() == after
    assert data.history()[-1][0].level_id == "self-test"
    assert not data.unlocks().completed_levels - {"stabilize_01"}
