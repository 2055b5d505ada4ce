import Dispatch
import Foundation

/// Handles Ctrl-C and SIGTERM while a command writes: `cleanUp` runs, the
/// message is printed and the tool exits with code 130.
final class InterruptionGuard {
    private let sources: [any DispatchSourceSignal]

    init(message: String, cleanUp: @escaping @Sendable () -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                cleanUp()
                FileHandle.standardError.write(Data("\n\(ToolInfo.name): interrupted; \(message)\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func disarm() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
