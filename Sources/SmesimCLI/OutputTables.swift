import AgentEngine
import SMEModel

/// The tables an output folder holds, described for its manifest: each
/// starts with the experiment's identity columns, then the columns of the
/// model's tables (declared once, in the model).
enum OutputTables {
    static func timeseries(_ identity: [ColumnSpec]) -> TableDescription {
        TableDescription(
            name: "timeseries", file: "timeseries.csv",
            description: "One row per run and tick: adoption, the economy, the platform, business model innovation and alliances.",
            columns: identity + [IdentityColumns.tick] + SMESimulation.timeseries.specs)
    }

    static func alliances(_ identity: [ColumnSpec]) -> TableDescription {
        TableDescription(
            name: "alliances", file: "alliances.csv",
            description: "One row per alliance event (formed, phase change, fall-back, failure, planned end) and per finished firm-level reintegration.",
            columns: identity + [IdentityColumns.tick] + AllianceSystem.eventColumns)
    }

    static func firms(_ identity: [ColumnSpec], panel: PanelOptions, firms: Int) -> TableDescription {
        TableDescription(
            name: "firms", file: "firms.csv",
            description: "Panel: every \(panel.every) ticks, the state of the same \(Swift.min(panel.sample, firms)) firms (drawn from the master seed) in every replicate.",
            columns: identity + [IdentityColumns.tick] + PanelOptions.columns)
    }

    static func runs(_ identity: [ColumnSpec], outcomes: [Outcome]) -> TableDescription {
        TableDescription(
            name: "runs", file: "runs.csv",
            description: "One row per run: its id, status, wall time and outcomes (summaries of its time series).",
            columns: RunsTable.columns(identity: identity, outcomes: outcomes))
    }

    static func points(_ columns: [ColumnSpec]) -> TableDescription {
        TableDescription(
            name: "points", file: "points.csv",
            description: "One row per parameter point of the sweep: the value of every swept key.",
            columns: [IdentityColumns.point] + columns)
    }

    static let comparison = TableDescription(
        name: "comparison", file: "comparison.csv",
        description: "One row per outcome, tick and scenario: the scenario's mean and its difference from the reference, paired by replicate (common random numbers) and unpaired, with 95 % intervals.",
        columns: ComparisonRow.columns.specs)

    static let costEffectiveness = TableDescription(
        name: "cost_effectiveness", file: "cost_effectiveness.csv",
        description: "One row per scenario (the reference aside) and effect, at the last tick: public spending, the effect against the reference (paired), and euros of public spending per unit of effect.",
        columns: CostEffectivenessRow.columns.specs)
}
