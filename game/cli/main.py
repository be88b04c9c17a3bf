"""The command line: ``python -m game [COMMAND]`` and the ``spine-quest`` script.

Every command is one row of :data:`COMMANDS`: its name, its help, what runs it
and its arguments. The line is parsed once, against the whole table, so
``--help`` lists every command and a mistake gets one message from argparse.
What a command does lives in its own module (:mod:`game.cli.launch`,
:mod:`game.cli.guide`, :mod:`game.cli.progress`, :mod:`game.cli.remind`),
imported only when that command runs: ``check`` never loads pygame, and a
plain start imports no other command's module. Errors a person can fix are
printed as one clear line with a non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game import __version__
from game.cli.common import EXIT_OK, EXIT_PROBLEMS, default_saves_dir

#: What runs a command: the parsed line in, the exit code out.
Run = Callable[[argparse.Namespace], int]


class Arg:
    """One argument of a command, in the words ``ArgumentParser.add_argument`` takes."""

    def __init__(self, *flags: str, **how: Any) -> None:
        self.flags = flags
        self.how = how

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(*self.flags, **self.how)


@dataclass(frozen=True)
class Command:
    """One row of the command table: name, help, what runs it and its arguments."""

    name: str
    help: str
    run: Run
    args: tuple[Arg, ...] = ()


@dataclass(frozen=True)
class RunFrom:
    """A command's run function in its own module, imported only when the command runs."""

    module: str
    function: str

    def find(self) -> Run:
        import importlib

        found: Run = getattr(importlib.import_module(self.module), self.function)
        return found

    def __call__(self, args: argparse.Namespace) -> int:
        return self.find()(args)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {text}")
    return value


def _run_play(args: argparse.Namespace) -> int:
    from game.cli.launch import play

    return play(
        saves_dir=args.saves,
        time_scale=getattr(args, "time_scale", 1.0),
        fullscreen=getattr(args, "fullscreen", False),
        max_frames=getattr(args, "max_frames", None),
    )


def _run_check(args: argparse.Namespace) -> int:
    from game.content import check_paths, levels_dir

    paths = list(args.paths) or [levels_dir()]
    problems = check_paths(paths)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"OK: {', '.join(str(p) for p in paths)}")
    return EXIT_OK


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------

# Options that may stand before the command's name as well as after it have no
# default of their own (SUPPRESS): the parser of the command named after them
# must not overwrite a value given before the name. Whoever reads them supplies
# the default.

#: Every command takes it, before or after its name.
SAVES = Arg(
    "--saves",
    type=Path,
    default=argparse.SUPPRESS,
    metavar="DIR",
    help="folder for play data (default: saves/ in a checkout, else your user data folder)",
)

#: ``play``'s options, also taken with no command named (a plain start).
PLAY_ARGS = (
    Arg(
        "--fullscreen", action="store_true", default=argparse.SUPPRESS, help="start in full screen"
    ),
    Arg(
        "--time-scale",
        type=_positive_float,
        default=argparse.SUPPRESS,
        metavar="N",
        help="run the session clock N times faster (development and demos)",
    ),
    # for automated runs
    Arg("--max-frames", type=int, default=argparse.SUPPRESS, help=argparse.SUPPRESS),
)

_PROFILE = Arg(
    "--profile",
    metavar="NAME",
    default=None,
    help="the player profile to read (default: the one played last)",
)

#: Every command, in the order ``--help`` lists them; ``play`` runs when none is named.
COMMANDS: tuple[Command, ...] = (
    Command("play", "start the game (the default)", _run_play, PLAY_ARGS),
    Command(
        "check",
        "validate level files",
        _run_check,
        (
            Arg(
                "paths",
                nargs="*",
                type=Path,
                help="files or folders to check (default: the shipped levels)",
            ),
        ),
    ),
    Command(
        "preview",
        "loop an exercise's animation in a window",
        RunFrom("game.cli.guide", "run_preview"),
        (Arg("exercise", help="exercise id, for example bird_dog"),),
    ),
    Command(
        "render",
        "write a contact sheet PNG of an exercise's animation",
        RunFrom("game.cli.guide", "run_render"),
        (
            Arg("exercise", help="exercise id, or 'all' with --out naming a folder"),
            Arg("--out", type=Path, required=True, help="PNG file (or folder for 'all')"),
            Arg("--frames", type=int, default=8, help="frames on the sheet (default 8)"),
        ),
    ),
    Command(
        "stats",
        "show XP, level, streak, badges and mastered levels",
        RunFrom("game.cli.progress", "run_stats"),
        (Arg("--json", action="store_true", help="print the numbers as JSON"), _PROFILE),
    ),
    Command(
        "export",
        "write the session history to a CSV file",
        RunFrom("game.cli.progress", "run_export"),
        (
            Arg(
                "--out", type=Path, required=True, metavar="FILE.csv", help="where to write the CSV"
            ),
            _PROFILE,
        ),
    ),
    Command(
        "remind",
        "show the daily reminder as a desktop notification",
        RunFrom("game.cli.remind", "run_remind"),
        (Arg("--profile", default="", help="the player's name, to greet them"),),
    ),
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    SAVES.add_to(common)
    parser = argparse.ArgumentParser(
        prog="spine-quest",
        description="Spine Quest: train the deep muscles of your back, one level a day.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"spine-quest {__version__}")
    for arg in PLAY_ARGS:
        arg.add_to(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(
            command.name, help=command.help, parents=[common], description=command.help
        )
        for arg in command.args:
            arg.add_to(p)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse a command line (by default this process's); exits 2 with a message when it is wrong."""
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args = parse(list(sys.argv[1:] if argv is None else argv))
    if not hasattr(args, "saves"):
        args.saves = default_saves_dir()
    name = args.command or "play"
    run = next(command.run for command in COMMANDS if command.name == name)
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
