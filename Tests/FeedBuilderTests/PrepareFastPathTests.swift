import CrierTestHelpers
import FeedBuilder
import FeedModel
import Foundation
import Testing

/// `prepare` orders entries by sorting small keys and checks ids with a set before building its error
/// report; these tests hold both to the straightforward definitions on varied and hostile inputs.
@Suite struct PrepareFastPathTests {
    /// Ids a feed should never trip over: canonically different Unicode, prefixes of each other, markup,
    /// control characters, the empty string, a long one.
    static let hostileIDs = [
        "", "a", "a ", "ab", "B", "é", "e\u{301}x", "\u{1F600}", "tag:x,2024:1", "tag:x,2024:10", "<&>\"'",
        "\u{0}", "\u{1}nul", "line\nbreak", "\u{FEFF}bom", "\u{202E}rtl", String(repeating: "z", count: 5_000),
    ]

    /// The order `prepare` promises, written the plain way: newest instant first, equal instants by id.
    static func referenceOrder(_ entries: [Entry]) -> [String] {
        entries.sorted { lhs, rhs in
            let left = lhs.published.secondsSinceEpoch
            let right = rhs.published.secondsSinceEpoch
            if left != right { return left > right }
            return lhs.id < rhs.id
        }.map(\.id)
    }

    /// `count` entries with unique ids (hostile ones first), drawn from a few instants and offsets so most
    /// instants are shared and the tie-break by id decides.
    static func entries(_ count: Int, seed: UInt64) -> [Entry] {
        var random = SeededGenerator(seed: seed)
        let instants: [Int64] = [0, -86_400, 1_700_000_000, 1_700_000_000 + 1, 4_102_444_800]
        return (0..<count).map { n in
            let id = n < hostileIDs.count ? hostileIDs[n] : "id-\(random.next() % 1_000_000)-\(n)"
            let offset = [0, 3600, -18_000, 50_400][Int(random.next() % 4)]
            let published = Timestamp(
                secondsSinceEpoch: instants[Int(random.next() % UInt64(instants.count))],
                utcOffsetSeconds: offset)
            return Entry(id: id, title: "T\(n)", link: "https://example.org/\(n)", published: published, contentHTML: "")
        }
    }

    @Test(arguments: [1, 2, 17, 300, 2_500])
    func orderEqualsTheReference(count: Int) throws {
        for seed in UInt64(1)...3 {
            var entries = Self.entries(count, seed: seed)
            var random = SeededGenerator(seed: seed &* 31)
            entries.shuffle(using: &random)
            let feed = try FeedBuilder(description: Fixtures.description()).prepare(entries)
            #expect(feed.entries.map(\.entry.id) == Self.referenceOrder(entries), "seed \(seed)")
            // Every entry comes out whole, paired with its own fields.
            let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            #expect(feed.entries.allSatisfy { prepared in byID[prepared.entry.id] == prepared.entry })
        }
    }

    @Test func orderedAndNearlyOrderedInputEqualsTheReference() throws {
        let ordered = Self.entries(500, seed: 9).sorted { FeedBuilder.isNewer($0, than: $1) }
        #expect(ordered.map(\.id) == Self.referenceOrder(ordered))
        var swapped = ordered
        swapped.swapAt(200, 201)
        var moved = ordered
        moved.insert(moved.removeLast(), at: 0)
        var tieSwapped = ordered
        // Two neighbours with the same instant, in the wrong order: only the id tells.
        if let tie = ordered.indices.dropFirst().first(where: {
            ordered[$0].published.secondsSinceEpoch == ordered[$0 - 1].published.secondsSinceEpoch
        }) {
            tieSwapped.swapAt(tie, tie - 1)
        }
        #expect(tieSwapped.map(\.id) != ordered.map(\.id))
        for (name, input) in [("ordered", ordered), ("swapped", swapped), ("moved", moved), ("tie", tieSwapped)] {
            let feed = try FeedBuilder(description: Fixtures.description()).prepare(input)
            #expect(feed.entries.map(\.entry.id) == Self.referenceOrder(input), "\(name)")
        }
    }

    /// The report the check must give, written the plain way (input order, first title and each later one).
    static func referenceDuplicates(_ entries: [Entry]) -> [DuplicateID] {
        var firstTitles: [String: String] = [:]
        var duplicates: [DuplicateID] = []
        for entry in entries {
            if let first = firstTitles[entry.id] {
                duplicates.append(DuplicateID(id: entry.id, firstTitle: first, secondTitle: entry.title))
            } else {
                firstTitles[entry.id] = entry.title
            }
        }
        return duplicates
    }

    @Test func duplicatesAreReportedLikeTheReference() throws {
        let base = Self.entries(200, seed: 7)
        func copy(_ n: Int, id: String? = nil) -> Entry {
            var entry = base[n]
            entry.id = id ?? entry.id
            entry.title = "copy of \(n)"
            return entry
        }
        let cases: [[Entry]] = [
            base + [copy(3)],
            [copy(150)] + base,
            base + [copy(0), copy(0), copy(199)],
            // NFC and NFD spellings of one id are the same id (String equality), as before.
            base + [copy(6, id: "e\u{301}x".precomposedStringWithCanonicalMapping)],
            base + [copy(5, id: "e\u{301}")],
        ]
        for (index, entries) in cases.enumerated() {
            let expected = Self.referenceDuplicates(entries)
            #expect(!expected.isEmpty, "case \(index) has no duplicate")
            #expect(throws: PublishError(.duplicateIDs(expected)), "case \(index)") {
                try FeedBuilder(description: Fixtures.description()).prepare(entries)
            }
        }
        #expect(throws: Never.self) { try FeedBuilder(description: Fixtures.description()).prepare(base) }
    }
}
