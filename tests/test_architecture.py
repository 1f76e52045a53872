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


PROBES = {  # a forbidden import each, and the contract it must break
    "gpect_core/indicators/_probe.py": ("import streamlit\n", "gpect_core never imports Streamlit"),
    "gpect_core/readers/_probe.py": ("from gpect_core.indicators import cube\n", "Inside gpect_core"),
    "gpect_core/_probe.py": ("import ui.context\n", "Pages call ui and gpect_core"),
    "gpect_core/indicators/_cycle_a.py": ("from . import _cycle_b\n", "No import cycle"),
    "gpect_core/indicators/_cycle_b.py": ("from . import _cycle_a\n", "No import cycle"),
}


def test_each_forbidden_import_breaks_its_contract(copy):
    for where, (code, _) in PROBES.items():
        (copy / where).write_text(code)
    try:
        result = _lint(copy)
    finally:
        for where in PROBES:
            (copy / where).unlink()
    assert result.returncode != 0
    broken_section = result.stdout.split("Broken contracts", 1)[-1]
    for where, (_, contract) in PROBES.items():
        assert contract in broken_section, (where, result.stdout)
    assert "_probe" in broken_section and "_cycle_" in broken_section


def test_ui_importing_a_page_breaks_the_app_layers(copy):
    probe = copy / "ui/_probe.py"
    probe.write_text("import app_pages.carte\n")
    try:
        result = _lint(copy)
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert "ui._probe -> app_pages.carte" in result.stdout.split("Broken contracts", 1)[-1]
