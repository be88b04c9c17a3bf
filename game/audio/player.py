"""Sound cues for the session player, with a silent fallback.

The session emits cue ids ("inhale", "tone_count", "exercise:bird_dog", ...);
this module turns them into sound. The sounds are files made ahead of time by
``scripts/make_sounds.py`` and listed in ``assets/sounds/manifest.json``
(:mod:`game.audio.manifest`), so the game needs no speech engine while it runs.

Sound is a help, never a requirement: every cue also has words the screen shows
(:mod:`game.session.cue_words`), and when there is no sound device, no
manifest or a missing file, :class:`CuePlayer` stays quiet instead of failing.
Spoken cues share one reserved mixer channel, so a new one cuts the previous one
off rather than talking over it; tones use the other channels.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pygame

from game.audio.manifest import CueFile, default_sounds_dir, is_tone, load_manifest
from game.session.cues import EXERCISE_PREFIX

log = logging.getLogger(__name__)

#: What a missing exercise name falls back to, so the player still hears a change.
EXERCISE_FALLBACK_TONE = "tone_phase_start"

NO_DEVICE_NOTICE = "No sound device found; cues are shown as text only."
NO_SOUNDS_NOTICE = "Sound files are missing; cues are shown as text only."

#: The mixer channel kept for speech; every other channel is free for tones.
VOICE_CHANNEL = 0
_MIN_CHANNELS = 8


def _clamp_volume(volume: float) -> float:
    if math.isnan(volume):
        return 0.0
    return min(1.0, max(0.0, float(volume)))


class CuePlayer:
    """Plays cue ids as sound, or quietly does nothing when it cannot.

    The mixer starts on :meth:`start` or the first :meth:`play`; the manifest is
    read then, and each file is loaded the first time its cue plays. If the
    mixer cannot start, :attr:`notice` says so and every call becomes a no-op.
    ``voice_enabled`` and ``tones_enabled`` may be flipped at any time.
    """

    def __init__(
        self,
        sounds_dir: Path | None = None,
        *,
        volume: float = 0.8,
        voice_enabled: bool = True,
        tones_enabled: bool = True,
    ) -> None:
        self.sounds_dir = sounds_dir if sounds_dir is not None else default_sounds_dir()
        self.voice_enabled = voice_enabled
        self.tones_enabled = tones_enabled
        self.notice: str | None = None
        self._volume = _clamp_volume(volume)
        self._started = False
        self._available = False
        self._owns_mixer = False
        self._notice_taken = False
        self._manifest: dict[str, CueFile] = {}
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._failed: set[str] = set()
        self._voice: pygame.mixer.Channel | None = None

    # -- state ---------------------------------------------------------------

    @property
    def available(self) -> bool:
        """True when sound can actually be heard (the mixer started)."""
        self.start()
        return self._available

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        """Set the master volume, 0 (silent) to 1; out-of-range values are clamped."""
        self._volume = _clamp_volume(volume)
        for sound in self._sounds.values():
            sound.set_volume(self._volume)

    def take_notice(self) -> str | None:
        """The notice, the first time it is asked for; None afterwards (show it once)."""
        self.start()
        if self.notice is None or self._notice_taken:
            return None
        self._notice_taken = True
        return self.notice

    def manifest(self) -> Mapping[str, CueFile]:
        """The cue files known from the manifest (empty when it could not be read)."""
        self.start()
        return MappingProxyType(self._manifest)

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> bool:
        """Start the mixer and read the manifest once; True when sound is available."""
        if self._started:
            return self._available
        self._started = True
        try:
            if pygame.mixer.get_init() is None:
                pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=512)
                self._owns_mixer = True
            pygame.mixer.set_num_channels(max(_MIN_CHANNELS, pygame.mixer.get_num_channels()))
            pygame.mixer.set_reserved(VOICE_CHANNEL + 1)
            self._voice = pygame.mixer.Channel(VOICE_CHANNEL)
        except (pygame.error, NotImplementedError, OSError) as exc:
            log.warning("sound is off: the mixer could not start (%s)", exc)
            self.notice = NO_DEVICE_NOTICE
            self._voice = None
            return False
        try:
            self._manifest = load_manifest(self.sounds_dir)
        except (OSError, ValueError) as exc:
            log.warning("sound is off: no usable manifest in %s (%s)", self.sounds_dir, exc)
            self.notice = NO_SOUNDS_NOTICE
            self._manifest = {}
        self._available = True
        return True

    def stop(self) -> None:
        """Silence everything that is playing now."""
        if self._available:
            pygame.mixer.stop()

    def close(self) -> None:
        """Stop, drop loaded sounds and shut the mixer if this player started it."""
        self.stop()
        self._sounds.clear()
        if self._owns_mixer and pygame.mixer.get_init() is not None:
            pygame.mixer.quit()
        self._owns_mixer = False
        self._available = False
        self._started = False
        self._voice = None

    # -- playing -------------------------------------------------------------

    def play(self, cue_id: str) -> bool:
        """Play a cue if sound, the matching switch and its file allow; True if it started.

        Never raises. A spoken cue replaces any speech still playing. A tone
        that is already sounding is not started again on top of itself. An
        exercise name without a file falls back to a gentle tone.
        """
        if not self.start():
            return False
        try:
            if is_tone(cue_id):
                return self.tones_enabled and self._play_tone(cue_id)
            if not self.voice_enabled:
                return False
            sound = self._sound(cue_id)
            if sound is None:
                if cue_id.startswith(EXERCISE_PREFIX) and self.tones_enabled:
                    return self._play_tone(EXERCISE_FALLBACK_TONE)
                return False
            if self._voice is None:
                return False
            self._voice.play(sound)
            return True
        except pygame.error as exc:  # a device lost mid-game must not end the session
            self._warn_once(cue_id, f"could not play cue {cue_id!r}: {exc}")
            return False

    def _play_tone(self, cue_id: str) -> bool:
        sound = self._sound(cue_id)
        if sound is None or sound.get_num_channels() > 0:
            return False
        return sound.play() is not None

    def _sound(self, cue_id: str) -> pygame.mixer.Sound | None:
        sound = self._sounds.get(cue_id)
        if sound is not None or cue_id in self._failed:
            return sound
        entry = self._manifest.get(cue_id)
        if entry is None:
            self._warn_once(cue_id, f"no sound for cue {cue_id!r} in the manifest")
            return None
        path = self.sounds_dir / entry.file
        try:
            sound = pygame.mixer.Sound(str(path))
        except (pygame.error, OSError, FileNotFoundError) as exc:
            self._warn_once(cue_id, f"cannot load cue {cue_id!r} from {path}: {exc}")
            return None
        sound.set_volume(self._volume)
        self._sounds[cue_id] = sound
        return sound

    def _warn_once(self, cue_id: str, message: str) -> None:
        if cue_id not in self._failed:
            self._failed.add(cue_id)
            log.warning("%s; that cue stays silent", message)
