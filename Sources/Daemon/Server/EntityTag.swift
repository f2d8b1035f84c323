import Foundation
import Ingest

/// Strong entity tags (RFC 9110 §8.8.3) for the documents the server sends.
enum EntityTag {
    /// The quoted strong ETag for these bytes, such as `"1f3a…-2048"`: the first 64 bits of the document's
    /// `ContentHash` and its byte count in hex. It changes whenever the bytes do, which is all an ETag must do.
    static func strong(for data: Data) -> String {
        "\"" + ContentHash.hex(data).prefix(16) + "-" + String(data.count, radix: 16) + "\""
    }
}
