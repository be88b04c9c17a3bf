"""What every command shares: exit codes, where the checkout is, where saves go.

The bottom layer of the command line: the table in :mod:`game.cli.main` and
each command's module import it, and it imports nothing else of the game.
"""

from __future__ import annotations

from pathlib import Path

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
