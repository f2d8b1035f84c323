/// The software named in a feed's `generator` element (RSS, Atom) — never a build time or host name, so
/// output stays byte-identical between runs.
public struct FeedGenerator: Sendable, Hashable {
    /// The program's name.
    public var name: String
    /// Its version, written as Atom's `version` attribute and after the name in RSS.
    public var version: String
    /// An absolute URL of the program's home page, written as Atom's `uri` attribute when present.
    public var uri: String?

    /// Creates a generator description.
    public init(name: String, version: String, uri: String? = nil) {
        self.name = name
        self.version = version
        self.uri = uri
    }

    /// Crier itself, with Crier's version: the one place the version is written, for the feeds and for
    /// `crier --version` alike.
    public static let crier = FeedGenerator(name: "Crier", version: "0.1.0")

    /// `Crier 0.1.0`, the RSS form.
    var text: String { version.isEmpty ? name : "\(name) \(version)" }
}
