"""The speech engines scripts/make_sounds.py can speak cues with.

Festival with the CMU ARCTIC "slt" HTS voice is the voice the game ships: it is
far less robotic than espeak-ng, and both the engine and the voice data are
under permissive licences, so the rendered audio may ship under ours (see
docs/sounds.md). espeak-ng stays as the fallback for a machine without it.

Both engines are development-time tools only; the game plays the OGG files.
Every engine returns 16-bit mono samples at the script's rate as floats.
"""

from __future__ import annotations

import array
import shutil
import subprocess
import sys
import wave
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

RATE = 22050

#: Festival pronunciations (CMU phones, syllables with stress 0 or 1) for the
#: words whose built-in entry or letter-to-sound guess is wrong: Pilates is not
#: "pie-lats", and the muscle names are said the way a physio says them.
FESTIVAL_LEXICON: Mapping[str, tuple[tuple[tuple[str, ...], int], ...]] = MappingProxyType(
    {
        "pilates": ((("p", "ih"), 0), (("l", "aa"), 1), (("t", "iy", "z"), 0)),
        "multifidus": (
            (("m", "ah", "l"), 0),
            (("t", "ih", "f"), 1),
            (("ih",), 0),
            (("d", "ax", "s"), 0),
        ),
        "rotatores": (
            (("r", "ow"), 0),
            (("t", "ax"), 0),
            (("t", "ao", "r"), 1),
            (("iy", "z"), 0),
        ),
        "latissimus": (
            (("l", "ax"), 0),
            (("t", "ih", "s"), 1),
            (("ih",), 0),
            (("m", "ax", "s"), 0),
        ),
        "lat": ((("l", "ae", "t"), 1),),
        "transversus": (
            (("t", "r", "ae", "n", "s"), 0),
            (("v", "er"), 1),
            (("s", "ax", "s"), 0),
        ),
        "abdominis": (
            (("ae", "b"), 0),
            (("d", "aa"), 1),
            (("m", "ih"), 0),
            (("n", "ih", "s"), 0),
        ),
        "interspinales": (
            (("ih", "n"), 0),
            (("t", "er"), 0),
            (("s", "p", "ay"), 0),
            (("n", "ey"), 1),
            (("l", "iy", "z"), 0),
        ),
    }
)

#: Spellings that make espeak-ng say a word the way a coach would.
ESPEAK_RESPELL: Mapping[str, str] = MappingProxyType(
    {"Pilates": "Pil-ah-tees", "pilates": "pil-ah-tees"}
)


def read_wav(path: Path, rate: int = RATE) -> list[float]:
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1 or wav.getframerate() != rate:
            raise SystemExit(f"{path}: expected 16-bit mono {rate} Hz speech")
        data = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        data.byteswap()
    return [s / 32768.0 for s in data]


def _scheme_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lexicon_scheme(lexicon: Mapping[str, tuple[tuple[tuple[str, ...], int], ...]]) -> str:
    lines = []
    for word, syllables in sorted(lexicon.items()):
        parts = " ".join(f"(({' '.join(phones)}) {stress})" for phones, stress in syllables)
        lines.append(f"(lex.add.entry '({_scheme_string(word)} nil ({parts})))")
    return "\n".join(lines)


@dataclass(frozen=True)
class Engine:
    """One way to turn words into speech; ``settings`` feeds each cue's recipe."""

    name: str
    voice: str
    tools: tuple[str, ...]
    settings: Mapping[str, object] = field(default_factory=dict)

    def missing(self) -> list[str]:
        """The programs (or voice) this engine needs that this machine lacks."""
        gone = [tool for tool in self.tools if shutil.which(tool) is None]
        if self.name == "festival" and not gone and not festival_voice_installed(self.voice):
            gone.append(f"the {self.voice} voice (apt-get install festvox-us-slt-hts)")
        return gone

    def speak(self, text: str, work: Path) -> list[float]:
        if self.name == "festival":
            return _festival(self, text, work)
        return _espeak(self, text, work)

    def label(self) -> str:
        return f"{self.name} {self.voice}"


def festival_voice_installed(voice: str) -> bool:
    roots = (Path("/usr/share/festival/voices"), Path("/usr/lib/festival/voices"))
    return any(any(root.glob(f"*/{voice}")) for root in roots if root.is_dir())


FESTIVAL = Engine(
    name="festival",
    voice="cmu_us_slt_arctic_hts",
    tools=("festival", "sox"),
    settings={"lexicon": _lexicon_scheme(FESTIVAL_LEXICON)},
)

ESPEAK = Engine(
    name="espeak-ng",
    voice="en",
    tools=("espeak-ng", "sox"),
    settings={"words_per_minute": 150, "pitch": 45, "respell": dict(ESPEAK_RESPELL)},
)

ENGINES: Mapping[str, Engine] = MappingProxyType({e.name: e for e in (FESTIVAL, ESPEAK)})
PREFERRED = FESTIVAL


def choose(name: str) -> Engine:
    """The engine to use: a named one, or for "auto" the preferred one when installed,
    else the espeak-ng fallback (said out loud, so nobody ships it by accident)."""
    if name != "auto":
        return ENGINES[name]
    if not PREFERRED.missing():
        return PREFERRED
    print(
        f"warning: {PREFERRED.name} is not usable here ({', '.join(PREFERRED.missing())}); "
        f"new cues are spoken by the {ESPEAK.name} fallback",
        file=sys.stderr,
    )
    return ESPEAK


def _festival(engine: Engine, text: str, work: Path) -> list[float]:
    raw, wav = work / "festival.wav", work / "speech.wav"
    script = work / "say.scm"
    script.write_text(
        "\n".join(
            [
                f"(voice_{engine.voice})",
                _lexicon_scheme(FESTIVAL_LEXICON),
                f"(set! cue (Utterance Text {_scheme_string(text)}))",
                "(utt.synth cue)",
                f"(utt.save.wave cue {_scheme_string(str(raw))} 'riff)",
                "",
            ]
        ),
        encoding="utf-8",
    )
    subprocess.run(["festival", "-b", str(script)], check=True, capture_output=True)
    _resample(raw, wav)
    return read_wav(wav)


def _espeak(engine: Engine, text: str, work: Path) -> list[float]:
    respell = ESPEAK_RESPELL
    spoken = " ".join(respell.get(word, word) for word in text.split())
    raw, wav = work / "espeak.wav", work / "speech.wav"
    subprocess.run(
        [
            "espeak-ng",
            "-v",
            engine.voice,
            "-s",
            str(engine.settings["words_per_minute"]),
            "-p",
            str(engine.settings["pitch"]),
            "-w",
            str(raw),
            spoken,
        ],
        check=True,
    )
    _resample(raw, wav)
    return read_wav(wav)


def _resample(source: Path, target: Path) -> None:
    """Any engine's output to 16-bit mono at RATE, with sox's good resampler."""
    command: Sequence[str] = ("sox", str(source), "-b", "16", "-c", "1", str(target), "rate", "-v")
    subprocess.run([*command, str(RATE)], check=True)


def festival_phones(text: str, work: Path) -> list[str]:
    """The phones Festival will say for ``text``, with our lexicon, for the docs and checks."""
    script = work / "phones.scm"
    script.write_text(
        "\n".join(
            [
                f"(voice_{FESTIVAL.voice})",
                _lexicon_scheme(FESTIVAL_LEXICON),
                f"(set! cue (Utterance Text {_scheme_string(text)}))",
                "(utt.synth cue)",
                "(print (mapcar (lambda (s) (item.name s)) (utt.relation.items cue 'Segment)))",
                "",
            ]
        ),
        encoding="utf-8",
    )
    out = subprocess.run(
        ["festival", "-b", str(script)], check=True, capture_output=True, text=True
    ).stdout
    return [p.strip('"') for p in out.strip().strip("()").split() if p.strip('"') != "pau"]
