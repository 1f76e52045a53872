"""The caption every exported chart and table carries: title, source and vintage, selection, date, notice."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..formatting import fmt_date
from ..i18n import t
from ..territory import Territory


@dataclass(frozen=True)
class Caption:
    title: str
    sources: tuple[str, ...] = ()  # « producer (vintage) », one per table the figure rests on
    selection: str = ""
    made_on: date = field(default_factory=date.today)
    notice: str = ""  # « Données fictives de démonstration » when the pack is fictional
    lang: str = "fr"
    notes: tuple[str, ...] = ()  # how to read the table (« do not sum this column… »), right under the title

    @classmethod
    def for_territory(cls, territory: Territory, title: str, tables: list[str] | tuple[str, ...], selection: str,
                      lang: str = "fr", made_on: date | None = None) -> Caption:
        sources = []
        for table in tables:
            prov = territory.provenance.get(table)
            if prov is not None:
                line = f"{prov.producer or prov.source} ({prov.vintage})" if prov.vintage else (
                    prov.producer or prov.source)
                if line and line not in sources:
                    sources.append(line)
        return cls(title=title, sources=tuple(sources), selection=selection, made_on=made_on or date.today(),
                   notice=territory.notice(lang), lang=lang)

    def lines(self) -> list[str]:
        lang = self.lang
        out = [self.title, *self.notes]
        if self.sources:
            out.append(t("export.caption.source", lang, sources=" ; ".join(self.sources)))
        if self.selection:
            out.append(t("export.caption.selection", lang, selection=self.selection))
        out.append(t("export.caption.date", lang, date=fmt_date(self.made_on, lang)))
        if self.notice:
            out.append(self.notice)
        return out

    def file_stem(self) -> str:
        """A safe file name from the title: letters, digits and dashes."""
        import re
        import unicodedata

        plain = unicodedata.normalize("NFKD", self.title).encode("ascii", "ignore").decode()
        stem = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()
        return (stem[:60] or "export") + f"-{self.made_on:%Y%m%d}"
