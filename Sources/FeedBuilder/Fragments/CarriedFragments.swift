import Foundation

/// Rendered fragments kept from one publish to the next, by entry identity and variant, so `crier watch` does
/// not render again the fifty entries of every main page an edit changes.
///
/// A fragment's bytes are a pure function of its prepared entry and its `FragmentVariant` (`FragmentStore`),
/// and an identity from `PreparedEntryCache` stands for one byte-identical prepared entry for as long as it
/// lives (identities are never reused in a process), so a kept fragment is the very array a new rendering would
/// give. Keeping one says nothing about validation: whether it may skip a check is `CheckedFragments`' business.
///
/// Only the fragments of main pages (`FeedPage.Role.current`) are kept, the pages one edit rewrites; archive
/// pages are rewritten rarely and would make this hold every entry. Bounded by `byteBudget`: a feed with no
/// entry limit (one main page of every entry) keeps what fits and renders the rest, as before. Identities the
/// cache retires are forgotten with it. Safe to share between threads.
final class CarriedFragments: @unchecked Sendable {
    private struct Key: Hashable {
        var identity: UInt64
        var variant: FragmentVariant
    }

    /// At most this many bytes of fragments are kept.
    static let byteBudget = 16 << 20

    // Guards everything below; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private var fragments: [Key: [UInt8]] = [:]
    private var bytes = 0
    /// Every variant a fragment was kept in (a few: formats times content modes), so `forget(_:)` removes the
    /// fragments of retired identities by their keys instead of filtering every kept fragment.
    private var variants: Set<FragmentVariant> = []

    /// How many fragments are kept.
    var count: Int {
        lock.withLock { fragments.count }
    }

    /// The kept fragments of these entries (by identity) in these variants, nil where none is kept.
    func fragments(_ wanted: [(identity: UInt64, variant: FragmentVariant)]) -> [[UInt8]?] {
        lock.withLock { wanted.map { fragments[Key(identity: $0.identity, variant: $0.variant)] } }
    }

    /// Keeps these fragments, while the budget allows.
    func keep(_ rendered: [(identity: UInt64, variant: FragmentVariant, bytes: [UInt8])]) {
        lock.withLock {
            for fragment in rendered {
                let key = Key(identity: fragment.identity, variant: fragment.variant)
                guard fragments[key] == nil, bytes + fragment.bytes.count <= Self.byteBudget else { continue }
                fragments[key] = fragment.bytes
                bytes += fragment.bytes.count
                variants.insert(fragment.variant)
            }
        }
    }

    /// Forgets the fragments of entries that left the cache.
    ///
    /// By key, identity by variant: an edit retires one identity, and filtering the thousands of fragments kept
    /// made a new table of them on each of the daemon's updates.
    func forget(_ identities: [UInt64]) {
        guard !identities.isEmpty else { return }
        lock.withLock {
            for identity in identities {
                for variant in variants {
                    if let gone = fragments.removeValue(forKey: Key(identity: identity, variant: variant)) { bytes -= gone.count }
                }
            }
        }
    }
}
