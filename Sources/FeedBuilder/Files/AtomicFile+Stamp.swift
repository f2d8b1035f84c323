import Platform

extension AtomicFile {
    /// The stamp of the regular file at `path` (see `FileStamp`); nil when it is missing or not a regular file.
    static func stamp(of path: String) -> FileStamp? {
        FileStamp(regularFileAt: path)
    }
}
