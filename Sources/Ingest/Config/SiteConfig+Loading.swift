import FeedModel
public import Foundation

extension SiteConfig {
    /// The keys `crier.yml` accepts, in the order the example file lists them.
    static let knownKeys = [
        "title", "description", "base_url", "feed_base_url", "author", "language", "time_zone", "limit",
        "formats", "outputs", "permalink", "hubs", "icon", "logo", "rights", "content", "max_bytes", "sections", "taxonomies",
    ]

    /// Reads and parses a configuration file.
    /// - Parameter url: The path of `crier.yml`.
    /// - Throws: `ConfigError` naming the file, the line and key, and what was expected.
    public static func load(from url: URL) throws(ConfigError) -> SiteConfig {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigError(file: url.path, message: "cannot read the file (\(error.localizedDescription))")
        }
        let text: String
        do {
            text = try TextDecoder.decode(Array(data), rejectNUL: true).text
        } catch {
            throw ConfigError(
                file: name, message: error == .empty ? "the file is empty; expected at least title and base_url" : "the file is binary, not YAML text"
            )
        }
        return try SiteConfig(yaml: text, file: name)
    }

    /// Parses the text of a configuration file.
    /// - Parameters:
    ///   - yaml: The YAML text.
    ///   - file: The name used in error messages, such as `crier.yml`.
    /// - Throws: `ConfigError` for YAML syntax errors, unknown keys, values of the wrong type and bad URLs.
    public init(yaml: String, file: String = "crier.yml") throws(ConfigError) {
        do {
            self = try Self.parse(yaml: yaml)
        } catch {
            throw ConfigError(file: file, line: error.line, key: error.key, message: error.message)
        }
    }

    private static func parse(yaml: String) throws(YAMLFieldError) -> SiteConfig {
        let fields = try YAMLFields(yaml: yaml)
        try fields.rejectUnknownKeys(knownKeys)
        guard let title = try fields.string("title"), !title.isEmpty else {
            throw YAMLFieldError(key: "title", message: "missing; expected the site's title")
        }
        guard let baseURL = try fields.string("base_url") else {
            throw YAMLFieldError(key: "base_url", message: "missing; expected the site's absolute URL, such as https://example.com/")
        }
        try requireAbsolute(baseURL, key: "base_url", fields: fields)
        let feedBaseURL = try fields.string("feed_base_url")
        if let feedBaseURL { try requireAbsolute(feedBaseURL, key: "feed_base_url", fields: fields) }

        let author = try fields.people("author")
        if let author, author.count != 1 {
            throw YAMLFieldError(
                line: fields.line(of: "author"), key: "author", message: "expected one person (name, email, uri), found a list of \(author.count)")
        }

        var zone = ZoneSetting.utc
        if let zoneText = try fields.string("time_zone") {
            guard let parsed = ZoneSetting(zoneText) else {
                throw YAMLFieldError(
                    line: fields.line(of: "time_zone"), key: "time_zone",
                    message: "expected an IANA zone such as Europe/Paris or an offset such as +01:00, found \"\(zoneText)\"")
            }
            zone = parsed
        }

        let limit = try fields.int("limit") ?? defaultLimit
        guard limit >= 0 else {
            throw YAMLFieldError(line: fields.line(of: "limit"), key: "limit", message: "expected 0 (no limit) or a positive number, found \(limit)")
        }

        var formats = FeedFormat.allCases
        if let names = try fields.stringList("formats") {
            formats = []
            for name in names {
                guard let format = FeedFormat(rawValue: name.lowercased()) else {
                    throw YAMLFieldError(line: fields.line(of: "formats"), key: "formats", message: "expected rss, atom or json, found \"\(name)\"")
                }
                formats.append(format)
            }
            if formats.isEmpty {
                throw YAMLFieldError(line: fields.line(of: "formats"), key: "formats", message: "expected at least one of rss, atom, json")
            }
        }

        let outputs = try parseOutputs(fields)

        let permalink = try fields.string("permalink") ?? SiteConfig.defaultPermalink
        guard permalink.contains("{slug}") || permalink.contains("{path}") else {
            throw YAMLFieldError(
                line: fields.line(of: "permalink"), key: "permalink",
                message: "expected a pattern containing {path} or {slug} (so every article gets its own URL), found \"\(permalink)\"")
        }

        let hubs = try fields.stringList("hubs", splitCommas: false) ?? []
        for hub in hubs { try requireAbsolute(hub, key: "hubs", fields: fields) }

        let base = withTrailingSlash(baseURL)
        return SiteConfig(
            title: title,
            description: try fields.string("description") ?? "",
            baseURL: baseURL,
            feedBaseURL: feedBaseURL,
            author: author?.first,
            language: try fields.string("language"),
            timeZone: zone,
            limit: limit,
            formats: formats,
            outputs: outputs,
            permalink: permalink,
            hubs: hubs,
            icon: try fields.string("icon").map { URLText.absolute($0, base: base) },
            logo: try fields.string("logo").map { URLText.absolute($0, base: base) },
            rights: try fields.string("rights"),
            content: try content(fields, "content") ?? .full,
            maxBytes: try maxBytes(fields).map { $0 == 0 ? nil : $0 } ?? defaultMaxBytes,
            sections: try sections(fields),
            taxonomies: try taxonomies(fields)
        )
    }

    private static func parseOutputs(_ fields: YAMLFields) throws(YAMLFieldError) -> [FeedFormat: String] {
        guard let found = fields.entry("outputs") else { return [:] }
        guard case .mapping(let mapping) = found.value else {
            throw YAMLFieldError(
                line: found.line, key: "outputs", message: "expected a mapping such as 'rss: rss.xml', found \(YAMLFields.kind(of: found.value))")
        }
        var outputs: [FeedFormat: String] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard let format = FeedFormat(rawValue: name) else {
                throw YAMLFieldError(line: found.line, key: "outputs.\(name)", message: "expected rss, atom or json as the format")
            }
            guard let file = value.scalar?.string, !file.isEmpty, !file.contains("/"), !file.hasPrefix(".") else {
                throw YAMLFieldError(
                    line: found.line, key: "outputs.\(name)",
                    message: "expected a plain file name such as \(format.defaultFileName), found \(YAMLFields.shown(value))")
            }
            outputs[format] = file
        }
        return outputs
    }

    private static func requireAbsolute(_ url: String, key: String, fields: YAMLFields) throws(YAMLFieldError) {
        guard URLText.isAbsoluteHTTP(url) else {
            throw YAMLFieldError(line: fields.line(of: key), key: key, message: "expected an absolute http(s) URL, found \"\(url)\"")
        }
    }
}
