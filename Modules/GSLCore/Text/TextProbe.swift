/// One text compared with many: `score` gives `TextVector.score(vector, TextVector(other))` bit for
/// bit without building the other text's vector — its characters and pairs go into buffers this
/// probe keeps, so comparing with a hundred thousand texts allocates nothing after the first few.
public struct TextProbe: Sendable {
    /// The vector every text is compared with.
    public let vector: TextVector
    private var keys = TextKeys(capacity: 256)
    /// One bit per slot (`slot`) holding one of the vector's characters, and of its pairs: most
    /// keys of another text are found absent without a search.
    private let unigramSlots: [UInt64], bigramSlots: [UInt64]

    /// A probe comparing texts with `vector`.
    public init(_ vector: TextVector) {
        self.vector = vector
        unigramSlots = Self.slots(vector.unigrams)
        bigramSlots = Self.slots(vector.bigrams)
    }

    static func slots(_ keys: [UInt64]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 16)
        for key in keys {
            let s = slot(key)
            bits[s >> 6] |= 1 << UInt64(s & 63)
        }
        return bits
    }

    /// A key's slot among 1,024.
    @inline(__always)
    static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) }

    /// Starts a new text.
    public mutating func reset() { keys.reset() }

    /// Adds `part` to the text, after a break (as if the parts were joined by spaces).
    public mutating func append(_ part: String) { keys.append(part) }

    /// Adds the text whose UTF-8 bytes are `part`, as `append(String(decoding: part, as: UTF8.self))`
    /// does but without making the string.
    public mutating func append(utf8 part: UnsafeBufferPointer<UInt8>) { keys.append(utf8: part) }

    /// The text score of the text added since `reset` against the probe's vector.
    public mutating func score(bigramWeight: Double = 0.6) -> Double {
        let v = vector
        let unigram = Self.cosine(&keys.unigrams, v.unigrams, v.unigramCounts, v.unigramNorm)
        if v.bigrams.isEmpty && keys.bigrams.isEmpty { return unigram }
        let bigram = Self.cosine(&keys.bigrams, v.bigrams, v.bigramCounts, v.bigramNorm)
        return bigramWeight * bigram + (1 - bigramWeight) * unigram
    }

    /// A bound from above of `score()` for the text added since `reset`, found without sorting its
    /// keys: the dot product is exact (each occurrence adds the vector's count of its key), and the
    /// text's sum of squared counts is at least its number of keys (equal when no key repeats, as in
    /// most short texts). Every step rounds monotonically, so the bound is never below the score.
    public func bound(bigramWeight: Double = 0.6) -> Double {
        let v = vector
        let unigram = Self.bound(keys.unigrams, v.unigrams, v.unigramCounts, v.unigramNorm, unigramSlots)
        if v.bigrams.isEmpty && keys.bigrams.isEmpty { return unigram }
        let bigram = Self.bound(keys.bigrams, v.bigrams, v.bigramCounts, v.bigramNorm, bigramSlots)
        return bigramWeight * bigram + (1 - bigramWeight) * unigram
    }

    static func bound(_ keys: [UInt64], _ a: [UInt64], _ ac: [Int32], _ an: Double, _ slots: [UInt64])
        -> Double
    {
        guard !a.isEmpty, !keys.isEmpty else { return 0 }
        var dot = 0
        keys.withUnsafeBufferPointer { b in
            a.withUnsafeBufferPointer { a in
                slots.withUnsafeBufferPointer { slots in
                    for key in b {
                        let s = slot(key)
                        guard slots[s >> 6] & (1 << UInt64(s & 63)) != 0 else { continue }
                        var low = 0, high = a.count
                        while low < high {
                            let mid = (low + high) >> 1
                            if a[mid] < key { low = mid + 1 } else { high = mid }
                        }
                        if low < a.count && a[low] == key { dot += Int(ac[low]) }
                    }
                }
            }
        }
        guard dot > 0 else { return 0 }
        return Double(dot) / (an * Double(keys.count).squareRoot())
    }

    /// `TextVector.cosine` of the probe's counts with the counts of `keys` (unsorted, repeated),
    /// sorting `keys` in place: the same integer dot product and sum of squares, the same division.
    static func cosine(_ keys: inout [UInt64], _ a: [UInt64], _ ac: [Int32], _ an: Double) -> Double {
        guard !a.isEmpty, !keys.isEmpty else { return 0 }
        sortSmall(&keys)
        var dot = 0, squares = 0
        keys.withUnsafeBufferPointer { b in
            a.withUnsafeBufferPointer { a in
                ac.withUnsafeBufferPointer { ac in
                    var i = 0, j = 0
                    while i < b.count {
                        let key = b[i]
                        var c = 1
                        while i + c < b.count && b[i + c] == key { c += 1 }
                        squares += c * c
                        while j < a.count && a[j] < key { j += 1 }
                        if j < a.count && a[j] == key { dot += Int(ac[j]) * c }
                        i += c
                    }
                }
            }
        }
        guard dot > 0 else { return 0 }
        return Double(dot) / (an * Double(squares).squareRoot())
    }

    /// Sorts in place: insertion sort for the short runs of a posting's text, else the library's.
    static func sortSmall(_ keys: inout [UInt64]) {
        guard keys.count > 64 else {
            keys.withUnsafeMutableBufferPointer { k in
                var i = 1
                while i < k.count {
                    let x = k[i]
                    var j = i
                    while j > 0 && k[j - 1] > x {
                        k[j] = k[j - 1]
                        j -= 1
                    }
                    k[j] = x
                    i += 1
                }
            }
            return
        }
        keys.sort()
    }
}
