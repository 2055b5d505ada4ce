import Dispatch
import Foundation
import Synchronization

/// Handles Ctrl-C, SIGTERM and SIGHUP (a closed terminal) while a command
/// writes: `cleanUp` runs, the message — what the folder holds now and what
/// to do, which a command updates as it moves from one step to the next — is
/// printed and the tool exits with code 130.
///
/// Inside `critical` (the final renames) a signal waits: the step finishes,
/// and the tool then exits with code 130 saying the results are complete.
final class InterruptionGuard {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    private let sources: [any DispatchSourceSignal]
    private let state: State

    private final class State: Sendable {
        struct Value {
            var message: String
            var critical = false
            var pending = false
            var exiting = false
        }
        let value: Mutex<Value>
        init(_ message: String) { value = Mutex(Value(message: message)) }
    }

    init(message: String, cleanUp: @escaping @Sendable () -> Void) {
        let state = State(message)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in Self.signals {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let message: String? = state.value.withLock { value in
                    if value.critical {
                        value.pending = true
                        return nil
                    }
                    value.exiting = true
                    return value.message
                }
                guard let message else { return }
                cleanUp()
                FileHandle.standardError.write(Data("\n\(ToolInfo.name): interrupted; \(message)\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.state = state
    }

    /// What an interruption from now on prints.
    func update(_ message: String) {
        state.value.withLock { $0.message = message }
    }

    /// Runs `body` with signals held: an interruption during it takes
    /// effect once it is done, printing `done` (what the folder then holds).
    func critical<Result>(done: String, _ body: () throws -> Result) rethrows -> Result {
        let entered = state.value.withLock { value -> Bool in
            if value.exiting { return false }
            value.critical = true
            return true
        }
        // A signal came first: its handler is cleaning up and exiting.
        if !entered { while true { pause() } }
        let result = try body()
        let pending = state.value.withLock { value -> Bool in
            value.critical = false
            return value.pending
        }
        if pending {
            FileHandle.standardError.write(Data("\n\(ToolInfo.name): interrupted; \(done)\n".utf8))
            exit(130)
        }
        return result
    }

    func disarm() {
        for source in sources { source.cancel() }
        for signalNumber in Self.signals { signal(signalNumber, SIG_DFL) }
    }
}
