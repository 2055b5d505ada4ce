import Foundation
import Testing

/// Output folders: `--force` replaces only a folder smesim wrote that holds
/// nothing else, and says what it replaced (anyone else's file stops it,
/// exit 2, nothing touched); a name too long is refused before anything is
/// created; what interrupted runs left is cleaned up and said (an earlier
/// folder moved aside is put back); SIGHUP cleans up like Ctrl-C.
@Suite struct OutputFolderTests {
    let tiny = ["--firms", "100", "--ticks", "1", "--replicates", "1", "--quiet"]

    @Test func aFolderWithSomeoneElsesFilesIsNeverReplaced() throws {
        let folder = try scratchFolder()
        let app = folder.appendingPathComponent("myapp")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        try "{}".write(to: app.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try "keep".write(to: app.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
        let fake = try ToolProcess.run(["run", "--out", "myapp", "--force"] + tiny, in: folder)
        #expect(fake.status == 2 && fake.stderr.contains("is not an output of smesim"), "\(fake.stderr)")
        #expect(contents(of: app) == ["manifest.json", "thesis.txt"])

        #expect(try ToolProcess.run(["run", "--out", "r"] + tiny, in: folder).status == 0)
        try "mine".write(to: folder.appendingPathComponent("r/notes.txt"), atomically: true, encoding: .utf8)
        let mixed = try ToolProcess.run(["run", "--out", "r", "--force"] + tiny, in: folder)
        #expect(mixed.status == 2 && mixed.stderr.contains("the folder holds notes.txt, which smesim did not write"), "\(mixed.stderr)")
        #expect(try read(folder, "r/notes.txt") == "mine")
        #expect(contents(of: folder) == ["myapp", "r"], "no staging left")
    }

    @Test func aReplacementSaysWhatWasReplaced() throws {
        let folder = try scratchFolder()
        #expect(try ToolProcess.run(["run", "--out", "r", "--panel-every", "1", "--panel-sample", "10"] + tiny, in: folder).status == 0)
        try "<html></html>".write(to: folder.appendingPathComponent("r/report.html"), atomically: true, encoding: .utf8)
        let again = try ToolProcess.run(["run", "--out", "r", "--force"] + tiny, in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("replaced the earlier results in") && again.stderr.contains("gone with them: firms.csv, report.html"),
                "\(again.stderr)")
        #expect(contents(of: folder.appendingPathComponent("r")) == ["alliances.csv", "manifest.json", "runs.csv", "timeseries.csv"])
    }

    @Test func aNameTooLongCreatesNothing() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "--out", "new/sub/" + String(repeating: "a", count: 300)] + tiny, in: folder)
        #expect(result.status == 2 && result.stderr.contains("the output folder's name has 300 bytes; at most"), "\(result.stderr)")
        #expect(contents(of: folder).isEmpty)
    }

    @Test func leftoversOfInterruptedRunsAreCleanedUpAndSaid() throws {
        let folder = try scratchFolder()
        let manager = FileManager.default
        // A process id far above any the kernel hands out: a process that is gone.
        try manager.createDirectory(at: folder.appendingPathComponent(".r.smesim-partial-99999999"), withIntermediateDirectories: true)
        let cleaned = try ToolProcess.run(["run", "--out", "r"] + tiny, in: folder)
        #expect(cleaned.status == 0 && cleaned.stderr.contains("deleted what interrupted runs had left beside r: .r.smesim-partial-99999999"),
                "\(cleaned.stderr)")
        #expect(contents(of: folder) == ["r"])
        // A replacement that died between its two renames: the earlier folder is put back.
        try manager.moveItem(at: folder.appendingPathComponent("r"), to: folder.appendingPathComponent(".r.smesim-aside-99999999"))
        let restored = try ToolProcess.run(["run", "--out", "r"] + tiny, in: folder)
        #expect(restored.status == 2 && restored.stderr.contains("put back the earlier results in r"), "\(restored.stderr)")
        #expect(contents(of: folder.appendingPathComponent("r")) == ["alliances.csv", "manifest.json", "runs.csv", "timeseries.csv"])
    }

    @Test func aClosedTerminalCleansUpLikeCtrlC() throws {
        let folder = try scratchFolder()
        let process = Process()
        process.executableURL = ToolProcess.executable
        process.arguments = ["run", "--firms", "1000000", "--ticks", "120", "--replicates", "1", "--out", "big", "--quiet"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Wait until it is writing (its staging folder exists), then hang up.
        for _ in 0..<500 where !contents(of: folder).contains(where: { $0.contains("partial") }) { usleep(10_000) }
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130 && message.contains("interrupted; nothing was written"), "\(process.terminationStatus): \(message)")
        #expect(contents(of: folder).isEmpty)
    }
}
