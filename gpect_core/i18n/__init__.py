"""The string catalogue: every UI string in French (first) and English.

Each area keeps its strings in its own module `catalog_<area>.py` exposing `STRINGS = {key: (fr, en)}`;
they are merged here, and a key defined twice is an error caught by the tests.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"


def _load() -> tuple[dict[str, tuple[str, str]], list[str]]:
    catalog: dict[str, tuple[str, str]] = {}
    duplicates: list[str] = []
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("catalog_")):
        strings = importlib.import_module(f"{__name__}.{module}").STRINGS
        for key, pair in strings.items():
            if key in catalog:
                duplicates.append(f"{module}:{key}")
            catalog[key] = pair
    return catalog, duplicates


CATALOG, DUPLICATE_KEYS = _load()


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled from `values`."""
    pair = CATALOG.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
