"""Prints a yearly summary of a smesim output folder (standard library only).

    python3 scripts/summarize.py Results/baseline

Means over replicates, at the end of each year: firms alive, member share,
yearly exits (% of firms alive at the start of the year), online share,
members' minus non-members' mean of each dimension, platform cash, BMI
initiatives in the year and the shares of pattern 4. The columns are
explained under the table; a value that cannot be computed (no members
yet, no initiatives) is printed as "-".
"""
import csv
import sys
from collections import defaultdict


def main(folder):
    rows = list(csv.DictReader(open(f"{folder}/timeseries.csv", newline="")))
    by_tick = defaultdict(list)
    for row in rows:
        by_tick[int(row["tick"])].append(row)

    def mean(tick, column):
        values = [float(r[column]) for r in by_tick[tick] if r[column] != ""]
        return sum(values) / len(values) if values else float("nan")

    def yearly_sum(year, column):
        return sum(mean(t, column) for t in range(12 * year - 11, 12 * year + 1) if t in by_tick)

    dims = ["relationship", "technology", "financial", "sustainability"]
    print("year  alive  members  exits%  entry%  online  " + "  ".join(f"{d[:5]}gap" for d in dims)
          + "  platform_cash  bmi  vp+cust  +chain  open")

    def number(value, width, digits, sign=""):
        return "-".rjust(width) if value != value else f"{value:>{sign}{width}.{digits}f}"
    last = max(by_tick)
    for year in range(0, last // 12 + 1):
        t = 12 * year
        alive_start = mean(max(t - 12, 0), "firms_alive")
        exits = yearly_sum(year, "exits") if year > 0 else 0
        entries = yearly_sum(year, "entries") if year > 0 else 0
        gaps = [mean(t, f"{d}_mean_members") - mean(t, f"{d}_mean_nonmembers") for d in dims]
        blocks = {b: yearly_sum(year, f"bmi_initiatives_{b}") for b in
                  ["value_proposition", "customers", "value_chain", "competences", "network", "relations", "value_formula"]}
        total = sum(blocks.values())
        vp = (blocks["value_proposition"] + blocks["customers"]) / total if total else float("nan")
        chain = vp + blocks["value_chain"] / total if total else float("nan")
        print(f"{year:>4} {mean(t, 'firms_alive'):>6.0f} {mean(t, 'member_share'):>8.3f} {100 * exits / alive_start:>7.2f} "
              f"{100 * entries / alive_start:>7.2f} "
              f"{number(mean(t, 'online_share'), 7, 3)}  " + "  ".join(number(g, 8, 3, "+") for g in gaps)
              + f"  {mean(t, 'platform_cash'):>13.0f} {total:>4.0f} {number(vp, 8, 2)} {number(chain, 7, 2)} {mean(t, 'platform_open'):>5.2f}")
    print("""
year           years since tick 0 (the row is the state at the end of the year)
alive          firms trading; members: member share of them
exits%, entry% exits and entries in the year, % of the firms alive at its start
online         share of all sales made online
<dim>gap       members' mean minus non-members' mean of the dimension (relat = relationship,
               techn = technology, finan = financial, susta = sustainability)
platform_cash  the platform's cash (EUR); open: share of replicates where it still operates
bmi            business model innovation initiatives started in the year
vp+cust        share of them on value proposition or customers; +chain: also value chain
               (pattern 4: most initiatives start on the value proposition side)
means over replicates; "-" where there is nothing to compute""")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Results/default")
