"""Reading an uploaded file where its failure cannot take the server down: `read_source` in a child process
with a memory ceiling (RLIMIT_AS) and a time limit.

The child is forked from a forkserver that has already imported the readers, so each file costs a fork, not
an interpreter start. A child that runs out of memory, is killed, or overruns its time gives a French
`Problem` naming the file; the parent (the Streamlit server) never allocates what the file asks for.
"""

from __future__ import annotations

import multiprocessing
import resource
import traceback
from collections.abc import Mapping

from .. import settings
from ..errors import GpectError, Problem
from ..i18n import t
from .base import FileReport, Format, Parsed
from .geofiles import GEO_ADMIN, GEO_COMMUNES, GEO_ZONES
from .guess import ColumnMapping
from .registry import HEADERLESS_FAP_ROME
from .source import ALL_FORMATS, read_source

_PRELOAD = ["gpect_core.readers.source"]
_FORMATS: dict[str, Format] = {f.key: f for f in (*ALL_FORMATS, HEADERLESS_FAP_ROME, GEO_COMMUNES, GEO_ZONES,
                                                  GEO_ADMIN)}


def _mapped_size() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _child(conn, data: bytes, file: str, vintages, mappings, memory: int, seconds: float) -> None:
    try:
        ceiling = _mapped_size() + memory
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    except (ValueError, OSError):
        pass
    try:
        results = read_source(data, file, vintages, mappings=mappings)
        packed = [(p.format.key if p.format is not None else None, _without_format(p)) for p in results]
        conn.send(("ok", packed))
    except MemoryError:
        conn.send(("memory", None))
    except GpectError as exc:
        conn.send(("error", exc.message))
    except BaseException:  # noqa: BLE001 — the parent says it in French; the trace goes to the server log
        conn.send(("crash", traceback.format_exc()))
    finally:
        conn.close()


def _without_format(parsed: Parsed) -> Parsed:
    parsed.format = None  # formats hold lambdas (not picklable): the parent puts them back by key
    return parsed


def _failed(file: str, key: str, **values) -> list[Parsed]:
    report = FileReport(file=file)
    report.problems.append(Problem(t(key, file=file, **values), file=file))
    return [Parsed.unrecognised(report)]


def read_source_isolated(data: bytes, file: str, vintages: Mapping[str, str] | None = None,
                         mappings: Mapping[str, ColumnMapping] | None = None, memory: int | None = None,
                         seconds: float | None = None) -> list[Parsed]:
    """`read_source` (same arguments, same result) run in a child process limited to `memory` bytes more than
    it starts with (default GPECT_PARSE_MEMORY_MB) and `seconds` (default GPECT_PARSE_SECONDS). Never raises
    for the file: a reading that overruns, crashes or is killed gives one unrecognised `Parsed` whose report
    holds a French problem naming the file (`hostile.read.memory`, `hostile.read.time`, `hostile.read.crash`)."""
    memory = settings.parse_memory_bytes() if memory is None else memory
    seconds = settings.parse_seconds() if seconds is None else seconds
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, data, file, dict(vintages or {}), dict(mappings or {}),
                                                 memory, seconds), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            return _failed(file, "hostile.read.time", seconds=f"{seconds:g}")
        status, payload = receive.recv()
    except (EOFError, OSError):
        return _failed(file, "hostile.read.memory", megabytes=memory >> 20)
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(10)
    if status == "memory":
        return _failed(file, "hostile.read.memory", megabytes=memory >> 20)
    if status == "error":
        report = FileReport(file=file)
        report.problems.append(Problem(payload, file=file))
        return [Parsed.unrecognised(report)]
    if status == "crash":
        import logging

        logging.getLogger(__name__).error("reading %s failed:\n%s", file, payload)
        return _failed(file, "hostile.read.crash")
    results = []
    for key, parsed in payload:
        parsed.format = _FORMATS.get(key) if key else None
        results.append(parsed)
    return results
