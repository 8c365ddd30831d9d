import Testing

@testable import GSLCore

/// The byte-level fast paths agree with the general, character-level code they short-cut.
/// Not timed: each test feeds 10,000 varied inputs to the public function and to its reference.
@Suite struct FastPathTests {
    /// Replaces, inserts or deletes one character now and then.
    static func mutate(_ text: String, _ rng: inout SeededGenerator, pool: [Character]) -> String {
        var chars = Array(text)
        switch rng.int(6) {
        case 0 where !chars.isEmpty: chars[rng.int(chars.count)] = rng.pick(pool)
        case 1: chars.insert(rng.pick(pool), at: rng.int(chars.count + 1))
        case 2 where !chars.isEmpty: chars.remove(at: rng.int(chars.count))
        default: break
        }
        return String(chars)
    }

    static let noise: [Character] = Array(
        "0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZabcxyz -/.,:T年月日号元万亿千百整¥ \t１Ａ\u{3000}\u{301}\r\n+−")

    /// `digits` with a `,` every `size` digits from the right.
    static func grouped(_ digits: String, _ size: Int) -> String {
        var out: [Character] = []
        for (offset, char) in digits.reversed().enumerated() {
            if offset > 0, offset % size == 0 { out.append(",") }
            out.append(char)
        }
        return String(out.reversed())
    }

    /// Same value, or both throw the same error.
    static func same<T: Equatable>(
        _ fast: () throws(GSLError) -> T, _ full: () throws(GSLError) -> T, _ input: String
    ) {
        let a: Result<T, GSLError>
        let b: Result<T, GSLError>
        do { a = .success(try fast()) } catch { a = .failure(error) }
        do { b = .success(try full()) } catch { b = .failure(error) }
        #expect(a == b, "input \(input.debugDescription)")
    }

    @Test func usccMatchesFullValidation() {
        var rng = SeededGenerator(seed: 1)
        var valid = 0
        for _ in 0..<10_000 {
            var body = String(rng.pick(["9", "9", "5", "1", "Y", "A", "N", "8"]))
            body.append(rng.pick(["1", "2", "3", "9"]))
            body += rng.pick(["350100", "110105", "330200", "100000", "990000", "35010A"])
            for _ in 0..<9 { body.append(rng.pick(USCC.charset)) }
            var code = body + String(USCC.checkCharacterFully(forFirst17: body) ?? "0")
            if rng.chance(30) { code = Self.mutate(code, &rng, pool: Self.noise) }
            if rng.chance(10) { code = code.lowercased() }
            if rng.chance(5) { code = " \(code) " }
            Self.same(
                { () throws(GSLError) in try USCC.validate(code) },
                { () throws(GSLError) in try USCC.validateFully(code) }, code)
            if (try? USCC.validate(code)) != nil { valid += 1 }
            #expect(
                USCC.problem(with: code) == USCC.problemFully(with: code), "input \(code.debugDescription)")
            #expect(USCC.parts(of: code) == USCC.partsFully(of: code), "input \(code.debugDescription)")
            let first17 = String(code.prefix(17))
            #expect(USCC.checkCharacter(forFirst17: first17) == USCC.checkCharacterFully(forFirst17: first17))
        }
        #expect(valid > 2_000)
    }

    @Test func moneyMatchesFullParser() {
        var rng = SeededGenerator(seed: 2)
        var fast = 0
        for _ in 0..<10_000 {
            var text = rng.chance(15) ? rng.pick(["-", "+", ""]) : ""
            let integer = rng.int(rng.chance(5) ? Int.max : 1_000_000_000)
            text += rng.chance(20) ? Self.grouped(String(integer), rng.int(4) == 0 ? 2 : 3) : String(integer)
            if rng.chance(40) { text += "." + String(rng.int(1_000)) }
            if rng.chance(10) { text += rng.pick(["0", "00", ".5"]) }
            if rng.chance(40) { text += rng.pick(["万", "亿", "千", "百", "百万", "万亿"]) }
            if rng.chance(30) { text += rng.pick(["元", "元整", "人民币"]) }
            if rng.chance(20) { text = Self.mutate(text, &rng, pool: Self.noise) }
            if Money.fastFen(text) != nil { fast += 1 }
            Self.same(
                { () throws(GSLError) in try Money.parse(text) },
                { () throws(GSLError) in try Money.parseFully(text) }, text)
        }
        for text in [
            "9223372036854775807", "92233720368547758", "92233720368547758.07", "-92233720368547758.08",
            "922337203685477.5807万", "0", "-0", "0.000", "1.", ".5", "-", "元", "万元", "1.234", "0.1百", "1,234",
            "12,34", "1234,567", ",123", "123,", "1,,234",
            "1,234,567.89元", "0,001", "9,223,372,036,854,775,807", "2023年5月6日",
        ] {
            Self.same(
                { () throws(GSLError) in try Money.parse(text) },
                { () throws(GSLError) in try Money.parseFully(text) }, text)
        }
        #expect(fast > 3_000)
    }

    @Test func dateMatchesFullParser() {
        var rng = SeededGenerator(seed: 3)
        var fast = 0
        for _ in 0..<10_000 {
            let year = rng.pick([0, 1, 1900, 2000, 2023, 2024, 9999, 12345])
            let month = rng.int(14)
            let day = rng.int(33)
            let pad = rng.chance(50)
            func two(_ n: Int) -> String { pad && n < 10 ? "0\(n)" : "\(n)" }
            let y =
                year < 1000
                ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
            var text: String
            switch rng.int(5) {
            case 0 where rng.chance(30):
                text = "\(y)年\(two(month))月\(two(day))\(rng.pick(["日", "号", "", "日日", " 日"]))"
            case 0:
                text = "\(y)\(rng.pick(["-", "/", "."]))\(two(month))\(rng.pick(["-", "/", "."]))\(two(day))"
            case 1: text = "\(y)-\(two(month))-\(two(day))"
            case 2: text = "\(y)/\(month)/\(day)"
            case 3: text = "\(y)\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)"
            default: text = "\(y)年\(month)月\(day)日"
            }
            if rng.chance(20) { text = Self.mutate(text, &rng, pool: Self.noise) }
            if rng.chance(5) { text += rng.pick([" 00:00:00", "T08:30", " "]) }
            if LocalDate.fastParse(text) != nil { fast += 1 }
            Self.same(
                { () throws(GSLError) in try LocalDate.parse(text) },
                { () throws(GSLError) in try LocalDate.parseFully(text) }, text)
            let sub = Substring(text)
            #expect(sub.gslTrimmed() == sub.gslTrimmedFully())
        }
        #expect(fast > 3_000)
    }

    @Test func industryMatchesTreeWalk() {
        let catalog = IndustryCatalog.standard
        var rng = SeededGenerator(seed: 4)
        let codes = catalog.entries.map(\.code)
        for _ in 0..<10_000 {
            let entry = catalog.entries[rng.int(catalog.entries.count)]
            var text = entry.code
            if rng.chance(30), let section = catalog.section(of: entry.code) {
                text = rng.pick([section.code, "A", "C", "Z", "c"]) + text
            }
            if rng.chance(20) { text = text.lowercased() }
            if rng.chance(20) { text = Self.mutate(text, &rng, pool: Self.noise) }
            if rng.chance(3) { text = rng.pick(codes) + rng.pick(codes) }
            let canonical = catalog.canonicalCodeFully(text)
            #expect(catalog.canonicalCode(text) == canonical, "input \(text.debugDescription)")
            #expect(catalog.lookup(text)?.code == canonical)
            if rng.chance(20) {
                #expect(catalog.classes(under: text) == catalog.classesFully(under: text))
            }
            let chain = catalog.parentChain(text)
            #expect(catalog.section(of: text) == chain.first)
            if let canonical {
                #expect(chain.last?.code == canonical)
                #expect(zip(chain, chain.dropFirst()).allSatisfy { $0.code == $1.parentCode })
                #expect(chain.first?.parentCode == nil)
            } else {
                #expect(chain.isEmpty)
            }
        }
        for entry in catalog.entries {
            #expect(catalog.classes(under: entry.code) == catalog.classesFully(under: entry.code))
        }
    }

    @Test func sizeMatchesFullClassification() {
        let catalog = IndustryCatalog.standard
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<10_000 {
            let code =
                rng.chance(5)
                ? rng.pick(["X99", "", "国"]) : catalog.entries[rng.int(catalog.entries.count)].code
            let employees = rng.chance(10) ? nil : rng.chance(3) ? -1 : rng.int(2_000)
            let revenue =
                rng.chance(10)
                ? nil
                : Money(fen: Int64(rng.int(5_000_000)) * 10_000 - (rng.chance(2) ? 1_000_000_000_000_000 : 0))
            let assets = rng.chance(10) ? nil : Money(fen: Int64(rng.int(2_000_000)) * 10_000)
            Self.same(
                { () throws(GSLError) in
                    try SizeClassifier.classify(
                        industryCode: code, employees: employees, revenue: revenue, assets: assets)
                },
                { () throws(GSLError) in
                    try SizeClassifier.classifyFully(
                        industryCode: code, employees: employees, revenue: revenue, assets: assets)
                }, code)
            Self.same(
                { () throws(GSLError) in
                    try SizeClassifier.size(
                        industryCode: code, employees: employees, revenue: revenue, assets: assets)
                },
                { () throws(GSLError) in
                    try SizeClassifier.classifyFully(
                        industryCode: code, employees: employees, revenue: revenue, assets: assets
                    ).size
                }, code)
        }
    }

    @Test func textNormaliserMatchesCharacterCode() {
        var rng = SeededGenerator(seed: 6)
        let pieces = [
            "福州", "某某", "有限公司", "Acme", "Co", "1,234", "１２３", "ＡＢ", "，", " ", "  ", "\t", "\u{3000}",
            "\u{A0}", " \u{301}", "\r\n", "x", "。", "（", "5", "\u{600}1", "\u{600}", "\u{301}", "\u{200D}",
            "\u{93F}", "\u{1F1E8}",
        ]
        for _ in 0..<10_000 {
            var text = ""
            for _ in 0..<rng.int(6) { text += rng.pick(pieces) }
            #expect(
                TextNormaliser.halfWidth(text) == TextNormaliser.halfWidthFully(text),
                "input \(text.debugDescription)")
            #expect(
                TextNormaliser.collapseSpaces(text) == TextNormaliser.collapseSpacesFully(text),
                "input \(text.debugDescription)")
            #expect(
                TextNormaliser.numeric(text) == TextNormaliser.numericFully(text),
                "input \(text.debugDescription)")
            let sub = Substring(text)
            #expect(sub.gslTrimmed() == sub.gslTrimmedFully(), "input \(text.debugDescription)")
        }
    }

    @Test func enumParsersAndISOMatchFullCode() {
        var rng = SeededGenerator(seed: 7)
        var words: [String] = [
            "大", "large", "L", "Large", "中型", "Medium", "mid", "小型企业", "微型", "xs", "XS", "s enterprise",
            "大 型", "federation", "Federation", "工商联", "商会", "企业", "village", "直属", "行业商会", "out_of_town",
            "异地商会",
            "town_street", "乡镇街道", " 村 ", "BANK", "银行", "学校", "部门", "foo", "",
        ]
        for kind in OrganisationKind.allCases { words += [kind.rawValue, kind.chinese] }
        for type in ChamberType.allCases { words += [type.rawValue, type.chinese, type.chinese + "商会"] }
        for _ in 0..<10_000 {
            var text = rng.pick(words)
            if rng.chance(30) { text = Self.mutate(text, &rng, pool: Self.noise) }
            #expect(
                EnterpriseSize.parse(text) == EnterpriseSize.parseFully(text),
                "input \(text.debugDescription)")
            #expect(
                OrganisationKind.parse(text) == OrganisationKind.parseFully(text),
                "input \(text.debugDescription)")
            #expect(ChamberType.parse(text) == ChamberType.parseFully(text), "input \(text.debugDescription)")
            let date = LocalDate(dayNumber: rng.int(4_000_000) - 1_000_000)
            #expect(date.iso == date.isoFully)
        }
        #expect(EnterpriseSize.parse("大型企业") == .large)
        #expect(LocalDate(year: 7, month: 3, day: 9)?.iso == "0007-03-09")
    }

    @Test func fastPathsCoverTheCommonForms() {
        #expect(Money.fastFen("1,234.5元") == 123_450)
        #expect(Money.fastFen("3.6万") == 3_600_000)
        #expect(Money.fastFen("-12") == -1_200)
        #expect(Money.fastFen(" 12") == nil)
        #expect(LocalDate.fastParse("2023年5月6日") == LocalDate(year: 2023, month: 5, day: 6))
        #expect(LocalDate.fastParse("2023/5/6") == LocalDate(year: 2023, month: 5, day: 6))
        #expect(LocalDate.fastParse("20230506") == LocalDate(year: 2023, month: 5, day: 6))
        #expect(LocalDate.fastParse("2023-02-29") == nil)
        #expect(USCC.isValidNormalised("91350100M000100Y43"))
        #expect(!USCC.isValidNormalised("91350100M000100Y44"))
        #expect(USCC.asciiNormalised(" 91350100m000100y43\t") == "91350100M000100Y43")
        #expect(
            IndustryCatalog.standard.canonicalIndex("c3011").map { IndustryCatalog.standard.entries[$0].code }
                == "3011")
    }

    @Test func sizeWithoutExplanation() throws {
        #expect(
            try SizeClassifier.size(
                industryCode: "C3011", employees: 1_200, revenue: Money(yuan: 500_000_000), assets: nil)
                == .large)
        #expect(
            try SizeClassifier.size(
                industryCode: "5211", employees: 5, revenue: Money(yuan: 50_000), assets: nil) == .micro)
        #expect(throws: GSLError.self) {
            try SizeClassifier.size(industryCode: "X99", employees: 1, revenue: nil, assets: nil)
        }
    }
}

/// Draws for the fast-path tests from GSLCore's seeded generator, so failures reproduce.
extension SeededGenerator {
    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
}
