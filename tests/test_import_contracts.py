"""The import contracts in pyproject.toml cover the whole package.

`lint-imports` (import-linter, a dev dependency, run by CI) checks every import
of every submodule against the contracts; these tests make sure no module of
the game is left out of them, and run the linter itself where it is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = (ROOT / "pyproject.toml").read_text("utf-8")

#: The pure core of the design: no pygame, no screens, no sound, no command line.
PURE = (
    "game.clock",
    "game.content",
    "game.rig",
    "game.session",
    "game.motion",
    "game.progress",
    "game.store",
    "game.player",
)

#: Packages whose parts are layered by a contract of their own.
CONTAINERS = ("game.ui", "game.cli", "game.audio", "game.player")


def _contracts() -> list[str]:
    return PYPROJECT.split("[[tool.importlinter.contracts]]")[1:]


def _list(block: str, key: str) -> list[str]:
    found = re.search(rf"^{key} = \[(.*?)\]", block, flags=re.S | re.M)
    assert found is not None, f"no {key} in a contract of pyproject.toml"
    return re.findall(r'"([^"]+)"', found.group(1))


def _layered(container: str | None) -> set[str]:
    for block in _contracts():
        if 'type = "layers"' not in block:
            continue
        inside = _list(block, "containers") if "containers = " in block else [None]
        if inside == [container]:
            return {m.strip() for layer in _list(block, "layers") for m in layer.split("|")}
    raise AssertionError(f"no layers contract for {container or 'the top level'}")


def _children(package: Path) -> set[str]:
    names = set()
    for path in package.iterdir():
        if path.is_dir() and (path / "__init__.py").exists():
            names.add(path.name)
        elif path.suffix == ".py" and path.stem != "__init__":
            names.add(path.stem)
    return names


def test_every_top_level_module_sits_in_a_layer() -> None:
    assert {f"game.{name}" for name in _children(ROOT / "game")} == _layered(None)


@pytest.mark.parametrize("container", CONTAINERS)
def test_every_part_of_a_layered_package_sits_in_a_layer(container: str) -> None:
    folder = ROOT.joinpath(*container.split("."))
    assert _children(folder) == _layered(container)


def test_the_pure_core_is_forbidden_pygame_the_screens_and_the_command_line() -> None:
    [forbidden_contract] = [b for b in _contracts() if 'type = "forbidden"' in b]
    assert set(_list(forbidden_contract, "source_modules")) == set(PURE)
    assert set(_list(forbidden_contract, "forbidden_modules")) == {
        "pygame",
        "game.ui",
        "game.audio",
        "game.cli",
    }


def test_the_pure_core_is_every_package_below_the_screens() -> None:
    """A new package under the screens must join the pure core or say why not."""
    below = _layered(None) - {"game.__main__", "game.cli", "game.ui", "game.audio"}
    assert below == set(PURE)


LINT = Path(sys.executable).parent / "lint-imports"
needs_linter = pytest.mark.skipif(
    not LINT.exists(), reason="import-linter (a dev dependency) not installed"
)


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@needs_linter
def test_the_contracts_hold() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


#: Mutants of a copy of the package, each one import that the layers forbid:
#: (module file, line added, contract that must break).
MUTANTS = (
    ("game/rig/checks.py", "import pygame", "The pure core never imports pygame"),
    ("game/player/settings.py", "import pygame", "The pure core never imports pygame"),
    ("game/store/codec_ratings.py", "import pygame.mixer", "The pure core never imports pygame"),
    ("game/session/fit.py", "import game.ui.theme", "The pure core never imports pygame"),
    ("game/content/vocabulary.py", "import game.progress.xp", "Layers only import downward"),
    ("game/ui/widgets/icons.py", "import game.ui.scenes.title", "Inside the screens"),
    ("game/player/reminders.py", "import game.player.data", "Inside one player's data"),
    ("game/cli/progress.py", "import game.cli.main", "Inside the command line"),
    ("game/cli/guide.py", "import game.cli.remind", "Inside the command line"),
    ("game/audio/manifest.py", "import game.audio.player", "Inside the sound"),
)


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "game", root / "game", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@needs_linter
@pytest.mark.parametrize(("module", "line", "contract"), MUTANTS)
def test_a_forbidden_import_breaks_a_contract(
    package_copy: Path, module: str, line: str, contract: str
) -> None:
    target = package_copy / module
    original = target.read_text("utf-8")
    target.write_text(original + f"\n{line}\n", "utf-8")
    try:
        done = _lint(package_copy)
    finally:
        target.write_text(original, "utf-8")
    assert done.returncode != 0, f"adding {line!r} to {module} broke no contract"
    broken = [row for row in done.stdout.splitlines() if row.endswith(" BROKEN")]
    assert any(row.startswith(contract) for row in broken), done.stdout


def _pure_modules(root: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PURE:
        base = root.joinpath(*package.split("."))
        files = (
            [base.with_suffix(".py")] if base.with_suffix(".py").exists() else base.rglob("*.py")
        )
        for path in files:
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


@needs_linter
def test_pygame_added_to_any_pure_module_is_reported_for_that_module(package_copy: Path) -> None:
    """Every module of the pure core at once: each must be named as breaking the contract."""
    modules = _pure_modules(package_copy)
    originals = {name: path.read_text("utf-8") for name, path in modules.items()}
    try:
        for name, path in modules.items():
            path.write_text(originals[name] + "\nimport pygame\n", "utf-8")
        done = _lint(package_copy)
    finally:
        for name, path in modules.items():
            path.write_text(originals[name], "utf-8")
    assert done.returncode != 0
    reported = set(re.findall(r"^-\s+(game[\w.]*) -> pygame ", done.stdout, flags=re.M))
    assert len(modules) >= 80  # the whole core was found, not one folder
    assert set(modules) - reported == set()
