"""Property tests: any dose, any level shape, any settings give a sound timeline."""

from __future__ import annotations

import itertools
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from session_builders import content, exercise, level, step

from game.content.model import Dose, DoseKind, Exercise, Level, Superset, Tempo
from game.content.model_animation import AnimationMode
from game.session.events import PhaseStarted
from game.session.phases import PhaseKind
from game.session.player import SessionPlayer
from game.session.settings import SessionSettings
from game.session.timeline import compile_level, planned_seconds

secs = st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 7.3])
pos = st.sampled_from([0.5, 1.0, 2.0, 2.5, 3.0, 5.0, 10.0, 12.7])


@st.composite
def doses(draw: st.DrawFn) -> Dose:
    kind = draw(st.sampled_from(list(DoseKind)))
    common = {
        "sets": draw(st.integers(1, 3)),
        "each_side": draw(st.booleans()),
        "rest_seconds": draw(secs),
        "switch_seconds": draw(secs),
        "setup_seconds": draw(secs),
    }
    if kind is DoseKind.HOLD:
        breaths = draw(st.booleans())
        return Dose(
            kind=kind,
            hold_seconds=None if breaths else draw(pos),
            hold_breaths=draw(st.integers(1, 4)) if breaths else None,
            **common,  # type: ignore[arg-type]
        )
    if kind is DoseKind.REPS:
        tempo = Tempo(draw(pos), draw(secs), draw(st.sampled_from([2.0, 2.5, 3.0])), draw(secs))
        return Dose(
            kind=kind,
            reps=draw(st.integers(1, 4)),
            tempo=tempo,
            alternate=draw(st.booleans()),
            **common,  # type: ignore[arg-type]
        )
    return Dose(kind=kind, flow_seconds=draw(pos), **common)  # type: ignore[arg-type]


@st.composite
def worlds(draw: st.DrawFn) -> tuple[Level, list[Exercise], SessionSettings]:
    n = draw(st.integers(1, 4))
    exercises = [
        exercise(
            f"e{i}",
            draw(doses()),
            breath=draw(st.sampled_from(["steady", "effort_on_exhale"])),
            mode=draw(st.sampled_from(list(AnimationMode))),
        )
        for i in range(n)
    ]
    ids = st.sampled_from([e.id for e in exercises])

    def steps(k: int) -> list:  # type: ignore[type-arg]
        return [step(draw(ids), draw(secs)) for _ in range(k)]

    main: list = steps(draw(st.integers(0, 3)))  # type: ignore[type-arg]
    if draw(st.booleans()):
        main.append(
            Superset(
                steps=tuple(steps(draw(st.integers(1, 3)))),
                rounds=draw(st.integers(1, 3)),
                rest_between_rounds=draw(secs),
            )
        )
    lv = level(main, warmup=steps(draw(st.integers(0, 2))), cooldown=steps(draw(st.integers(0, 2))))
    cfg = SessionSettings(
        inhale_seconds=draw(st.sampled_from([2.0, 3.0, 4.5, 5.0])),
        ratio=draw(st.sampled_from([1.0, 2.0])),
        hold_scale=draw(st.sampled_from([0.8, 1.0, 1.5])),
        get_ready_seconds=draw(st.sampled_from([0.0, 3.0, 5.0])),
        demo_seconds=draw(st.sampled_from([0.0, 6.0])),
        use_breath_holds=draw(st.booleans()),
    )
    return lv, exercises, cfg


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), st.floats(0.01, 0.7))
def test_timelines_are_contiguous_and_play_in_order(
    world: tuple[Level, list[Exercise], SessionSettings], dt: float
) -> None:
    lv, exercises, cfg = world
    c = content(exercises)
    tl = compile_level(lv, c, cfg)
    phases = tl.phases
    assert phases[0].start == 0.0
    assert phases[-1].kind is PhaseKind.DONE and phases[-1].duration == 0.0
    for a, b in itertools.pairwise(phases):
        assert b.start == a.end  # contiguous and non-overlapping
        assert a.duration > 0
    assert [p.index for p in phases] == list(range(len(phases)))
    assert tl.total == planned_seconds(lv, c, cfg)
    assert math.isclose(tl.total, math.fsum(p.duration for p in phases), abs_tol=1e-6)
    times = [e.t for e in tl.events]
    assert times == sorted(times)
    assert all(0.0 <= t <= tl.total for t in times)
    assert [e.phase.index for e in tl.events if isinstance(e, PhaseStarted)] == list(
        range(len(phases))
    )
    for p in phases:
        assert 0.0 <= p.u0 <= 1.0 and 0.0 <= p.u1 <= 1.0
        if p.kind is PhaseKind.HOLD and p.breaths:
            assert math.isclose(p.duration, p.breaths * cfg.pacer.cycle)
    player = SessionPlayer(tl)
    played = []
    while not player.finished:
        played.extend(player.update(dt))
        assert 0.0 <= player.guide_u() <= 1.0
    assert played == list(tl.events)
    assert math.isclose(player.elapsed_exercise_seconds, tl.total, abs_tol=1e-6)
