"""Front-end assets served by the app itself (Streamlit static serving), so maps draw with no internet.

Leaflet comes from the PyPI package XStatic-Leaflet (installed with the requirements) and is copied into
`static/vendor/leaflet/` at start-up; nothing of it is committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STATIC_DIR = PROJECT_ROOT / "static"
LEAFLET_DIR = STATIC_DIR / "vendor" / "leaflet"
# URLs as the browser sees them: Streamlit serves ./static under /app/static/.
LEAFLET_JS_URL = "/app/static/vendor/leaflet/leaflet.js"
LEAFLET_CSS_URL = "/app/static/vendor/leaflet/leaflet.css"


def install_leaflet(target: Path = LEAFLET_DIR) -> Path:
    import xstatic.pkg.leaflet as leaflet_pkg

    source = Path(leaflet_pkg.BASE_DIR)
    version_file = target / "VERSION"
    if version_file.is_file() and version_file.read_text().strip() == leaflet_pkg.VERSION:
        return target
    target.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copyfile(source / name, target / name)
    shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
    (target / "VERSION").write_text(leaflet_pkg.VERSION + "\n")
    return target
