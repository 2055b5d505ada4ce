/// What every chart has around its data: a size, a title (drawn, and in
/// `<title>` for screen readers), a description (`<desc>`: what the chart
/// shows, in words), and a legend under the title that says what each
/// colour, line style, band and whisker means.
///
/// Charts are drawn in their own units (`viewBox`) and scaled by the page,
/// so they fit the column on screen and on paper; their look comes from
/// `Chart.stylesheet`, which the page includes once.
public struct ChartFrame: Sendable {
    public var title: String
    public var summary: String
    public var width: Double
    public var height: Double

    public init(title: String, summary: String, width: Double = 900, height: Double = 340) {
        self.title = title
        self.summary = summary
        self.width = width
        self.height = height
    }

    /// One entry of a legend.
    public struct LegendEntry: Sendable {
        public enum Mark: Sendable { case line(dash: String?), band, bar, dot, whisker }
        public let name: String
        public let colour: String
        public let mark: Mark

        public init(_ name: String, colour: String, _ mark: Mark) {
            self.name = name
            self.colour = colour
            self.mark = mark
        }
    }

    static let titleLine = 18.0
    static let legendRow = 16.0
    static let margin = 10.0
    static let titleSize = 14.0

    /// The title in one or two lines that fit the width.
    var titleLines: [String] { SVGText.wrapped(title, width: width - 2 * Self.margin, size: Self.titleSize) }

    /// The height of the title.
    var titleHeight: Double { Double(titleLines.count) * Self.titleLine + 8 }

    /// The legend's rows: entries flow left to right and wrap.
    func legendRows(_ entries: [LegendEntry]) -> [[(entry: LegendEntry, x: Double)]] {
        var rows: [[(entry: LegendEntry, x: Double)]] = [[]]
        var x = Self.margin
        for entry in entries {
            let entryWidth = 22 + SVGText.width(entry.name) + 14
            if x + entryWidth > width - Self.margin, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                x = Self.margin
            }
            rows[rows.count - 1].append((entry, x))
            x += entryWidth
        }
        return rows.filter { !$0.isEmpty }
    }

    /// Where the plot may start below the title and legend.
    func top(legend entries: [LegendEntry]) -> Double {
        titleHeight + Double(legendRows(entries).count) * Self.legendRow + 8
    }

    /// The opening of the chart: `<svg>`, `<title>`, `<desc>`, the drawn
    /// title and the legend. `id` must be unique in the page.
    func open(id: String, height: Double, legend entries: [LegendEntry]) -> String {
        let w = SVGText.coordinate(width), h = SVGText.coordinate(height)
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
        out += "<title id=\"\(id)-t\">\(Markup.escape(title))</title><desc id=\"\(id)-d\">\(Markup.escape(summary))</desc>"
        for (k, line) in titleLines.enumerated() {
            out += SVGText.text(line, x: Self.margin, y: 18 + Double(k) * Self.titleLine, cls: "ct")
        }
        for (row, items) in legendRows(entries).enumerated() {
            let y = titleHeight + Double(row) * Self.legendRow + 8
            for (entry, x) in items {
                out += Self.swatch(entry, x: x, y: y)
                out += SVGText.text(entry.name, x: x + 22, y: y + 4, cls: "lg")
            }
        }
        return out
    }

    /// The small drawing of an entry's mark, 18 units wide, centred on `y`.
    static func swatch(_ entry: LegendEntry, x: Double, y: Double) -> String {
        let c = SVGText.coordinate
        switch entry.mark {
        case .line(let dash):
            return "<line class=\"sl\" x1=\"\(c(x))\" y1=\"\(c(y))\" x2=\"\(c(x + 18))\" y2=\"\(c(y))\" \(SVGText.stroke(entry.colour, dash: dash))/>"
        case .band:
            return "<rect class=\"sb\" x=\"\(c(x))\" y=\"\(c(y - 5))\" width=\"18\" height=\"10\" fill=\"\(entry.colour)\"/>"
        case .bar:
            return "<rect x=\"\(c(x + 2))\" y=\"\(c(y - 5))\" width=\"14\" height=\"10\" fill=\"\(entry.colour)\"/>"
        case .dot:
            return "<circle class=\"sd\" cx=\"\(c(x + 9))\" cy=\"\(c(y))\" r=\"3\" fill=\"\(entry.colour)\"/>"
        case .whisker:
            return "<path class=\"sw\" d=\"M\(c(x + 2)) \(c(y))H\(c(x + 16))M\(c(x + 2)) \(c(y - 4))V\(c(y + 4))M\(c(x + 16)) \(c(y - 4))V\(c(y + 4))\"/>"
        }
    }
}

/// What the charts share: the stylesheet they are drawn with.
public enum Chart {
    /// The CSS rules every chart's classes need; a page includes it once.
    public static let stylesheet = """
        svg.chart { width: 100%; max-width: 100%; height: auto; display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        svg.chart text { font-size: 11px; fill: #222; }
        svg.chart .ct { font-size: 14px; font-weight: 600; }
        svg.chart .al { font-size: 11px; fill: #444; }
        svg.chart .tk { font-size: 10px; fill: #555; }
        svg.chart .vl { font-size: 10px; fill: #333; }
        svg.chart .gr { stroke: #e3e3e3; stroke-width: 1; }
        svg.chart .ax { stroke: #888; stroke-width: 1; }
        svg.chart .zl { stroke: #666; stroke-width: 1; }
        svg.chart .ln { fill: none; stroke-width: 2; stroke-linejoin: round; }
        svg.chart .sl { stroke-width: 2.5; }
        svg.chart .bd, svg.chart .sb { fill-opacity: 0.2; stroke: none; }
        svg.chart .wk, svg.chart .sw { stroke: #333; stroke-width: 1.2; fill: none; }
        svg.chart .pt { fill-opacity: 0.55; }
        """
}
