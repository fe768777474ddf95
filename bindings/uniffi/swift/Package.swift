// swift-tools-version:5.9
// The Swift bindings of zhurnal. tests/run-kotlin generates
// Sources/Zhurnal/Zhurnal.swift and Sources/ZhurnalFFI/ZhurnalFFI.h from
// the built library (never committed) and runs `swift test` where Swift
// is installed. The library is linked from the workspace's target/release
// (on iOS: an xcframework of the static library instead).
import PackageDescription

let package = Package(
    name: "Zhurnal",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "Zhurnal", targets: ["Zhurnal"]),
    ],
    targets: [
        .systemLibrary(name: "ZhurnalFFI", path: "Sources/ZhurnalFFI"),
        .target(
            name: "Zhurnal",
            dependencies: ["ZhurnalFFI"],
            path: "Sources/Zhurnal",
            linkerSettings: [.unsafeFlags(["-L../../../target/release"])]
        ),
        .testTarget(
            name: "ZhurnalTests",
            dependencies: ["Zhurnal"],
            path: "Tests/ZhurnalTests"
        ),
    ]
)
