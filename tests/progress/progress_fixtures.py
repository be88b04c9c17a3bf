"""A small content library built straight from the dataclasses, and session makers.

The shipped level files are written separately; these tests pin the rules on a
library whose shape they control: four main stages, two side tracks, a dynamic
move, equipment with and without substitutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from types import MappingProxyType
from zoneinfo import ZoneInfo

from game.content.model import (
    Badge,
    BadgeCondition,
    Content,
    Dose,
    DoseKind,
    Exercise,
    Level,
    Stage,
    Step,
    Superset,
    Tempo,
    Track,
    VariantSpec,
)
from game.content.vocabulary import BADGE_METRICS
from game.progress.streaks import local_day_of
from game.progress.xp import xp_for
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side

EASY = VariantSpec(name="Easier", description="A smaller version of the move.")


def _ex(
    id: str,
    kind: DoseKind,
    *,
    equipment: Sequence[str] = ("mat",),
    dynamic: bool = False,
    easier: bool = True,
    subs: dict[str, str] | None = None,
    **dose: object,
) -> Exercise:
    return Exercise(
        id=id,
        name=id.replace("_", " ").capitalize(),
        position="supine",
        summary="A move.",
        cues=("Breathe out as you move.",),
        feel="A quiet effort.",
        mistakes=("Rushing.",),
        muscles=("multifidus",),
        equipment=tuple(equipment),
        dose=Dose(kind=kind, **dose),  # type: ignore[arg-type]
        breath="steady",
        dynamic=dynamic,
        easier=EASY if easier else None,
        substitutes=MappingProxyType(subs or {}),
    )


TEMPO = Tempo(lift=2, hold=2, lower=3, pause=0)

EXERCISES = {
    e.id: e
    for e in (
        _ex("pelvic_tilt", DoseKind.REPS, sets=2, reps=8, tempo=TEMPO),
        _ex("bird_dog", DoseKind.REPS, sets=2, reps=6, tempo=TEMPO, alternate=True),
        _ex("dead_bug", DoseKind.HOLD, sets=3, hold_seconds=20),
        _ex("side_plank", DoseKind.HOLD, sets=2, hold_seconds=20, each_side=True),
        _ex("prone_swimmers", DoseKind.REPS, sets=2, reps=6, tempo=TEMPO, alternate=True),
        _ex("plank_arm_lift", DoseKind.REPS, sets=2, reps=6, tempo=TEMPO, alternate=True),
        _ex("crunch", DoseKind.REPS, sets=2, reps=10, tempo=TEMPO, dynamic=True),
        _ex("glute_bridge_hold", DoseKind.HOLD, sets=3, hold_seconds=15),
        _ex(
            "romanian_deadlift",
            DoseKind.REPS,
            sets=3,
            reps=8,
            tempo=TEMPO,
            equipment=("dumbbell",),
            subs={"dumbbell": "glute_bridge_hold"},
        ),
        _ex("foam_roller_mobilization", DoseKind.REPS, reps=5, equipment=("foam_roller",)),
        _ex("kneeling_lat_stretch", DoseKind.HOLD, hold_seconds=30, equipment=("box_or_chair",)),
        _ex(
            "seated_rotation",
            DoseKind.REPS,
            reps=10,
            each_side=True,
            equipment=("box_or_chair", "bar"),
        ),
        _ex("knee_hug_rock", DoseKind.FLOW, flow_seconds=40),
        _ex("overhead_reach", DoseKind.HOLD, sets=2, hold_seconds=10),
        _ex("knee_to_chest", DoseKind.REPS, reps=6, each_side=True, tempo=TEMPO),
        _ex("head_lift", DoseKind.HOLD, sets=2, hold_seconds=10),
        _ex("bicycle", DoseKind.REPS, reps=10, dynamic=True, tempo=TEMPO),
        _ex("roller_child_pose", DoseKind.HOLD, hold_seconds=30, equipment=("foam_roller",)),
    )
}


def _stage(id: str, track: Track, order: int, requires: Sequence[str] = ()) -> Stage:
    return Stage(
        id=id,
        name=id.replace("_", " ").title(),
        track=track,
        order=order,
        trains="the spine",
        rule="slowly",
        description="A stage.",
        requires=tuple(requires),
        allows_dynamic=id not in ("stabilize",),
    )


STAGES = {
    s.id: s
    for s in (
        _stage("stabilize", Track.MAIN, 0),
        _stage("movement", Track.MAIN, 1, ["stabilize"]),
        _stage("integrate", Track.MAIN, 2, ["movement"]),
        _stage("full_body", Track.MAIN, 3, ["integrate"]),
        _stage("desk_reset", Track.SIDE, 4),
        _stage("gentle_mat", Track.SIDE, 5),
    )
}


def _lv(
    id: str,
    stage: str,
    order: int,
    main: Sequence[str | Superset],
    warmup: Sequence[str] = ("pelvic_tilt",),
    cooldown: Sequence[str] = ("knee_hug_rock",),
    requires: Sequence[str] = (),
) -> Level:
    blocks = tuple(Step(m) if isinstance(m, str) else m for m in main)
    return Level(
        id=id,
        stage=stage,
        name=id.replace("_", " ").title(),
        goal="Keep the spine still.",
        warmup=tuple(Step(w) for w in warmup),
        main=blocks,
        cooldown=tuple(Step(c) for c in cooldown),
        requires=tuple(requires),
        order=order,
    )


LEVELS = {
    lv.id: lv
    for lv in (
        _lv("stabilize_01", "stabilize", 0, ["dead_bug", "bird_dog"]),
        _lv("stabilize_02", "stabilize", 1, ["side_plank", "bird_dog"]),
        _lv("stabilize_03", "stabilize", 2, ["prone_swimmers", "dead_bug", "side_plank"]),
        _lv("movement_01", "movement", 0, ["plank_arm_lift", "bird_dog"]),
        _lv("movement_02", "movement", 1, ["plank_arm_lift", "prone_swimmers"]),
        _lv("integrate_01", "integrate", 0, ["crunch", "glute_bridge_hold"]),
        _lv(
            "full_body_01",
            "full_body",
            0,
            [Superset((Step("romanian_deadlift"), Step("dead_bug")), rounds=2)],
        ),
        _lv(
            "desk_reset_01",
            "desk_reset",
            0,
            ["foam_roller_mobilization", "kneeling_lat_stretch", "seated_rotation"],
            warmup=(),
            cooldown=("roller_child_pose",),
        ),
        _lv(
            "gentle_mat_01",
            "gentle_mat",
            0,
            ["overhead_reach", "knee_to_chest", "head_lift"],
            warmup=(),
        ),
        _lv("gentle_mat_02", "gentle_mat", 1, ["bicycle", "head_lift"], requires=["movement"]),
    )
}

#: One badge per metric, plus stage-scoped ones; the thresholds are small so
#: each test can reach them.
BADGE_TARGETS: dict[str, tuple[str, float, dict[str, str]]] = {
    "first_steps": ("levels_completed", 1, {}),
    "explorer": ("distinct_levels_completed", 3, {}),
    "master_two": ("levels_mastered", 2, {}),
    "stable_base": ("stage_mastered", 1, {"stage": "stabilize"}),
    "on_the_move": ("stage_levels_completed", 1, {"stage": "movement"}),
    "stage_tour": ("stage_all_completed", 1, {"stage": "stabilize"}),
    "daily_three": ("daily_levels_completed", 3, {}),
    "week_streak": ("streak_days", 7, {}),
    "five_minutes": ("hold_seconds_total", 300, {}),
    "breather": ("breaths_paced", 50, {}),
    "steady_hands": ("steady_sessions", 3, {}),
    "weekly_goal": ("weekly_goals_met", 1, {}),
    "balanced": ("balanced_sessions", 2, {}),
    "full_month": ("full_months", 1, {}),
    "level_five": ("player_level", 5, {}),
    "xp_500": ("xp_total", 500, {}),
}

BADGES = {
    bid: Badge(
        id=bid,
        name=bid.replace("_", " ").title(),
        description=BADGE_METRICS[metric],
        icon="star",
        condition=BadgeCondition(metric, at_least, MappingProxyType(scope)),
    )
    for bid, (metric, at_least, scope) in BADGE_TARGETS.items()
}


def make_content() -> Content:
    return Content(
        stages=MappingProxyType(STAGES),
        levels=MappingProxyType(LEVELS),
        exercises=MappingProxyType(EXERCISES),
        badges=MappingProxyType(BADGES),
    )


CONTENT = make_content()
UTC = timezone.utc


def work_for(level_id: str | Level, content: Content = CONTENT) -> tuple[ExerciseResult, ...]:
    """Even left and right work for every step of a level (a daily id counts as its level)."""
    from game.progress.history import parse_daily_level_id

    if isinstance(level_id, Level):
        level = level_id
    else:
        parsed = parse_daily_level_id(level_id)
        level = content.levels[parsed[1] if parsed else level_id]
    out: list[ExerciseResult] = []
    for step in level.all_steps():
        for side in (Side.LEFT, Side.RIGHT):
            out.append(ExerciseResult(step.exercise, side, seconds_held=20.0, reps=3, breaths=4))
    return tuple(out)


def play(
    level_id: str,
    day: date,
    *,
    tz: str = "UTC",
    at: time = time(18, 0),
    minutes: float = 10.0,
    form: Form = Form.STEADY,
    pain: Pain = Pain.NONE,
    completed: bool = True,
    daily: bool = False,
    variant: str = "standard",
    exercises: Iterable[ExerciseResult] | None = None,
    content: Content = CONTENT,
) -> SessionResult:
    """A session that ends at local time ``at`` on ``day`` in zone ``tz``."""
    zone = ZoneInfo(tz)
    end_local = datetime.combine(day, at, tzinfo=zone)
    ended = end_local.astimezone(UTC)
    started = ended - timedelta(minutes=minutes)
    offset = int(end_local.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    return SessionResult(
        level_id=level_id,
        local_date=local_day_of(ended, offset),
        started_at=started,
        ended_at=ended,
        utc_offset_minutes=offset,
        exercises=tuple(exercises) if exercises is not None else work_for(level_id, content),
        form=form,
        pain=pain,
        completed=completed,
        daily=daily,
        active_seconds=minutes * 60 * 0.8,
        variant=variant,
    )


def rec(result: SessionResult, content: Content = CONTENT) -> tuple[SessionResult, int]:
    """A history item as the app saves it: the result and the XP it earned."""
    return (result, xp_for(result, content))


def days(start: date, n: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(n)]
