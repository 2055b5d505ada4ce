#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An error writing an output file, with the path and the system's reason.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    public static func fromErrno(_ path: String, _ action: String) -> OutputError {
        OutputError(path: path, reason: "\(action) failed: \(String(cString: strerror(errno)))")
    }
}

/// Appends bytes to a file through a fixed-size buffer, so output memory
/// stays flat however many rows a run writes.
public final class BufferedFileWriter {
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Creates (or truncates) the file at `path`.
    public init(path: String, capacity: Int = 1 << 16) throws(OutputError) {
        self.path = path
        self.capacity = capacity
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw OutputError.fromErrno(path, "creating the file") }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func write(bytes: some Sequence<UInt8>) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError.fromErrno(path, "writing")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; with `sync`, first waits until the data
    /// is on disk. Outputs are not synced by default: a run's folder becomes
    /// visible only by a rename once complete, which is what protects users
    /// from partial results, and a sync costs more than a small run.
    public func close(sync: Bool = false) throws(OutputError) {
        try flush()
        guard descriptor >= 0 else { return }
        if sync, fsync(descriptor) != 0, errno != EINVAL { throw OutputError.fromErrno(path, "syncing") }
        let result = systemClose(descriptor)
        descriptor = -1
        if result != 0 { throw OutputError.fromErrno(path, "closing") }
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
