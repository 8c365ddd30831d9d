import GSLCasework
import GSLCore
import GSLTabular

/// One record with ordered lists (a timeline, adoptions): in tables one labelled line per item, in
/// CSV one numbered column per item (headers never repeat), in JSON arrays of objects in order.
struct RecordWithLists {
    /// A list: its JSON key, its label, and per item the table text and the JSON object.
    struct List {
        let key: String
        let label: String
        let lines: [String]
        let objects: [JSONValue]
    }

    var fields: [(key: String, label: String, value: Cell)]
    var lists: [List]

    func write(_ out: Output) {
        if out.isJSON {
            var pairs = fields.map { ($0.key, JSONValue($0.value)) }
            pairs += lists.map { ($0.key, .array($0.objects)) }
            out.document(.object(pairs))
            return
        }
        var all = fields
        for list in lists {
            for (i, line) in list.lines.enumerated() {
                all.append(
                    (
                        "\(list.key)_\(i + 1)", out.format == .csv ? "\(list.label) \(i + 1)" : list.label,
                        .text(line)
                    ))
            }
        }
        out.record(all)
    }
}

/// JSON objects for timeline entries: codes, not labels, so they do not change with `--lang`.
enum TimelineJSON {
    static func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    static func caseEvent(_ e: CaseEvent) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("date", .string(e.date.iso)), ("action", .string(e.action.kind.rawValue)),
            ("from", .string(e.from.rawValue)), ("to", .string(e.to.rawValue)), ("actor", .string(e.actor)),
        ]
        switch e.action {
        case .assign(let lead, let assisting):
            pairs.append(("lead", .string(lead)))
            pairs.append(("assisting", .array(assisting.map { .string($0) })))
        case .reject(let reason):
            pairs.append(("reason", .string(reason)))
        case .merge(let into, _):
            pairs.append(("merged_into", .string(into)))
        case .evaluate(let cb):
            pairs.append(
                (
                    "callback",
                    .object([
                        ("valid", .bool(cb.valid)), ("contacted", .bool(cb.contacted)),
                        ("solved", .bool(cb.solved)), ("satisfaction", text(cb.satisfaction?.rawValue)),
                    ])
                ))
        default: break
        }
        pairs.append(("note", text(e.note)))
        return .object(pairs)
    }

    static func infoEvent(_ e: InfoEvent) -> JSONValue {
        .object([
            ("date", .string(e.date.iso)), ("kind", .string(e.kind.rawValue)),
            ("level", text(e.level?.rawValue)), ("body", text(e.body)), ("actor", .string(e.actor)),
        ])
    }

    static func proposalEvent(_ e: ProposalEvent) -> JSONValue {
        .object([
            ("date", .string(e.date)), ("action", .string(e.action)), ("from", text(e.from?.rawValue)),
            ("to", .string(e.to.rawValue)), ("detail", text(e.detail)), ("actor", .string(e.actor)),
            ("note", text(e.note)),
        ])
    }
}
