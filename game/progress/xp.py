"""Experience points for a played session, and the player-level curve.

XP for one session
------------------
XP rewards work actually done, so nothing is paid for skipped exercises::

    effort = 0.2 per second under tension      (12 XP a minute of holds or reps)
           + 0.5 per rep completed
           + 2   per hold completed            (a HOLD exercise, one side, not skipped)
    effort is capped at 250 a session          (leaving a hold running is not a strategy)

    bonuses, only when the level was finished and there was no sharp pain:
           + 25  completion
           + 15  steady form                   (the player's own rating)
           + 10  daily level

    xp = round(effort) + bonuses

A session with sharp pain keeps its effort XP and gets no bonus, no completion
and no mastery (see ``unlocks``). Reporting pain must never cost the player what
they already did, or players learn to hide pain; but pushing through earns
nothing extra. A level left unfinished likewise keeps only its effort XP.

A typical ten-minute daily level (about five minutes under tension, forty reps,
six holds, steady form) earns about 140 XP.

Player levels
-------------
Going from player level ``n`` to ``n + 1`` takes ``min(100 + 50 * (n - 1), 1500)``
XP, so the XP needed to reach level ``n`` is::

    threshold(n) = 100 * (n - 1) + 25 * (n - 1) * (n - 2)        for n <= 29
    threshold(n) = 21700 + 1500 * (n - 29)                       for n >= 29

Early levels come every session or two; by level 20 (10450 XP, about eleven
weeks of daily play) a level takes a week; from level 29 on every level costs
the same 1500 XP, about eleven daily levels, so there is always a next level
within reach, however many months in. The first twenty thresholds:

    level:  1    2    3    4    5     6     7     8     9    10
    XP:     0  100  250  450  700  1000  1350  1750  2200  2700
    level: 11   12   13   14   15    16    17    18    19    20
    XP:  3250 3850 4500 5200 5950  6750  7600  8500  9450 10450
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.model import Content, DoseKind
from game.session.result import Form, Pain, SessionResult

XP_PER_SECOND_UNDER_TENSION = 0.2
XP_PER_REP = 0.5
XP_PER_HOLD = 2.0
EFFORT_CAP = 250
COMPLETION_BONUS = 25
STEADY_FORM_BONUS = 15
DAILY_BONUS = 10

_STEP_BASE = 100
_STEP_GROWTH = 50
_STEP_CAP = 1500
_CAP_LEVEL = 1 + (_STEP_CAP - _STEP_BASE) // _STEP_GROWTH  # 29: first level whose step is capped


def step_xp(level: int) -> int:
    """XP needed to go from player level ``level`` to the next one."""
    if level < 1:
        raise ValueError(f"player levels start at 1, got {level}")
    return min(_STEP_BASE + _STEP_GROWTH * (level - 1), _STEP_CAP)


def threshold(level: int) -> int:
    """Total XP at which player level ``level`` is reached (level 1 at 0 XP)."""
    if level < 1:
        raise ValueError(f"player levels start at 1, got {level}")
    n = min(level, _CAP_LEVEL)
    below_cap = _STEP_BASE * (n - 1) + (_STEP_GROWTH // 2) * (n - 1) * (n - 2)
    return below_cap + _STEP_CAP * (level - n)


#: The first fifty thresholds, for screens that draw the curve.
LEVEL_THRESHOLDS: tuple[int, ...] = tuple(threshold(n) for n in range(1, 51))


@dataclass(frozen=True)
class PlayerLevel:
    """Where a total of XP puts the player on the curve."""

    level: int
    xp_into_level: int  # XP earned since this level was reached
    xp_for_next: int  # size of the whole step from this level to the next

    @property
    def xp_to_next(self) -> int:
        """XP still missing for the next level."""
        return self.xp_for_next - self.xp_into_level

    @property
    def fraction(self) -> float:
        """How far through the current level, 0..1, for a progress bar."""
        return self.xp_into_level / self.xp_for_next


def level_for_xp(total: int) -> PlayerLevel:
    """The player level reached with ``total`` XP."""
    total = max(0, int(total))
    cap_start = threshold(_CAP_LEVEL)
    if total >= cap_start:
        level = _CAP_LEVEL + (total - cap_start) // _STEP_CAP
    else:
        level = 1
        while threshold(level + 1) <= total:
            level += 1
    return PlayerLevel(level, total - threshold(level), step_xp(level))


def _is_hold(exercise_id: str, reps: int, content: Content) -> bool:
    exercise = content.exercises.get(exercise_id)
    if exercise is None:
        return reps == 0
    return exercise.dose.kind is DoseKind.HOLD


def effort_xp(result: SessionResult, content: Content) -> int:
    """XP for the work done alone: time under tension, reps and holds."""
    effort = 0.0
    for ex in result.exercises:
        if ex.skipped:
            continue
        effort += XP_PER_SECOND_UNDER_TENSION * ex.seconds_held + XP_PER_REP * ex.reps
        if ex.seconds_held > 0 and _is_hold(ex.exercise_id, ex.reps, content):
            effort += XP_PER_HOLD
    return min(round(effort), EFFORT_CAP)


def xp_for(result: SessionResult, content: Content) -> int:
    """XP earned by one played session (formula in the module docstring)."""
    xp = effort_xp(result, content)
    if result.completed and result.pain is not Pain.SHARP:
        xp += COMPLETION_BONUS
        if result.form is Form.STEADY:
            xp += STEADY_FORM_BONUS
        if result.daily:
            xp += DAILY_BONUS
    return xp
