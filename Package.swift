// swift-tools-version:6.0
import PackageDescription

// Layers import downwards only (docs/ARCHITECTURE.md): HuiceCore → SeriesMath → MarketData →
// Factors → Simulation → Strategies; Analysis sees only HuiceCore and SeriesMath; Reports (exports)
// sees HuiceCore and Analysis; Charts sees only HuiceCore; Storage sees HuiceCore, MarketData and Factors (factor configs)
// and runs on SQLite or PostgreSQL; Runtime composes
// them; Service (the task manager: batches, queue, workers) sits on Runtime and Storage; the executables are thin shells.
let package = Package(
    name: "huice",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "huice", targets: ["huice"]),
        .executable(name: "huice-bench", targets: ["huice-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "HuiceCore"),
        .target(name: "SeriesMath"),
        .target(name: "MarketData", dependencies: ["HuiceCore"]),
        .target(name: "Factors", dependencies: ["HuiceCore", "SeriesMath", "MarketData"]),
        .target(name: "Simulation", dependencies: ["HuiceCore", "SeriesMath", "MarketData", "Factors"]),
        .target(name: "Strategies", dependencies: ["HuiceCore", "MarketData", "Factors", "Simulation"]),
        .target(name: "Analysis", dependencies: ["HuiceCore", "SeriesMath"]),
        // Exports of one report (CSV, .xlsx) from plain values: no Runtime or Service, so the CLI
        // and the server map their own result types to `ReportContent`.
        .target(name: "Reports", dependencies: ["HuiceCore", "Analysis",
                                                .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // SVG charts for reports and the web UI (docs/CHARTS.md): values in, markup out.
        .target(name: "Charts", dependencies: ["HuiceCore"]),
        .target(name: "Storage", dependencies: [
            "HuiceCore", "MarketData", "Factors",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(
            name: "Runtime",
            dependencies: ["HuiceCore", "SeriesMath", "MarketData", "Factors", "Simulation", "Strategies", "Analysis", "Storage"],
            resources: [.copy("SampleData"), .copy("Demo")]),
        .target(
            name: "Service",
            dependencies: ["Runtime", "Storage", "Simulation", "Factors", "MarketData", "HuiceCore", "Analysis",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Metrics", package: "swift-metrics")]),
        .target(
            name: "Server",
            dependencies: ["Service", "Storage", "Runtime", "Factors", "MarketData", "HuiceCore", "Web",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Prometheus", package: "swift-prometheus"),
                           .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Metrics", package: "swift-metrics")],
            resources: [.copy("Resources/openapi.json")]),
        // Server-rendered HTML pages (docs/WEB.md): pages read Storage and the task manager (Service),
        // compute with Factors, draw with Charts and export with Reports; Server only mounts their
        // routes beside the JSON API.
        .target(
            name: "Web",
            dependencies: ["Storage", "Charts", "Factors", "MarketData", "HuiceCore", "Service", "Reports", "Analysis", "Runtime",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "huice",
            dependencies: ["Runtime", "HuiceCore", "MarketData", "Factors", "Storage", "Server", "Reports",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "huice-bench", dependencies: ["Runtime", "HuiceCore", "MarketData", "Simulation", "Strategies", "Storage", "Charts", "Factors", "Web"]),

        .target(name: "TestSupport", dependencies: ["HuiceCore", "MarketData", "Simulation", "Storage", "Factors", "Runtime",
                                                   .product(name: "SQLKit", package: "sql-kit")],
                path: "Tests/TestSupport"),
        .testTarget(name: "HuiceCoreTests", dependencies: ["HuiceCore"]),
        .testTarget(name: "SeriesMathTests", dependencies: ["SeriesMath"]),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FactorsTests", dependencies: ["Factors", "HuiceCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Strategies", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "HuiceCore"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "HuiceCore", "Analysis",
                                                         .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "StorageTests", dependencies: [
            "Storage", "Factors", "HuiceCore", "TestSupport",
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
        ]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "TestSupport"]),
        .testTarget(name: "ServiceTests", dependencies: [
            "Service", "Runtime", "Storage", "Simulation", "Factors", "MarketData", "HuiceCore", "Analysis", "TestSupport",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
        ]),
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "Service", "Storage", "Factors", "HuiceCore", "Runtime", "MarketData", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
        ]),
        .testTarget(name: "WebTests", dependencies: [
            "Web", "Storage", "MarketData", "HuiceCore", "Factors", "TestSupport", "Service", "Runtime", "Analysis", "Reports",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Runs the built `huice` executable as a child process (swift test builds every product
        // first); depends only on what the tests read back from the store.
        .testTarget(name: "ProcessTests", dependencies: [
            "Runtime", "Storage", "HuiceCore",
            .product(name: "SQLKit", package: "sql-kit"),
        ]),
    ]
)
