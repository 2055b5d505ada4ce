/// What an operating alliance creates and how its partners capture it, by
/// type (seed 001): sharing — scale, predictable, split by what each
/// committed; specialization — skill, uncertain, each keeps what it makes;
/// allocation — risk, paid by performance with part of the profit
/// difference pooled; hybrid — sharing and specialization at half weight.
extension AllianceSystem {
    /// Value created this month and each partner's share of it, by the
    /// type's rule: sharing splits the joint result in proportion to what
    /// each committed (the shares sum to it exactly); specialization lets
    /// each keep what it makes with its own resources; allocation pays the
    /// joint result out in proportion to each partner's performance (its
    /// profit this month); a hybrid runs sharing and specialization at half
    /// weight each. `noise` gives three unit-variance deviates.
    static func value(type: AllianceType, capacityA: Double, capacityB: Double, commitA: Double, commitB: Double,
                      profitA: Double, profitB: Double, rule: AllianceParameters,
                      noise: (Double, Double, Double)) -> (created: Double, a: Double, b: Double) {
        let t = rule.parameters(of: type)
        let ca = capacityA * commitA, cb = capacityB * commitB
        switch type {
        case .sharing:
            let joint = t.value * (ca + cb) * (1 + t.spread * noise.0)
            let a = byCommitment(joint, ca, cb)
            return (joint, a, joint - a)
        case .specialization:
            let a = t.value * ca * (1 + t.spread * noise.1), b = t.value * cb * (1 + t.spread * noise.2)
            return (a + b, a, b)
        case .allocation:
            let joint = t.value * (ca + cb) * (1 + t.spread * noise.0)
            let pa = Swift.max(profitA, 0), pb = Swift.max(profitB, 0)
            let a = pa + pb > 0 ? joint * pa / (pa + pb) : joint / 2
            return (joint, a, joint - a)
        case .hybrid:
            let joint = 0.5 * t.value * (ca + cb) * (1 + t.spread * noise.0)
            let sharedA = byCommitment(joint, ca, cb)
            let ownA = 0.5 * t.value * ca * (1 + t.spread * noise.1), ownB = 0.5 * t.value * cb * (1 + t.spread * noise.2)
            return (joint + ownA + ownB, sharedA + ownA, joint - sharedA + ownB)
        }
    }

    /// Partner a's part of a joint result split in proportion to what each
    /// committed (half each when neither committed anything).
    private static func byCommitment(_ joint: Double, _ ca: Double, _ cb: Double) -> Double {
        (ca + cb) > 0 ? joint * ca / (ca + cb) : joint / 2
    }

    /// Allocation's risk pooling: the better-off partner passes a share of
    /// the profit difference to the other (zero-sum; it lowers the variance
    /// of both partners' outcomes). Returns the transfer to partner a.
    static func pooling(profitA: Double, profitB: Double, share: Double) -> Double {
        share * (profitB - profitA) / 2
    }
}
