"""Listen-free checks of the shipped cue files, for ``make_sounds.py --check``.

Each file is decoded the way the game decodes it (pygame's mixer, with the SDL
dummy audio driver, so no sound device, speech engine or sox is needed) and
measured: no cue may be clipped, silent, cut short or stretched, and every
spoken cue must come from the preferred voice at the shared loudness.
"""

from __future__ import annotations

import array
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

LOUDNESS_TOLERANCE_DB = 1.5
MIN_SECONDS_PER_SYLLABLE = 0.1  # faster than this and words were swallowed
MAX_SECONDS_PER_SYLLABLE = 0.55  # slower than this and something hangs on
MIN_SOUNDING = 0.5  # share of a spoken cue's 50 ms blocks that must carry sound


@dataclass(frozen=True)
class Measured:
    duration: float
    peak_db: float
    loudness_db: float
    sounding: float  # share of 50 ms blocks louder than -45 dBFS


def syllables(text: str) -> int:
    """A rough syllable count: vowel groups in words, two for each digit."""
    count = sum(2 for ch in text if ch.isdigit())
    for word in re.findall(r"[a-zA-Z']+", text):
        groups = re.findall(r"[aeiouy]+", word.lower())
        lower = word.lower()
        silent_e = len(groups) > 1 and lower.endswith("e") and not lower.endswith(("le", "ee"))
        count += max(1, len(groups) - silent_e)
    return max(1, count)


def decoder(rate: int) -> Callable[[Path], list[float]]:
    """A function decoding an Ogg file to mono floats at ``rate`` with pygame."""
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    if pygame.mixer.get_init() != (rate, -16, 1):
        pygame.mixer.quit()
        pygame.mixer.init(frequency=rate, size=-16, channels=1)

    def decode(path: Path) -> list[float]:
        data = array.array("h", pygame.mixer.Sound(str(path)).get_raw())
        if sys.byteorder == "big":
            data.byteswap()
        return [s / 32768.0 for s in data]

    return decode


def measure(
    samples: Sequence[float],
    rate: int,
    peak_db: Callable[[Sequence[float]], float],
    loudness_db: Callable[[Sequence[float]], float],
) -> Measured:
    block = max(1, int(0.05 * rate))
    starts = range(0, max(1, len(samples) - block + 1), block)
    floor = 10 ** (-45 / 10)
    loud = sum(1 for i in starts if sum(s * s for s in samples[i : i + block]) / block > floor)
    return Measured(
        duration=len(samples) / rate,
        peak_db=peak_db(samples),
        loudness_db=loudness_db(samples),
        sounding=loud / max(1, len(starts)),
    )


def problems_for(
    cue_id: str,
    entry: Mapping[str, object],
    got: Measured,
    *,
    peak_limit_db: float,
    loudness_target_db: float,
    voice: str,
) -> list[str]:
    """What is wrong with one decoded cue, in words a developer can act on."""
    out: list[str] = []
    listed = entry.get("duration")
    if isinstance(listed, (int, float)) and abs(got.duration - listed) > 0.05:
        out.append(f"{cue_id}: plays {got.duration:.2f} s, manifest says {listed:.2f} s")
    if got.peak_db > peak_limit_db + 0.05:
        out.append(f"{cue_id}: peaks at {got.peak_db:.1f} dBFS, over {peak_limit_db} (clipping)")
    if entry.get("kind") != "voice":
        if got.peak_db < -40.0:
            out.append(f"{cue_id}: silent")
        return out
    if entry.get("voice") != voice:
        out.append(f"{cue_id}: spoken by {entry.get('voice')!r}, not {voice!r}; remake it")
    if abs(got.loudness_db - loudness_target_db) > LOUDNESS_TOLERANCE_DB:
        out.append(
            f"{cue_id}: loudness {got.loudness_db:.1f} dBFS, "
            f"expected {loudness_target_db} +- {LOUDNESS_TOLERANCE_DB}"
        )
    if got.sounding < MIN_SOUNDING:
        out.append(f"{cue_id}: mostly silence ({got.sounding:.0%} of it sounds)")
    n = syllables(str(entry.get("spoken") or entry.get("text") or ""))
    low, high = n * MIN_SECONDS_PER_SYLLABLE, n * MAX_SECONDS_PER_SYLLABLE + 0.3
    if not low <= got.duration <= high:
        out.append(
            f"{cue_id}: {got.duration:.2f} s for {n} syllable(s), "
            f"expected {low:.2f} to {high:.2f} s (cut off or stretched?)"
        )
    return out
