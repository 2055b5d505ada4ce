// swift-tools-version: 6.0
//
// smesim: a parallel agent-based simulator of small food-and-beverage firms
// joining a regional digital platform. The package depends on the Swift
// toolchain only (Foundation, Dispatch, Synchronization, Swift Testing).

import PackageDescription

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
        .target(name: "AgentEngine"),
        // The SME–platform model of shared/MODEL.md; no I/O.
        .target(name: "SMEModel", dependencies: ["AgentEngine"]),
        // Argument parsing, scenario loading and the commands; thin.
        .target(name: "SmesimCLI", dependencies: ["AgentEngine", "SMEModel"]),
        .executableTarget(name: "smesim", dependencies: ["SmesimCLI"]),
        .testTarget(name: "AgentEngineTests", dependencies: ["AgentEngine"]),
        .testTarget(name: "SMEModelTests", dependencies: ["SMEModel", "AgentEngine"]),
        .testTarget(name: "SmesimCLITests", dependencies: ["SmesimCLI", "SMEModel", "AgentEngine", "smesim"]),
    ]
)
