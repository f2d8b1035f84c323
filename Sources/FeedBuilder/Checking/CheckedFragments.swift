import Foundation

/// The fragments that passed validation, each with the judgements (`EntryJudgements`) of the document it passed
/// in: such a fragment, in another document making the same judgements, is not checked again.
///
/// A fragment is named by its entry's identity and its variant (inside the judgements): equal identities
/// mean byte-identical prepared entries, and rendering is a pure function of the prepared entry and the
/// variant, so the name stands for exact bytes. Only documents whose whole report was empty add their
/// fragments. Kept across publishes by a publisher, so `crier watch` checks again only the entries an edit
/// changed, whatever pages they sit on. Safe to share between threads.
final class CheckedFragments: @unchecked Sendable {
    private struct Key: Hashable {
        var identity: UInt64
        var judgements: Int
    }

    // Guards everything below; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private var judgementNumbers: [EntryJudgements: Int] = [:]
    private var passed: Set<Key> = []

    /// The number standing for `judgements` in the other calls.
    func number(of judgements: EntryJudgements) -> Int {
        lock.withLock {
            if let number = judgementNumbers[judgements] { return number }
            let number = judgementNumbers.count
            judgementNumbers[judgements] = number
            return number
        }
    }

    /// Which of the fragments (by entry identity) passed under the judgements numbered `judgements`.
    func passed(_ identities: [UInt64], judgements: Int) -> [Bool] {
        lock.withLock { identities.map { passed.contains(Key(identity: $0, judgements: judgements)) } }
    }

    /// Records that these fragments passed under the judgements numbered `judgements`.
    func record(_ identities: some Sequence<UInt64>, judgements: Int) {
        lock.withLock {
            passed.reserveCapacity(passed.count + identities.underestimatedCount)
            for identity in identities { passed.insert(Key(identity: identity, judgements: judgements)) }
        }
    }

    /// Forgets fragments of entries no longer published, once the records outnumber the live ones by far (so
    /// the cost is paid rarely, not on every save).
    func keepOnly(_ identities: [UInt64], judgementsInUse: Int) {
        lock.withLock {
            guard passed.count > 4 * max(1, identities.count) * max(1, judgementsInUse) else { return }
            let live = Set(identities)
            passed = passed.filter { live.contains($0.identity) }
        }
    }
}
