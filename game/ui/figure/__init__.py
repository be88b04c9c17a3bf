"""The guide figure: drawing the rig, its props and focus, and looking at it outside a level."""
