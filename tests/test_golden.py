"""The figures users see are unchanged: recomputed and compared with the committed snapshot (tests/golden/).

A deliberate change of a figure is regenerated with tests/golden/make_golden.py (see its docstring) and its JSON
diff reviewed; this test never rewrites the snapshot itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from gpect_core import settings

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))

import make_golden  # noqa: E402


def _check(expected_file: Path, actual: dict) -> None:
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    differences = make_golden.same(expected, json.loads(json.dumps(actual)))
    assert not differences, f"{len(differences)} figures differ from {expected_file.name}:\n" + "\n".join(
        differences[:40])


def test_the_demo_pack_figures_match_the_golden_snapshot():
    _check(make_golden.DEMO_FILE, make_golden.demo_snapshot())


@pytest.fixture
def golden_national_pack(request) -> Path:
    """GPECT_NATIONAL_PACK when it names a built pack (also from a git worktree, where ../shared is elsewhere),
    else the session's `national_pack` (built from ../shared/realdata; skips when absent)."""
    prebuilt = settings.raw("GPECT_NATIONAL_PACK")
    if prebuilt and (Path(prebuilt) / "manifest.json").is_file():
        return Path(prebuilt)
    return request.getfixturevalue("national_pack")


def test_the_national_pack_figures_match_the_golden_snapshot(golden_national_pack):
    _check(make_golden.NATIONAL_FILE, make_golden.national_snapshot(golden_national_pack))


def test_the_comparison_tells_a_changed_figure_and_nan_from_a_number():
    assert make_golden.same({"a": [1.0, float("nan")]}, {"a": [1.0 + 1e-14, float("nan")]}) == []
    assert make_golden.same({"a": 1.0}, {"a": 1.0001}) != []
    assert make_golden.same({"a": float("nan")}, {"a": 0.0}) != []
    assert make_golden.same({"a": None}, {"a": 0.0}) != []
    assert make_golden.same({"a": True}, {"a": 1}) != []
    with pytest.raises(AssertionError):
        _check(make_golden.DEMO_FILE, {})
