"""Compiling a level at the player's own doses while keeping it to its length.

Doses grow, and a level that grew past fifteen minutes would stop being a
ten-minute habit. So when the player's doses make a level too long, sets are
shortened first (the move with the most sets loses one, again and again);
only when no set is left to take does a move that grew go back to the dose
the level writes. Nothing is ever played below the written dose to fit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from game.content.model import Content, Level
from game.session.phases import Timeline
from game.session.ratings import Effort, MoveRating
from game.session.resolve import resolve_step
from game.session.result import Form, Pain
from game.session.settings import SessionSettings
from game.session.timeline import compile_level

__all__ = [
    "LONGEST_SECONDS",
    "SHORTEST_SECONDS",
    "compile_for_player",
    "played_doses",
    "ratings_for",
]

#: A level played at the player's doses lasts between these.
SHORTEST_SECONDS = 6 * 60.0
LONGEST_SECONDS = 15 * 60.0


def compile_for_player(
    level: Level, content: Content, settings: SessionSettings, longest: float = LONGEST_SECONDS
) -> Timeline:
    """The level's timeline at the player's doses, with sets shortened to fit ``longest``."""
    timeline = compile_level(level, content, settings)
    caps = dict(settings.set_caps)
    for _ in range(64):
        if timeline.total <= longest:
            break
        sets: dict[str, int] = {}
        for index, step in enumerate(level.all_steps()):
            resolved = resolve_step(step, index, content, settings)
            eid = resolved.exercise.id
            sets[eid] = max(sets.get(eid, 0), resolved.dose.sets)
        longest_move = max(sets, key=lambda e: (sets[e], e), default=None)
        if longest_move is None or sets[longest_move] <= 1:
            break
        caps[longest_move] = sets[longest_move] - 1
        settings = dataclasses.replace(settings, set_caps=tuple(sorted(caps.items())))
        timeline = compile_level(level, content, settings)
    # Supersets play one set a round: when no set is left to take, the moves
    # that grew past what the level writes go back to the written dose, one by one.
    grown = [d for d in settings.doses if d[1] > _written(content, d[0])]
    for eid, _amount, _sets in sorted(grown, key=lambda d: (-d[1], d[0])):
        if timeline.total <= longest:
            break
        doses = tuple(d for d in settings.doses if d[0] != eid)
        settings = dataclasses.replace(settings, doses=doses)
        timeline = compile_level(level, content, settings)
    return timeline


def _written(content: Content, exercise_id: str) -> float:
    ex = content.exercises.get(exercise_id)
    if ex is None:
        return 0.0
    d = ex.dose
    value = d.hold_seconds if d.hold_seconds is not None else d.reps
    return float(value) if value is not None else 0.0


def played_doses(
    level: Level, content: Content, settings: SessionSettings
) -> dict[str, tuple[int, float]]:
    """``exercise_id -> (sets, amount)`` as this level plays for these settings.

    The amount is seconds per hold, reps per set or seconds per flow set: what the
    check-in stores beside each move's rating.
    """
    out: dict[str, tuple[int, float]] = {}
    for index, step in enumerate(level.all_steps()):
        r = resolve_step(step, index, content, settings)
        d = r.dose
        amount = {"hold": d.hold_seconds, "reps": d.reps, "flow": d.flow_seconds}[d.kind.value]
        if amount is None and d.hold_breaths is not None:
            amount = d.hold_breaths * settings.pacer.cycle
        out.setdefault(r.exercise.id, (d.sets, float(amount or 0.0)))
    return out


def ratings_for(
    timeline: Timeline,
    shares: dict[str, float],
    content: Content,
    level: Level,
    answers: dict[str, tuple[Form, Effort, Pain]],
    measured: Mapping[str, Form] | None = None,
) -> tuple[MoveRating, ...]:
    """One rating per move played, in order: the player's answers, the dose played,
    the share of it done and, with the camera on, the form it measured. A move with
    no answer is rated all good."""
    doses = played_doses(level, content, timeline.settings)
    out: list[MoveRating] = []
    for eid in timeline.exercise_ids():
        form, effort, pain = answers.get(eid, (Form.STEADY, Effort.RIGHT, Pain.NONE))
        sets, amount = doses.get(eid, (0, 0.0))
        share = shares.get(eid, 0.0)
        seen = (measured or {}).get(eid)
        out.append(
            MoveRating(eid, form, effort, pain, sets, amount, measured_form=seen, share=share)
        )
    return tuple(out)
