import GSLCore
import GSLTabular

/// A person parsed and checked from text fields.
public struct PersonDraft: Sendable, Equatable {
    /// Kind.
    public var kind: PersonKind
    /// Name.
    public var name: String
    /// `M` or `F`.
    public var gender: String?
    /// Year of birth.
    public var birthYear: Int?
    /// ID card number, checked (GB 11643).
    public var idCard: String?
    /// Phone.
    public var phone: String?
    /// E-mail.
    public var email: String?
    /// Employer reference (id, USCC or name).
    public var organisationRef: String?
    /// Job title.
    public var title: String?
    /// Note.
    public var note: String?
    /// A chamber to join.
    public var chamberRef: String?
    /// Role in that chamber.
    public var role: String?

    /// The fields a person import understands.
    public static let fields: [FieldSpec] = [
        FieldSpec("name", aliases: ["姓名", "名字"], required: true),
        FieldSpec("kind", aliases: ["类型", "人员类型", "类别"]),
        FieldSpec("gender", aliases: ["性别", "sex"]),
        FieldSpec("birth_year", aliases: ["出生年份", "出生年", "出生日期", "出生年月", "birth", "birth_date"]),
        FieldSpec("id_card", aliases: ["身份证号", "身份证号码", "身份证", "证件号码"]),
        FieldSpec("phone", aliases: ["手机", "手机号", "电话", "联系电话", "mobile"]),
        FieldSpec("email", aliases: ["邮箱", "电子邮箱", "e-mail"]),
        FieldSpec("organisation", aliases: ["单位", "所在单位", "企业", "工作单位", "企业名称", "organization", "org"]),
        FieldSpec("title", aliases: ["职务", "职位", "单位职务"]),
        FieldSpec("note", aliases: ["备注"]),
        FieldSpec("chamber", aliases: ["所属商会", "商会"]),
        FieldSpec("role", aliases: ["会内职务", "商会职务"]),
    ]

    /// Parses and checks one record.
    public static func parse(_ r: FieldReader, defaultKind: PersonKind?) throws(GSLError) -> PersonDraft {
        try r.refuseControlCharacters(in: fields.map(\.key))
        var kind = defaultKind ?? .entrepreneur
        if let text = r.text("kind") {
            guard let k = PersonKind.parse(text) else {
                throw r.failure(
                    "kind", "未知的人员类型「\(text)」（企业家、工作人员、其他）",
                    en: "unknown person kind '\(text)' (entrepreneur, staff, other)")
            }
            kind = k
        }
        let name = try r.required("name", label: Message("姓名", en: "name"))
        let gender = try r.parse("gender") { (t: String) throws(GSLError) -> String in
            switch t.lowercased() {
            case "男", "m", "male": return "M"
            case "女", "f", "female": return "F"
            default:
                throw GSLError.data("性别应为男或女，实际为「\(t)」", en: "gender must be 男/女 (M/F), found '\(t)'")
                    .because(.genderUnknown)
            }
        }
        let idCard = try r.parse("id_card") { (t: String) throws(GSLError) -> String in
            try MaskedValue.refuse(t)
            let normalised = TextNormaliser.halfWidth(t).uppercased()
            if let problem = IDCardNumber.problem(with: normalised) {
                throw GSLError(.data, problem).because(.invalidIDCard)
            }
            return normalised
        }
        var birthYear = try r.parse("birth_year") { (t: String) throws(GSLError) -> Int in
            let text = TextNormaliser.halfWidth(t)
            if let year = Int(text.replacingOccurrences(of: "年", with: "")), (1900...2100).contains(year) {
                return year
            }
            if let date = try? LocalDate.parse(text) { return date.year }
            // 1975.03 / 1975-03 / 1975年3月: year and month only.
            let digits = text.prefix { $0.isNumber }
            if digits.count == 4, let year = Int(digits), (1900...2100).contains(year) { return year }
            throw GSLError.data("出生年份无效：「\(t)」", en: "invalid birth year '\(t)'")
        }
        if let idCard, let fromCard = IDCardNumber.birthYear(idCard) {
            if let birthYear, birthYear != fromCard {
                throw r.failure(
                    "birth_year", "出生年份 \(birthYear) 与身份证号中的 \(fromCard) 不一致",
                    en: "birth year \(birthYear) differs from \(fromCard) in the ID card number")
            }
            birthYear = fromCard
        }
        let phone = try r.parse("phone") { (t: String) throws(GSLError) -> String in
            try MaskedValue.refuse(t)
            let p = TextNormaliser.halfWidth(t).replacingOccurrences(of: " ", with: "")
            guard p.count >= 5, p.allSatisfy({ $0.isASCII && ($0.isNumber || "-+()".contains($0)) }) else {
                throw GSLError.data("电话号码格式不对：「\(t)」", en: "malformed phone number '\(t)'")
                    .because(.invalidPhone)
            }
            return p
        }
        let email = try r.parse("email") { (t: String) throws(GSLError) -> String in
            let e = TextNormaliser.halfWidth(t)
            guard e.contains("@"), !e.hasPrefix("@"), !e.hasSuffix("@"), !e.contains(" ") else {
                throw GSLError.data("邮箱格式不对：「\(t)」", en: "malformed e-mail '\(t)'")
            }
            return e
        }
        return PersonDraft(
            kind: kind, name: TextNormaliser.collapseSpaces(name), gender: gender, birthYear: birthYear,
            idCard: idCard, phone: phone, email: email, organisationRef: r.text("organisation"),
            title: r.text("title"), note: r.text("note"), chamberRef: r.text("chamber"), role: r.text("role"))
    }

    /// The text fields of a stored person, as an edit starts from them.
    static func fieldValues(of p: Person) -> [String: String?] {
        [
            "kind": p.kind.rawValue, "name": p.name, "gender": p.gender,
            "birth_year": p.birthYear.map(String.init),
            "id_card": p.idCard, "phone": p.phone, "email": p.email,
            "organisation": p.organisationID.map(String.init),
            "title": p.title, "note": p.note,
        ]
    }
}
