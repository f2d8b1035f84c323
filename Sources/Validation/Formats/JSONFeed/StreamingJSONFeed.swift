import FeedModel
import Foundation

/// The streaming path for JSON Feed files: the feed's own members are parsed as one small object (its
/// `items` emptied), then each item is parsed and checked on its own, so the whole file is never parsed at
/// once (JSONSerialization's objects for a 38 MB feed take several times its size).
///
/// The file is scanned twice in 64 KB chunks: once for the head, once for the items, because the feed's
/// members are checked before its items whatever order they are written in. Anything the scanner does not
/// expect (a byte-order mark, an escaped top-level key, `items` twice, a stray byte, an item that does not
/// parse) gives nil, and the caller validates the file in memory for the exact messages.
enum StreamingJSONFeed {
    static func report(path: String, session: ValidationSession?) -> ValidationReport? {
        guard let head = JSONFeedScanner.scan(path: path, onItem: nil),
            case .success(let feed) = FormatDetection.jsonFeed(head.head)
        else { return nil }
        var rules = JSONFeedRules(session: session)
        rules.checkHead(feed)
        guard let items = rules.itemsArray(of: feed) else {
            var list = rules.findings
            return ValidationReport(format: .json, findings: list.finish())
        }
        guard head.hasItemsArray, items.isEmpty else { return nil }
        var index = 0
        var parsedAll = true
        let scanned = JSONFeedScanner.scan(path: path) { bytes in
            guard let item = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
                parsedAll = false
                return false
            }
            rules.checkItem(at: index, item)
            index += 1
            return true
        }
        guard scanned != nil, parsedAll else { return nil }
        var list = rules.findings
        return ValidationReport(format: .json, findings: list.finish())
    }
}

/// Splits a JSON object's top level into its members, with the elements of its `items` array handed over
/// one at a time; tracks only strings and nesting, not full JSON syntax (each piece is parsed afterwards).
struct JSONFeedScanner {
    /// The object with the `items` array's elements left out (`"items":[]`).
    var head: [UInt8] = []
    /// True when an `items` member held an array.
    var hasItemsArray = false

    private var depth = 0
    private var inString = false
    private var escaped = false
    private var started = false
    private var finished = false
    private var failed = false
    private var expectingKey = false
    private var collectingKey = false
    private var key: [UInt8] = []
    private var itemsKeys = 0
    private var awaitingItemsValue = false
    private var inItems = false
    private var item: [UInt8] = []
    private var itemHasContent = false
    private var afterComma = false
    private let onItem: (([UInt8]) -> Bool)?

    private init(onItem: (([UInt8]) -> Bool)?) {
        self.onItem = onItem
    }

    /// Scans a file; `onItem` (when given) receives each element of `items` and may stop the scan with false.
    /// - Returns: the head, or nil when the file is not what this scanner handles.
    static func scan(path: String, onItem: (([UInt8]) -> Bool)?) -> JSONFeedScanner? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var scanner = JSONFeedScanner(onItem: onItem)
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 16) } catch { return nil }
            guard let chunk, !chunk.isEmpty else { break }
            chunk.withUnsafeBytes { raw in
                for byte in raw where !scanner.failed {
                    scanner.consume(byte)
                }
            }
            if scanner.failed { return nil }
        }
        guard scanner.finished, !scanner.failed else { return nil }
        return scanner
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private mutating func consume(_ byte: UInt8) {
        if finished {
            if !Self.isSpace(byte) { failed = true }
            return
        }
        if !started {
            if Self.isSpace(byte) { return }
            guard byte == UInt8(ascii: "{") else {
                failed = true
                return
            }
            started = true
            depth = 1
            expectingKey = true
            head.append(byte)
            return
        }
        if inItems {
            consumeInItems(byte)
            return
        }
        head.append(byte)
        if inString {
            if escaped {
                escaped = false
            } else if byte == Self.backslash {
                // An escaped top-level key could spell "items" differently; leave that to the full parser.
                if collectingKey { failed = true }
                escaped = true
            } else if byte == Self.quote {
                inString = false
                collectingKey = false
            } else if collectingKey {
                key.append(byte)
            }
            return
        }
        if awaitingItemsValue && !Self.isSpace(byte) {
            awaitingItemsValue = false
            if byte == UInt8(ascii: "[") {
                inItems = true
                hasItemsArray = true
                depth += 1
                afterComma = false
                return
            }
        }
        switch byte {
        case Self.quote:
            inString = true
            if depth == 1 && expectingKey {
                expectingKey = false
                collectingKey = true
                key = []
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth == 0 { finished = true }
        case UInt8(ascii: ","):
            if depth == 1 { expectingKey = true }
        case UInt8(ascii: ":"):
            if depth == 1 && key == Array("items".utf8) {
                itemsKeys += 1
                // Two "items" members: which one a parser keeps is its own business; don't guess.
                if itemsKeys > 1 { failed = true }
                awaitingItemsValue = true
            }
        default:
            break
        }
    }

    /// Inside the `items` array (depth 2 is the array itself): elements go to `item`, separators are dropped.
    private mutating func consumeInItems(_ byte: UInt8) {
        if inString {
            item.append(byte)
            if escaped {
                escaped = false
            } else if byte == Self.backslash {
                escaped = true
            } else if byte == Self.quote {
                inString = false
            }
            return
        }
        if depth == 2 {
            if Self.isSpace(byte) { return }
            if byte == UInt8(ascii: ",") {
                guard itemHasContent else {
                    failed = true
                    return
                }
                flushItem()
                afterComma = true
                return
            }
            if byte == UInt8(ascii: "]") {
                if itemHasContent {
                    flushItem()
                } else if afterComma {
                    failed = true
                    return
                }
                depth = 1
                inItems = false
                head.append(byte)
                return
            }
        }
        itemHasContent = true
        item.append(byte)
        switch byte {
        case Self.quote: inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
        default: break
        }
    }

    private mutating func flushItem() {
        if let onItem, !onItem(item) { failed = true }
        item.removeAll(keepingCapacity: true)
        itemHasContent = false
    }
}
