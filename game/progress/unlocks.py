"""Mastery and the unlock gate, replayed from the play history.

The rules, in the order the body needs them:

- A level is *completed* by finishing it without sharp pain, with every move
  of its main part really played (not skipped, at least half its dose; see
  ``game.progress.moves``) and no move rated "lost it". A play *counts toward
  mastery* when, on top of that, it was played as written (not the easier
  version), every main move steady, with no pain, at or above the dose the
  level writes. A level is *mastered* once such plays fall on as many
  different days as its stage's ``mastery_days``.
- Each move's dose moves along its ladder with its ratings (``game.progress.doses``).
- A stage opens when every level of each stage it requires is mastered. A main
  stage also always requires the main stage before it, so a gap in the data
  can never let a player skip ahead.
- Inside an open stage the first level is open, and each next level opens when
  the one before it is completed. A level that lists extra stages in
  ``requires`` also waits for those stages to open.
- A level with big dynamic moves outside the first main stage also waits for
  that first stage to be mastered, whatever its data says.
- A session with sharp pain moves nothing on: no completion, no mastery. The
  player is told to repeat an easier level, and each move of that session is
  offered in its easier version until it has been played again without sharp
  pain.

History is replayed in the order played, and a play only counts if its level
was open at that moment, so no screen, command or edited save gets around the
gate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from game.content.model import Content, Level, Stage, Track
from game.progress.doses import DoseTrack, apply_rating, ladder, start_index
from game.progress.history import History, Record, records
from game.progress.moves import aliases, level_complete, main_moves, move_ratings, written_amount
from game.progress.selftest import SELF_TEST_ID, apply_self_test
from game.session.result import Form, Pain

#: ``SessionResult.variant`` values that play a level as written.
FULL_VARIANTS = frozenset({"standard", "harder"})


@dataclass(frozen=True)
class PainSuggestion:
    """What to do after a session with sharp pain."""

    level_id: str  # the level that hurt
    day: date
    easier_level_id: str  # the level to repeat (may be the same level, easier moves)
    text: str


@dataclass
class ProgressState:
    """The progress facts the replay accumulates; mutable only while replaying."""

    completed: set[str] = field(default_factory=set)
    mastered: set[str] = field(default_factory=set)
    easier_levels: set[str] = field(default_factory=set)
    easier_exercises: set[str] = field(default_factory=set)
    last_pain: Record | None = None
    #: level id -> the different days it was played well enough to count toward mastery
    steady_days: dict[str, set[date]] = field(default_factory=dict)
    #: exercise id -> where its dose stands (only moves with a progression)
    doses: dict[str, DoseTrack] = field(default_factory=dict)


def _main_stages(content: Content) -> tuple[Stage, ...]:
    return tuple(s for s in content.ordered_stages() if s.track is Track.MAIN)


def required_stages(content: Content, stage_id: str) -> tuple[str, ...]:
    """Stages whose levels must all be mastered before ``stage_id`` opens."""
    stage = content.stages[stage_id]
    needed = list(stage.requires)
    if stage.track is Track.MAIN:
        mains = _main_stages(content)
        idx = [s.id for s in mains].index(stage_id)
        if idx > 0 and mains[idx - 1].id not in needed:
            needed.append(mains[idx - 1].id)
    return tuple(needed)


class Gate:
    """Answers 'is this open?' for one content library and one progress state.

    A replay asks whether a level is open after every session, and the answer
    can only change when the completed or mastered set changes. The sets only
    grow while replaying, so answers are kept until either set's size moves.
    """

    def __init__(self, content: Content, state: ProgressState) -> None:
        self.content = content
        self.state = state
        mains = _main_stages(content)
        self.first_main = mains[0].id if mains else None
        self._open: dict[str, bool] = {}
        self._sizes = (-1, -1)

    def stage_mastered(self, stage_id: str) -> bool:
        return all(lv.id in self.state.mastered for lv in self.content.stage_levels(stage_id))

    def stage_open(self, stage_id: str) -> bool:
        if stage_id not in self.content.stages:
            return False
        return all(self.stage_mastered(s) for s in required_stages(self.content, stage_id))

    def has_dynamic(self, level: Level) -> bool:
        exercises = self.content.exercises
        return any(
            step.exercise in exercises and exercises[step.exercise].dynamic
            for step in level.all_steps()
        )

    def previous(self, level: Level) -> Level | None:
        earlier = [lv for lv in self.content.stage_levels(level.stage) if lv.order < level.order]
        return earlier[-1] if earlier else None

    def level_open(self, level_id: str) -> bool:
        sizes = (len(self.state.completed), len(self.state.mastered))
        if sizes != self._sizes:
            self._open.clear()
            self._sizes = sizes
        known = self._open.get(level_id)
        if known is None:
            known = self._open[level_id] = not self.blockers(level_id)
        return known

    def blockers(self, level_id: str) -> list[str]:
        """Everything that keeps a level shut, in player words; empty when open."""
        level = self.content.levels.get(level_id)
        if level is None:
            return [f"There is no level called '{level_id}'."]
        out: list[str] = []
        if not self.stage_open(level.stage):
            for sid in required_stages(self.content, level.stage):
                out.extend(self._stage_todo(sid))
        for sid in level.requires:
            if sid in self.content.stages and not self.stage_open(sid):
                name = self.content.stages[sid].name
                out.append(f"It opens together with the {name} stage.")
        needs_first = (
            self.first_main is not None
            and level.stage != self.first_main
            and self.has_dynamic(level)
            and not self.stage_mastered(self.first_main)
        )
        if needs_first and self.first_main is not None:
            name = self.content.stages[self.first_main].name
            out.append(
                f"It has big, fast moves, which wait until every level of {name} is mastered."
            )
        prev = self.previous(level)
        if prev is not None and prev.id not in self.state.completed:
            out.append(f"Finish '{prev.name}' first.")
        return list(dict.fromkeys(out))

    def _stage_todo(self, stage_id: str) -> list[str]:
        levels = self.content.stage_levels(stage_id)
        todo = [lv.name for lv in levels if lv.id not in self.state.mastered]
        if not todo:
            return []
        done = len(levels) - len(todo)
        name = self.content.stages[stage_id].name
        return [
            f"Master every level of {name} first ({done} of {len(levels)} mastered; "
            f"still to go: {', '.join(todo)})."
        ]


def _is_mastery(record: Record, content: Content) -> bool:
    r = record.result
    level = content.levels.get(record.level_id)
    if level is None or not record.credited or r.variant not in FULL_VARIANTS:
        return False
    if r.form is not Form.STEADY or r.pain is not Pain.NONE or not level_complete(record, content):
        return False
    rated = move_ratings(record, content)
    for move in main_moves(level):
        names = aliases(content, move)
        ratings = [rated[n] for n in names if n in rated]
        if not ratings:
            return False
        need = written_amount(content, level, move)
        if not any(
            x.steady and x.pain is Pain.NONE and (x.exercise_id != move or x.amount + 1e-9 >= need)
            for x in ratings
        ):
            return False
    return True


def mastery_days_needed(content: Content, level_id: str) -> int:
    """How many different good days master a level: its stage's ``mastery_days``."""
    level = content.levels.get(level_id)
    stage = content.stages.get(level.stage) if level is not None else None
    return stage.mastery_days if stage is not None else 1


def _move_doses(state: ProgressState, record: Record, content: Content) -> None:
    """Step each rated move's dose along its ladder."""
    for eid, rating in move_ratings(record, content).items():
        ex = content.exercises.get(eid)
        if ex is None:
            continue
        rungs = ladder(ex)
        if not rungs:
            continue
        track = state.doses.get(eid)
        if track is None:
            track = state.doses[eid] = DoseTrack(start_index(ex, rungs))
        apply_rating(track, rating, record.day, len(rungs) - 1)


def _exercises_of(record: Record, content: Content) -> set[str]:
    played = {e.exercise_id for e in record.result.exercises if not e.skipped}
    level = content.levels.get(record.level_id)
    if level is not None and not record.result.exercises:
        played |= {s.exercise for s in level.all_steps()}
    return played


def apply(state: ProgressState, record: Record, content: Content, gate: Gate | None = None) -> None:
    """Move ``state`` on by one played session (the replay step).

    A replay passes the same ``gate`` (over ``state``) for every step, so its
    answers carry over from one session to the next.
    """
    if gate is None or gate.state is not state:
        gate = Gate(content, state)
    if record.result.level_id == SELF_TEST_ID:
        apply_self_test(state.doses, record, content)
        return
    exercises = _exercises_of(record, content)
    _move_doses(state, record, content)
    if record.sharp_pain:
        state.easier_levels.add(record.level_id)
        level = content.levels.get(record.level_id)
        if level is not None:
            exercises |= {s.exercise for s in level.all_steps()}
        state.easier_exercises |= exercises
        state.last_pain = record
        return
    if record.result.completed:
        state.easier_levels.discard(record.level_id)
        state.easier_exercises -= exercises
    level_id = record.level_id
    if record.credited and level_id in content.levels and gate.level_open(level_id):
        if level_complete(record, content):
            state.completed.add(level_id)
        if _is_mastery(record, content):
            days = state.steady_days.setdefault(level_id, set())
            days.add(record.day)
            if len(days) >= mastery_days_needed(content, level_id):
                state.mastered.add(level_id)


def replay(content: Content, recs: Iterable[Record]) -> ProgressState:
    """The progress state after every session in ``recs``, in the order played."""
    state = ProgressState()
    gate = Gate(content, state)
    for rec in recs:
        apply(state, rec, content, gate)
    return state


@dataclass(frozen=True)
class Unlocks:
    """What is open, completed and mastered; the answer screens ask."""

    content: Content = field(repr=False, compare=False)
    open_stages: tuple[str, ...]
    open_levels: frozenset[str]
    completed_levels: frozenset[str]
    mastered_levels: frozenset[str]
    mastered_stages: tuple[str, ...]
    easier_levels: frozenset[str]
    easier_exercises: frozenset[str]
    suggestion_after_pain: PainSuggestion | None
    #: level id -> different good days gathered toward mastering it
    steady_days: Mapping[str, int] = field(default_factory=dict)

    def steady_progress(self, level_id: str) -> tuple[int, int]:
        """``(good days so far, days needed)`` toward mastering a level."""
        need = mastery_days_needed(self.content, level_id)
        return min(self.steady_days.get(level_id, 0), need), need

    def is_level_open(self, level_id: str) -> bool:
        return level_id in self.open_levels

    def is_stage_open(self, stage_id: str) -> bool:
        return stage_id in self.open_stages

    def why_locked(self, level_id: str) -> str:
        """Why a level is shut, in the player's words; empty when it is open."""
        if self.is_level_open(level_id):
            return ""
        state = ProgressState(set(self.completed_levels), set(self.mastered_levels))
        return " ".join(Gate(self.content, state).blockers(level_id))

    def prefer_easier(self, level_or_exercise_id: str) -> bool:
        """True after sharp pain, until that level or move is played again without it."""
        return (
            level_or_exercise_id in self.easier_levels
            or level_or_exercise_id in self.easier_exercises
        )

    def next_to_master(self, stage_id: str) -> str | None:
        """The first open, not yet mastered level of a stage, if any."""
        for level in self.content.stage_levels(stage_id):
            if level.id in self.open_levels and level.id not in self.mastered_levels:
                return level.id
        return None

    @property
    def highest_open_main_stage(self) -> str | None:
        mains = [s.id for s in _main_stages(self.content) if s.id in self.open_stages]
        return mains[-1] if mains else None


def _suggestion(content: Content, state: ProgressState) -> PainSuggestion | None:
    rec = state.last_pain
    if rec is None or rec.level_id not in state.easier_levels:
        return None
    level = content.levels.get(rec.level_id)
    easier_id = rec.level_id
    if level is not None:
        earlier = [
            lv
            for lv in content.stage_levels(level.stage)
            if lv.order < level.order and lv.id in state.completed
        ]
        if earlier:
            easier_id = earlier[-1].id
    easier = content.levels.get(easier_id)
    name = easier.name if easier is not None else easier_id
    same = easier_id == rec.level_id
    where = f"'{name}' again with" if same else f"the easier level '{name}', with"
    text = (
        "Sharp pain means stop, and stopping was the right call. This session does not "
        f"count toward progress. Next time, play {where} the easier version of each move. "
        "If the pain comes back, check with a physician or physiotherapist before going on."
    )
    return PainSuggestion(rec.level_id, rec.day, easier_id, text)


def unlocks_from_state(content: Content, state: ProgressState) -> Unlocks:
    gate = Gate(content, state)
    stages = tuple(s.id for s in content.ordered_stages() if gate.stage_open(s.id))
    return Unlocks(
        content=content,
        open_stages=stages,
        open_levels=frozenset(lid for lid in content.levels if gate.level_open(lid)),
        completed_levels=frozenset(state.completed),
        mastered_levels=frozenset(state.mastered),
        mastered_stages=tuple(s.id for s in content.ordered_stages() if gate.stage_mastered(s.id)),
        easier_levels=frozenset(state.easier_levels),
        easier_exercises=frozenset(state.easier_exercises),
        suggestion_after_pain=_suggestion(content, state),
        steady_days={lid: len(days) for lid, days in state.steady_days.items()},
    )


def compute_unlocks(content: Content, history: History) -> Unlocks:
    """Everything the level map needs, derived from the history alone."""
    return unlocks_from_state(content, replay(content, records(history)))
