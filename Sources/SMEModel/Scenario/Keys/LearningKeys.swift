import AgentEngine

extension Scenario {
    /// `learning.*`: technology learnt by use (ODD §4 "Learning").
    static let learningKeys: [Key] = {
        let use = Evidence.illustrative("the platform's tools used by choice, consultants by anyone at a price (seed 002 §4.2)")
        var keys: [Key] = [
            .number("learning.rate", \.learning.rate, 0...1, unit: "per month",
                    "Technology gained a month at full use of a tool of weight 1, times absorptive capacity (floor + T)·(1 − T).", use),
            .number("learning.absorptive_floor", \.learning.absorptiveFloor, 0...1,
                    "Absorptive capacity of a firm with no technology (the (floor + T) term of learning and of a tool's value).", .illustrative()),
            .number("learning.decay", \.learning.decay, 0...1, unit: "per month", "Monthly obsolescence of technology.", .illustrative()),
        ]
        let tools: [(name: String, value: NumberPath, cost: NumberPath, weight: NumberPath, who: String)] = [
            ("analytics", \.learning.analytics.value, \.learning.analytics.cost, \.learning.analytics.weight,
             "the platform's sales analytics (members; its value scales with the analytics quality)"),
            ("training", \.learning.training.value, \.learning.training.cost, \.learning.training.weight, "the platform's training and events (members)"),
            ("consulting", \.learning.consulting.value, \.learning.consulting.cost, \.learning.consulting.weight,
             "consultants and the firm's own digital investment (anyone)"),
        ]
        for tool in tools {
            keys.append(.number("learning.\(tool.name).value", tool.value, 0...1, unit: "share of contribution",
                                "Rise of attractiveness full use of \(tool.who) brings, times (floor + T): the firm expects that share of last month's revenue at its contribution margin (1 − variable cost − local_logistics) and chooses the use u that maximises value · u − cost · u².", use))
            keys.append(.number("learning.\(tool.name).cost", tool.cost, 0...1_000_000, unit: "EUR/month",
                                "Cost of full use of \(tool.name) (staff time, or fees): a use u costs cost · u², paid by the firm.", use))
            keys.append(.number("learning.\(tool.name).weight", tool.weight, 0...10,
                                "How much full use of \(tool.name) teaches, relative to learning.rate.", use))
        }
        return keys
    }()

    /// `relationships.*`: relationship capital as a stock of ties (the model documentation (ODD)
    /// §7; seed 002 §4.1).
    static let relationshipKeys: [Key] = {
        let ties = Evidence.illustrative("seed 002 §4.1: networks of suppliers, distributors, customers, experts")
        return [
            .number("relationships.local", \.relationships.local, 0...1, unit: "per month",
                    "Ties built a month per unit of local sales / capacity (suppliers, local farmers, shops).",
                    .calibrated("a non-member's relationship stays near its initial mean")),
            .number("relationships.online_customers", \.relationships.onlineCustomers, 0...1, unit: "per month",
                    "Ties built a month per unit of online sales / capacity (repeat online customers beyond the province).", ties),
            .number("relationships.partners", \.relationships.partners, 0...1, unit: "per month", "Ties built a month per active alliance.", ties),
            .number("relationships.events", \.relationships.events, 0...1, unit: "per month",
                    "Ties built a month per unit of the platform's training and events used (members).", ties),
            .number("relationships.associations", \.relationships.associations, 0...1, unit: "per month",
                    "Ties built a month per unit of consultants and trade associations used (anyone).", ties),
            .number("relationships.decay", \.relationships.decay, 0...1, unit: "per month",
                    "Share of the stock of ties lost a month (neglect): dR = Σ built · networking · (1 − R) − decay · R.", .illustrative()),
            .number("relationships.networking_spread", \.relationships.networkingSpread, 0...3,
                    "Standard deviation of the log of each firm's networking trait (mean 1), which scales the ties it builds.", .illustrative()),
        ]
    }()
}
