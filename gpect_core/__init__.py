"""GPECT Atlas core: territory packs, readers, analytics, charts, maps and exports. Never imports streamlit."""

from .errors import GpectError, PackError, Problem, ValidationError
from .territory import Territory

__all__ = ["GpectError", "PackError", "Problem", "Territory", "ValidationError"]
