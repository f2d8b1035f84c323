import Validation

/// How a publish checks its documents before any may be put in place: the one choice that shapes the
/// render-and-validate step, made once per publish instead of asked again at every step.
enum DocumentCheck {
    /// The default: `FeedValidator`'s grammars and rules run on each window of entries as it is rendered
    /// (`AssembledDocumentCheck`), before its bytes are written, and a body carried by RSS, Atom and JSON Feed
    /// is parsed once for all three. Pages whose inputs and file are unchanged since the last publish are
    /// recognised and skipped, since they were validated with this same check.
    case whileRendering(ValidationSession)
    /// A caller's check (a test, a stricter site policy), given each finished document's bytes as written to
    /// its temp file, the bytes that will be served. It cannot be compared with the check a file on disk
    /// passed, so no page is ever skipped.
    case afterRendering(@Sendable ([UInt8]) -> ValidationReport)

    /// The default check, unless the publisher's caller supplied one.
    init(_ custom: (@Sendable ([UInt8]) -> ValidationReport)?) {
        self = custom.map { .afterRendering($0) } ?? .whileRendering(ValidationSession())
    }

    /// True when a page whose inputs and file are unchanged may be left as it is.
    var allowsSkippingUnchangedPages: Bool {
        if case .whileRendering = self { return true }
        return false
    }
}
