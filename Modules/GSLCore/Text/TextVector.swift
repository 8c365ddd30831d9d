/// `TextFeatures` as sorted integer keys with counts and precomputed norms, built in one pass over
/// the text's scalars: the same normalisation and the same scores as `TextSimilarity`, fast enough
/// to compare one text with a hundred thousand.
public struct TextVector: Sendable, Hashable {
    /// Character keys (scalar values), ascending.
    public let unigrams: [UInt64]
    /// How often each character occurs.
    public let unigramCounts: [Int32]
    /// Neighbouring-pair keys (first << 21 | second), ascending.
    public let bigrams: [UInt64]
    /// How often each pair occurs.
    public let bigramCounts: [Int32]
    /// Euclidean length of the character counts.
    public let unigramNorm: Double
    /// Euclidean length of the pair counts.
    public let bigramNorm: Double

    static let stopScalars: Set<UInt32> = Set(
        TextSimilarity.stopCharacters.map { $0.unicodeScalars.first!.value })

    /// The vector of `text` (full-width made half-width, lower case, runs of letters and digits
    /// split at everything else and at function characters, as `TextSimilarity.normalisedRuns`).
    public init(_ text: String) {
        var keys = TextKeys(capacity: text.utf8.count / 2)
        keys.append(text)
        (unigrams, unigramCounts, unigramNorm) = Self.counted(&keys.unigrams)
        (bigrams, bigramCounts, bigramNorm) = Self.counted(&keys.bigrams)
    }

    /// The scalar value kept for `scalar`, or nil when it breaks a run.
    @inline(__always)
    static func normalised(_ scalar: Unicode.Scalar) -> UInt32? {
        var v = scalar.value
        if v == 0x3000 { return nil }
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return v + 0x20 }
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) ? v : nil
        }
        if v >= 0x4E00 && v <= 0x9FFF { return stopScalars.contains(v) ? nil : v }
        let c = Character(Unicode.Scalar(v)!)
        guard c.isLetter || c.isNumber else { return nil }
        let lower = String(c).lowercased().unicodeScalars
        guard lower.count == 1, let single = lower.first else { return v }
        return stopScalars.contains(single.value) ? nil : single.value
    }

    /// Sorted distinct keys, their counts and the norm.
    static func counted(_ keys: inout [UInt64]) -> ([UInt64], [Int32], Double) {
        guard !keys.isEmpty else { return ([], [], 0) }
        keys.sort()
        var distinct: [UInt64] = []
        var counts: [Int32] = []
        distinct.reserveCapacity(keys.count)
        counts.reserveCapacity(keys.count)
        var squares = 0
        var i = 0
        while i < keys.count {
            var j = i + 1
            while j < keys.count && keys[j] == keys[i] { j += 1 }
            distinct.append(keys[i])
            counts.append(Int32(j - i))
            squares += (j - i) * (j - i)
            i = j
        }
        return (distinct, counts, Double(squares).squareRoot())
    }

    /// Cosine of two sorted count vectors (0 when either is empty or nothing is shared).
    @inline(__always)
    static func cosine(
        _ a: [UInt64], _ ac: [Int32], _ an: Double, _ b: [UInt64], _ bc: [Int32], _ bn: Double
    ) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, dot = 0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    if x == y {
                        dot += Int(ac[i]) * Int(bc[j])
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        guard dot > 0 else { return 0 }
        return Double(dot) / (an * bn)
    }

    /// The text score in 0…1, equal to `TextSimilarity.score` of the two texts.
    public static func score(_ a: TextVector, _ b: TextVector, bigramWeight: Double = 0.6) -> Double {
        let unigram = cosine(
            a.unigrams, a.unigramCounts, a.unigramNorm, b.unigrams, b.unigramCounts, b.unigramNorm)
        if a.bigrams.isEmpty && b.bigrams.isEmpty { return unigram }
        let bigram = cosine(a.bigrams, a.bigramCounts, a.bigramNorm, b.bigrams, b.bigramCounts, b.bigramNorm)
        return bigramWeight * bigram + (1 - bigramWeight) * unigram
    }
}
