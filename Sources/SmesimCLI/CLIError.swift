/// A failure the tool reports and exits on.
public enum CLIError: Error, Equatable, Sendable {
    /// Bad command line or bad input file: exit code 2, nothing written.
    case usage(String)
    /// The run itself failed (e.g. the disk filled): exit code 1.
    case runtime(String)

    public var exitCode: Int32 {
        switch self {
        case .usage: return 2
        case .runtime: return 1
        }
    }

    public var message: String {
        switch self {
        case .usage(let message), .runtime(let message): return message
        }
    }
}
