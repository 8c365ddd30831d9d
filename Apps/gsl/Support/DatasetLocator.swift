import Foundation
import GSLCore

/// Finds the shipped `Datasets/reference` folder: `--dir`, `$GSL_DATASETS`, beside the executable's
/// checkout, or the working directory.
enum DatasetLocator {
    static func referenceDirectory(explicit: String?) throws(GSLError) -> String {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw GSLError.notFound(
                    "找不到参考数据目录：\(explicit)", en: "reference data folder not found: \(explicit)")
            }
            return explicit
        }
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["GSL_DATASETS"] {
            candidates.append(env + "/reference")
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Datasets/reference").path)
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/Datasets/reference")
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/divisions") })
        {
            return found
        }
        throw GSLError.notFound(
            "找不到 Datasets/reference，请用 --dir 指定", en: "Datasets/reference not found; pass --dir")
    }
}
