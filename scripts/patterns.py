"""The pattern table of the model documentation, from the run folders that
scripts/patterns.sh writes (standard library only).

    python3 scripts/patterns.py Results/patterns

Each figure is computed per replicate and reported as the mean over
replicates with a 95 % interval (Student's t, replicates - 1 degrees of
freedom). A variant folder that is missing is skipped.

Definitions (the same as the pattern tests, Tests/SMEModelTests/Observation.swift):
- exits: a year's exits over firms alive at its start; "years 2-10" pools
  the yearly rates by mean; by size class, exits over firms alive at the
  start of each year, pooled over years 2-10.
- gaps: difference in differences from the panel (firms.csv, every firm):
  the mean change since tick 0 of firms of the initial population that are
  members at the end and joined at least 24 months before it (treated),
  minus that of firms of the initial population that never joined
  (controls), alive at the end.
- revenue gap: mean monthly revenue at the end per employee at tick 0,
  treated over controls, minus 1.
"""
import csv
import math
import os
import sys
from collections import defaultdict

DIMENSIONS = ["relationship", "technology", "financial", "sustainability"]
BLOCKS = ["value_proposition", "customers", "value_chain", "competences", "network", "relations", "value_formula"]
TYPES = ["specialization", "allocation", "sharing", "hybrid"]
# Two-sided 97.5 % quantiles of Student's t by degrees of freedom.
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
        10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 19: 2.093, 24: 2.064, 29: 2.045}


def interval(values):
    values = [v for v in values if v == v]
    n = len(values)
    if n == 0:
        return float("nan"), float("nan")
    mean = sum(values) / n
    if n == 1:
        return mean, float("nan")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    df = n - 1
    t = T975.get(df) or T975[max(k for k in T975 if k <= df)] if df <= 29 else 1.96
    return mean, t * sd / math.sqrt(n)


def fmt(values, digits=3, percent=False):
    mean, half = interval(values)
    scale = 100 if percent else 1
    unit = " %" if percent else ""
    if half != half:
        return f"{mean * scale:.{digits}f}{unit}"
    return f"{mean * scale:.{digits}f} ± {half * scale:.{digits}f}{unit}"


class Variant:
    def __init__(self, folder):
        self.folder = folder
        self.rows = defaultdict(dict)  # replicate -> tick -> row
        with open(os.path.join(folder, "timeseries.csv"), newline="") as f:
            for row in csv.DictReader(f):
                self.rows[int(row["replicate"])][int(row["tick"])] = row
        self.replicates = sorted(self.rows)
        self.horizon = max(self.rows[self.replicates[0]])
        self.members_end, self.nonmembers_end = {}, {}  # filled by gaps()

    def value(self, replicate, tick, column):
        cell = self.rows[replicate][tick][column]
        return float(cell) if cell != "" else float("nan")

    def per_replicate(self, f):
        return [f(r) for r in self.replicates]

    def yearly_exits(self, r, year, size=None):
        suffix = f"_{size}" if size else ""
        exits = sum(self.value(r, t, "exits" + suffix) for t in range(12 * year - 11, 12 * year + 1))
        alive = self.value(r, 12 * (year - 1), "firms_alive" + suffix)
        return exits, alive

    def exit_rate(self, r, years):
        return sum(e / a for e, a in (self.yearly_exits(r, y) for y in years)) / len(years)

    def exit_rate_by_size(self, r, size, years):
        pairs = [self.yearly_exits(r, y, size) for y in years]
        alive = sum(a for _, a in pairs)
        return sum(e for e, _ in pairs) / alive if alive > 0 else float("nan")

    def total(self, r, column, ticks=None):
        ticks = ticks or range(1, self.horizon + 1)
        return sum(self.value(r, t, column) for t in ticks)

    def alliance_types(self, r):
        counts = [self.total(r, f"alliances_formed_{t}") for t in TYPES]
        total = sum(counts)
        return [c / total if total > 0 else float("nan") for c in counts]

    def gaps(self):
        """Per replicate: the four dimension gaps, the revenue gap, treated count."""
        path = os.path.join(self.folder, "firms.csv")
        if not os.path.exists(path):
            return {}
        start, end = {}, {}
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                tick = int(row["tick"])
                if tick == 0:
                    start[(row["replicate"], row["firm"])] = row
                elif tick == self.horizon and row["alive"] == "1" and row["born_tick"] == "0":
                    end[(row["replicate"], row["firm"])] = row
        groups = defaultdict(lambda: {"treated": [], "controls": []})
        for key, row in end.items():
            joined = int(row["joined_tick"])
            if row["member"] == "1" and 0 <= joined <= self.horizon - 24:
                group = "treated"
            elif joined == -1:
                group = "controls"
            else:
                continue
            first = start[key]
            changes = [float(row[d]) - float(first[d]) for d in DIMENSIONS]
            revenue = (float(row["revenue_local"]) + float(row["revenue_online"])) / float(first["employees"])
            groups[int(key[0])][group].append(changes + [revenue])
        self.members_end = defaultdict(list)  # replicate -> [(local, online, profit)]
        for key, row in end.items():
            if row["member"] == "1":
                self.members_end[int(key[0])].append(
                    (float(row["revenue_local"]), float(row["revenue_online"]), float(row["profit"])))
        self.nonmembers_end = defaultdict(list)
        for key, row in end.items():
            if row["member"] == "0":
                self.nonmembers_end[int(key[0])].append(
                    (float(row["revenue_local"]), float(row["revenue_online"]), float(row["profit"])))
        result = {}
        for r, g in groups.items():
            t, c = g["treated"], g["controls"]
            if not t or not c:
                result[r] = None
                continue
            mt = [sum(x[k] for x in t) / len(t) for k in range(5)]
            mc = [sum(x[k] for x in c) / len(c) for k in range(5)]
            result[r] = {"gaps": [mt[k] - mc[k] for k in range(4)],
                         "revenue": mt[4] / mc[4] - 1 if mc[4] > 0 else float("nan"),
                         "treated": len(t), "controls": len(c)}
        return result


def main(root):
    variants = {name: Variant(os.path.join(root, name)) for name in sorted(os.listdir(root))
                if os.path.exists(os.path.join(root, name, "timeseries.csv"))}
    base = variants["baseline"]
    h = base.horizon
    years = list(range(2, h // 12 + 1))
    first = base.rows[base.replicates[0]][0]
    print(f"{first['firms']} firms, {len(base.replicates)} replicates, {h} months; mean ± half-width of the 95 % interval\n")
    print("| pattern | figure | measured |")
    print("| --- | --- | --- |")

    def row(pattern, figure, value):
        print(f"| {pattern} | {figure} | {value} |")

    # Demography.
    row("exits", "yearly exits, year 1", fmt(base.per_replicate(lambda r: base.exit_rate(r, [1])), 1, True))
    row("exits", "yearly exits, years 2-10 (mean)", fmt(base.per_replicate(lambda r: base.exit_rate(r, years)), 1, True))
    for size, label in [("1_2", "1-2 employees"), ("3_9", "3-9 employees"), ("10_plus", "10 or more employees")]:
        row("exits", f"yearly exits of firms of {label}, years 2-10",
            fmt(base.per_replicate(lambda r: base.exit_rate_by_size(r, size, years)), 1, True))
    row("size", "mean employees of living firms, month 120 / month 0 - 1",
        fmt(base.per_replicate(lambda r: base.value(r, h, "mean_employees") / base.value(r, 0, "mean_employees") - 1), 1, True))
    row("size", "lowest firms alive / firms at month 0 - 1",
        fmt(base.per_replicate(lambda r: min(base.value(r, t, "firms_alive") for t in range(h + 1)) / base.value(r, 0, "firms_alive") - 1), 1, True))
    for name, label in [("declining", "local demand -3 %/year, with the platform"),
                        ("declining_no_platform", "local demand -3 %/year, no platform")]:
        if name in variants:
            v = variants[name]
            row("exits", f"yearly exits, years 2-10: {label}", fmt(v.per_replicate(lambda r: v.exit_rate(r, years)), 1, True))

    # Adoption and the platform.
    row("adoption", "member share, month 120", fmt(base.per_replicate(lambda r: base.value(r, h, "member_share")), 1, True))
    row("adoption", "online share of sales, month 120", fmt(base.per_replicate(lambda r: base.value(r, h, "online_share")), 1, True))
    late = range(h - 59, h + 1)
    row("platform", "net margin, months 61-120 ((income - costs) / income)",
        fmt(base.per_replicate(lambda r: 1 - base.total(r, "platform_costs", late) / base.total(r, "platform_income", late)), 1, True))
    row("platform", "network price per order, month 120 (EUR)", fmt(base.per_replicate(lambda r: base.value(r, h, "network_price_per_order")), 2))
    for name, label in [("no_market_access", "market access"), ("no_analytics", "analytics"), ("no_training", "training"),
                        ("no_shared_logistics", "shared logistics"), ("no_inventory", "inventory management"),
                        ("no_platform", "the platform")]:
        if name in variants:
            v = variants[name]
            row("services", f"member share, month 120, without {label}", fmt(v.per_replicate(lambda r: v.value(r, h, "member_share")), 1, True))

    # Gaps of seed 002 and their ablations.
    def gap_rows(name, label, dims):
        if name not in variants:
            return
        g = variants[name].gaps()
        ok = [x for x in g.values() if x]
        treated = sum(x["treated"] for x in ok) / max(1, len(g))
        for d in [d for d in dims if d in DIMENSIONS]:
            values = [x["gaps"][DIMENSIONS.index(d)] if x else float("nan") for x in g.values()]
            row("gaps", f"{d} gap{label} (treated firms a replicate: {treated:.0f})", fmt(values))
        if "revenue" in dims:
            values = [x["revenue"] if x else float("nan") for x in g.values()]
            row("gaps", f"revenue per initial employee, treated / controls - 1{label}", fmt(values, 1, True))

    gap_rows("baseline", "", DIMENSIONS + ["revenue"])
    gap_rows("no_market_access", " without market access", ["financial", "relationship", "revenue"])
    gap_rows("no_analytics_training", " without analytics and training", ["technology", "sustainability"])
    gap_rows("no_learning", " without learning (learning.rate 0)", ["technology"])
    gap_rows("no_alliances", " without alliances", ["relationship"])
    if "no_alliances" in variants:
        v = variants["no_alliances"]
        row("services", "member share, month 120, without alliances", fmt(v.per_replicate(lambda r: v.value(r, h, "member_share")), 1, True))

    # Spread of every dimension.
    for d in DIMENSIONS:
        row("spread", f"{d}: p90 - p10, month 0 → month 120",
            fmt(base.per_replicate(lambda r: base.value(r, 0, f"{d}_p90") - base.value(r, 0, f"{d}_p10")), 2) + " → "
            + fmt(base.per_replicate(lambda r: base.value(r, h, f"{d}_p90") - base.value(r, h, f"{d}_p10")), 2))

    # Alliances.
    for name, label in [("baseline", "partners chosen by fit"), ("random_partners", "random partners")]:
        if name in variants:
            v = variants[name]
            shares = v.per_replicate(v.alliance_types)
            row("alliance types", f"formed: specialization / allocation / sharing / hybrid, {label}",
                " / ".join(fmt([s[k] for s in shares], 1, True) for k in range(4)))

    # Pattern 4: Lindgren and 4b.
    def front(v, r, blocks):
        total = sum(v.total(r, f"bmi_initiatives_{b}") for b in BLOCKS)
        return sum(v.total(r, f"bmi_initiatives_{b}") for b in blocks) / total if total > 0 else float("nan")

    row("initiatives", "share on value proposition or customers (calibration check)",
        fmt(base.per_replicate(lambda r: front(base, r, BLOCKS[:2])), 1, True))
    row("initiatives", "... and internal value chain (calibration check)",
        fmt(base.per_replicate(lambda r: front(base, r, BLOCKS[:3])), 1, True))

    def nr_share(v, r, column):
        values = [v.value(r, t, column) for t in range(1, h + 1)]
        values = [x for x in values if x == x]
        return sum(values) / len(values) if values else float("nan")

    for name, label in [("baseline", ""), ("no_partner_tilt", ", innovation.partner_tilt 0")]:
        if name in variants:
            v = variants[name]
            row("initiatives", f"share on network or relations, allied / unallied firms{label}",
                fmt(v.per_replicate(lambda r: nr_share(v, r, "bmi_network_relations_share_allied")), 1, True) + " / "
                + fmt(v.per_replicate(lambda r: nr_share(v, r, "bmi_network_relations_share_unallied")), 1, True))

    # Lifecycle of alliances (per replicate, over the run).
    for column, label in [("alliances_formed", "formed"), ("alliances_fell_back", "fall-backs"),
                          ("alliances_dropped", "dropped"), ("alliances_failed", "failed"),
                          ("alliances_ended_planned", "planned ends")]:
        row("alliance lifecycle", f"{label} a replicate", fmt(base.per_replicate(lambda r: base.total(r, column)), 0))
    channel = alliance_channels(base.folder)
    if channel:
        row("alliance lifecycle", "formed through the platform's matchmaking", fmt(channel, 1, True))

    # Calibration figures.
    def members_online_share(r):
        m = base.members_end.get(r, [])
        total = sum(l + o for l, o, _ in m)
        return sum(o for _, o, _ in m) / total if total > 0 else float("nan")

    def margin(rows):
        revenue = sum(l + o for l, o, _ in rows)
        return sum(p for _, _, p in rows) / revenue if revenue > 0 else float("nan")

    if base.members_end:
        row("calibration", "members' online share of sales, month 120", fmt(base.per_replicate(members_online_share), 1, True))
        row("calibration", "share of members selling online, month 120",
            fmt(base.per_replicate(lambda r: sum(1 for _, o, _ in base.members_end[r] if o > 0) / max(1, len(base.members_end[r]))), 1, True))
        row("calibration", "net margin, month 120: members / non-members (initial population)",
            fmt(base.per_replicate(lambda r: margin(base.members_end[r])), 1, True) + " / "
            + fmt(base.per_replicate(lambda r: margin(base.nonmembers_end[r])), 1, True))
    year10 = range(h - 11, h + 1)
    row("calibration", "net margin of all firms, last year",
        fmt(base.per_replicate(lambda r: base.total(r, "profit_total", year10)
                               / (base.total(r, "revenue_local", year10) + base.total(r, "revenue_online", year10))), 1, True))
    row("calibration", "logistics cost per order, month 120 (EUR)", fmt(base.per_replicate(lambda r: base.value(r, h, "logistics_cost_per_order")), 2))

    def profitable_from(r):
        last_loss = max([t for t in range(1, h + 1) if base.value(r, t, "platform_income") < base.value(r, t, "platform_costs")], default=0)
        return last_loss + 1

    row("calibration", "platform: first month of profit for good", fmt(base.per_replicate(profitable_from), 0))
    row("calibration", "platform open at month 120 (replicates)", f"{sum(base.value(r, h, 'platform_open') for r in base.replicates):.0f} of {len(base.replicates)}")
    row("calibration", "analytics quality, month 120", fmt(base.per_replicate(lambda r: base.value(r, h, "analytics_quality")), 2))
    row("calibration", "share of initiatives that succeed (mean over months)",
        fmt(base.per_replicate(lambda r: sum(base.value(r, t, "bmi_success_rate") * base.value(r, t, "bmi_initiatives") for t in range(1, h + 1))
                               / base.total(r, "bmi_initiatives")), 1, True))
    for column, label in [("analytics_use_members", "analytics use of members"), ("training_use_members", "training use of members"),
                          ("consulting_use_members", "consultant use of members"), ("consulting_use_nonmembers", "consultant use of non-members")]:
        row("calibration", f"{label}, month 120", fmt(base.per_replicate(lambda r: base.value(r, h, column)), 2))
    row("calibration", "Gini of members' online sales, month 120", fmt(base.per_replicate(lambda r: base.value(r, h, "online_sales_gini")), 2))


def alliance_channels(folder):
    """Per replicate: the share of formed alliances that formed through the platform."""
    path = os.path.join(folder, "alliances.csv")
    if not os.path.exists(path):
        return []
    counts = defaultdict(lambda: [0, 0])
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["event"] == "formed":
                counts[int(row["replicate"])][0] += row["channel"] == "platform"
                counts[int(row["replicate"])][1] += 1
    return [p / n for p, n in counts.values() if n > 0]


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Results/patterns")
