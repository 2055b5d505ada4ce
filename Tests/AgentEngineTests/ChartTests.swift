import Foundation
import Testing
@testable import AgentEngine

@Suite struct ChartTests {
    @Test func numbersAreGroupedAndRounded() {
        #expect(NumberFormat.fixed(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(NumberFormat.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-1500, decimals: 0) == "\u{2212}1,500")
        #expect(NumberFormat.fixed(999.5, decimals: 0) == "1,000")
        #expect(NumberFormat.fixed(.nan, decimals: 1) == "–")
        #expect(NumberFormat.significant(0.035908) == "0.0359")
        #expect(NumberFormat.significant(173_687.5) == "173,688")
        #expect(NumberFormat.significant(0.05, digits: 4) == "0.05")
        #expect(NumberFormat.significant(100) == "100")
        #expect(NumberFormat.significant(1.2e-9) == "1.2e\u{2212}9")
        #expect(NumberFormat.significant(0) == "0")
        #expect(NumberFormat.decimals(forStep: 0.05) == 2)
        #expect(NumberFormat.decimals(forStep: 20) == 0)
        #expect(1000.0.log10Floor == 3 && 999.999.log10Floor == 2 && 0.001.log10Floor == -3)
    }

    @Test func axesTakeNiceSteps() {
        let share = AxisScale(covering: [0.013, 0.047])
        #expect(share.step == 0.01 && share.lower == 0.01 && share.upper == 0.05)
        #expect(share.ticks.map(share.label) == ["0.01", "0.02", "0.03", "0.04", "0.05"])
        let money = AxisScale(covering: [-1_200, 48_000], includingZero: true)
        #expect(money.step == 20_000 && money.lower == -20_000 && money.upper == 60_000)
        #expect(money.label(40_000) == "40,000")
        let months = AxisScale(covering: [0, 120], ticks: 7, steps: [1, 2, 3, 6, 12, 24])
        #expect(months.step == 24 && months.upper == 120)
        let flat = AxisScale(covering: [5, 5])
        #expect(flat.lower <= 5 && flat.upper > 5)
        let empty = AxisScale(covering: [.nan])
        #expect(empty.lower == 0 && empty.upper == 1)
        let placed = share.placed(from: 100, to: 0)
        #expect(placed.position(0.01) == 100 && placed.position(0.05) == 0)
    }

    @Test func textFromFilesCannotAddMarkupOrReferences() {
        #expect(Markup.escape("<b>\"R&D\"</b> 'x'") == "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; &#39;x&#39;")
        let neutral = Markup.escape("see https://example.org, src=a HREF=b url(c) @import d")
        for banned in ["http", "src=", "href=", "url(", "@import"] { #expect(!neutral.lowercased().contains(banned)) }
        #expect(Markup.escape("tab\tok\u{7}bell") == "tab\tokbell")
    }

    @Test func chartsAreAccessibleAndDeterministic() {
        let line = LineChart(frame: ChartFrame(title: "Adoption <share>", summary: "Mean & band"), xTitle: "month", yTitle: "share",
                             series: [LineChart.Series("a", points: [LineChart.Point(x: 0, y: 0.1, low: 0.05, high: 0.2),
                                                                     LineChart.Point(x: 1, y: .nan), LineChart.Point(x: 2, y: 0.3, low: 0.2, high: 0.4)], style: 0)],
                             bandNote: "band: lowest to highest")
        let svg = line.svg(id: "c1")
        #expect(svg.hasPrefix("<svg class=\"chart\" viewBox=\"0 0 900 340\""))
        #expect(svg.contains("<title id=\"c1-t\">Adoption &lt;share&gt;</title><desc id=\"c1-d\">Mean &amp; band</desc>"))
        #expect(svg.components(separatedBy: "class=\"ln\"").count == 3, "the missing value breaks the line in two")
        #expect(svg == line.svg(id: "c1"))
        let bars = BarChart(frame: ChartFrame(title: "t", summary: "s"), categories: ["x", "y"],
                            series: [BarChart.Series("v", values: [3, .nan], low: [1, .nan], high: [4, .nan], style: 1)], valueTitle: "EUR",
                            whiskerNote: "whisker")
        let barSVG = bars.svg(id: "c2")
        #expect(barSVG.contains("<rect") && barSVG.contains("class=\"wk\"") && barSVG.contains(">–</text>") && barSVG.hasSuffix("</svg>"))
        let scatter = ScatterChart(frame: ChartFrame(title: "t", summary: "s"), xTitle: "x", yTitle: "y", points: [(1, 2), (.nan, 1), (3, 4)])
        #expect(scatter.svg(id: "c3").components(separatedBy: "<circle").count == 3)
    }

    @Test func aLargeFileIsReadARecordAtATime() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "\u{FEFF}a,b,c\r\n\r\n"
        for k in 0..<5_000 { text += "\(k),\"x,\"\"\(k)\"\"\",\(Double(k) / 4)\r\n" }
        text += "last,\"two\nlines\","
        try text.write(to: url, atomically: true, encoding: .utf8)
        let reader = try CSVFileReader(path: url.path, blockSize: 64)
        #expect(try reader.next() && reader.fields == ["a", "b", "c"])
        var rows = 0
        while try reader.next() {
            if reader.text(0) == "last" {
                #expect(reader.fields == ["last", "two\nlines", ""] && reader.isEmpty(2) && reader.line == 5_003)
                continue
            }
            #expect(reader.text(1) == "x,\"\(rows)\"" && reader.number(2) == Double(rows) / 4 && reader.number(1) == nil)
            rows += 1
        }
        #expect(rows == 5_000)
        try "a,b\"c\r\n".write(to: url, atomically: true, encoding: .utf8)
        let bad = try CSVFileReader(path: url.path)
        #expect(throws: CSVFileProblem(path: url.path, line: 1, message: "a quote inside an unquoted field")) { _ = try bad.next() }
        var fields: [[String]] = []
        try "h\r\n\"a\nb\",c\r\n".write(to: url, atomically: true, encoding: .utf8)
        try CSVFileReader.forEachRecord(atPath: url.path) { record, line throws(CSVFileProblem) in fields.append(record + ["\(line)"]) }
        #expect(fields == [["h", "1"], ["a\nb", "c", "2"]])
    }
}
