// The Ingest module; see Package.swift for its job.
