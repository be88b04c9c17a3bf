"""Compiling levels into timelines: phases, sides, supersets, variants, breath."""

from __future__ import annotations

import pytest
from session_builders import content, exercise, flow, hold, level, reps, step

from game.content.model import Dose, DoseKind, DoseOverride, Superset, Tempo, Variant, VariantSpec
from game.content.model_animation import AnimationMode
from game.session.breath import BreathPhase
from game.session.cues import CUE_IDS, EXERCISE_PREFIX, all_cue_ids
from game.session.events import BreatheIn, BreatheOut, PhaseStarted, RepDone, Tick
from game.session.phases import PhaseKind, Section, Timeline
from game.session.result import Side
from game.session.settings import SessionSettings
from game.session.timeline import compile_level, planned_seconds

NO_INTRO = SessionSettings(get_ready_seconds=0.0, demo_seconds=0.0)


def kinds(tl: Timeline) -> list[PhaseKind]:
    return [p.kind for p in tl]


def test_intro_is_demo_then_get_ready_counted_aloud() -> None:
    c = content([exercise("a", hold(10))])
    tl = compile_level(level([step("a")]), c)
    assert kinds(tl)[:3] == [PhaseKind.DEMO, PhaseKind.GET_READY, PhaseKind.SETUP]
    demo, ready = tl[0], tl[1]
    assert (demo.duration, ready.duration) == (6.0, 5.0)
    assert demo.exercise_id == "a" and demo.skippable and ready.skippable
    assert demo.section is Section.INTRO
    spoken = [e for e in tl.events if isinstance(e, Tick) and e.phase_index == 1]
    assert [(e.t, e.seconds_left, e.countdown, e.cue) for e in spoken] == [
        (7.0, 4, False, None),
        (8.0, 3, True, "three"),
        (9.0, 2, True, "two"),
        (10.0, 1, True, "one"),
    ]
    assert tl[-1].kind is PhaseKind.DONE and tl[-1].duration == 0.0


def test_hold_in_seconds_setup_hold_release() -> None:
    c = content([exercise("a", hold(10, setup_seconds=2.0))])
    tl = compile_level(level([step("a")]), c, NO_INTRO)
    setup, hold_, release, done = tl
    assert [p.kind for p in (setup, hold_, release, done)] == [
        PhaseKind.SETUP,
        PhaseKind.HOLD,
        PhaseKind.RELEASE,
        PhaseKind.DONE,
    ]
    assert (setup.u0, setup.u1, hold_.u0, hold_.u1, release.u0, release.u1) == (0, 1, 1, 1, 1, 0)
    assert hold_.duration == 10.0 and hold_.breaths == 0
    assert setup.starts_exercise and "exercise:a" in setup.cues
    beeps = [e.seconds_left for e in tl.events if isinstance(e, Tick) and e.countdown]
    assert beeps == [3, 2, 1]
    assert tl.total == 14.0


def test_hold_scale_and_hold_counted_in_breaths() -> None:
    c = content([exercise("a", hold(None, breaths=3, setup_seconds=0.0)), exercise("b", hold(10))])
    tl = compile_level(level([step("a")]), c, NO_INTRO)
    h = tl[0]
    assert h.kind is PhaseKind.HOLD and h.breaths == 3 and h.duration == 18.0
    breaths = [e for e in tl.events if isinstance(e, BreatheIn | BreatheOut)]
    assert [(type(e).__name__, e.t, e.index) for e in breaths] == [
        ("BreatheIn", 0.0, 0),
        ("BreatheOut", 2.0, 0),
        ("BreatheIn", 6.0, 1),
        ("BreatheOut", 8.0, 1),
        ("BreatheIn", 12.0, 2),
        ("BreatheOut", 14.0, 2),
    ]
    scaled = compile_level(level([step("b")]), c, SessionSettings(hold_scale=1.5))
    assert next(p for p in scaled if p.kind is PhaseKind.HOLD).duration == 15.0
    as_breaths = compile_level(
        level([step("b")]), c, SessionSettings(use_breath_holds=True, inhale_seconds=2.5)
    )
    h = next(p for p in as_breaths if p.kind is PhaseKind.HOLD)
    assert h.breaths == 1 and h.duration == 7.5  # 10 s is closest to one 7.5 s breath


def test_reps_with_tempo_and_rep_done_events() -> None:
    c = content([exercise("a", reps(2, Tempo(2, 1, 3, 1), setup_seconds=1.0))])
    tl = compile_level(level([step("a")]), c, NO_INTRO)
    assert kinds(tl) == [
        PhaseKind.SETUP,
        PhaseKind.LIFT,
        PhaseKind.TOP_HOLD,
        PhaseKind.LOWER,
        PhaseKind.REP_PAUSE,
        PhaseKind.LIFT,
        PhaseKind.TOP_HOLD,
        PhaseKind.LOWER,
        PhaseKind.DONE,
    ]
    lift, top, lower = tl[1], tl[2], tl[3]
    assert (lift.u0, lift.u1, top.u0, lower.u0, lower.u1) == (0, 1, 1, 1, 0)
    assert 2.0 <= lower.duration <= 3.0
    done = [(e.t, e.rep_number) for e in tl.events if isinstance(e, RepDone)]
    assert done == [(7.0, 1), (14.0, 2)]
    assert tl.total == 14.0


def test_loop_animation_walks_half_then_on() -> None:
    c = content([exercise("cat", reps(1, Tempo(2, 0, 2, 0)), mode=AnimationMode.LOOP)])
    tl = compile_level(level([step("cat")]), c, NO_INTRO)
    lift = next(p for p in tl if p.kind is PhaseKind.LIFT)
    lower = next(p for p in tl if p.kind is PhaseKind.LOWER)
    assert (lift.u0, lift.u1, lower.u0, lower.u1) == (0.0, 0.5, 0.5, 1.0)
    assert not any(p.kind is PhaseKind.TOP_HOLD for p in tl)  # a zero hold is left out


def test_each_side_switches_with_a_pause_and_rests_between_sets() -> None:
    dose = hold(10, each_side=True, sets=2, switch_seconds=4.0, rest_seconds=12.0)
    c = content([exercise("a", dose)])
    tl = compile_level(level([step("a")]), c, NO_INTRO)
    work = [(p.kind, p.side, p.set_number) for p in tl if p.kind is not PhaseKind.DONE]
    sides_per_set = [
        (PhaseKind.SETUP, Side.LEFT),
        (PhaseKind.HOLD, Side.LEFT),
        (PhaseKind.RELEASE, Side.LEFT),
        (PhaseKind.SWITCH_SIDES, Side.RIGHT),
        (PhaseKind.SETUP, Side.RIGHT),
        (PhaseKind.HOLD, Side.RIGHT),
        (PhaseKind.RELEASE, Side.RIGHT),
    ]
    expected = [(k, s, 1) for k, s in sides_per_set] + [(PhaseKind.REST, Side.BOTH, 1)]
    expected += [(k, s, 2) for k, s in sides_per_set]
    assert work == expected
    switch = next(p for p in tl if p.kind is PhaseKind.SWITCH_SIDES)
    assert switch.duration == 4.0 and switch.skippable and "switch_sides" in switch.cues
    rest = next(p for p in tl if p.kind is PhaseKind.REST)
    assert rest.duration == 12.0 and rest.skippable and not rest.between_exercises


def test_alternate_sides_switch_every_rep() -> None:
    c = content([exercise("bd", reps(2, Tempo(1, 0, 2, 0), alternate=True))])
    tl = compile_level(level([step("bd")]), c, NO_INTRO)
    lifts = [(p.side, p.rep_number) for p in tl if p.kind is PhaseKind.LIFT]
    assert lifts == [(Side.LEFT, 1), (Side.RIGHT, 1), (Side.LEFT, 2), (Side.RIGHT, 2)]
    assert not any(p.kind is PhaseKind.SWITCH_SIDES for p in tl)
    assert tl.slots[0].sides == (Side.LEFT, Side.RIGHT)


def test_flow_follows_the_breath() -> None:
    c = content([exercise("rock", flow(20, each_side=True))])
    tl = compile_level(level([step("rock")]), c, NO_INTRO)
    flows = [p for p in tl if p.kind is PhaseKind.FLOW]
    assert [p.side for p in flows] == [Side.LEFT, Side.RIGHT]
    assert all(p.breath_anchor == p.start for p in flows)


def test_rest_between_exercises_announces_the_next_one() -> None:
    c = content([exercise("a", hold(5)), exercise("b", hold(5)), exercise("c", flow(10))])
    lv = level([step("a", rest_after=20), step("b", rest_after=0)], cooldown=[step("c", 30)])
    tl = compile_level(lv, c, NO_INTRO)
    rests = [p for p in tl if p.kind is PhaseKind.REST]
    assert len(rests) == 1  # b -> c has no rest; nothing after the last exercise
    r = rests[0]
    assert r.between_exercises and r.exercise_id == "b" and r.next_exercise_id == "b"
    assert r.cues == ("rest", "next", "exercise:b")
    cool = [p for p in tl if p.cool_down]
    assert cool and all(p.exercise_id == "c" for p in cool)
    assert cool[0].cues[:2] == ("cool_down", "exercise:c")
    short = SessionSettings(get_ready_seconds=0, demo_seconds=0, rest_seconds=5.0)
    assert compile_level(lv, c, short).total == tl.total - 15.0


def test_superset_rounds_back_to_back_with_round_rest() -> None:
    c = content([exercise("a", hold(5, sets=3)), exercise("b", reps(2)), exercise("z", hold(5))])
    sup = Superset(steps=(step("a", 99), step("b", 40)), rounds=3, rest_between_rounds=60)
    tl = compile_level(level([sup, step("z")]), c, NO_INTRO)
    order = [(s.exercise_id, s.round_number) for s in tl.slots]
    assert order == [("a", 1), ("b", 1), ("a", 2), ("b", 2), ("a", 3), ("b", 3), ("z", 0)]
    rests = [(p.duration, p.exercise_id) for p in tl if p.kind is PhaseKind.REST]
    assert rests == [(60.0, "a"), (60.0, "a"), (40.0, "z")]
    assert all(p.sets == 1 for p in tl if p.exercise_id == "a" and p.is_work)
    assert {p.step_index for p in tl if p.exercise_id == "b"} == {1}


def test_missing_equipment_plays_the_substitute_and_says_so() -> None:
    rdl = exercise("rdl", reps(6), equipment=("mat", "dumbbell"), substitutes={"dumbbell": "hinge"})
    roll = exercise("roll", flow(30), equipment=("foam_roller",))
    hinge = exercise("hinge", reps(8))
    c = content([rdl, roll, hinge])
    lv = level([step("rdl", override=DoseOverride(reps=4)), step("roll")])
    tl = compile_level(lv, c, SessionSettings(owned_equipment=frozenset()))
    assert [s.exercise_id for s in tl.slots] == ["hinge", "roll"]
    assert [(s.original, s.replacement, s.equipment) for s in tl.substitutions] == [
        ("rdl", "hinge", "dumbbell")
    ]
    assert [(m.exercise_id, m.equipment) for m in tl.missing_equipment] == [
        ("roll", ("foam_roller",))
    ]
    assert sum(1 for p in tl if p.kind is PhaseKind.LIFT) == 4  # the override still applies
    owned = compile_level(lv, c, SessionSettings(owned_equipment=frozenset({"dumbbell"})))
    assert owned.slots[0].exercise_id == "rdl" and not owned.substitutions


def test_variants_and_prefer_easier() -> None:
    easy_dose = Dose(kind=DoseKind.HOLD, hold_seconds=5.0, setup_seconds=0.0)
    sp = exercise(
        "side_plank",
        hold(20, setup_seconds=0.0),
        easier=VariantSpec("Bent knee", "", exercise="bent_knee"),
        harder=VariantSpec("Longer", "", dose=Dose(kind=DoseKind.HOLD, hold_seconds=40.0)),
    )
    bent = exercise("bent_knee", easy_dose)
    c = content([sp, bent])
    std = compile_level(level([step("side_plank")]), c, NO_INTRO)
    assert std.slots[0].exercise_id == "side_plank" and std[0].duration == 20.0
    hard = compile_level(level([step("side_plank", variant=Variant.HARDER)]), c, NO_INTRO)
    assert next(p for p in hard if p.kind is PhaseKind.HOLD).duration == 40.0
    easier = SessionSettings(get_ready_seconds=0, demo_seconds=0, prefer_easier=True)
    eased = compile_level(level([step("side_plank")]), c, easier)
    assert eased.slots[0].exercise_id == "bent_knee" and eased[0].duration == 5.0
    eased_hard = compile_level(level([step("side_plank", variant=Variant.HARDER)]), c, easier)
    assert eased_hard.slots[0].exercise_id == "side_plank"


def test_override_breaths_replace_seconds() -> None:
    c = content([exercise("a", hold(30, setup_seconds=0.0))])
    lv = level([step("a", override=DoseOverride(hold_breaths=2, sets=2, rest_seconds=7))])
    tl = compile_level(lv, c, NO_INTRO)
    holds = [p for p in tl if p.kind is PhaseKind.HOLD]
    assert [(h.breaths, h.duration) for h in holds] == [(2, 12.0), (2, 12.0)]
    assert next(p for p in tl if p.kind is PhaseKind.REST).duration == 7.0


@pytest.mark.parametrize("inhale", [2.0, 3.0, 5.0])
@pytest.mark.parametrize("ratio", [1.0, 2.0])
@pytest.mark.parametrize("tempo", [Tempo(2, 2, 3, 0), Tempo(1, 0, 2, 1), Tempo(3, 5, 3, 2)])
def test_effort_on_exhale_lifts_start_with_a_breath_out(
    inhale: float, ratio: float, tempo: Tempo
) -> None:
    dose = reps(4, tempo, setup_seconds=1.0, alternate=True)
    ex = exercise("bd", dose, breath="effort_on_exhale")
    settings = SessionSettings(inhale_seconds=inhale, ratio=ratio)
    tl = compile_level(level([step("bd")]), content([ex]), settings)
    pacer = settings.pacer
    outs = sorted(e.t for e in tl.events if isinstance(e, BreatheOut))
    lifts = [p for p in tl if p.kind is PhaseKind.LIFT]
    assert len(lifts) == 8
    for p in lifts:
        state = pacer.phase_at(p.start - p.breath_anchor)
        assert state.phase is BreathPhase.OUT and state.fraction == pytest.approx(0, abs=1e-9)
        assert min(abs(t - p.start) for t in outs) < 1e-9  # the cue fires with the lift
    pause = next(p for p in tl if p.kind is PhaseKind.REP_PAUSE)
    assert pause.duration >= tempo.pause  # only ever stretched, never cut
    lower = next(p for p in tl if p.kind is PhaseKind.LOWER)
    assert lower.duration == tempo.lower


def test_cues_are_all_known_ids() -> None:
    ex = [
        exercise("a", hold(8, each_side=True, sets=2)),
        exercise("b", reps(2, alternate=True), breath="effort_on_exhale"),
        exercise("c", flow(10)),
    ]
    tl = compile_level(level([step("a", 10), step("b", 10)], cooldown=[step("c")]), content(ex))
    known = set(all_cue_ids(["a", "b", "c"]))
    used = {cue for e in tl.events for cue in e.cues}
    assert used <= known
    assert {"get_ready", "three", "inhale", "exhale", "lift", "lower_slowly"} <= used
    assert "switch_sides" in used
    assert {"rest", "next", "well_done", "hold", "release", "cool_down"} <= used
    assert len(set(CUE_IDS)) == len(CUE_IDS)
    assert not any(c.startswith(EXERCISE_PREFIX) for c in CUE_IDS)


def test_phase_started_for_every_phase_in_order() -> None:
    c = content([exercise("a", hold(5, each_side=True)), exercise("b", reps(2))])
    tl = compile_level(level([step("a", 10), step("b")]), c)
    started = [e.phase.index for e in tl.events if isinstance(e, PhaseStarted)]
    assert started == list(range(len(tl)))
    times = [e.t for e in tl.events]
    assert times == sorted(times)
    assert planned_seconds(level([step("a", 10), step("b")]), c) == tl.total


def test_unknown_exercise_and_broken_doses_are_clear_errors() -> None:
    c = content([exercise("a", Dose(kind=DoseKind.HOLD))])
    with pytest.raises(ValueError, match="unknown exercise 'nope'"):
        compile_level(level([step("nope")]), c)
    with pytest.raises(ValueError, match="hold_seconds or hold_breaths"):
        compile_level(level([step("a")]), c)


def test_empty_level_is_just_done() -> None:
    tl = compile_level(level([]), content([]))
    assert kinds(tl) == [PhaseKind.DONE] and tl.total == 0.0
