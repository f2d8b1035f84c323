import FeedModel
import Testing

@testable import FeedBuilder

/// The fragments `crier watch` carries from one publish to the next (`CarriedFragments`) go with the identities
/// the cache retires, in every variant, and give their bytes back to the budget.
@Suite struct CarriedFragmentsTests {
    @Test func carriedFragmentsOfRetiredIdentitiesAreForgottenInEveryVariantAndFreeTheirBytes() {
        let carried = CarriedFragments()
        let variants = [FeedFormat.atom, .rss, .json].map { FragmentVariant(format: $0, content: .full, fallbackAuthors: []) }
        let half = CarriedFragments.byteBudget / 2
        // Identity 1 in every variant, 2 in two: 5 fragments, the budget full.
        carried.keep(variants.map { (1, $0, [UInt8](repeating: 1, count: half / 3)) })
        carried.keep(variants.prefix(2).map { (2, $0, [UInt8](repeating: 2, count: half / 2)) })
        #expect(carried.count == 5)
        carried.keep([(3, variants[0], [UInt8](repeating: 3, count: half / 2))])
        #expect(carried.count == 5, "over the budget: not kept")
        carried.forget([1, 9])
        #expect(carried.count == 2)
        let wanted = [1, 2, 3].flatMap { identity in variants.map { (identity: UInt64(identity), variant: $0) } }
        #expect(carried.fragments(wanted).map { $0?.first } == [nil, nil, nil, 2, 2, nil, nil, nil, nil])
        // Identity 1's bytes were freed: room for 3 now.
        carried.keep([(3, variants[0], [UInt8](repeating: 3, count: half / 2))])
        #expect(carried.fragments([(3, variants[0])]).first??.count == half / 2)
    }
}
