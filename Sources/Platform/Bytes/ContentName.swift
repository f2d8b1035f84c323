/// 128 bits that name exact content across processes: the first half of a SHA-256 over it. Equal names mean
/// equal content (finding two different inputs with one name takes a deliberate 2^64 effort).
///
/// The form in which one module hands another a name it may keep and give back later without knowing what it
/// names: the feed builder names each entry's body, and the build cache keeps that name beside the article file
/// it came from, so the next process need not hash the body again while the file is unchanged.
public struct ContentName: Sendable, Hashable {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}

extension CacheWriter {
    /// Writes an optional name: a flag, then its two words.
    public mutating func write(_ name: ContentName?) {
        write(name != nil)
        if let name {
            writeWord(name.high)
            writeWord(name.low)
        }
    }
}

extension CacheReader {
    /// Reads an optional name as `CacheWriter.write(_:)` wrote it: `.some(nil)` for none, nil when the bytes end
    /// or do not hold one (as `optionalString()`).
    public mutating func contentName() -> ContentName?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let high = word(), let low = word() else { return nil }
        return .some(ContentName(high: high, low: low))
    }
}
