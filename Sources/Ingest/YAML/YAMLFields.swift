import FeedModel
import Foundation
import Yams

/// A problem with one value in a YAML mapping: the key, its line, and what was expected.
struct YAMLFieldError: Error {
    var line: Int?
    var key: String?
    var message: String
}

/// A YAML mapping read key by key, with typed accessors whose errors name the key and what was expected.
///
/// Keys keep the file's order (`entries`) so that unknown-key errors are reported deterministically.
struct YAMLFields {
    /// The pairs in file order: key, value node, and the value's line.
    let entries: [(key: String, value: Node, line: Int?)]
    /// Added to reported line numbers: front matter starts after the opening `---`.
    let lineOffset: Int

    /// Parses a YAML document whose top level must be a mapping; an empty document is an empty mapping.
    /// - Parameters:
    ///   - yaml: The document.
    ///   - lineOffset: Added to reported line numbers.
    ///   - tags: `.exact` always composes with Yams' default resolver; `.cheapest` (the default) uses
    ///     `YAMLComposer`'s shortcut, which gives the same fields. Tests compare the two.
    init(yaml: String, lineOffset: Int = 0, tags: YAMLComposer.Tags = .cheapest) throws(YAMLFieldError) {
        self.lineOffset = lineOffset
        let aliases = YAMLAliases.count(in: yaml)
        guard aliases <= YAMLAliases.limit else {
            throw YAMLFieldError(
                message:
                    "uses \(aliases) YAML aliases (*name); at most \(YAMLAliases.limit) are allowed, since each one repeats a whole anchored value")
        }
        let root: Node?
        do {
            root = try YAMLComposer.compose(yaml, aliases: aliases, tags: tags)
        } catch let error as YamlError {
            throw Self.describe(error, lineOffset: lineOffset)
        } catch {
            throw YAMLFieldError(message: "not valid YAML: \(error)")
        }
        guard let root else {
            entries = []
            return
        }
        guard let mapping = root.mapping else {
            throw YAMLFieldError(line: root.mark.map { $0.line + lineOffset }, message: "expected 'key: value' lines at the top level")
        }
        var entries: [(key: String, value: Node, line: Int?)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw YAMLFieldError(line: key.mark.map { $0.line + lineOffset }, message: "keys must be plain words")
            }
            entries.append((name, value, (value.mark ?? key.mark).map { $0.line + lineOffset }))
        }
        self.entries = entries
    }

    /// The fields of a mapping nested under a key (`sections:`, `taxonomies.tags:`), its lines as found.
    /// - Throws: when the value is not a mapping, naming `key`.
    init(nested node: Node, key: String, line: Int?) throws(YAMLFieldError) {
        lineOffset = 0
        guard case .mapping(let mapping) = node else {
            throw YAMLFieldError(line: line, key: key, message: "expected a mapping of settings, found \(Self.kind(of: node))")
        }
        var entries: [(key: String, value: Node, line: Int?)] = []
        for (name, value) in mapping {
            guard let text = name.scalar?.string else {
                throw YAMLFieldError(line: name.mark.map { $0.line } ?? line, key: key, message: "keys must be plain words")
            }
            entries.append((text, value, (value.mark ?? name.mark).map { $0.line } ?? line))
        }
        self.entries = entries
    }

    /// Runs `body`, naming the keys of its errors under `prefix` (`sections.limit` rather than `limit`).
    static func under<Value>(_ prefix: String, _ body: () throws(YAMLFieldError) -> Value) throws(YAMLFieldError) -> Value {
        do {
            return try body()
        } catch {
            var error = error
            error.key = error.key.map { prefix + "." + $0 } ?? prefix
            throw error
        }
    }

    /// Throws for the first key not in `known`, listing what is accepted.
    func rejectUnknownKeys(_ known: [String]) throws(YAMLFieldError) {
        for entry in entries where !known.contains(entry.key) {
            throw YAMLFieldError(
                line: entry.line, key: entry.key,
                message: "unknown key; expected one of: \(known.joined(separator: ", "))")
        }
    }

    /// The entry for a key, if present and not null.
    func entry(_ key: String) -> (key: String, value: Node, line: Int?)? {
        guard let found = entries.first(where: { $0.key == key }) else { return nil }
        if case .scalar(let scalar) = found.value, scalar.style == .plain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return found
    }

    /// The line of a key's value, if the key is present.
    func line(of key: String) -> Int? { entries.first { $0.key == key }?.line }

    /// A scalar as text (numbers and dates as written).
    func string(_ key: String) throws(YAMLFieldError) -> String? {
        guard let found = entry(key) else { return nil }
        guard let scalar = found.value.scalar else {
            throw YAMLFieldError(line: found.line, key: key, message: "expected text, found \(Self.kind(of: found.value))")
        }
        return scalar.string
    }

    /// A whole number.
    func int(_ key: String) throws(YAMLFieldError) -> Int? {
        guard let found = entry(key) else { return nil }
        guard let scalar = found.value.scalar, let value = Int(FastText.trimmingSpaces(scalar.string)) else {
            throw YAMLFieldError(line: found.line, key: key, message: "expected a whole number, found \(Self.shown(found.value))")
        }
        return value
    }

    /// A YAML boolean (`true`/`false`, `yes`/`no`).
    func bool(_ key: String) throws(YAMLFieldError) -> Bool? {
        guard let found = entry(key) else { return nil }
        guard let value = found.value.bool else {
            throw YAMLFieldError(line: found.line, key: key, message: "expected true or false, found \(Self.shown(found.value))")
        }
        return value
    }

    /// A list of strings; a single string is a one-element list, and a comma-separated string is split.
    func stringList(_ key: String, splitCommas: Bool = true) throws(YAMLFieldError) -> [String]? {
        guard let found = entry(key) else { return nil }
        switch found.value {
        case .scalar(let scalar):
            let parts = splitCommas ? scalar.string.split(separator: ",").map(String.init) : [scalar.string]
            return parts.map { FastText.trimmingSpaces($0) }.filter { !$0.isEmpty }
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else {
                    throw YAMLFieldError(
                        line: found.line, key: key, message: "expected a list of text items, found \(Self.kind(of: item)) as an item")
                }
                let text = FastText.trimmingSpaces(scalar.string)
                if !text.isEmpty { result.append(text) }
            }
            return result
        default:
            throw YAMLFieldError(line: found.line, key: key, message: "expected a list of text items, found \(Self.kind(of: found.value))")
        }
    }

    /// People: `Name`, `Name <email>`, a mapping with `name`/`email`/`uri`, or a list of those.
    func people(_ key: String) throws(YAMLFieldError) -> [Person]? {
        guard let found = entry(key) else { return nil }
        let items: [Node]
        if case .sequence(let sequence) = found.value { items = Array(sequence) } else { items = [found.value] }
        var result: [Person] = []
        for item in items {
            result.append(try Self.person(item, key: key, line: found.line))
        }
        return result
    }

    private static func person(_ node: Node, key: String, line: Int?) throws(YAMLFieldError) -> Person {
        switch node {
        case .scalar(let scalar):
            guard let person = Person(parsing: scalar.string) else {
                throw YAMLFieldError(line: line, key: key, message: "expected a name, found nothing")
            }
            return person
        case .mapping(let mapping):
            var fields: [String: String] = [:]
            for (k, v) in mapping {
                guard let name = k.string, ["name", "email", "uri", "url"].contains(name) else {
                    throw YAMLFieldError(line: line, key: key, message: "expected only name, email and uri, found '\(k.string ?? "?")'")
                }
                guard let value = v.scalar?.string else {
                    throw YAMLFieldError(line: line, key: "\(key).\(name)", message: "expected text, found \(kind(of: v))")
                }
                fields[name] = value
            }
            guard let name = fields["name"], !name.isEmpty else {
                throw YAMLFieldError(line: line, key: "\(key).name", message: "expected a name for the person")
            }
            return Person(name: name, email: fields["email"], uri: fields["uri"] ?? fields["url"])
        default:
            throw YAMLFieldError(line: line, key: key, message: "expected a name or a list of names, found a nested list")
        }
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// A value as shown in messages: scalars quoted as written, others by kind.
    static func shown(_ node: Node) -> String {
        if let scalar = node.scalar { return "\"\(scalar.string)\"" }
        return kind(of: node)
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> YAMLFieldError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return YAMLFieldError(line: mark.line + lineOffset, message: "not valid YAML: \(problem)")
        case .reader(let problem, _, let value, _):
            // Yams' own description quotes the whole line with a caret under it: several lines, raw bytes.
            return YAMLFieldError(
                message: "not valid YAML: \(problem) (character U+\(String(UInt32(bitPattern: value), radix: 16, uppercase: true)))")
        default:
            return YAMLFieldError(message: "not valid YAML: \(error)")
        }
    }
}

extension Person {
    /// Parses `Name`, `Name <email>` or `email (Name)`; nil for empty text.
    init?(parsing text: String) {
        let trimmed = FastText.trimmingSpaces(text)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let name = FastText.trimmingSpaces(String(trimmed[..<open]))
            let email = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            self.init(name: name.isEmpty ? email : name, email: email.isEmpty ? nil : email)
        } else {
            self.init(name: trimmed)
        }
    }
}
