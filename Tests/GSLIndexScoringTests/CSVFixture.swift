import Foundation
import GSLTestSupport

/// A minimal CSV reader for the reference files (quoted fields, no embedded newlines).
enum CSVFixture {
    static func parseLine(_ line: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var quoted = false
        var chars = Array(line)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if quoted {
                if ch == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        cur.append("\""); i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cur.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                out.append(cur); cur = ""
            } else {
                cur.append(ch)
            }
            i += 1
        }
        out.append(cur)
        return out
    }

    /// Header and rows of a CSV file.
    static func read(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: .newlines).filter { !$0.isEmpty }
        return (parseLine(lines[0]), lines.dropFirst().map(parseLine))
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
