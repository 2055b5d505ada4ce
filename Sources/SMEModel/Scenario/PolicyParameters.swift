import Foundation

/// Public programmes a scenario can run (ODD §7 "Policy"): one
/// instrument of each type, each off until it is given a budget.
///
/// Every instrument acts through a mechanism of the model — a cost a firm
/// or the platform pays is lowered, so the decisions that weigh that cost
/// change — never by setting an outcome.
public enum PolicyLever: Int, CaseIterable, Sendable {
    /// A share of onboarding and of a firm's own digital investment
    /// (consultants), up to a cap per firm.
    case digitalVoucher
    /// A share of members' commission in their first months on the platform.
    case commissionSubsidy
    /// Funded places on the platform's training, a number a month.
    case trainingProgramme
    /// A share of the platform's logistics network's fixed cost.
    case logisticsInvestment
    /// A share of the cost of firms' sustainability projects.
    case sustainabilityCofunding
    /// Money for the platform's marketing, which raises adoption's
    /// external influence p.
    case marketingCofunding
    /// A share of the integration costs of alliances formed while the
    /// programme runs, up to a cap per alliance.
    case groupVoucher

    /// The name in scenario files and column names (`digital_voucher`).
    public var key: String {
        switch self {
        case .digitalVoucher: return "digital_voucher"
        case .commissionSubsidy: return "commission_subsidy"
        case .trainingProgramme: return "training_programme"
        case .logisticsInvestment: return "logistics_investment"
        case .sustainabilityCofunding: return "sustainability_cofunding"
        case .marketingCofunding: return "marketing_cofunding"
        case .groupVoucher: return "group_voucher"
        }
    }

    /// Levers granted to single firms inside the economy's passes (the
    /// others are paid to the platform or to alliances, one at a time).
    static let firmLevers: [PolicyLever] = [.digitalVoucher, .commissionSubsidy, .trainingProgramme, .sustainabilityCofunding]

    /// Position among `firmLevers`, for the per-firm columns.
    var firmIndex: Int? { Self.firmLevers.firstIndex(of: self) }
}

/// Which firms a programme serves.
public enum MembershipRule: String, CaseIterable, Sendable {
    case any
    case members
    case nonMembers = "non_members"
}

/// One instrument: its budget, time window, what it pays and whom.
/// Keys a type does not use are not in the scenario file (see
/// `Scenario.policyKeys`).
public struct Lever: Sendable, Equatable {
    /// Total public money; 0 switches the instrument off. Nothing is granted
    /// once it is spent.
    public var budget = 0.0
    /// First and last tick (month) grants are made.
    public var start = 1
    public var end = Scenario.horizonLimit.upperBound
    /// Share of the cost the public pays.
    public var share = 0.5
    /// Most a single firm (an alliance, for the group voucher) receives over
    /// the programme.
    public var capPerFirm = 10_000.0
    /// Commission subsidy: months after joining the subsidy lasts.
    public var months = 12
    /// Training programme: funded places a month.
    public var places = 100
    /// Marketing co-funding: public money a month, per population firm.
    public var amountPerFirm = 1.0
    /// Marketing co-funding: rise of p per euro a month per population firm.
    public var influencePerEuro = 0.001
    /// Eligibility by size, sub-sector (comma-separated names, or `all`)
    /// and membership.
    public var minEmployees = 1
    public var maxEmployees = 249
    public var sectors = "all"
    public var membership = MembershipRule.any

    public init() {}

    /// Whether the instrument has money at all.
    public var isOn: Bool { budget > 0 }

    /// The sub-sectors named in `sectors` that `known` lacks, or nil when
    /// every name is known (or the list is `all`).
    func unknownSectors(_ known: [String]) -> [String]? {
        let names = sectorNames
        let unknown = names.filter { !known.contains($0) }
        return unknown.isEmpty ? nil : unknown
    }

    /// Whether each of `known` sub-sectors is eligible.
    func sectorMask(_ known: [String]) -> [Bool] {
        let names = sectorNames
        return known.map { names.isEmpty || names.contains($0) }
    }

    /// The names of `sectors` (empty for `all`).
    private var sectorNames: [String] {
        sectors == "all" ? [] : sectors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// The `policy` section: one instrument per type.
public struct PolicyParameters: Sendable, Equatable {
    private var levers: [Lever] = PolicyLever.allCases.map(Self.defaults)

    public init() {}

    public subscript(lever: PolicyLever) -> Lever {
        get { levers[lever.rawValue] }
        set { levers[lever.rawValue] = newValue }
    }

    /// Whether any instrument granted to single firms has a budget (the
    /// per-firm columns exist only then).
    var anyFirmLeverOn: Bool { PolicyLever.firmLevers.contains { self[$0].isOn } }

    /// Each type's defaults, from the programmes of the region (seed 002's
    /// context; sources in `Scenario.policyKeys`).
    static func defaults(_ lever: PolicyLever) -> Lever {
        var l = Lever()
        switch lever {
        case .digitalVoucher: l.share = 0.5; l.capPerFirm = 10_000
        case .commissionSubsidy: l.share = 0.5; l.capPerFirm = 5_000; l.membership = .members
        case .trainingProgramme: l.share = 1; l.capPerFirm = 5_000; l.membership = .members
        case .logisticsInvestment: l.share = 0.5
        case .sustainabilityCofunding: l.share = 0.5; l.capPerFirm = 25_000
        case .marketingCofunding: l.share = 1
        case .groupVoucher: l.share = 0.65; l.capPerFirm = 25_000
        }
        return l
    }
}
