#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a JSON number (`-?int(.frac)?([eE][+-]?exp)?`) from bytes without building a string.
/// Up to 15 significant digits with a small exponent are converted exactly (Clinger's fast path);
/// longer numbers go through the C library's correctly rounded `strtod`, so every result is the
/// double nearest the decimal text.
enum DecimalScanner {
    private static let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
        1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number starting at `start` and the offset just after it, or nil when the bytes there do
    /// not form a JSON number or the number is beyond the range of a double. `base` must be
    /// followed by a NUL byte somewhere at or after `end` (the slow path hands the text to `strtod`).
    @inline(__always)
    static func scan(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Double, Int)? {
        var k = start
        var negative = false
        if k < end && base[k] == 0x2D {
            negative = true
            k += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var exact = true
        let intStart = k
        while k < end {
            let d = base[k] &- 0x30
            if d > 9 { break }
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                if d != 0 { exact = false }
                exponent += 1
            }
            k += 1
        }
        let intDigits = k - intStart
        guard intDigits > 0 else { return nil }
        if intDigits > 1 && base[intStart] == 0x30 { return nil }  // JSON forbids leading zeros
        if k < end && base[k] == 0x2E {
            k += 1
            let fracStart = k
            while k < end {
                let d = base[k] &- 0x30
                if d > 9 { break }
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else if d != 0 {
                    exact = false
                }
                k += 1
            }
            guard k > fracStart else { return nil }
        }
        if k < end && (base[k] | 0x20) == 0x65 {
            k += 1
            var expNegative = false
            if k < end && (base[k] == 0x2B || base[k] == 0x2D) {
                expNegative = base[k] == 0x2D
                k += 1
            }
            let expStart = k
            var e = 0
            while k < end {
                let d = base[k] &- 0x30
                if d > 9 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                k += 1
            }
            guard k > expStart else { return nil }
            exponent += expNegative ? -e : e
        }
        if exact && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / powers[-exponent] : value * powers[exponent]
            return (negative ? -value : value, k)
        }
        if mantissa == 0 && exact { return (negative ? -0.0 : 0.0, k) }
        let value = UnsafeRawPointer(base + start).withMemoryRebound(to: CChar.self, capacity: k - start) {
            strtod($0, nil)
        }
        // A number beyond the double range (1e400) is refused rather than read as infinity.
        return value.isFinite ? (value, k) : nil
    }
}
