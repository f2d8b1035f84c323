public import FeedModel
public import Platform

/// The build cache's coding of Ingest's own values, on Platform's `CacheWriter`: a timestamp as its seconds and
/// its offset, an issue as its file, its optional line and its message.
extension CacheWriter {
    /// Writes a timestamp.
    public mutating func write(_ value: Timestamp) {
        write(value.secondsSinceEpoch)
        write(value.utcOffsetSeconds)
    }

    /// Writes an optional timestamp.
    public mutating func write(_ value: Timestamp?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Writes an issue about a file.
    public mutating func write(_ issue: IngestIssue) {
        write(issue.file)
        write(issue.line != nil)
        if let line = issue.line { write(line) }
        write(issue.message)
    }
}

extension CacheReader {
    /// Reads a timestamp.
    public mutating func timestamp() -> Timestamp? {
        guard let seconds = signed(), let offsetSeconds = int() else { return nil }
        return Timestamp(secondsSinceEpoch: seconds, utcOffsetSeconds: offsetSeconds)
    }

    /// Reads an optional timestamp: `.some(nil)` for an absent one, nil when damaged.
    public mutating func optionalTimestamp() -> Timestamp?? {
        guard let present = bool() else { return nil }
        if !present { return .some(nil) }
        guard let value = timestamp() else { return nil }
        return .some(value)
    }

    /// Reads an issue about a file.
    public mutating func issue() -> IngestIssue? {
        guard let file = string(), let hasLine = bool() else { return nil }
        var line: Int?
        if hasLine {
            guard let value = int() else { return nil }
            line = value
        }
        guard let message = string() else { return nil }
        return IngestIssue(file: file, line: line, message: message)
    }
}
