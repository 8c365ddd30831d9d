import Foundation
import GRDB
import GSLCasework
import GSLCore

/// One stored request (诉求).
public struct CaseRecord: Sendable {
    /// Row id.
    public let id: Int64
    /// The enterprise.
    public let orgID: Int64
    /// The enterprise's name.
    public let orgName: String
    /// The enterprise's county code, when known.
    public let county: String?
    /// Where the request came from.
    public let source: CaseSource
    /// Category code of the taxonomy.
    public let category: String
    /// Priority.
    public let priority: CasePriority
    /// Short title.
    public let title: String
    /// Full text.
    public let description: String?
    /// Current state (in an SLA view of a past day, the state of that day).
    public internal(set) var state: CaseState
    /// Lead department (主办).
    public let leadDepartment: String?
    /// Assisting departments (协办).
    public let assisting: [String]
    /// The case this one was merged into.
    public let mergedInto: Int64?
    /// Date opened.
    public let openedOn: String
    /// Optimistic-lock version.
    public let version: Int64
    /// The event it was raised at (source `event`).
    public let eventID: Int64?

    /// Decodes a row of `CaseRepository.select`, by position.
    init(row: Row) {
        id = row[0]
        orgID = row[1]
        orgName = row[2] ?? ""
        let region: String? = row[3]
        county = region.map { String($0.prefix(6)) }
        source = CaseSource(rawValue: row[4]) ?? .online
        category = row[5]
        priority = CasePriority(rawValue: row[6]) ?? .normal
        title = row[7]
        description = row[8]
        state = CaseState(rawValue: row[9]) ?? .draft
        leadDepartment = row[10]
        let assistingText: String = row[11]
        assisting =
            assistingText == "[]"
            ? [] : (try? JSONDecoder().decode([String].self, from: Data(assistingText.utf8))) ?? []
        mergedInto = row[12]
        openedOn = row[13]
        version = row[14]
        eventID = row.count > 15 ? row[15] : nil
    }
}
