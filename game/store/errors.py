"""Everything the save store can refuse or fail at, as one family of exceptions.

The UI catches ``StoreError`` and shows ``str(error)`` to the player, so every
message is plain English and says what to do next.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class StoreError(Exception):
    """Base class: a save could not be opened, read or written."""


class SaveLocked(StoreError):
    """Another running copy of the game is using the same save folder."""

    def __init__(self, folder: Path, holder: str | None = None) -> None:
        self.folder = folder
        self.holder = holder
        who = f" (process {holder})" if holder else ""
        super().__init__(
            f"Another copy of Spine Quest{who} is already using the save folder {folder}. "
            "Close it first, or start this copy with a different save folder."
        )


class SaveUnreadable(StoreError):
    """Neither the save nor its backup could be read; nothing has been changed."""

    def __init__(self, paths: Sequence[Path], problems: Sequence[str]) -> None:
        self.paths = tuple(paths)
        self.problems = tuple(problems)
        details = "; ".join(problems) if problems else "no details"
        super().__init__(
            f"Your saved progress could not be read ({details}). "
            "Nothing has been deleted. You can start over with a new save; the old files "
            "will be kept in the quarantine folder next to the save."
        )


class ReadOnlyStore(StoreError):
    """A change was asked of a save that is open read-only."""


class ProfileNotFound(StoreError, KeyError):
    """No player profile has the given id."""

    def __init__(self, profile_id: int) -> None:
        self.profile_id = profile_id
        super().__init__(f"There is no player profile with id {profile_id}.")

    def __str__(self) -> str:
        # KeyError would wrap the message in quotes.
        return str(self.args[0])


class InvalidValue(StoreError, ValueError):
    """A value offered to the store is not something a save may hold."""


class SchemaError(StoreError):
    """A loaded save document does not have the shape this game expects."""
