"""The import contracts of `.importlinter` hold on the code, and they do fail when a rule is broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The three packages and the contracts, copied so a test can break a rule without touching the repo."""
    root = tmp_path_factory.mktemp("layers")
    for package in ("gpect_core", "ui", "app_pages"):
        shutil.copytree(ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", root / ".importlinter")
    clean = _lint(root)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    return root


def test_the_code_keeps_every_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("where, code, broken", [
    ("gpect_core/indicators/_probe.py", "import streamlit\n", "gpect_core never imports Streamlit"),
    ("gpect_core/readers/_probe.py", "from gpect_core.indicators import cube\n", "Inside gpect_core"),
    ("gpect_core/_probe.py", "import ui.context\n", "Pages call ui and gpect_core"),
    ("ui/_probe.py", "import app_pages.carte\n", "Pages call ui and gpect_core"),
])
def test_a_forbidden_import_breaks_its_contract(copy, where, code, broken):
    probe = copy / where
    probe.write_text(code)
    try:
        result = _lint(copy)
    finally:
        probe.unlink()
    assert result.returncode != 0
    broken_section = result.stdout.split("Broken contracts", 1)[-1]
    assert broken in broken_section, result.stdout


def test_an_import_cycle_inside_a_package_breaks_its_contract(copy):
    probe_a, probe_b = copy / "gpect_core/indicators/_cycle_a.py", copy / "gpect_core/indicators/_cycle_b.py"
    probe_a.write_text("from . import _cycle_b\n")
    probe_b.write_text("from . import _cycle_a\n")
    try:
        result = _lint(copy)
    finally:
        probe_a.unlink()
        probe_b.unlink()
    assert result.returncode != 0
    assert "No import cycle" in result.stdout.split("Broken contracts", 1)[-1]
