extension AtomicFile {
    /// The one place that knows how temp files are named: `.NAME.tmp-XXXXXX` beside the file `NAME`.
    ///
    /// The leading dot hides them from static-site servers, globbing and Crier's own server; the six characters
    /// are `mkstemp`'s. The publisher makes these names and the leftover sweeps (`OutputLock`, the publisher's
    /// own) recognise them, so the pattern must not be spelled anywhere else.
    enum TemporaryName {
        /// What `mkstemp` replaces with six random letters and digits.
        static let randomPart = "XXXXXX"

        /// The `mkstemp` template for a temp file of `name` (a last path component).
        static func template(for name: String) -> String {
            "." + name + marker + randomPart
        }

        /// The name a temp file stands in for (`atom.xml` for `.atom.xml.tmp-a1B2c3`), or nil when
        /// `candidate` is not a temp file name of ours.
        static func target(of candidate: String) -> String? {
            guard candidate.hasPrefix("."), let found = candidate.range(of: marker, options: .backwards),
                found.lowerBound > candidate.index(after: candidate.startIndex)
            else { return nil }
            let random = candidate[found.upperBound...]
            guard random.count == randomPart.count, random.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return nil }
            return String(candidate[candidate.index(after: candidate.startIndex)..<found.lowerBound])
        }

        private static let marker = ".tmp-"
    }
}
