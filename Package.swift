// swift-tools-version:6.1
import PackageDescription

/// The tests' own code is not optimised, even in a release build: the release run is there to test
/// the optimised engine (plain -O, checks on), and optimising 800-odd test functions took CI
/// several minutes.
let testCodeSettings: [SwiftSetting] = [.unsafeFlags(["-Onone"], .when(configuration: .release))]

let package = Package(
    name: "investigate",
    products: [
        .executable(name: "investigate", targets: ["tui"]),
        .library(name: "Investigate", targets: ["Investigate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .systemLibrary(name: "CSystemZlib", path: "Sources/CZlib"),
        // The memory-level core: every raw pointer of the engine lives here, behind bounds
        // checks; its API lends bytes as `Span`s and never hands out a pointer.
        .target(
            name: "ByteCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")], path: "Sources/ByteCore",
            exclude: ["README.md"]),
        .target(
            name: "Investigate",
            dependencies: [
                "ByteCore",
                "CSystemZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/Investigate"
        ),
        // The case store on PostgreSQL: only `tui` and its tests link it (and SwiftNIO).
        .target(
            name: "InvestigatePostgres",
            dependencies: ["Investigate", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Sources/InvestigatePostgres"
        ),
        .executableTarget(
            name: "tui",
            dependencies: [
                "Investigate",
                "InvestigatePostgres",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/tui"
        ),
        // The parsers' fuzz targets: a corpus replayer in a plain build; with
        // `-sanitize=fuzzer -DFUZZING` a libFuzzer binary (Tests/fuzz.sh).
        .systemLibrary(name: "CFuzzerDriver", path: "Tests/FuzzDriver"),
        .executableTarget(
            name: "investigate-fuzz", dependencies: ["Investigate", "CFuzzerDriver"], path: "Tests/Fuzz",
            exclude: ["corpus"]),
        // One temporary folder per test process, removed when it exits (the test targets share it).
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "ByteCoreTests", dependencies: ["ByteCore"], path: "Tests/ByteCoreTests", swiftSettings: testCodeSettings),
        .testTarget(name: "InvestigateTests", dependencies: ["Investigate", "TestScratch"], path: "Tests/InvestigateTests", swiftSettings: testCodeSettings),
        .testTarget(name: "tuiTests", dependencies: ["tui", "Investigate", "TestScratch"], path: "Tests/tuiTests", swiftSettings: testCodeSettings),
        .testTarget(
            name: "PostgresStoreTests", dependencies: ["InvestigatePostgres", "Investigate", "TestScratch"],
            path: "Tests/PostgresStoreTests", swiftSettings: testCodeSettings),
    ]
)
