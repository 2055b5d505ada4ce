/// Learning (MODEL.md §4 "Learning"): technology grows with the platform's
/// analytics and training at a rate that rises with current capability
/// (absorptive capacity) and decays slowly; relationship capital moves
/// toward a level set by the firm's trade beyond its province and the
/// platform community's training events.
enum Learning {
    @inline(__always)
    static func technology(_ t: Double, analytics: Double, training: Bool, innovation: InnovationParameters) -> Double {
        let absorptive = (0.2 + t) * (1 - t)
        var gain = innovation.autonomousLearning * absorptive
        gain += innovation.analyticsLearning * analytics * absorptive
        if training { gain += innovation.trainingLearning * absorptive }
        return clamp01(t + gain - innovation.technologyDecay * t)
    }

    /// `onlineShare` is the share of the firm's revenue sold online, to
    /// customers beyond its province (seed 002 §4.1: connections "across
    /// diverse markets").
    @inline(__always)
    static func relationship(_ r: Double, onlineShare: Double, training: Bool, innovation: InnovationParameters) -> Double {
        let target = clamp01(innovation.relationshipLocal + innovation.relationshipOnline * onlineShare)
        var next = r + innovation.relationshipRate * (target - r)
        if training { next += innovation.trainingRelationship * (1 - r) }
        return clamp01(next)
    }
}
