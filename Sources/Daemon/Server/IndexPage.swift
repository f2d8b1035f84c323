import FeedModel
import XML

/// The small HTML page served at `/`: every feed the site publishes, grouped by kind (the site, sections, tags,
/// authors, languages), as links, plus `<link rel="alternate">` tags for the site's own feeds so a browser
/// extension or feed reader pointed at the server finds them (RSS autodiscovery), and a link to `feeds.opml`.
enum IndexPage {
    /// The page for a site title and its feeds, linked by file name so the page works on any host and port.
    static func html(title: String, catalogue: [PublishedFeed], hasOPML: Bool = false) -> String {
        let heading = HTMLEscaping.escaped(title.isEmpty ? "Feeds" : title)
        var alternates = ""
        var sections = ""
        for kind in FeedKind.allCases {
            let feeds = catalogue.filter { $0.kind == kind }
            guard !feeds.isEmpty else { continue }
            sections += "<h2>\(HTMLEscaping.escaped(kind.groupTitle))</h2>\n<ul>\n"
            for feed in feeds {
                let links = feed.outputs.map { output in
                    let href = HTMLEscaping.escaped(percentEncodedPath(output.fileName))
                    let type = HTMLEscaping.escaped(output.format.contentType.split(separator: ";")[0].description)
                    if kind == .site {
                        alternates +=
                            "<link rel=\"alternate\" type=\"\(type)\" title=\"\(heading) (\(output.format.displayName))\" href=\"\(href)\">\n"
                    }
                    return "<a href=\"\(href)\" type=\"\(type)\">\(HTMLEscaping.escaped(output.format.displayName))</a>"
                }
                let name = HTMLEscaping.escaped(feed.title)
                sections += "<li>\(name): \(links.joined(separator: ", "))</li>\n"
            }
            sections += "</ul>\n"
        }
        let opml = hasOPML ? "<p><a href=\"feeds.opml\" type=\"text/x-opml\">All feeds as OPML</a></p>\n" : ""
        return """
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <title>\(heading)</title>
            \(alternates)</head>
            <body>
            <h1>\(heading)</h1>
            \(sections)\(opml)</body>
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
