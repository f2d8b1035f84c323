#if CRIER_LIBFUZZER
import Foundation

/// The target libFuzzer drives, read once from `CRIER_FUZZ_TARGET` (plaintext, frontmatter, html, validator).
private let libFuzzerTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["CRIER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("CRIER_FUZZ_TARGET must be one of plaintext, frontmatter, html, validator\n".utf8))
        exit(64)
    }
    return target
}()

/// libFuzzer's entry point: one input, coverage-guided; an invariant failure traps so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try libFuzzerTarget.run(input)
    } catch {
        fatalError("invariant failed: \(error)")
    }
    return 0
}
#endif
