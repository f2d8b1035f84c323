internal import CLibXML2
import Synchronization

/// A grammar could not be compiled.
public struct RelaxNGSchemaError: Error, Sendable, CustomStringConvertible {
    /// libxml2's messages.
    public var diagnostics: [XMLDiagnostic]
    public var description: String {
        "invalid RELAX NG grammar: " + diagnostics.map(\.description).joined(separator: "; ")
    }
}

/// A compiled RELAX NG grammar (XML syntax) that validates parsed documents.
///
/// The compiled grammar is read-only once built, and each validation uses its own context, so one schema can
/// be shared by concurrent tasks.
public final class RelaxNGSchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr

    /// The compiled grammar as it leaves the lock; libxml2 owns no other reference to it.
    private struct CompiledGrammar: @unchecked Sendable {
        let pointer: xmlRelaxNGPtr?
    }

    /// Compiling touches libxml2's global RELAX NG and XML Schema type registries; one grammar at a time.
    private static let compiling = Mutex(())

    /// Compiles a grammar written in RELAX NG's XML syntax.
    public init(grammar: String) throws(RelaxNGSchemaError) {
        LibXML.ensureInitialized()
        let collector = DiagnosticCollector()
        let compiled = Self.compiling.withLock { _ in
            CompiledGrammar(
                pointer: withExtendedLifetime(collector) {
                    let bytes = Array(grammar.utf8)
                    // The parser context keeps a pointer to the bytes without copying them, so the whole life of the
                    // context stays inside the closure that owns the buffer (outside it, -O frees the array first).
                    return bytes.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) { characters -> xmlRelaxNGPtr? in
                            guard let context = xmlRelaxNGNewMemParserCtxt(characters.baseAddress, Int32(characters.count)) else {
                                return nil
                            }
                            defer { xmlRelaxNGFreeParserCtxt(context) }
                            xmlRelaxNGSetParserStructuredErrors(
                                context, DiagnosticCollector.structuredCallback,
                                Unmanaged.passUnretained(collector).toOpaque())
                            return xmlRelaxNGParse(context)
                        }
                    }
                })
        }.pointer
        guard let compiled else { throw RelaxNGSchemaError(diagnostics: collector.diagnostics) }
        schema = compiled
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// Validates a document; returns libxml2's messages, empty when the document matches the grammar.
    public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
        let collector = DiagnosticCollector()
        let result: Int32 = withExtendedLifetime(collector) {
            guard let context = xmlRelaxNGNewValidCtxt(schema) else { return -1 }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(
                context, DiagnosticCollector.structuredCallback,
                Unmanaged.passUnretained(collector).toOpaque())
            return xmlRelaxNGValidateDoc(context, document.pointer)
        }
        if result != 0 && collector.diagnostics.isEmpty {
            return [XMLDiagnostic(severity: .error, message: "document does not match the grammar")]
        }
        return collector.diagnostics.map {
            var d = $0
            d.severity = .error
            return d
        }
    }
}
