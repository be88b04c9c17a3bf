"""The meter's thresholds are data: the shipped file loads, a bad one says where."""

from __future__ import annotations

import pytest

from game.content.errors import ContentError
from game.motion.thresholds import DEFAULT_PATH, Thresholds, load_thresholds, parse_thresholds


def test_the_shipped_file_loads_and_sets_every_field() -> None:
    loaded = load_thresholds(DEFAULT_PATH)
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    for name in Thresholds.__slots__:  # type: ignore[attr-defined]
        assert f"\n{name}:" in text, name
    assert loaded.steady_share > loaded.wobbly_share


def test_a_bad_value_names_file_line_column_and_field() -> None:
    text = "block: 4\nsteady_share: 1.5\nnoise_factor: lots\n"
    with pytest.raises(ContentError) as caught:
        parse_thresholds(text, "motion.yaml")
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        "motion.yaml:2:15: steady_share: expected a number from 0 to 1",
        "motion.yaml:3:15: noise_factor: expected a number from 0 to 20",
    ]


def test_an_unknown_field_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ContentError) as caught:
        parse_thresholds("blok: 4\n", "m.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (1, 1)
    assert "unknown field 'blok'" in problem.message and "block" in problem.hint


def test_quoted_numbers_and_crossed_shares_are_refused() -> None:
    with pytest.raises(ContentError, match="block: expected a whole number"):
        parse_thresholds('block: "4"\n', "m.yaml")
    with pytest.raises(ContentError, match="wobbly_share is above steady_share"):
        parse_thresholds("steady_share: 0.5\nwobbly_share: 0.7\n", "m.yaml")
    with pytest.raises(ContentError, match="mapping"):
        parse_thresholds("- 1\n", "m.yaml")
