internal import CLibXML2
import Platform

/// One-time setup of libxml2, shared by every entry point of this module.
enum LibXML {
    /// `xmlInitParser` must run once before threads use the library; a `static let` runs it exactly once.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Makes sure libxml2 is initialised; cheap after the first call.
    static func ensureInitialized() {
        _ = initialized
    }
}

extension LibXML {
    /// Frees a string libxml2 allocated. libxml2's `xmlFree` is a mutable global function pointer, which Swift 6
    /// rejects as shared state; Crier never installs custom allocators, so it is always the C library's `free`.
    static func release(_ pointer: UnsafeMutablePointer<xmlChar>) {
        CMemory.free(pointer)
    }
}
