import FeedModel
import Foundation
import XML

extension FeedValidator {
    /// Validates the document in a file without holding it in memory whole, when it is a well-formed RSS 2.0
    /// or Atom 1.0 feed that matches its grammar (every feed Crier writes).
    ///
    /// Such a file is read twice through libxml2's streaming reader: once to assemble its head (everything
    /// but the items or entries), once to check each item or entry subtree with the same rules as
    /// `validate(bytes:)` and to confirm the grammar on the head plus a slice of entries at a time. Memory is
    /// then bounded by one slice, not by the file. A JSON Feed is parsed one item at a time
    /// (`StreamingJSONFeed`). Anything else (malformed XML or JSON, an unknown format, a grammar error) is read whole and validated by `validate(bytes:session:)`, so its messages,
    /// rules and lines are exactly those of the in-memory path; the report is the same either way.
    /// - Parameters:
    ///   - path: the file to check.
    ///   - session: markup findings of HTML bodies already checked in this publish.
    /// - Returns: the report; an unreadable file gives one `NotWellFormed` error naming it.
    public static func validate(fileAtPath path: String, session: ValidationSession? = nil) -> ValidationReport {
        if let prefix = StreamingValidation.prefix(ofFileAt: path) {
            let streamed = FormatDetection.looksLikeJSON(prefix)
                ? StreamingJSONFeed.report(path: path, session: session)
                : StreamingValidation.report(path: path, session: session)
            if let streamed { return streamed }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var list = FindingList()
            list.add(.notWellFormed, "cannot read \(path)")
            return ValidationReport(format: nil, findings: list.finish())
        }
        return validate(bytes: Array(data), session: session)
    }
}

/// The streaming path of `FeedValidator.validate(fileAtPath:session:)`.
enum StreamingValidation {
    /// Entries validated against the grammar at a time, with the feed's head. libxml2's RELAX NG validator
    /// is quadratic in the entries of one document (see `RelaxNGSchema.isValid(_:repeating:namespaceURI:in:)`),
    /// and a slice's copies are the memory this path holds.
    static let sliceSize = 500

    /// Where the repeated element lives and what it is called, per format.
    private struct Layout {
        var format: FeedFormat
        /// The depth of the element holding the entries: Atom's `feed` (0) or RSS's `channel` (1).
        var parentDepth: Int
        var entryName: String
        var entryNamespace: String?

        init?(root: XMLNode) {
            guard case .success(let format) = FormatDetection.format(of: root) else { return nil }
            self.format = format
            switch format {
            case .atom: (parentDepth, entryName, entryNamespace) = (0, "entry", AtomRules.namespace)
            case .rss: (parentDepth, entryName, entryNamespace) = (1, "item", nil)
            case .json: return nil
            }
        }

        func isEntry(_ reader: XMLStreamReader) -> Bool {
            reader.kind == .startElement && reader.localName == entryName && reader.namespaceURI == entryNamespace
        }

        /// Whether the reader stands on the start of the element holding the entries. For RSS that is the
        /// first `channel` child of `rss`, as `RSSRules.check` picks it.
        func isParentStart(_ reader: XMLStreamReader) -> Bool {
            reader.kind == .startElement && reader.depth == parentDepth && (format == .atom || reader.localName == "channel")
        }
    }

    /// The first bytes of a file, enough to tell JSON from XML; nil when it cannot be read.
    static func prefix(ofFileAt path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do {
            return Array(try handle.read(upToCount: 4096) ?? Data())
        } catch {
            return nil
        }
    }

    /// The report for a file, or nil when the file must be validated in memory for exact messages.
    static func report(path: String, session: ValidationSession?) -> ValidationReport? {
        guard let (layout, head, parent) = assembleHead(path: path) else { return nil }
        let grammar: RelaxNGSchema
        switch layout.format == .atom ? Schemas.atom : Schemas.rss {
        case .success(let compiled): grammar = compiled
        case .failure: return nil
        }
        guard let findings = checkEntries(path: path, layout: layout, head: head, parent: parent,
                                          grammar: grammar, session: session) else { return nil }
        var list = findings
        return ValidationReport(format: layout.format, findings: FeedValidator.sortedByLine(list.finish()))
    }

    /// First pass: a document with copies of the root, the parent and every child of both except the entries.
    private static func assembleHead(path: String) -> (Layout, XMLDocument, XMLNode)? {
        guard let reader = try? XMLStreamReader(path: path), let head = XMLDocument.empty() else { return nil }
        var layout: Layout?
        var root: XMLNode?
        var parent: XMLNode?
        var inParent = false
        var more = reader.read()
        while more {
            if reader.depth == 0 && reader.kind == .startElement {
                guard root == nil, let node = reader.currentNode, let found = Layout(root: node) else { return nil }
                layout = found
                root = head.appendCopy(of: node, to: nil, deep: false)
            }
            guard let layout else {
                // Before the root: a DTD could declare entities the copies would lose; leave it to the DOM path.
                if reader.kind == .documentType { return nil }
                more = reader.read()
                continue
            }
            if parent == nil && layout.isParentStart(reader) {
                guard reader.namespaceURI == nil || layout.format == .atom, let node = reader.currentNode else { return nil }
                parent = layout.format == .atom ? root : head.appendCopy(of: node, to: root, deep: false)
                inParent = !reader.isEmptyElement
                more = reader.read()
            } else if inParent && reader.depth == layout.parentDepth && reader.kind == .endElement {
                inParent = false
                more = reader.read()
            } else if reader.depth == 0 {
                more = reader.read()
            } else if inParent && reader.depth == layout.parentDepth + 1 && layout.isEntry(reader) {
                more = reader.skip()
            } else {
                guard let node = reader.expand(), let target = inParent ? parent : root,
                      head.appendCopy(of: node, to: target, deep: true) != nil else { return nil }
                more = reader.skip()
            }
        }
        guard !reader.hasErrors, let layout, let parent else { return nil }
        return (layout, head, parent)
    }

    /// Second pass: every child of the parent through the format's rules in document order; each entry also
    /// copied into `head` and the grammar checked a slice at a time. Nil when the grammar rejects a slice.
    private static func checkEntries(path: String, layout: Layout, head: XMLDocument, parent: XMLNode,
                                     grammar: RelaxNGSchema, session: ValidationSession?) -> FindingList? {
        guard let reader = try? XMLStreamReader(path: path) else { return nil }
        // One of the two, mutated in place (an enum payload would be copied on every child).
        var rssRules: RSSRules?
        var atomRules: AtomRules?
        var channelLine = 0
        var started = false
        var inParent = false
        var slice: [XMLNode] = []
        var slicesChecked = 0
        func sliceIsValid() -> Bool {
            defer {
                for copy in slice { copy.remove() }
                slice.removeAll(keepingCapacity: true)
            }
            slicesChecked += 1
            return grammar.validate(head).isEmpty
        }
        var more = reader.read()
        while more {
            if !started && layout.isParentStart(reader) {
                guard let node = reader.currentNode else { return nil }
                started = true
                if layout.format == .atom {
                    atomRules = AtomRules(feed: node, session: session)
                } else {
                    rssRules = RSSRules(session: session)
                    channelLine = node.line
                }
                inParent = !reader.isEmptyElement
                more = reader.read()
            } else if inParent && reader.depth == layout.parentDepth + 1 {
                if reader.kind == .startElement {
                    guard let node = reader.expand() else { return nil }
                    rssRules?.checkChannelChild(node)
                    atomRules?.checkFeedChild(node)
                    if layout.isEntry(reader) {
                        guard let copy = head.appendCopy(of: node, to: parent, deep: true) else { return nil }
                        slice.append(copy)
                        if slice.count >= sliceSize && !sliceIsValid() { return nil }
                    }
                }
                more = reader.skip()
            } else {
                if inParent && reader.depth == layout.parentDepth && reader.kind == .endElement { inParent = false }
                more = reader.read()
            }
        }
        guard !reader.hasErrors, started else { return nil }
        if (!slice.isEmpty || slicesChecked == 0) && !sliceIsValid() { return nil }
        return rssRules?.finish(channelLine: channelLine) ?? atomRules?.finish()
    }
}
