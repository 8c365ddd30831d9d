import Foundation
import GRDB
import GSLCore

/// Resolves a draft's references against the store (with caches, for imports) and writes it.
struct DraftResolver {
    private var regionCache: [String: String] = [:]
    private var orgCache: [String: Int64] = [:]

    /// The columns `rowValues` fills, in its order.
    static let columns = [
        "kind", "name", "uscc", "region_code", "industry_code", "industry_section", "size", "employees",
        "revenue_fen", "assets_fen", "chamber_type", "parent_id", "established", "address", "phone",
        "legal_rep", "note", "created_at", "updated_at",
    ]

    /// The column values of a draft, with region, parent resolved.
    mutating func columnValues(
        _ d: OrganisationDraft, _ m: Mutation, now: String,
        locate: (String) -> SourceLocation? = { _ in nil }
    ) throws -> [(String, DatabaseValue)] {
        Array(zip(Self.columns, try rowValues(d, m, now: now, locate: locate)))
    }

    /// The values of `columns` for a draft, with region and parent resolved.
    mutating func rowValues(
        _ d: OrganisationDraft, _ m: Mutation, now: String,
        locate: (String) -> SourceLocation? = { _ in nil }
    ) throws -> [DatabaseValue] {
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
            d.kind.rawValue.databaseValue, d.name.databaseValue, d.uscc.databaseValue,
            regionCode.databaseValue, d.industryCode.databaseValue, d.industrySection.databaseValue,
            d.size?.rawValue.databaseValue ?? .null, d.employees.databaseValue,
            d.revenue?.fen.databaseValue ?? .null, d.assets?.fen.databaseValue ?? .null,
            d.chamberType?.rawValue.databaseValue ?? .null, parentID.databaseValue,
            d.established.databaseValue, d.address.databaseValue, d.phone.databaseValue,
            d.legalRep.databaseValue, d.note.databaseValue, now.databaseValue, now.databaseValue,
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
                ("role", (d.role ?? "会员").databaseValue), ("start_date", m.context.day.iso.databaseValue),
                ("created_at", m.context.at.databaseValue), ("updated_at", m.context.at.databaseValue),
            ])
    }
}
