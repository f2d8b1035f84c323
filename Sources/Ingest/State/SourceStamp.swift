import Foundation
public import Platform

/// What identifies one version of an article file without reading it, as the build cache compares it.
///
/// The publisher's `FileStamp` (device, inode, size, modification and change times to the nanosecond), with
/// what the build cache adds: when a stamp is trusted alone, and how it is stored. An editor's rename gives a
/// new inode, a write in place moves the size or the times, and the change time cannot be set back by `touch -d` or `cp -p`. What a stamp cannot see is a second write within
/// the file system's clock granularity (Linux takes file times from a coarse clock, a few milliseconds), with
/// the same size: see `isSure(lookedAt:)`.
public typealias SourceStamp = FileStamp

extension FileStamp {
    /// How long after its last change a file's stamp is trusted alone. Two seconds covers the coarsest
    /// clocks in use (one second on ext3 and many network file systems, two on FAT's modification time).
    static let settledSeconds = 2.0

    /// The stamp of `status`.
    init(_ status: FileStatus) {
        self = status.stamp
    }

    /// True when the file last changed long enough before `lookedAt` (seconds since 1970, taken before the
    /// stamp was) that any later write must move the stamp. Otherwise a write in the same clock tick could
    /// leave it as it is, and the next build confirms the bytes by their hash before trusting what it remembers.
    public func isSure(lookedAt: Double) -> Bool {
        Double(changedSeconds) + Double(changedNanoseconds) / 1e9 + Self.settledSeconds < lookedAt
    }

    /// The current time in seconds since 1970, for `isSure(lookedAt:)`.
    public static func now() -> Double {
        Date().timeIntervalSince1970
    }
}
