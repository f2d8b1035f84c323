import Foundation

/// Reads a published RSS or Atom document with nine independent feed readers (`scripts/readers/read.py`:
/// feedparser, SimplePie, gofeed, Rome, KDE Syndication, Ruby's rss, XML::Feed, sfeed, newsboat) and compares
/// what each saw with what Crier meant: the same page of its JSON Feed, whose items carry the id, link, title
/// and dates of the entries in the same order.
///
/// Every reader must parse the document and show every entry's id, title, link and published date as Crier
/// wrote them, and the feed's title. The differences allowed are exactly those in `Allowance`, each a known
/// way a reader reads something the formats leave open; README "Readers" lists them with the other readers
/// tried by hand.
enum ReaderMatrix {
    /// Every reader of the matrix; a missing one fails the check (install them with scripts/readers/install.sh).
    static let readers = ["feedparser", "simplepie", "gofeed", "rome", "syndication", "ruby-rss", "xml-feed", "sfeed", "newsboat"]

    struct Report: Decodable {
        var missing: [String]
        var readers: [View]
    }

    /// What one reader saw.
    struct View: Decodable {
        var reader: String
        var ok: Bool
        var error: String
        var title: String?
        var entries: [Entry]
    }

    struct Entry: Decodable, Equatable {
        var id: String?
        var title: String?
        var link: String?
        var published: String?
        var updated: String?
    }

    /// What Crier wrote, from its JSON Feed page.
    struct Expected {
        var title: String
        var entries: [Entry]
    }

    /// A difference the check lets through: the reader, the document format, the field and why.
    struct Allowance {
        var reader: String
        var format: String
        var field: String
        var reason: String
        /// True when `seen` is what this reader shows for `expected`.
        var matches: @Sendable (_ seen: String, _ expected: String) -> Bool
    }

    /// The differences allowed, each a reading the format permits or a reader's documented behaviour.
    static let allowances: [Allowance] = [
        Allowance(
            reader: "syndication", format: "rss", field: "title",
            reason: "RSS does not say whether a title is text or HTML; KDE Syndication (Akregator) takes it as HTML, "
                + "so `<word>` in a title is read as a tag and dropped",
            matches: { seen, expected in seen == withoutTags(expected) }),
        Allowance(
            reader: "syndication", format: "atom", field: "link",
            reason: "KDE Syndication returns Atom links as IRIs, with percent-encoded UTF-8 decoded",
            matches: { seen, expected in seen == expected.removingPercentEncoding }),
    ]

    /// `text` with every `<…>` run removed and white space collapsed: what an HTML reading of a title shows.
    static func withoutTags(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                result.append(character)
            }
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static var script: URL {
        CrierBinary.packageRoot.appendingPathComponent("scripts/readers/read.py")
    }

    /// The readers' views of `document` (RSS or Atom).
    static func read(_ document: URL) throws -> Report {
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, document.path])
        guard run.status == 0, let line = run.standardOutput.split(separator: "\n").last else {
            throw ReaderCheck.CheckFailure(message: "read.py failed (\(run.status)): \(run.standardError.suffix(2000))")
        }
        return try JSONDecoder().decode(Report.self, from: Data(line.utf8))
    }

    /// What Crier's JSON Feed page says the entries are.
    static func expected(fromJSONFeed page: URL) throws -> Expected {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: page)) as? [String: Any] ?? [:]
        let items = object["items"] as? [[String: Any]] ?? []
        // Readers' titles are compared with white space runs made one space (read.py), so these are too.
        func collapsed(_ text: Any?) -> String? {
            (text as? String).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        }
        return Expected(
            title: collapsed(object["title"]) ?? "",
            entries: items.map {
                Entry(
                    id: $0["id"] as? String, title: collapsed($0["title"]), link: $0["url"] as? String,
                    published: $0["date_published"] as? String, updated: $0["date_modified"] as? String)
            })
    }

    /// Every way the readers' views of `document` differ from `expected`, beyond the allowances; empty when all
    /// nine read it as Crier meant.
    static func differences(in document: URL, expected: Expected) throws -> [String] {
        let format =
            document.pathExtension == "xml" && (try? String(contentsOf: document, encoding: .utf8))?.contains("<rss") == true ? "rss" : "atom"
        let report = try read(document)
        var problems = report.missing.map { "\($0): not installed (run scripts/readers/install.sh)" }
        for view in report.readers {
            let name = "\(view.reader) (\(document.lastPathComponent))"
            if !view.ok { problems.append("\(name): did not parse: \(view.error)") }
            guard view.entries.count == expected.entries.count else {
                problems.append("\(name): \(view.entries.count) entries, expected \(expected.entries.count)")
                continue
            }
            func check(_ field: String, _ seen: String?, _ meant: String?, entry: Int?) {
                guard seen != meant else { return }
                if let seen, let meant,
                    allowances.contains(where: { $0.reader == view.reader && $0.format == format && $0.field == field && $0.matches(seen, meant) })
                {
                    return
                }
                let place = entry.map { "entry \($0) " } ?? "feed "
                problems.append("\(name): \(place)\(field) \(seen.debugDescription), expected \(meant.debugDescription)")
            }
            // sfeed has no feed title at all.
            if view.reader != "sfeed" { check("title", view.title, expected.title, entry: nil) }
            for (index, (seen, meant)) in zip(view.entries, expected.entries).enumerated() {
                check("id", seen.id, meant.id, entry: index)
                check("title", seen.title, meant.title, entry: index)
                check("link", seen.link, meant.link, entry: index)
                check("published", seen.published ?? seen.updated, meant.published, entry: index)
            }
        }
        return problems
    }
}
