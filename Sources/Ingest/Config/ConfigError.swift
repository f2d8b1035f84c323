/// A problem in `crier.yml`: the file, the line when known, the key, and what was expected.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration file's name or path as given to the loader.
    public var file: String
    /// The 1-based line of the offending value, when known.
    public var line: Int?
    /// The key the problem is about, such as `limit` or `author.email`; nil for whole-file problems.
    public var key: String?
    /// What was wrong and what was expected.
    public var message: String

    /// Creates a configuration error.
    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "key '\(key)': " }
        return text + message
    }
}
