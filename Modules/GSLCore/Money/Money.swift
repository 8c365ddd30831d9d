/// An amount of money in Chinese yuan, held exactly as an integer count of fen (分, 0.01 yuan).
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in fen.
    public var fen: Int64

    /// An amount of `fen` fen.
    public init(fen: Int64) {
        self.fen = fen
    }

    /// An amount of whole yuan.
    public init(yuan: Int64) {
        self.fen = yuan * 100
    }

    /// Zero yuan.
    public static let zero = Money(fen: 0)

    /// The amount in yuan as a floating-point number (for statistics, never for storage).
    public var yuan: Double { Double(fen) / 100 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    /// The sum of two amounts.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }

    /// The difference of two amounts.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
}
