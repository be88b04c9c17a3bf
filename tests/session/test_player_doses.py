"""The timeline plays each move at the player's own dose and keeps a level to 6-15 minutes."""

from __future__ import annotations

import pytest

from game.content import load_content
from game.content.model import Content
from game.progress.doses import ladder
from game.session.fit import LONGEST_SECONDS, SHORTEST_SECONDS, compile_for_player, played_doses
from game.session.phases import PhaseKind
from game.session.settings import SessionSettings


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content()


def _at(content: Content, where: str) -> SessionSettings:
    pick = {"bottom": 0, "top": -1}[where]
    doses = tuple(
        (ex.id, ladder(ex)[pick].amount, ladder(ex)[pick].sets)
        for ex in content.exercises.values()
        if ladder(ex)
    )
    return SessionSettings(doses=doses)


def test_a_move_is_compiled_at_the_players_dose(shipped: Content) -> None:
    level = shipped.levels["stabilize_05"]
    plain = compile_for_player(level, shipped, SessionSettings())
    grown = compile_for_player(level, shipped, SessionSettings(doses=(("side_plank", 25.0, None),)))

    def holds(tl):  # type: ignore[no-untyped-def]
        return {
            round(p.end - p.start, 3)
            for p in tl.phases
            if p.kind is PhaseKind.HOLD and tl.slots[p.slot].exercise_id == "side_plank"
        }

    assert holds(plain) == {10.0}
    assert holds(grown) == {25.0}
    assert played_doses(level, shipped, grown.settings)["side_plank"] == (2, 25.0)


@pytest.mark.parametrize("where", ["bottom", "top"])
def test_every_shipped_level_keeps_to_six_to_fifteen_minutes(shipped: Content, where: str) -> None:
    settings = _at(shipped, where)
    for level in shipped.levels.values():
        total = compile_for_player(level, shipped, settings).total
        assert SHORTEST_SECONDS <= total <= LONGEST_SECONDS, (level.id, where, total / 60)


def test_sets_are_shortened_before_a_level_overruns(shipped: Content) -> None:
    settings = _at(shipped, "top")
    long = max(shipped.levels.values(), key=lambda lv: compile_for_player(
        lv, shipped, SessionSettings()).total)  # fmt: skip
    fitted = compile_for_player(long, shipped, settings, longest=8 * 60)
    assert fitted.settings.set_caps, "some move lost a set"
    holds = [p for p in fitted.phases if p.kind is PhaseKind.HOLD]
    top = {ex.id: ladder(ex)[-1].amount for ex in shipped.exercises.values() if ladder(ex)}
    for p in holds:  # the player's dose, or at the least what the file writes
        ex = shipped.exercises[fitted.slots[p.slot].exercise_id]
        if ex.id in top and ex.dose.hold_seconds is not None:
            assert round(p.end - p.start, 3) in (top[ex.id], ex.dose.hold_seconds)
