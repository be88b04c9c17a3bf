"""The command line: ``python -m game [COMMAND]`` and the ``spine-quest`` script.

Commands are a table (name -> how to parse, how to run). Each command imports
what it needs only when it runs, so ``check`` never loads pygame, and the
modules holding optional commands are imported only when the command line
needs them, so a plain start reaches its first frame sooner. Errors a
person can fix are printed as one clear line with a non-zero exit code, never
as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from game import __version__

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def checkout_root() -> Path | None:
    """The source checkout this package runs from, if it runs from one."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "levels").is_dir():
        return root
    return None


def default_saves_dir() -> Path:
    """The checkout's saves/ when run from a checkout, else the user data folder."""
    root = checkout_root()
    if root is not None:
        return root / "saves"
    from platformdirs import user_data_dir

    return Path(user_data_dir("spine-quest", appauthor=False))


@dataclass(frozen=True)
class Command:
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# ---------------------------------------------------------------------------
# play
# ---------------------------------------------------------------------------


def _configure_play(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fullscreen", action="store_true", help="start in full screen")
    p.add_argument(
        "--time-scale",
        type=_positive_float,
        default=argparse.SUPPRESS,
        metavar="N",
        help="run the session clock N times faster (development and demos)",
    )
    p.add_argument(
        "--max-frames", type=int, default=None, help=argparse.SUPPRESS
    )  # for automated runs


def _run_play(args: argparse.Namespace) -> int:
    from game.cli.launch import play

    return play(
        saves_dir=args.saves,
        time_scale=getattr(args, "time_scale", 1.0),
        fullscreen=getattr(args, "fullscreen", False),
        max_frames=getattr(args, "max_frames", None),
    )


# ---------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------


def _configure_check(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders to check (default: the shipped levels)",
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


COMMANDS: dict[str, Command] = {
    "play": Command("start the game (the default)", _configure_play, _run_play),
    "check": Command("validate level files", _configure_check, _run_check),
}


def register(name: str, command: Command) -> None:
    """Add a command to the table (modules with optional commands call this)."""
    COMMANDS[name] = command


# ---------------------------------------------------------------------------


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {text}")
    return value


class _CoreOnlyFailed(Exception):
    """The line did not parse with the core commands alone; parse it with all of them."""


class _Parser(argparse.ArgumentParser):
    """A parser that, on a first try with the core commands only, gives up quietly."""

    first_try = False

    def error(self, message: str) -> NoReturn:
        if self.first_try:
            raise _CoreOnlyFailed(message)
        super().error(message)


def build_parser(*, first_try: bool = False) -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--saves",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="folder for play data (default: saves/ in a checkout, else your user data folder)",
    )
    parser = _Parser(
        prog="spine-quest",
        description="Spine Quest: train the deep muscles of your back, one level a day.",
        parents=[common],
    )
    parser.first_try = first_try
    parser.add_argument("--version", action="version", version=f"spine-quest {__version__}")
    _configure_play(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        p = sub.add_parser(name, help=command.help, parents=[common], description=command.help)
        p.first_try = first_try
        command.configure(p)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line, importing the optional commands only when it needs them.

    Playing needs none of them, so a plain start saves their imports before
    the first frame. A line the core commands cannot parse (an optional
    command's name, or a mistake) is parsed again with every command, so what
    it means and every error message are the same as with all of them loaded.
    """
    if not _asks_for_help(argv):
        try:
            return build_parser(first_try=True).parse_args(argv)
        except _CoreOnlyFailed:
            pass
    _load_optional_commands()
    return build_parser().parse_args(argv)


def _asks_for_help(argv: Sequence[str]) -> bool:
    """Help lists every command; argparse also accepts ``--help`` cut short."""
    return any(arg == "-h" or (len(arg) > 2 and "--help".startswith(arg)) for arg in argv)


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args = parse(list(sys.argv[1:] if argv is None else argv))
    if not hasattr(args, "saves"):
        args.saves = default_saves_dir()
    name = args.command or "play"
    try:
        return COMMANDS[name].run(args)
    except KeyboardInterrupt:
        return 130


#: Modules that add commands to the table: they are imported only when needed.
OPTIONAL_MODULES = ("game.cli.guide", "game.cli.progress", "game.cli.remind")


def _load_optional_commands() -> None:
    """Commands whose code lives with the feature they serve."""
    import importlib

    for module in OPTIONAL_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
