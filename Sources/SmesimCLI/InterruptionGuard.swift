import Dispatch
import Foundation
import Synchronization

/// Handles Ctrl-C and SIGTERM while a command writes: `cleanUp` runs, the
/// message — what the folder holds now and what to do, which a command
/// updates as it moves from one step to the next — is printed and the tool
/// exits with code 130.
final class InterruptionGuard {
    private let sources: [any DispatchSourceSignal]
    private let message: Text

    private final class Text: Sendable {
        let value: Mutex<String>
        init(_ value: String) { self.value = Mutex(value) }
    }

    init(message: String, cleanUp: @escaping @Sendable () -> Void) {
        let text = Text(message)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                cleanUp()
                let message = text.value.withLock { $0 }
                FileHandle.standardError.write(Data("\n\(ToolInfo.name): interrupted; \(message)\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.message = text
    }

    /// What an interruption from now on prints.
    func update(_ message: String) {
        self.message.value.withLock { $0 = message }
    }

    func disarm() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
