"""Benchmark of issue 14's fresh faults: how fast very wide tables are refused, and what reading in the bounded
child process costs (the reason `build-pack` reads in-process unless `--isolated`).

    .venv/bin/python bench/bench_hostile.py [--scan]

Wide tables: a workbook of 16,384 columns and a CSV of 100,000 columns, `read_source` in this process (the
bound refuses them before any per-column work; before it, 75–145 s). Child cost: `read_source` against
`read_source_isolated` on a small CSV and on the largest realdata files. `--scan`: `build.scan_folder` of the
whole of ../shared/realdata, in-process then isolated (several minutes).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
REALDATA = ROOT.parent / "shared" / "realdata"


def wide_xlsx(columns: int) -> bytes:
    from openpyxl.utils import get_column_letter
    from test_hostile_files import sparse_xlsx, zip_of

    header = "".join(f'<c r="{get_column_letter(i + 1)}1" t="inlineStr"><is><t>c{i}</t></is></c>'
                     for i in range(columns))
    archive = zipfile.ZipFile(io.BytesIO(sparse_xlsx(cell="A1", dimension=None)))
    parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                                         'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                                         f'<row r="1">{header}</row></sheetData></worksheet>')
    return zip_of(parts)


def timed(call, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scan", action="store_true")
    args = parser.parse_args()
    from gpect_core.readers import read_source
    from gpect_core.readers.isolated import read_source_isolated

    print("| measure | median of 3 |\n|---|---:|")
    wide_csv = (";".join(f"c{i}" for i in range(100_000)) + "\n" + ";".join("1" for _ in range(100_000))).encode()
    for name, data in (("large.xlsx", wide_xlsx(16_384)), ("large.csv", wide_csv)):
        print(f"| refuse {name} ({len(data) // 1000} kB) in-process | {timed(lambda: read_source(data, name)):.2f} s |")  # noqa: B023
    small = ("Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement;Projets difficiles\n"
             "ZE2020;9901;ROME4;H2913;2025;12;7\n").encode()
    print(f"| small CSV in-process | {timed(lambda: read_source(small, 's.csv')):.2f} s |")
    from gpect_core.readers.isolated import ZYGOTE

    read_source_isolated(small, "warm.csv")  # the zygote's start (the « Données » page starts it on its first visit)
    print(f"| small CSV in a child forked by the zygote | {timed(lambda: read_source_isolated(small, 's.csv')):.2f} s |")
    address = ZYGOTE.address
    ZYGOTE.address = lambda: None  # each reading starts its own interpreter, as before the zygote
    print(f"| small CSV in a fresh interpreter | {timed(lambda: read_source_isolated(small, 's.csv')):.2f} s |")
    ZYGOTE.address = address
    if REALDATA.is_dir():
        biggest = sorted((p for p in REALDATA.rglob("*") if p.suffix.lower() in (".csv", ".xlsx")),
                         key=lambda p: p.stat().st_size)[-2:]
        for path in biggest:
            data = path.read_bytes()
            inside = timed(lambda: read_source(data, path.name), runs=1)  # noqa: B023
            child = timed(lambda: read_source_isolated(data, path.name), runs=1)  # noqa: B023
            print(f"| {path.name} ({len(data) / 1e6:.0f} MB): in-process / child | {inside:.1f} s / {child:.1f} s |")
    if args.scan and REALDATA.is_dir():
        from gpect_core.build import scan_folder

        for isolated in (False, True):
            started = time.perf_counter()
            items = scan_folder(REALDATA, {"demandeurs_emploi_secteur_bassin.csv": "2021"}, isolated=isolated)
            print(f"| scan_folder(realdata) isolated={isolated} ({len(items)} tables) | "
                  f"{time.perf_counter() - started:.0f} s (1 run) |")


if __name__ == "__main__":
    main()
