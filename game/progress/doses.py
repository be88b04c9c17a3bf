"""Doses that grow with the player: each move's place on its ladder, replayed from history.

The rules, as a physiotherapist would run them:

- A move starts at the dose its exercise file writes (or where the starting
  self-test put it), on the ladder its ``progression`` block describes:
  the main count (hold seconds or reps) from ``start`` to ``max`` in steps,
  then, when the file allows, one more set at a time.
- Rated steady, not too hard and with no pain on two different days, it steps
  up one rung. "A bit wobbly", "too hard" or mild pain hold it where it is
  (and the good days start again). "Lost it" steps down one rung, and so does
  sharp pain (which also brings the easier version, see ``unlocks``).
- A move skipped, or played under half its dose, changes nothing.
- A dose never leaves the range its file gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from game.content.model import Content, DoseKind, Exercise
from game.content.model_progression import Progression
from game.session.ratings import MoveRating
from game.session.result import Form, Pain

__all__ = [
    "GOOD_DAYS_TO_STEP",
    "DoseTrack",
    "Rung",
    "apply_rating",
    "dose_table",
    "ladder",
    "rung_for",
    "start_index",
]

#: Different days of all-good ratings before a move steps up.
GOOD_DAYS_TO_STEP = 2


@dataclass(frozen=True)
class Rung:
    """One dose on a move's ladder: the main count, and the sets (None: as the level writes)."""

    amount: float
    sets: int | None = None


@dataclass
class DoseTrack:
    """Where one move stands: its rung and the good days gathered at that rung."""

    index: int
    good_days: set[date] = field(default_factory=set)


def _range_of(ex: Exercise, prog: Progression) -> tuple[float, ...]:
    kind = ex.dose.kind
    if kind is DoseKind.HOLD and prog.hold_s is not None:
        return prog.hold_s.values()
    if kind is DoseKind.REPS and prog.reps is not None:
        return prog.reps.values()
    return ()


def _written(ex: Exercise) -> float:
    d = ex.dose
    value = {DoseKind.HOLD: d.hold_seconds, DoseKind.REPS: d.reps, DoseKind.FLOW: d.flow_seconds}
    written = value[d.kind]
    return float(written) if written is not None else 0.0


def ladder(ex: Exercise) -> tuple[Rung, ...]:
    """Every dose the move may be played at, easiest first; empty without a progression."""
    prog = ex.progression
    if prog is None:
        return ()
    amounts = _range_of(ex, prog)
    sets = tuple(int(s) for s in prog.sets.values()) if prog.sets is not None else ()
    if not amounts:
        return tuple(Rung(_written(ex), s) for s in sets)
    first_sets = sets[0] if sets else None
    rungs = [Rung(a, first_sets) for a in amounts]
    rungs += [Rung(amounts[-1], s) for s in sets[1:]]
    return tuple(rungs)


def start_index(ex: Exercise, rungs: tuple[Rung, ...]) -> int:
    """The rung of the written dose: the highest rung not above it."""
    written, sets = _written(ex), ex.dose.sets
    best = 0
    for i, rung in enumerate(rungs):
        if rung.amount <= written + 1e-9 and (rung.sets is None or rung.sets <= sets):
            best = i
    return best


def apply_rating(track: DoseTrack, rating: MoveRating, day: date, top: int) -> int:
    """Move ``track`` on by one played move's rating; returns the step taken (-1, 0 or 1)."""
    if rating.pain is Pain.SHARP or rating.form is Form.LOST:
        track.good_days.clear()
        if track.index > 0:
            track.index -= 1
            return -1
        return 0
    if not rating.all_good:
        track.good_days.clear()
        return 0
    track.good_days.add(day)
    if len(track.good_days) >= GOOD_DAYS_TO_STEP:
        track.good_days.clear()
        if track.index < top:
            track.index += 1
            return 1
    return 0


def rung_for(content: Content, tracks: dict[str, DoseTrack], exercise_id: str) -> Rung | None:
    """The dose a move is played at today, or None when it does not progress."""
    ex = content.exercises.get(exercise_id)
    if ex is None:
        return None
    rungs = ladder(ex)
    if not rungs:
        return None
    track = tracks.get(exercise_id)
    index = track.index if track is not None else start_index(ex, rungs)
    return rungs[max(0, min(index, len(rungs) - 1))]


def dose_table(
    content: Content, tracks: dict[str, DoseTrack]
) -> tuple[tuple[str, float, int | None], ...]:
    """Every progressing move's dose today, as ``SessionSettings.doses`` takes it."""
    out: list[tuple[str, float, int | None]] = []
    for eid in sorted(content.exercises):
        rung = rung_for(content, tracks, eid)
        if rung is not None:
            out.append((eid, rung.amount, rung.sets))
    return tuple(out)
