"""Exports: charts as PNG (2×) and SVG with their caption, tables as CSV (French Excel) and XLSX."""

from .caption import Caption
from .images import chart_png, chart_svg, export_spec
from .tables import neutralise, table_csv, table_xlsx

__all__ = ["Caption", "chart_png", "chart_svg", "export_spec", "neutralise", "table_csv", "table_xlsx"]
