"""Content benchmark: load and validate the shipped levels, then generated ones.

The generated folders are a copy of the shipped ``levels/`` with extra side
stages added to ``stages.yaml``, each with its own level file of 50 levels
built from the shipped stabilization levels under new ids. They pass the same
loader and cross-checks as the shipped files, so the time per level shows
whether loading grows linearly with the amount of content.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from game.content import load_content
from game.content.paths import levels_dir

LEVELS_PER_FILE = 50


class _NoAliasDumper(yaml.SafeDumper):
    """The level format forbids anchors and aliases, so never write them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _templates(source: Path) -> list[dict[str, Any]]:
    with (source / "levels" / "stabilize.yaml").open(encoding="utf-8") as f:
        levels: list[dict[str, Any]] = yaml.safe_load(f)["levels"]
    return levels


def generate(target: Path, count: int) -> Path:
    """Copy the shipped content to ``target`` and add ``count`` generated levels."""
    source = levels_dir()
    shutil.copytree(source, target)
    templates = _templates(source)
    stages_path = target / "stages.yaml"
    stages = stages_path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    made = 0
    file_no = 0
    while made < count:
        file_no += 1
        stage_id = f"bench_{file_no:03d}"
        stages += (
            f"  - id: {stage_id}\n"
            f"    name: Generated stage {file_no}\n"
            "    track: side\n"
            "    trains: the deep stabilizers, generated for the benchmark\n"
            "    rule: still holds and small, slow moves\n"
            "    description: A generated stage that only the benchmark uses.\n"
            "    requires: []\n"
            "    allows_dynamic: false\n"
        )
        levels = []
        for i in range(min(LEVELS_PER_FILE, count - made)):
            level = copy.deepcopy(templates[(made + i) % len(templates)])
            level["id"] = f"{stage_id}_{i + 1:02d}"
            level["name"] = f"Generated level {made + i + 1}"
            levels.append(level)
        made += len(levels)
        text = yaml.dump(
            {"stage": stage_id, "levels": levels},
            Dumper=_NoAliasDumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
        (target / "levels" / f"{stage_id}.yaml").write_text(text, encoding="utf-8")
    stages_path.write_text(stages, encoding="utf-8")
    return target


def _time_load(folder: Path | None, repeats: int) -> tuple[list[float], int]:
    times = []
    levels = 0
    for _ in range(repeats):
        start = time.perf_counter()
        content = load_content(folder)
        times.append((time.perf_counter() - start) * 1000.0)
        levels = len(content.levels)
    return times, levels


def run(counts: tuple[int, ...] = (100, 300, 1000), repeats: int = 7) -> dict[str, Any]:
    """Shipped load times (ms) and, per generated count, median ms and levels loaded."""
    load_content()  # warm the imports and the file cache, as a second start would
    shipped, shipped_levels = _time_load(None, repeats)
    generated: dict[int, tuple[float, int]] = {}
    with tempfile.TemporaryDirectory(prefix="content-bench-") as scratch:
        for count in counts:
            folder = generate(Path(scratch) / f"gen{count}", count)
            # The fastest of five: the growth is about the work, and single
            # loads here are pushed around by the other core's load.
            times, levels = _time_load(folder, 5)
            generated[count] = (min(times), levels)
    return {
        "shipped_ms": shipped,
        "shipped_levels": shipped_levels,
        "generated": generated,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))
