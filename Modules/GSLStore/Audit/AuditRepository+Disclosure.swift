import GRDB
import GSLCore

extension AuditRepository {
    /// Records that personal data was shown unmasked (`--unmask`): an audit entry with entity
    /// `disclosure`, the subject (e.g. `organisation:12`, `person:*`) as its id and the command line.
    /// A read-only store cannot record it, so the disclosure is refused there (exit 77).
    public func recordDisclosure(_ context: MutationContext, subject: String, rows: Int?) throws(GSLError) {
        var after: [(String, DatabaseValue)] = [
            ("unmask", true.databaseValue), ("subject", subject.databaseValue),
        ]
        if let rows { after.append(("rows", rows.databaseValue)) }
        try store.write(context) { m in
            try m.audit(
                action: "insert", entity: "disclosure", entityID: subject, before: nil,
                after: AuditJSON.object(after))
        }
    }
}
