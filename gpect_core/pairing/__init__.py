"""Firm-to-firm pairing for a Transitions collectives platform.

Two lists a platform keeps — firms with fragile jobs and firms hiring — are read from XLSX templates
(`templates.py`, `reader.py`), kept in the shared store with an append-only history (`model.py`, `store.py`),
and paired by a global min-cost assignment that respects every headcount (`solver.py`); each pair carries the
skills to acquire and the local training preparing its target (`gaps.py`). Firms are placed at their commune's
centroid, or their zone's when unknown (`geo.py`, which also says which basins are neighbours); the company
survey's needs and declared fragile jobs join the lists (`survey.py`). `export.py` writes the advisers'
workbook, `cli.py` the `pair` command, `maps.py` the folium map of the pairs.
"""
