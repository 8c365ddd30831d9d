import Foundation
import GSLCore

/// Scores and ranks information reports by author or chamber from a points table.
public enum InfoScoring {
    /// Sums the points of `events` (those dated in `period`, when given) per author or chamber of
    /// their report; highest first, ties by key, equal points share the smallest rank. Groups with
    /// no event in scope are left out.
    public static func score(
        reports: [InfoReport], events: [InfoEvent], table: InfoPointsTable,
        by grouping: InfoGrouping = .author, period: Period? = nil
    ) -> [InfoScore] {
        let byID = Dictionary(reports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [String: InfoScore] = [:]
        var counted: [String: Set<Int64>] = [:]
        for event in events {
            if let period, !period.contains(event.date) { continue }
            guard let report = byID[event.reportID] else { continue }
            let key =
                switch grouping {
                case .author: report.author
                case .chamber: report.chamberName ?? "（无商会）"
                }
            var line = lines[key] ?? InfoScore(key: key, points: 0, rank: 0)
            if grouping == .chamber && report.chamberName == nil { line.withoutChamber = true }
            line.points += table.points(for: event)
            if event.kind == .adopt { line.adoptions += 1 }
            if event.kind == .instruct { line.instructions += 1 }
            counted[key, default: []].insert(report.id)
            line.reports = counted[key]!.count
            lines[key] = line
        }
        let sorted = lines.values.sorted { $0.points != $1.points ? $0.points > $1.points : $0.key < $1.key }
        var out: [InfoScore] = []
        for (i, var line) in sorted.enumerated() {
            line.rank = i > 0 && out[i - 1].points == line.points ? out[i - 1].rank : i + 1
            out.append(line)
        }
        return out
    }
}
