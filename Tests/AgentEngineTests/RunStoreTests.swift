import Foundation
import Testing
@testable import AgentEngine

/// The run store: records, parts, and the join — rows from parts or an
/// earlier join — and what an interrupted finish or a changed folder leaves.
@Suite struct RunStoreTests {
    func store() throws -> (RunStore, String) {
        let folder = NSTemporaryDirectory() + "store-\(UUID().uuidString)"
        return (try RunStore(folder: folder), folder)
    }

    func record(_ index: Int, _ status: RunRecord.Status = .ok) -> RunRecord {
        RunRecord(index: index, runID: "r\(index)", status: status, wallSeconds: 0.5, outcomes: [1, .nan])
    }

    func writePart(_ store: RunStore, run: Int, _ text: String) throws {
        try text.write(toFile: store.partPath(table: 0, run: run, temporary: true), atomically: false, encoding: .utf8)
    }

    @Test func aRecordReadsBackAndTheLastOneWins() throws {
        let (store, _) = try store()
        try writePart(store, run: 0, "a\r\n")
        try store.commit(record(0), tables: 1)
        try store.commit(record(1, .failed("why, \"quoted\"")), tables: 1)
        try writePart(store, run: 1, "b\r\n")
        try store.commit(record(1), tables: 1)
        let records = try store.records()
        #expect(records[0]?.outcomes.first == 1 && records[0]?.outcomes.last?.isNaN == true)
        #expect(records[1]?.status == .ok)
        #expect(FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 0)))
    }

    @Test func aTornJournalLineIsCutAndTheRunRedone() throws {
        let (store, folder) = try store()
        try writePart(store, run: 0, "a\r\n")
        try store.commit(record(0), tables: 1)
        // A crash in the middle of the second run's line.
        let handle = try #require(FileHandle(forWritingAtPath: folder + "/journal.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"index":1,"run_"#.utf8))
        try handle.close()
        let reopened = try RunStore(folder: folder)
        #expect(try reopened.records().keys.sorted() == [0])
        try writePart(reopened, run: 1, "b\r\n")
        try reopened.commit(record(1), tables: 1)
        #expect(try reopened.records().keys.sorted() == [0, 1])
    }

    /// The journal is read from its end: a torn tail longer than a block,
    /// and a journal that is all torn line, are cut at the last line end.
    @Test func aLongTornTailIsCutAtTheLastLineEnd() throws {
        let (store, folder) = try store()
        try writePart(store, run: 0, "a\r\n")
        try store.commit(record(0), tables: 1)
        let journal = folder + "/journal.jsonl"
        let whole = try Data(contentsOf: URL(fileURLWithPath: journal))
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: 150_000))
        try handle.close()
        _ = try RunStore(folder: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == whole)

        try Data(repeating: UInt8(ascii: "y"), count: 70_000).write(to: URL(fileURLWithPath: journal))
        let reopened = try RunStore(folder: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)).isEmpty)
        #expect(try reopened.records().isEmpty)
    }

    @Test func partsOfUnrecordedRunsAreRemoved() throws {
        let (store, _) = try store()
        try writePart(store, run: 0, "a\r\n")
        try store.commit(record(0), tables: 1)
        try writePart(store, run: 1, "half")
        try "stale".write(toFile: store.partPath(table: 0, run: 2), atomically: false, encoding: .utf8)
        store.removeUnrecordedParts(recorded: [0])
        #expect(FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 0)))
        #expect(!FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 1, temporary: true)))
        #expect(!FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 2)))
    }

    /// Retrying a failed run after the table was joined: the new join takes
    /// the other runs' rows from the earlier table, byte for byte.
    @Test func aLaterJoinMergesNewPartsIntoTheEarlierTable() throws {
        let (store, folder) = try store()
        var header = CSVRecord()
        header.append(text: "x")
        for run in [0, 2, 3] {
            try writePart(store, run: run, "row \(run)\r\nmore \(run)\r\n")
            try store.commit(record(run), tables: 1)
        }
        try store.join(table: 0, runs: [0, 2, 3], header: header, into: folder + "/t.csv", blocks: folder + "/t.blocks")
        store.removeParts()
        let store2 = try RunStore(folder: folder)
        try writePart(store2, run: 1, "row 1\r\n")
        try store2.commit(record(1), tables: 1)
        try store2.join(table: 0, runs: [0, 1, 2, 3], header: header, into: folder + "/t2.csv", blocks: folder + "/t2.blocks",
                        previous: (folder + "/t.csv", [folder + "/t.blocks"]))
        #expect(try String(contentsOfFile: folder + "/t2.csv", encoding: .utf8)
            == "x\r\nrow 0\r\nmore 0\r\nrow 1\r\nrow 2\r\nmore 2\r\nrow 3\r\nmore 3\r\n")
        // A table changed by hand no longer matches its block list.
        try "x\r\n".write(toFile: folder + "/t.csv", atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) {
            try store2.join(table: 0, runs: [0, 1], header: header, into: folder + "/t3.csv", blocks: folder + "/t3.blocks",
                            previous: (folder + "/t.csv", [folder + "/t.blocks"]))
        }
    }

    @Test func runIDsAreStableAndTellRunsApart() {
        let id = RunIdentity.id(model: "{}", replicate: 0, seed: 1, version: "1")
        #expect(id.count == 32)
        #expect(id == RunIdentity.id(model: "{}", replicate: 0, seed: 1, version: "1"))
        #expect(id != RunIdentity.id(model: "{}", replicate: 1, seed: 1, version: "1"))
        #expect(id != RunIdentity.id(model: "{}", replicate: 0, seed: 2, version: "1"))
        #expect(id != RunIdentity.id(model: "{ }", replicate: 0, seed: 1, version: "1"))
        #expect(id != RunIdentity.id(model: "{}", replicate: 0, seed: 1, version: "2"))
    }

    func scratch() -> String {
        let path = NSTemporaryDirectory() + "runstore-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func record(_ run: Int, store: RunStore, rows: String) throws {
        try rows.write(toFile: store.partPath(table: 0, run: run, temporary: true), atomically: false, encoding: .utf8)
        try store.commit(RunRecord(index: run, runID: "r\(run)", status: .ok, wallSeconds: 0, outcomes: []), tables: 1)
    }

    @Test func aJoinTakesRunsFromPartsOrFromTheEarlierTable() throws {
        let root = scratch()
        let store = try RunStore(folder: root + "/state")
        let header = CSVRecord.header([ColumnSpec("x", .string, "")])
        try record(0, store: store, rows: "a\r\n")
        try record(2, store: store, rows: "c\r\n")
        try store.join(table: 0, runs: [0, 2], header: header, into: root + "/t.csv", blocks: root + "/t.blocks")
        store.removeParts()
        // Run 1 is added later; 0 and 2 come from the earlier table, whose
        // list is found under its temporary name when the final one is stale.
        let store2 = try RunStore(folder: root + "/state")
        try record(1, store: store2, rows: "b\r\n")
        try FileManager.default.moveItem(atPath: root + "/t.blocks", toPath: root + "/t.blocks.tmp")
        try "4\n".write(toFile: root + "/t.blocks", atomically: false, encoding: .utf8)
        try store2.join(table: 0, runs: [0, 1, 2], header: header, into: root + "/u.csv", blocks: root + "/u.blocks",
                        previous: (table: root + "/t.csv", blocks: [root + "/t.blocks", root + "/t.blocks.tmp"]))
        #expect(try String(contentsOfFile: root + "/u.csv", encoding: .utf8) == "x\r\na\r\nb\r\nc\r\n")
    }

    @Test func aRecordedRunWithoutRowsIsAnError() throws {
        let root = scratch()
        let store = try RunStore(folder: root + "/state")
        try record(0, store: store, rows: "a\r\n")
        try FileManager.default.removeItem(atPath: store.partPath(table: 0, run: 0))
        #expect(throws: OutputError.self) {
            try store.join(table: 0, runs: [0], header: CSVRecord(), into: root + "/t.csv", blocks: root + "/t.blocks")
        }
    }

    @Test func recordsAreReadAcrossBlocks() throws {
        let root = scratch()
        let store = try RunStore(folder: root + "/state")
        // Enough runs that the journal spans several read blocks (1 MiB).
        for run in 0..<12_000 {
            try store.commit(RunRecord(index: run, runID: String(repeating: "f", count: 32), status: run % 7 == 0 ? .failed("why") : .ok,
                                       wallSeconds: 0.5, outcomes: [1, 2]), tables: 0)
        }
        let records = try store.records()
        #expect(records.count == 12_000)
        #expect(records[7_000]?.status == .failed("why") && records[11_999]?.outcomes == [1, 2])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstField() throws {
        #expect(try CSVReader.rows("\u{FEFF}a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try CSVReader.rows("a,\u{FEFF}b") == [["a", "\u{FEFF}b"]])
    }
}
