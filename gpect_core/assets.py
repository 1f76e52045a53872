"""Front-end assets served by the app itself (Streamlit static serving), so maps draw with no internet.

Leaflet comes from the PyPI package XStatic-Leaflet (installed with the requirements) and is copied into
`static/vendor/leaflet/` at start-up; nothing of it is committed. Our own Leaflet extension is
`static/gpect/zone-map.js` (committed). Map geometries are written at run time into `static/geo/` under a name
that carries a hash of their content (`write_content_addressed`), so a browser may keep them as long as it likes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STATIC_DIR = PROJECT_ROOT / "static"
LEAFLET_DIR = STATIC_DIR / "vendor" / "leaflet"
GEOMETRY_DIR = STATIC_DIR / "geo"
ZONE_MAP_JS = STATIC_DIR / "gpect" / "zone-map.js"
# topojson-client 3.1.0 (ISC licence, beside it), from the npm package's dist/: turns the zones' TopoJSON back
# into GeoJSON in the browser.
TOPOJSON_CLIENT_JS = STATIC_DIR / "gpect" / "vendor" / "topojson-client.min.js"
# URLs as the browser sees them: Streamlit serves ./static under /app/static/.
STATIC_URL = "/app/static"
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


def static_url(path: Path) -> str:
    """The URL under which the browser gets `path` (a file inside `STATIC_DIR`)."""
    return f"{STATIC_URL}/{Path(path).resolve().relative_to(STATIC_DIR.resolve()).as_posix()}"


def geometry_url(path: Path) -> str:
    """The URL of a geometry file written by `write_content_addressed` (served from `GEOMETRY_DIR` by its name)."""
    return f"{static_url(GEOMETRY_DIR)}/{Path(path).name}"


def zone_map_js_url() -> str:
    """URL of `static/gpect/zone-map.js` with a hash of its content, so that a new version is never taken from a
    browser's cache."""
    return versioned_url(ZONE_MAP_JS)


def versioned_url(path: Path) -> str:
    """URL of a static file with a hash of its content (`?v=…`)."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    return f"{static_url(path)}?v={digest}"


def content_path(directory: Path, stem: str, digest: str, suffix: str = ".json") -> Path:
    """`directory/<stem>.<digest><suffix>`: where `write_content_addressed` puts a file of that digest."""
    return Path(directory) / f"{stem}.{digest}{suffix}"


def write_content_addressed(directory: Path, stem: str, data: bytes, suffix: str = ".json",
                            digest: str | None = None) -> Path:
    """Write `data` as `directory/<stem>.<first 16 hex digits of its SHA-256><suffix>` (or of the given `digest`,
    a hash of what `data` was made from) unless that file exists; return its path. The file appears whole or not
    at all (written aside, then renamed), so several app processes may write the same file at once."""
    digest = digest or hashlib.sha256(data).hexdigest()[:16]
    path = content_path(directory, stem, digest, suffix)
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{stem}.", suffix=".tmp", delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)
    os.chmod(path, 0o644)
    return path
