"""The command line as a person meets it: exit codes and messages, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import __version__
from game.cli.main import COMMANDS, RunFrom, main

MUST_SHOW = """\
id: bird_dog
name: !!python/object/apply:os.system ["echo owned > {marker}"]
position: hands_and_knees
summary: Reach one arm and the opposite leg long while the trunk stays still.
cues: [Hands under shoulders.]
feel: Deep along the spine.
mistakes: [Tipping the hips.]
muscles: [multifidus]
equipment: [mat]
breath: effort_on_exhale
dose:
  kind: reps
  reps: 6
  reps: 8
colour: blue
"""


def test_check_on_the_shipped_levels_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_check_reports_tag_duplicate_and_unknown_key_as_three_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "owned.txt"
    bad = tmp_path / "bird_dog.yaml"
    bad.write_text(MUST_SHOW.format(marker=marker), "utf-8")
    assert main(["check", str(bad)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    for line in lines:
        assert line.startswith(f"{bad}:")
        assert line.split(":")[1].isdigit()  # the line number
    assert not marker.exists(), "the tag was never run"


def test_check_reports_a_five_thousand_digit_number_as_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python refuses to convert it at all; once a ValueError traceback from ``check``."""
    shipped = Path(__file__).resolve().parents[1] / "levels" / "exercises" / "bird_dog.yaml"
    text = shipped.read_text("utf-8")
    bad = tmp_path / "bird_dog.yaml"
    bad.write_text(text.replace("reps: ", "reps: 1" + "0" * 5000 + " #", 1), "utf-8")
    assert main(["check", str(bad)]) == 1
    captured = capsys.readouterr()
    (line,) = captured.out.strip().splitlines()
    where, number = line.split(": ", 1)
    assert where.startswith(f"{bad}:") and where.count(":") == 2
    assert "is too large" in number and len(line) < 300
    assert "Traceback" not in captured.err


def test_usage_errors_exit_2_and_version_works(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["play", "--time-scale", "-3"])
    assert exc.value.code == 2


def _env_without_a_screen() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("SDL_VIDEODRIVER", None)
    env["SDL_AUDIODRIVER"] = "dummy"
    return env


def test_without_a_screen_the_game_says_so_and_exits_1(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "game", "--saves", str(tmp_path)],
        env=_env_without_a_screen(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 1
    assert "needs a screen" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_second_game_on_the_same_saves_is_refused(tmp_path: Path) -> None:
    from game.clock import MonotonicClock
    from game.store import open_store

    held = open_store(tmp_path, now=MonotonicClock().now_utc)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "game", "--saves", str(tmp_path)],
            env={**os.environ, "SDL_VIDEODRIVER": "dummy"}, capture_output=True, text=True,
            timeout=60,
        )  # fmt: skip
    finally:
        held.close()
    assert run.returncode == 1
    assert "Another copy of Spine Quest" in run.stderr
    assert "Traceback" not in run.stderr


#: The modules that hold what a command does, beside the table that names them.
COMMAND_MODULES = ("game.cli.launch", "game.cli.guide", "game.cli.progress", "game.cli.remind")


def test_commands_import_only_what_they_need(tmp_path: Path) -> None:
    """Parsing imports no command's module; ``check`` never loads pygame; ``stats`` its own."""
    code = (
        "import sys\n"
        "from game.cli.main import main, parse\n"
        f"modules = {COMMAND_MODULES!r}\n"
        "for line in (['--saves', 'x'], ['play', '--time-scale', '2'], ['check'],\n"
        "             ['preview', 'bird_dog'], ['render', 'all', '--out', 'x'],\n"
        "             ['stats', '--json'], ['export', '--out', 'x.csv'], ['remind']):\n"
        "    parse(line)\n"
        "print([m for m in modules if m in sys.modules])\n"
        "assert main(['check']) == 0\n"
        "print('pygame' in sys.modules)\n"
        f"assert main(['stats', '--saves', {str(tmp_path)!r}]) == 1\n"
        "print([m for m in modules if m in sys.modules])\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    lines = run.stdout.strip().splitlines()
    assert lines[0] == "[]", "parsing a line imports no command's module"
    assert lines[-2] == "False", "check never loads pygame"
    assert lines[-1] == "['game.cli.progress']", "a command's module is imported when it runs"


def test_every_command_in_the_table_finds_what_runs_it() -> None:
    for command in COMMANDS:
        run = command.run.find() if isinstance(command.run, RunFrom) else command.run
        assert callable(run), command.name


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in ("play", "check", "preview", "render", "stats", "export", "remind"):
        assert name in out


def test_render_runs_from_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bird_dog.png"
    assert main(["render", "bird_dog", "--out", str(out), "--frames", "2"]) == 0
    assert out.stat().st_size > 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert main(["render", "bird_dog", "--out", str(out), "--frames", "1"]) == 2
    assert main(["render", "bird_dgo", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--frames must be 2 to 64" in err
    assert "no exercise called 'bird_dgo'. Did you mean: bird_dog?" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--fullscreen", "play"], {"fullscreen": True}),
        (["play", "--fullscreen"], {"fullscreen": True}),
        (["--fullscreen"], {"fullscreen": True}),
        (["--time-scale", "4", "play"], {"time_scale": 4.0}),
        (["--max-frames", "3", "play"], {"max_frames": 3}),
        (["play", "--max-frames", "3", "--time-scale", "2"], {"max_frames": 3, "time_scale": 2.0}),
    ],
)
def test_play_options_count_before_and_after_the_word_play(
    argv: list[str], expected: dict[str, object]
) -> None:
    """``spine-quest --fullscreen play`` starts in full screen, as written after ``play``."""
    from game.cli.main import parse

    args = parse(argv)
    assert {name: getattr(args, name, None) for name in expected} == expected
