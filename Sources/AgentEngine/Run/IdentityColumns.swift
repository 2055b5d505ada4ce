/// The columns that say which run and which tick a row belongs to; every
/// table of an experiment starts with the ones that apply, in this order:
/// point (sweeps), replicate, seed, then (in sweeps) the swept parameters,
/// then tick.
public enum IdentityColumns {
    public static let point = ColumnSpec("point", .integer, "Parameter point of the sweep, 0-based (its values: points.csv and the parameter columns).")
    public static let replicate = ColumnSpec("replicate", .integer, "Replicate index, 0-based; with the seed it names the run's random streams.")
    public static let seed = ColumnSpec("seed", .integer, "Master seed of the run's random streams.")
    public static let tick = ColumnSpec("tick", .integer, unit: "month", "Tick; 0 is the initial state, then one row per month at its end.")
}
