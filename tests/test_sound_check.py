"""The voice the shipped cues are spoken in, and the listen-free checks that guard it."""

from __future__ import annotations

import json
import math
import shutil
import sys
from pathlib import Path

import pytest

from tests.test_audio import CUES, SOUNDS, make_sounds

sound_check = make_sounds.sound_check
voices = sys.modules["voices"]  # imported by the script from scripts/


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "sounds"
    shutil.copytree(SOUNDS, folder)
    return folder


def _edit_manifest(folder: Path, cue_id: str, **changes: object) -> None:
    path = folder / "manifest.json"
    body = json.loads(path.read_text(encoding="utf-8"))
    body["cues"][cue_id].update(changes)
    path.write_text(json.dumps(body), encoding="utf-8")


def test_every_spoken_cue_ships_in_the_festival_voice() -> None:
    spoken = [entry for entry in CUES.values() if entry["kind"] == "voice"]
    assert spoken
    assert {entry["voice"] for entry in spoken} == {"festival cmu_us_slt_arctic_hts"}


def test_check_rejects_a_cue_spoken_by_the_fallback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(tmp_path)
    _edit_manifest(folder, "hold", voice="espeak-ng en")
    assert make_sounds.check(folder) == 1
    assert "hold: spoken by 'espeak-ng en'" in capsys.readouterr().out


def test_check_decodes_the_files_and_catches_a_swapped_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A long exercise name played from a one-word file is a cut-off cue."""
    folder = _copy(tmp_path)
    shutil.copy(folder / "lift.ogg", folder / "exercise_foam_roller_mobilization.ogg")
    assert make_sounds.check(folder) == 1
    out = capsys.readouterr().out
    assert "exercise:foam_roller_mobilization: plays 0.35 s" in out
    assert "cut off or stretched" in out


def _measured(seconds: float, amplitude: float) -> sound_check.Measured:
    rate = make_sounds.RATE
    samples = [amplitude * math.sin(i / 5) for i in range(int(seconds * rate))]
    return sound_check.measure(samples, rate, make_sounds.peak_db, make_sounds.loudness_db)


def _problems(entry: dict[str, object], got: sound_check.Measured) -> list[str]:
    return sound_check.problems_for(
        "cue",
        entry,
        got,
        peak_limit_db=make_sounds.PEAK_LIMIT_DB,
        loudness_target_db=make_sounds.SPEECH_LOUDNESS_DB,
        voice=voices.PREFERRED.label(),
    )


def _voice_entry(spoken: str) -> dict[str, object]:
    return {"kind": "voice", "spoken": spoken, "voice": voices.PREFERRED.label()}


def test_a_clean_cue_has_no_problems() -> None:
    assert _problems(_voice_entry("Lower slowly"), _measured(0.9, 0.141)) == []


def test_a_clipped_cue_is_reported() -> None:
    problems = _problems(_voice_entry("Lower slowly"), _measured(0.9, 1.0))
    assert any("clipping" in p for p in problems)


def test_a_silent_cue_is_reported() -> None:
    problems = _problems(_voice_entry("Hold"), _measured(0.5, 0.0))
    assert any("loudness" in p for p in problems)
    assert any("mostly silence" in p for p in problems)
    assert _problems({"kind": "tone"}, _measured(0.5, 0.0)) == ["cue: silent"]


def test_a_cue_too_short_for_its_words_is_reported() -> None:
    problems = _problems(_voice_entry("Foam roller upper-back mobilization"), _measured(0.4, 0.14))
    assert any("cut off" in p for p in problems)


def test_syllable_counts_are_close_enough() -> None:
    assert sound_check.syllables("Hold") == 1
    assert sound_check.syllables("Lower slowly") == 4
    assert sound_check.syllables("45-degree back extension") == 4 + 2 + 1 + 3


def test_new_cue_words_in_the_cue_table_are_spoken_without_an_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Words added to the spoken cues (with or without words in cue_words) get a spoken cue."""
    monkeypatch.setattr(make_sounds, "VOICE_CUES", (*make_sounds.VOICE_CUES, "hinge_down"))
    cues = {c.cue_id: c for c in make_sounds.all_cues({})}
    assert cues["hinge_down"].kind == "voice"
    assert cues["hinge_down"].spoken == "Hinge down"


def test_the_fallback_never_replaces_what_the_preferred_voice_made(tmp_path: Path) -> None:
    cue = make_sounds.Cue("hold", "voice", "Hold", "Hold")
    (tmp_path / "hold.ogg").write_bytes(b"OggS")
    made_by_festival = {"text": "Hold", "recipe": cue.recipe(voices.FESTIVAL)}
    made_by_espeak = {"text": "Hold", "recipe": cue.recipe(voices.ESPEAK)}
    assert make_sounds.is_fresh(cue, made_by_festival, voices.ESPEAK, tmp_path)
    assert make_sounds.is_fresh(cue, made_by_espeak, voices.ESPEAK, tmp_path)
    assert not make_sounds.is_fresh(cue, made_by_espeak, voices.FESTIVAL, tmp_path)
    assert cue.recipe(voices.FESTIVAL) != cue.recipe(voices.ESPEAK)


def test_festival_lexicon_is_valid_scheme_for_every_listed_word() -> None:
    text = voices._lexicon_scheme(voices.FESTIVAL_LEXICON)
    assert text.count("(lex.add.entry") == len(voices.FESTIVAL_LEXICON)
    assert text.count("(") == text.count(")")
    for word in ("pilates", "multifidus", "rotatores", "latissimus"):
        assert f'"{word}"' in text
