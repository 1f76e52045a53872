"""« Passerelles »: career bridges from an occupation of the selection (logic in ui/passerelles.py)."""

from ui import passerelles

passerelles.render()
