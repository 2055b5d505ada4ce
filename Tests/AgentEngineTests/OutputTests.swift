import Foundation
import Testing
@testable import AgentEngine

@Suite struct CSVRecordTests {
    @Test func textFieldsAreQuotedAndNeutralised() {
        #expect(CSVRecord.escape("plain") == "plain")
        #expect(CSVRecord.escape("a,b") == "\"a,b\"")
        #expect(CSVRecord.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRecord.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVRecord.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVRecord.escape("-1+1") == "'-1+1")
        #expect(CSVRecord.escape("@x,y") == "\"'@x,y\"")
    }

    @Test func numbersRoundTripInTheCLocale() {
        var record = CSVRecord()
        let values = [0.1, 1.0 / 3.0, 1e-7, 123_456_789.125, -0.0]
        for v in values { record.append(v) }
        record.append(42)
        record.append(Double.nan)
        record.append(true)
        let fields = String(decoding: record.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields.count == 8)
        for (field, value) in zip(fields, values) { #expect(Double(String(field)) == value) }
        #expect(fields[5] == "42")
        #expect(fields[6] == "")
        #expect(fields[7] == "1")
    }
}

@Suite struct OutputDirectoryTests {
    let folders = ToolFolders(tool: "t", marks: [RunManifest.mark])

    func scratch() -> String {
        let path = NSTemporaryDirectory() + "agentengine-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func commitRenamesTheFinishedFolderIntoPlace() throws {
        let root = scratch()
        let output = try OutputDirectory.prepare(root + "/out", force: false, folders: folders)
        #expect(!FileManager.default.fileExists(atPath: root + "/out"))
        try "x".write(toFile: output.stagingFile("a.txt"), atomically: false, encoding: .utf8)
        try output.commit()
        #expect(FileManager.default.fileExists(atPath: root + "/out/a.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    @Test func anExistingFolderNeedsForce() throws {
        let root = scratch()
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        try "old".write(toFile: root + "/out/old.txt", atomically: false, encoding: .utf8)
        #expect(throws: OutputFolderError.self) { try OutputDirectory.prepare(root + "/out", force: false, folders: folders) }
        // --force replaces earlier results only, never a folder of other files.
        #expect(throws: OutputFolderError.self) { try OutputDirectory.prepare(root + "/out", force: true, folders: folders) }
        // Nor one whose manifest.json another tool wrote.
        try #"{"name": "data", "run": {"tool": "other"}}"#.write(toFile: root + "/out/manifest.json", atomically: false, encoding: .utf8)
        #expect(throws: OutputFolderError.self) { try OutputDirectory.prepare(root + "/out", force: true, folders: folders) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out").sorted() == ["manifest.json", "old.txt"])
        // Nor one the tool wrote that holds a file its manifest does not list.
        try #"{"run": {"tool": "t"}}"#.write(toFile: root + "/out/manifest.json", atomically: false, encoding: .utf8)
        #expect(throws: OutputFolderError.self) { try OutputDirectory.prepare(root + "/out", force: true, folders: folders) }
        try #"{"run": {"tool": "t"}, "resources": [{"path": "old.txt"}]}"#.write(toFile: root + "/out/manifest.json", atomically: false, encoding: .utf8)
        let output = try OutputDirectory.prepare(root + "/out", force: true, folders: folders)
        try "new".write(toFile: output.stagingFile("new.txt"), atomically: false, encoding: .utf8)
        try output.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out") == ["new.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    @Test func aFolderThatAppearsDuringARunIsNotReplacedWithoutForce() throws {
        let root = scratch()
        let output = try OutputDirectory.prepare(root + "/out", force: false, folders: folders)
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        try "theirs".write(toFile: root + "/out/theirs.txt", atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try output.commit() }
        output.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out") == ["theirs.txt"])
    }

    @Test func aPathUnderAFileIsRejected() throws {
        let root = scratch()
        try "f".write(toFile: root + "/file", atomically: false, encoding: .utf8)
        #expect(throws: OutputFolderError.self) { try OutputDirectory.prepare(root + "/file/out", force: false, folders: folders) }
        #expect(throws: OutputFolderError.self) { try OutputDirectory.prepare(root + "/file", force: true, folders: folders) }
    }

    @Test func discardLeavesNothing() throws {
        let root = scratch()
        let output = try OutputDirectory.prepare(root + "/out", force: false, folders: folders)
        try "x".write(toFile: output.stagingFile("a.txt"), atomically: false, encoding: .utf8)
        output.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }
}
