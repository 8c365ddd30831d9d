import Foundation
import GSLCore
import GSLTestSupport
import Testing

/// YAML settings: positions kept for strict decoding, alias bombs refused at once.
@Suite struct ConfigYAMLTests {
    struct Spec: Decodable {
        var period: String?
        var weights: [String: Double]?
        var truncate: Bool?
    }

    @Test func plainScalarsTakeTheTypeAsked() throws {
        let node = try ConfigYAML.parse("period: 2023\nweights: {a: .5, b: 2}\ntruncate: false\n")
        let s = try ConfigDecoder.decode(Spec.self, from: node, file: nil)
        #expect(s.period == "2023" && s.weights == ["a": 0.5, "b": 2] && s.truncate == false)
    }

    @Test func unknownKeyHasItsLine() {
        #expect {
            try ConfigDecoder.decode(
                Spec.self, from: ConfigYAML.parse("period: '2023'\n\ntruncat: true\n", file: "p.yaml"),
                file: "p.yaml")
        } throws: { e in
            let g = e as! GSLError
            return g.location?.line == 3 && g.location?.column == 1 && g.location?.file == "p.yaml"
                && g.cause == .configUnknownKey && g.location?.field == "truncat" && g.mentions("truncate")
        }
    }

    @Test func billionLaughsIsRefusedWithinASecond() {
        var lines = [
            "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"
        ]
        for k in 1...9 {
            lines.append(
                "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count < 1_300)
        let start = Date()
        #expect {
            try ConfigYAML.parse(text, file: "bomb.yaml")
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .data && g.location?.file == "bomb.yaml" && g.cause == .configTooLarge
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func largeDocumentsWithoutAliasesAreRead() throws {
        let text = "items:\n" + String(repeating: "  - 1\n", count: 30_000)
        #expect(try ConfigYAML.parse(text)["items"]?.items?.count == 30_000)
        // An alias used a few times in a short file is fine too.
        let small = try ConfigYAML.parse("a: &a {x: 1}\nb: *a\nc: *a\n")
        #expect(small["c"]?["x"]?.scalarText == "1")
    }

    @Test func syntaxErrorIsOneLineWithPosition() {
        #expect {
            try ConfigYAML.parse("a: [1, 2\nb: 3\n", file: "x.yaml")
        } throws: { e in
            let g = e as! GSLError
            return g.location?.file == "x.yaml" && g.location?.line != nil && g.cause == .configSyntax
                && !g.message.zh.contains("\n") && !g.message.en.contains("\n")
                // libyaml's English problem is translated in the Chinese message, not echoed.
                && !g.message.zh.contains("did not find expected")
        }
    }
}
