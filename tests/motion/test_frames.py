"""The frame comparison: blind to light and noise, sighted for a change of shape."""

from __future__ import annotations

import random

import pytest

from game.motion.frames import Frame, average, difference, prepare


def _scene(shift: int = 0, gain: float = 1.0, offset: int = 0) -> Frame:
    """A dark figure (a block) on a lighter wall, ``shift`` pixels to the right."""
    w, h = 160, 120
    out = bytearray()
    for y in range(h):
        for x in range(w):
            value = 60 if 50 + shift <= x < 90 + shift and 30 <= y < 100 else 150
            out.append(max(0, min(255, round(value * gain + offset))))
    return Frame(w, h, bytes(out))


def test_a_frame_must_have_one_byte_per_pixel() -> None:
    with pytest.raises(ValueError, match="needs 12 bytes"):
        Frame(4, 3, b"\x00" * 11)
    with pytest.raises(ValueError, match="positive"):
        Frame(0, 3, b"")


def test_shrinking_gives_the_block_grid() -> None:
    image = prepare(_scene(), 4)
    assert (image.width, image.height) == (40, 30)
    assert len(image.values) == 1200
    assert abs(sum(image.values)) < 1e-6  # normalised to zero mean


@pytest.mark.parametrize(("gain", "offset"), [(0.6, 0), (1.0, 40), (0.7, 25)])
def test_a_change_of_light_is_not_movement(gain: float, offset: int) -> None:
    still = difference(prepare(_scene(), 4), prepare(_scene(gain=gain, offset=offset), 4))
    moved = difference(prepare(_scene(), 4), prepare(_scene(shift=4), 4))
    assert still < 1.0
    assert moved > 10 * max(still, 0.5)


def test_the_blur_keeps_pixel_noise_small() -> None:
    rng = random.Random(3)
    clean = _scene()
    noisy = Frame(160, 120, bytes(max(0, min(255, p + rng.randint(-8, 8))) for p in clean.pixels))
    shrunk = difference(prepare(clean, 4), prepare(noisy, 4))
    moved = difference(prepare(clean, 4), prepare(_scene(shift=2), 4))
    assert shrunk < moved / 3
    # The same noise, compared pixel by pixel without shrinking, is several times larger.
    assert difference(prepare(clean, 1), prepare(noisy, 1)) > 3 * shrunk


def test_sizes_that_do_not_divide_are_cropped_and_tiny_frames_refused() -> None:
    odd = Frame(42, 31, bytes(range(42)) * 31)
    assert (prepare(odd, 4).width, prepare(odd, 4).height) == (10, 7)
    with pytest.raises(ValueError, match="too small"):
        prepare(Frame(8, 8, bytes(64)), 4)
    with pytest.raises(ValueError, match="different sizes"):
        difference(prepare(odd, 4), prepare(_scene(), 4))


def test_an_average_is_steadier_than_its_parts() -> None:
    a, b = prepare(_scene(), 4), prepare(_scene(shift=2), 4)
    mid = average([a, b])
    assert difference(mid, a) < difference(a, b)
