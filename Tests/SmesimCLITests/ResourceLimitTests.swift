import Foundation
import Testing

/// Limits set on the process, as a container, a cluster job or a shell's
/// `ulimit` sets them: refused up front with the estimate and the limit, or
/// reported as a write error — never a crash, never a half-written folder.
@Suite struct ResourceLimitTests {
    @Test func aRunLargerThanTheAddressSpaceLimitIsRefused() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "--firms", "10000000", "--ticks", "1", "--replicates", "1", "--out", "big"],
                                         in: folder, limits: "ulimit -v 2000000")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("one run needs about 3.3 GiB (firms.count 10000000)"), "\(result.stderr)")
        #expect(result.stderr.contains("the address-space limit (ulimit -v)"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(contents(of: folder).isEmpty)
    }

    @Test func aFileSizeLimitIsAWriteErrorNotASignal() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "--firms", "2000", "--ticks", "60", "--replicates", "4", "--out", "out", "--quiet"],
                                         in: folder, limits: "ulimit -f 200")
        #expect(result.status == 1, "\(result.status): \(result.stderr)")
        #expect(result.stderr.contains("File too large") && result.stderr.contains("nothing was written"), "\(result.stderr)")
        #expect(contents(of: folder).isEmpty, "no results and no staging folder")
    }

    /// An output larger than the disk's free space is refused before
    /// anything runs, with the estimate and the space.
    @Test func anOutputLargerThanTheDiskIsRefused() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "--firms", "10000", "--ticks", "6000", "--replicates", "100000", "--out", "huge"], in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--out huge: the output needs about") && result.stderr.contains("free"), "\(result.stderr)")
        #expect(contents(of: folder).isEmpty)
    }
}
