"""Which moves of a session were really played, and how each was rated.

A move counts as played only when it was not skipped and at least half of its
planned work was done; a level counts as completed only when every move of its
main part was played, and no move was rated "lost it". This stops a run of
skipped exercises, answered "steady, no pain", from mastering anything.

A session saved before per-move check-ins has no ratings: its level-wide form
and pain then stand for every move, at the dose the level wrote, and a move
counts as played when it was not skipped and some work was recorded.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.content.model import Content, DoseKind, Exercise, Level, Superset
from game.progress.history import Record
from game.session.ratings import Effort, MoveRating
from game.session.resolve import apply_override
from game.session.result import Form

__all__ = [
    "HALF",
    "aliases",
    "level_complete",
    "main_moves",
    "move_ratings",
    "played_ids",
    "written_amount",
]

#: The share of a move's planned work below which it counts as not played.
HALF = 0.5
_HOPS = 4


def amount_of(
    kind: DoseKind, hold_seconds: float | None, reps: int | None, flow: float | None
) -> float:
    """The one number a dose grows by: seconds per hold, reps per set or seconds per flow."""
    value = {DoseKind.HOLD: hold_seconds, DoseKind.REPS: reps, DoseKind.FLOW: flow}[kind]
    return float(value) if value is not None else 0.0


def written_amount(content: Content, level: Level, exercise_id: str) -> float:
    """The amount the level writes for a move (its highest, if it appears twice); 0 if absent."""
    best = 0.0
    for step in level.all_steps():
        if step.exercise != exercise_id or exercise_id not in content.exercises:
            continue
        dose = apply_override(content.exercises[exercise_id].dose, step)
        best = max(best, amount_of(dose.kind, dose.hold_seconds, dose.reps, dose.flow_seconds))
    return best


def main_moves(level: Level) -> tuple[str, ...]:
    """The exercises of a level's main part, in order, once each."""
    ids: list[str] = []
    for block in level.main:
        steps = block.steps if isinstance(block, Superset) else (block,)
        ids.extend(step.exercise for step in steps)
    return tuple(dict.fromkeys(ids))


#: id(exercise table) -> (the table, kept so its id stays its own; its answers)
_ALIASES: dict[int, tuple[Mapping[str, Exercise], dict[str, frozenset[str]]]] = {}


def _aliases(exercises: Mapping[str, Exercise], exercise_id: str) -> frozenset[str]:
    entry = _ALIASES.get(id(exercises))
    if entry is None or entry[0] is not exercises:
        if len(_ALIASES) > 16:
            _ALIASES.clear()
        entry = _ALIASES[id(exercises)] = (exercises, {})
    known = entry[1].get(exercise_id)
    if known is None:
        known = entry[1][exercise_id] = _find_aliases(exercises, exercise_id)
    return known


def _find_aliases(exercises: Mapping[str, Exercise], exercise_id: str) -> frozenset[str]:
    found = {exercise_id}
    frontier = [exercise_id]
    for _ in range(_HOPS):
        nxt: list[str] = []
        for eid in frontier:
            ex = exercises.get(eid)
            if ex is None:
                continue
            others = [*ex.substitutes.values()]
            others += [v.exercise for v in (ex.easier, ex.harder) if v is not None and v.exercise]
            nxt.extend(o for o in others if o not in found)
            found.update(others)
        frontier = nxt
    return frozenset(found)


def aliases(content: Content, exercise_id: str) -> frozenset[str]:
    """A move and what may be played in its place (variants, substitutes)."""
    return _aliases(content.exercises, exercise_id)


def played_ids(record: Record) -> frozenset[str] | None:
    """The moves this session really played; None for a session that lists no work at all."""
    result = record.result
    if not result.exercises:
        return None
    shares = {r.exercise_id: r.share for r in result.ratings}
    done: set[str] = set()
    for e in result.exercises:
        if e.skipped:
            continue
        share = shares.get(e.exercise_id)
        if share is None:
            if e.seconds_held > 0 or e.reps > 0 or e.breaths > 0:
                done.add(e.exercise_id)
        elif share >= HALF:
            done.add(e.exercise_id)
    # A move reached on one side and skipped on the other was not played in full.
    skipped = {e.exercise_id for e in result.exercises if e.skipped}
    return frozenset(done - skipped)


def level_complete(record: Record, content: Content) -> bool:
    """Finished, every main move played, no move lost: only then does the next level open."""
    result = record.result
    if not record.credited or result.form is Form.LOST:
        return False
    if any(r.form is Form.LOST for r in result.ratings):
        return False
    played = played_ids(record)
    level = content.levels.get(record.level_id)
    if played is None or level is None:
        return played is None
    return all(aliases(content, move) & played for move in main_moves(level))


def move_ratings(record: Record, content: Content) -> dict[str, MoveRating]:
    """One rating per played move; a session without ratings lends its own to each move."""
    played = played_ids(record)
    result = record.result
    level = content.levels.get(record.level_id)
    if result.ratings:
        return {
            r.exercise_id: r for r in result.ratings if played is None or r.exercise_id in played
        }
    if played is None:
        played = (
            frozenset(s.exercise for s in level.all_steps()) if level is not None else frozenset()
        )
    out: dict[str, MoveRating] = {}
    for eid in sorted(played):
        amount = written_amount(content, level, eid) if level is not None else 0.0
        out[eid] = MoveRating(eid, result.form, Effort.RIGHT, result.pain, 0, amount)
    return out
