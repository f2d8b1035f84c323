// The FeedBuilder module; see Package.swift for its job.
