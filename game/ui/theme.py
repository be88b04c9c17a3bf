"""Colours, fonts and cached text: how every screen looks.

Text is rendered once per (text, size, colour) and kept in a bounded cache, so
a screen that redraws each frame does not pay for font rendering each frame.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pygame

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    bg_top: Color
    bg_bottom: Color
    panel: Color
    panel_edge: Color
    text: Color
    text_dim: Color
    accent: Color  # warm highlight: focus, XP, titles
    accent_text: Color  # text drawn on the accent colour
    inhale: Color  # breath in: cool teal
    exhale: Color  # breath out: warm violet
    good: Color
    warn: Color
    danger: Color
    locked: Color
    figure: Color
    figure_far: Color
    floor: Color
    mat: Color
    glow: Color


PALETTES: Mapping[str, Palette] = MappingProxyType(
    {
        "normal": Palette(
            bg_top=(18, 32, 52),
            bg_bottom=(10, 16, 28),
            panel=(28, 44, 68),
            panel_edge=(60, 86, 120),
            text=(236, 240, 246),
            text_dim=(160, 176, 198),
            accent=(255, 184, 77),
            accent_text=(30, 24, 10),
            inhale=(72, 200, 210),
            exhale=(176, 132, 240),
            good=(110, 214, 140),
            warn=(255, 200, 90),
            danger=(240, 96, 96),
            locked=(90, 102, 120),
            figure=(240, 226, 205),
            figure_far=(168, 150, 132),
            floor=(40, 56, 78),
            mat=(64, 120, 130),
            glow=(255, 120, 80),
        ),
        "high_contrast": Palette(
            bg_top=(0, 0, 0),
            bg_bottom=(0, 0, 0),
            panel=(16, 16, 16),
            panel_edge=(255, 255, 255),
            text=(255, 255, 255),
            text_dim=(230, 230, 230),
            accent=(255, 230, 0),
            accent_text=(0, 0, 0),
            inhale=(0, 230, 255),
            exhale=(255, 110, 255),
            good=(0, 255, 120),
            warn=(255, 230, 0),
            danger=(255, 80, 80),
            locked=(150, 150, 150),
            figure=(255, 255, 255),
            figure_far=(170, 170, 170),
            floor=(80, 80, 80),
            mat=(0, 140, 160),
            glow=(255, 140, 0),
        ),
    }
)

#: Font sizes by role, in logical pixels at "normal" text size.
SIZES: Mapping[str, int] = MappingProxyType(
    {"small": 18, "body": 22, "label": 26, "heading": 36, "title": 72, "huge": 110}
)
TEXT_SCALES: Mapping[str, float] = MappingProxyType({"normal": 1.0, "large": 1.25})


#: What the font renderer must never see: control characters and lone surrogates.
_UNDRAWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_SPACES = {"\t": " ", "\n": " ", "\r": " ", "\u2028": " ", "\u2029": " "}


def printable(text: str) -> str:
    """``text`` safe to draw: breaks become spaces, other control characters a replacement mark.

    The renderer raises on a NUL and on surrogates, and draws boxes for the
    rest; names and notices can come from a hand-edited save, so every text
    drawn or measured through the theme's fonts passes here first.
    """
    if _UNDRAWABLE.search(text) is None:
        return text
    return _UNDRAWABLE.sub(lambda m: _SPACES.get(m.group(), "\ufffd"), text)


class SafeFont(pygame.font.Font):
    """A font that draws and measures only :func:`printable` text."""

    def render(self, text: str | bytes | None, *args: Any, **kwargs: Any) -> pygame.Surface:
        if isinstance(text, str):
            text = printable(text)
        return super().render(text, *args, **kwargs)

    def size(self, text: str | bytes, /) -> tuple[int, int]:
        if isinstance(text, str):
            text = printable(text)
        return super().size(text)


class Theme:
    """Palette plus fonts plus a cache of rendered text."""

    def __init__(
        self,
        fonts_dir: Path | None,
        palette: str = "normal",
        text_size: str = "normal",
        cache_size: int = 512,
    ) -> None:
        self.fonts_dir = fonts_dir
        self.palette_name = palette
        self.text_size = text_size
        self.c = PALETTES.get(palette, PALETTES["normal"])
        self._scale = TEXT_SCALES.get(text_size, 1.0)
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._text: OrderedDict[tuple[str, int, bool, Color], pygame.Surface] = OrderedDict()
        self._cache_size = cache_size
        self._bg: dict[tuple[int, int], pygame.Surface] = {}

    def configure(self, *, palette: str | None = None, text_size: str | None = None) -> None:
        """Switch palette or text size; cached text is thrown away."""
        if palette is not None and palette in PALETTES:
            self.palette_name = palette
            self.c = PALETTES[palette]
        if text_size is not None and text_size in TEXT_SCALES:
            self.text_size = text_size
            self._scale = TEXT_SCALES[text_size]
            self._fonts.clear()
        self._text.clear()
        self._bg.clear()

    def px(self, role: str) -> int:
        return round(SIZES[role] * self._scale)

    def font(self, role: str, bold: bool = False) -> pygame.font.Font:
        size = self.px(role)
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = self._load_font(size, bold)
            self._fonts[key] = font
        return font

    def _load_font(self, size: int, bold: bool) -> pygame.font.Font:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        if self.fonts_dir is not None and (self.fonts_dir / name).is_file():
            return SafeFont(str(self.fonts_dir / name), size)
        return SafeFont(None, round(size * 1.3))

    def text(
        self, text: str, role: str = "body", color: Color | None = None, bold: bool = False
    ) -> pygame.Surface:
        """Rendered text, cached."""
        col = color if color is not None else self.c.text
        key = (text, self.px(role), bold, col)
        surf = self._text.get(key)
        if surf is not None:
            self._text.move_to_end(key)
            return surf
        surf = self.font(role, bold).render(text, True, col)
        self._text[key] = surf
        if len(self._text) > self._cache_size:
            self._text.popitem(last=False)
        return surf

    def wrap(self, text: str, width: int, role: str = "body", bold: bool = False) -> list[str]:
        """Split text into lines that fit ``width`` pixels."""
        font = self.font(role, bold)
        lines: list[str] = []
        for para in text.split("\n"):
            line = ""
            for word in para.split():
                trial = f"{line} {word}".strip()
                if line and font.size(trial)[0] > width:
                    lines.append(line)
                    line = word
                else:
                    line = trial
                while font.size(line)[0] > width and len(line) > 1:
                    # One word wider than the box (a file path): break it, after a '/' if one fits.
                    head = _longest_fitting(font, line, width)
                    lines.append(head)
                    line = line[len(head) :]
            lines.append(line)
        return lines

    def background(self, size: tuple[int, int]) -> pygame.Surface:
        """A vertical gradient, built once per size."""
        bg = self._bg.get(size)
        if bg is None:
            bg = pygame.Surface(size)
            fill_gradient(bg, self.c.bg_top, self.c.bg_bottom)
            bg = bg.convert() if pygame.display.get_surface() is not None else bg
            self._bg[size] = bg
        return bg


def _longest_fitting(font: pygame.font.Font, word: str, width: int) -> str:
    """The longest start of ``word`` that fits ``width``, ending after a '/' when one does."""
    end = 1
    while end < len(word) and font.size(word[: end + 1])[0] <= width:
        end += 1
    slash = word.rfind("/", 0, end)
    return word[: slash + 1] if slash > 0 else word[:end]


def fill_gradient(
    surface: pygame.Surface, top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> None:
    """The theme's vertical gradient, filled in bands of one colour.

    The colours are the theme's (one per row, rounded the same way); filling
    each run of equal rows at once costs a fraction of drawing every row.
    """
    w, h = surface.get_size()
    last = max(1, h - 1)
    start = 0
    current = top
    for y in range(h + 1):
        if y < h:
            t = y / last
            colour = (
                round(top[0] + (bottom[0] - top[0]) * t),
                round(top[1] + (bottom[1] - top[1]) * t),
                round(top[2] + (bottom[2] - top[2]) * t),
            )
            if colour == current:
                continue
        surface.fill(current, (0, start, w, y - start))
        if y < h:
            start, current = y, colour
