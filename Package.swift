// swift-tools-version:6.1
import PackageDescription

/// Settings every Crier module shares: Swift 6 mode with strict concurrency, plus the upcoming features the
/// model packages use, so imports stay internal unless a module re-exports a type on purpose.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Crier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crier", targets: ["crier"]),
        .executable(name: "crier-micro", targets: ["crier-micro"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries, each reached through one system-library target and imported by one wrapper module.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // The C library behind small Swift facades, one per need (files, file status, the process, C memory):
        // the only importer of Glibc, as swift-argument-parser's Utilities/Platform.swift is for its module.
        .target(name: "Platform", swiftSettings: strictSettings),
        // The only importer of CLibXML2: writer, parser, RELAX NG, HTML parser, error capture.
        .target(name: "XML", dependencies: ["CLibXML2", "Platform"], swiftSettings: strictSettings),
        // Pure work fanned out over all cores, results in order; used by Ingest, Validation and FeedBuilder.
        .target(name: "Parallel", dependencies: ["Platform"], swiftSettings: strictSettings),
        // Entries and feed descriptions: plain value types, no dependencies.
        .target(name: "FeedModel", swiftSettings: strictSettings),
        // Rules named like the W3C Feed Validation Service's, over parsed RSS, Atom and JSON Feed documents.
        .target(name: "Validation", dependencies: ["XML", "FeedModel", "Parallel"], swiftSettings: strictSettings),
        // Article files to entries: plain text, Markdown (the only importer of CCmarkGFM), HTML, config, state.
        .target(
            name: "Ingest",
            dependencies: [
                "XML", "FeedModel", "Parallel", "Platform", "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Entries to validated RSS, Atom and JSON Feed bytes, archives, atomic publishing.
        .target(
            name: "FeedBuilder",
            dependencies: ["XML", "FeedModel", "Validation", "Parallel", "Platform", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        // One build of a site: ingest a folder, build every feed, publish. Shared by the CLI and the daemon.
        .target(
            name: "Pipeline",
            dependencies: [
                "Ingest", "FeedBuilder", "FeedModel", "Validation", "Parallel", "Platform",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The long-lived service: folder watcher, incremental regeneration, HTTP server, WebSub notifier, and the
        // wiring of `crier watch` and `crier serve` (WatchDaemon, ServeDaemon).
        .target(
            name: "Daemon",
            dependencies: [
                "Pipeline", "FeedBuilder", "Ingest", "FeedModel", "XML", "Platform",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The command line: one small file per subcommand.
        .executableTarget(
            name: "crier",
            dependencies: [
                "Daemon", "Pipeline", "FeedBuilder", "Validation", "Ingest", "FeedModel", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Timing loops for the hot paths (Benchmarks/Micro); a benchmark, not a test.
        .executableTarget(
            name: "crier-micro",
            dependencies: ["Ingest", "FeedBuilder", "Validation", "FeedModel"],
            path: "Benchmarks/Micro",
            swiftSettings: strictSettings
        ),
        // A seeded random-input loop over the article parsers and the validator (scripts/fuzz.sh); not shipped.
        .executableTarget(name: "CrierFuzz", dependencies: ["Ingest", "Validation"], swiftSettings: strictSettings),

        // What only the tests need: a raw HTTP client and a recording WebSub hub, shared by two test targets.
        .target(name: "CrierTestHelpers", path: "Tests/Helpers", swiftSettings: strictSettings),

        .testTarget(name: "XMLTests", dependencies: ["XML"], swiftSettings: strictSettings),
        .testTarget(name: "FeedModelTests", dependencies: ["FeedModel"], swiftSettings: strictSettings),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"], swiftSettings: strictSettings),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "XML"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "FeedModel", "CrierTestHelpers"], swiftSettings: strictSettings),
        .testTarget(
            name: "FeedBuilderTests", dependencies: ["FeedBuilder", "FeedModel", "Validation", "XML", "CrierTestHelpers"],
            swiftSettings: strictSettings),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Ingest", "FeedModel", "CrierTestHelpers"], swiftSettings: strictSettings),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "Pipeline", "FeedModel", "CrierTestHelpers"], swiftSettings: strictSettings),
        .testTarget(
            name: "CrierTests", dependencies: ["crier", "CrierTestHelpers"], exclude: ["readers.py", "Hostile", "RealSites"],
            swiftSettings: strictSettings),
    ]
)
