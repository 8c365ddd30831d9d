/// The character and pair keys of a text in the order they occur (repeats kept), gathered part by
/// part with `TextSimilarity`'s normalisation: what `TextVector` counts and `TextProbe` compares.
struct TextKeys: Sendable {
    var unigrams: [UInt64] = []
    var bigrams: [UInt64] = []
    private var previous: UInt64?
    /// The stop characters among U+4E00…U+9FFF as a bitmap, one bit per character.
    private let stops: [UInt64]

    static let stopBitmap: [UInt64] = {
        var stops = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for v in TextVector.stopScalars where v >= 0x4E00 && v <= 0x9FFF {
            stops[Int(v - 0x4E00) >> 6] |= 1 << UInt64(Int(v - 0x4E00) & 63)
        }
        return stops
    }()

    /// Empty keys with room for about `capacity` characters.
    init(capacity: Int) {
        stops = Self.stopBitmap
        unigrams.reserveCapacity(capacity)
        bigrams.reserveCapacity(capacity)
    }

    /// Starts a new text.
    mutating func reset() {
        unigrams.removeAll(keepingCapacity: true)
        bigrams.removeAll(keepingCapacity: true)
        previous = nil
    }

    /// Adds `part` to the text, after a break (as if the parts were joined by spaces).
    mutating func append(_ part: String) {
        previous = nil
        for scalar in part.unicodeScalars { add(scalar) }
    }

    /// Adds the text whose UTF-8 bytes are `part`, as `append(String(decoding: part, as: UTF8.self))`
    /// does but without making the string; bytes that are not valid UTF-8 take that way instead.
    mutating func append(utf8 part: UnsafeBufferPointer<UInt8>) {
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
}
