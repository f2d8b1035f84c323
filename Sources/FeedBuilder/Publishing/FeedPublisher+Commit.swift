import FeedModel
import Parallel
import Platform
import Validation

extension FeedPublisher {
    /// Step 3 of a publish: puts the checked documents in place, or nothing at all.
    ///
    /// Any error finding stops the publish before a single rename. Otherwise each document is compared with
    /// the file already at its target: equal bytes leave that file (and its mtime) as it is; changed ones are
    /// synced and renamed over their targets, archive pages no longer produced are removed, and the folders
    /// touched are synced so the renames survive a crash. With a catalogue, the feeds a previous publish listed
    /// and this one does not produce are removed with their archive pages, and `feeds.opml` and the hidden list
    /// are brought up to date. Only then does the publisher remember what each page was built from.
    /// - Parameters:
    ///   - stage: the staged documents, rendered.
    ///   - findings: each staged document's findings, same order.
    ///   - feed: the publish being committed.
    func commit(
        _ stage: PublishStage, findings: [[Finding]], of feed: PreparedFeed,
        phases: inout [PhaseTiming]
    ) throws(PublishError) -> PublishReport {
        var report = PublishReport(unchanged: stage.skipped)
        var errors: [DocumentFinding] = []
        for (document, documentFindings) in zip(stage.documents, findings) {
            for finding in documentFindings {
                let located = DocumentFinding(fileName: document.page.fileName, finding: finding)
                if finding.severity == .error { errors.append(located) } else { report.warnings.append(located) }
            }
        }
        if !errors.isEmpty {
            throw PublishError(.invalidDocuments(errors))
        }

        let pairs = stage.documents.map { (temporary: $0.temporary.path, target: $0.target) }
        let unchanged = PhaseTiming.measure("compare (all documents)", into: &phases) {
            // Each task reads its own two files; a large feed is compared a chunk at a time.
            Parallel.map(pairs[...]) { pair in AtomicFile.file(pair.target, equalsFile: pair.temporary) }
        }
        var changed: [StagedDocument] = []
        for (document, isUnchanged) in zip(stage.documents, unchanged) {
            if isUnchanged {
                document.temporary.discard()
                report.unchanged.append(document.page.fileName)
            } else {
                changed.append(document)
            }
        }
        let published = feed.feeds.map(\.published)
        // The names alone: `allPages` would copy every page (six strings each) to take one of them.
        var producedPages = Set<String>(minimumCapacity: feed.feeds.reduce(0) { $0 + $1.pages.count })
        for planned in feed.feeds {
            for page in planned.pages { producedPages.insert(page.fileName) }
        }
        let list = writesCatalogue ? FeedCatalogue.list(published) : []
        // The same pages and feeds as this publisher's last publish: nothing to remove, no list to rewrite.
        let sameLayout = history.hasLayout(pages: producedPages, list: list)
        history.remember(layout: nil)
        let previous = writesCatalogue && !sameLayout ? FeedCatalogue.read(from: outputDirectory) ?? [] : []
        var touchedDirectories: Set<String> = []
        if writesCatalogue && !sameLayout {
            // Listed before any rename: a publish killed after renaming a new feed into place still lists it,
            // so a later publish can remove it once it is no longer produced.
            let current = Set(published.flatMap { $0.outputs.map(\.fileName) })
            let listed = published + previous.filter { feed in feed.outputs.contains { !current.contains($0.fileName) } }
            try writeIfChanged(FeedCatalogue.list(listed), named: FeedCatalogue.listName, in: stage.directory, touching: &touchedDirectories)
        }
        // Every changed document is on disk before the first rename, so a failing fsync renames nothing. The files
        // are synced side by side: each `fsync` mostly waits for the disk, and the disk takes several at once.
        try PhaseTiming.measure("sync", into: &phases) { () throws(PublishError) in
            for document in changed { try document.temporary.close() }
            let paths = changed.map(\.temporary.path)
            _ = try Parallel.map(paths[...]) { path throws(PublishError) in try AtomicFile.sync(path) }
        }
        for document in changed {
            try document.temporary.moveIntoPlace(at: document.target)
            report.written.append(document.page.fileName)
            touchedDirectories.insert(AtomicFile.split(document.target).directory)
        }
        let renamed = ContinuousClock.now
        defer { phases.append(PhaseTiming(name: "remove and list", milliseconds: (ContinuousClock.now - renamed).milliseconds)) }
        let outputs = feed.feeds.flatMap(\.description.outputs)
        if !sameLayout {
            report.removed = try removeStaleArchives(of: outputs, producing: producedPages, in: stage.directory, touching: &touchedDirectories)
        }
        if writesCatalogue {
            // With the layout unchanged nothing vanished, but the two catalogue files are still put back if someone
            // deleted or edited them (each compared with what it should hold: two small reads).
            if !sameLayout {
                report.removed += try removeVanishedFeeds(
                    previous, keeping: Set(outputs.map(\.fileName)), in: stage.directory, touching: &touchedDirectories)
                report.removed.sort()
            }
            let opml: [UInt8]
            do {
                opml = try FeedCatalogue.opml(title: feed.description.title, feeds: published)
            } catch {
                throw PublishError(.rendering(fileName: FeedCatalogue.opmlName, message: error.description))
            }
            try writeIfChanged(opml, named: FeedCatalogue.opmlName, in: stage.directory, touching: &touchedDirectories)
            try writeIfChanged(list, named: FeedCatalogue.listName, in: stage.directory, touching: &touchedDirectories)
        }
        let folders = touchedDirectories.sorted()
        _ = try Parallel.map(folders[...]) { folder throws(PublishError) in try AtomicFile.syncDirectory(folder) }
        // Only now is every rendered page validated and in place (written, or already there byte for byte).
        for document in stage.documents {
            if let inputs = document.inputs { history.remember(inputs, target: document.target) }
        }
        if let memory = feed.store.remembered?.memory {
            memory.remember(
                stage.documents.compactMap { document in
                    document.contents.flatMap { contents in
                        AtomicFile.stamp(of: document.target).map {
                            PublishMemory.Document(fileName: document.page.fileName, stamp: $0, contents: contents)
                        }
                    }
                },
                rendered: stage.documents.map(\.page.fileName), produced: producedPages)
        }
        // The same pages as last time: no record can be of a page no longer produced.
        if !sameLayout { history.keepOnly(producedPages) }
        history.remember(layout: producedPages, list: list)
        report.rendered = stage.documents.map(\.page.fileName).sorted()
        report.written.sort()
        report.unchanged.sort()
        return report
    }

    /// Deletes `NAME-archive-N.EXT` files of our outputs that this publish did not produce.
    private func removeStaleArchives(
        of outputs: [FeedOutput], producing produced: Set<String>, in directory: String,
        touching touched: inout Set<String>
    ) throws(PublishError) -> [String] {
        var removed: [String] = []
        var listings: [String: [String]] = [:]
        for output in outputs {
            let (subdirectory, name) = AtomicFile.split(output.fileName)
            let folder = subdirectory == "." ? directory : directory + "/" + subdirectory
            let names: [String]
            if let listed = listings[folder] {
                names = listed
            } else {
                names = try AtomicFile.names(in: folder)
                listings[folder] = names
            }
            for candidate in names {
                let relative = subdirectory == "." ? candidate : subdirectory + "/" + candidate
                // The cheap test first: nearly every file there is a page just produced, and parsing its name
                // (`archiveNumber`, character by character) for 600 pages cost more than the listing.
                guard !produced.contains(relative), FeedPage.archiveNumber(of: candidate, for: name) != nil else { continue }
                try AtomicFile.remove(folder + "/" + candidate)
                removed.append(relative)
                touched.insert(folder)
            }
        }
        return removed.sorted()
    }

    /// Deletes the files and archive pages of feeds a previous publish listed whose files this one does not
    /// produce, then their folders once empty (`tags/old-tag/`, then `tags/` if it was the last).
    private func removeVanishedFeeds(
        _ previous: [PublishedFeed], keeping produced: Set<String>, in directory: String,
        touching touched: inout Set<String>
    ) throws(PublishError) -> [String] {
        let gone = previous.flatMap(\.outputs).filter { !produced.contains($0.fileName) }
        guard !gone.isEmpty else { return [] }
        var removed: [String] = []
        var folders: Set<String> = []
        for output in gone {
            let (subdirectory, name) = AtomicFile.split(output.fileName)
            let folder = subdirectory == "." ? directory : directory + "/" + subdirectory
            guard let names = try? AtomicFile.names(in: folder) else { continue }
            for candidate in names where candidate == name || FeedPage.archiveNumber(of: candidate, for: name) != nil {
                let relative = subdirectory == "." ? candidate : subdirectory + "/" + candidate
                try AtomicFile.remove(folder + "/" + candidate)
                removed.append(relative)
                touched.insert(folder)
            }
            if subdirectory != "." { folders.insert(subdirectory) }
        }
        // Deepest first, so a folder emptied by removing its last subfolder goes too; never the output folder.
        var pending = folders
        for folder in folders {
            var parent = AtomicFile.split(folder).directory
            while parent != "." && parent != "/" {
                pending.insert(parent)
                parent = AtomicFile.split(parent).directory
            }
        }
        for folder in pending.sorted(by: { $0.split(separator: "/").count > $1.split(separator: "/").count }) {
            if FileSystem.removeDirectoryIfEmpty(directory + "/" + folder) {
                touched.remove(directory + "/" + folder)
                touched.insert(AtomicFile.split(directory + "/" + folder).directory)
            }
        }
        return removed
    }

    /// Writes a small file of the catalogue through a temp file and a rename, unless it already holds these bytes.
    private func writeIfChanged(_ bytes: [UInt8], named name: String, in directory: String, touching touched: inout Set<String>) throws(PublishError)
    {
        let target = directory + "/" + name
        if let existing = try? AtomicFile.contents(of: target), existing == bytes { return }
        let temporary = try AtomicFile.temporary(for: target)
        do throws(PublishError) {
            try temporary.write(bytes)
            try temporary.syncAndClose()
            try temporary.moveIntoPlace(at: target)
        } catch {
            temporary.discard()
            throw error
        }
        touched.insert(directory)
    }
}
