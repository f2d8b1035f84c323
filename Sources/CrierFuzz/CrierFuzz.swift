import Foundation

/// `CrierFuzz TARGET --seconds N [--seed S] [--timeout-ms M] [--crash-file PATH] SEED_FILE...`, or
/// `CrierFuzz TARGET --replay FILE...` to run saved inputs once each and print how long each took.
///
/// A seeded random-input loop (libFuzzer would need its own `main`, which an executable target here cannot
/// drop without changing how the package builds): mutates the seed files, runs each input through the target
/// and checks its invariants. Before each input runs, it is written to the crash file, so a crash or a hang
/// leaves the input that caused it behind. Exit status: 0 clean, 1 an invariant failed, 3 a hang, 64 usage;
/// a crash ends the process by its signal. Built with `-D CRIER_LIBFUZZER` (scripts/libfuzzer.sh), libFuzzer
/// provides `main` instead and drives `LLVMFuzzerTestOneInput`.
#if !CRIER_LIBFUZZER
@main
#endif
enum CrierFuzz {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            usage("expected a target: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        arguments.removeFirst()
        var seconds = 60.0
        var seed: UInt64 = 1
        var timeout = 2000
        var crashFile = NSTemporaryDirectory() + "crier-fuzz-current.bin"
        var seedFiles: [String] = []
        var replay = false
        while let argument = arguments.first {
            arguments.removeFirst()
            switch argument {
            case "--seconds":
                guard let number = Double(value(&arguments, for: argument)) else { usage("--seconds: expected a number") }
                seconds = number
            case "--seed":
                guard let number = UInt64(value(&arguments, for: argument)) else { usage("--seed: expected a whole number") }
                seed = number
            case "--timeout-ms":
                guard let number = Int(value(&arguments, for: argument)) else { usage("--timeout-ms: expected a whole number") }
                timeout = number
            case "--crash-file": crashFile = value(&arguments, for: argument)
            case "--replay": replay = true
            default: seedFiles.append(argument)
            }
        }
        let seeds = seedFiles.compactMap { FileManager.default.contents(atPath: $0) }.map { target.prepareSeed(Array($0)) }
        guard !seeds.isEmpty else { usage("no readable seed files") }
        if replay {
            for (file, input) in zip(seedFiles, seedFiles.compactMap { FileManager.default.contents(atPath: $0) }) {
                let start = ContinuousClock.now
                do {
                    try target.run(Array(input))
                    print("\(file): ok in \(ContinuousClock.now - start)")
                } catch {
                    print("\(file): \(error) after \(ContinuousClock.now - start)")
                }
            }
            return
        }

        let crash = open(crashFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard crash >= 0 else { usage("\(crashFile): cannot open the crash file") }
        let watchdog = Watchdog(limit: .milliseconds(timeout))
        watchdog.start()
        var mutator = Mutator(generator: SeededGenerator(seed: seed), seeds: seeds)
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var runs = 0
        var slowest: Duration = .zero
        // The seeds themselves first: a seed that fails is a finding too.
        var pending = seeds
        while ContinuousClock.now < deadline {
            let input = pending.popLast() ?? mutator.next()
            ftruncate(crash, 0)
            _ = input.withUnsafeBytes { pwrite(crash, $0.baseAddress, $0.count, 0) }
            let start = ContinuousClock.now
            watchdog.begin()
            do {
                try target.run(input)
            } catch {
                print("invariant failed after \(runs) runs: \(error) (input kept in \(crashFile))")
                exit(1)
            }
            watchdog.end()
            slowest = max(slowest, ContinuousClock.now - start)
            runs += 1
            if runs % 5000 == 0 { print("\(target.rawValue): \(runs) runs, slowest input \(slowest)") }
        }
        print("\(target.rawValue): \(runs) runs, 0 failures, slowest input \(slowest), seed \(seed)")
    }

    private static func value(_ arguments: inout [String], for option: String) -> String {
        guard !arguments.isEmpty else { usage("\(option): expected a value") }
        return arguments.removeFirst()
    }

    private static func usage(_ message: String) -> Never {
        FileHandle.standardError.write(
            Data(
                "CrierFuzz: \(message)\nusage: CrierFuzz plaintext|frontmatter|validator|html --seconds N [--seed S] [--timeout-ms M] [--crash-file PATH] SEED_FILE...\n"
                    .utf8))
        exit(64)
    }
}
