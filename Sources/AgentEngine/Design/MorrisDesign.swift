/// Morris's (1991) elementary-effects design: `trajectories` trajectories
/// of D + 1 points on the grid {0, 1/(p−1), …, 1} of `levels` = p levels,
/// each point differing from the one before in exactly one coordinate, by
/// Δ = p / (2(p − 1)), every coordinate changing once per trajectory.
///
/// A trajectory starts at a random base point whose coordinates leave room
/// for the step (x + Δ ≤ 1), visits the coordinates in a random order and
/// steps each up or down at random (Campolongo, Cariboni & Saltelli 2007's
/// B* construction). The rows are in SALib's layout (trajectory after
/// trajectory), so `morris.analyze` reads them with the outcomes. All draws
/// come from `generator`.
public enum MorrisDesign {
    /// Δ for `levels` levels.
    public static func delta(levels: Int) -> Double {
        Double(levels) / (2 * Double(levels - 1))
    }

    public static func rows(trajectories: Int, dimensions: Int, levels: Int, generator: inout SplitMix64) -> [[Double]] {
        precondition(levels >= 2 && levels % 2 == 0, "Morris designs need an even number of levels")
        // Coordinates are level indices 0 … p − 1, so every value is exactly
        // k/(p − 1); Δ is p/2 levels, and base levels 0 … p/2 − 1 leave room
        // for it.
        let jump = levels / 2
        let last = Double(levels - 1)
        var rows: [[Double]] = []
        rows.reserveCapacity(trajectories * (dimensions + 1))
        for _ in 0..<trajectories {
            var order = Array(0..<dimensions)
            for i in stride(from: dimensions - 1, to: 0, by: -1) {
                order.swapAt(i, generator.index(below: i + 1))
            }
            // A coordinate stepping down starts Δ higher.
            var level = [Int](repeating: 0, count: dimensions)
            var up = [Bool](repeating: true, count: dimensions)
            for d in 0..<dimensions {
                let base = generator.index(below: jump)
                up[d] = generator.next() & 1 == 0
                level[d] = up[d] ? base : base + jump
            }
            rows.append(level.map { Double($0) / last })
            for d in order {
                level[d] += up[d] ? jump : -jump
                rows.append(level.map { Double($0) / last })
            }
        }
        return rows
    }
}
