"""Drives scripts/bench.sh: runs smesim and the Mesa reference side by side.

Standard library only. For every size, each smesim build runs `--repeat`
times (best rate kept, as timing noise only ever slows a run down) and Mesa
once; peak memory is the child's maximum resident set size.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def run_measured(command):
    """Runs command; returns (stdout, peak resident memory of that child in KiB)."""
    with tempfile.TemporaryFile(mode="w+") as out, tempfile.TemporaryFile(mode="w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{err.read()}")
        return out.read(), usage.ru_maxrss


def smesim(binary, firms, ticks, repeat, threads, scenario=None):
    """Best rate over `repeat` runs, its peak memory, and the table written."""
    best = None
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeat):
            out = os.path.join(folder, "out")
            _, peak = run_measured([binary, "run"] + ([scenario] if scenario else []) + ["--firms", str(firms), "--ticks", str(ticks),
                                    "--replicates", "1", "--threads", str(threads),
                                    "--out", out, "--force", "--quiet"])
            with open(os.path.join(out, "manifest.json")) as handle:
                seconds = json.load(handle)["run"]["wall_seconds"]
            rate = firms * ticks / seconds
            if best is None or rate > best[0]:
                best = (rate, peak)
        with open(os.path.join(out, "timeseries.csv"), "rb") as handle:
            table = handle.read()
    return best[0], best[1], table


def mesa(firms, ticks):
    script = os.path.join(os.path.dirname(__file__), "mesa_bass.py")
    out, peak = run_measured([sys.executable, script, "--firms", str(firms), "--ticks", str(ticks)])
    result = json.loads(out)
    return result["agent_steps_per_second"], peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--portable", required=True)
    parser.add_argument("--native", required=True)
    parser.add_argument("--sizes", type=int, nargs="+", required=True)
    parser.add_argument("--ticks", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--bass-scenario", required=True)
    parser.add_argument("--full-sizes", type=int, nargs="*", default=[])
    parser.add_argument("--no-alliances-scenario", required=True)
    parser.add_argument("--sweep", help="a sweep file to time against a single large run")
    parser.add_argument("--sweep-reference-firms", type=int, default=1000000)
    args = parser.parse_args()

    print(f"bass mode, {args.ticks} ticks, 1 replicate, {args.threads} threads; "
          f"rates in agent-steps/s (firms x ticks / wall time of the run)")
    header = ("firms", "smesim", "peak MiB", "smesim-native", "peak MiB", "Mesa 3.3.1", "peak MiB",
              "x Mesa", "native x Mesa")
    print("{:>9} {:>12} {:>9} {:>14} {:>9} {:>11} {:>9} {:>8} {:>14}".format(*header))
    for firms in sorted(args.sizes):
        portable, portable_peak, portable_table = smesim(args.portable, firms, args.ticks, args.repeat, args.threads, args.bass_scenario)
        native, native_peak, native_table = smesim(args.native, firms, args.ticks, args.repeat, args.threads, args.bass_scenario)
        if portable_table != native_table:
            sys.exit(f"the portable and native builds wrote different tables at {firms} firms")
        reference, reference_peak = mesa(firms, args.ticks)
        print("{:>9} {:>12.3g} {:>9.1f} {:>14.3g} {:>9.1f} {:>11.3g} {:>9.1f} {:>8.0f} {:>14.0f}".format(
            firms, portable, portable_peak / 1024, native, native_peak / 1024,
            reference, reference_peak / 1024, portable / reference, native / reference), flush=True)
    print("portable and native builds wrote byte-identical timeseries.csv at every size")

    if args.full_sizes:
        print()
        print(f"full model (the embedded default scenario: behavioural adoption, the economy, innovation, "
              f"alliances), {args.ticks} ticks, 1 replicate, {args.threads} threads; "
              f"the last column is the same run with alliances off (portable), for reference")
        print("{:>9} {:>12} {:>14} {:>9} {:>13} {:>14}".format(
            "firms", "smesim", "smesim-native", "peak MiB", "KiB per firm", "no alliances"))
        for firms in sorted(args.full_sizes):
            portable, peak, table = smesim(args.portable, firms, args.ticks, args.repeat, args.threads)
            native, _, native_table = smesim(args.native, firms, args.ticks, args.repeat, args.threads)
            if table != native_table:
                sys.exit(f"the portable and native builds wrote different tables at {firms} firms (full model)")
            reference, _, _ = smesim(args.portable, firms, args.ticks, args.repeat, args.threads,
                                     args.no_alliances_scenario)
            print("{:>9} {:>12.3g} {:>14.3g} {:>9.1f} {:>13.3f} {:>14.3g}".format(
                firms, portable, native, peak / 1024, peak / firms, reference), flush=True)

    if args.sweep:
        sweep(args)


def sweep(args):
    """A whole sweep against one large run of the same model, and the resume
    of the finished sweep."""
    with open(args.sweep) as handle:
        spec = json.load(handle)
    scenario = os.path.join(os.path.dirname(args.sweep), spec["scenario"])
    firms, ticks = spec["set"]["firms.count"], spec["set"]["horizon"]
    print()
    print(f"sweep {args.sweep}: {spec.get('description', '')} {args.threads} threads")
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "sweep")
        command = [args.portable, "sweep", args.sweep, "--out", out, "--threads", str(args.threads), "--quiet"]
        started = time.perf_counter()
        _, peak = run_measured(command)
        wall = time.perf_counter() - started
        with open(os.path.join(out, "runs.csv")) as handle:
            runs = sum(1 for _ in handle) - 1
        resumes = []
        for _ in range(5):
            started = time.perf_counter()
            run_measured(command)
            resumes.append(time.perf_counter() - started)
    steps = runs * firms * ticks
    single, single_peak, _ = smesim(args.portable, args.sweep_reference_firms, ticks, args.repeat, args.threads, scenario)
    print("{:>34} {:>10} {:>14} {:>9} {:>8}".format("", "runs/s", "agent-steps/s", "peak MiB", "wall s"))
    print("{:>34} {:>10.1f} {:>14.3g} {:>9.1f} {:>8.1f}".format(
        f"sweep: {runs} runs x {firms} firms x {ticks}", runs / wall, steps / wall, peak / 1024, wall))
    print("{:>34} {:>10} {:>14.3g} {:>9.1f}".format(
        f"one run of {args.sweep_reference_firms} firms (best of {args.repeat})", "", single, single_peak / 1024))
    print(f"the sweep sustains {100 * steps / wall / single:.0f} % of the single run's agent-step rate "
          f"(whole process: start-up, every run, joining the tables)")
    resumes.sort()
    print(f"resuming the finished sweep (nothing to run): median {resumes[2]:.3f} s, max {resumes[-1]:.3f} s over 5")


if __name__ == "__main__":
    main()
