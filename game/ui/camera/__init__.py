"""The camera: reading it off the drawing path, the practice camera, and the stillness meter."""
