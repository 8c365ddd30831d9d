/// A reference to a node, resident or hospital in an instance file: its `id` string or its
/// 0-based position.
enum InstanceRef: Decodable, Encodable, Hashable {
    /// A 0-based position.
    case index(Int)
    /// An `id` string.
    case name(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            self = .index(index)
        } else {
            self = .name(try container.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .index(let index): try container.encode(index)
        case .name(let name): try container.encode(name)
        }
    }

    /// Resolves against the `ids` of the entities (position when no id matches), or nil.
    func resolve(_ ids: [String: Int], count: Int) -> Int? {
        switch self {
        case .index(let index): (0..<count).contains(index) ? index : nil
        case .name(let name): ids[name]
        }
    }

    /// How the reference reads in a message.
    var text: String {
        switch self {
        case .index(let index): String(index)
        case .name(let name): "\"\(name)\""
        }
    }
}
