"""The player's session settings: breath pace, hold length, rest, variants.

Frozen and validated on creation, so a timeline built from them can trust every
value. The ranges are the ones the options screen offers.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.session.breath import BreathPacer

__all__ = ["ALLOWED_RATIOS", "SessionSettings"]

#: Exhale length over inhale length: 2.0 is the calm default, 1.0 an even breath.
ALLOWED_RATIOS: tuple[float, ...] = (1.0, 2.0)


@dataclass(frozen=True)
class SessionSettings:
    """How a level is turned into a timeline for one player.

    ``rest_seconds`` replaces every non-zero rest (a rest a level sets to 0
    stays 0); otherwise rests are multiplied by ``rest_scale``. With
    ``use_breath_holds`` a hold written in seconds is counted in whole breaths
    instead. ``prefer_easier`` plays every step one notch easier (after sharp
    pain, or when form was lost). ``owned_equipment`` is what the player has
    (``None``: assume everything); the mat is always assumed.
    """

    inhale_seconds: float = 2.0
    ratio: float = 2.0
    hold_scale: float = 1.0
    rest_scale: float = 1.0
    rest_seconds: float | None = None
    get_ready_seconds: float = 5.0
    demo_seconds: float = 6.0
    use_breath_holds: bool = False
    prefer_easier: bool = False
    owned_equipment: frozenset[str] | None = None
    #: The player's own dose per move, ``(exercise_id, amount, sets or None)``: the
    #: amount replaces the hold seconds or reps a step writes (see ``game.progress.doses``).
    doses: tuple[tuple[str, float, int | None], ...] = ()
    #: ``(exercise_id, most sets)``: sets shortened so a level keeps to its length.
    set_caps: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        if not 2.0 <= self.inhale_seconds <= 5.0:
            raise ValueError(f"inhale_seconds must be 2 to 5, got {self.inhale_seconds}")
        if self.ratio not in ALLOWED_RATIOS:
            raise ValueError(f"ratio must be one of {ALLOWED_RATIOS}, got {self.ratio}")
        if not 0.8 <= self.hold_scale <= 1.5:
            raise ValueError(f"hold_scale must be 0.8 to 1.5, got {self.hold_scale}")
        if not 0.0 <= self.rest_scale <= 3.0:
            raise ValueError(f"rest_scale must be 0 to 3, got {self.rest_scale}")
        if self.rest_seconds is not None and not 0.0 <= self.rest_seconds <= 600.0:
            raise ValueError(f"rest_seconds must be 0 to 600, got {self.rest_seconds}")
        if not 0.0 <= self.get_ready_seconds <= 60.0:
            raise ValueError(f"get_ready_seconds must be 0 to 60, got {self.get_ready_seconds}")
        if not 0.0 <= self.demo_seconds <= 60.0:
            raise ValueError(f"demo_seconds must be 0 to 60, got {self.demo_seconds}")
        for exercise_id, amount, sets in self.doses:
            if not 0 < amount <= 3600 or (sets is not None and not 1 <= sets <= 20):
                raise ValueError(f"dose for {exercise_id} out of range: {amount}, {sets}")
        for exercise_id, cap in self.set_caps:
            if cap < 1:
                raise ValueError(f"set cap for {exercise_id} must be at least 1, got {cap}")

    @property
    def pacer(self) -> BreathPacer:
        return BreathPacer(self.inhale_seconds, self.ratio)

    def rest(self, written: float) -> float:
        """The rest to play for a rest the level wrote as ``written`` seconds."""
        if written <= 0:
            return 0.0
        if self.rest_seconds is not None:
            return self.rest_seconds
        return written * self.rest_scale

    def owns(self, equipment: str) -> bool:
        owned = self.owned_equipment
        return owned is None or equipment == "mat" or equipment in owned
