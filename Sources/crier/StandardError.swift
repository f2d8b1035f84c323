import Foundation

/// Writes one line to standard error, where messages about the run go (standard output stays for results).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
