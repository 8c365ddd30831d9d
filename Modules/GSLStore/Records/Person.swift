import GRDB
import GSLCore

/// A person: an entrepreneur, a member of staff, or another contact.
public struct Person: Sendable, Equatable, FetchableRecord {
    /// Row id.
    public var id: Int64
    /// What kind of person.
    public var kind: PersonKind
    /// Name.
    public var name: String
    /// `M` or `F`.
    public var gender: String?
    /// Year of birth.
    public var birthYear: Int?
    /// Resident ID card number (personal data).
    public var idCard: String?
    /// Mobile or phone number (personal data).
    public var phone: String?
    /// E-mail.
    public var email: String?
    /// The organisation the person works for.
    public var organisationID: Int64?
    /// Job title, e.g. 董事长.
    public var title: String?
    /// 备注.
    public var note: String?
    /// Optimistic-lock version.
    public var version: Int64
    /// Created instant.
    public var createdAt: String
    /// Last change instant.
    public var updatedAt: String

    /// Decodes a row of `people`.
    public init(row: Row) {
        id = row["id"]
        kind = PersonKind(rawValue: row["kind"]) ?? .other
        name = row["name"]
        gender = row["gender"]
        birthYear = row["birth_year"]
        idCard = row["id_card"]
        phone = row["phone"]
        email = row["email"]
        organisationID = row["organisation_id"]
        title = row["title"]
        note = row["note"]
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }
}
