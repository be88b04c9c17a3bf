"""The schema of the badges file: a badge and the condition that earns it.

A condition names a metric from ``game.content.vocabulary.BADGE_METRICS``; the
scope keys a metric accepts are listed in its description, so the table of
metrics is the one place that says both.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import yaml

from game.content.kinds import ID, SECONDS, TEXT, Choice, Ctx
from game.content.model import Badge, BadgeCondition
from game.content.records import MapOf, Record, child
from game.content.vocabulary import BADGE_METRICS


def scope_keys(metric: str) -> tuple[str, ...]:
    """The scope keys a metric accepts, listed after the colon in its description."""
    description = BADGE_METRICS.get(metric, "")
    if ": " not in description:
        return ()
    return tuple(key.strip() for key in description.rsplit(": ", 1)[1].split(","))


#: Scope keys whose value names an id of this category.
_SCOPE_REFS: Mapping[str, str] = MappingProxyType({"stage": "stage"})


def _check_condition(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    ok = True
    allowed = scope_keys(values["metric"])
    scope_node = child(node, "scope")
    for key, value in scope_node.value if scope_node is not node else ():
        if key.value not in allowed:
            takes = f"it takes: {', '.join(allowed)}" if allowed else "it takes no scope"
            ctx.report(key, f"metric '{values['metric']}' has no scope '{key.value}'", takes)
            ok = False
        elif key.value in _SCOPE_REFS:
            ctx.refer(_SCOPE_REFS[key.value], value.value, value)
    return ok


CONDITION = Record(
    BadgeCondition,
    {
        "metric": Choice(tuple(BADGE_METRICS), "badge metric"),
        "at_least": SECONDS,
        "scope": MapOf(ID, ID),
    },
    post=_check_condition,
    what="a condition mapping (metric, at_least)",
)

BADGE = Record(
    Badge,
    {"id": ID, "name": TEXT, "description": TEXT, "icon": ID, "condition": CONDITION},
    internal=("file",),
)
