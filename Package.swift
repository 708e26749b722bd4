// swift-tools-version:6.0
import PackageDescription

// Layers (imports point inward only; each target lists only what it may use):
//   overcast (executable)  -> Console, CursesTerminal, CloudEngine, CloudAPI, ArgumentParser
//   CloudAPI               -> CloudEngine, AWSSignature, Hummingbird   (the AWS-compatible endpoint)
//   Console                -> TerminalUI, CloudEngine, IAMPolicy   (panels; no ncurses)
//   CursesTerminal         -> TerminalUI, CNCurses             (the only ncurses code)
//   TerminalUI             -> nothing                          (cells, widgets, keys, themes)
//   CloudEngine            -> IAMPolicy, CWorkerSandbox, GRDB, Crypto, ZIPFoundation   (the account; no front end)
//   CWorkerSandbox         -> nothing                          (C: starts a worker in its sandbox)
//   IAMPolicy              -> nothing                          (policy language and evaluator)
//   AWSSignature           -> IAMPolicy, Crypto                (SigV4 verification and signing; no server)
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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // MARK: - Engine

        // The IAM policy language and evaluator: pure, no database, so `overcast iam simulate` needs no account.
        .target(
            name: "IAMPolicy",
            resources: [.copy("ManagedPolicies")]
        ),
        // AWS Signature Version 4: verifies requests (headers, presigned URLs, aws-chunked bodies) and signs them.
        .target(
            name: "AWSSignature",
            dependencies: ["IAMPolicy", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Starts function workers in a sandbox (namespaces, limits, Landlock): C, because the steps between
        // fork and exec must be raw system calls and Swift cannot call syscall(2).
        .target(name: "CWorkerSandbox"),
        .target(
            name: "CloudEngine",
            dependencies: [
                "IAMPolicy",
                "CWorkerSandbox",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
        ),

        // MARK: - Endpoint

        // The AWS-compatible HTTP endpoint: one responder over the engine; handlers decode, call, encode.
        .target(
            name: "CloudAPI",
            dependencies: [
                "CloudEngine",
                "AWSSignature",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: - Terminal

        .target(name: "TerminalUI"),
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CursesTerminal", dependencies: ["TerminalUI", "CNCurses"]),
        .target(name: "Console", dependencies: ["TerminalUI", "CloudEngine", "IAMPolicy"]),
        // Screen goldens and a scripted terminal for tests.
        .target(name: "ScreenTesting", dependencies: ["TerminalUI"]),

        // MARK: - Executables

        .executableTarget(
            name: "overcast",
            dependencies: [
                "CloudEngine",
                "CloudAPI",
                "Console",
                "CursesTerminal",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "overcast-bench",
            dependencies: ["CloudEngine", "CloudAPI", "IAMPolicy", "Console", "TerminalUI",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird")]
        ),
        // Writes to an account from a second process, for the crash and concurrency tests.
        .executableTarget(
            name: "overcast-fixture",
            dependencies: ["CloudEngine"],
            path: "Tests/Fixtures/overcast-fixture"
        ),

        // MARK: - Tests

        // Finds the executables the tests drive (overcast, overcast-fixture).
        .target(name: "TestSupport", path: "Tests/Support"),

        .testTarget(
            name: "CloudEngineTests",
            dependencies: ["CloudEngine", "IAMPolicy", "TestSupport", "overcast-fixture"]
        ),
        // Drives `overcast serve` (a separate process, as people run it) with boto3 and the aws CLI.
        .testTarget(name: "CloudAPITests", dependencies: ["CloudAPI", "CloudEngine", "TestSupport", "overcast",
                                                                .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "AWSSignatureTests", dependencies: ["AWSSignature"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "ScreenTesting"], exclude: ["Snapshots"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalUI"]),
        // GRDB: a test holds an account's write lock while `overcast info` reads it.
        .testTarget(
            name: "OvercastCLITests",
            dependencies: ["TestSupport", "overcast", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ConsoleTests",
            dependencies: ["Console", "CloudEngine", "TerminalUI", "ScreenTesting", "TestSupport", "overcast"],
            exclude: ["Snapshots"]
        ),
    ]
)
