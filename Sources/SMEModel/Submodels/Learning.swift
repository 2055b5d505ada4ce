/// Learning (ODD §4 "Learning"): technology grows with the tools a
/// firm uses this month (`ServiceUse`), at a rate limited by absorptive
/// capacity (it rises with current capability, and nothing is left to learn
/// at 1), and decays slowly. Membership alone teaches nothing.
enum Learning {
    @inline(__always)
    static func technology(_ t: Double, use: ServiceUse, learning: LearningParameters) -> Double {
        let absorptive = (learning.absorptiveFloor + t) * (1 - t)
        let used = learning.analytics.weight * use.analyticsUsed + learning.training.weight * use.training
            + learning.consulting.weight * use.consulting
        return clamp01(t + learning.rate * used * absorptive - learning.decay * t)
    }
}

/// Relationship capital (ODD §7; seed 002 §4.1) as a stock of real
/// ties: built each month by activity — local trade (suppliers, farmers,
/// shops), repeat online customers, alliance partners, the platform's events
/// and expert network, consultants and trade associations — at the firm's
/// own networking pace, and lost by neglect:
/// dR = networking · Σ built · (1 − R) − decay · R.
enum Relationships {
    @inline(__always)
    static func update(_ r: Double, networking: Double, localPerCapacity: Double, onlinePerCapacity: Double,
                       alliances: Int, use: ServiceUse, ties: RelationshipParameters) -> Double {
        let built = ties.local * localPerCapacity + ties.onlineCustomers * onlinePerCapacity
            + ties.partners * Double(alliances) + ties.events * use.training + ties.associations * use.consulting
        return clamp01(r + networking * built * (1 - r) - ties.decay * r)
    }
}
