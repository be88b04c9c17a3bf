"""Which cues have sound files, what the files are called, and the manifest listing them.

The sound files are made ahead of time by ``scripts/make_sounds.py`` and
listed in ``assets/sounds/manifest.json``; the player reads that list, and the
script writes and checks it. Nothing here plays sound, so the scripts use it
without pygame.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.session.cues import CUE_IDS, EXERCISE_PREFIX, PHASE_PREFIX

#: Spoken cues, in the order the manifest and the docs list them: every cue the
#: session can emit (one table, in game.session.cues), plus two the menus use.
VOICE_CUES: tuple[str, ...] = (*CUE_IDS, "begin", "relax")

#: Wordless cues: breath, phase boundaries and the last seconds of a timer.
TONE_CUES: tuple[str, ...] = (
    "tone_inhale",
    "tone_exhale",
    "tone_phase_start",
    "tone_phase_end",
    "tone_count",
)

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def is_tone(cue_id: str) -> bool:
    """True for wordless cues, which follow the tones switch rather than the voice one."""
    return cue_id.startswith("tone_")


def cue_file_name(cue_id: str) -> str:
    """The file a cue is stored in: ``inhale.ogg``, ``exercise_bird_dog.ogg``.

    Raises ValueError for ids that would not make a safe file name.
    """
    base, file_prefix = cue_id, ""
    for prefix, named in ((EXERCISE_PREFIX, "exercise_"), (PHASE_PREFIX, "phase_")):
        if cue_id.startswith(prefix):
            base, file_prefix = cue_id[len(prefix) :], named
            break
    if not _SAFE_ID.match(base):
        raise ValueError(f"cue id {cue_id!r} does not make a safe file name")
    return file_prefix + base + ".ogg"


def default_sounds_dir() -> Path:
    """Where the cue files are: inside an installed wheel, or at the top of a checkout."""
    from game.content.paths import assets_dir

    return assets_dir() / "sounds"


@dataclass(frozen=True)
class CueFile:
    """One entry of the manifest the sound script writes."""

    cue_id: str
    file: str
    text: str
    kind: str  # "voice" or "tone"
    duration: float


def load_manifest(sounds_dir: Path) -> dict[str, CueFile]:
    """Read ``manifest.json``; raises OSError or ValueError when it cannot be used."""
    raw: Any = json.loads((sounds_dir / "manifest.json").read_text(encoding="utf-8"))
    cues = raw.get("cues") if isinstance(raw, dict) else None
    if not isinstance(cues, dict):
        raise ValueError("manifest.json has no 'cues' table")
    out: dict[str, CueFile] = {}
    for cue_id, entry in cues.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise ValueError(f"manifest entry {cue_id!r} has no file")
        out[cue_id] = CueFile(
            cue_id=cue_id,
            file=entry["file"],
            text=str(entry.get("text", "")),
            kind=str(entry.get("kind", "tone" if is_tone(cue_id) else "voice")),
            duration=float(entry.get("duration", 0.0)),
        )
    return out
