"""Level files in, a validated content model out; never imports pygame.

``load_content()`` reads the shipped ``levels/`` folder (or any folder laid
out the same way) and raises :class:`ContentError` listing every problem;
``check_paths()`` reports problems in any files or folders without raising.

The names below are imported on first use, not with the package: the game
looks up ``game.content.paths`` (fonts, sounds) before its first frame, and
the loader with PyYAML, the schema tables and the model cost tens of
milliseconds that belong after it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.content.errors import ContentError, Problem
    from game.content.loader import check_paths, load_content
    from game.content.model import Content
    from game.content.paths import assets_dir, levels_dir

#: Where each public name lives.
_HOMES = {
    "Content": "game.content.model",
    "ContentError": "game.content.errors",
    "Problem": "game.content.errors",
    "assets_dir": "game.content.paths",
    "check_paths": "game.content.loader",
    "levels_dir": "game.content.paths",
    "load_content": "game.content.loader",
}

__all__ = [
    "Content",
    "ContentError",
    "Problem",
    "assets_dir",
    "check_paths",
    "levels_dir",
    "load_content",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
