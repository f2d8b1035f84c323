public import Foundation
import Platform

extension PublishMemory {
    /// The file's name in the build cache's folder.
    static let fileName = "published"
    private static let magic = Array("CRIERPM3".utf8)

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

    /// The file's bytes, in `CacheWriter`'s form: the magic, the key, the output folder, every document, and a
    /// checksum of all of it.
    func encoded(key: String) -> [UInt8] {
        let documents = allDocuments
        var writer = CacheWriter(capacity: 64 + documents.values.reduce(0) { $0 + 128 + $1.fragments.count * 32 })
        writer.append(raw: Self.magic)
        writer.write(key)
        writer.write(outputDirectory)
        writer.write(UInt64(documents.count))
        for name in documents.keys.sorted() {
            guard let document = documents[name] else { continue }
            writer.write(name)
            writer.write(document.stamp)
            writer.write(document.contents.frame)
            writer.write(bytes: document.contents.separator)
            writer.write(document.variant)
            writer.write(document.passedUnder != nil)
            if let passed = document.passedUnder { writer.write(passed) }
            writer.write(UInt64(document.fragments.count))
            for location in document.fragments {
                writer.write(location.key)
                writer.write(UInt64(location.offset))
                writer.write(UInt64(location.length))
                writer.writeWord(location.checksum)
            }
        }
        writer.writeWord(FastChecksum.of(writer.bytes))
        return writer.bytes
    }

    /// The fewest bytes a fragment's location takes: its key (two words), an offset and a length (a byte each
    /// at the least), its checksum (a word). A count of fragments more than what is left could hold is damage.
    static let leastFragmentBytes = 16 + 1 + 1 + 8

    static func decode(_ bytes: [UInt8], key: String, outputDirectory: String) -> [String: Document]? {
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
        return bytes.withUnsafeBytes { buffer -> [String: Document]? in
            let body = UnsafeRawBufferPointer(rebasing: buffer[0..<buffer.count - 8])
            guard buffer.loadUnaligned(fromByteOffset: buffer.count - 8, as: UInt64.self).littleEndian == FastChecksum.of(body) else {
                return nil
            }
            var reader = CacheReader(body, offset: magic.count)
            guard reader.string() == key, reader.string() == outputDirectory, let count = reader.count() else { return nil }
            var documents: [String: Document] = [:]
            for _ in 0..<count {
                guard let name = reader.string(), let stamp = reader.stamp(), let frame = reader.contentKey(),
                    let separator = reader.byteArray(), let variant = reader.contentKey(), let hasPassed = reader.bool()
                else { return nil }
                var passed: ContentKey?
                if hasPassed {
                    guard let judgements = reader.contentKey() else { return nil }
                    passed = judgements
                }
                guard let fragmentCount = reader.count(), fragmentCount <= reader.remaining / leastFragmentBytes else { return nil }
                var fragments: [Location] = []
                fragments.reserveCapacity(fragmentCount)
                for _ in 0..<fragmentCount {
                    guard let key = reader.contentKey(), let offset = reader.count(), let length = reader.count(), let checksum = reader.word()
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

extension CacheWriter {
    /// Writes a content key as two fixed words, high first: a hash's bits gain nothing from a varint.
    fileprivate mutating func write(_ key: ContentKey) {
        writeWord(key.high)
        writeWord(key.low)
    }
}

extension CacheReader {
    /// Reads a content key.
    fileprivate mutating func contentKey() -> ContentKey? {
        guard let high = word(), let low = word() else { return nil }
        return ContentKey(high: high, low: low)
    }

    /// Reads a count, an offset or a length no larger than a published file could index.
    fileprivate mutating func count() -> Int? {
        guard let value = unsigned(), value <= UInt64(Int32.max) * 64 else { return nil }
        return Int(value)
    }
}
