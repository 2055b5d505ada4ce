import Foundation
import Synchronization

/// Where an experiment keeps finished runs until its tables are joined:
/// each run's rows in part files of its own, and a journal with one line
/// per finished run.
///
/// A run is recorded atomically: its part files are written under
/// temporary names, renamed into place, and only then is its journal line
/// appended (one `write` of one line). A run with no journal line did not
/// happen, whatever part files it left; so an experiment killed at any
/// moment resumes by redoing exactly the runs the journal lacks. Joining
/// copies the parts in run order, so the tables are the same whatever
/// order the runs finished in, and records each run's block of bytes so a
/// later join (after retrying failed runs) can merge without re-parsing.
public final class RunStore: Sendable {
    public let folder: String
    private let partsFolder: String
    private let journalPath: String
    private let journal: Mutex<Int32>

    /// Opens (creating when needed) the store in `folder`; a journal line
    /// torn by a crash is cut off.
    public init(folder: String) throws(OutputError) {
        self.folder = folder
        partsFolder = folder + "/parts"
        journalPath = Self.journalPath(in: folder)
        do {
            try FileManager.default.createDirectory(atPath: partsFolder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: partsFolder, reason: "cannot create (\(describe(error)))")
        }
        try Self.cutTornLine(journalPath)
        let descriptor = open(journalPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw OutputError.fromErrno(journalPath, "opening the run journal") }
        journal = Mutex(descriptor)
    }

    deinit {
        journal.withLock { descriptor in
            if descriptor >= 0 { _ = close(descriptor) }
        }
    }

    /// The part file of `table` for run `run`; `.tmp` while being written.
    public func partPath(table: Int, run: Int, temporary: Bool = false) -> String {
        Self.partPath(in: folder, table: table, run: run, temporary: temporary)
    }

    /// The part file of `table` for run `run` of the store in `folder`.
    public static func partPath(in folder: String, table: Int, run: Int, temporary: Bool = false) -> String {
        "\(folder)/parts/t\(table)-r\(run).csv" + (temporary ? ".tmp" : "")
    }

    /// Records a finished run: moves its temporary parts of `tables` tables
    /// into place (when it is ok), then appends its journal line.
    public func commit(_ record: RunRecord, tables: Int) throws(OutputError) {
        if record.status == .ok {
            for table in 0..<tables {
                let from = partPath(table: table, run: record.index, temporary: true)
                if rename(from, partPath(table: table, run: record.index)) != 0 {
                    throw OutputError.fromErrno(from, "renaming the run's rows into place")
                }
            }
        }
        let line = Array((record.json.compact() + "\n").utf8)
        try journal.withLock { descriptor throws(OutputError) in
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written != line.count { throw OutputError.fromErrno(journalPath, "appending to the run journal") }
        }
    }

    /// The last record of every run in the journal (read a block at a time:
    /// the journal is not held in memory beside the records).
    public func records() throws(OutputError) -> [Int: RunRecord] {
        try Self.records(in: folder)
    }

    /// The records of the store in `folder`, read without changing
    /// anything there (a torn last line is left out, not cut off).
    public static func records(in folder: String) throws(OutputError) -> [Int: RunRecord] {
        let journalPath = Self.journalPath(in: folder)
        guard let handle = FileHandle(forReadingAtPath: journalPath) else { return [:] }
        defer { try? handle.close() }
        var records: [Int: RunRecord] = [:]
        var pending: [UInt8] = []
        func read(_ line: ArraySlice<UInt8>) throws(OutputError) {
            guard let value = try? JSONParser.parse(Array(line)), let record = RunRecord(json: value) else {
                throw OutputError(path: journalPath, reason: "a line of the run journal cannot be read; the experiment folder was changed by hand")
            }
            records[record.index] = record
        }
        while true {
            let block: Data
            do { block = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw OutputError(path: journalPath, reason: "cannot read the run journal (\(describe(error)))")
            }
            if block.isEmpty { break }
            pending.append(contentsOf: block)
            guard let last = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            for line in pending[..<last].split(separator: UInt8(ascii: "\n")) { try read(line) }
            pending.removeSubrange(...last)
        }
        // A torn last line is cut off when the store is opened.
        return records
    }

    private static func journalPath(in folder: String) -> String { folder + "/journal.jsonl" }

    /// Removes part files left by runs that never reached the journal.
    public func removeUnrecordedParts(recorded: Set<Int>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: partsFolder)) ?? []
        for name in names {
            let run = name.range(of: "-r").flatMap { Int(name[$0.upperBound...].prefix { $0.isNumber }) }
            if name.hasSuffix(".tmp") || run.map({ !recorded.contains($0) }) ?? true {
                try? FileManager.default.removeItem(atPath: "\(partsFolder)/\(name)")
            }
        }
    }

    /// Removes every part file (once the tables they went into are in place).
    public func removeParts() {
        try? FileManager.default.removeItem(atPath: partsFolder)
    }

    /// Writes `header` and then, for each run of `runs` in order (every run
    /// recorded as ok), its rows of `table`: see the static `join`, which
    /// reads the parts of this store. With `consuming`, each
    /// part is deleted once copied (for a join that is never resumed).
    public func join(
        table: Int, runs: [Int], header: CSVRecord, into path: String, blocks: String? = nil,
        previous: (table: String, blocks: [String])? = nil, consuming: Bool = false
    ) throws(OutputError) {
        try Self.join(runs: runs, part: { partPath(table: table, run: $0) }, header: header, into: path,
                      blocks: blocks, previous: previous, consuming: consuming)
    }

    /// Writes `header` and then, for each run of `runs` in order, its rows:
    /// from its part file (`part(run)`, which may be in any store: a merge
    /// joins the parts of several), or else from `previous` (an earlier
    /// join of the same table, with the candidate block lists of which the
    /// one that matches the table's size is used: the table and its list
    /// are renamed into place one after the other, so an interruption
    /// between the two may leave the new list under its temporary name).
    /// Writes the block list of the new table to `blocks`, when given (a
    /// later join that resumes reads it). A run with neither a part file
    /// nor a block is an error. Each run's rows are appended as they are
    /// read: the table is never held in memory nor copied twice.
    public static func join(
        runs: [Int], part: (Int) -> String, header: CSVRecord, into path: String, blocks: String? = nil,
        previous: (table: String, blocks: [String])? = nil, consuming: Bool = false
    ) throws(OutputError) {
        var earlier: BlockList?
        var source: FileHandle?
        if let previous, FileManager.default.fileExists(atPath: previous.table) {
            let size = (try? FileManager.default.attributesOfItem(atPath: previous.table)[.size] as? Int) ?? -1
            earlier = previous.blocks.lazy.compactMap { try? BlockList(reading: $0) }.first { $0.end == size }
            guard earlier != nil else {
                throw OutputError(path: previous.table, reason: "does not match its block list (was it changed by hand?); start the experiment over with --force")
            }
            source = FileHandle(forReadingAtPath: previous.table)
            guard source != nil else { throw OutputError(path: previous.table, reason: "cannot reopen the earlier table") }
        }
        defer { try? source?.close() }
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes: header.bytes)
        try writer.write(bytes: CSVRecord.lineEnd)
        var list = BlockList(headerBytes: header.bytes.count + CSVRecord.lineEnd.count)
        for run in runs {
            let part = part(run)
            let bytes: Int
            if let handle = FileHandle(forReadingAtPath: part) {
                defer { try? handle.close() }
                bytes = try copy(from: handle, count: nil, path: part, to: writer)
                // `consuming`: the part goes as soon as it is copied, so the
                // join never needs room for the table twice.
                if consuming { unlink(part) }
            } else if let source, let previous, let block = earlier?.blocks[run] {
                do { try source.seek(toOffset: UInt64(block.offset)) } catch {
                    throw OutputError(path: previous.table, reason: "cannot read the earlier table (\(describe(error)))")
                }
                bytes = try copy(from: source, count: block.length, path: previous.table, to: writer)
            } else {
                throw OutputError(path: part, reason: "run \(run) is recorded as finished but its rows are missing (was the folder changed by hand?); start the experiment over with --force")
            }
            list.append(run: run, length: bytes)
        }
        try writer.close()
        if let blocks { try list.write(to: blocks) }
    }

    private static func copy(from handle: FileHandle, count: Int?, path: String, to writer: BufferedFileWriter) throws(OutputError) -> Int {
        var copied = 0
        while count.map({ copied < $0 }) ?? true {
            let want = Swift.min(1 << 20, (count ?? Int.max) - copied)
            let block: Data
            do { block = try handle.read(upToCount: want) ?? Data() } catch {
                throw OutputError(path: path, reason: "cannot read (\(describe(error)))")
            }
            if block.isEmpty { break }
            try writer.write(bytes: block)
            copied += block.count
        }
        if let count, copied != count { throw OutputError(path: path, reason: "is shorter than its block list says") }
        return copied
    }

    /// Cuts what follows the journal's last line end (a record torn by an
    /// interruption), reading the file backwards a block at a time: only
    /// its tail, however long the journal.
    private static func cutTornLine(_ path: String) throws(OutputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        guard var end = try? handle.seekToEnd(), end > 0 else { return }
        let size = end
        let newline = UInt8(ascii: "\n")
        var keep: UInt64 = 0
        search: while end > 0 {
            let start = end >= 65_536 ? end - 65_536 : 0
            guard (try? handle.seek(toOffset: start)) != nil,
                  let block = try? handle.read(upToCount: Int(end - start)), !block.isEmpty else {
                throw OutputError(path: path, reason: "cannot read the journal")
            }
            if let index = block.lastIndex(of: newline) {
                keep = start + UInt64(index - block.startIndex) + 1
                break search
            }
            end = start
        }
        guard keep != size else { return }
        if truncate(path, off_t(keep)) != 0 { throw OutputError.fromErrno(path, "cutting a torn journal line") }
    }
}

/// Where each run's rows sit in a joined table: the header's length, then
/// one line per run, "run length".
struct BlockList {
    var headerBytes: Int
    var blocks: [Int: (offset: Int, length: Int)] = [:]
    private var order: [Int] = []
    /// The table's size: the header and every block.
    private(set) var end: Int

    init(headerBytes: Int) {
        self.headerBytes = headerBytes
        end = headerBytes
    }

    init(reading path: String) throws(OutputError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw OutputError(path: path, reason: "cannot read the block list of an earlier table")
        }
        let lines = text.split(separator: "\n")
        guard let first = lines.first, let header = Int(first) else {
            throw OutputError(path: path, reason: "is not a block list")
        }
        self.init(headerBytes: header)
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let run = Int(fields[0]), let length = Int(fields[1]) else {
                throw OutputError(path: path, reason: "is not a block list")
            }
            append(run: run, length: length)
        }
    }

    mutating func append(run: Int, length: Int) {
        blocks[run] = (end, length)
        order.append(run)
        end += length
    }

    func write(to path: String) throws(OutputError) {
        let writer = try BufferedFileWriter(path: path)
        try writer.write("\(headerBytes)\n")
        for run in order { try writer.write("\(run) \(blocks[run]?.length ?? 0)\n") }
        try writer.close()
    }
}
