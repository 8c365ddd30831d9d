import GSLCore
import Testing

/// Strict settings decoding: unknown keys with a suggestion, positions, numbers that do not fit,
/// and no raw `DecodingError` text.
@Suite struct ConfigDecoderTests {
    struct Indicator: Decodable, Equatable {
        var direction: Int
        var unit: String?
        var weight: Double?
    }

    struct Settings: Decodable, Equatable {
        var name: String
        var indicators: [Indicator]
        var labels: [String: String]?
        var enabled: Bool?
    }

    func decode(_ text: String) throws(GSLError) -> Settings {
        try ConfigDecoder.decodeJSON(Settings.self, from: text, file: "s.json")
    }

    @Test func decodesAWellFormedFile() throws {
        let s = try decode(
            """
            {"name": "宁波", "indicators": [{"direction": -1, "unit": "天", "weight": 0.25}, {"direction": 1}],
             "labels": {"any": "keys", "are": "fine in a map"}, "enabled": true}
            """)
        #expect(
            s.name == "宁波"
                && s.indicators == [
                    Indicator(direction: -1, unit: "天", weight: 0.25), Indicator(direction: 1),
                ])
        #expect(s.labels?.count == 2 && s.enabled == true)
    }

    @Test func misspeltKeyIsRefusedWithLineAndSuggestion() {
        let text = """
            {
              "name": "x",
              "indicators": [
                {"directoin": -1, "direction": 1}
              ]
            }
            """
        #expect {
            try decode(text)
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .data
                && g.location == SourceLocation(file: "s.json", line: 4, column: 6, field: "directoin")
                && g.message.en == "unknown key 'directoin' in $.indicators[0]; did you mean direction?"
                && g.message.zh.contains("是否想写 direction？")
        }
    }

    @Test func misspeltRequiredKeyIsNamedNotReportedMissing() {
        #expect {
            try decode(#"{"name": "x", "indicators": [{"directoin": -1}]}"#)
        } throws: { e in
            let g = e as! GSLError
            return g.location?.field == "directoin" && g.message.en.hasSuffix("did you mean direction?")
        }
    }

    @Test func unknownKeyFarFromAnyListsTheKnownOnes() {
        #expect {
            try decode(#"{"name": "x", "indicators": [], "colour": "red"}"#)
        } throws: { e in
            (e as! GSLError).message.en
                == "unknown key 'colour'; known keys: enabled, indicators, labels, name"
        }
    }

    @Test func badValuesAreOneLineMessages() {
        let cases: [(String, String, Int)] = [
            (
                #"{"name": "x", "indicators": [{"direction": 1, "weight": 1e400}]}"#,
                "number out of range: 1e400", 1
            ),
            (#"{"name": "x", "indicators": [{"direction": "up"}]}"#, "expected an integer, found text", 1),
            (#"{"name": 5, "indicators": []}"#, "expected text, found a number", 1),
            ("{\"name\": \"x\",\n \"indicators\": {}}", "expected a list", 2),
            (#"{"indicators": []}"#, "missing key $.name", 1),
            ("{\"name\": \"x\", \"name\": \"y\", \"indicators\": []}", "duplicate key 'name'", 1),
            ("{\"name\": \"x\",\n\n \"indicators\": [}", "JSON syntax error", 3),
        ]
        for (text, expected, line) in cases {
            #expect {
                try decode(text)
            } throws: { e in
                let g = e as! GSLError
                return g.kind == .data && g.message.en.contains(expected) && g.location?.line == line
                    && !g.message.en.contains("DecodingError") && !g.message.en.contains("representable")
            }
        }
    }

    @Test func everyNumberTypeDecodes() throws {
        struct Numbers: Decodable, Equatable {
            var a: Int8, b: Int16, c: Int32, d: Int64, e: UInt8, f: UInt16, g: UInt32, h: UInt64, i: UInt
            var j: Float, k: Double, l: Int
        }
        let n = try ConfigDecoder.decodeJSON(
            Numbers.self,
            from:
                #"{"a": -8, "b": 16, "c": 32, "d": 64, "e": 8, "f": 16, "g": 32, "h": 64, "i": 1, "j": 0.5, "k": 1e-3, "l": 2.0}"#,
            file: nil)
        #expect(
            n == Numbers(a: -8, b: 16, c: 32, d: 64, e: 8, f: 16, g: 32, h: 64, i: 1, j: 0.5, k: 0.001, l: 2))
        #expect {
            try ConfigDecoder.decodeJSON([String: UInt8].self, from: #"{"x": 300}"#, file: nil)
        } throws: { e in
            (e as! GSLError).message.en.contains("expected an integer in range: 300")
        }
    }

    @Test func suggestionsNeedToBeClose() {
        #expect(ConfigSuggestion.closest(to: "directoin", among: ["direction", "unit"]) == "direction")
        #expect(ConfigSuggestion.closest(to: "normalize", among: ["normalise", "weights"]) == "normalise")
        #expect(ConfigSuggestion.closest(to: "colour", among: ["name", "labels"]) == nil)
        #expect(ConfigSuggestion.distance(Array("ab"), Array("ba")) == 1)
    }
}
