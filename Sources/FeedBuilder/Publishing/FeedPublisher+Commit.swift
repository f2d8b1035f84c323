import Parallel
import Validation

extension FeedPublisher {
    /// Step 3 of a publish: puts the checked documents in place, or nothing at all.
    ///
    /// Any error finding stops the publish before a single rename. Otherwise each document is compared with
    /// the file already at its target: equal bytes leave that file (and its mtime) as it is; changed ones are
    /// synced and renamed over their targets, archive pages no longer produced are removed, and the folders
    /// touched are synced so the renames survive a crash. Only then does the publisher remember what each
    /// page was built from.
    /// - Parameters:
    ///   - stage: the staged documents, rendered.
    ///   - findings: each staged document's findings, same order.
    ///   - feed: the feed being published.
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
        // Every changed document is on disk before the first rename, so a failing fsync renames nothing.
        for document in changed {
            try document.temporary.syncAndClose()
        }
        var touchedDirectories: Set<String> = []
        for document in changed {
            try document.temporary.moveIntoPlace(at: document.target)
            report.written.append(document.page.fileName)
            touchedDirectories.insert(AtomicFile.split(document.target).directory)
        }
        report.removed = try removeStaleArchives(of: feed, in: stage.directory, touching: &touchedDirectories)
        for touched in touchedDirectories.sorted() {
            try AtomicFile.syncDirectory(touched)
        }
        // Only now is every rendered page validated and in place (written, or already there byte for byte).
        for document in stage.documents {
            if let inputs = document.inputs { history.remember(inputs, target: document.target) }
        }
        history.keepOnly(Set(feed.pages.map(\.fileName)))
        report.rendered = stage.documents.map(\.page.fileName).sorted()
        report.written.sort()
        report.unchanged.sort()
        return report
    }

    /// Deletes `NAME-archive-N.EXT` files of our outputs that this publish did not produce.
    private func removeStaleArchives(
        of feed: PreparedFeed, in directory: String,
        touching touched: inout Set<String>
    ) throws(PublishError) -> [String] {
        let produced = Set(feed.pages.map(\.fileName))
        var removed: [String] = []
        for output in feed.description.outputs {
            let (subdirectory, name) = AtomicFile.split(output.fileName)
            let folder = subdirectory == "." ? directory : directory + "/" + subdirectory
            for candidate in try AtomicFile.names(in: folder) {
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
}
