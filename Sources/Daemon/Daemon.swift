// The Daemon module; see Package.swift for its job.
