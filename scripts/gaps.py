"""Pattern 2 from a panel: members' gain on the four dimensions over
comparable non-members, as a difference in differences (standard library).

    smesim run Simulations/baseline.json --panel-every 12 --panel-sample 100000
    python3 scripts/gaps.py Results/baseline [TICK]

Treated: firms of the initial population alive at TICK (default: the last
panel tick) that have been members for at least 24 months. Controls: firms
of the initial population alive at TICK that never joined. For each
dimension: mean change since tick 0 of the treated minus that of the
controls, pooled over replicates.
"""
import csv
import sys

DIMENSIONS = ["relationship", "technology", "financial", "sustainability"]


def main(folder, tick=None):
    path = f"{folder}/firms.csv"
    try:
        rows = list(csv.DictReader(open(path, newline="")))
    except FileNotFoundError:
        sys.exit(f"gaps.py: {path} does not exist: this needs the panel of firms, which `smesim run` writes "
                 f"with --panel-every K --panel-sample N (e.g. --panel-every 12 --panel-sample 100000)")
    last = max(int(r["tick"]) for r in rows) if tick is None else int(tick)
    start = {(r["replicate"], r["firm"]): r for r in rows if r["tick"] == "0"}
    sums = {"treated": [0.0] * 4, "controls": [0.0] * 4}
    counts = {"treated": 0, "controls": 0}
    for r in rows:
        if int(r["tick"]) != last or r["alive"] != "1" or r["born_tick"] != "0":
            continue
        joined = int(r["joined_tick"])
        if r["member"] == "1" and 0 <= joined <= last - 24:
            group = "treated"
        elif joined == -1:
            group = "controls"
        else:
            continue
        first = start[(r["replicate"], r["firm"])]
        for k, d in enumerate(DIMENSIONS):
            sums[group][k] += float(r[d]) - float(first[d])
        counts[group] += 1
    print(f"tick {last}: {counts['treated']} treated, {counts['controls']} controls")
    for k, d in enumerate(DIMENSIONS):
        if counts["treated"] and counts["controls"]:
            gap = sums["treated"][k] / counts["treated"] - sums["controls"][k] / counts["controls"]
            print(f"  {d:<15} {gap:+.3f}")
        else:
            print(f"  {d:<15} n/a (no treated or no controls)")


if __name__ == "__main__":
    main(*sys.argv[1:3]) if len(sys.argv) > 1 else sys.exit(__doc__)
