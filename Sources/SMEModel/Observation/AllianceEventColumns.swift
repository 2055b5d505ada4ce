import AgentEngine

/// One row of `alliances.csv`: an event of an alliance, or a firm's
/// finished reintegration of what an alliance taught it.
struct AllianceEventRow {
    let kind: AllianceEvent
    /// nil on a reintegration row.
    let alliance: Alliance?
    /// The reintegrating firm, and what it reintegrated.
    var firm = -1
    var amount = Double.nan
}

extension AllianceSystem {
    /// The columns of `alliances.csv` (after the experiment's identity
    /// columns and the tick), each read from an event.
    static let eventTable = ColumnTable<AllianceEventRow>([
        .integer("alliance", "Alliance id (-1 on a firm's reintegration row).") { $0.alliance?.id ?? -1 },
        .escapedText("event", "formed, phase_change, fall_back (back to an earlier phase), dropped (ended before operation), failure (unplanned), planned_end, or reintegration (a firm has finished reintegrating what an alliance taught it).") {
            AllianceEvent.csv[$0.kind] ?? []
        },
        .escapedText("type", "sharing, specialization, allocation or hybrid.") { row in
            row.alliance.map { AllianceType.csv[$0.type.rawValue] } ?? []
        },
        .escapedText("phase", "Phase after the event: concept, foundation, development or operation.") { row in
            row.alliance.map { AlliancePhase.csv[$0.phase.rawValue] } ?? []
        },
        .escapedText("channel", "How the partners met: platform (matchmaking among members) or local (peers in the province).") { row in
            row.alliance.map { $0.throughPlatform ? platformBytes : localBytes } ?? []
        },
        .integer("firm_a", "First partner (on a reintegration row: the firm).") { $0.alliance?.a ?? $0.firm },
        .integer("firm_b", "Second partner (-1 on a reintegration row).") { $0.alliance?.b ?? -1 },
        .number("trust", unit: "index 0-1", "Trust between the partners.") { $0.alliance?.trust ?? .nan },
        .number("value_created", unit: "EUR", "Value the alliance has created so far.") { $0.alliance?.created ?? .nan },
        .number("captured_a", unit: "EUR", "Value captured so far by firm_a (before allocation's risk pooling).") { $0.alliance?.capturedA ?? .nan },
        .number("captured_b", unit: "EUR", "Value captured so far by firm_b.") { $0.alliance?.capturedB ?? .nan },
        .number("learnt", unit: "index 0-1",
                "Knowledge the alliance has built; on a reintegration row, what the firm reintegrated into relationship and technology (a share of it).") { row in
            row.alliance?.learnt ?? row.amount
        },
    ])

    public static var eventColumns: [ColumnSpec] { eventTable.specs }

    static let platformBytes = Array("platform".utf8), localBytes = Array("local".utf8)

    static func event(_ kind: AllianceEvent, _ alliance: Alliance) -> CSVRecord {
        eventTable.record(AllianceEventRow(kind: kind, alliance: alliance))
    }

    static func reintegrationEvent(firm: Int, amount: Double) -> CSVRecord {
        eventTable.record(AllianceEventRow(kind: .reintegration, alliance: nil, firm: firm, amount: amount))
    }
}
