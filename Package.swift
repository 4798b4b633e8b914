// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "qapress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qapress", targets: ["qapress"]),
        .library(name: "QAPipeline", targets: ["QAPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "QADiagnostics", dependencies: ["CByteSet"]),
        // Finds the first byte of a set sixteen bytes at a time, for the scans over every text.
        .target(name: "CByteSet"),
        .target(name: "QAModel", dependencies: ["QADiagnostics"]),
        .target(name: "QAMarkdown", dependencies: ["CCmarkGFM", "CCmarkInlineTable", "CCmarkArena", "QADiagnostics"]),
        // Takes cmark-gfm's calls that switch its global table of inline characters, so that
        // texts can be parsed on several cores (QAMarkdown's InlineCharacterTable).
        .target(name: "CCmarkInlineTable", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // A thread's arena for cmark-gfm's allocations: one text's parse and render allocate
        // by bumping a pointer and are given back at once (QAMarkdown's MarkdownRenderer).
        .target(name: "CCmarkArena"),
        .target(name: "QALoading", dependencies: ["CQASystem", "QADiagnostics", "QAModel", "QAMarkdown", .product(name: "Yams", package: "Yams")]),
        .target(name: "QAValidation", dependencies: ["QADiagnostics", "QAModel"]),
        .target(name: "QARendering", dependencies: ["QADiagnostics", "QAModel", "QAMarkdown"]),
        .target(name: "QAChanges", dependencies: ["QADiagnostics", "QAModel"]),
        .target(name: "CQASystem"),
        .target(name: "QAOutput", dependencies: ["QADiagnostics", "QARendering", "CQASystem"]),
        .target(name: "QAPipeline", dependencies: ["QADiagnostics", "QAModel", "QALoading", "QAValidation", "QAMarkdown", "QARendering", "QAOutput", "QAChanges"]),
        .target(name: "QAServe", dependencies: [
            "QADiagnostics", "QAModel", "QAPipeline", "QARendering", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "qapress", dependencies: [
            "QAServe",
            "QAPipeline", "QADiagnostics", "QALoading", "QAModel", "QAChanges",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .target(name: "CAllocatorSettings", condition: .when(platforms: [.linux])),
        ], linkerSettings: [
            // jemalloc instead of glibc's malloc for the whole process (Swift's runtime and
            // cmark-gfm included): builds allocate millions of small objects on both cores,
            // and docs/BENCHMARKS.md measured the website build 14% faster with it.
            .linkedLibrary("jemalloc", .when(platforms: [.linux])),
        ]),
        // jemalloc's settings for the qapress program.
        .target(name: "CAllocatorSettings"),
        // libFuzzer target, built only by scripts/fuzz (with -sanitize=fuzzer); a plain build gets a stub.
        .executableTarget(name: "QAFuzz", dependencies: ["QAPipeline", "QALoading", "QAMarkdown", "QAModel"]),
        // A seeded random number generator shared by the tests that generate their inputs.
        .target(name: "QATestSupport", path: "Tests/QATestSupport"),
        .testTarget(name: "QADiagnosticsTests", dependencies: ["QADiagnostics", "QATestSupport"]),
        .testTarget(name: "QAMarkdownTests", dependencies: ["QAMarkdown", "QATestSupport", "CCmarkArena", "CCmarkGFM"]),
        .testTarget(name: "QALoadingTests", dependencies: ["QALoading", "QAModel", "QADiagnostics", "QATestSupport"]),
        .testTarget(name: "QAValidationTests", dependencies: ["QAValidation", "QALoading", "QAModel", "QADiagnostics", "QATestSupport"]),
        // swift-mustache, which QARendering's template engine replaced, only as the reference
        // of the differential test.
        .testTarget(name: "QARenderingTests", dependencies: [
            "QARendering", "QAModel", "QADiagnostics", "QAPipeline", "QATestSupport", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "QAOutputTests", dependencies: ["QAOutput", "QARendering"]),
        .testTarget(name: "QAServeTests", dependencies: ["QAServe"]),
        .testTarget(name: "QAPipelineTests", dependencies: ["QAPipeline", "QADiagnostics", "QALoading", "QAModel"], exclude: []),
    ]
)
