"""« Formations et besoins »: training against the selection's needs (see ui/formations.py)."""

from ui import formations

formations.render()
