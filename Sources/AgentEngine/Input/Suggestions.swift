/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a likely typo (at most a third of the word's length, and at least 2).
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let limit = Swift.max(2, word.count / 3)
    return best.distance <= limit ? best.candidate : nil
}

/// Levenshtein distance between two strings, by characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// "a, b or c"
public func listing(_ items: [String], quoted: Bool = true) -> String {
    let shown = quoted ? items.map { "\"\($0)\"" } : items
    switch shown.count {
    case 0: return "nothing"
    case 1: return shown[0]
    default: return shown.dropLast().joined(separator: ", ") + " or " + shown.last!
    }
}
