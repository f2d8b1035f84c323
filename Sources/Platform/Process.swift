#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the running process and its machine.
public enum ProcessFacts {
    /// The number of cores online, at least 1, read once.
    public static let processorCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Whether standard error is a terminal (so drawing a progress bar there makes sense).
    public static var isStandardErrorATerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }
}

/// The signals Crier handles itself.
public enum ProcessSignal {
    /// SIGHUP: the conventional "reload your configuration" signal for daemons.
    public static let hangup = SIGHUP

    /// Ignores `signal`'s default action (for SIGHUP, terminating the process), so a dispatch source can
    /// observe it instead.
    public static func ignore(_ number: Int32) {
        _ = signal(number, SIG_IGN)
    }
}

/// Ending the process.
public enum ProcessEnd {
    /// Ends the process with `status` at once, standard output flushed, without freeing what it holds.
    ///
    /// A build of 10,000 articles holds hundreds of thousands of objects (entries, their strings, the publisher's
    /// memory of every page); released one by one as the command returned, they cost a warm build tens of
    /// milliseconds, for memory the kernel takes back whole. Call it only when nothing is left to do: no file
    /// half written, every lock one the kernel releases with the process (`flock`), nothing in a buffer but
    /// standard output's (`exit(3)` flushes C's streams; standard error is not buffered).
    public static func now(status: Int32) -> Never {
        exit(status)
    }
}
