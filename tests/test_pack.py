"""The territory pack: round trip, atomic save, and French errors for broken packs."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from gpect_core import PackError, Territory, ValidationError

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_round_trip_keeps_every_table_and_the_provenance(tmp_path):
    demo_territory = Territory.load(DEMO)
    path = demo_territory.save(tmp_path / "copy", keep_previous=False)
    again = Territory.load(path)
    assert again.name == demo_territory.name and again.fictional
    assert set(again.tables) == set(demo_territory.tables)
    for name, df in demo_territory.tables.items():
        pd.testing.assert_frame_equal(again.tables[name].reset_index(drop=True), df.reset_index(drop=True),
                                      check_like=False)
    assert again.zones.geom_equals(demo_territory.zones.sort_values(["zoning", "zone_id"]).reset_index(drop=True)
                                   .geometry).all()
    assert again.provenance["occupations"].producer == "France Travail"
    assert again.zones["zone_id"].map(type).eq(str).all()


def test_public_api_shapes(demo_territory):
    t = demo_territory
    assert {"zoning", "zone_id", "name", "geometry"} <= set(t.zones.columns)
    assert {"zoning", "zone_id", "occupation_system", "occupation_code", "year", "projects", "difficult",
            "seasonal"} <= set(t.tables["recruitment"].columns)
    assert {"tension", "occupations", "context", "training", "needs"} <= set(t.tables)


def test_a_failed_save_leaves_the_previous_pack_intact(demo_pack_copy, monkeypatch):
    before = _tree_digest(demo_pack_copy)
    territory = Territory.load(demo_pack_copy)
    territory.tables["recruitment"] = territory.tables["recruitment"].iloc[:10]
    original = pd.DataFrame.to_parquet
    calls = {"n": 0}

    def failing_to_parquet(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disque plein (simulé)")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing_to_parquet)
    with pytest.raises(OSError):
        territory.save(demo_pack_copy)
    assert _tree_digest(demo_pack_copy) == before
    leftovers = [p.name for p in demo_pack_copy.parent.iterdir() if p.name.startswith(".pack.tmp")]
    assert leftovers == []


def test_a_successful_save_keeps_the_previous_version(demo_pack_copy):
    before = _tree_digest(demo_pack_copy)
    territory = Territory.load(demo_pack_copy)
    territory.name = "Nouveau nom"
    territory.save(demo_pack_copy)
    assert Territory.load(demo_pack_copy).name == "Nouveau nom"
    assert _tree_digest(demo_pack_copy.with_name("pack.previous")) == before


def test_an_invalid_table_is_refused_before_anything_is_written(demo_pack_copy):
    before = _tree_digest(demo_pack_copy)
    territory = Territory.load(demo_pack_copy)
    rec = territory.tables["recruitment"].copy()
    rec.loc[0, "difficult"] = int(rec.loc[0, "projects"]) + 5
    territory.tables["recruitment"] = rec
    with pytest.raises(ValidationError) as info:
        territory.save(demo_pack_copy)
    assert "recrutement, ligne 1, colonne `difficult`" in info.value.report()
    assert _tree_digest(demo_pack_copy) == before


def test_loading_a_folder_that_is_not_a_pack(tmp_path):
    with pytest.raises(PackError) as info:
        Territory.load(tmp_path)
    assert "manifest.json est absent" in info.value.message


def test_loading_a_pack_with_a_corrupt_table_names_the_file(demo_pack_copy):
    (demo_pack_copy / "tension.parquet").write_bytes(b"not parquet")
    with pytest.raises(PackError) as info:
        Territory.load(demo_pack_copy)
    assert any("tension.parquet : fichier illisible" in p.message for p in info.value.problems)


def test_loading_a_pack_whose_rows_name_an_unknown_zone(demo_pack_copy):
    territory = Territory.load(demo_pack_copy)
    rec = territory.tables["recruitment"].copy()
    rec.loc[3, "zone_id"] = "0000"
    rec.to_parquet(demo_pack_copy / "recruitment.parquet", index=False)
    with pytest.raises(ValidationError) as info:
        Territory.load(demo_pack_copy)
    assert any("recrutement, ligne 4, colonne `zone_id` : la zone « 0000 »" in p.message for p in info.value.problems)


def test_unknown_pack_format(demo_pack_copy):
    manifest = json.loads((demo_pack_copy / "manifest.json").read_text())
    manifest["format"] = 99
    (demo_pack_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(PackError) as info:
        Territory.load(demo_pack_copy)
    assert "format de pack 99 inconnu" in info.value.message
