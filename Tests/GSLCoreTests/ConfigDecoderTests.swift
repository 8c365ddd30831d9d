import GSLCore
import GSLTestSupport
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
            return g.kind == .data && g.cause == .configUnknownKey
                && g.location == SourceLocation(file: "s.json", line: 4, column: 6, field: "directoin")
                && g.mentions("$.indicators[0]") && g.mentions("direction")
        }
    }

    @Test func misspeltRequiredKeyIsNamedNotReportedMissing() {
        #expect {
            try decode(#"{"name": "x", "indicators": [{"directoin": -1}]}"#)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .configUnknownKey && g.location?.field == "directoin" && g.mentions("direction")
        }
    }

    @Test func unknownKeyFarFromAnyListsTheKnownOnes() {
        #expect {
            try decode(#"{"name": "x", "indicators": [], "colour": "red"}"#)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .configUnknownKey && g.location?.field == "colour"
                && g.mentions("enabled, indicators, labels, name")
        }
    }

    @Test func badValuesAreOneLineMessages() {
        // Each case: the text, the cause, the line, and the field it names or a value its message quotes.
        let cases: [(String, GSLError.Cause, Int, field: String?, quoted: String?)] = [
            (
                #"{"name": "x", "indicators": [{"direction": 1, "weight": 1e400}]}"#,
                .configNumberOutOfRange, 1, "$.indicators[0].weight", "1e400"
            ),
            (
                #"{"name": "x", "indicators": [{"direction": "up"}]}"#, .configWrongType, 1,
                "$.indicators[0].direction", nil
            ),
            (#"{"name": 5, "indicators": []}"#, .configWrongType, 1, "$.name", nil),
            ("{\"name\": \"x\",\n \"indicators\": {}}", .configWrongType, 2, "$.indicators", nil),
            (#"{"indicators": []}"#, .configMissingKey, 1, "name", "$.name"),
            ("{\"name\": \"x\", \"name\": \"y\", \"indicators\": []}", .configDuplicateKey, 1, nil, "name"),
            ("{\"name\": \"x\",\n\n \"indicators\": [}", .configSyntax, 3, nil, nil),
        ]
        for (text, cause, line, field, quoted) in cases {
            #expect {
                try decode(text)
            } throws: { e in
                let g = e as! GSLError
                return g.kind == .data && g.cause == cause && g.location?.line == line
                    && (field == nil || g.location?.field == field) && (quoted.map { g.mentions($0) } ?? true)
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
            let g = e as! GSLError
            return g.cause == .configNumberOutOfRange && g.mentions("300")
        }
    }

    @Test func suggestionsNeedToBeClose() {
        #expect(ConfigSuggestion.closest(to: "directoin", among: ["direction", "unit"]) == "direction")
        #expect(ConfigSuggestion.closest(to: "normalize", among: ["normalise", "weights"]) == "normalise")
        #expect(ConfigSuggestion.closest(to: "colour", among: ["name", "labels"]) == nil)
        #expect(ConfigSuggestion.distance(Array("ab"), Array("ba")) == 1)
    }
}
