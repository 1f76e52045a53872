"""XLSX templates, with French headers, for the tables a committee fills in by hand.

Each template is a `TemplateSpec`: the canonical table it fills, and for each column its French header,
kind and whether it is required. The same spec drives the blank workbook (`template_xlsx`) and the reader
of a filled one (`readers.hand`), so the two cannot drift apart.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter


@dataclass(frozen=True)
class Field:
    column: str  # canonical column
    header: str  # French header in the template
    kind: str  # code | text | count | number | class | year | date | rate | zoning | system | yes_no
    required: bool = False
    help: str = ""
    example: str = ""


@dataclass(frozen=True)
class TemplateSpec:
    key: str
    table: str
    title: str  # French, as the « Données » page lists it
    fields: tuple[Field, ...]
    example_rows: int = 1

    @property
    def headers(self) -> list[str]:
        return [f.header for f in self.fields]

    def field_for(self, column: str) -> Field | None:
        return next((f for f in self.fields if f.column == column), None)


ZONING_FIELD = Field("zoning", "Zonage", "zoning", help="ZE2020, BMO, EPCI, DEP, REG ou custom ; vide = zonage "
                     "par défaut du territoire", example="ZE2020")

TEMPLATES: tuple[TemplateSpec, ...] = (
    TemplateSpec("besoins", "needs", "Besoins des entreprises (enquête du comité)", (
        Field("response_id", "Identifiant réponse", "code", True, "un identifiant unique par réponse", "R0001"),
        ZONING_FIELD,
        Field("zone_id", "Code zone", "code", True, "code de la zone (ex. 0051 pour une zone d'emploi)", "8405"),
        Field("sector_naf", "Secteur (NAF)", "text", False, "code ou libellé NAF", "C"),
        Field("size_band", "Taille d'entreprise", "text", False, "tranche d'effectif", "10-49"),
        Field("occupation_code", "Code métier (ROME)", "text", False, "code ROME si connu", "H2913"),
        Field("occupation_text", "Métier (texte libre)", "text", False, "", "Soudeur"),
        Field("headcount", "Effectif recherché", "count", True, "nombre entier", "3"),
        Field("horizon", "Horizon", "text", False, "ex. moins de 6 mois", "moins de 6 mois"),
        Field("difficulty", "Difficulté (1 à 5)", "class", False, "1 = facile, 5 = très difficile", "4"),
        Field("skills", "Compétences recherchées", "text", False, "", "soudure TIG"),
        Field("date", "Date de la réponse", "date", False, "JJ/MM/AAAA", "15/03/2025"),
        Field("fragile", "Emploi fragilisé", "yes_no", False, "« oui » si l'entreprise déclare ces emplois menacés "
              "(l'effectif compte alors les personnes concernées), vide sinon", ""),
    )),
    TemplateSpec("formations", "training", "Offre de formation locale", (
        Field("program_id", "Identifiant formation", "code", True, "unique pour une année", "F001"),
        Field("title", "Intitulé", "text", True, "", "CAP Soudeur"),
        Field("provider", "Organisme", "text", False, "", "Lycée Jean Moulin"),
        ZONING_FIELD,
        Field("zone_id", "Code zone", "code", True, "", "8405"),
        Field("occupation_codes", "Codes ROME visés", "text", False, "séparés par des espaces", "H2913 H2914"),
        Field("level", "Niveau", "text", False, "", "3 (CAP)"),
        Field("capacity", "Places", "count", False, "", "24"),
        Field("demand", "Candidats", "count", False, "", "30"),
        Field("enrolled", "Inscrits", "count", False, "", "22"),
        Field("graduates", "Diplômés", "count", False, "au plus le nombre d'inscrits", "18"),
        Field("employment_rate", "Taux d'insertion (%)", "rate", False, "de 0 à 100", "75"),
        Field("year", "Année", "year", True, "", "2025"),
    )),
    TemplateSpec("recrutement", "recruitment", "Projets de recrutement (enquête locale)", (
        ZONING_FIELD,
        Field("zone_id", "Code zone", "code", True, "", "8405"),
        Field("occupation_system", "Nomenclature", "system", False, "ROME4, FAP2021, FAP2009 ou custom ; vide = ROME4",
              "ROME4"),
        Field("occupation_code", "Code métier", "code", True, "", "H2913"),
        Field("year", "Année", "year", True, "", "2025"),
        Field("projects", "Projets de recrutement", "count", True, "", "12"),
        Field("difficult", "Projets difficiles", "count", False, "au plus le nombre de projets", "7"),
        Field("seasonal", "Projets saisonniers", "count", False, "au plus le nombre de projets", "0"),
    )),
    TemplateSpec("indicateurs", "context", "Indicateurs locaux (contexte)", (
        ZONING_FIELD,
        Field("zone_id", "Code zone", "code", True, "", "8405"),
        Field("indicator", "Indicateur", "code", True, "code sans espace, ex. unemployment_rate", "unemployment_rate"),
        Field("period", "Période", "code", True, "ex. 2024 ou 2024-T3", "2024-T3"),
        Field("value", "Valeur", "number", True, "", "7,2"),
        Field("unit", "Unité", "text", False, "", "%"),
    )),
    TemplateSpec("zonage", "composition", "Zonage du comité (commune → zone)", (
        Field("commune_id", "Code commune", "code", True, "code INSEE à 5 caractères", "01053"),
        Field("commune_name", "Nom commune", "text", False, "", "Bourg-en-Bresse"),
        Field("zone_id", "Code zone", "code", True, "", "Z1"),
        Field("zone_name", "Nom de la zone", "text", True, "", "Bassin de Bourg"),
    )),
)
TEMPLATES_BY_KEY = {t.key: t for t in TEMPLATES}


def template_xlsx(spec: TemplateSpec) -> bytes:
    """A blank workbook: a « Saisie » sheet (headers + one example row to overwrite) and a « Notice »."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Saisie"
    sheet.append(spec.headers)
    sheet.append([f.example for f in spec.fields])
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    for index, field in enumerate(spec.fields, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(field.header) + 4)
        example = sheet.cell(row=2, column=index)
        example.data_type = "s"
        example.number_format = "@"
        example.font = Font(italic=True, color="808080")
    sheet.freeze_panes = "A2"
    notice = workbook.create_sheet("Notice")
    notice.append(["Colonne", "Obligatoire", "Contenu attendu"])
    for field in spec.fields:
        notice.append([field.header, "oui" if field.required else "non", field.help])
    notice.append([])
    notice.append(["La ligne 2 de la feuille « Saisie » est un exemple : remplacez-la par vos données."])
    notice.column_dimensions["A"].width = 30
    notice.column_dimensions["C"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
