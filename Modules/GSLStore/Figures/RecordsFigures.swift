import GSLCore

/// The annual report's figures over chambers and their members (商会建设).
public enum RecordsFigures {
    /// Memberships of enterprises in force at the end of the period.
    static let inForce = """
        FROM memberships m JOIN organisations c ON c.id = m.chamber_id
        WHERE m.member_org_id IS NOT NULL AND (m.start_date IS NULL OR m.start_date <= :to)
          AND (m.end_date IS NULL OR m.end_date > :to)
        """

    static func chambers(_ type: String) -> String {
        "FROM organisations WHERE kind = 'chamber' AND chamber_type = '\(type)' AND (established IS NULL OR established <= :to)"
    }

    /// The figures, in report order.
    public static let figures: [FigureDefinition] = [
        FigureDefinition(
            id: "chambers.direct", section: .chambers,
            label: Message("市工商联直属商会", en: "Chambers directly under the federation"),
            measure: Message("家", en: ""), unit: .count,
            definition: Message("期末已成立的直属商会", en: "direct chambers established by the end of the period"),
            valueSQL: "SELECT COUNT(*) \(chambers("direct"))",
            recordsSQL:
                "SELECT id AS chamber_id, name, region_code, established \(chambers("direct")) ORDER BY id"),
        FigureDefinition(
            id: "chambers.town", section: .chambers,
            label: Message("乡镇（街道）商会", en: "Town and street chambers"),
            measure: Message("家", en: ""), unit: .count,
            definition: Message(
                "期末已成立的乡镇（街道）商会", en: "town and street chambers established by the end of the period"),
            valueSQL: "SELECT COUNT(*) \(chambers("town_street"))",
            recordsSQL:
                "SELECT id AS chamber_id, name, region_code, established \(chambers("town_street")) ORDER BY id"
        ),
        FigureDefinition(
            id: "chambers.member-firms", section: .chambers, label: Message("会员企业", en: "Member enterprises"),
            measure: Message("家", en: ""), unit: .count,
            definition: Message(
                "期末至少在一家商会有有效会籍的企业（去重）",
                en: "distinct enterprises with a membership in force at the end of the period"),
            valueSQL: "SELECT COUNT(DISTINCT m.member_org_id) \(inForce)",
            recordsSQL: """
                SELECT m.member_org_id AS enterprise_id, o.name AS enterprise, c.name AS chamber, m.start_date
                \(inForce.replacingOccurrences(of: "WHERE", with: "JOIN organisations o ON o.id = m.member_org_id WHERE"))
                ORDER BY m.member_org_id, m.id
                """),
        FigureDefinition(
            id: "chambers.new-members", section: .chambers,
            label: Message("新发展会员企业", en: "New member enterprises"),
            measure: Message("家", en: ""), unit: .count,
            definition: Message("期间内开始的企业会籍", en: "enterprise memberships that started in the period"),
            valueSQL: """
                SELECT COUNT(*) FROM memberships
                WHERE member_org_id IS NOT NULL AND start_date BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT m.id AS membership_id, m.start_date, o.name AS enterprise, c.name AS chamber
                FROM memberships m JOIN organisations o ON o.id = m.member_org_id
                JOIN organisations c ON c.id = m.chamber_id
                WHERE m.start_date BETWEEN :from AND :to ORDER BY m.start_date, m.id
                """),
    ]
}
