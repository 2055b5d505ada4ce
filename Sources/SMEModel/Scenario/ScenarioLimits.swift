/// The allowed range of every scenario value, in one place, so the
/// decoder, the documentation and `--help` agree.
public enum ScenarioLimits {
    public static let firms = 1...10_000_000
    public static let horizon = 0...6_000
    public static let replicates = 1...100_000
    public static let categories = 1...64
    public static let medianEmployees = 1.0...249.0
    public static let sigma = 0.0...3.0
    public static let maxEmployees = 1...249
    public static let probability = 0.0...1.0
    public static let degree = 1...100
    public static let nameLength = 1...64
    public static let descriptionLength = 0...4_000
}
