// swift-tools-version: 6.0
//
// smesim: a parallel agent-based simulator of small food-and-beverage firms
// joining a regional digital platform. The package depends on the Swift
// toolchain only (Foundation, Dispatch, Synchronization, Swift Testing).

import PackageDescription

// `SMESIM_NATIVE=1 swift build -c release` compiles the engine and the model
// for this machine's processor (`-target-cpu native`): the hot loops then
// use its widest vector instructions (AVX-512 multiplies the random-stream
// hashing several-fold). Results are bit-identical either way; the binary
// then runs only on processors like this one. The default is portable.
let native: [SwiftSetting] = Context.environment["SMESIM_NATIVE"] == "1"
    ? [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))]
    : []

// The engine and the model are optimised in debug builds too: the test
// suite runs the model's validation patterns on thousands of firms, which
// unoptimised Swift runs 20 to 50 times slower. `-assert-config Debug`
// keeps every `assert` checked in those builds (-O alone drops them).
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug))]

let package = Package(
    name: "smesim",
    products: [
        .executable(name: "smesim", targets: ["smesim"]),
        .library(name: "AgentEngine", targets: ["AgentEngine"]),
        .library(name: "SMEModel", targets: ["SMEModel"]),
    ],
    dependencies: [],
    targets: [
        // Model-agnostic: random streams, chunked parallel stepping, run
        // scheduling, JSON input, CSV and manifest output, progress.
        .target(name: "AgentEngine", swiftSettings: native + optimisedInDebug),
        // The SME–platform model of shared/MODEL.md; no I/O.
        .target(name: "SMEModel", dependencies: ["AgentEngine"], swiftSettings: native + optimisedInDebug),
        // Argument parsing, scenario loading and the commands; thin.
        .target(name: "SmesimCLI", dependencies: ["AgentEngine", "SMEModel"]),
        .executableTarget(name: "smesim", dependencies: ["SmesimCLI"]),
        .testTarget(name: "AgentEngineTests", dependencies: ["AgentEngine"]),
        .testTarget(name: "SMEModelTests", dependencies: ["SMEModel", "AgentEngine"]),
        .testTarget(name: "SmesimCLITests", dependencies: ["SmesimCLI", "SMEModel", "AgentEngine", "smesim"]),
    ]
)

// `SMESIM_FUZZ=1` adds the libFuzzer target over the decoders (built and run
// by scripts/fuzz.sh with -sanitize=fuzzer,address; its main hands the
// inputs to libFuzzer's driver).
if Context.environment["SMESIM_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "SmesimFuzz", dependencies: ["SmesimCLI", "AgentEngine"]))
    package.products.append(.executable(name: "smesim-fuzz", targets: ["SmesimFuzz"]))
}
