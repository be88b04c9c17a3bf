"""Checks that need every file at once: ids, references and unlock rules.

Each file is read on its own first (``game.content.files``); this module then
looks across them: duplicate ids, references to exercises or stages that do
not exist, variants a step asks for that its exercise lacks, overrides that do
not fit an exercise's dose, dynamic moves in a stage that forbids them, and
cycles in the unlock rules (which would leave a stage locked for ever).
Reference checks are a table keyed by the reference's category.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from game.content.errors import Problem
from game.content.files import Definition, FileResult
from game.content.kinds import Ref, suggest
from game.content.model import Dose, DoseKind, Exercise, Level, Stage, Variant, VariantSpec
from game.content.schema_exercise import KIND_FIELDS


@dataclass
class World:
    """What every file together defines, for the reference checks."""

    known: dict[str, set[str]] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    stages: dict[str, Stage] = field(default_factory=dict)
    levels: list[Level] = field(default_factory=list)

    @classmethod
    def of(cls, files: Iterable[FileResult]) -> World:
        world = cls()
        for result in files:
            for definition in result.defines:
                world.known.setdefault(definition.category, set()).add(definition.value)
            for model in result.models:
                if isinstance(model, Exercise):
                    world.exercises.setdefault(model.id, model)
                elif isinstance(model, Stage):
                    world.stages.setdefault(model.id, model)
                elif isinstance(model, Level):
                    world.levels.append(model)
        return world


def _at(ref: Ref, message: str, hint: str = "") -> Problem:
    return Problem(ref.path, ref.line, ref.column, message, hint)


def _dynamic_problem(ref: Ref, world: World, exercise_id: str) -> Problem | None:
    stage = world.stages.get(ref.context)
    exercise = world.exercises.get(exercise_id)
    if stage is None or exercise is None or stage.allows_dynamic or not exercise.dynamic:
        return None
    return _at(
        ref,
        f"'{exercise_id}' is a dynamic exercise, which stage '{stage.id}' does not allow",
        "big dynamic moves come after the stabilization stage; pick a still exercise",
    )


def _check_id(category: str) -> Callable[[Ref, World], Problem | None]:
    def check(ref: Ref, world: World) -> Problem | None:
        known = world.known.get(category, set())
        if ref.value not in known:
            return _at(ref, f"unknown {category} '{ref.value}'", suggest(ref.value, sorted(known)))
        return _dynamic_problem(ref, world, ref.value) if category == "exercise" else None

    return check


def _check_variant(ref: Ref, world: World) -> Problem | None:
    exercise_id, variant = ref.value.rsplit(".", 1)
    if exercise_id not in world.known.get("exercise", set()):
        return None  # already reported as an unknown exercise
    if ref.value not in world.known.get("variant", set()):
        return _at(
            ref,
            f"exercise '{exercise_id}' has no {variant} variant",
            "use variant: standard, or add the variant to the exercise",
        )
    spec = getattr(world.exercises.get(exercise_id), variant, None)
    played = getattr(spec, "exercise", None)
    return _dynamic_problem(ref, world, played) if played else None


def _played_dose(exercise: Exercise, variant: str, world: World) -> Dose | None:
    if variant == Variant.STANDARD.value:
        return exercise.dose
    spec: VariantSpec | None = getattr(exercise, variant)
    if spec is None:
        return None
    if spec.dose is not None:
        return spec.dose
    other = world.exercises.get(spec.exercise) if spec.exercise else exercise
    return other.dose if other is not None else None


def _check_override(ref: Ref, world: World) -> Problem | None:
    exercise_id, variant, name = ref.value.rsplit(".", 2)
    exercise = world.exercises.get(exercise_id)
    dose = _played_dose(exercise, variant, world) if exercise is not None else None
    if dose is None:
        return None
    for kind, names in KIND_FIELDS.items():
        if name in names and kind is not dose.kind:
            return _at(
                ref,
                f"'{name}' does not apply to '{exercise_id}', whose dose is {dose.kind.value}",
                "override only the counts that dose uses",
            )
    if dose.kind is DoseKind.HOLD and getattr(dose, name, 0) is None:
        used = "hold_seconds" if dose.hold_seconds is not None else "hold_breaths"
        return _at(ref, f"'{exercise_id}' counts its hold with {used}", f"override {used}")
    return None


#: How each category of reference is checked.
REF_CHECKS: Mapping[str, Callable[[Ref, World], Problem | None]] = MappingProxyType(
    {
        "exercise": _check_id("exercise"),
        "stage": _check_id("stage"),
        "variant": _check_variant,
        "override": _check_override,
    }
)

#: Messages for a second definition of the same id, where the default does not fit.
_DUPLICATE: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"stage_levels": ("the levels of stage '{value}' are already in {first}", "one file a stage")}
)
_DEFAULT_DUPLICATE = ("{category} id '{value}' is already defined at {first}", "ids must be unique")
#: Definitions that are not ids of their own (a variant repeats only when its exercise does).
_NOT_IDS = frozenset({"variant"})


def _duplicates(definitions: Iterable[Definition]) -> list[Problem]:
    first: dict[tuple[str, str], Definition] = {}
    problems: list[Problem] = []
    for d in definitions:
        key = (d.category, d.value)
        if d.category in _NOT_IDS:
            continue
        if key not in first:
            first[key] = d
            continue
        was = first[key]
        message, hint = _DUPLICATE.get(d.category, _DEFAULT_DUPLICATE)
        first_at = f"{was.path}:{was.line}"
        text = message.format(category=d.category, value=d.value, first=first_at)
        problems.append(Problem(d.path, d.line, d.column, text, hint))
    return problems


def _unlock_edges(world: World) -> dict[str, list[str]]:
    """Stage -> stages that must open first, from stage rules and level rules."""
    edges: dict[str, list[str]] = {sid: list(stage.requires) for sid, stage in world.stages.items()}
    for level in world.levels:
        edges.setdefault(level.stage, [])
        edges[level.stage].extend(r for r in level.requires if r != level.stage)
    return edges


def _cycles(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """One cycle per back edge of an iterative depth-first walk (no recursion)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in state:
            continue
        state[root] = 1
        path = [root]
        stack: list[Iterator[str]] = [iter(edges.get(root, ()))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                state[path.pop()] = 2
            elif state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(edges.get(nxt, ())))
    return found


def crosscheck(files: list[FileResult], check_refs: bool = True) -> list[Problem]:
    """Problems found by looking across ``files``; references only when ``check_refs``."""
    problems = _duplicates(d for result in files for d in result.defines)
    world = World.of(files)
    if check_refs:
        for result in files:
            for ref in result.refs:
                problem = REF_CHECKS[ref.category](ref, world)
                if problem is not None:
                    problems.append(problem)
    places = {d.value: d for r in files for d in r.defines if d.category == "stage"}
    for cycle in _cycles(_unlock_edges(world)):
        where = next((places[s] for s in cycle if s in places), None)
        fallback = (files[0].path if files else "", 1, 1)
        path, line, column = (where.path, where.line, where.column) if where else fallback
        problems.append(
            Problem(
                path,
                line,
                column,
                f"unlock rules form a cycle: {' -> '.join(cycle)}",
                "remove one of these 'requires' so the first stage can open",
            )
        )
    return problems
