"""`python -m gpect_core ...` run in the test process: `cli.main` with the given environment, standard input and
working directory, its output captured. An interpreter per command costs seconds of imports; `test_cli.py` and
`test_hostile_plan.py` keep running the real entry point in a subprocess (what a shell sees, warnings included)."""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from unittest import mock


@dataclass
class Completed:
    """What a subprocess.CompletedProcess gives these tests."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str = "", cwd: Path | None = None) -> Completed:
    """Run the command line `args` in-process; the environment and working directory are restored after."""
    from gpect_core.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err), mock.patch.object(sys, "stdin", io.StringIO(stdin)):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse and explicit exits
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)
    return Completed(code or 0, out.getvalue(), err.getvalue())
