import Foundation
import Platform

/// What identifies one version of an article file without reading it, as the build cache compares it.
///
/// The same facts as the publisher's `FileStamp` (device, inode, size, modification and change times to the
/// nanosecond): an editor's rename gives a new inode, a write in place moves the size or the times, and the
/// change time cannot be set back by `touch -d` or `cp -p`. What a stamp cannot see is a second write within
/// the file system's clock granularity (Linux takes file times from a coarse clock, a few milliseconds), with
/// the same size: see `isSure(lookedAt:)`.
public struct SourceStamp: Sendable, Hashable {
    /// The device the file is on.
    public var device: UInt64
    /// The file's inode.
    public var inode: UInt64
    /// The size in bytes.
    public var size: Int64
    /// The last modification: seconds since 1970, then nanoseconds.
    public var modifiedSeconds: Int64
    /// The nanoseconds of the last modification.
    public var modifiedNanoseconds: Int64
    /// The last status change (moved by every write, rename and `touch`): seconds since 1970.
    public var changedSeconds: Int64
    /// The nanoseconds of the last status change.
    public var changedNanoseconds: Int64

    /// How long after its last change a file's stamp is trusted alone. Two seconds covers the coarsest
    /// clocks in use (one second on ext3 and many network file systems, two on FAT's modification time).
    static let settledSeconds = 2.0

    /// The stamp of `status`.
    init(_ status: FileStatus) {
        let stamp = status.stamp
        device = stamp.device
        inode = stamp.inode
        size = stamp.size
        modifiedSeconds = stamp.modifiedSeconds
        modifiedNanoseconds = stamp.modifiedNanoseconds
        changedSeconds = stamp.changedSeconds
        changedNanoseconds = stamp.changedNanoseconds
    }

    init(
        device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64,
        changedSeconds: Int64, changedNanoseconds: Int64
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
    }

    /// The stamp of the regular file at `path` (not following a symbolic link); nil for anything else.
    public init?(regularFileAt path: String) {
        guard let status = FileStatus(linkAt: path), status.kind == .regular else { return nil }
        self.init(status)
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

    func write(to writer: inout CacheWriter) {
        writer.write(device)
        writer.write(inode)
        writer.write(size)
        writer.write(modifiedSeconds)
        writer.write(modifiedNanoseconds)
        writer.write(changedSeconds)
        writer.write(changedNanoseconds)
    }

    init?(from reader: inout CacheReader) {
        guard let device = reader.unsigned(), let inode = reader.unsigned(), let size = reader.signed(),
            let modifiedSeconds = reader.signed(), let modifiedNanoseconds = reader.signed(),
            let changedSeconds = reader.signed(), let changedNanoseconds = reader.signed()
        else { return nil }
        self.init(
            device: device, inode: inode, size: size, modifiedSeconds: modifiedSeconds, modifiedNanoseconds: modifiedNanoseconds,
            changedSeconds: changedSeconds, changedNanoseconds: changedNanoseconds)
    }
}

extension CacheWriter {
    /// Writes a file's stamp.
    public mutating func write(_ stamp: SourceStamp) {
        stamp.write(to: &self)
    }
}

extension CacheReader {
    /// Reads a file's stamp.
    public mutating func stamp() -> SourceStamp? {
        SourceStamp(from: &self)
    }
}
