// Reference implementations that exist only to check the fast paths (FastPathTests); they live
// with the tests, not in GSLCore.
@testable import GSLCore

extension USCC {
    /// `checkCharacter(forFirst17:)` over characters (the reference for the fast path).
    static func checkCharacterFully(forFirst17 text: String) -> Character? {
        let chars = Array(text)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (index, char) in chars.enumerated() {
            guard let value = values[char] else { return nil }
            sum += value * weights[index]
        }
        return charset[(31 - sum % 31) % 31]
    }

    /// `problem(with:)` without the byte-level fast path (the reference for it).
    static func problemFully(with text: String) -> Message? {
        problem(normalised: normalise(text), original: text)
    }
}
