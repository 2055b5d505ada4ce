import AgentEngine

extension SMESimulation {
    /// The model's columns of `timeseries.csv`, after the engine's identity columns.
    public static let columns: [ColumnSpec] = {
        var c: [ColumnSpec] = [
            ColumnSpec("firms", .integer, unit: "firms", "Firms in the population, living or exited."),
            ColumnSpec("firms_alive", .integer, unit: "firms", "Firms still trading at the end of the tick."),
            ColumnSpec("members", .integer, unit: "firms", "Living platform members at the end of the tick."),
            ColumnSpec("member_share", .number, unit: "fraction", "members / firms_alive."),
            ColumnSpec("joins", .integer, unit: "firms", "Firms that joined the platform during the tick."),
            ColumnSpec("leaves", .integer, unit: "firms", "Members that left the platform during the tick (behavioural mode: a run of negative platform margin, or the platform closing)."),
            ColumnSpec("exits", .integer, unit: "firms", "Firms that exited during the tick after distress_months of negative cash."),
            ColumnSpec("entries", .integer, unit: "firms", "New firms that took the place of exited ones during the tick."),
        ]
        for d in Dimension.allCases {
            c.append(ColumnSpec("\(d.key)_mean_members", .number, unit: "index 0-1", "Mean \(d.key) dimension of living members; empty when there are none."))
            c.append(ColumnSpec("\(d.key)_mean_nonmembers", .number, unit: "index 0-1", "Mean \(d.key) dimension of living non-members; empty when there are none."))
            for q in ["p10", "p50", "p90"] {
                c.append(ColumnSpec("\(d.key)_\(q)", .number, unit: "index 0-1", "\(q.dropFirst())th percentile of the \(d.key) dimension over living firms (resolution 0.001)."))
            }
        }
        c += [
            ColumnSpec("revenue_local", .number, unit: "EUR/month", "Sales of all firms in their own province's market."),
            ColumnSpec("revenue_online", .number, unit: "EUR/month", "Sales of members through the platform's online market."),
            ColumnSpec("online_share", .number, unit: "fraction", "revenue_online / (revenue_local + revenue_online); empty when there are no sales."),
            ColumnSpec("logistics_cost_per_order", .number, unit: "EUR/order", "Logistics cost of all firms over their orders (sales / market.online.order_value); empty when there are no orders."),
            ColumnSpec("waste_share", .number, unit: "fraction", "Value of unsold production (waste) over production cost, all firms; empty when nothing is produced."),
            ColumnSpec("platform_cash", .number, unit: "EUR", "The platform's cash at the end of the tick."),
            ColumnSpec("platform_open", .boolean, "1 while the platform operates; 0 once closed (or with platform.enabled false)."),
            ColumnSpec("platform_volume", .number, unit: "EUR/month", "Online sales through the platform during the tick."),
            ColumnSpec("online_consumers", .number, unit: "consumers", "Consumers the platform reaches."),
            ColumnSpec("analytics_quality", .number, unit: "index 0-1", "Quality of the platform's sales analytics."),
            ColumnSpec("bmi_initiatives", .integer, unit: "initiatives", "Business model innovation initiatives started during the tick."),
        ]
        for block in BuildingBlock.allCases {
            c.append(ColumnSpec("bmi_initiatives_\(block.key)", .integer, unit: "initiatives", "Initiatives on the \(block.key.replacingOccurrences(of: "_", with: " ")) building block (Lindgren)."))
        }
        c += [
            ColumnSpec("bmi_success_rate", .number, unit: "fraction", "Successful initiatives / initiatives started during the tick; empty when none started."),
            ColumnSpec("online_sales_gini", .number, unit: "index 0-1", "Gini coefficient of online sales among living members (0 when there are none)."),
        ]
        for type in AllianceType.allCases {
            c.append(ColumnSpec("alliances_active_\(type.key)", .integer, unit: "alliances", "Active \(type.key) alliances at the end of the tick."))
        }
        for phase in AlliancePhase.allCases {
            c.append(ColumnSpec("alliances_\(phase.key)", .integer, unit: "alliances", "Active alliances in the \(phase.key) phase at the end of the tick."))
        }
        c += [
            ColumnSpec("alliances_formed", .integer, unit: "alliances", "Alliances formed during the tick."),
            ColumnSpec("alliances_fell_back", .integer, unit: "alliances", "Alliances dropped at concept or fallen back at foundation (partners return to search)."),
            ColumnSpec("alliances_failed", .integer, unit: "alliances", "Alliances that failed unplanned (falling trust, or a partner exited)."),
            ColumnSpec("alliances_ended_planned", .integer, unit: "alliances", "Alliances that reached their planned end."),
            ColumnSpec("alliance_value_created", .number, unit: "EUR/month", "Value created by operating alliances during the tick."),
        ]
        return c
    }()

    public func observe(into record: inout CSVRecord) {
        let m = metrics
        record.append(population.count)
        record.append(m.alive)
        record.append(m.members)
        record.append(m.alive > 0 ? Double(m.members) / Double(m.alive) : 0)
        record.append(joins)
        record.append(leaves)
        record.append(m.exits)
        record.append(entries)
        let nonMembers = m.alive - m.members
        let economy = scenario.economy
        for d in 0..<4 {
            // The adoption core alone has no dimensions: missing values.
            guard economy else {
                for _ in 0..<5 { record.append(Double.nan) }
                continue
            }
            record.append(m.members > 0 ? m.memberSums[d] / Double(m.members) : .nan)
            record.append(nonMembers > 0 ? m.nonMemberSums[d] / Double(nonMembers) : .nan)
            record.append(m.quantile(d, 0.1))
            record.append(m.quantile(d, 0.5))
            record.append(m.quantile(d, 0.9))
        }
        let sales = m.revenueLocal + m.revenueOnline
        record.append(m.revenueLocal)
        record.append(m.revenueOnline)
        record.append(sales > 0 ? m.revenueOnline / sales : .nan)
        record.append(m.orders > 0 ? m.logistics / m.orders : .nan)
        record.append(m.production > 0 ? m.waste / m.production : .nan)
        record.append(platformState.cash)
        record.append(platformState.open)
        record.append(platformState.volume)
        record.append(scenario.platform.enabled ? marketState.consumers : 0)
        record.append(scenario.platform.enabled ? platformState.analyticsQuality : 0)
        let started = m.initiatives.reduce(0, +)
        record.append(started)
        for count in m.initiatives { record.append(count) }
        record.append(started > 0 ? Double(m.successes) / Double(started) : .nan)
        record.append(m.onlineGini)
        let a = allianceTally
        for count in a.byType { record.append(count) }
        for count in a.byPhase { record.append(count) }
        record.append(a.formed)
        record.append(a.fellBack)
        record.append(a.failed)
        record.append(a.endedPlanned)
        record.append(a.valueCreated)
    }
}
