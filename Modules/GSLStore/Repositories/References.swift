import GRDB
import GSLCore

/// Resolves the references users type (an id, a USCC, a name, a division code or name) to rows.
public enum References {
    /// The enterprise `ref` names. Another kind of organisation (a chamber, a federation …) is refused
    /// (exit 65) with `cause`, the message ending in `purpose` ("只有企业可以作为走访对象" / "only
    /// enterprises are visited"); an unknown reference is not found.
    public static func enterprise(_ db: Database, _ ref: String, purpose: Message, cause: GSLError.Cause)
        throws
        -> Organisation
    {
        do {
            return try organisation(db, ref, kind: .enterprise)
        } catch let error as GSLError where error.kind == .notFound {
            guard let other = try? organisation(db, ref, kind: nil) else {
                // Eighteen characters of digits and capitals is a USCC typed wrong, not a name.
                let code = TextNormaliser.halfWidth(ref).trimmingCharacters(in: .whitespaces)
                if code.count == 18, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
                    _ = try USCC.validate(code)
                }
                throw error
            }
            throw GSLError.data(
                "「\(other.name)」是\(other.kind.chinese)，不是企业：\(purpose.zh)",
                en: "'\(other.name)' is a \(other.kind.rawValue), not an enterprise: \(purpose.en)"
            ).because(cause)
        }
    }

    /// An organisation by id, USCC or exact name; `kind` restricts the match.
    public static func organisation(_ db: Database, _ ref: String, kind: OrganisationKind? = nil) throws
        -> Organisation
    {
        let text = ref.trimmingCharacters(in: .whitespaces)
        var candidates: [Organisation] = []
        if let id = Int64(TextNormaliser.halfWidth(text)) {
            candidates = try Organisation.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM organisations WHERE id = ?"), arguments: [id])
        }
        if candidates.isEmpty && text.count == 18 {
            candidates = try Organisation.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM organisations WHERE uscc = ?"),
                arguments: [TextNormaliser.halfWidth(text).uppercased()])
        }
        if candidates.isEmpty {
            candidates = try Organisation.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM organisations WHERE name = ? LIMIT 6"),
                arguments: [text])
        }
        if let kind { candidates = candidates.filter { $0.kind == kind } }
        if candidates.count > 1 {
            let ids = candidates.map { "#\($0.id)" }.joined(separator: ", ")
            throw GSLError.data(
                "名称「\(text)」对应多个组织（\(ids)），请用编号或信用代码",
                en: "name '\(text)' matches several organisations (\(ids)); use the id or USCC")
        }
        guard let found = candidates.first else {
            let what = kind.map { Message($0.chinese, en: $0.rawValue) } ?? Message("组织", en: "organisation")
            throw GSLError.notFound("找不到\(what.zh)「\(text)」", en: "\(what.en) '\(text)' not found")
                .because(.storeReferenceNotFound)
        }
        return found
    }

    /// A person by id or exact name.
    public static func person(_ db: Database, _ ref: String) throws -> Person {
        let text = ref.trimmingCharacters(in: .whitespaces)
        var candidates: [Person] = []
        if let id = Int64(TextNormaliser.halfWidth(text)) {
            candidates = try Person.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM people WHERE id = ?"), arguments: [id])
        }
        if candidates.isEmpty {
            candidates = try Person.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM people WHERE name = ? LIMIT 6"), arguments: [text])
        }
        if candidates.count > 1 {
            let ids = candidates.map { "#\($0.id)" }.joined(separator: ", ")
            throw GSLError.data(
                "姓名「\(text)」对应多人（\(ids)），请用编号",
                en: "name '\(text)' matches several people (\(ids)); use the id")
        }
        guard let found = candidates.first else {
            throw GSLError.notFound("找不到人员「\(text)」", en: "person '\(text)' not found")
                .because(.storeReferenceNotFound)
        }
        return found
    }

    /// A division by code (any accepted form) or by unique name; returns its canonical code.
    static func regionCode(_ db: Database, _ ref: String) throws -> String {
        let text = TextNormaliser.halfWidth(ref)
        if text.allSatisfy(\.isNumber) {
            let code = try DivisionCode(text).rawValue
            guard
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT code FROM regions WHERE code = ?"), arguments: [code])
                    != nil
            else {
                throw GSLError.notFound(
                    "区划代码 \(code) 不在区划表中", en: "division code \(code) is not in the region table"
                ).because(.divisionCodeNotLoaded)
            }
            return code
        }
        let codes = try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT code FROM regions WHERE name = ? ORDER BY length(code), code LIMIT 6"),
            arguments: [text])
        guard let first = codes.first else {
            return try regionByLooseName(db, text)
        }
        if codes.count > 1 && codes[1].count == first.count {
            throw GSLError.data(
                "地区名「\(text)」有多个（\(codes.joined(separator: ", "))），请用区划代码",
                en: "region name '\(text)' is ambiguous (\(codes.joined(separator: ", "))); use the code")
        }
        return first
    }

    /// Suffixes that people leave off a division's name (海曙 for 海曙区).
    static let divisionSuffixes = ["区", "县", "市", "镇", "乡", "街道", "社区", "村", "居委会", "村委会", "开发区", "新区"]

    /// A division written with its city or province in front (宁波市海曙区, 浙江省宁波市海曙区) or
    /// without its suffix (海曙); else not found with the names it might be ("did you mean").
    static func regionByLooseName(_ db: Database, _ text: String) throws -> String {
        // With ancestors in front: the name ends the text and the rest is made of ancestors' names.
        let endings = try Row.fetchAll(
            db,
            sql: """
                SELECT code, name, parent_code FROM regions
                WHERE length(name) >= 2 AND length(name) < length(?1) AND substr(?1, -length(name)) = name
                ORDER BY length(code), code LIMIT 50
                """, arguments: [text])
        var matches: [String] = []
        for row in endings {
            let name: String = row["name"]
            var rest = String(text.dropLast(name.count))
            var parent: String? = row["parent_code"]
            while !rest.isEmpty, let code = parent,
                let up = try Row.fetchOne(
                    db, sql: "SELECT name, parent_code FROM regions WHERE code = ?", arguments: [code])
            {
                let upName: String = up["name"]
                if rest.hasSuffix(upName) { rest.removeLast(upName.count) }
                parent = up["parent_code"]
            }
            if rest.isEmpty { matches.append(row["code"]) }
        }
        if matches.count == 1 { return matches[0] }
        // Without the suffix: the name is the text plus one of the usual endings; the highest level wins.
        let bare = try Row.fetchAll(
            db,
            sql:
                "SELECT code, name FROM regions WHERE name LIKE ?1 || '%' ORDER BY length(code), code LIMIT 50",
            arguments: [text])
        let suffixed = bare.filter { row in
            let name: String = row["name"]
            return divisionSuffixes.contains(String(name.dropFirst(text.count)))
        }.map { $0["code"] as String }
        if let first = suffixed.first,
            suffixed.count == 1 || suffixed[1].count > first.count
        {
            return first
        }
        // Names that hold the text without its suffix (海曙镇 → 海曙区), or that it holds.
        let stem =
            divisionSuffixes.first { text.hasSuffix($0) && text.count > $0.count + 1 }
            .map { String(text.dropLast($0.count)) } ?? text
        let similar = try String.fetchAll(
            db,
            sql: """
                SELECT name || '（' || code || '）' FROM regions
                WHERE instr(name, ?2) > 0 OR (length(name) >= 2 AND instr(?1, name) > 0)
                ORDER BY length(code), code LIMIT 5
                """, arguments: [text, stem])
        if !similar.isEmpty || suffixed.count > 1 {
            let list = similar.joined(separator: "、")
            throw GSLError.notFound(
                "找不到地区「\(text)」；是否指：\(list)？", en: "region '\(text)' not found; did you mean: \(list)?"
            ).because(.storeReferenceNotFound)
        }
        throw GSLError.notFound("找不到地区「\(text)」", en: "region '\(text)' not found").because(
            .storeReferenceNotFound)
    }
}
