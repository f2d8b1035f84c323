/// A person credited on a feed or an entry: an author or a contributor.
public struct Person: Sendable, Hashable, Codable {
    /// The name shown to readers.
    public var name: String
    /// An email address, if the person wants one published (RSS `author` needs one).
    public var email: String?
    /// A home page for the person; absolute URL.
    public var uri: String?

    /// Creates a person.
    public init(name: String, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}
