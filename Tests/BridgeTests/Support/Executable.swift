import Foundation

/// An executable product built beside the test bundle by `swift build --build-tests`.
enum Executable {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func url(_ name: String) throws -> URL {
        var folders: [URL] = []
        if let runner = Bundle.main.executableURL?.resolvingSymlinksInPath() { folders.append(runner.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(description: "\(name) is not built next to the tests (looked in \(folders.map(\.path))); run `swift build --build-tests` first")
    }
}
