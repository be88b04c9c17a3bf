"""The guide and the voice tell the truth about every shipped move.

The words said and shown for each half of a rep must name the way the move's
key point really goes; the side announced must be the side whose limb the
picture moves; alternating reps keep the figure facing one way.
"""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from game.content import load_content
from game.content.model import Content, DoseKind, Exercise, Level, Step
from game.rig import motion
from game.session.cues import phase_cue
from game.session.guide import guide_side
from game.session.phases import PhaseKind, Timeline
from game.session.result import Side
from game.session.timeline import compile_level


@cache
def _content() -> Content:
    return load_content()


def _exercises(pred: object = None) -> list[str]:
    return sorted(
        ex.id for ex in _content().exercises.values() if ex.animation is not None and (
            pred is None or pred(ex)  # type: ignore[operator]
        )
    )  # fmt: skip


def _rep_ids() -> list[str]:
    return _exercises(lambda ex: ex.dose.kind is DoseKind.REPS)


def _sided_ids() -> list[str]:
    return _exercises(lambda ex: ex.dose.alternate or ex.dose.each_side)


def _one_step(ex: Exercise) -> Timeline:
    lv = Level(
        id="probe", stage="stabilize", name="Probe", goal="", warmup=(), main=(Step(ex.id),),
        cooldown=(),
    )  # fmt: skip
    return compile_level(lv, _content())


@pytest.mark.parametrize("ex_id", _rep_ids())
def test_the_out_words_name_the_way_the_key_point_goes(ex_id: str) -> None:
    ex = _content().exercises[ex_id]
    assert ex.animation is not None
    point = motion.key_point(ex.animation)
    assert point is not None, f"{ex_id}: name its key point (animation focus: {{point: ...}})"
    said = motion.word_direction(ex.phases.out)
    assert said is not None, f"{ex_id}: '{ex.phases.out}' names no direction"
    moved = motion.directions(ex.animation, point)
    assert said in moved, f"{ex_id}: says '{ex.phases.out}' ({said}), {point} goes {sorted(moved)}"


@pytest.mark.parametrize("ex_id", _rep_ids())
def test_every_rep_says_and_shows_its_own_phase_words(ex_id: str) -> None:
    ex = _content().exercises[ex_id]
    tl = _one_step(ex)
    lifts = [p for p in tl.phases if p.kind is PhaseKind.LIFT]
    lowers = [p for p in tl.phases if p.kind is PhaseKind.LOWER]
    assert lifts and lowers
    assert all(p.words == ex.phases.out and phase_cue(p.words) in p.cues for p in lifts)
    assert all(p.words == ex.phases.back and phase_cue(p.words) in p.cues for p in lowers)
    # The breath cue is still the pacer's: the words sit beside it, never replace it.
    assert any(e.cues and "exhale" in e.cues for e in tl.events)


def test_hinges_and_dead_bugs_no_longer_say_lift() -> None:
    exercises = _content().exercises
    for ex_id in ("romanian_deadlift", "hip_hinge_bodyweight", "dead_bug", "pelvic_tilt"):
        assert exercises[ex_id].phases.out != "Lift", ex_id


def _first_work_phase(tl: Timeline, side: Side) -> tuple[int, tuple[str, ...]]:
    """The first phase that works ``side``, and every cue said up to its start."""
    said: list[str] = []
    for i, p in enumerate(tl.phases):
        said.extend(p.cues)
        if p.side is side and p.kind in (PhaseKind.LIFT, PhaseKind.SETUP) and p.is_work:
            nxt = tl.phases[i + 1] if p.kind is PhaseKind.SETUP else p
            said.extend(nxt.cues)
            return i, tuple(said)
    raise AssertionError(f"no phase works the {side.value} side")


@pytest.mark.parametrize("ex_id", _sided_ids())
def test_the_side_said_is_the_side_shown(ex_id: str) -> None:
    ex = _content().exercises[ex_id]
    assert ex.animation is not None
    tl = _one_step(ex)
    turn = motion.word_direction(ex.phases.out) == "turn"
    order = [p.side for p in tl.phases if p.is_work and p.side is not Side.BOTH]
    for side in (Side.LEFT, Side.RIGHT):
        _, said = _first_work_phase(tl, side)
        announced = [c for c in said if c in ("left_side", "right_side")][-1]
        assert announced == f"{side.value}_side", (
            f"{ex_id}: {side.value} reps announced {announced}"
        )
        shown = guide_side(ex.animation, ex.dose, side)
        works = motion.working_side(ex.animation, shown.mirrored, turn)
        assert works == side.value, f"{ex_id}: says {side.value}, the guide works the {works}"
    # The first side played is the one the written cues start with: the animated one.
    assert order[0].value == ex.animation.side


@pytest.mark.parametrize("ex_id", _exercises(lambda ex: ex.dose.alternate))
def test_alternating_reps_move_the_limbs_not_the_camera(ex_id: str) -> None:
    ex = _content().exercises[ex_id]
    left = guide_side(ex.animation, ex.dose, Side.LEFT)
    right = guide_side(ex.animation, ex.dose, Side.RIGHT)
    assert left.mirrored != right.mirrored  # the other limbs move
    assert not left.mirror_camera and not right.mirror_camera  # the figure faces one way


def test_a_whole_set_per_side_may_turn_the_camera_with_it() -> None:
    ex = _content().exercises["side_plank"]
    shown = guide_side(ex.animation, ex.dose, Side.LEFT)
    assert shown.mirrored and shown.mirror_camera


@pytest.mark.parametrize("ex_id", _rep_ids())
def test_a_cue_to_breathe_in_and_lower_fits_inside_the_breath_in(ex_id: str) -> None:
    ex = _content().exercises[ex_id]
    if not any("breathe in and lower" in cue.lower() for cue in ex.cues):
        return
    tl = _one_step(ex)
    for p in (p for p in tl.phases if p.kind is PhaseKind.LOWER):
        for t in (p.start + 0.01, p.end - 0.01):
            state = tl.pacer.phase_at(t - p.breath_anchor)
            assert state.phase.value == "in", f"{ex_id}: the lower at {t:.1f} s is on a breath out"


def test_the_bicycle_pedals_backward_on_its_second_set_and_never_stalls() -> None:
    from game.session.guide import guide_u
    from game.session.phases import GuideMotion

    ex = _content().exercises["bicycle"]
    tl = _one_step(ex)
    flows = [p for p in tl.phases if p.kind is PhaseKind.FLOW]
    share = tl.pacer.inhale / tl.pacer.cycle
    assert [p.motion for p in flows[:2]] == [
        GuideMotion.BREATH_LOOP,
        GuideMotion.BREATH_LOOP_BACKWARD,
    ]
    for p in flows[:2]:
        us = []
        for i in range(1, 200):
            t = p.start + p.duration * i / 200
            state = tl.pacer.phase_at(t - p.breath_anchor)
            us.append(guide_u(p, (t - p.start) / p.duration, state, True, share))
        steps = [(b - a + 0.5) % 1.0 - 0.5 for a, b in itertools.pairwise(us)]  # 1 wraps to 0
        if p.motion is GuideMotion.BREATH_LOOP_BACKWARD:
            steps = [-s for s in steps]
        mean = sum(steps) / len(steps)
        # Always on the way round, and never slowing to a stop at a turn of the breath.
        assert mean > 0 and min(steps) > 0.3 * mean, (p.motion, min(steps), mean)


def test_the_knee_hug_rocks_as_long_to_the_right_as_to_the_left() -> None:
    from game.session.player import SessionPlayer

    tl = _one_step(_content().exercises["knee_hug_rock"])
    flow = next(p for p in tl.phases if p.kind is PhaseKind.FLOW)
    player = SessionPlayer(tl)
    player.update(flow.start + 1e-6)
    halves: dict[int, float] = {0: 0.0, 1: 0.0}
    step = 0.05
    for _ in range(int(tl.pacer.cycle * 2 / step)):
        halves[0 if player.guide_u() < 0.5 else 1] += step
        player.update(step)
    assert halves[0] == pytest.approx(halves[1], abs=0.2), halves
