"""gpect_core is usable without streamlit (notebooks, CLI, tests)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import gpect_core

ROOT = Path(__file__).resolve().parent.parent


def test_no_module_of_gpect_core_imports_streamlit():
    modules = [m.name for m in pkgutil.walk_packages(gpect_core.__path__, "gpect_core.")
               if ".migrations" not in m.name and not m.name.endswith("__main__")]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.'))\n"
            "print(bad)\nsys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
