"""The stillness meter's thresholds, read from ``thresholds.yaml`` beside this file.

They are data so that they can be tuned without touching the code; a bad
value is reported with its file, line, column and field, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import yaml

from game.content.errors import ContentError, Problem
from game.content.yamlsafe import parse_text

DEFAULT_PATH = Path(__file__).with_name("thresholds.yaml")

#: Each field's allowed range (inclusive) and whether it is a whole number.
_LIMITS: dict[str, tuple[float, float, bool]] = {
    "block": (1, 16, True),
    "calibration_frames": (2, 100, True),
    "noise_quantile": (0.0, 1.0, False),
    "noise_factor": (0.0, 20.0, False),
    "jolt_margin": (0.0, 100.0, False),
    "drift_margin": (0.0, 100.0, False),
    "out_of_view": (1.0, 500.0, False),
    "reference_frames": (1, 20, True),
    "merge_seconds": (0.0, 10.0, False),
    "steady_share": (0.0, 1.0, False),
    "wobbly_share": (0.0, 1.0, False),
    "min_frames": (1, 1000, True),
    "bar_seconds": (0.0, 10.0, False),
}


@dataclass(frozen=True, slots=True)
class Thresholds:
    block: int = 4
    calibration_frames: int = 8
    noise_quantile: float = 0.25
    noise_factor: float = 2.5
    jolt_margin: float = 2.0
    drift_margin: float = 5.0
    out_of_view: float = 45.0
    reference_frames: int = 3
    merge_seconds: float = 0.6
    steady_share: float = 0.85
    wobbly_share: float = 0.55
    min_frames: int = 10
    bar_seconds: float = 0.5


@cache
def load_thresholds(path: Path = DEFAULT_PATH) -> Thresholds:
    """Read and check the file; raise :class:`ContentError` naming every bad field."""
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError([Problem(display, 1, 1, f"cannot read: {exc.strerror}")]) from None
    return parse_thresholds(text, display)


def parse_thresholds(text: str, display: str) -> Thresholds:
    doc = parse_text(text, display)
    if doc.problems:
        raise ContentError(doc.problems)
    root = doc.root
    if not isinstance(root, yaml.MappingNode):
        raise ContentError([Problem(display, 1, 1, "expected a mapping of thresholds")])
    values: dict[str, float | int] = {}
    problems: list[Problem] = []
    for key, node in root.value:
        name = key.value
        at = (display, node.start_mark.line + 1, node.start_mark.column + 1)
        if name not in _LIMITS:
            problems.append(
                Problem(
                    display,
                    key.start_mark.line + 1,
                    key.start_mark.column + 1,
                    f"unknown field {name!r}",
                    "known fields: " + ", ".join(_LIMITS),
                )
            )
            continue
        lo, hi, whole = _LIMITS[name]
        value = _number(node, whole)
        if value is None or not lo <= value <= hi:
            kind = "a whole number" if whole else "a number"
            problems.append(Problem(*at, f"{name}: expected {kind} from {lo:g} to {hi:g}"))
            continue
        values[name] = value
    if not problems and values.get("wobbly_share", 0.55) > values.get("steady_share", 0.85):
        node = next(n for k, n in root.value if k.value in ("wobbly_share", "steady_share"))
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        problems.append(Problem(display, line, col, "wobbly_share is above steady_share"))
    if problems:
        raise ContentError(problems)
    made = Thresholds(**values)  # type: ignore[arg-type]
    assert set(values) <= {f.name for f in fields(Thresholds)}
    return made


def _number(node: yaml.Node, whole: bool) -> float | int | None:
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):
        return None
    try:
        return int(node.value) if whole else float(node.value)
    except ValueError:
        return None
