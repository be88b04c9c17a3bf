"""Where the shipped level files and assets live.

In a checkout they sit at the top of the repository, where writers find them;
in an installed wheel they travel inside the package under ``game/_data`` (see
``pyproject.toml``). Looking both places up here keeps that rule in one spot.
"""

from __future__ import annotations

from pathlib import Path

import game


def _data_dir(name: str) -> Path:
    package = Path(game.__file__).resolve().parent
    checkout = package.parent / name
    if checkout.is_dir():
        return checkout
    return package / "_data" / name


def levels_dir() -> Path:
    """The shipped content folder (stages, levels, exercises, badges)."""
    return _data_dir("levels")


def assets_dir() -> Path:
    """The shipped assets folder (fonts, sounds, icons)."""
    return _data_dir("assets")
