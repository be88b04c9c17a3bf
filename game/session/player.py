"""Playing a compiled timeline: the state machine behind every level.

The player owns one number that matters, the position on the timeline in
exercise seconds. ``update(dt)`` moves it forward by ``dt`` (the fixed-step
loop calls it; with ``--time-scale`` the caller passes scaled seconds) and
returns every scheduled event passed on the way, in order, each stamped with
its own instant. One call may cross many phases, so a long frame never skips a
phase or a cue. While paused, ``update`` lets no exercise time pass at all.

Commands (skip, back, restart) jump the position to the start of a phase and
playback goes on from that phase's first event. Work is credited from the
phases actually played: time under tension is the time spent in HOLD, LIFT,
TOP_HOLD and LOWER phases; reps are counted when a LOWER ends; breaths are
counted when a breath out starts during the exercise's own work phases.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from game.clock import Clock
from game.session.breath import BreathState
from game.session.events import (
    BreatheOut,
    Event,
    ExerciseSkipped,
    Jumped,
    Paused,
    Quit,
    RepDone,
    Resumed,
)
from game.session.guide import guide_u
from game.session.phases import Phase, PhaseKind, Slot, Timeline
from game.session.ratings import MoveRating, worst_form, worst_pain
from game.session.result import (
    MAX_OFFSET_MINUTES,
    ExerciseResult,
    Form,
    Pain,
    SessionResult,
    Side,
)

__all__ = ["SessionPlayer"]


@dataclass
class _Work:
    seconds_held: float = 0.0
    reps: int = 0
    breaths: int = 0


class SessionPlayer:
    """Plays one timeline. Pure: time only moves through ``update``."""

    def __init__(self, timeline: Timeline, clock: Clock | None = None) -> None:
        self.timeline = timeline
        self.clock = clock
        self.started_at: datetime | None = clock.now_utc() if clock is not None else None
        #: Monotonic reading at the start: the true length of the play even if
        #: the wall clock is set back or forward while it runs.
        self.started_monotonic: float | None = clock.monotonic() if clock is not None else None
        self._t = 0.0
        self._i = 0
        self._cursor = 0
        self._paused = False
        self._quit = False
        self._finished = False
        self._elapsed = 0.0
        self._pending: list[Event] = []
        self._work: dict[tuple[int, Side], _Work] = defaultdict(_Work)
        self._visited: set[int] = set()
        self._skipped: set[int] = set()

    # -- driving ------------------------------------------------------------

    def update(self, dt: float) -> list[Event]:
        """Let ``dt`` exercise seconds pass; return the events that fell due."""
        out, self._pending = self._pending, []
        if self._paused or self.finished or not dt > 0:
            out.extend(self._emit_due())
            return out
        t0, t1 = self._t, min(self._t + dt, self.timeline.total)
        self._credit_time(t0, t1)
        self._elapsed += t1 - t0
        self._t = t1
        self._i = self._phase_index_at(t1)
        out.extend(self._emit_due())
        return out

    def _phase_index_at(self, t: float) -> int:
        i = self._i
        phases = self.timeline.phases
        while i + 1 < len(phases) and phases[i + 1].start <= t:
            i += 1
        return i

    def _emit_due(self) -> list[Event]:
        events = self.timeline.events
        out: list[Event] = []
        while self._cursor < len(events) and events[self._cursor].t <= self._t:
            ev = events[self._cursor]
            self._cursor += 1
            self._count(ev)
            out.append(ev)
        if self._cursor >= len(events) and self._t >= self.timeline.total:
            self._finished = True
        return out

    def _credit_time(self, t0: float, t1: float) -> None:
        phases = self.timeline.phases
        i = self._i
        while i < len(phases) and phases[i].start < t1:
            p = phases[i]
            overlap = min(p.end, t1) - max(p.start, t0)
            if overlap > 0 and p.is_work:
                self._visited.add(p.slot)
                if p.under_tension:
                    self._work[(p.slot, p.side)].seconds_held += overlap
            i += 1

    def _count(self, ev: Event) -> None:
        if isinstance(ev, RepDone):
            p = self.timeline.phases[ev.phase_index]
            self._work[(p.slot, ev.side)].reps += 1
        elif isinstance(ev, BreatheOut):
            p = self.timeline.phases[ev.phase_index]
            if p.is_work:
                self._work[(p.slot, p.side)].breaths += 1

    # -- commands -----------------------------------------------------------

    def pause(self) -> None:
        if not self._paused and not self.finished:
            self._paused = True
            self._pending.append(Paused(self._t))

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            self._pending.append(Resumed(self._t))

    def skip(self) -> None:
        """End a skippable phase (rest, switch, intro) or the rest of the exercise.

        Skipping an exercise marks it skipped in the results and lands on the
        rest that leads into the next one (skip again to cut that rest too).
        """
        if self.finished:
            return
        p = self.phase
        if p.skippable:
            self._jump(p.index + 1, "skip")
            return
        slot = self.timeline.slots[p.slot]
        self._skipped.add(slot.index)
        self._visited.add(slot.index)
        self._pending.append(ExerciseSkipped(self._t, slot.exercise_id, slot.index))
        self._jump(slot.end_phase, "skip")

    def back(self) -> None:
        """Go to the start of the previous exercise (from a rest leading into an
        exercise, "previous" is the one just done)."""
        if self.finished or not self.timeline.slots:
            return
        # A rest leading into an exercise belongs to that exercise's slot, so
        # one slot back is the exercise just done there as well.
        self._restart_slot(max(0, self.phase.slot - 1), "back")

    def restart_exercise(self) -> None:
        """Start the current exercise again (in a rest before an exercise: the
        one just done); the earlier attempt's work is replaced."""
        if self.finished or not self.timeline.slots:
            return
        if self._in_work_or_intro():
            self._restart_slot(self.phase.slot, "restart")
        else:
            self._restart_slot(max(0, self.phase.slot - 1), "restart")

    def quit(self) -> None:
        if not self.finished:
            self._quit = True
            self._pending.append(Quit(self._t))

    def _in_work_or_intro(self) -> bool:
        p = self.phase
        return not (p.kind is PhaseKind.REST and p.between_exercises)

    def _restart_slot(self, s: int, reason: str) -> None:
        slot = self.timeline.slots[s]
        for side in slot.sides:
            self._work.pop((s, side), None)
        self._skipped.discard(s)
        self._jump(slot.work_phase, reason)

    def _jump(self, phase_index: int, reason: str) -> None:
        phase_index = min(phase_index, len(self.timeline.phases) - 1)
        target = self.timeline.phases[phase_index]
        self._pending.append(Jumped(target.start, self._t, reason))
        self._t = target.start
        self._i = phase_index
        self._cursor = self.timeline.phase_first_event[phase_index]
        self._pending.extend(self._emit_due())

    # -- state for drawing --------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.timeline.phases[self._i]

    @property
    def position(self) -> float:
        """Where playback is on the timeline, in exercise seconds."""
        return self._t

    @property
    def time_left(self) -> float:
        """Seconds left in the current phase."""
        return max(0.0, self.phase.end - self._t)

    @property
    def phase_fraction(self) -> float:
        p = self.phase
        return 1.0 if p.duration <= 0 else min(1.0, max(0.0, (self._t - p.start) / p.duration))

    @property
    def progress(self) -> float:
        """How far through the level, 0..1."""
        total = self.timeline.total
        return 1.0 if total <= 0 else min(1.0, self._t / total)

    @property
    def elapsed_exercise_seconds(self) -> float:
        """Exercise time actually played: pauses and skipped parts excluded."""
        return self._elapsed

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def finished(self) -> bool:
        """True once the level is completed or quit."""
        return self._finished or self._quit

    @property
    def completed(self) -> bool:
        return self._finished and not self._quit

    @property
    def current_exercise_id(self) -> str | None:
        return self.phase.exercise_id

    @property
    def next_exercise_id(self) -> str | None:
        return self.phase.next_exercise_id

    @property
    def current_slot(self) -> Slot | None:
        slots = self.timeline.slots
        return slots[self.phase.slot] if slots else None

    @property
    def side(self) -> Side:
        return self.phase.side

    @property
    def set_number(self) -> int:
        return self.phase.set_number

    @property
    def rep_number(self) -> int:
        return self.phase.rep_number

    def breath(self) -> BreathState:
        """The pacer's state now, on the current phase's breath anchor."""
        return self.timeline.pacer.phase_at(self._t - self.phase.breath_anchor)

    def guide_u(self, eased: bool = True) -> float:
        """The guide's position on the exercise's keyframe path, 0..1."""
        pacer = self.timeline.pacer
        share = pacer.inhale / pacer.cycle
        return guide_u(self.phase, self.phase_fraction, self.breath(), eased, share)

    # -- outcome ------------------------------------------------------------

    def exercise_results(self) -> tuple[ExerciseResult, ...]:
        """Work per exercise and side, in playing order.

        Work from a skipped exercise occurrence is reported apart, marked
        skipped, so it never counts toward progress; exercises never reached
        (after quitting) are left out.
        """
        totals: dict[tuple[str, Side, bool], _Work] = {}
        for slot in self.timeline.slots:
            if slot.index not in self._visited:
                continue
            skipped = slot.index in self._skipped
            for side in slot.sides:
                key = (slot.exercise_id, side, skipped)
                acc = totals.setdefault(key, _Work())
                w = self._work.get((slot.index, side))
                if w is not None:
                    acc.seconds_held += w.seconds_held
                    acc.reps += w.reps
                    acc.breaths += w.breaths
        return tuple(
            ExerciseResult(ex, side, round(w.seconds_held, 6), w.reps, w.breaths, skipped)
            for (ex, side, skipped), w in totals.items()
        )

    def shares(self) -> dict[str, float]:
        """For each exercise, the share of its planned time under tension that was done.

        Skipped occurrences count as nothing done, so a move skipped or cut short
        shows up here below one half (see ``game.progress.moves``).
        """
        planned: dict[str, float] = {}
        slots = self.timeline.slots
        for p in self.timeline.phases:
            if p.under_tension and 0 <= p.slot < len(slots):
                eid = slots[p.slot].exercise_id
                planned[eid] = planned.get(eid, 0.0) + (p.end - p.start)
        done: dict[str, float] = {}
        for (slot, _side), w in self._work.items():
            if slot in self._skipped or not 0 <= slot < len(slots):
                continue
            eid = slots[slot].exercise_id
            done[eid] = done.get(eid, 0.0) + w.seconds_held
        reached = {
            s.exercise_id
            for s in slots
            if s.index in self._visited and s.index not in self._skipped
        }
        out: dict[str, float] = {}
        for eid in self.timeline.exercise_ids():
            total = planned.get(eid, 0.0)
            if total > 0:
                out[eid] = min(1.0, round(done.get(eid, 0.0) / total, 6))
            else:  # a flow has no time under tension: reached or not
                out[eid] = 1.0 if eid in reached else 0.0
        return out

    def result(
        self,
        form: Form,
        pain: Pain,
        started_at: datetime,
        ended_at: datetime,
        utc_offset_minutes: int,
        local_date: date,
        daily: bool = False,
        ratings: tuple[MoveRating, ...] = (),
    ) -> SessionResult:
        """The record of this play, with the player's own form and pain check.

        Never refuses what a clock can give: an end before the start (the wall
        clock was set back) is recorded as a play that started when it ended, and
        an offset outside the range any zone uses is held to that range.

        With per-move ``ratings``, the level-wide form and pain are the worst of them.
        """
        if ratings:
            form = worst_form([r.form for r in ratings])
            pain = worst_pain([r.pain for r in ratings])
        prefer_easier = self.timeline.settings.prefer_easier
        return SessionResult(
            level_id=self.timeline.level_id,
            local_date=local_date,
            started_at=min(started_at, ended_at),
            ended_at=ended_at,
            utc_offset_minutes=max(
                -MAX_OFFSET_MINUTES, min(MAX_OFFSET_MINUTES, utc_offset_minutes)
            ),
            exercises=self.exercise_results(),
            form=form,
            pain=pain,
            completed=self.completed,
            daily=daily,
            active_seconds=round(self._elapsed, 6),
            variant="easier" if prefer_easier else "standard",
            ratings=ratings,
        )
