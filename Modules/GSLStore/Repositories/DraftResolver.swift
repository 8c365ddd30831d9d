import Foundation
import GRDB
import GSLCore

/// Resolves a draft's references against the store (with caches, for imports) and writes it.
struct DraftResolver {
    private var regionCache: [String: String] = [:]
    private var orgCache: [String: Int64] = [:]

    /// The column values of a draft, with region, parent resolved.
    mutating func columnValues(
        _ d: OrganisationDraft, _ m: Mutation, now: String,
        locate: (String) -> SourceLocation? = { _ in nil }
    ) throws -> [(String, DatabaseValue)] {
        var regionCode: String?
        if let text = d.regionText {
            if let cached = regionCache[text] {
                regionCode = cached
            } else {
                let code = try Self.located("region", locate) { try References.regionCode(m.db, text) }
                regionCache[text] = code
                regionCode = code
            }
        }
        var parentID: Int64?
        if let ref = d.parentRef {
            parentID = try Self.located("parent", locate) { try organisationID(ref, m, kind: nil) }
        }
        return [
            ("kind", d.kind.rawValue.databaseValue), ("name", d.name.databaseValue),
            ("uscc", d.uscc.databaseValue), ("region_code", regionCode.databaseValue),
            ("industry_code", d.industryCode.databaseValue),
            ("industry_section", d.industrySection.databaseValue),
            ("size", d.size?.rawValue.databaseValue ?? .null), ("employees", d.employees.databaseValue),
            ("revenue_fen", d.revenue?.fen.databaseValue ?? .null),
            ("assets_fen", d.assets?.fen.databaseValue ?? .null),
            ("chamber_type", d.chamberType?.rawValue.databaseValue ?? .null),
            ("parent_id", parentID.databaseValue),
            ("established", d.established.databaseValue), ("address", d.address.databaseValue),
            ("phone", d.phone.databaseValue), ("legal_rep", d.legalRep.databaseValue),
            ("note", d.note.databaseValue),
            ("created_at", now.databaseValue), ("updated_at", now.databaseValue),
        ]
    }

    mutating func organisationID(_ ref: String, _ m: Mutation, kind: OrganisationKind?) throws -> Int64 {
        let key = "\(kind?.rawValue ?? "")|\(ref)"
        if let id = orgCache[key] { return id }
        let id = try References.organisation(m.db, ref, kind: kind).id
        orgCache[key] = id
        return id
    }

    /// Inserts the draft and, when it names a chamber, its membership; returns the new id.
    @discardableResult
    mutating func insert(
        _ d: OrganisationDraft, _ m: Mutation,
        locate: (String) -> SourceLocation? = { _ in nil }
    ) throws -> Int64 {
        let values = try columnValues(d, m, now: m.context.at, locate: locate)
        let id = try m.insert(into: "organisations", entity: "organisation", values: values)
        try joinChamber(d, id: id, m, locate: locate)
        return id
    }

    /// Runs `work`, pinning a failure to the field's location.
    static func located<T>(_ key: String, _ locate: (String) -> SourceLocation?, _ work: () throws -> T)
        throws -> T
    {
        do {
            return try work()
        } catch let error as GSLError {
            throw locate(key).map { error.at($0) } ?? error
        }
    }

    /// Adds the membership named in the draft unless it is already current.
    mutating func joinChamber(
        _ d: OrganisationDraft, id: Int64, _ m: Mutation,
        locate: (String) -> SourceLocation? = { _ in nil }
    ) throws {
        guard let chamberRef = d.chamberRef else { return }
        let chamberID = try Self.located("chamber", locate) {
            try organisationID(chamberRef, m, kind: .chamber)
        }
        let exists = try Int64.fetchOne(
            m.db,
            sql: "SELECT id FROM memberships WHERE chamber_id = ? AND member_org_id = ? AND end_date IS NULL",
            arguments: [chamberID, id])
        guard exists == nil else { return }
        try m.insert(
            into: "memberships", entity: "membership",
            values: [
                ("chamber_id", chamberID.databaseValue), ("member_org_id", id.databaseValue),
                ("role", (d.role ?? "会员").databaseValue), ("start_date", LocalDate.today().iso.databaseValue),
                ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
            ])
    }
}
