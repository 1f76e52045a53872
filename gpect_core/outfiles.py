"""Writing a command's output file: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import GpectError


def write_atomically(out: Path, data: bytes) -> None:
    """Write `data` (bytes) to the path `out` through a temporary file beside it, renamed into place: a reader never
    sees a half-written file and a failure leaves the previous file as it was. Raises GpectError (French, naming
    `out`) when the file cannot be written; the temporary file is removed on any failure."""
    out = Path(out)
    handle, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GpectError(f"« {out} » n'a pas pu être écrit ({exc.strerror or exc}).") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
