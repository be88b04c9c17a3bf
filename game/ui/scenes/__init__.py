"""Scenes: every screen the player meets, one module each, and how they chain."""
