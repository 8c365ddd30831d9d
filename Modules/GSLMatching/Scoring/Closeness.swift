import GSLCore

/// Closeness of two codes in the GB/T 4754 industry tree and in the division tree, in 0…1.
public enum Closeness {
    /// An industry code split for fast comparison: its section letter and its digits (empty for a
    /// section itself).
    public struct IndustryKey: Sendable, Hashable {
        /// The section (门类) letter.
        public let section: UInt8
        /// The digits of a division, group or class code.
        public let digits: [UInt8]

        /// The key of a canonical code, nil when the catalogue does not know it.
        public init?(_ code: String?) {
            guard let code, let section = IndustryCatalog.standard.section(of: code)?.code.utf8.first else {
                return nil
            }
            self.section = section
            let canonical = IndustryCatalog.standard.canonicalCode(code) ?? code
            digits =
                canonical.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } == true ? Array(canonical.utf8) : []
        }
    }

    /// Same code 1; else by the deepest shared level: group (3 digits) 0.75, division (2) 0.5,
    /// section 0.25; different sections or an unknown code 0.
    public static func industry(_ a: IndustryKey?, _ b: IndustryKey?) -> Double {
        guard let a, let b, a.section == b.section else { return 0 }
        if a.digits == b.digits { return 1 }
        var shared = 0
        while shared < min(a.digits.count, b.digits.count), a.digits[shared] == b.digits[shared] {
            shared += 1
        }
        switch shared {
        case 3...: return 0.75
        case 2: return 0.5
        default: return 0.25
        }
    }

    /// A division code as 12 ASCII digits (county codes padded with zeros), nil when absent.
    public static func regionKey(_ code: String?) -> [UInt8]? {
        guard let code, !code.isEmpty, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var bytes = Array(code.utf8.prefix(12))
        while bytes.count < 12 { bytes.append(0x30) }
        return bytes
    }

    /// Same code 1; same town 0.9; same county 0.75; same city 0.5; same province 0.25; else 0.
    public static func region(_ a: [UInt8]?, _ b: [UInt8]?) -> Double {
        guard let a, let b else { return 0 }
        if a == b { return 1 }
        var shared = 0
        while shared < 12, a[shared] == b[shared] { shared += 1 }
        switch shared {
        case 9...: return 0.9
        case 6...: return 0.75
        case 4...: return 0.5
        case 2...: return 0.25
        default: return 0
        }
    }
}
