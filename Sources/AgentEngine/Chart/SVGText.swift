/// Pieces of SVG text shared by the charts: coordinates with one decimal
/// (enough on a 640-unit canvas, and the same bytes on every machine),
/// escaped text elements, lines and paths.
enum SVGText {
    /// `value` with one decimal, "-" for negatives, no "-0".
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = Swift.abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `<text>` at (x, y) with a class and anchor; `text` is escaped.
    static func text(_ text: String, x: Double, y: Double, cls: String, anchor: String = "start", rotate: Bool = false) -> String {
        let place = rotate
            ? "transform=\"translate(\(coordinate(x)),\(coordinate(y))) rotate(-90)\""
            : "x=\"\(coordinate(x))\" y=\"\(coordinate(y))\""
        return "<text class=\"\(cls)\" \(place) text-anchor=\"\(anchor)\">\(Markup.escape(text))</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) -> String {
        "<line class=\"\(cls)\" x1=\"\(coordinate(x1))\" y1=\"\(coordinate(y1))\" x2=\"\(coordinate(x2))\" y2=\"\(coordinate(y2))\"/>"
    }

    /// "M x y L x y …" through `points`.
    static func path(_ points: [(Double, Double)]) -> String {
        points.enumerated().map { index, point in
            "\(index == 0 ? "M" : "L")\(coordinate(point.0)) \(coordinate(point.1))"
        }.joined(separator: " ")
    }

    /// A stroke's colour and dash pattern as attributes.
    static func stroke(_ colour: String, dash: String?) -> String {
        "stroke=\"\(colour)\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
    }

    /// The width `text` takes at `size` px in a sans-serif face, roughly
    /// (for laying out legends and labels; no font is measured).
    static func width(_ text: String, size: Double = 11) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` cut to fit `width` at `size` px, with "…" when cut.
    static func fitted(_ text: String, width: Double, size: Double = 11) -> String {
        let fits = Swift.max(Int((width / (size * 0.58)).rounded(.up)), 2)
        return text.count <= fits ? text : String(text.prefix(fits - 1)) + "…"
    }

    /// `text` in at most `lines` lines that fit `width` at `size` px,
    /// broken at spaces; the last line cut with "…" if it must be.
    static func wrapped(_ text: String, width: Double, size: Double, lines: Int = 2) -> [String] {
        let fits = Swift.max(Int(width / (size * 0.58)), 2)
        var out: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if out.count == lines - 1 || rest.count <= fits {
                out.append(fitted(String(rest), width: width, size: size))
                break
            }
            let head = rest.prefix(fits + 1)
            let cut = head.lastIndex(of: " ").map { rest.distance(from: rest.startIndex, to: $0) } ?? fits
            out.append(String(rest.prefix(Swift.max(cut, 1))))
            rest = rest.dropFirst(Swift.max(cut, 1)).drop { $0 == " " }
        }
        return out
    }
}
