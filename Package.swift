// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "clerk-tui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clerk-tui", targets: ["clerk-tui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh.git", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // System-library shims: headers and link flags only.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CFido2", pkgConfig: "libfido2", providers: [.apt(["libfido2-dev", "libcbor-dev"])]),
        .systemLibrary(name: "CMaxMindDB", pkgConfig: "libmaxminddb", providers: [.apt(["libmaxminddb-dev"])]),

        // Wire models, endpoints and the libcurl transport. No UI.
        .target(name: "FrontendAPI", dependencies: [
            "CCurl",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The local Frontend API server.
        .target(name: "FrontendServer", dependencies: [
            "FrontendAPI",
            "COpenSSL",
            "WebAuthn",
            "CMaxMindDB",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ], plugins: ["EmbedText"]),
        // WebAuthn on libfido2 and libcbor: CBOR, COSE keys, authenticator data, and the relying party's checks.
        .target(name: "WebAuthn", dependencies: [
            "CFido2", "FrontendAPI", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The portal's passkey authenticators: security keys through libfido2, and a software one in a 0600 file.
        .target(name: "Authenticators", dependencies: [
            "WebAuthn", "CFido2", "FrontendAPI", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Flow state machines: pure Swift on FrontendAPI's models.
        .target(name: "Portal", dependencies: ["FrontendAPI"], exclude: ["README.md"]),
        // The ncurses toolkit. Knows nothing of Clerk.
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "CQREncode", "TOMLKit"]),
        // Screens: views of Portal machines drawn with TerminalUI. Views read the wire models the machines hold
        // (FrontendAPI's User, Session, TOTP…); calls go through Portal's Backend, never the client directly.
        .target(name: "Screens", dependencies: ["Portal", "TerminalUI", "FrontendAPI"]),
        // `clerk-tui ssh`: the SSH server that runs one child portal per session on its own pty.
        .target(name: "SSHFrontDoor", dependencies: [
            .product(name: "NIOSSH", package: "swift-nio-ssh"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The command-line program: argument parsing and wiring only.
        .executableTarget(name: "clerk-tui", dependencies: [
            "FrontendAPI", "FrontendServer", "Portal", "Screens", "TerminalUI", "SSHFrontDoor", "Authenticators",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], plugins: ["BuildInfo"]),

        // Build time only: the plugin compiles a target's .txt files in as string constants (not shipped).
        .plugin(name: "EmbedText", capability: .buildTool(), dependencies: ["EmbedTextTool"]),
        // Build time only: names the commit `clerk-tui --version` prints.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(name: "EmbedTextTool", path: "Plugins/EmbedTextTool"),

        // Benchmarks/client/run.sh: FrontendAPI client timing (not shipped).
        .executableTarget(name: "client-bench", dependencies: ["FrontendAPI"], path: "Benchmarks/client/Sources"),

        .testTarget(name: "FrontendAPITests", dependencies: ["FrontendAPI", "FrontendServer"], exclude: ["Fixtures"]),
        .testTarget(name: "FrontendServerTests", dependencies: ["FrontendServer", "FrontendAPI", "WebAuthn"]),
        .testTarget(name: "WebAuthnTests", dependencies: ["WebAuthn", "FrontendAPI", "Authenticators"]),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "FrontendServer"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], exclude: ["Snapshots"]),
        .testTarget(name: "ScreensTests", dependencies: ["Screens", "TerminalUI", "Portal"], exclude: ["Snapshots"]),
        .testTarget(name: "SSHFrontDoorTests", dependencies: ["SSHFrontDoor"]),
    ],
    swiftLanguageModes: [.v6]
)
