#!/usr/bin/env python3
"""Check `smesim analyze` against the reference implementation, SALib.

    scripts/check_salib.py SWEEP_DIR [SWEEP_DIR ...]

For each sweep folder that `smesim analyze` has written a sensitivity.csv
into, feeds SALib the sweep's own sample matrix and outcomes and compares
the point estimates:

- sobol: SALib's `sobol.analyze(problem, Y, calc_second_order=…)` on Y =
  each point's outcome, averaged over replicates (method `sobol`) or per
  replicate with the indices then averaged (`sobol_per_replicate`): S1, ST,
  S2. The design itself is checked too: points.csv must be SALib's
  `sobol.sample(problem, N, calc_second_order=…, scramble=False)`, mapped
  to each key's values as the sweep maps them.
- morris: SALib's `morris.analyze(problem, X, Y, num_levels=…)` with X =
  points.csv scaled to the problem's bounds (an interval's values, the log
  of a log-scaled interval's, a listed key's position in its list): mu,
  mu_star, sigma.
- latin_hypercube: SciPy's `spearmanr` of each key's value (a listed key's
  position) and the outcome's mean over replicates.
- grid: NumPy's mean of the outcome over the runs at each value of each key.

An outcome that varies by rounding only (its values span no more than
1e-12 of their largest magnitude) has Sobol' indices 0 in smesim, and is
given 0 here rather than SALib's indices of rounding noise.

Tolerance: |smesim − reference| <= 1e-9 * max(1, |reference|) — absolute
for indices up to 1, relative beyond (Morris effects and grid means are
in the outcome's unit). An empty value must be NaN in the reference (or
its outcome missing in some run). Intervals are not compared: both tools
bootstrap, from different random numbers.

SALib and its dependencies, pinned in scripts/requirements-salib.txt, are
installed on first use into a virtual environment: $SMESIM_SALIB_VENV, or
.venv-salib in the repository (git-ignored). Exit codes: 0 every estimate
agrees, 1 some disagree, 2 bad arguments or folders, 3 SALib could not be
installed (no python3 venv module, or no access to PyPI).
"""
import functools
import operator
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIREMENTS = os.path.join(ROOT, "scripts", "requirements-salib.txt")
TOLERANCE = 1e-9


def pinned(package):
    with open(REQUIREMENTS) as file:
        for line in file:
            name, _, version = line.strip().partition("==")
            if name.lower() == package.lower():
                return version
    return None


def installed(package):
    """The installed version of `package`, or None."""
    import importlib.metadata
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def ensure_salib():
    """Re-runs this script in the virtual environment with SALib installed."""
    if installed("SALib") == pinned("SALib"):
        return
    if os.environ.get("SMESIM_SALIB_REEXEC"):
        sys.exit(f"check_salib: SALib {pinned('SALib')} is not importable in {sys.prefix}")
    venv = os.environ.get("SMESIM_SALIB_VENV", os.path.join(ROOT, ".venv-salib"))
    python = os.path.join(venv, "bin", "python")
    try:
        if not os.path.exists(python):
            print(f"check_salib: creating {venv}", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "venv", venv], check=True, stdout=sys.stderr)
        ok = subprocess.run([python, "-c", f"import importlib.metadata as m, sys; sys.exit(m.version('SALib') != '{pinned('SALib')}')"],
                            stderr=subprocess.DEVNULL).returncode == 0
        if not ok:
            print(f"check_salib: installing {REQUIREMENTS} into {venv}", file=sys.stderr)
            subprocess.run([python, "-m", "pip", "install", "--quiet", "-r", REQUIREMENTS], check=True, stdout=sys.stderr)
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"check_salib: cannot install SALib ({error})", file=sys.stderr)
        sys.exit(3)
    os.environ["SMESIM_SALIB_REEXEC"] = "1"
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


class Problem(Exception):
    pass


def read_folder(folder):
    import json
    import pandas as pd
    try:
        with open(os.path.join(folder, "manifest.json")) as file:
            sweep = json.load(file)["sweep"]
        points = pd.read_csv(os.path.join(folder, "points.csv"), keep_default_na=False, dtype=str)
        runs = pd.read_csv(os.path.join(folder, "runs.csv"), keep_default_na=False, dtype=str)
        table = pd.read_csv(os.path.join(folder, "sensitivity.csv"), keep_default_na=False, dtype=str)
    except (OSError, KeyError, ValueError) as error:
        raise Problem(f"{folder}: {error}")
    return sweep, points, runs, table


def list_position(field, values):
    """The position in a listed key's values of a points.csv field."""
    for position, value in enumerate(values):
        if isinstance(value, bool):
            if field in (("1", "true") if value else ("0", "false")):
                return position
        elif isinstance(value, (int, float)):
            try:
                if float(field) == float(value):
                    return position
            except ValueError:
                pass
        elif field == str(value) or field == "'" + str(value):
            return position
    raise Problem(f"points.csv value {field!r} is not one of {values}")


def sample_matrix(sweep, points):
    """points.csv scaled to the problem's bounds, and the problem."""
    import numpy as np
    names, bounds, columns = [], [], []
    for path, spec in sweep["parameters"].items():
        fields = points[path].tolist()
        names.append(path)
        if "values" in spec:
            columns.append([float(list_position(f, spec["values"])) for f in fields])
            bounds.append([0.0, float(max(len(spec["values"]) - 1, 1))])
        elif spec["scale"] == "log":
            columns.append([np.log(float(f)) for f in fields])
            bounds.append([np.log(spec["min"]), np.log(spec["max"])])
        else:
            columns.append([float(f) for f in fields])
            bounds.append([float(spec["min"]), float(spec["max"])])
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    return problem, np.array(columns, dtype=float).T


def outcome_series(sweep, runs, outcome, per_replicate):
    """Each point's outcome: the mean over replicates, or one list per replicate."""
    import numpy as np
    points = int(runs["point"].astype(int).max()) + 1
    replicates = int(sweep["replicates"])
    values = np.full((points, replicates), np.nan)
    for point, replicate, field in zip(runs["point"].astype(int), runs["replicate"].astype(int), runs[outcome]):
        values[point, replicate] = float(field) if field != "" else np.nan
    if per_replicate:
        return [values[:, r] for r in range(replicates)]
    # smesim's mean over replicates: summed in replicate order, then divided.
    return [np.array([functools.reduce(operator.add, row.tolist(), 0.0) / replicates for row in values])]


def check_design(sweep, points):
    """points.csv is SALib's Sobol' sample, mapped to the keys' values."""
    import numpy as np
    from SALib.sample import sobol as sobol_sample
    design = sweep["design"]
    names = list(sweep["parameters"])
    unit = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}
    u = sobol_sample.sample(unit, design["samples"], calc_second_order=design["second_order"], scramble=False)
    if len(u) != len(points):
        raise Problem(f"points.csv has {len(points)} points; sobol.sample gives {len(u)}")
    worst = 0.0
    for j, (path, spec) in enumerate(sweep["parameters"].items()):
        fields = points[path].tolist()
        if "values" in spec:
            k = len(spec["values"])
            expected = np.minimum((u[:, j] * k).astype(int), k - 1)
            found = np.array([list_position(f, spec["values"]) for f in fields])
            if (expected != found).any():
                raise Problem(f"{path}: points.csv is not sobol.sample's design")
            continue
        low, high = float(spec["min"]), float(spec["max"])
        if spec["scale"] == "log":
            x = np.exp(np.log(low) + u[:, j] * (np.log(high) - np.log(low)))
        else:
            x = low + u[:, j] * (high - low)
        if isinstance(spec["min"], int) and isinstance(spec["max"], int):
            x = np.floor(x + 0.5)
        found = np.array([float(f) for f in fields])
        worst = max(worst, float(np.max(np.abs(found - x) / np.maximum(1.0, np.abs(x)))))
    if worst > TOLERANCE:
        raise Problem(f"points.csv differs from sobol.sample's design by {worst:.3g} (relative)")
    return worst


def sobol_analyze(problem, y, second):
    """SALib's indices, or every index 0 when y varies by rounding only
    (spans no more than 1e-12 of its largest magnitude): smesim's one rule
    beyond SALib's (see SobolEstimator.swift)."""
    import numpy as np
    from SALib.analyze import sobol
    if not np.ptp(y) > 1e-12 * np.max(np.abs(y)):
        d = problem["num_vars"]
        return {"S1": np.zeros(d), "ST": np.zeros(d), "S2": np.zeros((d, d))}
    return sobol.analyze(problem, y, calc_second_order=second, num_resamples=10, seed=1)


def reference(method, sweep, points, runs, outcome):
    """SALib's (or SciPy's, NumPy's) estimates: {(parameter, index): value}."""
    import numpy as np
    from SALib.analyze import morris
    from scipy.stats import spearmanr
    design = sweep["design"]
    names = list(sweep["parameters"])
    problem, x = sample_matrix(sweep, points)
    series = outcome_series(sweep, runs, outcome, method.endswith("_per_replicate"))
    if any(np.isnan(y).any() for y in series) and design["type"] in ("sobol", "morris"):
        return None
    found = {}
    if design["type"] == "sobol":
        second = design["second_order"]
        each = [sobol_analyze(problem, y, second) for y in series]
        for j, name in enumerate(names):
            found[(name, "S1")] = np.mean([s["S1"][j] for s in each])
            found[(name, "ST")] = np.mean([s["ST"][j] for s in each])
            for k in range(j + 1, len(names)) if second else []:
                found[(name + "\u00d7" + names[k], "S2")] = np.mean([s["S2"][j, k] for s in each])
    elif design["type"] == "morris":
        each = [morris.analyze(problem, x, y, num_levels=design["levels"], num_resamples=10, seed=1) for y in series]
        for j, name in enumerate(names):
            for index in ("mu", "mu_star", "sigma"):
                found[(name, index)] = np.mean([s[index][j] for s in each])
    elif design["type"] == "latin_hypercube":
        y = series[0]
        for j, name in enumerate(names):
            keep = ~np.isnan(y)
            found[(name, "spearman")] = spearmanr(x[keep, j], y[keep]).statistic
    elif design["type"] == "grid":
        for j, (name, spec) in enumerate(sweep["parameters"].items()):
            values = runs[name].tolist()
            outcome_values = np.array([float(f) if f != "" else np.nan for f in runs[outcome]])
            ok = (runs["status"] == "ok").to_numpy()
            for field in dict.fromkeys(values):
                at = np.array([v == field for v in values]) & ok & ~np.isnan(outcome_values)
                found[(name, None, field)] = float(np.mean(outcome_values[at])) if at.any() else np.nan
    return found


def grid_key(table_row, sweep):
    """The runs.csv field of a grid row's value: mean_at_<value>."""
    label = table_row["index"][len("mean_at_"):]
    spec = sweep["parameters"][table_row["parameter"]]
    for value in spec.get("values", []):
        if isinstance(value, bool) and label == ("true" if value else "false"):
            return "1" if value else "0"
    return label


def compare(folder):
    import numpy as np
    sweep, points, runs, table = read_folder(folder)
    design = sweep["design"]["type"]
    notes = []
    if design == "sobol":
        worst = check_design(sweep, points)
        notes.append(f"points.csv is sobol.sample's design (max relative difference {worst:.2g})")
    disagreements, compared, empty, worst_abs, worst_rel = [], 0, 0, 0.0, 0.0
    for (method, outcome), rows in table.groupby(["method", "outcome"], sort=False):
        expected = reference(method, sweep, points, runs, outcome)
        for _, row in rows.iterrows():
            ours = float(row["value"]) if row["value"] != "" else np.nan
            if expected is None:
                if not np.isnan(ours):
                    disagreements.append(f"{outcome} {row['parameter']} {row['index']}: {ours}, but the outcome is missing in some run")
                empty += 1
                continue
            if design == "grid":
                key = (row["parameter"], None, grid_key(row, sweep))
                theirs = expected.get(key, np.nan)
                if key not in expected:
                    # A numeric level may be written differently in runs.csv (0.2 / 0.20).
                    matches = [v for k, v in expected.items() if k[0] == row["parameter"] and _same_number(k[2], key[2])]
                    theirs = matches[0] if matches else np.nan
            else:
                theirs = expected.get((row["parameter"], row["index"]), np.nan)
            compared += 1
            if np.isnan(ours) and np.isnan(theirs):
                continue
            difference = abs(ours - theirs)
            worst_abs = max(worst_abs, difference) if not np.isnan(difference) else worst_abs
            worst_rel = max(worst_rel, difference / max(1.0, abs(theirs))) if not np.isnan(difference) else worst_rel
            if not difference <= TOLERANCE * max(1.0, abs(theirs)):
                disagreements.append(f"{method} {outcome} {row['parameter']} {row['index']}: smesim {ours!r}, reference {theirs!r}")
    if empty:
        notes.append(f"{empty} estimates are empty, as they must be: their outcome is missing in some run")
    return compared, worst_abs, worst_rel, notes, disagreements


def _same_number(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) >= 2 else 2)
    ensure_salib()
    import warnings
    # SALib warns of constant outcomes and NumPy of 0 / 0 for them; both
    # are expected (an outcome that never varies has indices 0).
    warnings.filterwarnings("ignore")
    version = installed("SALib")
    failed = False
    for folder in sys.argv[1:]:
        try:
            compared, worst_abs, worst_rel, notes, disagreements = compare(folder)
        except Problem as problem:
            print(f"check_salib: {problem}", file=sys.stderr)
            sys.exit(2)
        for note in notes:
            print(f"{folder}: {note}")
        if disagreements:
            failed = True
            print(f"{folder}: {len(disagreements)} of {compared} estimates disagree with SALib {version}:")
            for line in disagreements[:20]:
                print(f"  {line}")
        else:
            print(f"{folder}: {compared} estimates agree with SALib {version} / SciPy / NumPy within "
                  f"{TOLERANCE:g} * max(1, |reference|) (max |difference| {worst_abs:.3g}, max relative {worst_rel:.3g})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
