"""One camera frame, and the small, blurred, normalised image it is compared as.

A webcam image flickers with sensor noise and drifts with the light (clouds,
auto-exposure). Comparing raw pixels would call both "movement", so each frame
is first shrunk by block averaging (which is itself a blur), smoothed once
more with a 1-2-1 kernel, and then normalised to zero mean and a fixed
contrast: a uniform brightening or a change of exposure gain leaves the
normalised image unchanged, and only a change of shape is left to measure.

The work is done with slicing and ``map`` over C-level operators, so a
160x120 frame costs a fraction of a millisecond in plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import add, sub

#: The normalised image's mean absolute deviation: differences read as percent of contrast.
CONTRAST = 100.0
#: Below this spread (a black or blank frame) the image is not stretched further.
MIN_SPREAD = 2.0


@dataclass(frozen=True, slots=True)
class Frame:
    """A grayscale image, one byte per pixel, rows top to bottom."""

    width: int
    height: int
    pixels: bytes

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"frame size must be positive, got {self.width}x{self.height}")
        if len(self.pixels) != self.width * self.height:
            raise ValueError(
                f"a {self.width}x{self.height} frame needs {self.width * self.height} bytes,"
                f" got {len(self.pixels)}"
            )


@dataclass(frozen=True, slots=True)
class Prepared:
    """The shrunk, blurred, normalised image.

    ``mean`` is the frame's brightness and ``spread`` its contrast (mean
    absolute deviation), both in gray levels: the meter scales its noise
    floor by the contrast, since the same sensor noise is a larger share of a
    dimmer picture.
    """

    width: int
    height: int
    values: tuple[float, ...]
    mean: float
    spread: float = CONTRAST


def prepare(frame: Frame, block: int) -> Prepared:
    """Shrink ``frame`` by ``block`` in each direction, blur and normalise it."""
    if block < 1:
        raise ValueError("block must be at least 1")
    w, h = frame.width // block, frame.height // block
    if w < 3 or h < 3:
        raise ValueError(f"a {frame.width}x{frame.height} frame is too small for block {block}")
    pixels = _cropped(frame, w * block, h * block)
    rows = list(pixels) if block == 1 else _block_sums(pixels, w, h, block)
    blurred = _blur(rows, w, h)
    n = len(blurred)
    mean = sum(blurred) / n
    centred = list(map((-mean).__add__, blurred))
    spread = sum(map(abs, centred)) / n
    scale = block * block * 16  # the block sum and the 1-2-1 kernel's weight
    gain = CONTRAST / max(spread, MIN_SPREAD * scale)
    return Prepared(w, h, tuple(map(gain.__mul__, centred)), mean / scale, spread / scale)


def difference(a: Prepared, b: Prepared) -> float:
    """Mean absolute difference of two prepared images of the same size."""
    if a.width != b.width or a.height != b.height:
        raise ValueError("frames of different sizes cannot be compared")
    return float(sum(map(abs, map(sub, a.values, b.values)))) / len(a.values)


def average(images: list[Prepared]) -> Prepared:
    """The pixel-wise mean of a few images, as a steadier reference than any one."""
    if not images:
        raise ValueError("nothing to average")
    first = images[0]
    sums = reduce(lambda acc, im: list(map(add, acc, im.values)), images[1:], list(first.values))
    k = len(images)
    mean = sum(im.mean for im in images) / k
    spread = sum(im.spread for im in images) / k
    return Prepared(first.width, first.height, tuple(v / k for v in sums), mean, spread)


def _block_sums(pixels: bytes, w: int, h: int, block: int) -> list[int]:
    """Each block x block square summed: columns first (strided slices), then rows."""
    across = _summed([pixels[i::block] for i in range(block)])
    rows: list[int] = []
    for y in range(h):
        base = y * block * w
        rows.extend(_summed([across[base + j * w : base + (j + 1) * w] for j in range(block)]))
    return rows


def _summed(parts: list[bytes] | list[list[int]]) -> list[int]:
    total = list(parts[0])
    for part in parts[1:]:
        total = list(map(add, total, part))
    return total


def _cropped(frame: Frame, w: int, h: int) -> bytes:
    if w == frame.width and h == frame.height:
        return frame.pixels
    rows = (frame.pixels[y * frame.width : y * frame.width + w] for y in range(h))
    return b"".join(rows)


def _blur(s: list[int], w: int, h: int) -> list[int]:
    """A 1-2-1 blur across and then down, edges repeated."""
    across: list[int] = []
    for y in range(h):
        row = s[y * w : (y + 1) * w]
        left = row[:1] + row[:-1]
        right = row[1:] + row[-1:]
        across.extend(map(add, map(add, left, right), map(add, row, row)))
    up = across[:w] + across[:-w]
    down = across[w:] + across[-w:]
    return list(map(add, map(add, up, down), map(add, across, across)))
