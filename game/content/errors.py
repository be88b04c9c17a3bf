"""Problems found in level files, and the one error type the loader raises.

A writer fixing a level file wants every mistake at once, each pointing at a
place in the file, so the loader collects :class:`Problem` records instead of
stopping at the first one. Callers (the game, ``python -m game check``) only
ever need to catch :class:`ContentError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file. ``line`` and ``column`` are 1-based."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{where} (hint: {self.hint})" if self.hint else where


class ContentError(Exception):
    """The content folder could not be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the level files"
        super().__init__("\n".join([head, *map(str, self.problems)]))
