import AgentEngine

/// One part of a report: a heading the table of contents links to, and
/// its HTML.
struct ReportSection {
    let id: String
    let title: String
    let body: String
}

/// A report as one self-contained HTML page: its stylesheet inline (with
/// print rules: charts scale with the page, sections do not break across
/// pages), the charts as inline SVG, no script, and nothing fetched — no
/// font, image, stylesheet or link outside the page (every `href` is an
/// anchor in it). The same content gives the same bytes.
struct ReportPage {
    let title: String
    let header: String
    let sections: [ReportSection]
    let footer: String

    var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(HTML.escape(ToolInfo.name)) \(HTML.escape(ToolInfo.version))">
            <title>\(HTML.escape(title))</title>
            <style>
            \(Self.stylesheet)
            \(Chart.stylesheet)
            </style>
            </head>
            <body>
            <header>
            \(header)</header>
            <nav aria-label="Contents"><ol>
            """
        out += sections.map { "<li><a href=\"#\($0.id)\">\(HTML.escape($0.title))</a></li>" }.joined(separator: "\n")
        out += "\n</ol></nav>\n<main>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\">\n<h2>\(HTML.escape(section.title))</h2>\n\(section.body)</section>\n"
        }
        return out + "</main>\n<footer>\(footer)</footer>\n</body>\n</html>\n"
    }

    static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff;
          max-width: 1120px; margin: 0 auto; padding: 20px 24px 40px; line-height: 1.45; font-size: 15px; }
        h1 { font-size: 1.55rem; margin: 0 0 4px; }
        h2 { font-size: 1.2rem; margin: 30px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #d8d8d8; }
        h3 { font-size: 1rem; margin: 18px 0 6px; }
        .lede { color: #444; margin: 0 0 10px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; font-size: 0.92rem; }
        dl.facts dt { color: #555; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        nav ol { columns: 3; margin: 8px 0; padding-left: 22px; font-size: 0.92rem; }
        a { color: #0a5aa0; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 10px 18px; }
        .cols { display: flex; flex-wrap: wrap; gap: 0 36px; align-items: flex-start; }
        figure { margin: 6px 0 14px; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 0.82rem; color: #555; margin-top: 2px; }
        .tw { overflow-x: auto; margin: 6px 0 12px; }
        table { border-collapse: collapse; font-size: 0.84rem; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { padding: 3px 9px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; font-weight: 600; }
        .n { text-align: right; font-variant-numeric: tabular-nums; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.75rem; background: #f6f6f6; padding: 8px; max-height: 480px; overflow: auto; }
        details { margin: 8px 0; }
        summary { cursor: pointer; color: #0a5aa0; }
        .note { color: #555; font-style: italic; }
        footer { margin-top: 36px; font-size: 0.8rem; color: #666; border-top: 1px solid #ddd; padding-top: 6px; }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav, summary { display: none; }
          .grid { grid-template-columns: 1fr 1fr; }
          section { break-before: auto; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          pre { max-height: none; overflow: visible; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
