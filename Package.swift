// swift-tools-version: 6.1
import PackageDescription

// MARK: - Shared settings

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6)
]

let package = Package(
    name: "gsl",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gsl", targets: ["gsl"]),
        .executable(name: "gsl-tui", targets: ["gsl-tui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        // MARK: - Domain core
        .target(
            name: "GSLCore", dependencies: ["Yams", .product(name: "Crypto", package: "swift-crypto")],
            path: "Modules/GSLCore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLCoreTests", dependencies: ["GSLCore", "GSLTestSupport"],
            path: "Tests/GSLCoreTests", swiftSettings: swiftSettings),

        // MARK: - Tabular files (CSV/JSON/NDJSON in, tables out)
        .target(
            name: "GSLTabular", dependencies: ["GSLCore", "ZIPFoundation", "XMLCoder"],
            path: "Modules/GSLTabular", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLTabularTests",
            dependencies: ["GSLCore", "GSLTabular", "GSLTestSupport", "ZIPFoundation"],
            path: "Tests/GSLTabularTests", swiftSettings: swiftSettings),

        // MARK: - Store
        .target(
            name: "GSLStore",
            dependencies: [
                "GSLCore", "GSLTabular", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Modules/GSLStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLStoreTests",
            dependencies: [
                "GSLCore", "GSLStore", "GSLTabular", "GSLDemo", "GSLTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/GSLStoreTests", swiftSettings: swiftSettings),

        // MARK: - Solvers
        .target(name: "GSLOptimise", path: "Modules/GSLOptimise", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLOptimiseTests", dependencies: ["GSLCore", "GSLOptimise"],
            path: "Tests/GSLOptimiseTests", swiftSettings: swiftSettings),

        // MARK: - Index scoring
        .target(
            name: "GSLIndexScoring", dependencies: ["GSLCore", "Yams"],
            path: "Modules/GSLIndexScoring", swiftSettings: swiftSettings),
        .target(
            name: "GSLIndexScoringStore",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLIndexScoring",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/GSLIndexScoringStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLIndexScoringTests",
            dependencies: [
                "GSLCore", "GSLIndexScoring", "GSLIndexScoringStore", "GSLStore", "GSLTabular",
                "GSLTestSupport",
            ],
            path: "Tests/GSLIndexScoringTests", swiftSettings: swiftSettings),

        // MARK: - Casework
        .target(
            name: "GSLCasework", dependencies: ["GSLCore"], path: "Modules/GSLCasework",
            swiftSettings: swiftSettings),
        .target(
            name: "GSLCaseworkStore",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLCasework",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/GSLCaseworkStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLCaseworkTests",
            dependencies: [
                "GSLCore", "GSLCasework", "GSLCaseworkStore", "GSLStore", "GSLTestSupport",
            ],
            path: "Tests/GSLCaseworkTests", swiftSettings: swiftSettings),

        // MARK: - Surveys
        .target(
            name: "GSLSurveys", dependencies: ["GSLCore"], path: "Modules/GSLSurveys",
            swiftSettings: swiftSettings),
        .target(
            name: "GSLSurveysStore",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLSurveys",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/GSLSurveysStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLSurveysTests",
            dependencies: [
                "GSLCore", "GSLSurveys", "GSLSurveysStore", "GSLStore", "GSLTabular", "GSLDemo",
                "GSLTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/GSLSurveysTests", swiftSettings: swiftSettings),

        // MARK: - Policy evaluation
        .target(
            name: "GSLPolicy", dependencies: ["GSLCore"], path: "Modules/GSLPolicy",
            swiftSettings: swiftSettings),
        .target(
            name: "GSLPolicyStore",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLPolicy", "GSLIndexScoring",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/GSLPolicyStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLPolicyTests",
            dependencies: [
                "GSLCore", "GSLPolicy", "GSLPolicyStore", "GSLStore", "GSLTabular", "GSLTestSupport",
            ],
            path: "Tests/GSLPolicyTests", swiftSettings: swiftSettings),

        // MARK: - Pairing
        .target(
            name: "GSLPairing", dependencies: ["GSLCore", "GSLOptimise"], path: "Modules/GSLPairing",
            swiftSettings: swiftSettings),
        .target(
            name: "GSLPairingStore",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLPairing",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/GSLPairingStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLPairingTests",
            dependencies: [
                "GSLCore", "GSLOptimise", "GSLPairing", "GSLPairingStore", "GSLStore", "GSLTestSupport",
            ],
            path: "Tests/GSLPairingTests", swiftSettings: swiftSettings),
        // MARK: - Events
        .target(
            name: "GSLEvents", dependencies: ["GSLCore"], path: "Modules/GSLEvents",
            swiftSettings: swiftSettings),
        .target(
            name: "GSLEventsStore",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLEvents",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/GSLEventsStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLEventsTests",
            dependencies: [
                "GSLCore", "GSLEvents", "GSLEventsStore", "GSLStore", "GSLTabular", "GSLTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/GSLEventsTests", swiftSettings: swiftSettings),
        // MARK: - Terminal and full-screen app (TUI)
        .systemLibrary(name: "CNCursesW", path: "Modules/CNCursesW"),
        .target(
            name: "GSLTerminal", dependencies: ["GSLCore", "CNCursesW"], path: "Modules/GSLTerminal",
            swiftSettings: swiftSettings),
        .target(
            name: "GSLTUI",
            dependencies: [
                "GSLCore", "GSLTerminal", "GSLStore", "GSLCasework", "GSLCaseworkStore", "GSLIndexScoring",
                "GSLIndexScoringStore", "GSLEvents", "GSLEventsStore", "GSLMatching", "GSLMatchingStore",
                "GSLPairing", "GSLPairingStore", "GSLReports",
            ],
            path: "Modules/GSLTUI", swiftSettings: swiftSettings),
        .executableTarget(name: "gsl-tui", path: "Apps/gsl-tui", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLTUITests", dependencies: ["GSLCore", "GSLTerminal", "GSLTestSupport"],
            path: "Tests/GSLTUITests", swiftSettings: swiftSettings),
        // MARK: - Matching
        .target(
            name: "GSLMatching", dependencies: ["GSLCore", "GSLOptimise"], path: "Modules/GSLMatching",
            swiftSettings: swiftSettings),
        .target(
            name: "GSLMatchingStore",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLMatching",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/GSLMatchingStore", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLMatchingTests",
            dependencies: [
                "GSLCore", "GSLOptimise", "GSLMatching", "GSLMatchingStore", "GSLStore", "GSLTestSupport",
            ],
            path: "Tests/GSLMatchingTests", swiftSettings: swiftSettings),

        // MARK: - Demo and synthetic data
        .target(
            name: "GSLDemo", dependencies: ["GSLCore", "GSLTabular"], path: "Modules/GSLDemo",
            swiftSettings: swiftSettings),

        // MARK: - The year: cross-module generator and reports (above the services)
        .target(
            name: "GSLDemoYear",
            dependencies: [
                "GSLCore", "GSLDemo", "GSLStore", "GSLCasework", "GSLCaseworkStore", "GSLEvents",
                "GSLEventsStore",
                "GSLMatching", "GSLMatchingStore", "GSLPairing", "GSLPairingStore", "GSLIndexScoringStore",
            ],
            path: "Modules/GSLDemoYear", swiftSettings: swiftSettings),
        .target(
            name: "GSLReports",
            dependencies: [
                "GSLCore", "GSLStore", "GSLCaseworkStore", "GSLEventsStore", "GSLMatchingStore",
                "GSLPairingStore",
                "GSLIndexScoringStore",
            ],
            path: "Modules/GSLReports", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLReportsTests",
            dependencies: [
                "GSLCore", "GSLStore", "GSLDemoYear", "GSLReports", "GSLTestSupport", "GSLIndexScoring",
                "GSLIndexScoringStore", "GSLCaseworkStore", "GSLEventsStore", "GSLMatchingStore",
                "GSLPairingStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/GSLReportsTests", swiftSettings: swiftSettings),

        // MARK: - Test support
        .target(
            name: "GSLTestSupport", dependencies: ["GSLCore"], path: "Modules/GSLTestSupport",
            swiftSettings: swiftSettings),

        // MARK: - Apps
        .executableTarget(
            name: "gsl",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLStore", "GSLOptimise", "GSLIndexScoring",
                "GSLIndexScoringStore", "GSLCasework", "GSLCaseworkStore", "GSLDemo", "GSLEvents",
                "GSLEventsStore", "GSLMatching", "GSLMatchingStore", "GSLPairing", "GSLPairingStore",
                "GSLTUI", "GSLDemoYear", "GSLReports", "GSLSurveys", "GSLSurveysStore", "GSLPolicy",
                "GSLPolicyStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/gsl", swiftSettings: swiftSettings),
        .testTarget(
            name: "GSLCLITests", dependencies: ["GSLCore", "GSLTestSupport"],
            path: "Tests/GSLCLITests", swiftSettings: swiftSettings),

        // MARK: - Benchmarks
        .executableTarget(
            name: "gsl-bench-solvers", dependencies: ["GSLCore", "GSLOptimise"],
            path: "Benchmarks/Solvers", swiftSettings: swiftSettings),
        .executableTarget(
            name: "gsl-bench-index", dependencies: ["GSLIndexScoring"],
            path: "Benchmarks/index", swiftSettings: swiftSettings),

        // MARK: - Fuzzing (make fuzz; Docs/reliability.md)
        .executableTarget(
            name: "gsl-fuzz",
            dependencies: [
                "GSLCore", "GSLTabular", "GSLIndexScoring", "GSLOptimise", "GSLEvents", "GSLMatching",
            ],
            path: "Tests/Fuzz/Harness", swiftSettings: swiftSettings),
    ]
)
