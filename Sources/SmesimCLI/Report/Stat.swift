/// The count, mean, least and greatest of a set of values, kept as they
/// arrive (nothing stored); missing values are not added.
struct Stat {
    private(set) var count = 0
    private(set) var sum = 0.0
    private(set) var least = Double.infinity
    private(set) var greatest = -Double.infinity

    mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        count += 1
        sum += value
        least = min(least, value)
        greatest = max(greatest, value)
    }

    /// NaN when there are no values.
    var mean: Double { count > 0 ? sum / Double(count) : .nan }
    var lowest: Double { count > 0 ? least : .nan }
    var highest: Double { count > 0 ? greatest : .nan }
}
