"""Quality and speed of `match-titles` (issue 10): job titles written by firms → ROME 4.0 codes.

    .venv/bin/python bench/bench_match_titles.py [--pack /work/natpack] [--runs 3]

Quality: `bench/data/job_titles_labelled.csv` (title, rome_code, source: titles written in the style of job
offers, job boards, BMO labels, survey answers and jobseekers, each with the ROME 4.0 code a person assigns) is
matched against the appellations of the pack (`occupation_titles`, 13,120 ROME 4.0 appellations in the national
pack); top-1 is the best code proposed (for a title sent to review, the first candidate the editor is offered), top-3
the best code or one of the two next candidates (targets 85 % / 95 %). Also reported: how many titles go to
review (and why), and how many wrong codes are accepted without review (what a committee would not see).
Speed: 10,000 titles (the labelled titles drawn with replacement and each given one random typo, so nearly all
are distinct and none is served from a cache) matched with `match_titles`; median of `--runs` (target ≤ 5 s).
The index build (normalising the appellations, done once per loaded pack) is reported apart.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from gpect_core.survey.matching import THRESHOLD, index_of_pack, match_titles  # noqa: E402
from gpect_core.territory import Territory  # noqa: E402

DATA = ROOT / "bench" / "data" / "job_titles_labelled.csv"


def typo(text: str, rng: random.Random) -> str:
    """One random edit: a letter dropped, doubled or swapped with its neighbour."""
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1:]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    return text[:i - 1] + text[i] + text[i - 1] + text[i + 1:]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pack", default="/work/natpack")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    territory = Territory.load(args.pack, validate=False)
    start = time.perf_counter()
    index = index_of_pack(territory)
    built = time.perf_counter() - start
    labelled = pd.read_csv(DATA, dtype=str)
    result = match_titles(labelled["title"], index)
    top3 = [[c, *others] if c else list(others) for c, others in zip(result["rome_code"], result["candidates"],
                                                                       strict=True)]
    best = pd.Series([codes[0] if codes else "" for codes in top3])
    hit1 = best == labelled["rome_code"]
    hit3 = pd.Series([code in codes[:3] for code, codes in zip(labelled["rome_code"], top3, strict=True)])
    to_review = result["status"] == "review"
    accepted = result["status"] == "matched"
    wrong_accepted = accepted & (result["rome_code"] != labelled["rome_code"])
    print(f"pack {args.pack}: {len(index.frame)} appellation keys, index built in {built:.2f} s")
    print(f"labelled titles: {len(labelled)}; threshold {THRESHOLD:g}; sent to review: {to_review.sum()} "
          f"({to_review.mean():.1%}; of them right at top-1: {(to_review & hit1).sum()})")
    if "reason" in result:
        reasons = result.loc[to_review, "reason"].str.split().explode().value_counts()
        print("  review reasons: " + ", ".join(f"{r} {n}" for r, n in reasons.items()))
    print(f"accepted without review: {accepted.sum()}, of them wrong: {wrong_accepted.sum()} "
          f"(precision {1 - wrong_accepted.sum() / max(accepted.sum(), 1):.1%})")
    print(f"top-1 accuracy: {hit1.mean():.1%} ({hit1.sum()}/{len(labelled)})  target 85 %")
    print(f"top-3 accuracy: {hit3.mean():.1%} ({hit3.sum()}/{len(labelled)})  target 95 %")
    for source, group in labelled.assign(hit1=hit1, hit3=hit3).groupby("source"):
        print(f"  {source}: {len(group)} titles, top-1 {group['hit1'].mean():.0%}, top-3 {group['hit3'].mean():.0%}")
    if args.show_misses:
        for row in labelled.assign(got=best, appellation=result["appellation"], score=result["score"],
                                   status=result["status"])[~hit1].itertuples():
            print(f"  miss: {row.title!r} expected {row.rome_code}, got {row.got or '—'} ({row.appellation}, "
                  f"{row.score}, {row.status})")
    rng = random.Random(10)
    titles = [typo(rng.choice(labelled["title"].tolist()), rng) for _ in range(10_000)]
    distinct = len({t.lower() for t in titles})
    times, cpu = [], []
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        match_titles(titles, index)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(f"10,000 titles ({distinct} distinct): median {statistics.median(times):.2f} s wall, "
          f"{statistics.median(cpu):.2f} s CPU (wall runs: {', '.join(f'{t:.2f}' for t in times)}; load average "
          f"{os.getloadavg()[0]:.1f})  target ≤ 5 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
