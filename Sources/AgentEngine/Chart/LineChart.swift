/// Lines over a numeric x axis (ticks, years, a parameter), each
/// optionally with a band (e.g. the lowest to highest replicate) drawn
/// under it; a missing value (NaN) breaks the line and the band.
///
/// The legend names every line, and the band once (`bandNote` says what it
/// spans); the y axis holds every value of the lines and bands.
public struct LineChart: Sendable {
    public struct Point: Sendable {
        public let x: Double
        public let y: Double
        public let low: Double
        public let high: Double

        public init(x: Double, y: Double, low: Double = .nan, high: Double = .nan) {
            self.x = x
            self.y = y
            self.low = low
            self.high = high
        }
    }

    public struct Series: Sendable {
        public let name: String
        public let points: [Point]
        /// Palette index: colour and dash pattern.
        public let style: Int
        /// Drawn dashed whatever its style (e.g. non-members beside members).
        public let dashed: Bool
        /// A dot at every point (for a few points, e.g. years).
        public let markers: Bool

        public init(_ name: String, points: [Point], style: Int, dashed: Bool = false, markers: Bool = false) {
            self.name = name
            self.points = points
            self.style = style
            self.dashed = dashed
            self.markers = markers
        }

        var dash: String? { dashed ? "6 3" : Palette.dash(style) }
    }

    public var frame: ChartFrame
    public var xTitle: String
    public var yTitle: String
    public var series: [Series]
    /// What the bands span, for the legend; nil when there are none.
    public var bandNote: String?
    /// Allowed steps of the x axis (nil: 1, 2, 5 times a power of ten).
    public var xSteps: [Double]?
    /// Whether the y axis reaches down (or up) to zero.
    public var yFromZero: Bool

    public init(frame: ChartFrame, xTitle: String, yTitle: String, series: [Series], bandNote: String? = nil,
                xSteps: [Double]? = nil, yFromZero: Bool = true) {
        self.frame = frame
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.bandNote = bandNote
        self.xSteps = xSteps
        self.yFromZero = yFromZero
    }

    public func svg(id: String) -> String {
        var legend = series.map { ChartFrame.LegendEntry($0.name, colour: Palette.colour($0.style), .line(dash: $0.dash)) }
        let hasBands = series.contains { $0.points.contains { $0.low.isFinite && $0.high.isFinite } }
        if hasBands, let bandNote { legend.append(ChartFrame.LegendEntry(bandNote, colour: "#666666", .band)) }
        let points = series.flatMap(\.points)
        let plot = XYPlot(frame: frame, legend: legend, x: points.map(\.x), y: points.flatMap { [$0.y, $0.low, $0.high] },
                          xSteps: xSteps, yFromZero: yFromZero)
        var out = frame.open(id: id, height: frame.height, legend: legend)
        out += plot.axes(xTitle: xTitle, yTitle: yTitle)
        for line in series { out += band(line, plot) }
        for line in series { out += self.line(line, plot) }
        return out + "</svg>"
    }

    /// The band of `line`: one closed shape per stretch without gaps.
    private func band(_ line: Series, _ plot: XYPlot) -> String {
        stretches(line.points) { $0.low.isFinite && $0.high.isFinite }.map { stretch in
            let upper = stretch.map { plot.point($0.x, $0.high) }
            let lower = stretch.reversed().map { plot.point($0.x, $0.low) }
            return "<path class=\"bd\" fill=\"\(Palette.colour(line.style))\" d=\"\(SVGText.path(upper + lower))Z\"/>"
        }.joined()
    }

    private func line(_ line: Series, _ plot: XYPlot) -> String {
        let colour = Palette.colour(line.style)
        var out = stretches(line.points) { $0.y.isFinite }.map { stretch in
            "<path class=\"ln\" \(SVGText.stroke(colour, dash: line.dash)) d=\"\(SVGText.path(stretch.map { plot.point($0.x, $0.y) }))\"/>"
        }.joined()
        if line.markers || line.points.filter({ $0.y.isFinite }).count == 1 {
            for point in line.points where point.y.isFinite {
                let (px, py) = plot.point(point.x, point.y)
                out += "<circle cx=\"\(SVGText.coordinate(px))\" cy=\"\(SVGText.coordinate(py))\" r=\"3\" fill=\"\(colour)\"/>"
            }
        }
        return out
    }

    /// The runs of consecutive points that satisfy `present`.
    private func stretches(_ points: [Point], _ present: (Point) -> Bool) -> [[Point]] {
        var runs: [[Point]] = [[]]
        for point in points {
            if present(point) { runs[runs.count - 1].append(point) } else if !(runs.last?.isEmpty ?? true) { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }
}
