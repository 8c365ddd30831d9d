import Foundation
import GSLCore
import GSLIndexScoring
import GSLTestSupport
import Testing

/// Framework YAML and pipeline specs are read strictly: a misspelt key is refused (a stored framework
/// version is immutable, so a silently ignored `directoin: -1` would be wrong for good).
@Suite struct StrictConfigTests {
    static let yaml = """
        id: t
        version: "1"
        nodes:
          - code: R
            children:
              - code: a
                indicator:
                  directoin: -1
              - {code: b, indicator: {direction: 1}}
        """

    @Test func misspeltFrameworkKeyIsRefused() throws {
        #expect {
            try FrameworkParser.parse(yaml: Self.yaml, file: "fw.yaml")
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .data && g.location?.file == "fw.yaml" && g.location?.line == 8
                && g.location?.field == "directoin" && g.cause == .configUnknownKey && g.mentions("direction")
        }
        let fixed = Self.yaml.replacingOccurrences(of: "directoin", with: "direction")
        #expect(try FrameworkParser.parse(yaml: fixed).node("a")?.indicator?.direction == -1)
    }

    @Test func storedSourcesAreReReadAsBefore() throws {
        // A version stored before strict reading (with the stray key ignored) still loads, same hash.
        let lenient = try FrameworkParser.parse(yaml: Self.yaml, strict: false)
        #expect(lenient.node("a")?.indicator?.direction == 1)
        let plain = Self.yaml.replacingOccurrences(
            of: "          directoin: -1\n", with: "          unit: \"\"\n")
        #expect(try FrameworkParser.parse(yaml: plain).contentHash == lenient.contentHash)
    }

    @Test func unknownKeysAtEveryLevel() {
        let cases = [
            ("id: t\nversion: '1'\nnmes: []\n", "nmes", 3),
            ("id: t\nversion: '1'\nnodes:\n  - {code: R, wieght: 2}\n", "wieght", 4),
            ("id: t\nversion: '1'\ngrading: {knd: thresholds}\nnodes: []\n", "knd", 3),
            ("id: t\nversion: '1'\ndenominators: [{code: p, unti: x}]\nnodes: []\n", "unti", 3),
        ]
        for (text, key, line) in cases {
            #expect {
                try FrameworkParser.parse(yaml: text)
            } throws: { e in
                let g = e as! GSLError
                return g.location?.field == key && g.location?.line == line && g.cause == .configUnknownKey
            }
        }
    }

    @Test func aliasBombFrameworkIsRefusedFast() {
        var lines = ["id: t", "version: '1'", "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for k in 1...9 {
            lines.append(
                "x\(k): &x\(k) [" + Array(repeating: "*x\(k - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("nodes: []")
        let start = Date()
        #expect {
            try FrameworkParser.parse(yaml: lines.joined(separator: "\n"), file: "bomb.yaml")
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .configTooLarge && g.location?.file == "bomb.yaml"
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func misspeltSpecKeyIsRefused() {
        #expect {
            try PipelineSpec.fromYAML("period: '2023'\nnormalize: {method: minMax}\n", file: "spec.yaml")
        } throws: { e in
            let g = e as! GSLError
            return g.location?.line == 2 && g.location?.file == "spec.yaml" && g.cause == .configUnknownKey
                && g.location?.field == "normalize" && g.mentions("normalise")
        }
        #expect {
            try PipelineSpec.fromJSON(#"{"normalise": {"method": "minMax", "trunc": false}}"#)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .configUnknownKey && g.location?.field == "trunc" && g.mentions("truncate")
        }
        #expect {
            try PipelineSpec.fromJSON(#"{"aggregate": {"power": 1e400}}"#)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .configNumberOutOfRange && g.mentions("1e400")
        }
        #expect {
            try PipelineSpec.fromYAML("normalise: {method: minMx}")
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .configInvalidValue && g.mentions("minMx") && g.mentions("minMax")
        }
    }

    @Test func specsStillRoundTrip() throws {
        let s = PipelineSpec.coinrExample()
        #expect(try PipelineSpec.fromYAML(s.yaml()) == s)
        #expect(try PipelineSpec.fromJSON(s.json()) == s)
    }
}
