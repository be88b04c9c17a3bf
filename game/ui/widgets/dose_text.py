"""A move's dose in a few words, the same on every screen: "2 x 25 s", "2 x 8 reps"."""

from __future__ import annotations

from game.content.model import DoseKind

__all__ = ["amount_words", "change_words", "dose_words"]


def amount_words(kind: DoseKind, amount: float) -> str:
    """The main count alone: "25 s" or "8 reps"."""
    if kind is DoseKind.REPS:
        n = round(amount)
        return f"{n} rep" if n == 1 else f"{n} reps"
    return f"{amount:g} s"


def dose_words(kind: DoseKind, sets: int, amount: float) -> str:
    """Sets and count; empty when the dose is unknown."""
    if amount <= 0:
        return ""
    main = amount_words(kind, amount)
    return f"{sets} x {main}" if sets > 1 else main


def change_words(kind: DoseKind, before: float, after: float) -> str:
    """ "20 s \u2192 25 s", or "stays at 20 s" when nothing moved."""
    if abs(after - before) < 1e-9:
        return f"stays at {amount_words(kind, after)}"
    return f"{amount_words(kind, before)} \u2192 {amount_words(kind, after)}"
