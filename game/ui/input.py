"""The one place that turns raw pygame events into game actions.

Scenes never look at pygame events: they receive :class:`Action` values, so
the keyboard, the mouse and tests all drive the game the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pygame


class Act(enum.Enum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CONFIRM = "confirm"  # Enter / keypad Enter
    BACK = "back"  # Esc
    PAUSE = "pause"  # Space (during play: pause; in menus: same as confirm)
    NEXT = "next"  # Tab
    PREV = "prev"  # Shift+Tab
    FULLSCREEN = "fullscreen"  # F11
    CLOSE = "close"  # the window's close button
    CAMERA = "camera"  # C, in the preview
    CLICK = "click"  # left mouse button released at pos
    POINT = "point"  # mouse moved to pos
    SCROLL = "scroll"  # wheel; amount in ``value``
    TEXT = "text"  # typed text in ``text``
    ERASE = "erase"  # Backspace
    SHORTCUT = "shortcut"  # a letter or digit in ``text``, for menu accelerators


@dataclass(frozen=True)
class Action:
    kind: Act
    pos: tuple[int, int] = (0, 0)
    text: str = ""
    value: int = 0


KEYMAP: Mapping[int, Act] = MappingProxyType(
    {
        pygame.K_UP: Act.UP,
        pygame.K_DOWN: Act.DOWN,
        pygame.K_LEFT: Act.LEFT,
        pygame.K_RIGHT: Act.RIGHT,
        pygame.K_RETURN: Act.CONFIRM,
        pygame.K_KP_ENTER: Act.CONFIRM,
        pygame.K_ESCAPE: Act.BACK,
        pygame.K_SPACE: Act.PAUSE,
        pygame.K_F11: Act.FULLSCREEN,
        pygame.K_c: Act.CAMERA,
        pygame.K_BACKSPACE: Act.ERASE,
    }
)


def translate(event: pygame.event.Event, *, text_mode: bool = False) -> Action | None:
    """Map one pygame event to an action, or None if the game ignores it.

    In ``text_mode`` (a name field has focus) letters become TEXT actions and
    only the navigation keys keep their meaning.
    """
    if event.type == pygame.QUIT:
        return Action(Act.CLOSE)
    if event.type == pygame.KEYDOWN:
        if event.key == pygame.K_TAB:
            return Action(Act.PREV if event.mod & pygame.KMOD_SHIFT else Act.NEXT)
        if text_mode and event.key not in _TEXT_MODE_KEYS:
            return None  # the matching TEXTINPUT event carries the character
        kind = KEYMAP.get(event.key)
        if kind is not None:
            return Action(kind)
        name = pygame.key.name(event.key)
        if len(name) == 1 and name.isalnum():
            return Action(Act.SHORTCUT, text=name)
        return None
    if event.type == pygame.TEXTINPUT and text_mode:
        return Action(Act.TEXT, text=event.text)
    if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
        return Action(Act.CLICK, pos=_pos(event.pos))
    if event.type == pygame.MOUSEMOTION:
        return Action(Act.POINT, pos=_pos(event.pos))
    if event.type == pygame.MOUSEWHEEL:
        return Action(Act.SCROLL, value=int(event.y))
    return None


_TEXT_MODE_KEYS = frozenset(
    {
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_RETURN,
        pygame.K_KP_ENTER,
        pygame.K_ESCAPE,
        pygame.K_BACKSPACE,
        pygame.K_F11,
    }
)


def _pos(pos: Iterable[float]) -> tuple[int, int]:
    x, y = pos
    return int(x), int(y)
