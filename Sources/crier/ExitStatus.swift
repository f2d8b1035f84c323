import ArgumentParser
import Pipeline

/// Runs a command's work and turns its errors into one `error: …` line and the documented exit status.
///
/// Pipeline errors carry their own status (see `PipelineError.exitCode`); anything else from the daemon (a
/// port already in use, a folder that cannot be watched) means the environment cannot be used: status 3.
func reportingErrors(_ work: () async throws -> Void) async throws {
    do {
        try await work()
    } catch let error as PipelineError {
        printError("error: \(error)")
        throw ExitCode(error.exitCode)
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("error: \(error)")
        throw ExitCode(3)
    }
}
