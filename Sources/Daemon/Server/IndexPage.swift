import FeedModel
import XML

/// The small HTML page served at `/`: the site's feeds as links, plus `<link rel="alternate">` tags so a
/// browser extension or feed reader pointed at the server finds them (RSS autodiscovery).
enum IndexPage {
    /// The page for a site title and its feeds, linked by file name so the page works on any host and port.
    static func html(title: String, feeds: [FeedOutput]) -> String {
        let heading = HTMLEscaping.escaped(title.isEmpty ? "Feeds" : title)
        var alternates = ""
        var items = ""
        for feed in feeds {
            let type = HTMLEscaping.escaped(feed.format.contentType.split(separator: ";")[0].description)
            let href = HTMLEscaping.escaped(percentEncodedPath(feed.fileName))
            let formatName = feed.format.displayName
            let text = HTMLEscaping.escaped("\(formatName): \(feed.fileName)")
            alternates += "<link rel=\"alternate\" type=\"\(type)\" title=\"\(heading) (\(formatName))\" href=\"\(href)\">\n"
            items += "<li><a href=\"\(href)\" type=\"\(type)\">\(text)</a></li>\n"
        }
        return """
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <title>\(heading)</title>
            \(alternates)</head>
            <body>
            <h1>\(heading)</h1>
            <ul>
            \(items)</ul>
            </body>
            </html>

            """
    }

    /// Percent-encodes a relative path's bytes outside the unreserved set, keeping `/`.
    private static func percentEncodedPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
