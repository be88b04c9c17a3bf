"""Spine Quest: a daily exercise game for the deep muscles of the back."""

__version__ = "0.1.0"
