"""Occupation nomenclatures: ROME 4.0 (France Travail: fiches, domains, mobilities, skills, items,
appellations) and FAP (DARES: FAP 2021, FAP 2009 – ROME crosswalks, with or without header).

Frames: `occupations` (system, code, label, family, parent: str; transition_*: boolean), `occupation_links`
(from_system, from_code, to_system, to_code, kind, source: str), `skill_links`, `skill_labels`, `skill_items`,
`rome_domains`, `occupation_titles`.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .base import FileReport, col, text_of
from .sniff import RawTable, normalise_codes

# The third character is Z (FAP 2009) or X (FAP 2021), except in the families split by level of qualification,
# the same in both: G0A/G0B (hôtellerie-restauration) and T2A/T2B (aides à domicile, assistantes maternelles).
FAP2009_CODE = r"[A-Z]\d[ZAB]\d\d"
FAP2021_CODE = r"[A-Z]\d[XAB]\d\d[a-z]?"


def _flag(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip().str.upper()
    return text.map({"O": True, "OUI": True, "N": False, "NON": False, "1": True, "0": False}).astype("boolean")


def read_rome_fiches(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """ROME 4.0 fiches → `occupations` (system ROME4, code, label, family letter, transitions)."""
    f = raw.frame
    eco = text_of(raw, col(raw, "transition_eco"))
    out = pd.DataFrame({
        "system": "ROME4",
        "code": normalise_codes(f[col(raw, "code_rome")]),
        "label": text_of(raw, col(raw, "libelle_rome")),
        "family": normalise_codes(f[col(raw, "code_rome")]).str[0],
        "parent": text_of(raw, col(raw, "code_rome_parent")),
        "transition_eco": pd.Series(np.where(eco == "", None, eco.str.contains("Vert|stratégique", regex=True)),
                                    index=f.index).astype("boolean"),
        "transition_num": _flag(text_of(raw, col(raw, "transition_num"))),
        "transition_demo": _flag(text_of(raw, col(raw, "transition_demo"))),
    })
    return {"occupations": out.drop_duplicates("code").reset_index(drop=True)}


def read_rome_domains(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """ROME 4.0 grands domaines → `rome_domains` (family, family_label)."""
    return {"rome_domains": pd.DataFrame({
        "family": normalise_codes(raw.frame[col(raw, "code_grand_domaine")]),
        "family_label": text_of(raw, col(raw, "libelle_grand_domaine")),
    }).drop_duplicates("family")}


def read_rome_mobility(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """ROME 4.0 mobilities → `occupation_links` (kind « mobility »)."""
    out = pd.DataFrame({
        "from_system": "ROME4", "from_code": normalise_codes(raw.frame[col(raw, "code_rome")]),
        "to_system": "ROME4", "to_code": normalise_codes(raw.frame[col(raw, "code_rome_cible")]),
        "kind": "mobility", "source": "ROME 4.0 (mobilités)",
    })
    typed = next((c for c in ("code_type_mobilite", "libelle_type_mobilite") if c in raw.frame.columns), None)
    if typed is not None:  # ROME v3 layout: 1 / « Proche », 2 / « Evolution » (the v460 CSV gives no type)
        out["mobility_kind"] = text_of(raw, typed)
    return {"occupation_links": out.drop_duplicates(["from_code", "to_code"]).reset_index(drop=True)}


def read_rome_coherence(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """ROME 4.0 occupation – item links → `skill_links` (occupation_code, skill_id, core, core_level)."""
    core = text_of(raw, col(raw, "coeur_metier"))
    return {"skill_links": pd.DataFrame({
        "occupation_code": normalise_codes(raw.frame[col(raw, "code_rome")]),
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "core": core.eq("Principale").astype("boolean"),
        "core_level": core,
    }).drop_duplicates(["occupation_code", "skill_id"])}


def read_rome_competences(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """ROME 4.0 competences → `skill_labels` (skill_id, label, kind competence or savoir_etre)."""
    category = text_of(raw, col(raw, "cat_comp"))
    return {"skill_labels": pd.DataFrame({
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "label": text_of(raw, col(raw, "libelle_competence")),
        "kind": np.where(category.str.contains("être", regex=False), "savoir_etre", "competence"),
    })}


def read_rome_savoirs(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """ROME 4.0 savoirs → `skill_labels` (kind « savoir »)."""
    return {"skill_labels": pd.DataFrame({
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr_savoir")]),
        "label": text_of(raw, col(raw, "libelle_savoir")),
        "kind": "savoir",
    })}


def read_rome_items(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Every ROME item (competences, savoirs, macro-competences...) with its label: the fallback labels."""
    return {"skill_items": pd.DataFrame({
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "label": text_of(raw, col(raw, "libelle")),
        "kind": "competence",
    }).drop_duplicates("skill_id")}


def read_rome_appellations(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """ROME 4.0 appellations → `occupation_titles` (occupation_code, title_id, label)."""
    return {"occupation_titles": pd.DataFrame({
        "occupation_code": normalise_codes(raw.frame[col(raw, "code_rome")]),
        "title_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "label": text_of(raw, col(raw, "libelle_appellation_long")),
    })}


def read_fap2021(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """DARES FAP 2021 nomenclature → `occupations` (system FAP2021)."""
    f = raw.frame
    out = pd.DataFrame({
        "system": "FAP2021",
        "code": normalise_codes(f[col(raw, "Code_FAP228")]),
        "label": text_of(raw, col(raw, "Intitulé_FAP228")),
        "family": text_of(raw, col(raw, "Code_FAP22")),
        "family_label": text_of(raw, col(raw, "Intitulé_FAP22")),
        "parent": text_of(raw, col(raw, "Code_FAP86")),
    })
    return {"occupations": out[out["code"] != ""].drop_duplicates("code").reset_index(drop=True)}


def read_fap2009_rome(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """DARES FAP 2009 – ROME table → `occupation_links` (kind « crosswalk »)."""
    fap = normalise_codes(raw.frame[col(raw, "Fap", "fap")])
    rome = normalise_codes(raw.frame[col(raw, "Rome", "rome")]).str.upper()
    return {"occupation_links": _crosswalk(raw, report, fap, rome, col(raw, "Rome", "rome"), col(raw, "Fap", "fap"))}


def _crosswalk(raw, report, fap: pd.Series, rome: pd.Series, rome_col: str, fap_col: str) -> pd.DataFrame:
    no_rome = rome.isin(["", "NA", "NAN"])
    report.notes.append(f"{int(no_rome.sum())} FAP sans code ROME correspondant (« NA ») ignorées")
    bad = ~no_rome & ~rome.str.fullmatch(r"[A-N]\d{4}")
    report.reject(raw, bad, rome_col, "code ROME mal formé")
    not_fap = ~no_rome & ~bad & ~fap.str.fullmatch(FAP2009_CODE)  # family headings (« C1Z »), notes
    if not_fap.any():
        report.notes.append(f"{int(not_fap.sum())} ligne(s) sans code FAP 2009 de 5 caractères (intitulés de "
                            f"famille, notes) ignorée(s), colonne « {fap_col} »")
    keep = ~no_rome & ~bad & ~not_fap
    out = pd.DataFrame({"from_system": "FAP2009", "from_code": fap, "to_system": "ROME4", "to_code": rome,
                        "kind": "crosswalk", "source": "DARES, table FAP 2009 – ROME"})[keep]
    return out.drop_duplicates(["from_code", "to_code"]).reset_index(drop=True)


def read_fap_rome_filled(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """FAP 2009 ; PCS ; ROME without header, where an empty cell repeats the row above."""
    f = raw.frame.replace("", np.nan).ffill().fillna("")
    fap = normalise_codes(f.iloc[:, 0])
    rome = normalise_codes(f.iloc[:, 2]).str.upper()
    return {"occupation_links": _crosswalk(raw, report, fap, rome, raw.frame.columns[2], raw.frame.columns[0])}


def headerless_fap_rome(raw: RawTable) -> bool:
    """Whether a table without header is the DARES FAP 2009 ; PCS ; ROME correspondence."""
    first = [str(c) for c in raw.frame.columns]
    return (len(first) == 3 and re.fullmatch(FAP2009_CODE, first[0].strip() or "-") is not None
            and re.fullmatch(r"[A-N]\d{4}", first[2].strip() or "-") is not None)
