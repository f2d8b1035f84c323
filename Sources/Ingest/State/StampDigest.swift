import Crypto
import Parallel
public import Platform

/// One 128-bit summary of a set of article files, each a path and its stamp, in no particular order: what lets a
/// build with nothing changed compare a listing of 200,000 files with the build cache without decoding the
/// cache's record of each file (half a second at 200,000) or sorting the listing (a third of a second).
///
/// Each file's path and all seven fields of its stamp are encoded without ambiguity (the path's length first,
/// every field in a fixed eight bytes), hashed with SHA-256, and the first 128 bits of the hash are added into
/// the digest modulo 2^128. Addition does not depend on order, and since the paths of a listing are distinct, two
/// sets with the same count and digest are the same set unless two different sets of SHA-256 outputs happen to
/// sum alike: for sets that differ at all, the chance is about 2^-128, as for any 128-bit random value
/// (AdHash, Bellare and Micciancio 1997). A sum can be forced by someone who picks hundreds of thousands of
/// paths and stamps at will (Wagner's generalised birthday attack), but whoever can write files in the source
/// folder can change what it publishes anyway; the digest guards against accidents, not against its owner.
/// XOR would not do: two equal records would cancel.
public struct StampDigest: Sendable, Hashable {
    /// The high and low 64 bits of the sum.
    public private(set) var high: UInt64 = 0
    public private(set) var low: UInt64 = 0

    /// The digest of no file.
    public init() {}

    /// The digest read back from its two words.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Adds the file at `path` with `stamp`.
    public mutating func add(path: String, stamp: SourceStamp) {
        var buffer: [UInt8] = []
        add(path: path, stamp: stamp, buffer: &buffer)
    }

    /// Adds another digest's files (the two sets must not share a path).
    public mutating func add(_ other: StampDigest) {
        let (sum, carry) = low.addingReportingOverflow(other.low)
        low = sum
        high = high &+ other.high &+ (carry ? 1 : 0)
    }

    /// Takes away another digest's files (all of them among this one's): the sum is modulo 2^128, so what was
    /// added can be taken away again, and a digest can follow a set of files as a few of them change.
    public mutating func subtract(_ other: StampDigest) {
        let (difference, borrow) = low.subtractingReportingOverflow(other.low)
        low = difference
        high = high &- other.high &- (borrow ? 1 : 0)
    }

    /// The digest of the one file at `path` with `stamp`.
    static func of(path: String, stamp: SourceStamp, buffer: inout [UInt8]) -> StampDigest {
        var digest = StampDigest()
        digest.add(path: path, stamp: stamp, buffer: &buffer)
        return digest
    }

    /// `add(path:stamp:)` with a scratch buffer the caller keeps between files.
    mutating func add(path: String, stamp: SourceStamp, buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        Self.append(UInt64(path.utf8.count), to: &buffer)
        buffer.append(contentsOf: path.utf8)
        // Every field of `FileStamp`, as `==` compares them (StampDigestTests checks that each one counts).
        Self.append(stamp.device, to: &buffer)
        Self.append(stamp.inode, to: &buffer)
        Self.append(UInt64(bitPattern: stamp.size), to: &buffer)
        Self.append(UInt64(bitPattern: stamp.modifiedSeconds), to: &buffer)
        Self.append(UInt64(bitPattern: stamp.modifiedNanoseconds), to: &buffer)
        Self.append(UInt64(bitPattern: stamp.changedSeconds), to: &buffer)
        Self.append(UInt64(bitPattern: stamp.changedNanoseconds), to: &buffer)
        let hash = SHA256.hash(data: buffer)
        let words = hash.withUnsafeBytes { bytes in
            (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        add(StampDigest(high: UInt64(littleEndian: words.0), low: UInt64(littleEndian: words.1)))
    }

    private static func append(_ value: UInt64, to buffer: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// The digest of a listing's files, on all cores; nil when a path has no stamp (a symlinked article, which
    /// is always read again, so no digest can stand for it).
    public static func of(_ listing: SourceListing) -> StampDigest? {
        let paths = listing.paths
        let stamps = listing.stamps
        guard !stamps.contains(where: { $0 == nil }) else { return nil }
        let chunk = 4096
        let parts = Parallel.map(count: (paths.count + chunk - 1) / chunk) { part in
            var digest = StampDigest()
            var buffer: [UInt8] = []
            buffer.reserveCapacity(256)
            for index in part * chunk..<min(paths.count, (part + 1) * chunk) {
                if let stamp = stamps[index] { digest.add(path: paths[index], stamp: stamp, buffer: &buffer) }
            }
            return digest
        }
        return parts.reduce(into: StampDigest()) { $0.add($1) }
    }
}
