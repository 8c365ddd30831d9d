/// Any member name of a JSON object, for finding the ones an instance does not know.
struct InstanceKey: CodingKey {
    /// The member name.
    let stringValue: String
    /// Object members have no position.
    var intValue: Int? { nil }

    /// A member named `stringValue`.
    init(stringValue: String) { self.stringValue = stringValue }

    /// Positions are not member names.
    init?(intValue: Int) { nil }
}

/// Instance documents are strict like every settings file: a member the instance does not know
/// (`"maximize"` for `"maximise"`, `"capacty"`) is refused with its JSON path instead of being
/// silently ignored.
enum InstanceKeys {
    /// Throws `unknownField` for the first (alphabetically) member of the object being decoded
    /// that is not in `known`; does nothing when the value is not an object.
    static func check(_ decoder: any Decoder, known: [String]) throws {
        guard let container = try? decoder.container(keyedBy: InstanceKey.self) else { return }
        let unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        throw InstanceError(
            at: InstanceError.jsonPath(decoder.codingPath + [InstanceKey(stringValue: first)]),
            .unknownField(first, known: known))
    }
}
