"""Level files in, a validated content model out; never imports pygame.

``load_content()`` reads the shipped ``levels/`` folder (or any folder laid
out the same way) and raises :class:`ContentError` listing every problem;
``check_paths()`` reports problems in any files or folders without raising.
"""

from __future__ import annotations

from game.content.errors import ContentError, Problem
from game.content.loader import check_paths, load_content
from game.content.model import Content
from game.content.paths import assets_dir, levels_dir

__all__ = [
    "Content",
    "ContentError",
    "Problem",
    "assets_dir",
    "check_paths",
    "levels_dir",
    "load_content",
]
