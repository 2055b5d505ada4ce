/// A chart axis: a range of values rounded out to whole steps of a "nice"
/// size (1, 2 or 5 times a power of ten, or steps given by the caller,
/// such as 12 months), its ticks, and the map from values to positions.
///
/// The range always holds the data: `lower ≤ every value ≤ upper`, and
/// every tick is a whole number of steps from zero, so labels read 0, 0.05,
/// 0.1 rather than 0.013, 0.063.
public struct AxisScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let step: Double
    /// Where the axis is drawn, in chart units: `lower` maps to `start`.
    public var start = 0.0
    public var end = 1.0

    /// About `ticks` ticks (at least 2) over `values` (non-finite ones
    /// ignored), with zero inside when `includingZero`; `steps` are the
    /// allowed step sizes (e.g. 1, 3, 6, 12, 24 … months), by default 1, 2
    /// and 5 times a power of ten.
    public init(covering values: [Double], ticks: Int = 5, includingZero: Bool = false, steps: [Double]? = nil) {
        var low = values.lazy.filter(\.isFinite).min() ?? 0
        var high = values.lazy.filter(\.isFinite).max() ?? 1
        if includingZero { low = Swift.min(low, 0); high = Swift.max(high, 0) }
        if low == high {
            let pad = low == 0 ? 1 : Swift.abs(low) * 0.1
            low -= low == 0 ? 0 : pad
            high += pad
        }
        let step = Self.niceStep((high - low) / Double(Swift.max(ticks, 2) - 1), steps: steps)
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
    }

    /// The scale over `values` with the most ticks, up to `ticks`, whose
    /// labels fit side by side along `length` chart units (labels `size`
    /// px high; 12 units between them).
    public static func fitting(_ values: [Double], length: Double, ticks: Int, size: Double = 10, includingZero: Bool = false,
                               steps: [Double]? = nil) -> AxisScale {
        var scale = AxisScale(covering: values, ticks: ticks, includingZero: includingZero, steps: steps)
        for count in stride(from: ticks, through: 2, by: -1) {
            scale = AxisScale(covering: values, ticks: count, includingZero: includingZero, steps: steps)
            let widest = scale.ticks.map { SVGText.width(scale.label($0), size: size) }.max() ?? 0
            if (widest + 12) * Double(scale.ticks.count) <= length { break }
        }
        return scale
    }

    /// The smallest of `steps` at least `raw`; past them (or without
    /// them), the smallest of 1, 2, 5 times a power of ten.
    static func niceStep(_ raw: Double, steps: [Double]?) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        if let step = steps?.sorted().first(where: { $0 >= raw }) { return step }
        let scale = NumberFormat.pow10(Int(raw.log10Floor))
        return [1.0, 2, 5, 10].lazy.map { $0 * scale }.first { $0 >= raw * (1 - 1e-12) } ?? raw
    }

    /// The ticks from `lower` to `upper`, whole numbers of steps.
    public var ticks: [Double] {
        let first = Int((lower / step).rounded()), last = Int((upper / step).rounded())
        guard last >= first, last - first <= 1_000 else { return [lower, upper] }
        return (first...last).map { Double($0) * step }
    }

    /// Decimals every tick label needs.
    public var decimals: Int { NumberFormat.decimals(forStep: step) }

    /// The label of a tick.
    public func label(_ value: Double) -> String { NumberFormat.fixed(value, decimals: decimals) }

    /// The position of `value` along the axis.
    public func position(_ value: Double) -> Double {
        upper == lower ? start : start + (value - lower) / (upper - lower) * (end - start)
    }

    /// This scale drawn from `start` to `end`.
    public func placed(from start: Double, to end: Double) -> AxisScale {
        var placed = self
        placed.start = start
        placed.end = end
        return placed
    }
}
