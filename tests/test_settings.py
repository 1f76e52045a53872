"""The settings module and the README's « Settings » table declare the same variables with the same defaults,
and no module outside gpect_core/settings.py reads a GPECT_* variable itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gpect_core import settings

ROOT = Path(__file__).resolve().parent.parent


def _readme_rows() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for match in re.finditer(r"^\| `(GPECT_[A-Z_]+)` \| ([^|]+) \|", section, flags=re.M):
        rows[match.group(1)] = match.group(2).strip().strip("`")
    return rows


def test_readme_settings_table_matches_the_settings_module():
    declared = {s.name: s.default for s in settings.SETTINGS}
    assert _readme_rows() == declared


def test_no_module_reads_a_gpect_variable_itself():
    offenders = []
    for path in [*ROOT.glob("*.py"), *(p for d in ("gpect_core", "ui", "app_pages", "tests", "bench")
                                       for p in (ROOT / d).rglob("*.py"))]:
        if path.name in ("settings.py", "test_settings.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"os\.environ(\.get)?\s*[\[(]\s*[\"']GPECT_", text) or re.search(r"getenv\([\"']GPECT_", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_defaults_and_values(monkeypatch, tmp_path):
    monkeypatch.delenv("GPECT_PACK", raising=False)
    monkeypatch.chdir(tmp_path)
    assert settings.pack_path() == tmp_path / "data" / "demo"
    assert settings.db_url() == f"sqlite:///{tmp_path / 'var' / 'plan.sqlite'}"
    monkeypatch.setenv("GPECT_PACK", str(tmp_path / "autre"))
    assert settings.pack_path() == tmp_path / "autre"
    monkeypatch.setenv("GPECT_MAX_UPLOAD_MB", "1.5")
    assert settings.max_upload_bytes() == 1_500_000
    monkeypatch.setenv("GPECT_MAX_UPLOAD_MB", "beaucoup")
    assert settings.max_upload_bytes() == 200_000_000
    monkeypatch.setenv("GPECT_MAP_TILES", "OSM")
    assert settings.map_tiles() == "OpenStreetMap"
    with pytest.raises(KeyError):
        settings.raw("GPECT_PAKC")


def test_every_map_follows_the_tiles_setting(monkeypatch, demo_territory):
    import folium

    from gpect_core.maps import base_map, base_map_with_borders

    zones = demo_territory.zones_of("ZE2020")

    def tile_layers(fmap) -> int:
        return sum(isinstance(child, folium.TileLayer) for child in fmap._children.values())

    monkeypatch.delenv("GPECT_MAP_TILES", raising=False)
    assert tile_layers(base_map(zones)) == 0 and tile_layers(base_map_with_borders(zones, {})) == 0
    monkeypatch.setenv("GPECT_MAP_TILES", "osm")
    assert tile_layers(base_map(zones)) == 1 and tile_layers(base_map_with_borders(zones, {})) == 1
