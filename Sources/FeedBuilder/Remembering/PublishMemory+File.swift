public import Foundation
import Platform

extension PublishMemory {
    /// The file's name in the build cache's folder.
    static let fileName = "published"
    private static let magic = Array("CRIERPM2".utf8)

    /// The memory saved in `folder` under `key` for documents in `outputDirectory`; an empty one when there is
    /// none, or it was made under another key or for another folder, or it is damaged (truncated, edited).
    public static func load(from folder: URL, key: String, outputDirectory: URL) -> PublishMemory {
        let output = outputDirectory.standardizedFileURL.path
        let path = folder.appendingPathComponent(fileName).path
        guard let file = try? FileDescriptor.open(readingAt: path) else { return PublishMemory(outputDirectory: output, documents: [:]) }
        defer { try? file.close() }
        let bytes = (try? file.readToEnd(expected: 1 << 20)) ?? []
        let documents = decode(bytes, key: key, outputDirectory: output) ?? [:]
        return PublishMemory(outputDirectory: output, documents: documents)
    }

    /// Writes the memory to `folder` under `key`, through a temp file and a rename, so a process killed midway
    /// leaves the previous file (or none) whole.
    /// - Throws: a `SystemError` when the file cannot be written (a full disk, a read-only folder).
    public func save(in folder: URL, key: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bytes = encoded(key: key)
        let target = folder.appendingPathComponent(Self.fileName).path
        let file = try FileDescriptor.makeUnique(template: target + ".tmp-XXXXXX", mode: 0o644)
        let failure = Self.write(bytes, to: file)
        if let failure {
            try? FileSystem.removeFile(file.path)
            throw failure
        }
        try FileSystem.rename(file.path, to: target)
    }

    /// Writes and closes; the first failure, if any.
    private static func write(_ bytes: [UInt8], to file: FileDescriptor) -> SystemError? {
        var failure: SystemError?
        bytes.withUnsafeBytes { buffer in
            do throws(SystemError) {
                try file.write(buffer)
            } catch {
                failure = error
            }
        }
        do throws(SystemError) {
            try file.close()
        } catch {
            failure = failure ?? error
        }
        return failure
    }

    /// The file's bytes: the magic, the key, the output folder, every document, and a checksum of all of it.
    func encoded(key: String) -> [UInt8] {
        let documents = allDocuments
        var writer = MemoryWriter()
        writer.bytes.reserveCapacity(64 + documents.values.reduce(0) { $0 + 128 + $1.fragments.count * 40 })
        writer.bytes += Self.magic
        writer.write(key)
        writer.write(outputDirectory)
        writer.write(documents.count)
        for name in documents.keys.sorted() {
            guard let document = documents[name] else { continue }
            writer.write(name)
            let stamp = document.stamp
            for value in [stamp.device, stamp.inode] { writer.write(value) }
            for value in [stamp.size, stamp.modifiedSeconds, stamp.modifiedNanoseconds, stamp.changedSeconds, stamp.changedNanoseconds] {
                writer.write(UInt64(bitPattern: value))
            }
            writer.write(document.contents.frame)
            writer.write(document.contents.separator)
            writer.write(document.variant)
            writer.write(document.passedUnder != nil ? 1 : 0)
            if let passed = document.passedUnder { writer.write(passed) }
            writer.write(document.fragments.count)
            for location in document.fragments {
                writer.write(location.key)
                writer.write(location.offset)
                writer.write(location.length)
                writer.write(location.checksum)
            }
        }
        writer.write(FastChecksum.of(writer.bytes))
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], key: String, outputDirectory: String) -> [String: Document]? {
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
        return bytes.withUnsafeBytes { buffer -> [String: Document]? in
            let body = UnsafeRawBufferPointer(rebasing: buffer[0..<buffer.count - 8])
            guard buffer.loadUnaligned(fromByteOffset: buffer.count - 8, as: UInt64.self).littleEndian == FastChecksum.of(body) else {
                return nil
            }
            var reader = MemoryReader(buffer: body, offset: magic.count)
            guard reader.string() == key, reader.string() == outputDirectory, let count = reader.count() else { return nil }
            var documents: [String: Document] = [:]
            for _ in 0..<count {
                guard let name = reader.string(), let device = reader.word(), let inode = reader.word() else { return nil }
                var times: [Int64] = []
                for _ in 0..<5 {
                    guard let value = reader.word() else { return nil }
                    times.append(Int64(bitPattern: value))
                }
                let stamp = FileStamp(
                    device: device, inode: inode, size: times[0], modifiedSeconds: times[1], modifiedNanoseconds: times[2],
                    changedSeconds: times[3], changedNanoseconds: times[4])
                guard let frame = reader.key(), let separator = reader.bytes(), let variant = reader.key(), let hasPassed = reader.word(),
                    hasPassed <= 1
                else { return nil }
                var passed: ContentKey?
                if hasPassed == 1 {
                    guard let judgements = reader.key() else { return nil }
                    passed = judgements
                }
                guard let fragmentCount = reader.count(), fragmentCount <= reader.remaining / 40 else { return nil }
                var fragments: [Location] = []
                fragments.reserveCapacity(fragmentCount)
                for _ in 0..<fragmentCount {
                    guard let key = reader.key(), let offset = reader.count(), let length = reader.count(), let checksum = reader.word()
                    else { return nil }
                    fragments.append(Location(key: key, offset: offset, length: length, checksum: checksum))
                }
                documents[name] = Document(
                    fileName: name, stamp: stamp,
                    contents: Contents(frame: frame, separator: separator, variant: variant, passedUnder: passed, fragments: fragments))
            }
            return reader.isAtEnd ? documents : nil
        }
    }
}

/// Little-endian words and length-prefixed strings.
private struct MemoryWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64(value)))
    }

    mutating func write(_ key: ContentKey) {
        write(key.high)
        write(key.low)
    }

    mutating func write(_ text: String) {
        write(Array(text.utf8))
    }

    mutating func write(_ array: [UInt8]) {
        write(array.count)
        bytes += array
    }
}

/// Reads what `MemoryWriter` wrote; nil for anything out of range.
private struct MemoryReader {
    let buffer: UnsafeRawBufferPointer
    var offset: Int

    var isAtEnd: Bool { offset == buffer.count }

    var remaining: Int { buffer.count - offset }

    mutating func word() -> UInt64? {
        guard offset + 8 <= buffer.count else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// A non-negative count or offset no larger than the file could index.
    mutating func count() -> Int? {
        guard let value = word(), value <= UInt64(Int32.max) * 64 else { return nil }
        return Int(value)
    }

    mutating func key() -> ContentKey? {
        guard let high = word(), let low = word() else { return nil }
        return ContentKey(high: high, low: low)
    }

    mutating func string() -> String? {
        bytes().map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func bytes() -> [UInt8]? {
        guard let length = count(), offset + length <= buffer.count else { return nil }
        defer { offset += length }
        return Array(UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length]))
    }
}
