"""The loader tests' fixtures: a fresh copy of the small content folder for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from content_folder import FILES, ContentDir


@pytest.fixture
def content(tmp_path: Path) -> Iterator[ContentDir]:
    yield ContentDir(tmp_path / "levels")


@pytest.fixture(scope="session")
def content_dir_type() -> type[ContentDir]:
    """The folder builder itself, for fixtures with a wider scope than ``content``."""
    return ContentDir


@pytest.fixture(scope="session")
def content_files() -> dict[str, str]:
    """The valid files of the test folder, by path inside it."""
    return dict(FILES)
