/// The plotting area of a chart with two numeric axes (lines, scatters):
/// the scales placed in chart units (y grows upwards), gridlines at the
/// ticks of y, tick marks and labels on both axes, and each axis's title
/// (its quantity and unit).
struct XYPlot {
    let x: AxisScale
    let y: AxisScale
    let left: Double, right: Double, top: Double, bottom: Double

    /// The area of `frame` under its title and legend, with room for the
    /// tick labels of y and the titles of both axes; x takes as many ticks
    /// (up to 7) as its labels leave room for, y about 5.
    init(frame: ChartFrame, legend: [ChartFrame.LegendEntry], x xValues: [Double], y yValues: [Double], xSteps: [Double]? = nil,
         yFromZero: Bool = false) {
        let y = AxisScale(covering: yValues, includingZero: yFromZero)
        let labelWidth = y.ticks.map { SVGText.width(y.label($0), size: 10) }.max() ?? 20
        left = ChartFrame.margin + 16 + labelWidth + 6
        right = frame.width - ChartFrame.margin - 6
        top = frame.top(legend: legend)
        bottom = frame.height - 38
        self.x = AxisScale.fitting(xValues, length: right - left, ticks: 7, steps: xSteps).placed(from: left, to: right)
        self.y = y.placed(from: bottom, to: top)
    }

    /// Gridlines, axes, ticks and axis titles.
    func axes(xTitle: String, yTitle: String) -> String {
        var out = ""
        for tick in y.ticks {
            let py = y.position(tick)
            out += SVGText.line(left, py, right, py, cls: tick == 0 && y.lower < 0 ? "zl" : "gr")
            out += SVGText.text(y.label(tick), x: left - 5, y: py + 3.5, cls: "tk", anchor: "end")
        }
        out += SVGText.line(left, bottom, right, bottom, cls: "ax")
        for tick in x.ticks {
            let px = x.position(tick)
            out += SVGText.line(px, bottom, px, bottom + 4, cls: "ax")
            out += SVGText.text(x.label(tick), x: px, y: bottom + 15, cls: "tk", anchor: "middle")
        }
        out += SVGText.text(xTitle, x: (left + right) / 2, y: bottom + 31, cls: "al", anchor: "middle")
        out += SVGText.text(SVGText.fitted(yTitle, width: bottom - top), x: ChartFrame.margin + 9, y: (top + bottom) / 2,
                            cls: "al", anchor: "middle", rotate: true)
        return out
    }

    /// The point of chart units at (x, y) in data units.
    func point(_ px: Double, _ py: Double) -> (Double, Double) {
        (x.position(px), y.position(py))
    }
}
