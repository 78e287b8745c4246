// swift-tools-version:6.0
import PackageDescription

// Layers import downwards only (docs/ARCHITECTURE.md):
// HuiceCore → SeriesMath → MarketData → Factors → Simulation → Strategies → Analysis → Storage → Runtime → executables.
let package = Package(
    name: "huice",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
    ],
    targets: [
        .target(name: "HuiceCore"),
        .target(name: "SeriesMath"),
        .target(name: "MarketData", dependencies: ["HuiceCore"]),
        .target(name: "Storage", dependencies: [
            "HuiceCore", "MarketData",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
        ]),

        // Measures Storage save/load throughput (release build); not part of `swift test`.
        .executableTarget(name: "storage-bench", dependencies: ["Storage", "HuiceCore", "MarketData"]),

        .testTarget(name: "HuiceCoreTests", dependencies: ["HuiceCore"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
    ]
)
