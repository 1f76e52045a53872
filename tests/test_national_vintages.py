"""The national pack built from ../shared/realdata holds every tension year and every training rentrée side by
side, with InserJeunes rates and constat enrolments filled; figures checked against the raw files read here with
pandas alone (never through gpect_core's readers)."""

from __future__ import annotations

import pandas as pd
import pytest

from gpect_core.territory import Territory

pytestmark = pytest.mark.realdata


def _csv(path, encoding="utf-8-sig") -> pd.DataFrame:
    return pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding=encoding)


def _dep(code: str) -> str:
    return code[1:] if len(code) == 3 and code.startswith("0") else code


def test_national_tension_holds_2019_2020_and_2021_from_their_own_files(national_pack, realdata):
    tension = Territory.load(national_pack, validate=False).tables["tension"]
    ft = tension[(tension["zoning"] == "BMO") & (tension["occupation_system"] == "ROME4")]
    raw = {2019: _csv(realdata / "tensions" / "tensions_rome_bassin_2019_ancien_format.csv", "cp1252"),
           2020: _csv(realdata / "tensions" / "tensions_rome_bassin_2020.csv"),
           2021: _csv(realdata / "tensions" / "tensions_rome_bassin_2021.csv")}
    assert ft.groupby("year").size().to_dict() == {year: len(frame) for year, frame in raw.items()}
    short = raw[2020][raw[2020]["cbassin"].str.len() == 3].iloc[0]  # a basin code cut to 3 digits
    row = ft[(ft["year"] == 2020) & (ft["zone_id"] == "0" + short["cbassin"]) & (ft["occupation_code"] == short["rome"])]
    assert row["tension_class"].tolist() == [int(short["ind_tension_d"])]
    spaced = raw[2019][raw[2019]["oee"].str.contains("\u00a0")].iloc[0]  # « 1 036 » offers, old layout
    row = ft[(ft["year"] == 2019) & (ft["zone_id"] == spaced["cbassin"]) & (ft["occupation_code"] == spaced["ROME"])]
    assert row["offers"].tolist() == [float(spaced["oee"].replace("\u00a0", ""))]
    assert row["hiring_intensity"].isna().all()


def test_national_report_has_the_tension_and_training_lines(national_build):
    _, report = national_build
    tension = next(line for line in report.lines if line.startswith("tensions : ") and "lignes —" in line)
    assert all(f"{year} (" in tension for year in (2019, 2020, 2021))
    training = next(line for line in report.lines if line.startswith("formations : ") and "lignes —" in line)
    assert "2021 : " in training and "2022 : " in training and "constat" in training
    assert any("InserJeunes" in line and "rattachés à" in line for line in report.lines)
    assert any("effectifs du constat de rentrée" in line for line in report.lines)


def test_national_training_holds_both_lycee_rentrees_with_rates_and_enrolments(national_pack, realdata):
    training = Territory.load(national_pack, validate=False).tables["training"]
    lycee = training[training["kind"] == "lycee"]
    assert {2021, 2022} <= set(lycee["year"])
    assert int(training["employment_rate"].notna().sum()) > 1000
    assert int(training["enrolled"].notna().sum()) > 10000
    assert training["employment_rate"].dropna().between(0, 1).all()

    folder = realdata / "formation"
    key = ["Etablissement d'accueil", "MEF STAT 11"]
    a21, a22 = (_csv(folder / f"attractivite_capacite_{y}.csv") for y in (2021, 2022))
    single = [a[~a.duplicated(key, keep=False) & a[key[0]].str.startswith("0")] for a in (a21, a22)]
    both = single[0].merge(single[1], on=key, suffixes=("_21", "_22"))
    both = both[both["Capacité carte scolaire_21"] != both["Capacité carte scolaire_22"]]
    constat = _csv(folder / "constat_rentree_2020.csv").rename(columns={"UAI": key[0], "Mef Bcp 11": key[1]})
    both = both.merge(constat[~constat.duplicated(key, keep=False)], on=key)
    mef_cfd = _csv(folder / "nMef.csv").drop_duplicates("MEF_STAT_11").set_index("MEF_STAT_11")["FORMATION_DIPLOME"]
    regions = _csv(folder / "departements_academies_regions.csv")
    dep_reg = dict(zip(regions["codeDepartement"].map(_dep), regions["codeRegion"], strict=True))
    ij = _csv(folder / "inserjeunes_ij_region_data.csv")
    ij = ij[ij["voie"] == "scolaire"].assign(cfd_of=lambda f: f["mefstat11"].map(mef_cfd))

    checked = None
    for _, offer in both.iterrows():
        reg = dep_reg.get(_dep(offer[key[0]][:3]))
        rows = ij[(ij["code_region"] == reg) & (ij["cfd_of"] == mef_cfd.get(offer[key[1]]))]
        published = rows[rows["taux_emploi_12_mois"] != ""]
        if published.empty:
            continue
        latest = rows[rows["millesime"] == published["millesime"].max()]
        if len(latest) == 1 and latest["taux_emploi_12_mois"].iloc[0] != "":
            checked = offer, latest.iloc[0]
            break
    assert checked is not None
    offer, rates = checked
    rows = training[(training["provider"] == offer[key[0]]) & (training["mef_stat_11"] == offer[key[1]])]
    by_year = rows.set_index("year")
    assert by_year.loc[2021, "capacity"] == int(offer["Capacité carte scolaire_21"])
    assert by_year.loc[2022, "capacity"] == int(offer["Capacité carte scolaire_22"])
    assert by_year.loc[2021, "demand"] == int(offer["Demandes vœux 1_21"])
    assert by_year.loc[2020, "enrolled"] == int(offer["Nombre d'élèves : Total"])
    assert by_year.loc[2020, "kind"] == "constat" and pd.isna(by_year.loc[2020, "capacity"])
    for year in (2021, 2022):
        assert by_year.loc[year, "employment_rate"] == pytest.approx(int(rates["taux_emploi_12_mois"]) / 100)
        assert by_year.loc[year, "insertion_cohort"] == rates["millesime"]


@pytest.mark.parametrize(("relative", "key", "frame", "rows", "years"), [
    ("tensions/tensions_rome_bassin_2019_ancien_format.csv", "ft_tension", "tension", 2088, [2019]),
    ("tensions/tensions_rome_bassin_2020.csv", "ft_tension", "tension", 27053, [2020]),
    ("formation/attractivite_capacite_2021.csv", "lycee_capacity", "training_raw", None, [2021]),
    ("formation/BTS_attractivite_capacite_2023.csv", "bts_capacity", "training_raw", None, [2023]),
    ("formation/constat_rentree_2020.csv", "enrolment", "enrolment", None, [2020]),
    ("formation/inserjeunes_ij_region_data.csv", "inserjeunes", "insertion", 40322, None),
])
def test_new_real_files_are_read_at_their_own_year(realdata, relative, key, frame, rows, years):
    from gpect_core.readers import read_path

    parsed = next(p for p in read_path(realdata / relative) if p.report.format_key)
    assert parsed.report.format_key == key and not parsed.missing_vintage
    data = parsed.data[frame]
    if rows is not None:
        assert len(data) == rows and parsed.report.rows_rejected == 0
    if years is not None:
        assert sorted(data["year"].unique()) == years
