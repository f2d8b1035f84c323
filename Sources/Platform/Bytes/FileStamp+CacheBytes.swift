/// A file's stamp in the byte form of `CacheWriter`, field by field: device and inode as unsigned varints, size
/// and times as signed ones. The build cache, the last-build record and the publish memory all store stamps so.
extension CacheWriter {
    /// Writes a file's stamp.
    public mutating func write(_ stamp: FileStamp) {
        write(stamp.device)
        write(stamp.inode)
        write(stamp.size)
        write(stamp.modifiedSeconds)
        write(stamp.modifiedNanoseconds)
        write(stamp.changedSeconds)
        write(stamp.changedNanoseconds)
    }
}

extension CacheReader {
    /// Reads a file's stamp.
    public mutating func stamp() -> FileStamp? {
        guard let device = unsigned(), let inode = unsigned(), let size = signed(), let modifiedSeconds = signed(),
            let modifiedNanoseconds = signed(), let changedSeconds = signed(), let changedNanoseconds = signed()
        else { return nil }
        return FileStamp(
            device: device, inode: inode, size: size, modifiedSeconds: modifiedSeconds, modifiedNanoseconds: modifiedNanoseconds,
            changedSeconds: changedSeconds, changedNanoseconds: changedNanoseconds)
    }
}
