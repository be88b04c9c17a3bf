"""Compiling a level into a timeline of phases, with the events they announce.

The order is fixed: a short demonstration of the first move, the get-ready
countdown (so "3, 2, 1" leads straight into the work), then the warm-up, main
and cool-down exercises, each with its sets, sides and rests, and a zero-length
DONE marker. A rest leading into an exercise is announced with its name.

Breath and reps (see ``game.session.breath``): a hold's breath starts on a
breath in at the hold's start, so a hold of N breaths is exactly N whole
breaths. For exercises that put the effort on the exhale, the lift of every
rep starts exactly when a breath out starts. To keep that true rep after rep
without shortening anything the level wrote, the pause between reps is
stretched so that one rep lasts a whole number of breaths, and the set-up lasts
at least one breath in, which leads into the first lift.

Supersets play one set of each of their steps per round, back to back, with
``rest_between_rounds`` between rounds; the rest after a superset is the
``rest_after`` of its last step. The last exercise of a level has no rest after it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from game.content.model import Content, DoseKind, Exercise, Level, Step, Superset
from game.content.model_animation import AnimationMode
from game.session.breath import EPS
from game.session.cues import exercise_cue, phase_cue
from game.session.events import schedule_events
from game.session.guide import animated_side
from game.session.phases import GuideMotion, Phase, PhaseKind, Section, Slot, Timeline
from game.session.resolve import MissingEquipment, ResolvedStep, Substitution, resolve_step
from game.session.result import Side
from game.session.settings import SessionSettings

__all__ = ["compile_level", "hold_length", "planned_seconds"]

_SIDE_CUE: dict[Side, tuple[str, ...]] = {
    Side.BOTH: (),
    Side.LEFT: ("left_side",),
    Side.RIGHT: ("right_side",),
}


def _side_order(ex: Exercise) -> tuple[Side, Side]:
    """Sides in playing order: the side the keyframes show comes first, as the cues say.

    An exercise with no animation (or one that does not name its side) starts
    on the left, as it always did.
    """
    if ex.animation is None or ex.animation.side is None:
        return Side.LEFT, Side.RIGHT
    first = animated_side(ex.animation)
    return (first, Side.LEFT if first is Side.RIGHT else Side.RIGHT)


@dataclass(frozen=True)
class _SlotPlan:
    resolved: ResolvedStep
    section: Section
    sets: int
    round_number: int
    rounds: int
    rest_after: float  # written seconds, before the player's rest setting


def hold_length(resolved: ResolvedStep, settings: SessionSettings) -> tuple[float, int]:
    """Seconds of one hold, and its length in breaths (0 when timed in seconds)."""
    dose, cycle = resolved.dose, settings.pacer.cycle
    breaths_first = dose.hold_seconds is None or settings.use_breath_holds
    if dose.hold_breaths is not None and breaths_first:
        n = max(1, round(dose.hold_breaths * settings.hold_scale))
        return n * cycle, n
    if dose.hold_seconds is None:
        raise ValueError(f"{resolved.exercise.id}: a hold needs hold_seconds or hold_breaths")
    seconds = dose.hold_seconds * settings.hold_scale
    if settings.use_breath_holds:
        n = max(1, round(seconds / cycle))
        return n * cycle, n
    return seconds, 0


def _plan(level: Level, content: Content, settings: SessionSettings) -> list[_SlotPlan]:
    """The exercise occurrences in playing order, with the rest after each."""
    plans: list[_SlotPlan] = []
    index = 0

    def resolve(step: Step) -> ResolvedStep:
        nonlocal index
        index += 1
        return resolve_step(step, index - 1, content, settings)

    for step in level.warmup:
        r = resolve(step)
        plans.append(_SlotPlan(r, Section.WARMUP, r.dose.sets, 0, 0, step.rest_after))
    for block in level.main:
        if isinstance(block, Superset):
            resolved = [resolve(s) for s in block.steps]
            for rnd in range(1, block.rounds + 1):
                for j, r in enumerate(resolved):
                    last_step = j == len(resolved) - 1
                    rest = 0.0
                    if last_step and rnd < block.rounds:
                        rest = block.rest_between_rounds
                    elif last_step:
                        rest = r.step.rest_after
                    plans.append(_SlotPlan(r, Section.MAIN, 1, rnd, block.rounds, rest))
        else:
            r = resolve(block)
            plans.append(_SlotPlan(r, Section.MAIN, r.dose.sets, 0, 0, block.rest_after))
    for step in level.cooldown:
        r = resolve(step)
        plans.append(_SlotPlan(r, Section.COOLDOWN, r.dose.sets, 0, 0, step.rest_after))
    return plans


class _Builder:
    """Lays phases end to end; each starts exactly where the one before ended."""

    def __init__(self, settings: SessionSettings) -> None:
        self.settings = settings
        self.pacer = settings.pacer
        self.phases: list[Phase] = []
        self.t = 0.0
        self.ctx: dict[str, Any] = {"section": Section.INTRO, "slot": 0}
        self.lead_cues: tuple[str, ...] = ()  # spoken before the next phase's own cues
        self.starting = False  # the next phase is the first of an exercise

    def add(self, kind: PhaseKind, duration: float, **fields: Any) -> None:
        if duration <= EPS and kind is not PhaseKind.DONE:
            return
        values = {**self.ctx, **fields}
        values.setdefault("breath_anchor", self.t)
        if self.starting:
            values["starts_exercise"] = True
            values["cues"] = self.lead_cues + tuple(values.get("cues", ()))
            self.starting, self.lead_cues = False, ()
        phase = Phase(index=len(self.phases), kind=kind, start=self.t, duration=duration, **values)
        self.phases.append(phase)
        self.t = phase.end

    # -- the three kinds of dose -------------------------------------------

    def hold(self, plan: _SlotPlan, side: Side) -> None:
        setup = plan.resolved.dose.setup_seconds
        seconds, breaths = hold_length(plan.resolved, self.settings)
        anchor, top = self.t + setup, plan.resolved.range
        self.add(PhaseKind.SETUP, setup, side=side, u0=0.0, u1=top, breath_anchor=anchor)
        self.add(
            PhaseKind.HOLD, seconds, side=side, u0=top, u1=top, breath_anchor=anchor,
            breaths=breaths, cues=("hold",),
        )  # fmt: skip
        self.add(
            PhaseKind.RELEASE, setup, side=side, u0=top, u1=0.0, breath_anchor=anchor,
            cues=("release",),
        )  # fmt: skip

    def reps(self, plan: _SlotPlan, side: Side) -> None:
        ex, dose = plan.resolved.exercise, plan.resolved.dose
        if dose.reps is None:
            raise ValueError(f"{ex.id}: a reps dose needs reps")
        tempo, effort = dose.tempo, ex.breath == "effort_on_exhale"
        loop = ex.animation is not None and ex.animation.mode is AnimationMode.LOOP
        reach = plan.resolved.range
        a, top, back = (0.0, 0.5, 1.0) if loop else (0.0, reach, 0.0)
        out_words, back_words = ex.phases.out, ex.phases.back
        alternate = dose.alternate and side is Side.BOTH
        count = dose.reps * 2 if alternate else dose.reps
        rep_len = tempo.lift + tempo.hold + tempo.lower + tempo.pause
        pause, setup = tempo.pause, dose.setup_seconds
        anchor = self.t
        if effort:
            cycle = self.pacer.cycle
            breaths = max(1, math.ceil(rep_len / cycle - EPS))
            pause += breaths * cycle - rep_len
            setup = max(setup, self.pacer.inhale)
            anchor = self.t + setup - self.pacer.inhale
        sides = _side_order(ex) if alternate else (side, side)
        common: dict[str, Any] = {"breath_anchor": anchor, "reps": dose.reps}
        self.add(PhaseKind.SETUP, setup, side=sides[0], u0=a, u1=a, **common)
        for r in range(count):
            rep_side = sides[r % 2]
            number = r // 2 + 1 if alternate else r + 1
            rep = {**common, "side": rep_side, "rep_number": number}
            out_cue, back_cue = (phase_cue(out_words),), (phase_cue(back_words),)
            lift_cues = _SIDE_CUE[rep_side] + out_cue if alternate else out_cue
            self.add(
                PhaseKind.LIFT, tempo.lift, u0=a, u1=top, cues=lift_cues, words=out_words, **rep
            )
            self.add(PhaseKind.TOP_HOLD, tempo.hold, u0=top, u1=top, cues=("hold",), **rep)
            self.add(
                PhaseKind.LOWER, tempo.lower, u0=top, u1=back, cues=back_cue, words=back_words,
                **rep,
            )  # fmt: skip
            if r < count - 1:
                self.add(PhaseKind.REP_PAUSE, pause, u0=back, u1=back, **rep)

    def flow(self, plan: _SlotPlan, side: Side) -> None:
        ex, dose = plan.resolved.exercise, plan.resolved.dose
        if dose.flow_seconds is None:
            raise ValueError(f"{ex.id}: a flow dose needs flow_seconds")
        anim = ex.animation
        loop = anim is not None and anim.mode is AnimationMode.LOOP
        motion = GuideMotion.BREATH_LOOP if loop else GuideMotion.BREATH_THERE_AND_BACK
        if loop and anim is not None and anim.reverse_even_sets and self.ctx["set_number"] % 2 == 0:
            motion = GuideMotion.BREATH_LOOP_BACKWARD  # the bicycle's backward set
        self.add(PhaseKind.FLOW, dose.flow_seconds, side=side, u0=0.0, u1=1.0, motion=motion)

    # -- one exercise occurrence --------------------------------------------

    def work(self, plan: _SlotPlan) -> None:
        dose = plan.resolved.dose
        one_sided = dose.each_side or (dose.alternate and dose.kind is not DoseKind.REPS)
        runs = _side_order(plan.resolved.exercise) if one_sided else (Side.BOTH,)
        emit = {DoseKind.HOLD: self.hold, DoseKind.REPS: self.reps, DoseKind.FLOW: self.flow}
        for set_number in range(1, plan.sets + 1):
            self.ctx["set_number"] = set_number
            for i, side in enumerate(runs):
                if i > 0:
                    self.add(
                        PhaseKind.SWITCH_SIDES, dose.switch_seconds, side=side, skippable=True,
                        cues=("switch_sides", *_SIDE_CUE[side]),
                    )  # fmt: skip
                elif self.starting:
                    self.lead_cues += _SIDE_CUE[side]
                emit[dose.kind](plan, side)
            if set_number < plan.sets:
                rest = self.settings.rest(dose.rest_seconds)
                self.add(PhaseKind.REST, rest, skippable=True, cues=("rest",))
        self.ctx["set_number"] = 0


def _intro(b: _Builder, first: _SlotPlan) -> None:
    ex = first.resolved.exercise
    loop = ex.animation is not None and ex.animation.mode is AnimationMode.LOOP
    motion = GuideMotion.DEMO_LOOP if loop else GuideMotion.DEMO_THERE_AND_BACK
    b.ctx.update(exercise_id=ex.id, next_exercise_id=ex.id, step_index=first.resolved.step_index)
    b.add(
        PhaseKind.DEMO, b.settings.demo_seconds, skippable=True, u0=0.0, u1=1.0, motion=motion,
        cues=(exercise_cue(ex.id),),
    )  # fmt: skip
    b.add(PhaseKind.GET_READY, b.settings.get_ready_seconds, skippable=True, cues=("get_ready",))


def compile_level(
    level: Level, content: Content, settings: SessionSettings | None = None
) -> Timeline:
    """Turn a level into the timeline one player will play."""
    settings = settings or SessionSettings()
    plans = _plan(level, content, settings)
    b = _Builder(settings)
    slot_bounds: list[tuple[int, int, int]] = []
    if plans:
        _intro(b, plans[0])
    first_phase = 0
    for s, plan in enumerate(plans):
        ex_id = plan.resolved.exercise.id
        nxt = plans[s + 1].resolved.exercise.id if s + 1 < len(plans) else None
        b.ctx = {
            "section": plan.section,
            "slot": s,
            "exercise_id": ex_id,
            "next_exercise_id": nxt,
            "step_index": plan.resolved.step_index,
            "sets": plan.sets,
            "round_number": plan.round_number,
            "rounds": plan.rounds,
            "effort_on_exhale": plan.resolved.exercise.breath == "effort_on_exhale",
        }
        b.starting = True
        b.lead_cues = (exercise_cue(ex_id),)
        if plan.section is Section.COOLDOWN and (s == 0 or plans[s - 1].section != plan.section):
            b.lead_cues = ("cool_down", *b.lead_cues)
        work_phase = len(b.phases)
        b.work(plan)
        slot_bounds.append((first_phase, work_phase, len(b.phases)))
        first_phase = len(b.phases)
        rest = settings.rest(plan.rest_after) if nxt is not None else 0.0
        if rest > 0 and nxt is not None:
            nxt_plan = plans[s + 1]
            b.ctx.update(
                section=nxt_plan.section, slot=s + 1, exercise_id=nxt, next_exercise_id=nxt,
                step_index=nxt_plan.resolved.step_index, sets=0, round_number=0, rounds=0,
            )  # fmt: skip
            b.add(
                PhaseKind.REST, rest, skippable=True, between_exercises=True,
                cues=("rest", "next", exercise_cue(nxt)),
            )  # fmt: skip
    b.ctx = {"section": Section.END, "slot": max(0, len(plans) - 1)}
    b.add(PhaseKind.DONE, 0.0, cues=("well_done",))
    phases = tuple(b.phases)
    slots = tuple(
        Slot(
            index=s,
            exercise_id=plan.resolved.exercise.id,
            step_index=plan.resolved.step_index,
            section=plan.section,
            round_number=plan.round_number,
            first_phase=first,
            work_phase=work,
            end_phase=end,
            sides=tuple(dict.fromkeys(p.side for p in phases[work:end] if p.is_work)),
        )
        for s, (plan, (first, work, end)) in enumerate(zip(plans, slot_bounds, strict=True))
    )
    events, first_event = schedule_events(phases, settings.pacer)
    played = {plan.resolved.step_index: plan.resolved.exercise for plan in plans}
    seen: set[int] = set()
    subs: list[Substitution] = []
    missing: list[MissingEquipment] = []
    for plan in plans:
        r = plan.resolved
        if r.step_index not in seen:
            seen.add(r.step_index)
            subs.extend(r.substitutions)
            if r.missing is not None:
                missing.append(r.missing)
    return Timeline(
        level_id=level.id,
        phases=phases,
        slots=slots,
        events=events,
        phase_first_event=first_event,
        settings=settings,
        substitutions=tuple(subs),
        missing_equipment=tuple(missing),
        played=tuple(played[i] for i in sorted(played)),
    )


def planned_seconds(
    level: Level, content: Content, settings: SessionSettings | None = None
) -> float:
    """How long the level lasts when played straight through with no pauses."""
    return compile_level(level, content, settings).total
