import AgentEngine

extension Scenario {
    /// `policy.<type>.*`: public programmes (ODD §7 "Policy"), one
    /// instrument of each type, declared from one table: every type has a
    /// budget and a time window, then the keys of what it pays and whom.
    static let policyKeys: [Key] = PolicyLever.allCases.flatMap { lever -> [Key] in
        let p = "policy.\(lever.key)"
        let what = policyMeaning[lever] ?? ""
        var keys: [Key] = [
            .number("\(p).budget", \.policy[lever].budget, 0...1e12, unit: "EUR",
                    "Total public money for the \(lever.key.replacingOccurrences(of: "_", with: " ")) (\(what)); 0 switches it off. Grants are made first come, first served in firm order (alliance order for the group voucher) until it is spent.",
                    .setting("a policy choice")),
            .integer("\(p).start", \.policy[lever].start, Scenario.horizonLimit, unit: "tick", "First month grants are made.", .setting("a policy choice")),
            .integer("\(p).end", \.policy[lever].end, Scenario.horizonLimit, unit: "tick", "Last month grants are made.", .setting("a policy choice")),
        ]
        for field in policyFields[lever] ?? [] { keys.append(field.key(p, lever)) }
        return keys
    }

    private static let policyMeaning: [PolicyLever: String] = [
        .digitalVoucher: "a share of onboarding and of the firm's own digital investment",
        .commissionSubsidy: "a share of members' commission in their first months",
        .trainingProgramme: "funded places on the platform's training",
        .logisticsInvestment: "a share of the platform's logistics network's fixed cost",
        .sustainabilityCofunding: "a share of the cost of sustainability projects",
        .marketingCofunding: "the platform's marketing, raising adoption's external influence",
        .groupVoucher: "a share of new alliances' integration costs",
    ]

    /// The keys of each type beyond budget and window.
    private static let policyFields: [PolicyLever: [PolicyField]] = [
        .digitalVoucher: [
            .share("Share of onboarding and of consultants' fees (the firm's own digital investment) the voucher pays.",
                   .source("national Voucher Digitalizzazione: 50 % up to €10,000 (DM 23/09/2014); ERDF/FESR regional vouchers 50–65 % up to €25,000")),
            .cap("Most one firm receives.", .source("€10,000 (national voucher)")),
        ] + PolicyField.eligibility(membership: true),
        .commissionSubsidy: [
            .share("Share of a member's commission the public pays.", .illustrative()),
            .months, .cap("Most one member receives.", .illustrative()),
        ] + PolicyField.eligibility(membership: false),
        .trainingProgramme: [
            .share("Share of the training's cost (staff time and fees) the programme pays.", .illustrative("fully funded courses")),
            .places, .cap("Most one member receives.", .illustrative()),
        ] + PolicyField.eligibility(membership: false),
        .logisticsInvestment: [
            .share("Share of the logistics network's fixed cost the public pays; the platform prices orders on the rest.", .illustrative("ERDF infrastructure co-funding")),
        ],
        .sustainabilityCofunding: [
            .share("Share of a sustainability project's cost (an initiative that takes up circular practices) the public pays.",
                   .source("ERDF/FESR co-funding 50–65 %")),
            .cap("Most one firm receives.", .source("€25,000 (regional vouchers)")),
        ] + PolicyField.eligibility(membership: true),
        .marketingCofunding: [.amount, .influence],
        .groupVoucher: [
            .share("Share of an alliance's integration costs the voucher pays.", .source("Turin group voucher for 3–20 firms; ERDF 65 %")),
            .capPerAlliance,
        ],
    ]
}

/// A key of an instrument, declared once for every type that has it.
private enum PolicyField {
    case share(String, Evidence)
    case cap(String, Evidence)
    case capPerAlliance, months, places, amount, influence
    case minEmployees, maxEmployees, sectors, membership

    static func eligibility(membership: Bool) -> [PolicyField] {
        [.minEmployees, .maxEmployees, .sectors] + (membership ? [.membership] : [])
    }

    func key(_ p: String, _ lever: PolicyLever) -> Parameter<Scenario> {
        let who = Evidence.setting("a policy choice")
        switch self {
        case .share(let meaning, let evidence):
            return .number("\(p).share", \.policy[lever].share, 0...1, unit: "share", meaning, evidence)
        case .cap(let meaning, let evidence):
            return .number("\(p).cap_per_firm", \.policy[lever].capPerFirm, 0...1e9, unit: "EUR", meaning, evidence)
        case .capPerAlliance:
            return .number("\(p).cap_per_alliance", \.policy[lever].capPerFirm, 0...1e9, unit: "EUR",
                           "Most one alliance receives.", .source("€25,000 (regional vouchers)"))
        case .months:
            return .integer("\(p).months", \.policy[lever].months, 1...600, unit: "months",
                            "Months after joining the platform a member's commission is subsidised.", .illustrative())
        case .places:
            return .integer("\(p).places", \.policy[lever].places, 1...100_000_000, unit: "firms/month",
                            "Funded places a month: the first members (in firm order) that train get them.", .illustrative())
        case .amount:
            return .number("\(p).amount_per_firm", \.policy[lever].amountPerFirm, 0...1_000_000, unit: "EUR/month per firm",
                           "Public money for the platform's marketing a month, per population firm.", .illustrative())
        case .influence:
            return .number("\(p).influence_per_euro", \.policy[lever].influencePerEuro, 0...1, unit: "per EUR/month per firm",
                           "Rise of adoption's external influence p per euro a month per population firm.", .illustrative())
        case .minEmployees:
            return .integer("\(p).eligible.min_employees", \.policy[lever].minEmployees, 1...65_535, unit: "employees",
                            "Smallest eligible firm.", who)
        case .maxEmployees:
            return .integer("\(p).eligible.max_employees", \.policy[lever].maxEmployees, 1...65_535, unit: "employees",
                            "Largest eligible firm (the EU SME ceiling is 249).", who)
        case .sectors:
            return .text("\(p).eligible.sectors", \.policy[lever].sectors, allowed: "`all`, or sub-sector names of `firms.sectors` separated by commas",
                         "Eligible sub-sectors.", who) { text in
                let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                return text.count > 4_000 || (text != "all" && names.contains(where: \.isEmpty))
                    ? "expected \"all\" or sub-sector names separated by commas, none of them empty" : nil
            }
        case .membership:
            return .choice("\(p).eligible.membership", \.policy[lever].membership,
                           "Eligible firms by platform membership: `any`, `members` or `non_members` (the voucher's onboarding part serves joining firms whatever this says).", who)
        }
    }
}

extension Scenario {
    /// Rules between policy keys: a window that ends after it starts, a
    /// size range that is not empty, sub-sectors that exist.
    static let policyRules: [CrossKeyRule<Scenario>] = PolicyLever.allCases.flatMap { lever -> [CrossKeyRule<Scenario>] in
        let p = "policy.\(lever.key)"
        var rules = [
            CrossKeyRule<Scenario>(["\(p).end", "\(p).start"], "`\(p).end` ≥ `\(p).start`.") { s in
                s.policy[lever].end < s.policy[lever].start
                    ? "the window ends (tick \(s.policy[lever].end)) before it starts (tick \(s.policy[lever].start))" : nil
            },
        ]
        if lever != .marketingCofunding {
            rules.append(CrossKeyRule(["\(p).budget", "economy"], "`\(p)` needs the economy (`economy` true).") { s in
                s.policy[lever].isOn && !s.economy
                    ? "the \(lever.key) acts through the economy's costs; with economy false it would do nothing (set economy to true, or the budget to 0)" : nil
            })
        }
        guard PolicyLever.firmLevers.contains(lever) else { return rules }
        rules.append(CrossKeyRule(["\(p).eligible.min_employees", "\(p).eligible.max_employees"],
                                  "`\(p).eligible.min_employees` ≤ `\(p).eligible.max_employees`.") { s in
            s.policy[lever].minEmployees > s.policy[lever].maxEmployees
                ? "\(s.policy[lever].minEmployees) exceeds max_employees (\(s.policy[lever].maxEmployees))" : nil
        })
        rules.append(CrossKeyRule(["\(p).eligible.sectors", "firms.sectors"], "`\(p).eligible.sectors` names sub-sectors of `firms.sectors`.") { s in
            let known = s.firms.sectors.map(\.name)
            return s.policy[lever].unknownSectors(known).map {
                "unknown sub-sector \($0.map { "\"\($0)\"" }.joined(separator: ", ")); allowed: all, or any of \(known.joined(separator: ", "))"
            }
        })
        return rules
    }
}
