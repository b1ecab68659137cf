// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "EquityChain",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "Custody", targets: ["Custody"]),
        .library(name: "Node", targets: ["Node"]),
        .library(name: "Bridge", targets: ["Bridge"]),
        .executable(name: "equity-node", targets: ["equity-node"]),
        .executable(name: "equity-bridge", targets: ["equity-bridge"]),
        .executable(name: "equity-bench", targets: ["equity-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The JSON-RPC server: HTTP and WebSocket on one port, graceful shutdown, metrics.
        // Hummingbird's default traits pull in swift-configuration, which the node does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // System libraries, found through pkg-config; scripts/bootstrap installs them.
        .systemLibrary(
            name: "CSecp256k1", pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"]), .brew(["secp256k1"])]),
        .systemLibrary(
            name: "CRocksDB", pkgConfig: "rocksdb",
            providers: [.apt(["librocksdb-dev"]), .brew(["rocksdb"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]),

        // Libraries.
        .target(name: "Matching", swiftSettings: strict),
        .target(name: "Custody", swiftSettings: strict),
        .target(
            name: "Node",
            dependencies: [
                // Custody for the securities identifiers (ISIN, CUSIP) that assets carry.
                "Matching", "Custody", "CSecp256k1", "CRocksDB", "COpenSSL",
                .product(name: "Logging", package: "swift-log"),
                // Node/RPC: the JSON-RPC server.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict),
        .target(
            name: "Bridge",
            dependencies: ["Node", "Custody", "Matching", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),

        // Thin executables.
        .executableTarget(
            name: "equity-node",
            dependencies: [
                "Node", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "equity-bridge",
            dependencies: [
                "Bridge", "Custody", "Node",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "equity-bench",
            dependencies: [
                "Matching", "Node", "Custody", "Bridge", "COpenSSL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // Tests: one target per library.
        .testTarget(
            name: "MatchingTests", dependencies: ["Matching"], resources: [.copy("Flows")], swiftSettings: strict),
        // Statement samples are read through #filePath, not bundled.
        .testTarget(name: "CustodyTests", dependencies: ["Custody"], exclude: ["Samples"], swiftSettings: strict),
        .testTarget(
            name: "NodeTests",
            dependencies: [
                "Node",
                // A real WebSocket client for the RPC subscription tests, and the
                // service group that runs (and gracefully stops) a node in-process.
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Vectors")],
            swiftSettings: strict),
        .testTarget(name: "BridgeTests", dependencies: ["Bridge"], swiftSettings: strict),
    ]
)
