"""The Settings screen's rows as a table: what each setting is, how it steps, how it reads.

Adding a setting is one entry here; the screen's input and drawing code reads
the kind ("slider", "choice", "toggle" or an "action" button) and never names
a setting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.content.vocabulary import EQUIPMENT
from game.player.reminders import PATTERN_LABELS
from game.player.settings import REMIND_PATTERNS, REST_CHOICES, TEXT_SIZES, PlayerSettings
from game.session.settings import ALLOWED_RATIOS
from game.ui.scenes.reminder_actions import CALENDAR, DESKTOP

Format = Callable[[Any], str]


@dataclass(frozen=True)
class Row:
    """One setting: where it lives, how it reads, how it changes."""

    key: str  # a PlayerSettings field, or "equip:<name>" for one piece of equipment
    label: str
    section: str
    explain: str
    #: "slider" | "choice" | "toggle" | "action" (a button; key "action:<name>")
    #: | "screen" (Enter opens another screen)
    kind: str
    fmt: Format = str
    lo: float = 0.0
    hi: float = 1.0
    step: float = 1.0
    choices: tuple[Any, ...] = ()


def _pct(v: Any) -> str:
    return f"{round(float(v) * 100)} %"


def _secs(v: Any) -> str:
    return f"{float(v):.1f} s"


def _ratio(v: Any) -> str:
    return "twice the in-breath" if float(v) == 2.0 else "same as the in-breath"


def _clock(v: Any) -> str:
    hours, minutes = divmod(int(v), 60)
    return f"{hours:02d}:{minutes:02d}"


def _days(v: Any) -> str:
    n = int(v)
    return f"{n} day{'s' if n != 1 else ''} a week"


ROWS: tuple[Row, ...] = (
    Row("volume", "Sound volume", "Sound", "How loud the tones and the voice are.",
        "slider", _pct, 0.0, 1.0, 0.1),
    Row("voice", "Voice cues", "Sound", "A voice names each phase and counts holds aloud.",
        "toggle"),
    Row("tones", "Tones", "Sound", "Soft tones mark each breath in and breath out.", "toggle"),
    Row("inhale_seconds", "Inhale length", "Breath and pace",
        "How long each breath in lasts; holds and reps follow your breath.",
        "slider", _secs, 2.0, 5.0, 0.5),
    Row("breath_ratio", "Breath out", "Breath and pace",
        "Calm default: breathe out twice as long as in. Equal may feel easier.",
        "choice", _ratio, choices=ALLOWED_RATIOS),
    Row("hold_scale", "Hold length", "Breath and pace",
        "Scales every hold, from 80 % (shorter) to 150 % (longer).",
        "slider", _pct, 0.8, 1.5, 0.1),
    Row("rest", "Rest between exercises", "Breath and pace",
        "How long the pauses between exercises and sets are.", "choice", str.capitalize,
        choices=REST_CHOICES),
    Row("text_size", "Text size", "Look and feel", "Larger text on every screen.",
        "choice", str.capitalize, choices=TEXT_SIZES),
    Row("high_contrast", "High contrast", "Look and feel",
        "Black background, white text and strong, distinct colours.", "toggle"),
    Row("reduced_motion", "Reduced motion", "Look and feel",
        "The guide holds its key poses instead of moving; nothing flashes.", "toggle"),
    Row("fullscreen", "Full screen", "Look and feel",
        "Fill the whole screen (F11 switches at any time).", "toggle"),
    Row("weekly_goal", "Weekly goal", "Goal",
        "Days a week you aim to play; the main menu tracks it.",
        "slider", _days, 1, 7, 1),
    Row("remind_minute", "Remind me at", "Reminders",
        "Your local time for the reminder below; it repeats on the days you pick.",
        "slider", _clock, 0, 1425, 15),
    Row("remind_days", "Remind me on", "Reminders", "The days the reminder comes.",
        "choice", PATTERN_LABELS.__getitem__, choices=REMIND_PATTERNS),
    Row(CALENDAR, "Calendar reminder", "Reminders",
        "Opens a repeating event in your calendar app, on any computer. "
        "Choose again to take it out.", "action"),
    Row(DESKTOP, "Desktop notification", "Reminders",
        "Linux: a systemd timer shows a notification, even with the game closed. "
        "Turning it off removes every file it added.", "action"),
    Row("camera", "Stillness meter", "Camera",
        "Off unless you turn it on. The camera measures how still you stay in holds. "
        "Frames are compared in memory and thrown away; nothing is stored or sent.",
        "toggle"),
    Row("camera_setup", "Camera set-up", "Camera",
        "Choose the camera, see yourself as it sees you, and check your framing.",
        "screen"),
    *(
        Row(f"equip:{key}", name, "Equipment I own",
            "Levels that need equipment you lack swap in another move.", "toggle")
        for key, name in EQUIPMENT.items() if key != "mat"
    ),
)  # fmt: skip


def value_of(settings: PlayerSettings, row: Row) -> Any:
    if row.kind == "action":
        return None
    if row.kind == "screen":
        return settings.camera_device or "first found"
    if row.key.startswith("equip:"):
        return row.key[6:] in settings.equipment
    return getattr(settings, row.key)


def stepped(
    settings: PlayerSettings, row: Row, delta: int, *, wrap: bool = False
) -> PlayerSettings:
    """``settings`` with ``row`` moved ``delta`` steps; clamped, or wrapping round."""
    value = value_of(settings, row)
    new: Any
    if row.kind in ("action", "screen"):
        return settings
    if row.kind == "toggle":
        new = not value
    elif row.kind == "choice":
        i = row.choices.index(value) if value in row.choices else 0
        n = len(row.choices)
        new = row.choices[(i + delta) % n if wrap else min(n - 1, max(0, i + delta))]
    else:
        new = round(float(value) + delta * row.step, 4)
        if wrap and new > row.hi + 1e-9:
            new = row.lo
        new = min(row.hi, max(row.lo, new))
        if isinstance(value, int) and not isinstance(value, bool):
            new = int(new)
    if row.key.startswith("equip:"):
        return settings.with_changes(equipment=settings.equipment ^ {row.key[6:]})
    return settings.with_changes(**{row.key: new})
