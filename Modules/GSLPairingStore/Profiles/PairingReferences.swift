import GRDB
import GSLCore
import GSLPairing
import GSLStore

/// Resolves what users type for the pairing tables: a village (村委会) by code, an enterprise, a
/// campaign.
enum PairingReferences {
    /// The canonical 12-digit code of a 村委会 in the region table: an unknown code is not found
    /// (`store.division-code-not-loaded`), a 居委会, town or county is refused (`pairing.not-village`).
    static func village(_ db: Database, _ text: String) throws -> (code: String, name: String) {
        let code = try DivisionCode(text)
        guard code.level == .village, code.villageKind == .villagersCommittee else {
            let what: Message =
                code.level == .village
                ? Message(
                    "\(code.villageKind?.chinese ?? "村级单位")（末三位 \(code.rawValue.suffix(3))）",
                    en:
                        "a \(code.villageKind == .residentsCommittee ? "residents' committee (居委会)" : "village-level unit") (last digits \(code.rawValue.suffix(3)))"
                )
                : Message("\(code.level.chinese)区划", en: "a \(code.level.rawValue)-level division")
            throw GSLError.data(
                "区划 \(code.rawValue) 是\(what.zh)，不是村委会：结对对象须为村委会（末三位 200–399）",
                en:
                    "division \(code.rawValue) is \(what.en), not a villagers' committee (村委会, last digits 200–399)"
            ).because(.pairingNotVillage)
        }
        guard
            let name = try String.fetchOne(
                db, sql: "SELECT name FROM regions WHERE code = ?", arguments: [code.rawValue])
        else {
            throw GSLError.notFound(
                "村代码 \(code.rawValue) 不在区划表中", en: "village code \(code.rawValue) is not in the region table"
            ).because(.divisionCodeNotLoaded)
        }
        return (code.rawValue, name)
    }

    /// An enterprise by id, USCC or name; another kind of organisation is refused.
    static func enterprise(_ db: Database, _ reference: String) throws -> Organisation {
        do {
            return try References.organisation(db, reference, kind: .enterprise)
        } catch let error as GSLError where error.kind == .notFound {
            guard let other = try? References.organisation(db, reference, kind: nil) else {
                // Eighteen characters of digits and capitals is a USCC typed wrong, not a name.
                let code = TextNormaliser.halfWidth(reference).trimmingCharacters(in: .whitespaces)
                if code.count == 18, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
                    _ = try USCC.validate(code)
                }
                throw error
            }
            throw GSLError.data(
                "「\(other.name)」是\(other.kind.chinese)，不是企业：只有企业参与结对",
                en:
                    "'\(other.name)' is a \(other.kind.rawValue), not an enterprise: only enterprises are paired"
            ).because(.pairingValueInvalid)
        }
    }

    /// The campaign id for a name or number, nil when there is none.
    static func campaignID(_ db: Database, _ reference: String) throws -> Int64? {
        if let id = Int64(reference),
            try Int64.fetchOne(db, sql: "SELECT id FROM pair_campaigns WHERE id = ?", arguments: [id]) != nil
        {
            return id
        }
        return try Int64.fetchOne(
            db, sql: "SELECT id FROM pair_campaigns WHERE name = ?", arguments: [reference])
    }

    /// The campaign id, or not found (`pairing.campaign-not-found`).
    static func existingCampaign(_ db: Database, _ reference: String) throws -> Int64 {
        guard let id = try campaignID(db, reference) else {
            throw GSLError.notFound("未找到结对活动「\(reference)」", en: "no pairing campaign '\(reference)'")
                .because(.pairingCampaignNotFound)
        }
        return id
    }

    /// `text` trimmed; blank is refused naming `what`.
    static func nonBlank(_ text: String, _ what: Message) throws(GSLError) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else {
            throw GSLError.data("\(what.zh)不能为空", en: "\(what.en) must not be blank").because(.valueRequired)
        }
        return t
    }

    /// A positive amount (`50万`, `1.2亿元`); zero or negative is refused naming `what`.
    static func positiveAmount(_ text: String, _ what: Message) throws(GSLError) -> Money {
        let money = try Money.parse(text)
        guard money.fen > 0 else {
            throw GSLError.data(
                "\(what.zh)应为正数：\(text)", en: "\(what.en) must be positive: \(text)"
            ).because(.pairingValueInvalid)
        }
        return money
    }

    /// A non-negative amount; negative is refused naming `what`.
    static func nonNegativeAmount(_ text: String, _ what: Message) throws(GSLError) -> Money {
        let money = try Money.parse(text)
        guard money.fen >= 0 else {
            throw GSLError.data(
                "\(what.zh)不能为负数：\(text)", en: "\(what.en) must not be negative: \(text)"
            ).because(.pairingValueInvalid)
        }
        return money
    }
}
