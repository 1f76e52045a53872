"""The national pack built from ../shared/realdata, once per test run (about 50 s), for every test that needs
the national scale. Import it into conftest.py: `from conftest_realdata import national_pack`.

Under pytest-xdist the workers share one build: the first worker that needs it builds and saves it under a file
lock, in the run's temporary folder common to all workers; the others wait for the lock and read what it saved
(the pack, and its build report pickled beside it). Without xdist the same code builds it once in this process.

Set GPECT_NATIONAL_PACK to an already built pack (e.g. bench/out/national) to skip the build locally."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from gpect_core import settings

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
# The one real file that says no year anywhere (SOURCES.md: « vintage about 2021, not dated in the source »).
REALDATA_VINTAGES = {"demandeurs_emploi_secteur_bassin.csv": "2021"}

__all__ = ["national_pack", "national_build"]


def _skip_without_realdata() -> None:
    if not REALDATA.is_dir():
        pytest.skip(f"real public data absent: {REALDATA} (CI has it; see ../shared/realdata/SOURCES.md)")


@pytest.fixture(scope="session")
def national_pack(tmp_path_factory) -> Path:
    """Path of the national territory pack (skips when ../shared/realdata is absent). Read it, don't write it:
    every test of the run gets the same folder."""
    _skip_without_realdata()
    prebuilt = settings.raw("GPECT_NATIONAL_PACK")
    if prebuilt and (Path(prebuilt) / "manifest.json").is_file():
        return Path(prebuilt)
    return _shared_build(tmp_path_factory)[0]


@pytest.fixture(scope="session")
def national_build(tmp_path_factory):
    """(territory, report) of the national build, for tests on the build report itself."""
    _skip_without_realdata()
    pack, report = _shared_build(tmp_path_factory)
    if _BUILT:  # built in this process: the very objects build_territory returned
        return _BUILT[0]
    from gpect_core.territory import Territory

    return Territory.load(pack, validate=False), report


_BUILT: list = []  # (territory, report) when this process built them
_SHARED: list = []  # (pack path, report) once this process has them


def _run_folder(tmp_path_factory) -> Path:
    """The temporary folder of the whole run: the session's own without xdist, the workers' common parent with it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if _xdist_worker() else base


def _xdist_worker() -> bool:
    import os

    return bool(os.environ.get("PYTEST_XDIST_WORKER"))


def _shared_build(tmp_path_factory) -> tuple[Path, object]:
    """(pack path, build report), built once per run, whoever asks first."""
    if _SHARED:
        return _SHARED[0]
    from filelock import FileLock

    folder = _run_folder(tmp_path_factory) / "national"
    folder.mkdir(exist_ok=True)
    pack, report_file = folder / "pack", folder / "report.pickle"
    with FileLock(str(folder / "build.lock")):
        if not report_file.is_file():  # written last: its presence says the pack is complete
            from gpect_core.build import build_territory

            territory, report = build_territory(REALDATA, imported_by="tests", vintages=REALDATA_VINTAGES)
            _BUILT.append((territory, report))
            territory.save(pack, keep_previous=False)
            report_file.write_bytes(pickle.dumps(report))
        report = pickle.loads(report_file.read_bytes())
    _SHARED.append((pack, report))
    return _SHARED[0]
