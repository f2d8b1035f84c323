import Platform

/// Writes published files so that a reader never sees half of one: temp files, fsync, rename.
///
/// Publishing a feed must never leave a half-written file where a reader or web server can see it, so each
/// document is written to a hidden temp file in the target's own folder (rename is atomic only within one file
/// system), synced, and renamed over the target; then the folder itself is synced so the rename survives a
/// crash (rename(2) and fsync(2) on Linux ext4/xfs). The system calls themselves are `Platform`'s.
enum AtomicFile {
    /// Permissions of published feeds: a web server must read them; mkstemp would make them 0600.
    static let publishedMode: UInt32 = 0o644

    /// A temp file; removed by `discard()` unless it was renamed into place.
    ///
    /// Its descriptor is open only while it is written (`write` opens it again when needed, `close()` ends a
    /// spell of writing), so a publish of thousands of documents (a site with section and tag feeds and their
    /// archive pages) never holds thousands of descriptors at once.
    final class Temporary {
        let path: String
        private var file: FileDescriptor?
        /// True once renamed over its target or discarded: the path is then no longer ours.
        private var isGone = false
        /// Bytes written or copied since the disk was last asked to start writing them (`startWriteback`).
        private var unsynced = 0

        /// How many bytes are written before the disk is asked to start writing them: a large document is then
        /// mostly on the disk when the commit syncs it, instead of all of it waiting for that `fsync`.
        static let writebackStep = 8 << 20

        init(_ file: FileDescriptor) {
            self.path = file.path
            self.file = file
        }

        deinit {
            try? file?.close()
        }

        /// Writes all bytes at the end of the file, retrying short writes and interrupted calls.
        func write(_ bytes: [UInt8]) throws(PublishError) {
            let file = try opened(for: "write")
            let failure = bytes.withUnsafeBytes { buffer -> SystemError? in
                do throws(SystemError) {
                    try file.write(buffer)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw PublishError(failure) }
            wrote(bytes.count, to: file)
        }

        /// Counts bytes added to the file, and asks the disk to start on them every `writebackStep` bytes.
        private func wrote(_ count: Int, to file: FileDescriptor) {
            unsynced += count
            if unsynced >= Self.writebackStep {
                file.startWriteback()
                unsynced = 0
            }
        }

        /// Appends `count` bytes of `source` from its byte `offset`, copied by the kernel (`FileDescriptor.copy`).
        func copy(from source: FileDescriptor, offset: Int, count: Int) throws(PublishError) {
            let file = try opened(for: "copy")
            do throws(SystemError) { try file.copy(from: source, offset: offset, count: count) } catch { throw PublishError(error) }
            wrote(count, to: file)
        }

        /// The open descriptor, opened again at the file's end after a `close()`. Not in append mode: the kernel
        /// copies into it at its position (`copy`), which it refuses for a file opened to append.
        private func opened(for operation: String) throws(PublishError) -> FileDescriptor {
            guard !isGone else { throw PublishError(.fileSystem(path: path, operation: operation, message: "file already gone")) }
            if let file { return file }
            do throws(SystemError) {
                let file = try FileDescriptor.open(writingAtEndOf: path)
                self.file = file
                return file
            } catch {
                throw PublishError(error)
            }
        }

        /// Closes the descriptor, keeping the file; a later `write` appends to it.
        func close() throws(PublishError) {
            guard let file else { return }
            self.file = nil
            do throws(SystemError) { try file.close() } catch { throw PublishError(error) }
        }

        /// Flushes the file's data to disk and closes it (opening it again to do so when it was closed).
        func syncAndClose() throws(PublishError) {
            do throws(SystemError) {
                let file: FileDescriptor
                if let open = self.file { file = open } else { file = try FileDescriptor.open(readingAt: path) }
                self.file = nil
                try AtomicFile.syncAndClose(file)
            } catch {
                throw PublishError(error)
            }
        }

        /// Renames the temp file over `target` (atomic on one file system); afterwards `discard()` does nothing.
        func moveIntoPlace(at target: String) throws(PublishError) {
            try AtomicFile.rename(path, to: target)
            isGone = true
        }

        /// Closes and deletes the temp file; used on every error path and for unchanged documents. Does
        /// nothing once the file was renamed into place or discarded.
        func discard() {
            try? file?.close()
            file = nil
            guard !isGone else { return }
            isGone = true
            try? FileSystem.removeFile(path)
        }
    }

    /// Flushes a closed file's data to disk (`Temporary.syncAndClose`, by path, for files synced side by side).
    static func sync(_ path: String) throws(PublishError) {
        do throws(SystemError) {
            try syncAndClose(FileDescriptor.open(readingAt: path))
        } catch {
            throw PublishError(error)
        }
    }

    /// Flushes an open file's data to disk and closes it, closing it too when the flush fails.
    private static func syncAndClose(_ file: FileDescriptor) throws(SystemError) {
        do throws(SystemError) {
            try file.sync()
        } catch {
            try? file.close()
            throw error
        }
        try file.close()
    }

    /// Creates a temp file next to `target`, named by `TemporaryName` (hidden, so servers and globbing skip it).
    static func temporary(for target: String) throws(PublishError) -> Temporary {
        let (directory, name) = split(target)
        do throws(SystemError) {
            return Temporary(
                try FileDescriptor.makeUnique(
                    template: directory + "/" + TemporaryName.template(for: name),
                    mode: publishedMode))
        } catch {
            // Named by the target: the random name of a file that could not be made means nothing to a user.
            throw PublishError(
                .fileSystem(
                    path: error.operation == "chmod" ? error.path : target,
                    operation: error.operation, message: error.message))
        }
    }

    /// Reads a whole file; nil when it does not exist.
    static func contents(of path: String) throws(PublishError) -> [UInt8]? {
        do throws(SystemError) {
            let file: FileDescriptor
            do throws(SystemError) {
                file = try FileDescriptor.open(readingAt: path)
            } catch  where error.isNotFound {
                return nil
            }
            defer { try? file.close() }
            return try file.readToEnd()
        } catch {
            throw PublishError(error)
        }
    }

    /// Renames a temp file over its target (atomic on one file system).
    static func rename(_ source: String, to target: String) throws(PublishError) {
        do throws(SystemError) { try FileSystem.rename(source, to: target) } catch { throw PublishError(error) }
    }

    /// Deletes a file.
    static func remove(_ path: String) throws(PublishError) {
        do throws(SystemError) { try FileSystem.removeFile(path) } catch { throw PublishError(error) }
    }

    /// Syncs a directory so renames and deletions in it are durable.
    static func syncDirectory(_ path: String) throws(PublishError) {
        do throws(SystemError) { try FileSystem.syncDirectory(path) } catch { throw PublishError(error) }
    }

    /// Creates a directory and its parents when missing.
    static func createDirectory(_ path: String) throws(PublishError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            do throws(SystemError) { try FileSystem.makeDirectory(prefix) } catch { throw PublishError(error) }
        }
    }

    /// The names of the entries of a directory, sorted (readdir order is not deterministic).
    static func names(in directory: String) throws(PublishError) -> [String] {
        do throws(SystemError) { return try FileSystem.names(inDirectory: directory).sorted() } catch { throw PublishError(error) }
    }

    /// Splits a path into its directory (`.` when none) and last component.
    ///
    /// At the last `/` byte, as the kernel reads a path: `String.lastIndex(of:)` walks back character by character
    /// (grapheme breaking), which took 15% of a `crier watch` update's staging for 2,400 pages.
    static func split(_ path: String) -> (directory: String, name: String) {
        let utf8 = path.utf8
        // A native string's bytes are searched in place; the index is then found from the offset in constant time.
        let offset = utf8.withContiguousStorageIfAvailable { $0.lastIndex(of: UInt8(ascii: "/")) }
        let found = offset.map { $0.map { utf8.index(utf8.startIndex, offsetBy: $0) } } ?? utf8.lastIndex(of: UInt8(ascii: "/"))
        guard let slash = found else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[utf8.index(after: slash)...]))
    }
}

extension PublishError {
    /// A failed system call while publishing, with its path and the C library's message.
    init(_ error: SystemError) {
        self.init(.fileSystem(path: error.path, operation: error.operation, message: error.message))
    }
}
