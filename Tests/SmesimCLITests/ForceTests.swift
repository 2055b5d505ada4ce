import Foundation
import Testing

/// `--force` replaces only a folder smesim wrote that holds nothing else,
/// and says what it replaced; anyone else's file stops it (exit 2), and
/// nothing in the folder is touched.
@Suite struct ForceTests {
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
}
