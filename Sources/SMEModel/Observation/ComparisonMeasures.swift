import AgentEngine

extension SMESimulation {
    /// What `smesim compare` reports beyond its table of every outcome: the
    /// public money a scenario spends (cumulative, EUR) and the effects it
    /// buys (`cost_effectiveness.csv`), and the outcomes of its summary on
    /// the terminal. Named by their columns of `timeseries`; a column a run
    /// folder lacks gives empty fields, not an error.
    public static let publicSpendingColumn = "public_spending_cumulative"

    /// The effects whose cost per unit `cost_effectiveness.csv` gives.
    public static let costMeasures: [CostMeasure] = [
        CostMeasure("extra_adopters", unit: "firms", column: "members"),
        CostMeasure("extra_surviving_firms", unit: "firms", column: "firms_alive"),
        CostMeasure("extra_cohort_survival_points", unit: "percentage points", column: "cohort_survival", scale: 100),
    ] + Dimension.allCases.map {
        CostMeasure("\($0.key)_points", unit: "points (0.01 of the 0-1 index)", column: "\($0.key)_mean", scale: 100)
    } + [
        // What the programme did to firms' own money: public euros per euro
        // of firms' cash (negative when firms end up with less).
        CostMeasure("extra_firm_cash", unit: "EUR", column: "cash_total"),
    ]

    /// The outcomes `smesim compare` prints at the last tick.
    public static let headlineOutcomes = ["member_share", "firms_alive", "cohort_survival"]
        + Dimension.allCases.map { "\($0.key)_mean" } + [publicSpendingColumn]
}
