import Testing
@testable import AgentEngine

/// A sweep's plan read back from what `SweepPlan.json` writes (a finished
/// sweep's manifest): the same points, and any other document refused
/// with the key path of its first problem, never a crash.
@Suite struct SweepPlanDecodingTests {
    static let parameters = [
        SweepParameter(path: "a.rate", range: .interval(min: 0.04, max: 0.2, logarithmic: false, integer: false, levels: 3)),
        SweepParameter(path: "a.count", range: .interval(min: 1, max: 9, logarithmic: false, integer: true, levels: 2)),
        SweepParameter(path: "a.p", range: .interval(min: 0.001, max: 0.02, logarithmic: true, integer: false, levels: nil)),
        SweepParameter(path: "a.on", range: .values([.bool(true), .bool(false)])),
    ]

    static func plan(_ design: SweepDesign, parameters: [SweepParameter] = parameters) -> SweepPlan {
        SweepPlan(parameters: parameters, design: design, replicates: 3, seed: 42, independentSeeds: true, every: 6,
                  outcomes: [Outcome("x", column: "c", .final), Outcome("y", column: "c", .mean, from: 2, to: 5), Outcome("z", column: "c", .at, from: 4)])
    }

    @Test func everyDesignReadsBackToTheSamePlan() throws {
        let designs: [SweepDesign] = [.latinHypercube(samples: 7), .sobol(samples: 8, secondOrder: true), .morris(trajectories: 5, levels: 4)]
        for design in designs {
            let plan = Self.plan(design)
            let read = try SweepPlan(json: plan.json, maximumPoints: 1_000)
            #expect(read.points == plan.points && read.json == plan.json, "\(design.name)")
            #expect(read.design == design && read.outcomes == plan.outcomes && read.seed == 42 && read.independentSeeds)
        }
        let grid = Self.plan(.grid, parameters: Array(Self.parameters.prefix(2)) + [Self.parameters[3]])
        #expect(try SweepPlan(json: grid.json, maximumPoints: 1_000).points == grid.points)
    }

    @Test func anotherDocumentIsRefusedWithItsKeyPath() {
        func problem(_ edit: (inout JSONObject) -> Void) -> String? {
            guard case .object(var object) = Self.plan(.sobol(samples: 8, secondOrder: false)).json else { return nil }
            edit(&object)
            do {
                _ = try SweepPlan(json: .object(object), maximumPoints: 1_000)
                return nil
            } catch {
                return error.path
            }
        }
        #expect(problem { $0["design"] = .object(["type": .string("sobol"), "samples": .int(1 << 40), "second_order": .bool(false)]) } == "sweep.design.samples")
        #expect(problem { $0["design"] = .object(["type": .string("sobol"), "samples": .int(1_000), "second_order": .bool(false)]) } == "sweep.design")
        #expect(problem { $0["design"] = .object(["type": .string("morris"), "trajectories": .int(2), "levels": .int(3)]) } == "sweep.design.levels")
        #expect(problem { $0["design"] = .string("grid") } == "sweep.design")
        #expect(problem { $0["parameters"] = .object([:]) } == "sweep.parameters")
        #expect(problem { $0["parameters"] = .object(["a": .object(["min": .int(2), "max": .int(1), "scale": .string("linear")])]) } == "sweep.parameters.a")
        #expect(problem { $0["seed"] = .int(-1) } == "sweep.seed")
        #expect(problem { $0["outcomes"] = .object(["x": .object(["column": .string("c"), "stat": .string("median")])]) } == "sweep.outcomes.x.stat")
        #expect(problem { _ in } == nil)
    }
}
