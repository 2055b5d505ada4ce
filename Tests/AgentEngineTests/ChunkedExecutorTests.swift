import Testing
@testable import AgentEngine

@Suite struct ChunkedExecutorTests {
    @Test(arguments: [1, 2, 3, 8])
    func everyIndexIsVisitedExactlyOnce(threads: Int) {
        let executor = ChunkedExecutor(threads: threads, chunkSize: 100)
        let visits = AgentColumn<Int>(count: 10_007, repeating: 0)
        executor.forEach(count: visits.count) { range in
            for i in range { visits[i] += 1 }
        }
        #expect(visits.toArray().allSatisfy { $0 == 1 })
    }

    @Test func chunksAreReturnedInOrder() {
        let executor = ChunkedExecutor(threads: 4, chunkSize: 10)
        let starts = executor.map(count: 95) { $0.lowerBound }
        #expect(starts == Array(stride(from: 0, to: 95, by: 10)))
        #expect(executor.range(ofChunk: 9, count: 95) == 90..<95)
    }

    @Test func floatingPointReductionDoesNotDependOnThreads() {
        // Values of very different magnitude make the sum order-sensitive.
        let values = AgentColumn<Double>((0..<50_000).map { (i: Int) -> Double in
            let scale: Double = i % 3 == 0 ? 1e12 : 1e-3
            return Double(i % 97) * scale - Double(i % 11) * 1e11
        })
        func total(_ threads: Int) -> Double {
            ChunkedExecutor(threads: threads, chunkSize: 333).reduce(count: values.count, 0.0, { range in
                var sum = 0.0
                for i in range { sum += values[i] }
                return sum
            }, +)
        }
        let reference = total(1)
        for threads in [2, 3, 4, 7] { #expect(total(threads).bitPattern == reference.bitPattern) }
        // Folding in place gives the same bits as folding by value.
        func totalInPlace(_ threads: Int) -> Double {
            ChunkedExecutor(threads: threads, chunkSize: 333).reduce(count: values.count, into: 0.0, { range in
                var sum = 0.0
                for i in range { sum += values[i] }
                return sum
            }, { $0 += $1 })
        }
        for threads in [1, 2, 3, 4, 7] { #expect(totalInPlace(threads).bitPattern == reference.bitPattern) }
    }

    @Test(arguments: [1, 2, 3])
    func aColumnFilledInParallelHoldsItsValueEverywhere(threads: Int) {
        let executor = ChunkedExecutor(threads: threads, chunkSize: 1_000)
        let column = AgentColumn<Int32>(count: 10_007, repeating: -1, executor: executor)
        #expect(column.count == 10_007)
        #expect(column.toArray().allSatisfy { $0 == -1 })
        #expect(AgentColumn<Double>(count: 0, repeating: 1, executor: executor).toArray().isEmpty)
    }

    @Test func emptyWorkIsFine() {
        let executor = ChunkedExecutor(threads: 2)
        #expect(executor.map(count: 0) { $0.count }.isEmpty)
        #expect(executor.chunkCount(for: 0) == 0)
    }
}
