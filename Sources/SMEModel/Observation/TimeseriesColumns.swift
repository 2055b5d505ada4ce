import AgentEngine

extension SMESimulation {
    /// The model's columns of `timeseries.csv` (after the experiment's
    /// identity columns and the tick), each with how it is read from the
    /// state at the end of a tick: the one list the header, the manifest,
    /// every row and every sweep outcome come from.
    public static let timeseries = ColumnTable<SMESimulation>(
        populationColumns + sizeColumns + dimensionColumns + economyColumns + innovationColumns + allianceColumns + policyColumns)

    typealias Reading = Column<SMESimulation>

    static let populationColumns: [Reading] = [
        .integer("firms", unit: "firms", "Firms in the population, living or exited.") { $0.population.count },
        .integer("firms_alive", unit: "firms", "Firms still trading at the end of the tick.") { $0.metrics.alive },
        .integer("members", unit: "firms", "Living platform members at the end of the tick.") { $0.metrics.members },
        .number("member_share", unit: "fraction", "members / firms_alive.") { s in
            s.metrics.alive > 0 ? Double(s.metrics.members) / Double(s.metrics.alive) : 0
        },
        .integer("joins", unit: "firms", "Firms that joined the platform during the tick.") { $0.joins },
        .integer("leaves", unit: "firms",
                 "Members that left the platform during the tick (behavioural mode: a run of negative platform margin, or the platform closing).") { $0.leaves },
        .integer("exits", unit: "firms", "Firms that exited during the tick after distress_months of negative cash.") { $0.metrics.exits },
        .integer("entries", unit: "firms", "New firms that took the place of exited ones during the tick.") { $0.entries },
        .integer("exits_cumulative", unit: "firms", "Exits since tick 0.") { $0.exitsTotal },
        .integer("entries_cumulative", unit: "firms", "Entries since tick 0.") { $0.entriesTotal },
        .number("cohort_survival", unit: "fraction",
                "Share of the firms of tick 0 still trading (entrants, which take exited firms' places, are not counted).") { s in
            s.population.count > 0 ? Double(s.metrics.cohortAlive) / Double(s.population.count) : .nan
        },
    ]

    /// Per dimension: means over living firms, members and non-members, and
    /// percentiles; missing (empty) without the economy.
    static let dimensionColumns: [Reading] = Dimension.allCases.flatMap { d -> [Reading] in
        let k = d.rawValue
        return [
            .number("\(d.key)_mean", unit: "index 0-1", "Mean \(d.key) dimension of living firms; empty when there are none.") { s in
                s.dimensionMean(k, members: s.metrics.memberSums[k], nonMembers: s.metrics.nonMemberSums[k], count: s.metrics.alive)
            },
            .number("\(d.key)_mean_members", unit: "index 0-1", "Mean \(d.key) dimension of living members; empty when there are none.") { s in
                s.dimensionMean(k, members: s.metrics.memberSums[k], nonMembers: 0, count: s.metrics.members)
            },
            .number("\(d.key)_mean_nonmembers", unit: "index 0-1", "Mean \(d.key) dimension of living non-members; empty when there are none.") { s in
                s.dimensionMean(k, members: 0, nonMembers: s.metrics.nonMemberSums[k], count: s.metrics.alive - s.metrics.members)
            },
        ] + [(10, 0.1), (50, 0.5), (90, 0.9)].map { percent, q in
            .number("\(d.key)_p\(percent)", unit: "index 0-1",
                    "\(percent)th percentile of the \(d.key) dimension over living firms (resolution 0.001).") { s in
                s.scenario.economy ? s.metrics.quantile(k, q) : .nan
            }
        }
    }

    /// The mean of dimension `k` over `count` firms whose sums are given;
    /// missing without the economy or without firms.
    func dimensionMean(_ k: Int, members: Double, nonMembers: Double, count: Int) -> Double {
        scenario.economy && count > 0 ? (members + nonMembers) / Double(count) : .nan
    }

    static let economyColumns: [Reading] = [
        .number("revenue_local", unit: "EUR/month", "Sales of all firms in their own province's market.") { $0.metrics.flows.revenueLocal },
        .number("revenue_online", unit: "EUR/month", "Sales of members through the platform's online market.") { $0.metrics.flows.revenueOnline },
        .number("online_share", unit: "fraction", "revenue_online / (revenue_local + revenue_online); empty when there are no sales.") { s in
            let sales = s.metrics.flows.revenueLocal + s.metrics.flows.revenueOnline
            return sales > 0 ? s.metrics.flows.revenueOnline / sales : .nan
        },
        .number("logistics_cost_per_order", unit: "EUR/order",
                "Logistics cost of all firms over their orders (sales / market.online.order_value); empty when there are no orders.") { s in
            s.metrics.flows.orders > 0 ? s.metrics.flows.logistics / s.metrics.flows.orders : .nan
        },
        .number("waste_share", unit: "fraction",
                "Value of unsold production (waste) over production cost, all firms; empty when nothing is produced.") { s in
            s.metrics.flows.production > 0 ? s.metrics.flows.waste / s.metrics.flows.production : .nan
        },
        .number("profit_total", unit: "EUR/month", "Profit of all living firms during the tick.") { $0.metrics.flows.profit },
        .number("cash_total", unit: "EUR", "Cash of all living firms at the end of the tick (before alliances' payments of the tick).") { s in
            s.scenario.economy ? s.metrics.cash : .nan
        },
        .number("platform_cash", unit: "EUR", "The platform's cash at the end of the tick.") { $0.platformState.cash },
        .boolean("platform_open", "1 while the platform operates; 0 once closed (or with platform.enabled false).") { $0.platformState.open },
        .number("platform_volume", unit: "EUR/month", "Online sales through the platform during the tick.") { $0.platformState.volume },
        .number("online_consumers", unit: "consumers", "Consumers the platform reaches.") { s in
            s.scenario.platform.enabled ? s.marketState.consumers : 0
        },
        .number("analytics_quality", unit: "index 0-1", "Quality of the platform's sales analytics.") { s in
            s.scenario.platform.enabled ? s.platformState.analyticsQuality : 0
        },
        .number("platform_income", unit: "EUR/month",
                "The platform's income during the tick: commissions, fees, onboarding, logistics charges.") { $0.platformState.income },
        .number("platform_costs", unit: "EUR/month",
                "The platform's costs during the tick: staff and IT, member services, order handling, the logistics network, reinvestment in analytics.") {
            $0.platformState.costs
        },
        .number("network_price_per_order", unit: "EUR/order",
                "Price per order the platform charges for its shared logistics network next tick (before the sub-sector's handling multiplier); empty without a network.") { s in
            s.platformState.memberNetworkPrice(s.scenario) ?? .nan
        },
        .number("network_orders", unit: "order units",
                "Orders members shipped through the network during the tick, weighted by their sub-sector's handling cost.") { $0.metrics.flows.networkUnits },
        .number("analytics_use_members", unit: "fraction",
                "Mean use of the platform's analytics by living members (0 none, 1 full); empty when there are no members.") { s in
            s.metrics.members > 0 ? s.metrics.analyticsUse / Double(s.metrics.members) : .nan
        },
        .number("training_use_members", unit: "fraction", "Mean use of the platform's training by living members; empty when there are none.") { s in
            s.metrics.members > 0 ? s.metrics.trainingUse / Double(s.metrics.members) : .nan
        },
        .number("consulting_use_members", unit: "fraction", "Mean use of consultants by living members; empty when there are none.") { s in
            s.metrics.members > 0 ? s.metrics.consultingUseMembers / Double(s.metrics.members) : .nan
        },
        .number("consulting_use_nonmembers", unit: "fraction", "Mean use of consultants by living non-members; empty when there are none.") { s in
            let n = s.metrics.alive - s.metrics.members
            return n > 0 ? s.metrics.consultingUseNonMembers / Double(n) : .nan
        },
    ]

    /// Firms and exits by size class (1–2, 3–9, 10 or more employees).
    static let sizeColumns: [Reading] = [
        .number("mean_employees", unit: "employees", "Mean employees of living firms; empty when there are none.") { s in
            s.metrics.alive > 0 ? Double(s.metrics.employees) / Double(s.metrics.alive) : .nan
        },
    ] + [(0, "1_2", "1–2"), (1, "3_9", "3–9"), (2, "10_plus", "10 or more")].flatMap { k, key, label -> [Reading] in
        [
            .integer("firms_alive_\(key)", unit: "firms", "Living firms of \(label) employees at the end of the tick.") { $0.metrics.aliveBySize[k] },
            .integer("exits_\(key)", unit: "firms", "Firms of \(label) employees that exited during the tick.") { $0.metrics.exitsBySize[k] },
        ]
    }

    static let innovationColumns: [Reading] = [
        .integer("bmi_initiatives", unit: "initiatives", "Business model innovation initiatives started during the tick.") { s in
            s.metrics.initiatives.reduce(0, +)
        },
    ] + BuildingBlock.allCases.map { block in
        .integer("bmi_initiatives_\(block.key)", unit: "initiatives",
                 "Initiatives on the \(block.key.replacingOccurrences(of: "_", with: " ")) building block (Lindgren).") { s in
            s.metrics.initiatives[block.rawValue]
        }
    } + [
        .number("bmi_success_rate", unit: "fraction", "Successful initiatives / initiatives started during the tick; empty when none started.") { s in
            let started = s.metrics.initiatives.reduce(0, +)
            return started > 0 ? Double(s.metrics.successes) / Double(started) : .nan
        },
        .number("bmi_network_relations_share_allied", unit: "fraction",
                "Share of the initiatives of firms in an alliance that are on network or relations (seed 003's \"TO BE\" models); empty when they started none.") { s in
            s.metrics.initiativesAllied > 0 ? Double(s.metrics.networkRelationsAllied) / Double(s.metrics.initiativesAllied) : .nan
        },
        .number("bmi_network_relations_share_unallied", unit: "fraction",
                "Share of the initiatives of firms without an alliance that are on network or relations; empty when they started none.") { s in
            s.metrics.initiativesUnallied > 0 ? Double(s.metrics.networkRelationsUnallied) / Double(s.metrics.initiativesUnallied) : .nan
        },
        .number("online_sales_gini", unit: "index 0-1", "Gini coefficient of online sales among living members (0 when there are none).") { s in
            s.metrics.onlineGini
        },
    ]

    static let allianceColumns: [Reading] = AllianceType.allCases.map { type in
        .integer("alliances_active_\(type.key)", unit: "alliances", "Active \(type.key) alliances at the end of the tick.") { s in
            s.allianceTally.byType[type.rawValue]
        }
    } + AlliancePhase.allCases.map { phase in
        .integer("alliances_\(phase.key)", unit: "alliances", "Active alliances in the \(phase.key) phase at the end of the tick.") { s in
            s.allianceTally.byPhase[phase.rawValue]
        }
    } + [
        .integer("alliances_formed", unit: "alliances", "Alliances formed during the tick.") { $0.allianceTally.formed },
    ] + AllianceType.allCases.map { type in
        .integer("alliances_formed_\(type.key)", unit: "alliances", "\(type.key.prefix(1).uppercased() + type.key.dropFirst()) alliances formed during the tick.") { s in
            s.allianceTally.formedByType[type.rawValue]
        }
    } + [
        .integer("alliances_fell_back", unit: "alliances",
                 "Alliances that fell back to an earlier phase during the tick (foundation → concept, development → foundation).") { $0.allianceTally.fellBack },
        .integer("alliances_dropped", unit: "alliances",
                 "Alliances dropped before operation (the business case at concept, or after too many fall-backs).") { $0.allianceTally.dropped },
        .integer("alliances_failed", unit: "alliances", "Alliances that failed unplanned (falling trust, or a partner exited).") { $0.allianceTally.failed },
        .integer("alliances_ended_planned", unit: "alliances", "Alliances that reached their planned end.") { $0.allianceTally.endedPlanned },
        .number("alliance_value_created", unit: "EUR/month", "Value created by operating alliances during the tick.") { $0.allianceTally.valueCreated },
    ]

    /// Public programmes (`policy.*`): what each instrument spent and
    /// granted during the tick, and what is left of its budget; the total.
    static let policyColumns: [Reading] = [
        .number("public_spending", unit: "EUR/month", "Public money paid by every policy instrument during the tick.") { s in
            s.policy.spending.reduce(0, +)
        },
        .number("public_spending_cumulative", unit: "EUR", "Public money paid by every policy instrument since tick 0.") { $0.policy.cumulative },
    ] + PolicyLever.allCases.flatMap { lever -> [Reading] in
        let k = lever.rawValue
        let grantees = lever == .groupVoucher ? "alliances" : lever == .logisticsInvestment || lever == .marketingCofunding ? "payments to the platform" : "firms"
        return [
            .number("public_spending_\(lever.key)", unit: "EUR/month", "Public money the \(lever.key) paid during the tick.") { $0.policy.spending[k] },
            .integer("policy_grants_\(lever.key)", unit: grantees, "Take-up: \(grantees) the \(lever.key) paid during the tick.") { $0.policy.grantees[k] },
            .number("policy_budget_left_\(lever.key)", unit: "EUR", "What is left of the \(lever.key)'s budget at the end of the tick.") { $0.policy.left[k] },
        ]
    }

    /// The outcomes `runs.csv` holds when an experiment names none.
    public static let defaultOutcomes: [Outcome] = [
        Outcome("member_share_final", column: "member_share", .final),
        Outcome("firms_alive_final", column: "firms_alive", .final),
        Outcome("exits_total", column: "exits", .sum),
    ] + Dimension.allCases.map { Outcome("\($0.key)_mean_final", column: "\($0.key)_mean", .final) } + [
        Outcome("revenue_online_final", column: "revenue_online", .final),
        Outcome("platform_cash_final", column: "platform_cash", .final),
        Outcome("cohort_survival_final", column: "cohort_survival", .final),
        Outcome("public_spending_total", column: "public_spending_cumulative", .final),
    ]
}
