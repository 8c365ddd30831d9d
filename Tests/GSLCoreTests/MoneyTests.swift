import GSLCore
import GSLTestSupport
import Testing

@Suite struct MoneyTests {
    @Test(
        arguments: [
            ("47.76亿", 477_600_000_000), ("287.1亿元", 2_871_000_000_000), ("3.6万", 3_600_000),
            ("3.6万元", 3_600_000),
            ("1,234.5元", 123_450), ("1，234", 123_400), ("１２３", 12_300), ("¥1,234.50", 123_450), ("￥5", 500),
            ("-5", -500), ("5元整", 500), ("1.2亿元人民币", 12_000_000_000), ("1千万", 1_000_000_000),
            ("3万亿元", 300_000_000_000_000), ("2百万元", 200_000_000), ("5千元", 500_000), ("3百元", 30_000),
            ("0.01元", 1),
            ("0.010", 1),
            ("1.234567万", 1_234_567), ("  12.30 元 ", 1_230), ("+7", 700), ("-¥5", -500), ("¥-5", -500),
            ("人民币100元", 10_000), ("0", 0), ("-0.50", -50), ("1,234,567.89", 123_456_789), ("０．５元", 50),
            ("92233720368547758.07", Int64.max), ("007", 700),
        ] as [(String, Int64)])
    func parsesEveryForm(_ text: String, _ fen: Int64) throws {
        #expect(try Money.parse(text) == Money(fen: fen))
    }

    @Test(arguments: [
        "", "  ", "元", "0.001元", "1.2.3", "abc", "3亿万", "1.2345678万", "1,23", "12,3456", ",123", "--5", "5元5",
        "1e5", ".5", "5.", "99999999999999999999", "999999999亿", "92233720368547758.08", "¥", "5美元", "亿",
    ])
    func rejects(_ text: String) {
        #expect(throws: GSLError.self, "\(text)") { try Money.parse(text) }
    }

    @Test func errorsQuoteTheTextAndSayWhy() {
        func error(_ text: String) -> GSLError? {
            do { _ = try Money.parse(text); return nil } catch { return error }
        }
        let tooPrecise = error("0.001元")
        #expect(tooPrecise?.kind == .data)
        #expect(tooPrecise?.cause == .invalidAmount)
        #expect(tooPrecise?.mentions("0.001元") == true)
        // Two units: the message quotes the unit it could not read.
        #expect(error("3亿万")?.cause == .invalidAmount)
        #expect(error("3亿万")?.mentions("亿万") == true)
        #expect(error("abc")?.cause == .invalidAmount)
        #expect(error("abc")?.mentions("abc") == true)
        #expect(error("999999999亿")?.cause == .invalidAmount)
        #expect(error("999999999亿")?.mentions("999999999亿") == true)
        #expect(error("")?.cause == .invalidAmount)
    }

    @Test func formatsChinese() {
        #expect(Money(fen: 477_600_000_000).formatted() == "47.76亿元")
        #expect(Money(fen: 477_600_000_000).formatted(.yi) == "47.76亿元")
        #expect(Money(fen: 2_871_000_000_000).formatted() == "287.1亿元")
        #expect(Money(fen: 3_600_000).formatted() == "3.6万元")
        #expect(Money(fen: 3_600_000).formatted(.wan) == "3.6万元")
        #expect(Money(fen: 123_450).formatted() == "1,234.50元")
        #expect(Money(fen: 123_450).formatted(.yuan) == "1,234.50元")
        #expect(Money(fen: 477_600_000_000).formatted(.yuan) == "4,776,000,000.00元")
        #expect(Money(fen: 477_600_000_000).formatted(.wan) == "477,600万元")
        #expect(Money(fen: 999_999).formatted() == "9,999.99元")
        #expect(Money(fen: 1_000_000).formatted() == "1万元")
        #expect(Money(fen: 10_000_000_000).formatted() == "1亿元")
        // Would round to 10,000万元: shown in 亿 instead.
        #expect(Money(fen: 9_999_999_999).formatted() == "1亿元")
        #expect(Money(fen: 9_999_994_999).formatted() == "9,999.99万元")
        #expect(Money(fen: 123_456_789_012).formatted(.yi) == "12.35亿元")
        #expect(Money(fen: 123_456_789_012).formatted(.wan) == "123,456.79万元")
        #expect(Money(fen: 12_345_678_901_234_567).formatted(.yi) == "1,234,567.89亿元")
        #expect(Money(fen: -3_600_000).formatted() == "-3.6万元")
        #expect(Money(fen: -50).formatted() == "-0.50元")
        #expect(Money(fen: 0).formatted() == "0.00元")
        #expect(Money(fen: 0).formatted(.wan) == "0万元")
    }

    @Test func roundsHalfAwayFromZero() {
        // 0.005万元 = 50 yuan = 5,000 fen.
        #expect(Money(fen: 5_000).formatted(.wan) == "0.01万元")
        #expect(Money(fen: 4_999).formatted(.wan) == "0万元")
        #expect(Money(fen: -5_000).formatted(.wan) == "-0.01万元")
        #expect(Money(fen: -4_999).formatted(.wan) == "0万元")
        #expect(Money(fen: 1_234_500_000).formatted(.yi) == "0.12亿元")
        #expect(Money(fen: 1_250_000_000).formatted(.yi) == "0.13亿元")
        #expect(Money(fen: -1_250_000_000).formatted(.yi) == "-0.13亿元")
        #expect(Money(fen: 19_995_000).formatted(.wan) == "20万元")
    }

    @Test func formatsEnglish() {
        #expect(Money(fen: 477_600_000_000).formatted(lang: .en) == "4.776 billion yuan")
        #expect(Money(fen: 3_650_000_000).formatted(lang: .en) == "36.5 million yuan")
        #expect(Money(fen: 3_600_000).formatted(lang: .en) == "36,000.00 yuan")
        #expect(Money(fen: 123_450).formatted(lang: .en) == "1,234.50 yuan")
        #expect(Money(fen: 3_600_000).formatted(.wan, lang: .en) == "0.036 million yuan")
        #expect(Money(fen: 477_600_000_000).formatted(.yi, lang: .en) == "4.776 billion yuan")
        #expect(Money(fen: 477_600_000_000).formatted(.yuan, lang: .en) == "4,776,000,000.00 yuan")
        #expect(Money(fen: -100_000_000_000).formatted(lang: .en) == "-1 billion yuan")
        #expect(Money(fen: 99_999_999).formatted(lang: .en) == "999,999.99 yuan")
        #expect(Money(fen: 99_999_999_999).formatted(lang: .en) == "1 billion yuan")
        #expect(Money(fen: 99_999_994_999).formatted(lang: .en) == "999.9999 million yuan")
    }

    @Test func plainYuan() {
        #expect(Money(fen: -50).plainYuan == "-0.50")
        #expect(Money(fen: 123_450).plainYuan == "1234.50")
        #expect(Money(fen: 0).plainYuan == "0.00")
        #expect(Money(fen: 5).plainYuan == "0.05")
        #expect(Money(fen: -123_456_789).plainYuan == "-1234567.89")
        #expect(Money(fen: Int64.min).plainYuan == "-92233720368547758.08")
    }

    /// plainYuan and the yuan style read back exactly; 万 and 亿 styles read back within their rounding.
    @Test func roundTripsOverRandomValues() throws {
        var rng = SeededGenerator(seed: 47_760_000)
        for i in 0..<20_000 {
            let magnitude: Int64 =
                switch i % 4 {
                case 0: Int64(rng.next() % 100_000)
                case 1: Int64(rng.next() % 10_000_000_000)
                case 2: Int64(rng.next() % 10_000_000_000_000_000)
                default: Int64(rng.next() >> 1)
                }
            let money = Money(fen: rng.next() % 2 == 0 ? magnitude : -magnitude)
            #expect(try Money.parse(money.plainYuan) == money, "\(money.fen)")
            #expect(try Money.parse(money.formatted(.yuan)) == money, "\(money.fen)")
            // Rounding up near Int64.max could leave the range, so stay below it.
            if money.fen.magnitude < 9_000_000_000_000_000_000 {
                let wan = try Money.parse(money.formatted(.wan))
                #expect(abs(wan.fen - money.fen) <= 5_000, "\(money.fen) as \(money.formatted(.wan))")
                let yi = try Money.parse(money.formatted(.yi))
                #expect(abs(yi.fen - money.fen) <= 50_000_000, "\(money.fen) as \(money.formatted(.yi))")
            }
        }
    }
}

/// A small seeded generator so property tests repeat exactly.
