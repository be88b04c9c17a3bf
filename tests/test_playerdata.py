"""The glue between store and progression: settings survive bad values, recording scores."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest

from game.clock import FakeClock
from game.content import load_content
from game.content.model import Content
from game.player.data import PlayerData
from game.player.settings import PlayerSettings
from game.session.result import ExerciseResult, Form, Pain, SessionResult
from game.store import memory_store


def test_settings_clamp_and_default_bad_values() -> None:
    s = PlayerSettings.from_dict(
        {
            "volume": 7,
            "voice": "yes",
            "inhale_seconds": 1.0,
            "breath_ratio": 3.0,
            "hold_scale": float("nan"),
            "text_size": "huge",
            "equipment": ["foam_roller", "spaceship", 3],
            "weekly_goal": 12,
        }
    )
    assert s.volume == 1.0
    assert s.voice is True  # wrong type: default
    assert s.inhale_seconds == 2.0
    assert s.breath_ratio == 2.0
    assert s.hold_scale == 1.0
    assert s.text_size == "normal"
    assert s.equipment == frozenset({"mat", "foam_roller"})
    assert s.weekly_goal == 7
    assert PlayerSettings.from_dict(s.to_dict()) == s


def test_session_settings_follow_player_choices() -> None:
    s = PlayerSettings().with_changes(inhale_seconds=3, breath_ratio=1.0, rest="short")
    ss = s.session_settings(prefer_easier=True)
    assert (ss.inhale_seconds, ss.ratio, ss.rest_scale, ss.prefer_easier) == (3.0, 1.0, 0.5, True)
    assert ss.owned_equipment == frozenset({"mat"})


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return load_content()


def _result(
    level_id: str, clock: FakeClock, pain: Pain = Pain.NONE, content: object = None
) -> SessionResult:
    start = clock.now_utc()
    work: tuple[ExerciseResult, ...] = (ExerciseResult("pelvic_tilt", seconds_held=60, reps=8),)
    if content is not None:  # every move of the level, played
        steps = content.levels[level_id].all_steps()  # type: ignore[attr-defined]
        ids = dict.fromkeys(s.exercise for s in steps)
        work = tuple(ExerciseResult(e, seconds_held=60, reps=8) for e in ids)
    return SessionResult(
        level_id=level_id,
        local_date=clock.local_now().date(),
        started_at=start,
        ended_at=start + timedelta(minutes=9),
        utc_offset_minutes=0,
        exercises=work,
        form=Form.STEADY,
        pain=pain,
        completed=True,
    )


def _player(content: Content, name: str) -> tuple[PlayerData, FakeClock]:
    """A new profile on an empty save in memory, and the UTC clock it plays by."""
    clock = FakeClock(tz=timezone.utc)
    store = memory_store()
    return PlayerData(store, content, clock, store.create_profile(name).id), clock


def test_recording_a_level_scores_saves_and_awards_first_badge(content) -> None:  # type: ignore[no-untyped-def]
    data, clock = _player(content, "Ana")
    store, pid = data.store, data.profile_id
    first = content.stage_levels("stabilize")[0]
    outcome = data.record(_result(first.id, clock, content=content))
    assert outcome.xp > 0
    assert outcome.xp_total_after == outcome.xp == store.total_xp(pid)
    assert not outcome.newly_mastered, "one good day is not mastery in the first stage"
    assert outcome.new_badges, "the first finished level earns a badge"
    assert set(store.badges(pid)) >= {b.id for b in outcome.new_badges}
    days = content.stages["stabilize"].mastery_days
    for day in range(1, days):
        clock.advance(24 * 3600)
        outcome = data.record(_result(first.id, clock, content=content))
        assert outcome.newly_mastered == (day == days - 1)
    assert first.id in data.unlocks().mastered_levels


def test_sharp_pain_gives_advice_and_no_mastery(content) -> None:  # type: ignore[no-untyped-def]
    data, clock = _player(content, "Ben")
    first = content.stage_levels("stabilize")[0]
    outcome = data.record(_result(first.id, clock, Pain.SHARP))
    assert not outcome.newly_mastered
    assert outcome.pain_advice
    assert data.prefer_easier(first)
