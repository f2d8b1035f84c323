// The Pipeline module; see Package.swift for its job.
