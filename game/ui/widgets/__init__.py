"""Widgets: text, menus, buttons, charts and icons that screens are built from."""
