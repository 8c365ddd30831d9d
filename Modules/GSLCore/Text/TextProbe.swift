/// One text compared with many: `score` gives `TextVector.score(vector, TextVector(other))` bit for
/// bit without building the other text's vector — its characters and pairs go into buffers this
/// probe keeps, so comparing with a hundred thousand texts allocates nothing after the first few.
public struct TextProbe: Sendable {
    /// The vector every text is compared with.
    public let vector: TextVector
    private var unigrams: [UInt64] = []
    private var bigrams: [UInt64] = []
    private var previous: UInt64?
    /// The stop characters among U+4E00…U+9FFF as a bitmap, one bit per character.
    private let stops: [UInt64]

    /// A probe comparing texts with `vector`.
    public init(_ vector: TextVector) {
        self.vector = vector
        var stops = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for v in TextVector.stopScalars where v >= 0x4E00 && v <= 0x9FFF {
            stops[Int(v - 0x4E00) >> 6] |= 1 << UInt64(Int(v - 0x4E00) & 63)
        }
        self.stops = stops
        unigrams.reserveCapacity(256)
        bigrams.reserveCapacity(256)
    }

    /// Starts a new text.
    public mutating func reset() {
        unigrams.removeAll(keepingCapacity: true)
        bigrams.removeAll(keepingCapacity: true)
        previous = nil
    }

    /// Adds `part` to the text, after a break (as if the parts were joined by spaces).
    public mutating func append(_ part: String) {
        previous = nil
        for scalar in part.unicodeScalars { add(scalar) }
    }

    /// Adds the text whose UTF-8 bytes are `part`, as `append(String(decoding: part, as: UTF8.self))`
    /// does but without making the string; bytes that are not valid UTF-8 take that way instead.
    public mutating func append(utf8 part: UnsafeBufferPointer<UInt8>) {
        previous = nil
        let (u, b) = (unigrams.count, bigrams.count)
        var i = 0
        let n = part.count
        while i < n {
            let b0 = UInt32(part[i])
            if b0 < 0x80 {
                add(Unicode.Scalar(UInt8(b0)))
                i += 1
                continue
            }
            @inline(__always) func next(_ k: Int) -> UInt32? {
                guard i + k < n, part[i + k] & 0xC0 == 0x80 else { return nil }
                return UInt32(part[i + k] & 0x3F)
            }
            var value: UInt32?
            var length = 0
            if b0 >= 0xC2 && b0 <= 0xDF, let c1 = next(1) {
                (value, length) = ((b0 & 0x1F) << 6 | c1, 2)
            } else if b0 & 0xF0 == 0xE0, let c1 = next(1), let c2 = next(2) {
                let v = (b0 & 0x0F) << 12 | c1 << 6 | c2
                if v >= 0x800 && !(0xD800...0xDFFF).contains(v) { (value, length) = (v, 3) }
            } else if b0 >= 0xF0 && b0 <= 0xF4, let c1 = next(1), let c2 = next(2), let c3 = next(3) {
                let v = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
                if v >= 0x10000 && v <= 0x10FFFF { (value, length) = (v, 4) }
            }
            guard let value, let scalar = Unicode.Scalar(value) else {
                unigrams.removeSubrange(u...)
                bigrams.removeSubrange(b...)
                append(String(decoding: part, as: UTF8.self))
                return
            }
            add(scalar)
            i += length
        }
    }

    @inline(__always)
    private mutating func add(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        let kept: UInt32?
        if v >= 0x4E00 && v <= 0x9FFF {
            // The common case, without hashing: a CJK character is kept unless it is a stop character.
            let bit = Int(v - 0x4E00)
            kept = stops[bit >> 6] & (1 << UInt64(bit & 63)) == 0 ? v : nil
        } else {
            kept = TextVector.normalised(scalar)
        }
        guard let value = kept else {
            previous = nil
            return
        }
        let key = UInt64(value)
        unigrams.append(key)
        if let previous { bigrams.append(previous << 21 | key) }
        previous = key
    }

    /// The text score of the text added since `reset` against the probe's vector.
    public mutating func score(bigramWeight: Double = 0.6) -> Double {
        let v = vector
        let unigram = Self.cosine(&unigrams, v.unigrams, v.unigramCounts, v.unigramNorm)
        if v.bigrams.isEmpty && bigrams.isEmpty { return unigram }
        let bigram = Self.cosine(&bigrams, v.bigrams, v.bigramCounts, v.bigramNorm)
        return bigramWeight * bigram + (1 - bigramWeight) * unigram
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
