/// Appends values to a byte buffer in the compact form of the files Crier keeps between builds (the build
/// cache's manifest and pack, the last-build record, the publish memory): integers as LEB128 varints (zigzag for
/// signed ones), strings as a length and their UTF-8 bytes, optionals as a flag and the value. Modules add
/// writers for their own types in extensions (Ingest: timestamps and issues).
///
/// A hand-written form rather than `Codable`: Foundation's JSON coders took longer to write and read back
/// 10,000 articles than parsing the Markdown they came from, which would defeat the cache.
public struct CacheWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty writer, reserving `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes an unsigned integer.
    public mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Writes a signed integer (zigzag, so small negative numbers stay short).
    public mutating func write(_ value: Int64) {
        write(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes an `Int`.
    public mutating func write(_ value: Int) {
        write(Int64(value))
    }

    /// Writes a flag.
    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Writes a string's UTF-8 bytes exactly (no normalisation), so what is read back is byte-identical.
    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes an optional string.
    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Writes raw bytes with their length.
    public mutating func write(bytes value: [UInt8]) {
        write(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Writes a fixed eight-byte little-endian word (checksums, which are patched in after the fact).
    public mutating func writeWord(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Appends bytes as they are, without a length.
    public mutating func append(raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }
}

/// Reads what a `CacheWriter` wrote. Every read checks its bounds and returns nil past the end or on a value
/// that cannot be (an over-long varint, a length beyond the buffer, a flag other than 0 or 1), so a damaged
/// cache is found out instead of crashing or being trusted.
public struct CacheReader {
    private let bytes: UnsafeRawBufferPointer
    /// The read position.
    public private(set) var offset: Int

    /// Reads `bytes` from `offset`; the buffer must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// True when every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// How many bytes are left: a count read from the bytes can be checked against it before anything is
    /// reserved for that many values.
    public var remaining: Int { bytes.count - offset }

    /// Reads an unsigned integer.
    public mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// Reads a signed integer.
    public mutating func signed() -> Int64? {
        guard let raw = unsigned() else { return nil }
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads an `Int`.
    public mutating func int() -> Int? {
        signed().flatMap { Int(exactly: $0) }
    }

    /// Reads a flag.
    public mutating func bool() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// Reads a length that fits in what is left.
    private mutating func length() -> Int? {
        guard let raw = unsigned(), raw <= UInt64(bytes.count - offset) else { return nil }
        return Int(raw)
    }

    /// Reads a string; nil when its bytes are not valid UTF-8 (a string written here always is).
    public mutating func string() -> String? {
        guard let count = length() else { return nil }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        offset += count
        return String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// Reads an optional string: `.some(nil)` for an absent one, nil when damaged.
    public mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        if !present { return .some(nil) }
        guard let value = string() else { return nil }
        return .some(value)
    }

    /// Reads raw bytes written with their length.
    public mutating func byteArray() -> [UInt8]? {
        guard let count = length() else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Reads `count` bytes written without a length (`CacheWriter.append(raw:)`).
    public mutating func raw(count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Reads a fixed eight-byte little-endian word.
    public mutating func word() -> UInt64? {
        guard bytes.count - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }
}
