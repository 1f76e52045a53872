"""Local accounts (argon2 hashes, outside the repo) and the `python -m gpect_core plan ...` commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from cli_inprocess import run_cli

from gpect_core.plan import auth

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403 — until tests/conftest.py imports the plan fixtures

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_accounts_store_salted_argon2_hashes_and_check_passwords(plan_accounts_file):
    text = plan_accounts_file.read_text()
    assert "edith-secret-1" not in text and text.count("$argon2id$") == 3
    assert auth.authenticate(None, "edith", "edith-secret-1").role == "editeur"
    assert auth.authenticate(None, "edith", "wrong-password") is None
    assert auth.authenticate(None, "nobody", "edith-secret-1") is None
    hashes = [a.password_hash for a in auth.load_accounts(plan_accounts_file).values()]
    assert len(set(hashes)) == 3
    assert oct(plan_accounts_file.stat().st_mode)[-3:] == "600"


def test_roles_decide_who_edits_and_who_administers(plan_accounts_file):
    accounts = auth.load_accounts()
    assert [accounts[u].can_edit for u in ("admin", "edith", "victor")] == [True, True, False]
    assert [accounts[u].can_administer for u in ("admin", "edith", "victor")] == [True, False, False]
    assert auth.role_of_oidc_user(None, "someone@example.org").role == "lecteur"
    auth.add_user(None, "chef@example.org", None, "editeur")
    assert auth.role_of_oidc_user(None, "chef@example.org").can_edit
    assert auth.authenticate(None, "chef@example.org", "") is None  # an OIDC account has no password


def test_bad_account_operations_are_refused_in_french(plan_accounts_file):
    with pytest.raises(auth.AuthError, match="trop court"):
        auth.add_user(None, "zoe", "court", "editeur")
    with pytest.raises(auth.AuthError, match="existe déjà"):
        auth.add_user(None, "edith", "another-secret-1", "editeur")
    with pytest.raises(auth.AuthError, match="Rôle « chef » inconnu"):
        auth.add_user(None, "zoe", "zoe-secret-12", "chef")


def _cli(*args: str, env: dict, stdin: str = ""):
    return run_cli(*args, env=env, stdin=stdin, cwd=REPO_ROOT)


def test_cli_creates_the_first_administrator_exports_and_imports(tmp_path, sqlite_plan_url):
    env = {**os.environ, "GPECT_DB_URL": sqlite_plan_url, "GPECT_ACCOUNTS_FILE": str(tmp_path / "acc.toml"),
           "PYTHONPATH": str(REPO_ROOT)}
    created = _cli("plan", "user", "add", "anne", "--role", "administrateur", "--password-stdin", env=env,
                   stdin="un-long-secret\n")
    assert created.returncode == 0, created.stderr
    assert auth.authenticate(tmp_path / "acc.toml", "anne", "un-long-secret").can_administer
    out = tmp_path / "plan.xlsx"
    exported = _cli("plan", "export", "--out", str(out), env=env)
    assert exported.returncode == 0 and "25 actions" in exported.stdout
    unchanged = _cli("plan", "import", str(out), env=env)
    assert "Aucune différence" in unchanged.stdout
    import openpyxl
    book = openpyxl.load_workbook(out)
    headers = [c.value for c in book["Actions"][1]]
    book["Actions"].cell(row=2, column=headers.index("avancement (%)") + 1).value = 42
    book.save(out)
    shown = _cli("plan", "import", str(out), env=env)
    assert "avancement « 100 % » → « 42 % »" in shown.stdout and "--apply" in shown.stdout
    refused = _cli("plan", "import", str(out), "--apply", env=env)
    assert refused.returncode == 2 and "--user" in refused.stderr
    applied = _cli("plan", "import", str(out), "--apply", "--user", "anne", env=env)
    assert applied.returncode == 0 and "1 modification(s) appliquée(s) par anne" in applied.stdout
    history = _cli("plan", "history", "--action", "ACT01", env=env)
    assert "anne" in history.stdout and "« 42 % »" in history.stdout
    broken = tmp_path / "broken.xlsx"
    broken.write_text("pas un classeur")
    failed = _cli("plan", "import", str(broken), env=env)
    assert failed.returncode == 1 and "n'est pas un classeur Excel lisible" in failed.stderr
    assert "Traceback" not in failed.stderr
