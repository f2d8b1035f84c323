import XML

/// The compiled grammars, built once per process. `RelaxNGSchema` is Sendable, so a `static let` is safe.
enum Schemas {
    static let atom = compile(AtomGrammar.source)
    static let rss = compile(RSSGrammar.source)

    private static func compile(_ grammar: String) -> Result<RelaxNGSchema, RelaxNGSchemaError> {
        do {
            return .success(try RelaxNGSchema(grammar: grammar))
        } catch {
            return .failure(error)
        }
    }
}

/// Turns libxml2's RELAX NG messages into findings named like the W3C validator's.
///
/// libxml2 reports one real problem followed by a cascade ("Element item failed to validate content",
/// "Extra element item in interleave", "Element channel failed to validate content", …) up the tree. The
/// cascade is dropped when it only repeats a problem already reported inside the same element, so a user
/// sees `MissingElement 12:0 <entry> has no <title>` rather than four lines about it.
struct SchemaFindings {
    let document: XMLDocument
    /// Which grammar, for messages: "RSS 2.0" or "Atom 1.0".
    let grammarName: String
    private var elementsByLine: [Int: [XMLNode]]?
    /// (line, name) of every element a finding was reported on, to recognise the cascade above it.
    private var reported: [(line: Int, name: String)] = []

    init(document: XMLDocument, grammarName: String) {
        self.document = document
        self.grammarName = grammarName
    }

    mutating func findings(for diagnostics: [XMLDiagnostic]) -> FindingList {
        var list = FindingList()
        var pendingExtra: String?
        for diagnostic in diagnostics {
            let message = diagnostic.message
            let line = diagnostic.line
            if message == "Expecting an element , got nothing" {
                // libxml2's interleave reports this after the real problem; it names nothing.
                continue
            } else if let name = Self.between(message, "Expecting an element ", ", got nothing") {
                let parent = element(at: line, named: nil)
                list.add(.missingElement, line: line, "\(parent.map { "<\($0.qualifiedName)>" } ?? "an element") has no <\(name)>, "
                    + "which \(grammarName) requires")
                record(line: line, name: parent?.name)
            } else if let rest = Self.after(message, "Expecting element "), let comma = rest.range(of: ", got ") {
                let got = String(rest[comma.upperBound...])
                list.add(.undefinedElement, line: line, "<\(got)> is not allowed here; expected <\(rest[..<comma.lowerBound])>")
                record(line: line, name: got)
            } else if let name = Self.between(message, "Did not expect element ", " there") {
                let parent = element(at: line, named: name)?.parent
                list.add(.undefinedElement, line: line, "<\(name)> is not allowed in \(parent.map { "<\($0.qualifiedName)>" } ?? "this element")")
                record(line: line, name: name)
            } else if let name = Self.between(message, "Did not expect text in element ", " content") {
                list.add(.schemaViolation, line: line, "<\(name)> must not contain text here")
                record(line: line, name: name)
            } else if let rest = Self.after(message, "Invalid attribute "), let forIndex = rest.range(of: " for element ") {
                let attribute = rest[..<forIndex.lowerBound]
                let owner = rest[forIndex.upperBound...]
                list.add(.unexpectedAttribute, line: line,
                         "attribute \(attribute) on <\(owner)> is not allowed or has a value \(grammarName) does not accept")
                record(line: line, name: String(owner))
            } else if let name = Self.between(message, "Element ", " failed to validate attributes") {
                list.add(.schemaViolation, line: line, "<\(name)> lacks a required attribute or has an invalid attribute value")
                record(line: line, name: name)
            } else if message.contains("datatype") || message.contains("doesn't allow value") {
                list.add(.invalidValue, line: line, message)
                record(line: line, name: element(at: line, named: nil)?.name)
            } else if let name = Self.between(message, "Extra element ", " in interleave") {
                pendingExtra = name
            } else if message == "Invalid sequence in interleave" {
                guard let node = element(at: line, named: nil), !isCascade(line: line, node: node) else { continue }
                reportMisplaced(node, into: &list)
            } else if let parentName = Self.between(message, "Element ", " failed to validate content") {
                defer { pendingExtra = nil }
                guard let childName = pendingExtra, let node = element(at: line, named: childName),
                      !isCascade(line: line, node: node) else { continue }
                let copies = node.parent?.elementChildren.filter { $0.name == node.name && $0.namespaceURI == node.namespaceURI }
                if (copies?.count ?? 0) > 1 {
                    reportMisplaced(node, into: &list)
                } else if node.attributes.isEmpty && node.elementChildren.isEmpty {
                    // Plain text with nothing else to blame: the value is what the grammar's datatype refused.
                    list.add(.invalidValue, line: line, "<\(node.qualifiedName)> in <\(parentName)> has the value "
                        + "\"\(node.textContent.prefix(60))\", which \(grammarName) does not allow there")
                    record(line: line, name: node.name)
                } else {
                    let problem = node.elementChildren.isEmpty ? "attributes" : "child elements (escape HTML as text)"
                    list.add(.schemaViolation, line: line, "<\(node.qualifiedName)> in <\(parentName)> has \(problem) "
                        + "\(grammarName) does not allow")
                    record(line: line, name: node.name)
                }
            } else if let range = message.range(of: " has extra content: ") {
                let childName = String(message[range.upperBound...])
                guard let node = element(at: line, named: childName), !isCascade(line: line, node: node) else { continue }
                reportMisplaced(node, into: &list)
            } else {
                list.add(.schemaViolation, line: line, message)
            }
        }
        if list.findings.isEmpty, !diagnostics.isEmpty {
            // Only cascade messages: say where the first one points rather than claim the feed is valid.
            let first = diagnostics.first { $0.line > 0 } ?? diagnostics[0]
            list.add(.schemaViolation, line: first.line, "does not match the \(grammarName) grammar: \(first.message)")
        }
        return list
    }

    /// An element the grammar does not accept where it is: a second copy of a single element
    /// (`DuplicateElement`), or one the format does not define there (`UndefinedElement`).
    private mutating func reportMisplaced(_ node: XMLNode, into list: inout FindingList) {
        let parentName = node.parent.map { "<\($0.qualifiedName)>" } ?? "the document"
        let siblings = node.parent?.elementChildren ?? []
        let copies = siblings.filter { $0.name == node.name && $0.namespaceURI == node.namespaceURI }
        if copies.count > 1 {
            list.add(.duplicateElement, line: node.line, "\(parentName) has \(copies.count) <\(node.qualifiedName)> elements; "
                + "\(grammarName) allows one")
        } else {
            list.add(.undefinedElement, line: node.line, "<\(node.qualifiedName)> is not allowed in \(parentName) by \(grammarName)")
        }
        record(line: node.line, name: node.name)
    }

    private mutating func record(line: Int, name: String?) {
        if let name { reported.append((line, name)) }
    }

    /// True when an element already reported lies inside `node` (or is `node`): the message is cascade.
    private func isCascade(line: Int, node: XMLNode) -> Bool {
        // Inside an element already reported (its parent lacked a required child, so libxml2 gives up on
        // the parent's remaining children).
        var ancestor = node.parent
        while let current = ancestor {
            if reported.contains(where: { $0.line == current.line && $0.name == current.name }) { return true }
            ancestor = current.parent
        }
        return reported.contains { entry in
            guard entry.line >= line else { return false }
            if entry.line == line { return true }
            guard let inner = elementsByLine?[entry.line]?.first(where: { $0.name == entry.name }) else { return false }
            var ancestor = inner.parent
            while let current = ancestor {
                if current.line == line && current.name == node.name { return true }
                ancestor = current.parent
            }
            return false
        }
    }

    /// The element starting on a line (with that name, when given). Builds a line index on first use; only
    /// documents that failed the grammar pay for it.
    private mutating func element(at line: Int, named name: String?) -> XMLNode? {
        if elementsByLine == nil {
            var index: [Int: [XMLNode]] = [:]
            var stack: [XMLNode] = document.root.map { [$0] } ?? []
            while let node = stack.popLast() {
                index[node.line, default: []].append(node)
                stack.append(contentsOf: node.elementChildren.reversed())
            }
            elementsByLine = index
        }
        let candidates = elementsByLine?[line] ?? []
        if let name { return candidates.first { $0.name == name || $0.qualifiedName == name } }
        return candidates.first
    }

    private static func after(_ text: String, _ prefix: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }

    private static func between(_ text: String, _ prefix: String, _ suffix: String) -> String? {
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count >= prefix.count + suffix.count else { return nil }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
