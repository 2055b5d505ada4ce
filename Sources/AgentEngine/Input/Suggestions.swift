/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a likely typo (at most a third of the word's length, and at least
/// 2), or else the one candidate that `word` is a prefix or stem of
/// ("rewire" → "rewiring").
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    if let typo = closestByDistance(lowered, candidates) { return typo }
    let stem = String(lowered.prefix(Swift.max(3, lowered.count - 2)))
    let stemMatches = candidates.filter { $0.lowercased().hasPrefix(stem) }
    return stemMatches.count == 1 ? stemMatches[0] : nil
}

private func closestByDistance(_ lowered: String, _ candidates: [String]) -> String? {
    let word = lowered
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(word, candidate.lowercased())
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
