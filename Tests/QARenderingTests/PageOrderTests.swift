@testable import QARendering
import Testing

/// Pages are built on every core in an order that keeps the ones that take the most memory
/// (the action tracker, the scorecard, each annual report) apart.
@Suite struct PageOrderTests {
    @Test("the heaviest pages are spread evenly among the others, every page once")
    func spreading() {
        #expect(Website.spreading([3, 4], among: 10) == [3, 0, 1, 2, 5, 4, 6, 7, 8, 9])
        #expect(Website.spreading([], among: 3) == [0, 1, 2])
        let order = Website.spreading([100, 101, 500, 501, 502], among: 1000)
        #expect(order.sorted() == Array(0..<1000))
        let places = [100, 101, 500, 501, 502].map { order.firstIndex(of: $0)! }
        #expect(places == [0, 200, 400, 600, 800])
    }
}
