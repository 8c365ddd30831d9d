import Foundation
import GSLTabular
import GSLTestSupport

/// The reference files, read with GSLTabular's CSV reader (the one `gsl` itself uses).
enum CSVFixture {
    /// Header and rows of a CSV file.
    static func read(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let file = try TabularReader.read(path: url.path, format: .csv, encoding: .utf8)
        return (file.header, file.rows.map(\.values))
    }

    /// Rows keyed by the first column: key → column → text.
    static func keyed(_ url: URL) throws -> [String: [String: String]] {
        let (h, rows) = try read(url)
        var out: [String: [String: String]] = [:]
        for r in rows { out[r[0]] = Dictionary(uniqueKeysWithValues: zip(h, r).map { ($0, $1) }) }
        return out
    }

    static var reference: URL? { Fixtures.sharedReference }
    static func frameworkText(_ name: String) throws -> String {
        try String(
            contentsOf: Fixtures.datasets.appendingPathComponent("frameworks/\(name)"), encoding: .utf8)
    }
}
