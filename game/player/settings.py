"""A player's settings: defaults, limits, and turning them into session settings.

Settings are stored per profile as a plain dict (the store keeps keys it does
not know). Reading goes through :meth:`PlayerSettings.from_dict`, which clamps
every value into its allowed range and falls back to the default for a value
of the wrong type, so a hand-edited save can never crash the game.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from game.content.vocabulary import EQUIPMENT
from game.player.reminders import DAY_PATTERNS
from game.session.settings import ALLOWED_RATIOS, SessionSettings

TEXT_SIZES = ("normal", "large")
REST_CHOICES = ("short", "normal", "long")
REST_SCALES: Mapping[str, float] = {"short": 0.5, "normal": 1.0, "long": 1.5}
REMIND_PATTERNS = tuple(DAY_PATTERNS)
REMIND_STEP_MINUTES = 15


@dataclass(frozen=True)
class PlayerSettings:
    volume: float = 0.8  # 0..1
    voice: bool = True
    tones: bool = True
    inhale_seconds: float = 2.0  # 2..5
    breath_ratio: float = 2.0  # exhale / inhale: 1.0 or 2.0
    hold_scale: float = 1.0  # 0.8..1.5
    rest: str = "normal"  # short | normal | long
    text_size: str = "normal"  # normal | large
    high_contrast: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False
    equipment: frozenset[str] = field(default_factory=lambda: frozenset({"mat"}))
    weekly_goal: int = 4  # days out of 7
    safety_accepted: bool = False
    breathing_intro_done: bool = False
    remind_minute: int = 18 * 60  # local time of day for reminders, in 15-minute steps
    remind_days: str = "every_day"  # a game.player.reminders.DAY_PATTERNS key
    camera: bool = False  # the stillness meter; off unless the player turns it on
    camera_device: str = ""  # the chosen camera's name; empty means the first one found

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> PlayerSettings:
        d = cls()
        return cls(
            volume=_num(raw.get("volume"), d.volume, 0.0, 1.0),
            voice=_bool(raw.get("voice"), d.voice),
            tones=_bool(raw.get("tones"), d.tones),
            inhale_seconds=_num(raw.get("inhale_seconds"), d.inhale_seconds, 2.0, 5.0),
            breath_ratio=_choice(raw.get("breath_ratio"), ALLOWED_RATIOS, d.breath_ratio),
            hold_scale=_num(raw.get("hold_scale"), d.hold_scale, 0.8, 1.5),
            rest=_choice(raw.get("rest"), REST_CHOICES, d.rest),
            text_size=_choice(raw.get("text_size"), TEXT_SIZES, d.text_size),
            high_contrast=_bool(raw.get("high_contrast"), d.high_contrast),
            reduced_motion=_bool(raw.get("reduced_motion"), d.reduced_motion),
            fullscreen=_bool(raw.get("fullscreen"), d.fullscreen),
            equipment=_equipment(raw.get("equipment"), d.equipment),
            weekly_goal=int(_num(raw.get("weekly_goal"), d.weekly_goal, 1, 7)),
            safety_accepted=_bool(raw.get("safety_accepted"), d.safety_accepted),
            breathing_intro_done=_bool(raw.get("breathing_intro_done"), d.breathing_intro_done),
            remind_minute=_minute(raw.get("remind_minute"), d.remind_minute),
            remind_days=_choice(raw.get("remind_days"), REMIND_PATTERNS, d.remind_days),
            camera=_bool(raw.get("camera"), d.camera),
            camera_device=_text(raw.get("camera_device"), d.camera_device),
        )

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["equipment"] = sorted(self.equipment)
        return out

    def with_changes(self, **changes: Any) -> PlayerSettings:
        """A copy with some fields changed, then clamped like a loaded value."""
        merged = {**self.to_dict(), **changes}
        if "equipment" in changes:
            merged["equipment"] = sorted(changes["equipment"])
        return PlayerSettings.from_dict(merged)

    def session_settings(self, *, prefer_easier: bool = False) -> SessionSettings:
        return SessionSettings(
            inhale_seconds=self.inhale_seconds,
            ratio=self.breath_ratio,
            hold_scale=self.hold_scale,
            rest_scale=REST_SCALES[self.rest],
            prefer_easier=prefer_easier,
            owned_equipment=self.equipment | {"mat"},
        )


FIELD_NAMES = tuple(f.name for f in fields(PlayerSettings))


def _num(value: Any, default: float, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return default
    return float(min(hi, max(lo, value)))


def _minute(value: Any, default: int) -> int:
    """A time of day on the 15-minute grid the Settings screen steps through."""
    number = _num(value, default, 0, 24 * 60 - REMIND_STEP_MINUTES)
    return int(number // REMIND_STEP_MINUTES * REMIND_STEP_MINUTES)


def _bool(value: Any, default: bool) -> bool:
    return value if isinstance(value, bool) else default


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) and len(value) <= 200 else default


def _choice(value: Any, allowed: tuple[Any, ...], default: Any) -> Any:
    return value if value in allowed and not isinstance(value, bool) else default


def _equipment(value: Any, default: frozenset[str]) -> frozenset[str]:
    if not isinstance(value, (list, tuple, set, frozenset)):
        return default
    return frozenset(v for v in value if isinstance(v, str) and v in EQUIPMENT) | {"mat"}


__all__ = [
    "FIELD_NAMES",
    "REMIND_PATTERNS",
    "REST_CHOICES",
    "TEXT_SIZES",
    "PlayerSettings",
    "replace",
]
