import Foundation
import GRDB
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
    /// Current state.
    public let state: CaseState
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

    init(row: Row) {
        id = row["id"]
        orgID = row["org_id"]
        orgName = row["org_name"] ?? ""
        let region: String? = row["region_code"]
        county = region.map { String($0.prefix(6)) }
        source = CaseSource(rawValue: row["source"]) ?? .online
        category = row["category"]
        priority = CasePriority(rawValue: row["priority"]) ?? .normal
        title = row["title"]
        description = row["description"]
        state = CaseState(rawValue: row["state"]) ?? .draft
        leadDepartment = row["lead_department"]
        let assistingText: String = row["assisting"]
        assisting = (try? JSONDecoder().decode([String].self, from: Data(assistingText.utf8))) ?? []
        mergedInto = row["merged_into"]
        openedOn = row["opened_on"]
        version = row["version"]
    }
}
