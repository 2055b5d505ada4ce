/// Points over two numeric axes, e.g. each run's outcome against a swept
/// parameter's value; points with a missing coordinate (NaN) are left out.
public struct ScatterChart: Sendable {
    public var frame: ChartFrame
    public var xTitle: String
    public var yTitle: String
    public var points: [(x: Double, y: Double)]
    public var style: Int

    public init(frame: ChartFrame, xTitle: String, yTitle: String, points: [(x: Double, y: Double)], style: Int = 0) {
        self.frame = frame
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.points = points.filter { $0.x.isFinite && $0.y.isFinite }
        self.style = style
    }

    public func svg(id: String) -> String {
        let plot = XYPlot(frame: frame, legend: [], x: points.map(\.x), y: points.map(\.y))
        var out = frame.open(id: id, height: frame.height, legend: []) + plot.axes(xTitle: xTitle, yTitle: yTitle)
        let colour = Palette.colour(style)
        for point in points {
            let (px, py) = plot.point(point.x, point.y)
            out += "<circle class=\"pt\" cx=\"\(SVGText.coordinate(px))\" cy=\"\(SVGText.coordinate(py))\" r=\"2.5\" fill=\"\(colour)\"/>"
        }
        return out + "</svg>"
    }
}
