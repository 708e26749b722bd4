// swift-tools-version:6.0
import PackageDescription

// Layers (imports point inward only):
//   overcast (executable) -> Console, CursesTerminal, CloudAPI, CloudEngine
//   Console -> TerminalUI, CloudEngine
//   CursesTerminal -> TerminalUI, CNCurses
//   TerminalUI -> (nothing)
//   CloudEngine -> GRDB, Crypto (no front end)
let package = Package(
    name: "overcast",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "overcast", targets: ["overcast"]),
        .executable(name: "overcast-bench", targets: ["overcast-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "CloudEngine",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["IAM"]
        ),
        .executableTarget(
            name: "overcast",
            dependencies: [
                "CloudEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "overcast-bench",
            dependencies: [
                "CloudEngine",
            ]
        ),
        // Writes to an account from a second process, for the crash and concurrency tests.
        .executableTarget(
            name: "overcast-fixture",
            dependencies: ["CloudEngine"],
            path: "Tests/Fixtures/overcast-fixture"
        ),
        .testTarget(
            name: "CloudEngineTests",
            dependencies: ["CloudEngine", "overcast-fixture"],
            exclude: ["IAMPolicy"]
        ),
    ]
)
