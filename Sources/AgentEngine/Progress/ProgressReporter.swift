import Foundation
import Synchronization

/// A one-line progress display on standard error: runs done (and failed),
/// agent-steps per second and time left. Silent unless enabled (the CLI
/// enables it only on a terminal and without `--quiet`). Safe to call from
/// any thread; it redraws at most five times a second.
public final class ProgressReporter: Sendable {
    private struct State {
        var runsDone = 0
        var failed = 0
        var ticksDone = 0
        var agentSteps = 0.0
        var lastDraw: UInt64 = 0
        var drawn = false
    }

    public let enabled: Bool
    private let totalRuns: Int
    private let totalTicks: Int
    private let startNanos: UInt64
    private let state = Mutex(State())

    /// `totalRuns` and `totalTicks` count what this invocation will run
    /// (runs resumed from an earlier one are not counted).
    public init(totalRuns: Int, totalTicks: Int, enabled: Bool) {
        self.enabled = enabled
        self.totalRuns = totalRuns
        self.totalTicks = totalTicks
        startNanos = DispatchTime.now().uptimeNanoseconds
    }

    public func tickCompleted(agentSteps: Int) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.ticksDone += 1
            state.agentSteps += Double(agentSteps)
            return drawIfDue(&state, force: false)
        }
        if let line { emit(line) }
    }

    public func runCompleted(failed: Bool) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.runsDone += 1
            if failed { state.failed += 1 }
            return drawIfDue(&state, force: state.runsDone == totalRuns)
        }
        if let line { emit(line) }
    }

    /// Clears the line.
    public func finish() {
        guard enabled else { return }
        let wasDrawn = state.withLock { $0.drawn }
        if wasDrawn { emit("\r\u{1B}[K") }
    }

    private func drawIfDue(_ state: inout State, force: Bool) -> String? {
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - state.lastDraw >= 200_000_000 else { return nil }
        state.lastDraw = now
        state.drawn = true
        let elapsed = Double(now - startNanos) / 1e9
        let rate = elapsed > 0 ? state.agentSteps / elapsed : 0
        let remaining = state.ticksDone > 0 && totalTicks > state.ticksDone
            ? elapsed * Double(totalTicks - state.ticksDone) / Double(state.ticksDone) : 0
        let failed = state.failed > 0 ? " (\(state.failed) failed)" : ""
        return "\r\u{1B}[Kruns \(state.runsDone)/\(totalRuns)\(failed)  "
            + "\(formatRate(elapsed > 0 ? Double(state.runsDone) / elapsed : 0)) runs/s  "
            + "\(formatRate(rate)) agent-steps/s  ETA \(formatDuration(remaining))"
    }

    private func emit(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// "3.2e+07"-style rates are hard to read; this gives "32.1 M".
public func formatRate(_ value: Double) -> String {
    let units: [(Double, String)] = [(1e9, " G"), (1e6, " M"), (1e3, " k")]
    for (scale, suffix) in units where value >= scale {
        return String(format: "%.1f", value / scale) + suffix
    }
    return String(format: "%.0f", value)
}

/// Seconds as "m:ss" or "h:mm:ss".
public func formatDuration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60)
    return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
}
