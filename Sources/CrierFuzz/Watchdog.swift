import Foundation

/// Ends the process when one input runs longer than the time bound, since a hang cannot be interrupted from
/// inside: the input is already in the crash file, so the script keeps it as a finding.
///
/// The bound is on the process's CPU time, not the wall clock: fuzzing runs at `nice 19` beside builds, and
/// an input that merely waited for a core is not slow. A wall-clock bound ten times larger still catches an
/// input that blocks without using the CPU.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: (cpu: Duration, wall: ContinuousClock.Instant)?
    private let limit: Duration

    init(limit: Duration) {
        self.limit = limit
    }

    /// CPU time used by the whole process so far.
    static func cpuTime() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }

    /// Starts the background check, every 50 ms.
    func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                lock.lock()
                let began = started
                lock.unlock()
                guard let began else { continue }
                let cpu = Self.cpuTime() - began.cpu
                let wall = ContinuousClock.now - began.wall
                if cpu > limit || wall > limit * 10 {
                    FileHandle.standardError.write(Data("hang: one input ran for \(cpu) of CPU time (\(wall) in all); the bound is \(limit)\n".utf8))
                    exit(3)
                }
            }
        }
        thread.start()
    }

    /// Marks the start of one input.
    func begin() {
        let now = (Self.cpuTime(), ContinuousClock.now)
        lock.lock()
        started = now
        lock.unlock()
    }

    /// Marks the end of one input.
    func end() {
        lock.lock()
        started = nil
        lock.unlock()
    }
}
