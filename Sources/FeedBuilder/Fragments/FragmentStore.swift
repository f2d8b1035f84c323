import FeedModel
import Foundation
import Parallel
import Platform
import XML

/// Every entry fragment a publish needs, each rendered once per variant and shared by every document that
/// holds it: the site feed, its section, tag, author and language feeds, and their archive pages.
///
/// A fragment's bytes depend only on the entry and its `FragmentVariant`, so the RSS item of an article in the
/// site feed is the very array written into its section's feed. Fragments are rendered on all cores when first
/// asked for and kept until the publish ends; memory then follows the entries and the variants in use, not the
/// number of feeds. With a `CarriedFragments` (a publish with a `PreparedEntryCache`), a fragment an earlier
/// publish kept for the same entry identity and variant is taken instead of rendered. Safe to share between
/// threads.
final class FragmentStore: @unchecked Sendable {
    /// The prepared entries fragments are rendered from, by position.
    let entries: [PreparedEntry]
    /// Fragments kept by earlier publishes, and each entry's identity (same positions as `entries`) to find
    /// them by; nil without a cache.
    private let carried: (fragments: CarriedFragments, identities: [UInt64])?
    // Guards everything below; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private var variants: [FragmentVariant] = []
    private var indices: [FragmentVariant: Int] = [:]
    /// A file of a feed using each variant, named when a fragment cannot be rendered.
    private var fileNames: [String] = []
    /// Per variant, per entry position: the fragment once rendered.
    private var fragments: [[[UInt8]?]] = []
    /// How many fragments were rendered, for the report.
    private(set) var renderedCount = 0

    /// Fragments earlier publishes left in their files (`PublishMemory`), and each entry's content key (same
    /// positions as `entries`) to find them by; nil without a memory.
    let remembered: (memory: PublishMemory, keys: [ContentKey])?
    /// Per variant: its key, for `remembered`.
    private var variantKeys: [ContentKey] = []
    /// Per variant, per entry position: the fragment's checksum once rendered or read, kept after the fragment
    /// is released, for the memory's record of the documents written; empty without a memory.
    private var checksums: [[UInt64?]] = []
    /// Per variant, per entry position: where a published file holds the fragment, for one found there (and
    /// not yet read into `fragments`); empty without a memory. Documents copy such a fragment from the file
    /// (`pieces(_:variant:)`); only what must be in memory is read (`fragments(_:variant:)`).
    private var slices: [[FileSlice?]] = []

    init(
        entries: [PreparedEntry], carried: CarriedFragments? = nil, identities: [UInt64]? = nil,
        remembered: (memory: PublishMemory, keys: [ContentKey])? = nil
    ) {
        self.entries = entries
        if let carried, let identities, identities.count == entries.count {
            self.carried = (carried, identities)
        } else {
            self.carried = nil
        }
        self.remembered = remembered.flatMap { $0.keys.count == entries.count ? $0 : nil }
    }

    /// The number standing for `variant` in the other calls, registered on first use.
    /// - Parameter fileName: a file of a feed using the variant, for error messages.
    func index(of variant: FragmentVariant, fileName: String) -> Int {
        lock.withLock {
            if let index = indices[variant] { return index }
            indices[variant] = variants.count
            variants.append(variant)
            fileNames.append(fileName)
            fragments.append(Array(repeating: nil, count: entries.count))
            if remembered != nil {
                variantKeys.append(ContentKey(variant))
                checksums.append(Array(repeating: nil, count: entries.count))
                slices.append(Array(repeating: nil, count: entries.count))
            }
            return variants.count - 1
        }
    }

    /// The variant numbered `index`.
    func variant(_ index: Int) -> FragmentVariant {
        lock.withLock { variants[index] }
    }

    /// Renders, on all cores, every fragment among `wanted` not rendered yet.
    /// - Parameter wanted: (entry position, variant number) pairs; repeats are rendered once.
    /// - Throws: `PublishError.rendering` naming a file of a feed using the variant when libxml2's writer fails.
    func render(_ wanted: [(position: Int, variant: Int)]) throws(PublishError) {
        let count = entries.count
        let (unrendered, renderers, names): ([(position: Int, variant: Int)], [FragmentRenderer], [String]) = lock.withLock {
            var seen = Set<Int>()
            var missing: [(position: Int, variant: Int)] = []
            for pair in wanted where fragments[pair.variant][pair.position] == nil && !hasSlice(pair) {
                if seen.insert(pair.variant &* count &+ pair.position).inserted { missing.append(pair) }
            }
            return (missing, variants.map(FragmentRenderer.init(variant:)), fileNames)
        }
        var missing = unrendered
        if let carried, !missing.isEmpty {
            let kept = carried.fragments.fragments(missing.map { (carried.identities[$0.position], renderers[$0.variant].variant) })
            lock.withLock {
                for (pair, bytes) in zip(missing, kept) where bytes != nil { fragments[pair.variant][pair.position] = bytes }
            }
            missing = zip(missing, kept).compactMap { $1 == nil ? $0 : nil }
            if remembered != nil {
                // Taken from memory, not rendered: their checksums, for the record of the documents written.
                let taken = zip(unrendered, kept).compactMap { pair, bytes in bytes.map { (pair, FastChecksum.of($0)) } }
                lock.withLock { for (pair, sum) in taken { checksums[pair.variant][pair.position] = sum } }
            }
        }
        if let remembered, !missing.isEmpty {
            let keys = lock.withLock { missing.map { (remembered.keys[$0.position], variantKeys[$0.variant]) } }
            let found = remembered.memory.slices(keys)
            lock.withLock {
                for (pair, slice) in zip(missing, found) {
                    guard let slice else { continue }
                    slices[pair.variant][pair.position] = slice
                    checksums[pair.variant][pair.position] = slice.checksum
                }
            }
            missing = zip(missing, found).compactMap { $1 == nil ? $0 : nil }
        }
        guard !missing.isEmpty else { return }
        let prepared = self.entries
        let summing = remembered != nil
        let rendered: [(bytes: [UInt8], checksum: UInt64)]
        do throws(FragmentFailure) {
            rendered = try Parallel.map(missing[...], run: 16) { pair throws(FragmentFailure) in
                do throws(XMLWriterError) {
                    let bytes = try renderers[pair.variant].fragment(for: prepared[pair.position])
                    return (bytes, summing ? FastChecksum.of(bytes) : 0)
                } catch {
                    throw FragmentFailure(variant: pair.variant, error: error)
                }
            }
        } catch {
            throw PublishError(.rendering(fileName: names[error.variant], message: error.error.description))
        }
        lock.withLock {
            for (pair, fragment) in zip(missing, rendered) {
                fragments[pair.variant][pair.position] = fragment.bytes
                if summing { checksums[pair.variant][pair.position] = fragment.checksum }
            }
            renderedCount += rendered.count
        }
    }

    /// Hands the rendered fragments of these (entry position, variant number) pairs to the next publish, when
    /// this one has a `CarriedFragments`.
    func carryOver(_ pairs: [(position: Int, variant: Int)]) {
        guard let carried, !pairs.isEmpty else { return }
        let kept: [(identity: UInt64, variant: FragmentVariant, bytes: [UInt8])] = lock.withLock {
            pairs.compactMap { pair in
                bytes(pair.position, variant: pair.variant).map { (carried.identities[pair.position], variants[pair.variant], $0) }
            }
        }
        carried.fragments.keep(kept)
    }

    /// The fragment of the entry at `position` in `variant`, which must have been rendered.
    func fragment(_ position: Int, variant: Int) -> [UInt8] {
        lock.withLock {
            guard let bytes = bytes(position, variant: variant) else { preconditionFailure("fragment read before it was rendered") }
            return bytes
        }
    }

    /// The fragments of the entries at `positions`, in order, which must have been rendered.
    func fragments(_ positions: some Collection<Int>, variant: Int) -> [[UInt8]] {
        lock.withLock {
            positions.map { position in
                guard let bytes = bytes(position, variant: variant) else { preconditionFailure("fragment read before it was rendered") }
                return bytes
            }
        }
    }

    /// The fragments of the entries at `positions`, in order, which must have been rendered or found: those
    /// found in a published file as slices of it, to be copied from there, the others as bytes.
    func pieces(_ positions: some Collection<Int>, variant: Int) -> [FragmentPiece] {
        lock.withLock {
            positions.map { position in
                if let bytes = fragments[variant][position] { return .bytes(bytes) }
                guard let slice = slices.isEmpty ? nil : slices[variant][position] else {
                    preconditionFailure("fragment read before it was rendered")
                }
                return .slice(slice)
            }
        }
    }

    /// Under the lock: the bytes of a fragment, read from its published file (and kept) when it was found there;
    /// nil when it was neither rendered nor found.
    private func bytes(_ position: Int, variant: Int) -> [UInt8]? {
        if let bytes = fragments[variant][position] { return bytes }
        guard !slices.isEmpty, let slice = slices[variant][position] else { return nil }
        let bytes = slice.bytes()
        fragments[variant][position] = bytes
        slices[variant][position] = nil
        return bytes
    }

    /// Under the lock: whether the fragment of this pair was found in a published file and not read yet.
    private func hasSlice(_ pair: (position: Int, variant: Int)) -> Bool {
        !slices.isEmpty && slices[pair.variant][pair.position] != nil
    }

    /// Where each of these fragments (rendered, not yet released) will sit in a document written now, from
    /// `offset` on with `separator` bytes between them, for the memory; nil without a memory (or when one is not
    /// at hand).
    func locations(
        _ positions: some Collection<Int>, variant: Int, from offset: Int, separator: Int, separatorFirst: Bool
    ) -> [PublishMemory.Location]? {
        guard let remembered else { return nil }
        return lock.withLock {
            var next = offset
            var locations: [PublishMemory.Location] = []
            locations.reserveCapacity(positions.count)
            for (index, position) in positions.enumerated() {
                if index > 0 || separatorFirst { next += separator }
                // A fragment without its bytes or checksum here leaves the document unrecorded, never misrecorded.
                guard let length = fragments[variant][position]?.count ?? slices[variant][position]?.length,
                    let checksum = checksums[variant][position]
                else { return nil }
                locations.append(PublishMemory.Location(key: remembered.keys[position], offset: next, length: length, checksum: checksum))
                next += length
            }
            return locations
        }
    }

    /// The key of the variant numbered `index`; nil without a memory.
    func variantKey(_ index: Int) -> ContentKey? {
        lock.withLock { remembered == nil ? nil : variantKeys[index] }
    }

    /// The size of a rendered fragment, or nil when it was not rendered.
    func renderedSize(_ position: Int, variant: Int) -> Int? {
        lock.withLock { fragments[variant][position]?.count ?? (slices.isEmpty ? nil : slices[variant][position]?.length) }
    }

    /// Forgets these (entry position, variant) fragments: no document still to be written holds them. A later
    /// `render` of one renders it again.
    func release(_ pairs: [(position: Int, variant: Int)]) {
        guard !pairs.isEmpty else { return }
        lock.withLock {
            for pair in pairs {
                fragments[pair.variant][pair.position] = nil
                if !slices.isEmpty { slices[pair.variant][pair.position] = nil }
            }
        }
    }

    /// Forgets the fragments of `variant` at `positions` (no document still to be written holds them).
    func release(_ positions: some Sequence<Int>, variant: Int) {
        lock.withLock {
            for position in positions {
                fragments[variant][position] = nil
                if !slices.isEmpty { slices[variant][position] = nil }
            }
        }
    }
}

/// A fragment ready to be written: its bytes, or where a published file holds them.
enum FragmentPiece: Sendable {
    case bytes([UInt8])
    case slice(FileSlice)
}

/// A fragment that failed to render, with its variant.
private struct FragmentFailure: Error {
    var variant: Int
    var error: XMLWriterError
}
