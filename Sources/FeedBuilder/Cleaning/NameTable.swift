/// A small set of ASCII names, each with a value, looked up by UTF-8 bytes without making a `String`.
///
/// The cleaner classifies every element and attribute of every body; a `Set<String>` lookup needs a
/// `String` and a SipHash per name. Names of up to 8 bytes are packed into one `UInt64` and found by open
/// addressing in a power-of-two table; longer names are compared byte for byte (there are only a few).
///
/// The slots live in memory allocated once and never freed (the tables are process-wide constants), not in
/// arrays: every lookup of an array held by a `static let` retains and releases it, and with all cores cleaning
/// at once those atomic counts on one shared object made the parallel phase slower than the serial one.
struct NameTable<Value: BitwiseCopyable>: @unchecked Sendable {
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Value?>
    private var longNames: [([UInt8], Value)] = []
    private let mask: Int

    init(_ entries: [(String, Value)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: nil, count: size)
        mask = size - 1
        for (name, value) in entries {
            let bytes = Array(name.utf8)
            guard bytes.count <= 8, !bytes.isEmpty else {
                longNames.append((bytes, value))
                continue
            }
            let key = bytes.withUnsafeBufferPointer(Self.pack)
            var slot = Self.slot(key, mask)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The value for a name, or nil when the name is not in the table.
    func value(_ name: UnsafeBufferPointer<UInt8>) -> Value? {
        let count = name.count
        if count == 0 { return nil }
        if count > 8 {
            for (long, value) in longNames where long.count == count && long.elementsEqual(name) { return value }
            return nil
        }
        let key = Self.pack(name)
        var slot = Self.slot(key, mask)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Up to 8 bytes, little end first; no name packs to 0 because names are non-empty and have no NUL.
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for index in 0..<bytes.count { key |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return key
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
