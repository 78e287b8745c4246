// swift-tools-version:6.0
import PackageDescription

// Layers import downwards only (docs/ARCHITECTURE.md): HuiceCore → SeriesMath → MarketData →
// Factors → Simulation → Strategies; Analysis sees only HuiceCore and SeriesMath; Storage sees
// HuiceCore, MarketData and Factors (factor configs) and runs on SQLite or PostgreSQL; Runtime composes them;
// the executables are thin shells.
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
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .target(name: "HuiceCore"),
        .target(name: "SeriesMath"),
        .target(name: "MarketData", dependencies: ["HuiceCore"]),
        .target(name: "Factors", dependencies: ["HuiceCore", "SeriesMath", "MarketData"]),
        .target(name: "Simulation", dependencies: ["HuiceCore", "SeriesMath", "MarketData", "Factors"]),
        .target(name: "Strategies", dependencies: ["HuiceCore", "MarketData", "Factors", "Simulation"]),
        .target(name: "Analysis", dependencies: ["HuiceCore", "SeriesMath"]),
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
        .executableTarget(
            name: "huice",
            dependencies: ["Runtime", "HuiceCore", "MarketData", "Factors", "Storage",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "huice-bench", dependencies: ["Runtime", "HuiceCore", "MarketData", "Simulation", "Strategies", "Storage"]),

        .target(name: "TestSupport", dependencies: ["HuiceCore", "MarketData", "Simulation", "Storage",
                                                   .product(name: "SQLKit", package: "sql-kit")],
                path: "Tests/TestSupport"),
        .testTarget(name: "HuiceCoreTests", dependencies: ["HuiceCore"]),
        .testTarget(name: "SeriesMathTests", dependencies: ["SeriesMath"]),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FactorsTests", dependencies: ["Factors", "HuiceCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Strategies", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StorageTests", dependencies: [
            "Storage", "Factors", "HuiceCore", "TestSupport",
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
        ]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "TestSupport"]),
    ]
)
