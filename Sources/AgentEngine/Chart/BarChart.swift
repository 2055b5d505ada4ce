/// Horizontal bars: one group per category (a lever, an alliance type, a
/// parameter's level), one bar per series in each group, each optionally
/// with a whisker (e.g. the lowest to highest run, or a 95 % interval) and
/// its value written beside it.
///
/// Bars grow from zero, which the value axis then holds; with `dots`, each
/// value is a dot instead and the axis spans the values only (differences
/// between levels of a large quantity stay visible). A missing value (NaN)
/// draws nothing and writes "–". The chart is as tall as its bars need
/// (`frame.height` is ignored).
public struct BarChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        /// One value per category.
        public let values: [Double]
        /// The whisker of each category (NaN: none); empty for no whiskers.
        public let low: [Double]
        public let high: [Double]
        public let style: Int

        public init(_ name: String, values: [Double], low: [Double] = [], high: [Double] = [], style: Int) {
            self.name = name
            self.values = values
            self.low = low
            self.high = high
            self.style = style
        }

        func value(_ k: Int) -> Double { k < values.count ? values[k] : .nan }
        func whisker(_ k: Int) -> (Double, Double)? {
            guard k < low.count, k < high.count, low[k].isFinite, high[k].isFinite else { return nil }
            return (low[k], high[k])
        }
    }

    public var frame: ChartFrame
    public var categories: [String]
    public var series: [Series]
    /// The value axis's title: quantity and unit.
    public var valueTitle: String
    /// What the whiskers span, for the legend; nil when there are none.
    public var whiskerNote: String?
    /// Dots instead of bars, on an axis that need not hold zero.
    public var dots: Bool

    public init(frame: ChartFrame, categories: [String], series: [Series], valueTitle: String, whiskerNote: String? = nil, dots: Bool = false) {
        self.frame = frame
        self.categories = categories
        self.series = series
        self.valueTitle = valueTitle
        self.whiskerNote = whiskerNote
        self.dots = dots
    }

    static let barHeight = 13.0
    static let groupGap = 9.0

    public func svg(id: String) -> String {
        var legend = series.count > 1 ? series.map { ChartFrame.LegendEntry($0.name, colour: Palette.colour($0.style), dots ? .dot : .bar) } : []
        let hasWhiskers = series.contains { line in categories.indices.contains { line.whisker($0) != nil } }
        if hasWhiskers, let whiskerNote { legend.append(ChartFrame.LegendEntry(whiskerNote, colour: "#333333", .whisker)) }
        let top = frame.top(legend: legend)
        let group = Double(Swift.max(series.count, 1)) * Self.barHeight + Self.groupGap
        let bottom = top + Double(categories.count) * group
        let height = bottom + 40
        let labelWidth = Swift.min(categories.map { SVGText.width($0, size: 10) }.max() ?? 0, frame.width * 0.4)
        let left = ChartFrame.margin + labelWidth + 8, right = frame.width - ChartFrame.margin - 52
        let values = series.flatMap { line in categories.indices.flatMap { [line.value($0)] + (line.whisker($0).map { [$0.0, $0.1] } ?? []) } }
        let scale = AxisScale.fitting(values, length: right - left, ticks: 6, includingZero: !dots).placed(from: left, to: right)

        var out = frame.open(id: id, height: height, legend: legend)
        for tick in scale.ticks {
            let px = scale.position(tick)
            out += SVGText.line(px, top - 4, px, bottom, cls: tick == 0 && !dots ? "zl" : "gr")
            out += SVGText.text(scale.label(tick), x: px, y: bottom + 14, cls: "tk", anchor: "middle")
        }
        out += SVGText.text(valueTitle, x: (left + right) / 2, y: bottom + 30, cls: "al", anchor: "middle")
        for (k, category) in categories.enumerated() {
            let groupTop = top + Double(k) * group
            out += SVGText.text(SVGText.fitted(category, width: labelWidth, size: 10), x: left - 6, y: groupTop + group / 2 - Self.groupGap / 2 + 4,
                                cls: "tk", anchor: "end")
            for (s, line) in series.enumerated() {
                out += bar(line, k, y: groupTop + Double(s) * Self.barHeight, scale: scale)
            }
        }
        return out + "</svg>"
    }

    /// One bar, its whisker and its value label.
    private func bar(_ line: Series, _ k: Int, y: Double, scale: AxisScale) -> String {
        let c = SVGText.coordinate
        let value = line.value(k)
        let zero = dots ? scale.start : scale.position(0), middle = y + (Self.barHeight - 2) / 2
        guard value.isFinite else { return SVGText.text("–", x: zero + 4, y: middle + 3.5, cls: "vl") }
        let end = scale.position(value)
        let colour = Palette.colour(line.style)
        var out = dots ? "" : "<rect x=\"\(c(Swift.min(zero, end)))\" y=\"\(c(y))\" width=\"\(c(Swift.abs(end - zero)))\" height=\"\(c(Self.barHeight - 2))\" fill=\"\(colour)\"/>"
        var labelAt = dots ? end + 4 : Swift.max(end, zero)
        if let (low, high) = line.whisker(k) {
            let a = scale.position(low), b = scale.position(high)
            out += "<path class=\"wk\" d=\"M\(c(a)) \(c(middle))H\(c(b))M\(c(a)) \(c(middle - 3.5))V\(c(middle + 3.5))M\(c(b)) \(c(middle - 3.5))V\(c(middle + 3.5))\"/>"
            labelAt = Swift.max(labelAt, b)
        }
        if dots { out += "<circle cx=\"\(c(end))\" cy=\"\(c(middle))\" r=\"4\" fill=\"\(colour)\"/>" }
        return out + SVGText.text(NumberFormat.significant(value), x: labelAt + 4, y: middle + 3.5, cls: "vl")
    }
}
