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

/// libFuzzer's driver (compiler-rt, LLVM 11 and later), for programs that keep their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The executable's `main`: SwiftPM links an executable target's `main` to `<Target>_main`, so with no
/// `@main` type this function is it, and it hands over to libFuzzer's driver.
@_cdecl("CrierFuzz_main")
public func crierFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in libFuzzerTestOneInput(data, size) }
}

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
