import AgentEngine
import Foundation
import SmesimCLI

/// A libFuzzer target over every decoder a user's text reaches: the JSON
/// parser, the scenario decoder (`validate`), the sweep decoder
/// (`sweep --dry-run`) and `--set` parsing (`resolve --set`). Built only by
/// `scripts/fuzz.sh` (`SMESIM_FUZZ=1`, `-sanitize=fuzzer,address`), whose
/// `main.swift` hands it to libFuzzer's driver; the first byte of an input
/// picks the decoder, the rest is the text.
///
/// A crash, a trap or an address-sanitizer report is a defect: nothing a
/// user types may stop the tool other than with exit code 2 and a message.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 4 {
    case 0:
        _ = try? JSONParser.parse(body)
    case 1:
        _ = Smesim.main(["validate", FuzzFiles.write(body, as: "scenario.json")])
    case 2:
        _ = Smesim.main(["sweep", FuzzFiles.write(body, as: "sweep.json"), "--dry-run", "--out", FuzzFiles.folder + "/out"])
    default:
        _ = Smesim.main(["resolve", "--set", String(decoding: body, as: UTF8.self)])
    }
    return 0
}

/// Inputs written where the commands read them: one scratch folder per
/// process.
enum FuzzFiles {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "smesim-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func write(_ bytes: [UInt8], as name: String) -> String {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
