"""Reading an uploaded file where its failure cannot take the server down: `read_source` (the « Données »
import) or `read_tables` (the survey upload) in a child process with a memory ceiling (RLIMIT_AS) and a time
limit.

The child is a fresh interpreter (`python -m gpect_core.readers.isolated`) that reads the file's bytes and the
reading options as a pickle on its standard input and writes its result as a pickle on its standard output. Not
multiprocessing: its spawn and forkserver children re-run the parent's `__main__`, which in a Streamlit server is
the app script itself (the whole app and its pack loaded again for each upload, over the child's memory ceiling),
and a forked child inherits the server's address space, which RLIMIT_AS counts. A child that runs out of memory,
is killed, or overruns its time gives a French `Problem` naming the file; the parent (the Streamlit server) never
allocates what the file asks for.
"""

from __future__ import annotations

import logging
import os
import pickle
import resource
import signal
import subprocess
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

from .. import settings
from ..errors import GpectError, Problem
from ..i18n import t
from .base import FileReport, Format, Parsed
from .geofiles import GEO_ADMIN, GEO_COMMUNES, GEO_ZONES
from .guess import ColumnMapping
from .registry import HEADERLESS_FAP_ROME
from .sniff import RawTable, ReadError, read_tables
from .source import ALL_FORMATS, read_source

# Interpreter start and the readers' imports, on top of the reading's own time limit (seconds of wall time).
STARTUP_SECONDS = 30
_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])
_FORMATS: dict[str, Format] = {f.key: f for f in (*ALL_FORMATS, HEADERLESS_FAP_ROME, GEO_COMMUNES, GEO_ZONES,
                                                  GEO_ADMIN)}


def _mapped_size() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


class _TimeUp(Exception):
    pass


def _time_up(_signum, _frame):
    raise _TimeUp


def _child(operation: str, data: bytes, file: str, vintages, mappings, memory: int,
           seconds: float) -> tuple[str, object]:
    signal.signal(signal.SIGALRM, _time_up)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))  # the reading's own wall time, imports excluded
    try:
        ceiling = _mapped_size() + memory
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    except (ValueError, OSError):
        pass
    try:
        if operation == "tables":
            return "ok", read_tables(data, file)
        results = read_source(data, file, vintages, mappings=mappings)
        return "ok", [(p.format.key if p.format is not None else None, _without_format(p)) for p in results]
    except _TimeUp:
        return "time", None
    except MemoryError:
        return "memory", None
    except GpectError as exc:
        return "error", exc.message
    except BaseException:  # noqa: BLE001 — the parent says it in French; the trace goes to the server log
        return "crash", traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _main() -> None:
    """The child: arguments from stdin, result to the original stdout; anything a library prints goes to stderr."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    arguments = pickle.load(sys.stdin.buffer)
    result = _child(*arguments)
    try:
        pickle.dump(result, out)
    except MemoryError:
        pickle.dump(("memory", None), out)
    out.close()


def _without_format(parsed: Parsed) -> Parsed:
    parsed.format = None  # formats hold lambdas (not picklable): the parent puts them back by key
    return parsed


def _run(operation: str, data: bytes, file: str, vintages, mappings, memory: int | None,
         seconds: float | None) -> tuple[str, object]:
    """Run `operation` (« source »: read_source, « tables »: read_tables) on the file in a child interpreter:
    (« ok », its result) or (« failed », the French message of why not)."""
    memory = settings.parse_memory_bytes() if memory is None else memory
    seconds = settings.parse_seconds() if seconds is None else seconds
    arguments = pickle.dumps((operation, data, file, dict(vintages or {}), dict(mappings or {}), memory, seconds))
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_PACKAGE_PARENT,
                                                                             os.environ.get("PYTHONPATH")])))
    time_up = ("failed", t("hostile.read.time", file=file, seconds=f"{seconds:g}"))
    out_of_memory = ("failed", t("hostile.read.memory", file=file, megabytes=memory >> 20))
    try:
        done = subprocess.run([sys.executable, "-m", "gpect_core.readers.isolated"], input=arguments,
                              capture_output=True, timeout=seconds + STARTUP_SECONDS, env=environment)
    except subprocess.TimeoutExpired:
        return time_up
    try:
        status, payload = pickle.loads(done.stdout)
    except Exception:  # noqa: BLE001 — no result: the child was killed (memory or CPU limit) or died
        if done.returncode in (-9, -24, 137, 152):  # SIGKILL / SIGXCPU
            return time_up if done.returncode in (-24, 152) else out_of_memory
        logging.getLogger(__name__).error("reading %s: the child ended with %s:\n%s", file, done.returncode,
                                          done.stderr.decode(errors="replace")[-4000:])
        return out_of_memory
    if status == "time":
        return time_up
    if status == "memory":
        return out_of_memory
    if status == "error":
        return "failed", payload
    if status == "crash":
        logging.getLogger(__name__).error("reading %s failed:\n%s", file, payload)
        return "failed", t("hostile.read.crash", file=file)
    return "ok", payload


def read_source_isolated(data: bytes, file: str, vintages: Mapping[str, str] | None = None,
                         mappings: Mapping[str, ColumnMapping] | None = None, memory: int | None = None,
                         seconds: float | None = None) -> list[Parsed]:
    """`read_source` (same arguments, same result) run in a child process limited to `memory` bytes more than
    it starts with (default GPECT_PARSE_MEMORY_MB) and `seconds` (default GPECT_PARSE_SECONDS). Never raises
    for the file: a reading that overruns, crashes or is killed gives one unrecognised `Parsed` whose report
    holds a French problem naming the file (`hostile.read.memory`, `hostile.read.time`, `hostile.read.crash`)."""
    status, payload = _run("source", data, file, vintages, mappings, memory, seconds)
    if status == "failed":
        report = FileReport(file=file)
        report.problems.append(Problem(payload, file=file))
        return [Parsed.unrecognised(report)]
    results = []
    for key, parsed in payload:
        parsed.format = _FORMATS.get(key) if key else None
        results.append(parsed)
    return results


def read_tables_isolated(data: bytes, file: str, memory: int | None = None,
                         seconds: float | None = None) -> list[RawTable]:
    """`sniff.read_tables` (every table of a CSV or workbook, as text) run in the same bounded child as
    `read_source_isolated`: list of RawTable. Raises ReadError in French naming the file when the file cannot
    be read, or when its reading overruns its memory or time or crashes."""
    status, payload = _run("tables", data, file, None, None, memory, seconds)
    if status == "failed":
        raise ReadError(payload)
    return payload


if __name__ == "__main__":
    _main()
