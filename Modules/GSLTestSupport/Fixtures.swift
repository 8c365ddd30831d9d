import Foundation

/// Locations of fixtures shared by the test targets.
public enum Fixtures {
    /// The repository root, found from this source file's path.
    public static let repositoryRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// `../shared/reference` beside the repository, or nil when absent (tests then skip with a message).
    public static var sharedReference: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The project's own `Datasets/` folder.
    public static var datasets: URL { repositoryRoot.appendingPathComponent("Datasets") }

    /// A fresh temporary directory for one test.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gsl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
