/// A file attached to an entry: a podcast episode, an image, a PDF.
public struct Enclosure: Sendable, Hashable, Codable {
    /// The absolute URL of the file.
    public var url: String
    /// The MIME type, such as `audio/mpeg` or `image/jpeg`.
    public var mimeType: String
    /// The size in bytes; 0 when unknown (RSS 2.0 requires the attribute, so 0 stands for "unknown").
    public var length: Int

    /// Creates an enclosure.
    public init(url: String, mimeType: String, length: Int = 0) {
        self.url = url
        self.mimeType = mimeType
        self.length = length
    }
}
