import XML

/// Findings for a document libxml2 could not parse.
enum ParseFindings {
    /// `NotWellFormed` for each parser error, except undefined entities, which get the W3C validator's
    /// `UndefinedNamedEntity` and a hint: HTML names such as `&nbsp;` mean nothing in XML.
    static func findings(for diagnostics: [XMLDiagnostic]) -> [Finding] {
        var list = list(for: diagnostics)
        return list.finish()
    }

    /// The same findings, not yet finished (the per-rule cut-off not yet summarised).
    static func list(for diagnostics: [XMLDiagnostic]) -> FindingList {
        var list = FindingList()
        for diagnostic in diagnostics where diagnostic.severity == .error {
            if diagnostic.message.hasPrefix("Entity '"), diagnostic.message.hasSuffix("' not defined") {
                list.add(.undefinedNamedEntity, line: diagnostic.line, column: diagnostic.column,
                         "\(diagnostic.message): XML defines only &amp; &lt; &gt; &quot; &apos;; "
                            + "write the character itself or a numeric reference")
            } else {
                list.add(.notWellFormed, line: diagnostic.line, column: diagnostic.column, diagnostic.message)
            }
        }
        if list.findings.isEmpty {
            list.add(.notWellFormed, "the document is empty or not XML")
        }
        return list
    }
}
