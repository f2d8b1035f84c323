import Platform

extension StateStore {
    /// What identifies the database's content at one moment without reading a row: the file's stamp and its
    /// 100-byte SQLite header, whose file change counter (offset 24) every committed write moves, whichever
    /// program made it (crier, the `sqlite3` shell).
    ///
    /// The build cache keeps each article's settled state (first seen, changed, id) beside its parse, with the
    /// mark the store had just after they were recorded; while the store still has that mark, those states
    /// are the store's rows, and a build need not look up or record the articles that did not change.
    public struct Mark: Sendable, Hashable {
        /// The database file's stamp.
        var stamp: FileStamp
        /// The database file's first 100 bytes.
        var header: [UInt8]
    }

    /// The SQLite header's length (https://www.sqlite.org/fileformat.html section 1.3).
    static let headerLength = 100

    /// The store's mark now; nil when none can be trusted: an in-memory store, a file that cannot be read,
    /// a header that is not SQLite's, a store in WAL mode (whose commits go to the `-wal` file and leave the
    /// change counter alone: header bytes 18 and 19 are 2), or a journal left by an interrupted write (the
    /// next open rolls it back, so the file does not hold what the header says).
    public func mark() -> Mark? {
        guard path != ":memory:", FileStamp(regularFileAt: path + "-journal") == nil, FileStatus(linkAt: path + "-wal") == nil,
            let stamp = FileStamp(regularFileAt: path), let file = try? FileDescriptor.open(readingAt: path)
        else { return nil }
        defer { try? file.close() }
        var header = [UInt8](repeating: 0, count: Self.headerLength)
        let count = header.withUnsafeMutableBytes { buffer in (try? file.read(into: buffer)) ?? 0 }
        guard count == Self.headerLength, header.starts(with: Array("SQLite format 3\0".utf8)), header[18] == 1, header[19] == 1,
            FileStamp(regularFileAt: path) == stamp
        else { return nil }
        return Mark(stamp: stamp, header: header)
    }
}

extension CacheWriter {
    /// Writes a state store's mark, or its absence.
    mutating func write(_ mark: StateStore.Mark?) {
        write(mark != nil)
        guard let mark else { return }
        write(mark.stamp)
        append(raw: mark.header)
    }
}

extension CacheReader {
    /// Reads what `CacheWriter.write(_: StateStore.Mark?)` wrote: `.some(nil)` for no mark, nil when damaged.
    mutating func mark() -> StateStore.Mark?? {
        guard let present = bool() else { return nil }
        if !present { return .some(nil) }
        guard let stamp = stamp(), let header = raw(count: StateStore.headerLength) else { return nil }
        return .some(StateStore.Mark(stamp: stamp, header: header))
    }
}
