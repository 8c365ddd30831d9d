/// A reference to a node, resident or hospital in an instance file: its `id` string or its
/// 0-based position.
public enum InstanceRef: Codable, Hashable, Sendable {
    /// A 0-based position.
    case index(Int)
    /// An `id` string.
    case name(String)

    /// Reads an integer position or an `id` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            self = .index(index)
        } else {
            self = .name(try container.decode(String.self))
        }
    }

    /// Writes the position as a number, the `id` as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .index(let index): try container.encode(index)
        case .name(let name): try container.encode(name)
        }
    }

    /// Resolves against the `ids` of the entities (a position must be in range), or nil.
    public func resolve(_ ids: [String: Int], count: Int) -> Int? {
        switch self {
        case .index(let index): (0..<count).contains(index) ? index : nil
        case .name(let name): ids[name]
        }
    }

    /// How the reference reads in a message: `3` or `"firm1"`.
    public var text: String {
        switch self {
        case .index(let index): String(index)
        case .name(let name): "\"\(name)\""
        }
    }

    /// The reference of entity `position`: its id when it has one, else its position.
    static func of(_ position: Int, ids: [String?]) -> InstanceRef {
        ids[position].map { .name($0) } ?? .index(position)
    }
}
