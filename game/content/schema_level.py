"""The schema of the stages file and of a stage's level file: stages, levels and their steps.

Each table maps the fields of a dataclass in ``game.content.model`` to the kind
that reads it. A step names its exercise, variant and override fields as
references, checked against the exercise files once every file is read.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import yaml

from game.content.kinds import (
    EXERCISE_REF,
    ID,
    INVALID,
    OPTIONAL_TEXT,
    REST,
    STAGE_REF,
    TEXT,
    Count,
    Ctx,
    EnumChoice,
    Flag,
)
from game.content.model import DoseOverride, Level, Stage, Step, Superset, Track, Variant
from game.content.records import ListOf, Record, child
from game.content.schema_exercise import DOSE

#: A step's override reads each field exactly as the dose it lays over does.
OVERRIDE = Record(
    DoseOverride,
    {f.name: DOSE.fields[f.name] for f in dataclasses.fields(DoseOverride)},
    what="a mapping of dose fields",
)


def _check_step(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    """Note the variant and override fields used, to check against the exercise later."""
    exercise: str = values["exercise"]
    variant: Variant = values.get("variant", Variant.STANDARD)
    if variant is not Variant.STANDARD:
        ctx.refer("variant", f"{exercise}.{variant.value}", child(node, "variant"))
    override: DoseOverride | None = values.get("override")
    override_node = child(node, "override")
    for name in OVERRIDE.fields if override is not None else ():
        if getattr(override, name) is not None:
            ctx.refer("override", f"{exercise}.{variant.value}.{name}", child(override_node, name))
    return True


STEP = Record(
    Step,
    {
        "exercise": EXERCISE_REF,
        "variant": EnumChoice(Variant, "variant"),
        "override": OVERRIDE,
        "rest_after": REST,
        "note": OPTIONAL_TEXT,
    },
    post=_check_step,
    what="a step mapping (exercise: ...)",
)

SUPERSET = Record(
    Superset,
    {"steps": ListOf(STEP, nonempty=True), "rounds": Count(), "rest_between_rounds": REST},
    what="a superset mapping",
)


@dataclass(frozen=True)
class _SupersetBlock:
    """The ``- superset: {...}`` wrapper a level's main list uses for a superset."""

    superset: Superset


_SUPERSET_BLOCK = Record(_SupersetBlock, {"superset": SUPERSET}, internal=())


@dataclass(frozen=True)
class _BlockKind:
    """An item of a level's ``main`` list: a step, or a mapping holding ``superset``."""

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if isinstance(node, yaml.MappingNode) and any(
            isinstance(key, yaml.ScalarNode) and key.value == "superset" for key, _ in node.value
        ):
            block = _SUPERSET_BLOCK.read(node, ctx)
            return INVALID if block is INVALID else block.superset
        return STEP.read(node, ctx)


LEVEL = Record(
    Level,
    {
        "id": ID,
        "name": TEXT,
        "goal": TEXT,
        "warmup": ListOf(STEP),
        "main": ListOf(_BlockKind(), nonempty=True),
        "cooldown": ListOf(STEP),
        "intro": OPTIONAL_TEXT,
        "safety": ListOf(TEXT),
        "requires": ListOf(STAGE_REF, unique=True),
    },
    internal=("file", "order", "stage"),
    defaults={"warmup": (), "cooldown": ()},
)

STAGE = Record(
    Stage,
    {
        "id": ID,
        "name": TEXT,
        "track": EnumChoice(Track, "track"),
        "trains": TEXT,
        "rule": TEXT,
        "description": TEXT,
        "requires": ListOf(STAGE_REF, unique=True),
        "allows_dynamic": Flag(),
        "mastery_days": Count(),
        "flare_up_days": Count(minimum=0),
    },
    internal=("file", "order"),
)
