"""Make the game's sound cues once, so the game needs no speech engine at run time.

Spoken cues come from Festival with the CMU "slt" HTS voice (espeak-ng is the
fallback, see scripts/voices.py); tones are synthesised here with plain math.
Everything is levelled in Python (speech to one loudness, every peak under
-3 dBFS), then encoded by sox as mono 22050 Hz Ogg Vorbis into assets/sounds/,
with manifest.json listing each cue's file, text, voice and duration.

Usage:
    python scripts/make_sounds.py            make missing or outdated cues
    python scripts/make_sounds.py --force    make every cue again
    python scripts/make_sounds.py --check    verify the files; needs no speech engine or sox
    python scripts/make_sounds.py --probe Pilates multifidus   say words, report phones and levels

Every spoken cue, whatever list it comes from (game.audio.manifest's cue table, the
exercise names in levels/exercises/), goes through the one chosen engine.
Reruns are cheap and leave git clean: a cue is only made again when what it is
made from (its words, voice settings or tone recipe) changed, because Vorbis
files get a fresh random stream number on every encode.
"""

from __future__ import annotations

import argparse
import array
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
import wave
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import sound_check  # noqa: E402
from voices import ENGINES, PREFERRED, Engine, choose, festival_phones  # noqa: E402

from game.audio.manifest import (  # noqa: E402  (needs the checkout on sys.path first)
    TONE_CUES,
    VOICE_CUES,
    cue_file_name,
)
from game.session.cue_words import cue_text  # noqa: E402
from game.session.cues import CUE_IDS, exercise_cue, phase_cue  # noqa: E402

SOUNDS_DIR = ROOT / "assets" / "sounds"
EXERCISES_DIR = ROOT / "levels" / "exercises"

RATE = 22050
VORBIS_QUALITY = 3
SPEECH_LOUDNESS_DB = -20.0  # gated RMS every spoken cue is brought to
SPEECH_CEILING_DB = -4.5  # limiter ceiling before encoding; Vorbis may add ~1 dB
PEAK_LIMIT_DB = -3.0  # no decoded file may peak above this
RECIPE_VERSION = 2  # bump when the processing below changes, to remake every cue

#: The words spoken for each fixed cue, where they differ from the words shown.
SPOKEN: dict[str, str] = {"three": "Three", "two": "Two", "one": "One"}


# ---------------------------------------------------------------------------
# Tones
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ToneSpec:
    """A tone recipe. Glides slide in pitch; chimes are soft struck bells."""

    kind: str  # "glide" | "chime" | "tick"
    start_hz: float
    end_hz: float
    seconds: float
    peak_db: float
    notes: tuple[tuple[float, float], ...] = ()  # chime: (start second, frequency)
    decay: float = 0.4  # chime and tick: seconds for the ring to fall to 1/e


TONES: dict[str, ToneSpec] = {
    # Breath tones: warm sine glides, the exhale lower, longer and falling.
    "tone_inhale": ToneSpec("glide", 294.0, 392.0, 1.4, -13.0),
    "tone_exhale": ToneSpec("glide", 392.0, 262.0, 2.2, -13.0),
    # Phase start: two soft bell notes rising a fifth.
    "tone_phase_start": ToneSpec(
        "chime", 523.25, 783.99, 1.1, -8.0, notes=((0.0, 523.25), (0.16, 783.99)), decay=0.35
    ),
    # Phase end: a gentle major chord, struck one note after another, ringing out.
    "tone_phase_end": ToneSpec(
        "chime",
        783.99,
        523.25,
        1.8,
        -8.0,
        notes=((0.0, 783.99), (0.08, 659.25), (0.16, 523.25)),
        decay=0.6,
    ),
    # The last three seconds: a short, soft tick.
    "tone_count": ToneSpec("tick", 1046.5, 1046.5, 0.14, -10.0, decay=0.03),
}


def _raised_cosine(x: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, x)))


def synth_glide(spec: ToneSpec) -> list[float]:
    """A sine sliding smoothly in pitch, with a touch of octave for warmth."""
    n = int(spec.seconds * RATE)
    attack, release = 0.35 * spec.seconds, 0.45 * spec.seconds
    ratio = spec.end_hz / spec.start_hz
    phase, out = 0.0, []
    for i in range(n):
        t = i / RATE
        freq = spec.start_hz * ratio ** _raised_cosine(t / spec.seconds)
        phase += 2.0 * math.pi * freq / RATE
        env = _raised_cosine(t / attack) * _raised_cosine((spec.seconds - t) / release)
        out.append(env * (math.sin(phase) + 0.18 * math.sin(2.0 * phase)))
    return out


def _bell(t: float, freq: float, decay: float) -> float:
    strike = min(1.0, t / 0.006)  # a soft mallet, not a click
    partials = ((1.0, 1.0, 1.0), (2.0, 0.28, 0.6), (3.01, 0.08, 0.35))
    return strike * sum(
        amp * math.exp(-t / (decay * life)) * math.sin(2.0 * math.pi * freq * mult * t)
        for mult, amp, life in partials
    )


def synth_chime(spec: ToneSpec) -> list[float]:
    n = int(spec.seconds * RATE)
    fade = int(0.05 * RATE)
    out = []
    for i in range(n):
        t = i / RATE
        value = sum(_bell(t - start, freq, spec.decay) for start, freq in spec.notes if t >= start)
        out.append(value * min(1.0, (n - i) / fade))
    return out


def synth_tick(spec: ToneSpec) -> list[float]:
    n = int(spec.seconds * RATE)
    return [
        min(1.0, (i / RATE) / 0.003)
        * math.exp(-(i / RATE) / spec.decay)
        * math.sin(2.0 * math.pi * spec.start_hz * i / RATE)
        for i in range(n)
    ]


SYNTHS: dict[str, Callable[[ToneSpec], list[float]]] = {
    "glide": synth_glide,
    "chime": synth_chime,
    "tick": synth_tick,
}


# ---------------------------------------------------------------------------
# Levels and loudness
# ---------------------------------------------------------------------------


def db(value: float) -> float:
    return 20.0 * math.log10(value) if value > 0 else -120.0


def peak_db(samples: Sequence[float]) -> float:
    return db(max((abs(s) for s in samples), default=0.0))


def loudness_db(samples: Sequence[float]) -> float:
    """Gated RMS in dBFS over 50 ms blocks, ignoring pauses, so short and long
    phrases with different amounts of silence compare fairly."""
    block = int(0.05 * RATE)
    powers = [
        sum(s * s for s in samples[i : i + block]) / block
        for i in range(0, max(1, len(samples) - block + 1), block)
    ]
    loud = [p for p in powers if p > 10 ** (-50 / 10)]
    if not loud:
        return -120.0
    mean = sum(loud) / len(loud)
    gated = [p for p in loud if p > mean * 10 ** (-15 / 10)]
    return 10.0 * math.log10(sum(gated) / len(gated))


def scale(samples: Sequence[float], gain_db: float) -> list[float]:
    gain = 10 ** (gain_db / 20)
    return [s * gain for s in samples]


def limit(samples: Sequence[float], ceiling_db: float) -> list[float]:
    """A look-ahead peak limiter: gain dips smoothly just before a peak and
    recovers over ~50 ms, so peaks are tamed without clipping."""
    ceiling = 10 ** (ceiling_db / 20)
    need = [min(1.0, ceiling / abs(s)) if s else 1.0 for s in samples]
    ahead = int(0.003 * RATE)
    window: deque[int] = deque()  # indices of need[] in increasing need order
    lowest = [1.0] * len(need)
    for i in range(len(need) + ahead):
        if i < len(need):
            while window and need[window[-1]] >= need[i]:
                window.pop()
            window.append(i)
        centre = i - ahead
        if centre >= 0:
            while window[0] < centre - ahead:
                window.popleft()
            lowest[centre] = need[window[0]]
    release = 1.0 - math.exp(-1.0 / (0.05 * RATE))
    gain, out = 1.0, []
    for s, low in zip(samples, lowest, strict=True):
        gain = min(low, gain + (1.0 - gain) * release)
        out.append(s * gain)
    return out


def trim(samples: Sequence[float], threshold_db: float = -50.0) -> list[float]:
    """Cut leading and trailing silence, keeping a short pad and soft edges."""
    threshold = 10 ** (threshold_db / 20)
    loud = [i for i, s in enumerate(samples) if abs(s) > threshold]
    if not loud:
        return list(samples)
    pad = int(0.03 * RATE)
    out = list(samples[max(0, loud[0] - pad) : loud[-1] + pad])
    fade = min(len(out) // 2, int(0.01 * RATE))
    for i in range(fade):
        out[i] *= i / fade
        out[-1 - i] *= i / fade
    return out


def level_speech(samples: Sequence[float]) -> list[float]:
    """Bring speech to the shared loudness with peaks under the ceiling."""
    base = trim(samples)
    gain = SPEECH_LOUDNESS_DB - loudness_db(base)
    out = limit(scale(base, gain), SPEECH_CEILING_DB)
    for _ in range(2):  # the limiter costs a little loudness; win it back
        miss = SPEECH_LOUDNESS_DB - loudness_db(out)
        if abs(miss) < 0.2:
            break
        gain += miss
        out = limit(scale(base, gain), SPEECH_CEILING_DB)
    return out


def level_tone(samples: Sequence[float], target_peak_db: float) -> list[float]:
    return scale(samples, target_peak_db - peak_db(samples))


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------


def write_wav(path: Path, samples: Sequence[float]) -> None:
    data = array.array("h", (max(-32767, min(32767, round(s * 32767))) for s in samples))
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(data.tobytes())


def decode(path: Path) -> list[float]:
    """Decode an Ogg file with sox, for measuring what the game will really play."""
    raw = subprocess.run(
        [
            "sox",
            str(path),
            "-t",
            "raw",
            "-e",
            "signed",
            "-b",
            "16",
            "-c",
            "1",
            "-r",
            str(RATE),
            "-L",
            "-",
        ],
        check=True,
        capture_output=True,
    ).stdout
    data = array.array("h", raw)
    if sys.byteorder == "big":
        data.byteswap()
    return [s / 32768.0 for s in data]


def encode(samples: Sequence[float], out: Path, work: Path) -> list[float]:
    """Encode to Ogg Vorbis; if the codec pushed a peak over the limit, lower and retry."""
    for _ in range(4):
        wav = work / "cue.wav"
        write_wav(wav, samples)
        subprocess.run(
            [
                "sox",
                str(wav),
                "--comment",
                "Spine Quest cue",
                "-C",
                str(VORBIS_QUALITY),
                "-t",
                "vorbis",
                str(out),
            ],
            check=True,
        )
        decoded = decode(out)
        over = peak_db(decoded) - (PEAK_LIMIT_DB - 0.2)
        if over <= 0:
            return decoded
        samples = scale(samples, -over)
    raise SystemExit(f"{out}: could not keep the peak under {PEAK_LIMIT_DB} dBFS")


# ---------------------------------------------------------------------------
# The cue list and the manifest
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    cue_id: str
    kind: str  # "voice" | "tone"
    text: str  # shown on screen
    spoken: str = ""  # voice only: the words the engine says

    @property
    def file(self) -> str:
        return cue_file_name(self.cue_id)

    def recipe(self, engine: Engine = PREFERRED) -> str:
        """A fingerprint of everything the file is made from (for speech: with ``engine``)."""
        if self.kind == "tone":
            what: object = asdict(TONES[self.cue_id])
        else:
            what = [self.spoken, engine.name, engine.voice, engine.settings, SPEECH_LOUDNESS_DB]
        blob = json.dumps([RECIPE_VERSION, RATE, VORBIS_QUALITY, what], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def exercise_names(folder: Path = EXERCISES_DIR) -> dict[str, str]:
    """Exercise id -> name from the level files; unreadable files are reported and skipped."""
    names: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            print(f"warning: skipping {path.name}: {exc}", file=sys.stderr)
            continue
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            print(f"warning: skipping {path.name}: no name", file=sys.stderr)
            continue
        exercise_id = str(data.get("id") or path.stem)
        try:
            cue_file_name(exercise_cue(exercise_id))
        except ValueError as exc:
            print(f"warning: skipping {path.name}: {exc}", file=sys.stderr)
            continue
        names[exercise_id] = data["name"].strip()
    return names


def phase_words(folder: Path = EXERCISES_DIR) -> list[str]:
    """The rep phase words the exercises name (``phases: {out: ..., back: ...}``)."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue  # exercise_names() has reported it already
        phases = data.get("phases") if isinstance(data, dict) else None
        for words in (phases or {}).values() if isinstance(phases, dict) else ():
            if isinstance(words, str) and words.strip():
                found.setdefault(phase_cue(words), words.strip())
    return [w for c, w in sorted(found.items()) if c not in CUE_IDS]


def all_cues(names: dict[str, str], phases: Sequence[str] = ()) -> list[Cue]:
    """Every cue the game can sound. A spoken cue added to game.audio.manifest's table is
    picked up here and spoken like the rest, with no edit; so are the exercises'
    names and their phase words."""
    cues = [Cue(c, "voice", cue_text(c), SPOKEN.get(c, cue_text(c))) for c in VOICE_CUES]
    cues += [Cue(c, "tone", cue_text(c)) for c in TONE_CUES]
    cues += [Cue(exercise_cue(i), "voice", n, n) for i, n in sorted(names.items())]
    cues += [Cue(phase_cue(w), "voice", w, w) for w in phases]
    return cues


def read_manifest(folder: Path) -> dict[str, dict[str, object]]:
    try:
        raw = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    cues = raw.get("cues") if isinstance(raw, dict) else None
    return cues if isinstance(cues, dict) else {}


def manifest_text(entries: dict[str, dict[str, object]]) -> str:
    body = {
        "format": "ogg-vorbis",
        "sample_rate": RATE,
        "channels": 1,
        "peak_limit_db": PEAK_LIMIT_DB,
        "speech_loudness_db": SPEECH_LOUDNESS_DB,
        "cues": entries,
    }
    return json.dumps(body, indent=2, sort_keys=False) + "\n"


def make_cue(cue: Cue, engine: Engine, work: Path, folder: Path) -> dict[str, object]:
    entry: dict[str, object] = {"file": cue.file, "kind": cue.kind, "text": cue.text}
    if cue.kind == "tone":
        spec = TONES[cue.cue_id]
        samples = level_tone(SYNTHS[spec.kind](spec), spec.peak_db)
        entry.update(start_hz=spec.start_hz, end_hz=spec.end_hz)
    else:
        samples = level_speech(engine.speak(cue.spoken, work))
        entry.update(spoken=cue.spoken, voice=engine.label())
    decoded = encode(samples, folder / cue.file, work)
    entry.update(
        duration=round(len(decoded) / RATE, 3),
        peak_db=round(peak_db(decoded), 2),
        loudness_db=round(loudness_db(decoded), 2),
        recipe=cue.recipe(engine),
    )
    return entry


def is_fresh(cue: Cue, previous: dict[str, object] | None, engine: Engine, folder: Path) -> bool:
    """A cue is kept when its file is there and was made from the same recipe. The
    fallback engine never replaces a cue the preferred engine already made."""
    if previous is None or previous.get("text") != cue.text or not (folder / cue.file).is_file():
        return False
    return previous.get("recipe") in {cue.recipe(engine), cue.recipe(PREFERRED)}


def build(folder: Path = SOUNDS_DIR, *, force: bool = False, engine_name: str = "auto") -> int:
    engine = choose(engine_name)
    if engine.missing():
        print(f"error: {engine.name} needs {', '.join(engine.missing())} (see docs/sounds.md)")
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    old = read_manifest(folder)
    entries: dict[str, dict[str, object]] = {}
    made = 0
    with tempfile.TemporaryDirectory() as tmp:
        for cue in all_cues(exercise_names(), phase_words()):
            previous = old.get(cue.cue_id)
            if not force and previous is not None and is_fresh(cue, previous, engine, folder):
                entries[cue.cue_id] = previous
                continue
            entries[cue.cue_id] = make_cue(cue, engine, Path(tmp), folder)
            made += 1
            print(f"made {cue.file}: {cue.text!r}")
    keep = {str(e["file"]) for e in entries.values()}
    for stale in sorted(folder.glob("*.ogg")):
        if stale.name not in keep:
            stale.unlink()
            print(f"removed {stale.name}")
    text = manifest_text(entries)
    path = folder / "manifest.json"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.glob("*.ogg"))
    kib = size / 1024
    print(f"{len(entries)} cues ({made} made by {engine.label()}), {kib:.0f} KiB in {folder}")
    return 0


def probe(words: Sequence[str], engine_name: str = "auto") -> int:
    """Say each word or phrase and print its phones, length and levels, for checking
    pronunciation without listening."""
    engine = choose(engine_name)
    if engine.missing():
        print(f"error: {engine.name} needs {', '.join(engine.missing())}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for text in words:
            samples = level_speech(engine.speak(text, work))
            phones = " ".join(festival_phones(text, work)) if engine is ENGINES["festival"] else ""
            print(
                f"{text!r}: {len(samples) / RATE:.2f} s, peak {peak_db(samples):.1f} dBFS, "
                f"loudness {loudness_db(samples):.1f} dBFS  {phones}"
            )
    return 0


def check(folder: Path = SOUNDS_DIR) -> int:
    """Verify the manifest lists every cue, and decode each file to prove it is not
    clipped, silent, cut short or spoken by the wrong voice. Needs no engine or sox."""
    problems: list[str] = []
    entries = read_manifest(folder)
    if not entries:
        problems.append(f"{folder / 'manifest.json'}: missing or unreadable")
    wanted = {c.cue_id: c for c in all_cues(exercise_names(), phase_words())}
    for cue_id, cue in wanted.items():
        entry = entries.get(cue_id)
        if entry is None:
            problems.append(f"{cue_id}: not in the manifest")
        elif entry.get("text") != cue.text:
            problems.append(f"{cue_id}: manifest says {entry.get('text')!r}, expected {cue.text!r}")
    decode = sound_check.decoder(RATE)
    for cue_id, entry in entries.items():
        path = folder / str(entry.get("file", ""))
        if not path.is_file():
            problems.append(f"{cue_id}: {path.name} is missing")
            continue
        if path.read_bytes()[:4] != b"OggS":
            problems.append(f"{cue_id}: {path.name} is not an Ogg file")
            continue
        got = sound_check.measure(decode(path), RATE, peak_db, loudness_db)
        problems += sound_check.problems_for(
            cue_id,
            entry,
            got,
            peak_limit_db=PEAK_LIMIT_DB,
            loudness_target_db=SPEECH_LOUDNESS_DB,
            voice=PREFERRED.label(),
        )
    for problem in problems:
        print(problem)
    print("ok" if not problems else f"{len(problems)} problem(s); run scripts/make_sounds.py")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; make nothing")
    parser.add_argument("--force", action="store_true", help="make every cue again")
    parser.add_argument("--out", type=Path, default=SOUNDS_DIR, help="folder to write")
    parser.add_argument(
        "--engine",
        choices=("auto", *ENGINES),
        default="auto",
        help="speech engine (auto: festival when installed, else espeak-ng)",
    )
    parser.add_argument("--probe", nargs="+", metavar="WORDS", help="say these and report")
    args = parser.parse_args(argv)
    if args.probe:
        return probe(args.probe, args.engine)
    if args.check:
        return check(args.out)
    return build(args.out, force=args.force, engine_name=args.engine)


if __name__ == "__main__":
    raise SystemExit(main())
