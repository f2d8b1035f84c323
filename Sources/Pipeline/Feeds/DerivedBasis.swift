import FeedModel
import Foundation

/// What the derived feeds of a publish are made from, entry by entry: the article's path (its section) and the
/// fields a taxonomy groups by (tags, author names, language). Nothing else of an entry reaches `SiteFeeds`, so
/// two publishes whose bases are equal byte for byte, position by position, derive exactly the same feeds.
///
/// `crier watch` derives the feeds after every save, and a save nearly always edits a body: the basis is then
/// unchanged and the last feeds are handed back as they were (the same values, so the publisher recognises their
/// descriptions by identity too) instead of grouping 10,000 paths and 20,000 tags again. A position whose values
/// are the very ones remembered (the same storage: the entry table keeps them in memory) is confirmed by one
/// comparison of their bits, without a reference count touched; any other position (the article just read
/// again) is compared byte for byte, never by `String`'s `==`, which would take an NFD spelling for its NFC twin.
struct DerivedBasis {
    /// One entry's part of the basis.
    struct Item {
        var path: String
        var tags: [String]
        var authors: [Person]
        var language: String?

        init(_ entry: Entry, path: String) {
            self.path = path
            tags = entry.tags
            authors = entry.authors
            language = entry.language
        }

        /// True when `entry` read from `path` groups exactly as this item: every byte of the path, the tags,
        /// the author names and the language is the same.
        func groups(like entry: Entry, path: String) -> Bool {
            Self.same(self.path, path) && tags.count == entry.tags.count && zip(tags, entry.tags).allSatisfy(Self.same)
                && authors.count == entry.authors.count && zip(authors, entry.authors).allSatisfy { Self.same($0.name, $1.name) }
                && (language == nil) == (entry.language == nil) && Self.same(language ?? "", entry.language ?? "")
        }

        /// Byte equality of two strings' UTF-8.
        static func same(_ left: String, _ right: String) -> Bool {
            var left = left
            var right = right
            return left.withUTF8 { leftBytes in
                right.withUTF8 { rightBytes in
                    leftBytes.count == rightBytes.count
                        && (leftBytes.count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0)
                }
            }
        }
    }

    private(set) var items: [Item] = []

    /// Brings the basis up to `entries` read from `paths` (same positions).
    /// - Returns: true when it already grouped exactly like them, so the feeds derived from it still hold.
    mutating func update(_ entries: [Entry], paths: [String]) -> Bool {
        // Entries without a path (never given by `Site`) are grouped by their terms alone: not worth remembering.
        guard entries.count == paths.count else {
            items = []
            return false
        }
        let count = entries.count
        guard count == items.count else {
            items = (0..<count).map { Item(entries[$0], path: paths[$0]) }
            return false
        }
        var unchanged = true
        var refreshed: [(Int, Item)] = []
        entries.withUnsafeBufferPointer { entries in
            paths.withUnsafeBufferPointer { paths in
                items.withUnsafeBufferPointer { items in
                    for position in 0..<count where !Self.sameStorage(items, entries, paths, at: position) {
                        if items[position].groups(like: entries[position], path: paths[position]) {
                            // Equal bytes in other storage: remember these, so the next save finds them by their bits.
                            refreshed.append((position, Item(entries[position], path: paths[position])))
                        } else {
                            unchanged = false
                            break
                        }
                    }
                }
            }
        }
        if unchanged {
            for (position, item) in refreshed { items[position] = item }
        } else {
            items = (0..<count).map { Item(entries[$0], path: paths[$0]) }
        }
        return unchanged
    }

    /// True when the item at `position` holds the very values (the same bits: the same string and array storage,
    /// alive in both) as the entry and path there.
    private static func sameStorage(
        _ items: UnsafeBufferPointer<Item>, _ entries: UnsafeBufferPointer<Entry>, _ paths: UnsafeBufferPointer<String>, at position: Int
    ) -> Bool {
        let item = UnsafeRawPointer(items.baseAddress! + position)
        let entry = UnsafeRawPointer(entries.baseAddress! + position)
        return bitsEqual(item + itemPath, UnsafeRawPointer(paths.baseAddress! + position), MemoryLayout<String>.size)
            && bitsEqual(item + itemTags, entry + entryTags, MemoryLayout<[String]>.size)
            && bitsEqual(item + itemAuthors, entry + entryAuthors, MemoryLayout<[Person]>.size)
            && bitsEqual(item + itemLanguage, entry + entryLanguage, MemoryLayout<String?>.size)
    }

    private static func bitsEqual(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, _ count: Int) -> Bool {
        memcmp(left, right, count) == 0
    }

    // Where each field lies in its value (all stored properties, so every offset exists).
    private static let itemPath = MemoryLayout<Item>.offset(of: \.path)!
    private static let itemTags = MemoryLayout<Item>.offset(of: \.tags)!
    private static let itemAuthors = MemoryLayout<Item>.offset(of: \.authors)!
    private static let itemLanguage = MemoryLayout<Item>.offset(of: \.language)!
    private static let entryTags = MemoryLayout<Entry>.offset(of: \.tags)!
    private static let entryAuthors = MemoryLayout<Entry>.offset(of: \.authors)!
    private static let entryLanguage = MemoryLayout<Entry>.offset(of: \.language)!
}
