"""The README's promises: its two commands, its CI link and its level example."""

from __future__ import annotations

import re
from pathlib import Path

from game.content import check_paths

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _sh_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_readme_starts_with_the_two_commands() -> None:
    first, second = (b.strip() for b in _sh_blocks()[:2])
    assert "pip install -e ." in first and first.endswith("spine-quest")
    assert 'pip install -e ".[test]"' in second and second.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    second = _sh_blocks()[1].strip()
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert second in ci.splitlines()


def test_the_level_example_in_the_readme_is_valid(tmp_path: Path) -> None:
    section = README.split("## Writing levels", 1)[1]
    example = re.search(r"```yaml\n(.*?)```", section, flags=re.S)
    assert example is not None
    text = example.group(1)
    ex_id = re.search(r"^id: (\w+)", text, flags=re.M)
    assert ex_id is not None
    path = tmp_path / f"{ex_id.group(1)}.yaml"
    path.write_text(text, "utf-8")
    assert [str(p) for p in check_paths([path])] == []
