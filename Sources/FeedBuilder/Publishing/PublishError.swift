public import Validation

/// A publish (or a render) could not be completed; nothing of that publish was put in place.
///
/// The reasons are values, so the CLI can print them and tests can match them; `description` names the file,
/// the entry or the finding involved.
public struct PublishError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// Two entries share an id; readers would merge or drop one of them.
        case duplicateIDs([DuplicateID])
        /// `FeedDescription.limit` is below 1, which would make endless archive pages.
        case invalidLimit(Int)
        /// One or more produced documents failed validation; each finding names its file.
        case invalidDocuments([DocumentFinding])
        /// libxml2's writer failed while rendering a document.
        case rendering(fileName: String, message: String)
        /// A file-system call failed.
        case fileSystem(path: String, operation: String, message: String)
    }

    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .duplicateIDs(let duplicates):
            return duplicates.map(\.description).joined(separator: "\n")
        case .invalidLimit(let limit):
            return "feed limit must be at least 1 (or absent for a complete feed), found \(limit)"
        case .invalidDocuments(let findings):
            return "generated feeds failed validation, nothing was published:\n"
                + findings.map(\.description).joined(separator: "\n")
        case .rendering(let fileName, let message):
            return "\(fileName): could not render: \(message)"
        case .fileSystem(let path, let operation, let message):
            return "\(path): \(operation) failed: \(message)"
        }
    }
}

/// Two input entries with the same id.
public struct DuplicateID: Sendable, Hashable, CustomStringConvertible {
    /// The shared id.
    public var id: String
    /// The title of the entry seen first (input order).
    public var firstTitle: String
    /// The title of the entry seen later.
    public var secondTitle: String

    /// Creates a duplicate-id record.
    public init(id: String, firstTitle: String, secondTitle: String) {
        self.id = id
        self.firstTitle = firstTitle
        self.secondTitle = secondTitle
    }

    public var description: String {
        "duplicate entry id \"\(id)\": used by \"\(firstTitle)\" and \"\(secondTitle)\""
    }
}

/// A validation finding in one produced document.
public struct DocumentFinding: Sendable, Hashable, CustomStringConvertible {
    /// The file name the document was to be published as.
    public var fileName: String
    /// The validator's finding (rule, line, message).
    public var finding: Finding

    /// Creates a document finding.
    public init(fileName: String, finding: Finding) {
        self.fileName = fileName
        self.finding = finding
    }

    /// `file:line:column: error RULE message`.
    public var description: String {
        "\(fileName):\(finding.line):\(finding.column): \(finding.severity.rawValue) \(finding.rule) \(finding.message)"
    }
}
