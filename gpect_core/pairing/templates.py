"""The two XLSX templates of the pairing: firms with fragile jobs and firms hiring.

They reuse `gpect_core.templates` (`Field`, `TemplateSpec`, `template_xlsx`): a « Saisie » sheet with French
headers and one example row, and a « Notice ». Occupations are ROME 4.0 codes; free-text job titles are not read
here (they will go through the survey's title matching).
"""

from __future__ import annotations

from ..templates import Field, TemplateSpec, template_xlsx

FRAGILE = TemplateSpec("emplois_fragiles", "pairing_fragile", "Entreprises aux emplois fragilisés", (
    Field("firm", "Entreprise", "text", True, "nom de l'entreprise (visible des seuls éditeurs)", "Fonderie du Val"),
    Field("commune_id", "Code commune (INSEE)", "code", True, "code INSEE à 5 caractères", "91001"),
    Field("occupation_code", "Code métier (ROME)", "code", True, "code ROME 4.0, ex. H2913", "H2913"),
    Field("headcount", "Effectif concerné", "count", True, "nombre entier de salariés", "4"),
    Field("time_frame", "Échéance", "text", False, "ex. d'ici 6 mois", "d'ici 6 mois"),
))

HIRING = TemplateSpec("entreprises_recrutent", "pairing_hiring", "Entreprises qui recrutent", (
    Field("firm", "Entreprise", "text", True, "nom de l'entreprise (visible des seuls éditeurs)", "Atelier Meca"),
    Field("commune_id", "Code commune (INSEE)", "code", True, "code INSEE à 5 caractères", "92002"),
    Field("occupation_code", "Code métier (ROME)", "code", True, "code ROME 4.0, ex. H2909", "H2909"),
    Field("headcount", "Postes à pourvoir", "count", True, "nombre entier de postes", "2"),
    Field("horizon", "Horizon", "text", False, "ex. moins de 3 mois", "moins de 3 mois"),
))

SPECS = {"fragile": FRAGILE, "hiring": HIRING}
LIST_LABELS = {"fragile": "emplois fragilisés", "hiring": "postes à pourvoir"}


def pairing_template(kind: str) -> bytes:
    """The blank XLSX template (bytes) of the list `kind`: « fragile » or « hiring »."""
    return template_xlsx(SPECS[kind])
