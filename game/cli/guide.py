"""Commands for looking at the guide: ``preview`` (a window) and ``render`` (a PNG).

Their arguments are declared in the command table of :mod:`game.cli.main`,
which imports this module only when one of them runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from game.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from game.content.model import Content, Exercise


def _load_exercise(name: str) -> tuple[Content, Exercise] | None:
    """The levels and the named exercise; None, with the reason printed, when it cannot be shown."""
    from game.content import ContentError, load_content

    try:
        content = load_content()
    except ContentError as err:
        print(
            f"spine-quest: the level files have {len(err.problems)} problem(s); "
            "run 'python -m game check'",
            file=sys.stderr,
        )
        return None
    exercise = content.exercises.get(name)
    if exercise is None:
        import difflib

        close = difflib.get_close_matches(name, list(content.exercises), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        print(f"spine-quest: no exercise called '{name}'.{hint}", file=sys.stderr)
        return None
    if exercise.animation is None:
        print(f"spine-quest: '{name}' has no animation yet.", file=sys.stderr)
        return None
    return content, exercise


def run_preview(args: argparse.Namespace) -> int:
    found = _load_exercise(args.exercise)
    if found is None:
        return EXIT_PROBLEMS
    content, exercise = found
    from game.ui.figure import preview

    try:
        return preview.run_preview(exercise, content)
    except Exception as exc:  # no display, most likely
        import pygame

        if isinstance(exc, pygame.error):
            print(
                f"spine-quest: cannot open a window ({exc}); try 'render' instead.", file=sys.stderr
            )
            return EXIT_PROBLEMS
        raise


def run_render(args: argparse.Namespace) -> int:
    from game.ui.figure.contact_sheet import render_all, render_contact_sheet

    if args.frames < 2 or args.frames > 64:
        print("spine-quest: --frames must be 2 to 64", file=sys.stderr)
        return EXIT_USAGE
    if args.exercise == "all":
        written = render_all(args.out, frames=args.frames)
        print(f"wrote {len(written)} contact sheets to {args.out}")
        return EXIT_OK
    found = _load_exercise(args.exercise)
    if found is None:
        return EXIT_PROBLEMS
    _, exercise = found
    out = render_contact_sheet(exercise, args.out, frames=args.frames)
    print(f"wrote {out}")
    return EXIT_OK
