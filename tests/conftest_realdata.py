"""The national pack built from ../shared/realdata, once per test session (about 40 s), for every test that
needs the national scale. Import it into conftest.py: `from conftest_realdata import national_pack`.

Set GPECT_NATIONAL_PACK to an already built pack (e.g. bench/out/national) to skip the build locally."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpect_core import settings

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"


@pytest.fixture(scope="session")
def national_pack(tmp_path_factory) -> Path:
    """Path of the national territory pack (skips when ../shared/realdata is absent)."""
    if not REALDATA.is_dir():
        pytest.skip(f"real public data absent: {REALDATA} (CI has it; see ../shared/realdata/SOURCES.md)")
    prebuilt = settings.raw("GPECT_NATIONAL_PACK")
    if prebuilt and (Path(prebuilt) / "manifest.json").is_file():
        return Path(prebuilt)
    territory, _ = _national_build()
    return territory.save(tmp_path_factory.mktemp("national") / "pack", keep_previous=False)


@pytest.fixture(scope="session")
def national_build():
    """(territory, report) of the national build, for tests on the build report itself."""
    if not REALDATA.is_dir():
        pytest.skip(f"real public data absent: {REALDATA} (CI has it; see ../shared/realdata/SOURCES.md)")
    return _national_build()


_BUILT: list = []


def _national_build():
    """Built once per session, whoever asks first."""
    if not _BUILT:
        from gpect_core.build import build_territory

        _BUILT.append(build_territory(REALDATA, imported_by="tests"))
    return _BUILT[0]
