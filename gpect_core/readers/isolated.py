"""Reading an uploaded file where its failure cannot take the server down: `read_source` (the « Données »
import) or `read_tables` (the survey upload) in a child process with a memory ceiling (RLIMIT_AS) and a time
limit.

Each reading runs in its own child, forked from a small « zygote » process: a fresh interpreter
(`python -m gpect_core.readers.isolated --serve SOCKET`) that imports the readers once, then listens on a Unix
socket in a private directory and forks one child per request. The child sets its limits, reads the file's bytes
and options (a pickle), answers with its result (a pickle) and exits. Importing the readers (pandas, pandera,
geopandas) takes 2–7 s on this project's 2-core machine; a fork takes milliseconds, so a preview no longer waits
for an interpreter to start. Where there is no fork (or the zygote cannot start), each reading starts its own
interpreter as before.

Not multiprocessing: its spawn and forkserver children re-run the parent's `__main__`, which in a Streamlit server
is the app script itself (the whole app and its pack loaded again, over the child's memory ceiling), and a child
forked from the server itself inherits the server's address space, which RLIMIT_AS counts. A child that runs out of
memory, is killed, or overruns its time gives a French `Problem` naming the file; the parent (the Streamlit server)
never allocates what the file asks for. The zygote ends when its parent does (its standard input closes).
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import resource
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
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
# Fork, request and answer transfer through the zygote, on top of the reading's own time limit.
FORK_SECONDS = 10
_HEADER = 8  # bytes of a frame's length, big-endian
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


def _frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(_HEADER, "big") + payload


def _receive_all(connection: socket.socket) -> bytes:
    chunks = []
    while chunk := connection.recv(1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _answer(connection: socket.socket) -> None:
    """In a child forked by the zygote: its pid, then the reading's result, on the connection."""
    connection.sendall(os.getpid().to_bytes(_HEADER, "big"))
    request = _receive_all(connection)
    arguments = pickle.loads(request[_HEADER:_HEADER + int.from_bytes(request[:_HEADER], "big")])
    result = _child(*arguments)
    try:
        answer = pickle.dumps(result)
    except MemoryError:
        answer = pickle.dumps(("memory", None))
    connection.sendall(_frame(answer))


def _serve(address: str) -> None:
    """The zygote: listen on `address`, fork one child per connection, end when the parent closes our stdin."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(64)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the children
    ready = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what a library prints goes to the server's log, never into the pipe
    ready.write(b"ready\n")
    ready.close()
    parent = sys.stdin.fileno()
    while True:
        readable, _, _ = select.select([listener, parent], [], [])
        if parent in readable:
            os._exit(0)
        try:
            connection, _ = listener.accept()
        except OSError:
            continue
        if os.fork() == 0:
            status = 0
            try:
                listener.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _answer(connection)
            except BaseException:  # noqa: BLE001 — the parent reads a missing answer as a failed reading
                status = 1
            finally:
                os._exit(status)
        connection.close()


class _Zygote:
    """The parent's handle on its zygote: started at the first reading, started again if it died."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._directory: str | None = None

    def address(self) -> str | None:
        """The zygote's socket path, or None when no zygote can run here (each reading then starts its own
        interpreter)."""
        if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
            return None
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                return os.path.join(self._directory, "socket")
            self._stop()
            return self._start()

    def _start(self) -> str | None:
        self._directory = tempfile.mkdtemp(prefix="gpect-lecture-")  # mode 0700: only this user connects
        address = os.path.join(self._directory, "socket")
        try:
            self._process = subprocess.Popen([sys.executable, "-m", "gpect_core.readers.isolated", "--serve", address],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_environment())
            readable, _, _ = select.select([self._process.stdout], [], [], STARTUP_SECONDS)
            if not readable or self._process.stdout.readline().strip() != b"ready":
                raise OSError("the readers' zygote did not start")
        except OSError:
            logging.getLogger(__name__).warning("readers' zygote unavailable: one interpreter per reading",
                                                exc_info=True)
            self._stop()
            return None
        return address

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process = None
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None

    def stop(self) -> None:
        """End the zygote (at exit, or in a test that checks a new one starts)."""
        with self._lock:
            self._stop()

    @property
    def pid(self) -> int | None:
        """The zygote's process id while it runs."""
        return self._process.pid if self._process is not None and self._process.poll() is None else None


ZYGOTE = _Zygote()
atexit.register(ZYGOTE.stop)
_READINGS: threading.BoundedSemaphore | None = None
_READINGS_LOCK = threading.Lock()


def _reading_slot() -> threading.BoundedSemaphore:
    """At most GPECT_PARSE_CONCURRENCY readings at once in this process: each child may take the whole memory
    ceiling, so N uploads at once could take N times it."""
    global _READINGS
    with _READINGS_LOCK:
        if _READINGS is None:
            _READINGS = threading.BoundedSemaphore(settings.parse_concurrency())
        return _READINGS


def warm_up() -> None:
    """Start the zygote in the background (the « Données » page calls it) so that the first preview does not
    wait for the readers' imports; returns at once."""
    if ZYGOTE.pid is None:
        threading.Thread(target=ZYGOTE.address, name="gpect-readers-zygote", daemon=True).start()


def _environment() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_PACKAGE_PARENT, os.environ.get("PYTHONPATH")])))


def _through_zygote(address: str, arguments: bytes, seconds: float) -> tuple[str, object] | None:
    """The child's (status, payload), or ("gone", elapsed seconds) when it ended without answering, or None when
    the zygote did not take the request (the caller then starts an interpreter of its own)."""
    started = time.monotonic()
    child = None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(seconds + FORK_SECONDS)
            try:
                connection.connect(address)
            except OSError:
                return None
            try:
                head = connection.recv(_HEADER, socket.MSG_WAITALL)
                if len(head) < _HEADER:
                    return None
                child = int.from_bytes(head, "big")
                connection.sendall(_frame(arguments))
                connection.shutdown(socket.SHUT_WR)
                answer = _receive_all(connection)
            except TimeoutError:
                if child:
                    try:
                        os.kill(child, signal.SIGKILL)
                    except OSError:
                        pass
                return "time", None
    except OSError:
        return "gone", time.monotonic() - started
    size = int.from_bytes(answer[:_HEADER], "big") if len(answer) >= _HEADER else -1
    if size < 0 or len(answer) < _HEADER + size:
        return "gone", time.monotonic() - started
    return pickle.loads(answer[_HEADER:_HEADER + size])


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
    time_up = ("failed", t("hostile.read.time", file=file, seconds=f"{seconds:g}"))
    out_of_memory = ("failed", t("hostile.read.memory", file=file, megabytes=memory >> 20))
    slot = _reading_slot()
    if not slot.acquire(timeout=seconds + FORK_SECONDS):
        return "failed", t("hostile.read.busy", file=file)
    try:
        return _run_in_child(arguments, file, seconds, time_up, out_of_memory)
    finally:
        slot.release()


def _run_in_child(arguments: bytes, file: str, seconds: float, time_up, out_of_memory) -> tuple[str, object]:
    address = ZYGOTE.address()
    answer = _through_zygote(address, arguments, seconds) if address else None
    if answer is not None:
        status, payload = answer
        if status == "gone":  # killed by its memory or CPU ceiling, or died: which one, its time says
            logging.getLogger(__name__).error("reading %s: the child ended without an answer after %.1f s", file,
                                              payload)
            return time_up if payload >= seconds else out_of_memory
    else:
        try:
            done = subprocess.run([sys.executable, "-m", "gpect_core.readers.isolated"], input=arguments,
                                  capture_output=True, timeout=seconds + STARTUP_SECONDS, env=_environment())
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
    if sys.argv[1:2] == ["--serve"]:
        _serve(sys.argv[2])
    else:
        _main()
