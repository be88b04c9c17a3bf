"""Write docs/levels.md: one table per stage listing its levels, goals, exercises and minutes.

The table is generated so it never drifts from the level files. Planned minutes
come from the session timeline (``game.session.timeline.planned_seconds``) when
it is available, and otherwise from :func:`estimate_level_seconds`, a plain
reading of the doses that needs only the YAML. The content tests use the same
estimate, so the table and the tests always agree on what a level lasts.

Run from the repository root: ``python scripts/levels_table.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
LEVELS_DIR = ROOT / "levels"
DOC = ROOT / "docs" / "levels.md"

#: The pacer's default breath: 2 s in, 4 s out.
SECONDS_PER_BREATH = 6.0
#: The "get ready" countdown before the first step.
GET_READY_SECONDS = 5.0
#: Step and dose defaults, matching game/content/model.py.
DEFAULT_REST_AFTER = 30.0
DOSE_DEFAULTS: Mapping[str, Any] = {
    "sets": 1,
    "each_side": False,
    "alternate": False,
    "rest_seconds": 15.0,
    "switch_seconds": 5.0,
    "setup_seconds": 3.0,
    "tempo": {"lift": 2.0, "hold": 1.0, "lower": 3.0, "pause": 0.0},
}

Raw = dict[str, Any]


def load_raw(
    levels_dir: Path = LEVELS_DIR,
) -> tuple[list[Raw], dict[str, Raw], dict[str, list[Raw]]]:
    """Read stages, exercises and levels as plain dictionaries, in file order."""
    stages: list[Raw] = yaml.safe_load((levels_dir / "stages.yaml").read_text("utf-8"))["stages"]
    exercises: dict[str, Raw] = {}
    for path in sorted((levels_dir / "exercises").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        exercises[data["id"]] = data
    levels: dict[str, list[Raw]] = {}
    for path in sorted((levels_dir / "levels").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        levels[data["stage"]] = list(data["levels"])
    return stages, exercises, levels


def played_exercise(step: Raw, exercises: Mapping[str, Raw]) -> tuple[str, Raw]:
    """The exercise id a step plays and the dose it starts from, after its variant."""
    exercise = exercises[step["exercise"]]
    variant = step.get("variant", "standard")
    spec = exercise.get(variant) if variant != "standard" else None
    if spec and spec.get("exercise"):
        other = exercises[spec["exercise"]]
        return other["id"], dict(other["dose"])
    if spec and spec.get("dose"):
        return exercise["id"], dict(spec["dose"])
    return exercise["id"], dict(exercise["dose"])


def step_seconds(step: Raw, exercises: Mapping[str, Raw], *, with_rest_after: bool = True) -> float:
    """Seconds one step takes: its sets, the rests between them and the rest after it."""
    _, base = played_exercise(step, exercises)
    dose = {**DOSE_DEFAULTS, **base, **step.get("override", {})}
    sides = 2 if dose["each_side"] else 1
    switch = float(dose["switch_seconds"]) if dose["each_side"] else 0.0
    kind = dose["kind"]
    if kind == "hold":
        hold = dose.get("hold_seconds") or SECONDS_PER_BREATH * dose["hold_breaths"]
        per_set = (2 * float(dose["setup_seconds"]) + float(hold)) * sides + switch
    elif kind == "reps":
        tempo = {**DOSE_DEFAULTS["tempo"], **dose["tempo"]}
        rep = sum(float(tempo[k]) for k in ("lift", "hold", "lower", "pause"))
        per_side_factor = 2 if (dose["each_side"] or dose["alternate"]) else 1
        per_set = int(dose["reps"]) * rep * per_side_factor + switch
    else:
        per_set = float(dose["flow_seconds"]) * sides + switch
    sets = int(dose["sets"])
    total = sets * per_set + (sets - 1) * float(dose["rest_seconds"])
    if with_rest_after:
        total += float(step.get("rest_after", DEFAULT_REST_AFTER))
    return total


def block_seconds(block: Raw, exercises: Mapping[str, Raw]) -> float:
    """Seconds for a main-list item: a step, or a superset played for its rounds."""
    if "superset" not in block:
        return step_seconds(block, exercises)
    superset = block["superset"]
    rounds = int(superset.get("rounds", 2))
    one_round = sum(step_seconds(s, exercises) for s in superset["steps"])
    return rounds * one_round + (rounds - 1) * float(superset.get("rest_between_rounds", 60.0))


def estimate_level_seconds(level: Raw, exercises: Mapping[str, Raw]) -> float:
    """The planned length of a level from its doses alone (see the module docstring)."""
    total = GET_READY_SECONDS
    total += sum(step_seconds(s, exercises) for s in level.get("warmup", []))
    total += sum(block_seconds(b, exercises) for b in level["main"])
    total += sum(step_seconds(s, exercises) for s in level.get("cooldown", []))
    return total


def level_exercise_ids(level: Raw, exercises: Mapping[str, Raw]) -> list[str]:
    """Every exercise a level plays, in order, variants resolved, without repeats."""
    steps: list[Raw] = list(level.get("warmup", []))
    for block in level["main"]:
        steps.extend(block["superset"]["steps"] if "superset" in block else [block])
    steps.extend(level.get("cooldown", []))
    seen: list[str] = []
    for step in steps:
        played, _ = played_exercise(step, exercises)
        if played not in seen:
            seen.append(played)
    return seen


def timeline_seconds() -> Callable[[str], float] | None:
    """``level id -> seconds`` from the session timeline, or None while it is not there."""
    try:
        from game.content import load_content
        from game.session.timeline import planned_seconds
    except ImportError:
        return None
    content = load_content(LEVELS_DIR)
    return lambda level_id: float(planned_seconds(content.levels[level_id], content))


def render(levels_dir: Path = LEVELS_DIR) -> str:
    """The whole of docs/levels.md as text."""
    stages, exercises, levels = load_raw(levels_dir)
    timed = timeline_seconds() if levels_dir == LEVELS_DIR else None
    source = "the session timeline" if timed else "an estimate from the doses"
    lines = [
        "# Levels",
        "",
        "Generated by `python scripts/levels_table.py` from the files in `levels/`;",
        f"do not edit by hand. Minutes come from {source}, rests included.",
        "",
        f"{sum(len(v) for v in levels.values())} levels in {len(stages)} stages, "
        f"using {len(exercises)} exercises.",
        "",
        "| stage | track | levels |",
        "|---|---|---|",
        *(f"| `{s['id']}` | {s['track']} | {len(levels.get(s['id'], []))} |" for s in stages),
        "",
    ]
    for stage in stages:
        stage_levels = levels.get(stage["id"], [])
        track = "main path" if stage["track"] == "main" else "side track"
        lines += [f"## {stage['name']} (`{stage['id']}`, {track}, {len(stage_levels)} levels)", ""]
        lines += ["| # | level | goal | exercises | minutes |", "|---|---|---|---|---|"]
        for number, level in enumerate(stage_levels, start=1):
            seconds = timed(level["id"]) if timed else estimate_level_seconds(level, exercises)
            names = ", ".join(f"`{i}`" for i in level_exercise_ids(level, exercises))
            needs = (
                f" (needs `{'`, `'.join(level['requires'])}` open)" if level.get("requires") else ""
            )
            lines.append(
                f"| {number} | {level['name']} (`{level['id']}`){needs} | {level['goal']} "
                f"| {names} | {seconds / 60:.1f} |"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    # Run as a file, the script sees only its own folder; the game package sits at the root.
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
