import Parallel
import Synchronization
import Testing

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 1_000], [1, 3, 64])
    func resultsComeBackInInputOrder(count: Int, run: Int) {
        let seen = Mutex<[Int]>([])
        let squares = Parallel.map(count: count, run: run) { index in
            seen.withLock { $0.append(index) }
            return index * index
        }
        #expect(squares == (0..<count).map { $0 * $0 })
        // Every index ran exactly once.
        #expect(seen.withLock { $0.sorted() } == Array(0..<count))
    }

    @Test func slicesAreMappedFromTheirOwnStartIndex() {
        let items = Array(100..<200)
        #expect(Parallel.map(items[10..<20]) { $0 + 1 } == Array(111..<121))
    }

    struct Failure: Error, Equatable { var index: Int }

    @Test func theFirstFailureByIndexIsThrownAfterEveryItemRan() {
        let ran = Atomic<Int>(0)
        #expect(throws: Failure(index: 3)) {
            _ = try Parallel.map(count: 50) { (index) throws(Failure) -> Int in
                ran.add(1, ordering: .relaxed)
                if index == 3 || index == 40 { throw Failure(index: index) }
                return index
            }
        }
        #expect(ran.load(ordering: .relaxed) == 50)
    }
}
