"""Sound cues: the shipped files, the script that makes them, and the player's silent fallback."""

from __future__ import annotations

import importlib.util
import json
import logging
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pygame
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.audio import player as audio
from game.audio.manifest import TONE_CUES, VOICE_CUES, cue_file_name, default_sounds_dir
from game.audio.player import NO_DEVICE_NOTICE, NO_SOUNDS_NOTICE, CuePlayer
from game.session.cue_words import CUE_TEXT, cue_text
from game.session.cues import exercise_cue

ROOT = Path(__file__).resolve().parents[1]
SOUNDS = ROOT / "assets" / "sounds"
EXERCISES = ROOT / "levels" / "exercises"
MANIFEST: dict[str, Any] = json.loads((SOUNDS / "manifest.json").read_text(encoding="utf-8"))
CUES: dict[str, dict[str, Any]] = MANIFEST["cues"]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sounds", ROOT / "scripts" / "make_sounds.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sounds"] = module
    spec.loader.exec_module(module)
    return module


make_sounds = _load_script()


def _exercise_names() -> dict[str, str]:
    names = {}
    for path in sorted(EXERCISES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names[data.get("id", path.stem)] = data["name"]
    return names


@pytest.fixture(autouse=True)
def _fresh_mixer() -> Iterator[None]:
    """Each test starts and ends with the mixer shut, so no state leaks between them."""
    pygame.mixer.quit()
    yield
    pygame.mixer.quit()


@pytest.fixture
def mixer_ok() -> None:
    """Skip when even the dummy driver gives no mixer on this machine."""
    try:
        pygame.mixer.init()
    except pygame.error as exc:
        pytest.skip(f"no mixer here: {exc}")
    pygame.mixer.quit()


@pytest.fixture
def no_device(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", refuse)
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)


def _sounds_copy(tmp_path: Path, keep: set[str] | None = None) -> Path:
    """A private copy of the shipped sounds, optionally with only some files."""
    folder = tmp_path / "sounds"
    folder.mkdir()
    shutil.copy(SOUNDS / "manifest.json", folder / "manifest.json")
    for entry in CUES.values():
        if keep is None or entry["file"] in keep:
            shutil.copy(SOUNDS / entry["file"], folder / entry["file"])
    return folder


# -- the cue tables ---------------------------------------------------------


def test_every_fixed_cue_has_words_on_screen() -> None:
    assert set(VOICE_CUES) | set(TONE_CUES) == set(CUE_TEXT)
    assert all(text.strip() for text in CUE_TEXT.values())
    assert not set(VOICE_CUES) & set(TONE_CUES)


def test_cue_text_uses_content_names_and_never_raises() -> None:
    content: Any = SimpleNamespace(exercises={"bird_dog": SimpleNamespace(name="Bird dog reach")})
    assert cue_text("exercise:bird_dog", content) == "Bird dog reach"
    assert cue_text("exercise:bird_dog") == "Bird dog"
    assert cue_text("exercise:side_plank", content) == "Side plank"
    assert cue_text("lower_slowly") == "Lower slowly"
    assert cue_text("three") == "3"
    assert cue_text("something_new") == "Something new"
    assert cue_text("") == ""


@given(st.text(max_size=40))
def test_cue_text_of_anything_is_text(cue_id: str) -> None:
    assert isinstance(cue_text(cue_id), str)


def test_file_names_are_safe() -> None:
    assert cue_file_name("inhale") == "inhale.ogg"
    assert cue_file_name(exercise_cue("bird_dog")) == "exercise_bird_dog.ogg"
    for bad in ("exercise:../x", "exercise:", "Inhale", "a b", "exercise:a/b", "../etc"):
        with pytest.raises(ValueError):
            cue_file_name(bad)


# -- the shipped files ------------------------------------------------------


def test_manifest_covers_every_required_cue() -> None:
    for cue_id in (*VOICE_CUES, *TONE_CUES):
        assert cue_id in CUES, cue_id
        assert CUES[cue_id]["text"] == CUE_TEXT[cue_id]
        assert CUES[cue_id]["kind"] == ("tone" if cue_id in TONE_CUES else "voice")


def test_manifest_covers_every_cue_the_session_emits() -> None:
    cues = pytest.importorskip("game.session.cues")
    from game.content import load_content

    exercises = load_content().exercises.values()
    words = [w for ex in exercises for w in (ex.phases.out, ex.phases.back)]
    for cue_id in cues.all_cue_ids(_exercise_names(), words):
        assert cue_id in CUES, (
            f"{cue_id}: give it words in game.session.cue_words and run scripts/make_sounds.py"
        )


def test_phase_words_are_spoken_from_their_own_files_and_shown_as_written() -> None:
    from game.content import load_content
    from game.session.cues import phase_cue

    content = load_content()
    rdl = content.exercises["romanian_deadlift"]
    assert phase_cue(rdl.phases.out) == "phase:hinge_down"
    assert CUES["phase:hinge_down"]["file"] == "phase_hinge_down.ogg"
    assert cue_text("phase:hinge_down", content) == "Hinge down"
    # The default words keep the old cues and their files.
    assert phase_cue("Lift") == "lift" and phase_cue("Lower slowly") == "lower_slowly"


def test_manifest_covers_every_exercise() -> None:
    names = _exercise_names()
    if not names:
        pytest.skip("no exercises in levels/ yet")
    for exercise_id, name in names.items():
        entry = CUES.get(exercise_cue(exercise_id))
        assert entry is not None, f"{exercise_id}: run scripts/make_sounds.py"
        assert entry["text"] == name
        assert entry["file"] == f"exercise_{exercise_id}.ogg"


def test_files_are_mono_22050_ogg_vorbis_and_small() -> None:
    total = 0
    for cue_id, entry in CUES.items():
        data = (SOUNDS / entry["file"]).read_bytes()
        total += len(data)
        assert data[:4] == b"OggS", cue_id
        ident = data.index(b"\x01vorbis")
        channels, rate = struct.unpack_from("<BI", data, ident + 11)
        assert (channels, rate) == (1, 22050), cue_id
        assert 0.1 < entry["duration"] < 3.0, cue_id
    assert total < 2 * 1024 * 1024
    shipped = {p.name for p in SOUNDS.glob("*.ogg")}
    assert shipped == {e["file"] for e in CUES.values()}, "stray or missing files"


def test_files_decode_in_the_mixer(mixer_ok: None) -> None:
    pygame.mixer.init(frequency=22050, size=-16, channels=2)
    for cue_id, entry in CUES.items():
        sound = pygame.mixer.Sound(str(SOUNDS / entry["file"]))
        assert sound.get_length() == pytest.approx(entry["duration"], abs=0.05), cue_id


def test_breath_tones_differ() -> None:
    inhale, exhale = CUES["tone_inhale"], CUES["tone_exhale"]
    assert inhale["end_hz"] > inhale["start_hz"], "inhale rises"
    assert exhale["end_hz"] < exhale["start_hz"], "exhale falls"
    assert exhale["duration"] > inhale["duration"], "exhale is longer"
    assert CUES["tone_count"]["duration"] < 0.3, "the count tick is short"
    assert len({CUES[t]["duration"] for t in TONE_CUES}) == len(TONE_CUES)


def test_speech_loudness_is_even() -> None:
    loudness = [e["loudness_db"] for e in CUES.values() if e["kind"] == "voice"]
    assert max(loudness) - min(loudness) < 1.5


@pytest.mark.skipif(shutil.which("sox") is None, reason="sox is not installed")
def test_decoded_peaks_stay_below_minus_3_dbfs() -> None:
    for cue_id, entry in CUES.items():
        stats = subprocess.run(
            ["sox", str(SOUNDS / entry["file"]), "-n", "stats"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        line = next(ln for ln in stats.splitlines() if ln.startswith("Pk lev dB"))
        assert float(line.split()[-1]) < -3.0, cue_id


# -- the player without a device --------------------------------------------


def test_no_device_means_silence_and_one_notice(no_device: None) -> None:
    player = CuePlayer(SOUNDS)
    assert player.start() is False
    assert not player.available
    assert player.notice == NO_DEVICE_NOTICE
    for cue_id in (*VOICE_CUES, *TONE_CUES, "exercise:bird_dog", "nonsense"):
        assert player.play(cue_id) is False
    player.set_volume(0.3)
    player.stop()
    assert player.take_notice() == NO_DEVICE_NOTICE
    assert player.take_notice() is None
    assert player.notice == NO_DEVICE_NOTICE  # still there for a settings screen
    player.close()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30), st.floats(allow_nan=True, allow_infinity=True))
def test_play_never_raises_without_device(no_device: None, cue_id: str, volume: float) -> None:
    player = CuePlayer(SOUNDS)
    player.set_volume(volume)
    assert 0.0 <= player.volume <= 1.0
    assert player.play(cue_id) is False


# -- the player with the dummy mixer ----------------------------------------


def test_spoken_cues_share_one_channel(mixer_ok: None) -> None:
    player = CuePlayer(SOUNDS)
    assert player.start() and player.notice is None
    assert player.play("inhale")
    assert player.play("exhale")
    voice = pygame.mixer.Channel(audio.VOICE_CHANNEL)
    assert voice.get_sound() is player._sounds["exhale"]
    assert player._sounds["inhale"].get_num_channels() == 0, "the old speech was cut off"
    assert player.play("tone_inhale")
    assert player._sounds["tone_inhale"].get_num_channels() == 1
    assert voice.get_sound() is player._sounds["exhale"], "tones never take the voice channel"
    player.close()
    assert pygame.mixer.get_init() is None


def test_a_sounding_tone_is_not_stacked(mixer_ok: None) -> None:
    player = CuePlayer(SOUNDS)
    assert player.play("tone_exhale")
    assert not player.play("tone_exhale")
    assert player.play("tone_count")
    player.close()


def test_switches_and_volume(mixer_ok: None) -> None:
    player = CuePlayer(SOUNDS, volume=2.0, voice_enabled=False)
    assert player.volume == 1.0
    assert not player.play("rest")
    assert player.play("tone_phase_end")
    player.tones_enabled = False
    assert not player.play("tone_count")
    player.voice_enabled = True
    assert player.play("rest")
    player.set_volume(0.25)
    assert player._sounds["rest"].get_volume() == pytest.approx(0.25, abs=0.01)
    player.set_volume(-1)
    assert player.volume == 0.0
    player.close()


def test_missing_files_are_silent_and_logged_once(
    mixer_ok: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _sounds_copy(tmp_path, keep={"tone_phase_start.ogg"})
    (folder / "hold.ogg").write_bytes(b"not a sound")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["cues"]["hold"]["file"] = "hold.ogg"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    player = CuePlayer(folder)
    with caplog.at_level(logging.WARNING, logger="game.audio.player"):
        assert not player.play("rest")
        assert not player.play("rest")
        assert not player.play("hold")
        assert not player.play("no_such_cue")
    assert sum("'rest'" in r.getMessage() for r in caplog.records) == 1
    assert any("hold.ogg" in r.getMessage() for r in caplog.records)
    assert player.notice is None
    player.close()


def test_missing_exercise_name_falls_back_to_a_tone(mixer_ok: None, tmp_path: Path) -> None:
    player = CuePlayer(_sounds_copy(tmp_path, keep={"tone_phase_start.ogg"}))
    assert player.play("exercise:not_recorded_yet")
    assert player._sounds["tone_phase_start"].get_num_channels() == 1
    player.tones_enabled = False
    assert not player.play("exercise:not_recorded_yet")
    player.close()


def test_no_manifest_means_silence_with_a_notice(mixer_ok: None, tmp_path: Path) -> None:
    player = CuePlayer(tmp_path)
    assert player.start()
    assert player.notice == NO_SOUNDS_NOTICE
    assert not player.play("inhale")
    assert player.manifest() == {}
    player.close()


def test_a_failing_device_mid_game_does_not_raise(mixer_ok: None) -> None:
    player = CuePlayer(SOUNDS)
    player.start()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise pygame.error("device lost")

    player._voice = SimpleNamespace(play=broken)  # type: ignore[assignment]
    assert player.play("inhale") is False
    assert player.play("tone_count") is True, "tones still work"
    player.close()


def test_player_keeps_a_mixer_it_did_not_start(mixer_ok: None) -> None:
    pygame.mixer.init()
    player = CuePlayer(SOUNDS)
    assert player.play("begin")
    player.close()
    assert pygame.mixer.get_init() is not None


# -- the script -------------------------------------------------------------


def test_check_passes_on_the_shipped_sounds() -> None:
    assert make_sounds.check(SOUNDS) == 0


def test_check_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _sounds_copy(tmp_path)
    (folder / "relax.ogg").unlink()
    assert make_sounds.check(folder) == 1
    assert "relax.ogg is missing" in capsys.readouterr().out


def test_recipes_match_the_manifest() -> None:
    """The shipped files were made from the current words and recipes (else rerun the script)."""
    for cue in make_sounds.all_cues(make_sounds.exercise_names()):
        if cue.cue_id in CUES:  # coverage is checked above
            assert CUES[cue.cue_id]["recipe"] == cue.recipe(), cue.cue_id


def test_exercise_names_skip_broken_files(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("id: good\nname: Good move\n")
    (tmp_path / "half.yaml").write_text("id: half\nname: [unclosed\n")
    (tmp_path / "nameless.yaml").write_text("id: nameless\n")
    (tmp_path / "Bad Id.yaml").write_text("name: Bad\n")
    assert make_sounds.exercise_names(tmp_path) == {"good": "Good move"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-4.0, 4.0), min_size=1, max_size=400))
def test_limiter_keeps_every_peak_under_the_ceiling(samples: list[float]) -> None:
    out = make_sounds.limit(samples, -6.0)
    assert len(out) == len(samples)
    assert make_sounds.peak_db(out) <= -6.0 + 1e-9


def test_level_speech_hits_the_target_loudness() -> None:
    import math

    rate = make_sounds.RATE
    quiet = [0.0] * 2000 + [0.05 * math.sin(i / 7) for i in range(rate // 2)] + [0.0] * 2000
    out = make_sounds.level_speech(quiet)
    assert make_sounds.loudness_db(out) == pytest.approx(make_sounds.SPEECH_LOUDNESS_DB, abs=0.3)
    assert make_sounds.peak_db(out) <= make_sounds.SPEECH_CEILING_DB + 1e-9
    assert len(out) < len(quiet), "silence is trimmed"


def test_default_folder_is_the_checkout_assets() -> None:
    assert default_sounds_dir() == SOUNDS
    assert CuePlayer().sounds_dir == SOUNDS


def test_the_words_and_the_manifest_need_no_pygame() -> None:
    """The screens' words and the scripts' file list load without the sound module."""
    code = (
        "import sys\n"
        "import game.audio.manifest, game.session.cue_words\n"
        "print(sorted(m for m in sys.modules if m == 'pygame' or m == 'game.audio.player'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        check=True,
    )  # fmt: skip
    assert run.stdout.strip() == "[]"
