import AgentEngine

/// Small pieces of HTML the report is written with; every text goes
/// through `Markup.escape`, so nothing from a file can add markup.
enum HTML {
    static func escape(_ text: String) -> String { Markup.escape(text) }

    static func paragraph(_ text: String, note: Bool = false) -> String {
        "<p\(note ? " class=\"note\"" : "")>\(escape(text))</p>\n"
    }

    /// A definition list of facts: term, then its value.
    static func facts(_ items: [(String, String)]) -> String {
        "<dl class=\"facts\">" + items.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>" }.joined() + "</dl>\n"
    }

    /// A table; cells of the columns in `numeric` are right-aligned.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], caption: String? = nil) -> String {
        var out = "<div class=\"tw\"><table>"
        if let caption { out += "<caption>\(escape(caption))</caption>" }
        out += "<thead><tr>" + header.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escape($0.element))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>" + row.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escape($0.element))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table></div>\n"
    }

    /// Text folded away under a summary line (no script: `<details>`).
    static func details(_ summary: String, preformatted text: String) -> String {
        "<details><summary>\(escape(summary))</summary><pre>\(escape(text))</pre></details>\n"
    }
}

/// Numbers the charts of a page, so each SVG's `<title>` and `<desc>` ids
/// are unique, in the order the page is written.
final class ChartNumbering {
    private var next = 0

    /// A figure: the chart's SVG and a caption.
    func figure(_ draw: (String) -> String, caption: String) -> String {
        next += 1
        return "<figure>\(draw("c\(next)"))<figcaption>\(HTML.escape(caption))</figcaption></figure>\n"
    }
}
