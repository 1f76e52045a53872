"""`python -m gpect_core`: demo, validate, info — French output, exit codes a script can rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from gpect_core import Territory

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gpect_core", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_help_lists_the_commands():
    result = _run("--help")
    assert result.returncode == 0
    for command in ("demo", "validate", "info"):
        assert command in result.stdout


def test_validate_the_committed_demo_pack():
    result = _run("validate", "data/demo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valide" in result.stdout


def test_validate_a_pack_with_one_broken_table(demo_pack_copy):
    rec = pd.read_parquet(demo_pack_copy / "recruitment.parquet")
    rec.loc[11, "difficult"] = int(rec.loc[11, "projects"]) + 15
    rec.to_parquet(demo_pack_copy / "recruitment.parquet", index=False)
    result = _run("validate", str(demo_pack_copy))
    assert result.returncode == 1
    projects = int(rec.loc[11, "projects"])
    assert (f"recrutement, ligne 12, colonne `difficult` : {projects + 15} projets difficiles pour "
            f"{projects} projets — impossible") in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_something_that_is_not_a_pack(tmp_path):
    result = _run("validate", str(tmp_path))
    assert result.returncode == 1
    assert "n'est pas un pack de territoire" in result.stderr
    assert "Traceback" not in result.stderr


def test_info_describes_zonings_tables_and_provenance():
    result = _run("info", "data/demo")
    assert result.returncode == 0
    assert "ZE2020" in result.stdout and "15 zones" in result.stdout
    assert "recruitment" in result.stdout and "France Travail" in result.stdout
    assert "fictives" in result.stdout


def test_demo_writes_the_same_pack_as_the_committed_one(tmp_path):
    result = _run("demo", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    built = Territory.load(tmp_path / "demo")
    committed = Territory.load(ROOT / "data" / "demo")
    pd.testing.assert_frame_equal(built.tables["recruitment"], committed.tables["recruitment"])
    manifest_built = (tmp_path / "demo" / "manifest.json").read_text()
    assert manifest_built == (ROOT / "data" / "demo" / "manifest.json").read_text()


def _subcommands(parser, path=()):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name)
                yield from _subcommands(sub, (*path, name))


def test_help_of_every_subcommand_is_printed(capsys):
    from gpect_core.cli import build_parser

    paths = list(_subcommands(build_parser()))
    assert ("plan", "import") in paths and ("plan", "user", "add") in paths
    for path in paths:
        with pytest.raises(SystemExit) as stop:
            build_parser().parse_args([*path, "--help"])
        assert stop.value.code == 0, path
        assert "usage: python -m gpect_core " + " ".join(path) in capsys.readouterr().out, path
