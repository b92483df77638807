// swift-tools-version:6.0
// Relais: no package dependencies. Only the toolchain and the system's SQLite and zlib.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "Relais",
  platforms: [.macOS(.v15)],
  products: [.executable(name: "relais", targets: ["relais"])],
  targets: [
    // System libraries (headers from libsqlite3-dev and zlib1g-dev).
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite",
      providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib",
      providers: [.apt(["zlib1g-dev"])]),

    // Leaves: know nothing of the LMS.
    .target(name: "Crypto", swiftSettings: strict),
    // The fonts certificates embed (Noto subsets, SIL OFL), copied next to the executable.
    .target(name: "PDF", resources: [.copy("Fonts")], swiftSettings: strict),
    .target(name: "HTTPServer", dependencies: ["CZlib"], swiftSettings: strict),
    .target(name: "Markdown", swiftSettings: strict),
    .target(name: "GIFT", swiftSettings: strict),

    // The product.
    .target(name: "Catalog", dependencies: ["Markdown", "GIFT"], swiftSettings: strict),
    .target(name: "Storage", dependencies: ["CSQLite"], swiftSettings: strict),
    .target(
      name: "Academy", dependencies: ["Catalog", "Storage", "Crypto"], swiftSettings: strict),
    .target(
      name: "Web", dependencies: ["HTTPServer", "Academy", "Crypto", "PDF"],
      swiftSettings: strict),
    .executableTarget(name: "relais", dependencies: ["Web"], swiftSettings: strict),

    .testTarget(name: "CryptoTests", dependencies: ["Crypto"], swiftSettings: strict),
    .testTarget(name: "PDFTests", dependencies: ["PDF"], swiftSettings: strict),
    .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"], swiftSettings: strict),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], swiftSettings: strict),
    .testTarget(name: "GIFTTests", dependencies: ["GIFT"], swiftSettings: strict),
    .testTarget(name: "CatalogTests", dependencies: ["Catalog"], swiftSettings: strict),
    .testTarget(name: "StorageTests", dependencies: ["Storage"], swiftSettings: strict),
    .testTarget(name: "AcademyTests", dependencies: ["Academy"], swiftSettings: strict),
    .testTarget(name: "WebTests", dependencies: ["Web"], swiftSettings: strict),
    // Depends on the executable too, so `swift test` alone builds the binary that the
    // kill -9 test starts and kills.
    .testTarget(
      name: "EndToEndTests", dependencies: ["Web", "relais"], swiftSettings: strict),
  ]
)
