import Foundation

/// Locates an executable product (`equity-bench`, `equity-node`, ...) that
/// `swift build --build-tests` placed in the same build directory as the test bundle,
/// so end-to-end tests can start real binaries.
enum BuiltProduct {
    /// The product was not found; says where it looked and how to build it.
    struct Missing: Error, CustomStringConvertible {
        let name: String
        let searched: [String]

        var description: String {
            "executable product '\(name)' is not built; looked in "
                + searched.joined(separator: ", ")
                + ". Run `swift build --build-tests` (as `make test` does) before `swift test --skip-build`"
        }
    }

    /// The file URL of executable product `name`.
    static func executable(_ name: String) throws -> URL {
        let directories = buildDirectories()
        for directory in directories {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(name: name, searched: directories.map(\.path))
    }

    /// Where the running tests were built: on Linux the test runner is itself
    /// `.build/<configuration>/<Package>PackageTests.xctest`; on macOS that name is a
    /// bundle loaded by a runner from elsewhere, so look beside the bundle.
    private static func buildDirectories() -> [URL] {
        var directories: [URL] = []
        if let runner = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            directories.append(runner.deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var seen = Set<String>()
        return directories.filter { seen.insert($0.path).inserted }
    }
}
