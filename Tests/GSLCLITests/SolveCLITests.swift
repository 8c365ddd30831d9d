import Foundation
import GSLTestSupport
import Testing

/// Decodes a JSON object printed by `gsl solve`.
private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite struct SolveCLITests {
    @Test func assignmentSolvesAndMaximises() throws {
        let runner = try CLIRunner()
        let file = try runner.write(
            "a.json", #"{"costs": [[4, 1, 3], [2, 0, null], [3, 2, 2]], "rows": ["a", "b", "c"]}"#)
        let min = try runner.run(["solve", "assignment", file], useDatabase: false)
        #expect(min.status == 0, "\(min.stderr)")
        let out = try object(min.stdout)
        #expect(out["objective"] as? Double == 5)
        #expect(out["rowToColumn"] as? [Int] == [1, 0, 2])
        #expect(out["status"] as? String == "optimal")
        // Sorted keys: "columnPotentials" comes first.
        #expect(min.stdout.hasPrefix(#"{"columnPotentials""#))
        let max = try runner.run(["solve", "assignment", file, "--maximise"], useDatabase: false)
        #expect(max.status == 0)
        #expect(try object(max.stdout)["objective"] as? Double == 7)
    }

    @Test func flowSolvesWithLowerBounds() throws {
        let runner = try CLIRunner()
        let file = try runner.write(
            "f.json",
            """
            {"nodes": [{"id": "s", "supply": 5}, {"id": "t", "supply": -5}],
             "arcs": [{"from": "s", "to": "t", "capacity": 10, "cost": 1},
                      {"from": 0, "to": 1, "lower": 3, "capacity": 4, "cost": 7}]}
            """)
        let result = try runner.run(["solve", "flow", file], useDatabase: false)
        #expect(result.status == 0, "\(result.stderr)")
        let out = try object(result.stdout)
        #expect(out["flows"] as? [Int] == [2, 3])
        #expect(out["objective"] as? Int == 23)
    }

    @Test func flowMaximisesProfitInEnglish() throws {
        let runner = try CLIRunner()
        let file = try runner.write(
            "p.json",
            """
            {"nodes": [{"supply": 2}, {"supply": -2}],
             "arcs": [{"from": 0, "to": 1, "capacity": 1, "cost": 5},
                      {"from": 0, "to": 1, "capacity": 2, "cost": 3}]}
            """)
        let result = try runner.run(
            ["solve", "flow", file, "--maximise", "--lang", "en"], useDatabase: false)
        #expect(result.status == 0, "\(result.stderr)")
        let out = try object(result.stdout)
        #expect(out["objective"] as? Int == 8)
        #expect(out["sense"] as? String == "maximise")
        let bad = try runner.write("bad.json", #"{"nodes": [], "arcs": 3}"#)
        let failed = try runner.fail(["solve", "flow", bad], useDatabase: false)
        #expect(failed.status == 65 && failed.cause == "optimise.malformed-instance", "\(failed)")
        #expect(failed.file == bad && failed.field == "$.arcs", "\(failed)")
    }

    @Test func stableBothSides() throws {
        let runner = try CLIRunner()
        let file = try runner.write(
            "s.json",
            """
            {"residents": [{"id": "r1", "preferences": ["h1", "h2"]}, {"id": "r2", "preferences": ["h2", "h1"]}],
             "hospitals": [{"id": "h1", "capacity": 1, "preferences": ["r2", "r1"]},
                           {"id": "h2", "capacity": 1, "preferences": ["r1", "r2"]}]}
            """)
        let residents = try runner.run(["solve", "stable", file], useDatabase: false)
        #expect(residents.status == 0, "\(residents.stderr)")
        let pairs = try object(residents.stdout)["pairs"] as? [[String: String]]
        #expect(pairs == [["resident": "r1", "hospital": "h1"], ["resident": "r2", "hospital": "h2"]])
        let hospitals = try runner.run(
            ["solve", "stable", file, "--optimal-for", "hospitals"], useDatabase: false)
        let other = try object(hospitals.stdout)["pairs"] as? [[String: String]]
        #expect(other == [["resident": "r1", "hospital": "h2"], ["resident": "r2", "hospital": "h1"]])
    }

    @Test func malformedInstancesExit65WithPath() throws {
        let runner = try CLIRunner()
        let malformed = "optimise.malformed-instance"
        // Solver, document, cause, and the place: a JSON path, or line:column for a syntax error.
        let cases: [(String, String, String, String)] = [
            ("assignment", #"{"costs": [[1, 2], [3, "x"]]}"#, malformed, "$.costs[1][1]"),
            ("assignment", #"{"costs": [[1, 2], [3]]}"#, malformed, "$.costs[1]"),
            ("assignment", "{\"costs\": [[1, 2],\n [3, oops]]}", "config.syntax", "2:6"),
            (
                "flow", #"{"nodes": [{"supply": 1}], "arcs": [{"from": 0, "to": 4, "cost": 1}]}"#, malformed,
                "$.arcs[0].to"
            ),
            ("flow", #"{"nodes": [], "arcs": [{"from": 0, "to": 0}]}"#, malformed, "$.arcs[0].cost"),
            (
                "stable", #"{"residents": [{"preferences": ["h9"]}], "hospitals": []}"#, malformed,
                "$.residents[0].preferences[0]"
            ),
        ]
        for (kind, text, cause, place) in cases {
            let file = try runner.write("bad-\(kind).json", text)
            let result = try runner.fail(["solve", kind, file], useDatabase: false)
            #expect(result.status == 65 && result.cause == cause, "\(kind) \(text): \(result)")
            let found = result.field ?? "\(result.line ?? 0):\(result.column ?? 0)"
            #expect(result.file == file && found == place, "\(kind) \(text): \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stdout.isEmpty)
        }
        let missing = try runner.fail(["solve", "flow", "no-such.json"], useDatabase: false)
        #expect(missing.status == 66 && missing.cause == "file.not-found", "\(missing)")
    }

    @Test func infeasibleInstancesSaySo() throws {
        let runner = try CLIRunner()
        let flow = try runner.write(
            "inf.json",
            """
            {"nodes": [{"id": "firm", "supply": 2}, {"id": "v1", "supply": -1}, {"id": "v2", "supply": -1}],
             "arcs": [{"from": "firm", "to": "v1", "capacity": 2, "cost": 1}]}
            """)
        let result = try runner.fail(["solve", "flow", flow], useDatabase: false)
        #expect(result.status == 65 && result.cause == "optimise.flow-infeasible", "\(result)")
        // The message names the node whose demand cannot be met.
        #expect(result.en.contains("\"v2\"") && result.zh.contains("\"v2\""), "\(result)")
        let out = try object(result.stdout)
        #expect(out["status"] as? String == "infeasible")
        #expect(out["cut"] as? [String] == ["v2"])

        let assignment = try runner.write("inf-a.json", #"{"costs": [[1, null], [2, null]]}"#)
        let a = try runner.fail(["solve", "assignment", assignment], useDatabase: false)
        #expect(a.status == 65 && a.cause == "optimise.assignment-infeasible", "\(a)")
        #expect(try object(a.stdout)["matchable"] as? Int == 1)
    }
}

@Suite struct SolveMatrixFileCLITests {
    @Test func costsFromCSVAndNPY() throws {
        let runner = try CLIRunner()
        let csv = try runner.write("m.csv", "4,1,3\n2,0,\n3,2,2\n")
        let fromCSV = try runner.run(["solve", "assignment", "--costs", csv], useDatabase: false)
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(try object(fromCSV.stdout)["objective"] as? Double == 5)
        var header = "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }"
        while (11 + header.utf8.count) % 64 != 0 { header += " " }
        header += "\n"
        let payload: [Int64] = [4, 1, 2, 9]
        let bytes =
            [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8)
            + payload.flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let npy = try runner.write("m.npy", bytes: bytes)
        let fromNPY = try runner.run(
            ["solve", "assignment", "--costs", npy, "--maximise"], useDatabase: false)
        #expect(fromNPY.status == 0, "\(fromNPY.stderr)")
        #expect(try object(fromNPY.stdout)["objective"] as? Double == 13)
    }

    @Test func badMatrixFilesAreRefusedWithTheirPlace() throws {
        let runner = try CLIRunner()
        let csv = try runner.write("bad.csv", "1,2\n3,x\n")
        let bad = try runner.fail(["solve", "assignment", "--costs", csv], useDatabase: false)
        #expect(bad.status == 65 && bad.cause == "import.text-in-number", "\(bad)")
        #expect(bad.file == csv && bad.line == 2 && bad.column == 3, "\(bad)")
        #expect(bad.stdout.isEmpty)
        let npy = try runner.write(
            "f32.npy", bytes: [0x93] + Array("NUMPY".utf8) + [1, 0, 6, 0] + Array("{}    ".utf8))
        let refused = try runner.fail(["solve", "assignment", "--costs", npy], useDatabase: false)
        #expect(refused.status == 65 && refused.cause == "import.numpy-unsupported", "\(refused)")
        #expect(refused.file == npy, "\(refused)")
        let both = try runner.run(["solve", "assignment", csv, "--costs", csv], useDatabase: false)
        #expect(both.status == 64)
        let neither = try runner.run(["solve", "assignment"], useDatabase: false)
        #expect(neither.status == 64)
    }

    @Test func fastAndSlowJSONReadingAgree() throws {
        let runner = try CLIRunner()
        // The fast scan reads the object; a bare array as FILE goes through the full decoder.
        let matrix = "[[0.1, 2e-1, null], [3, 0.30000000000000004, 1], [1e-320, 123456789012345678901, -0.0]]"
        let fast = try runner.write("fast.json", #"{"costs": \#(matrix), "maximise": false}"#)
        let slow = try runner.write("slow.json", matrix)
        let a = try runner.run(["solve", "assignment", fast], useDatabase: false)
        let b = try runner.run(["solve", "assignment", slow], useDatabase: false)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        #expect(a.stdout == b.stdout)
        let c = try runner.run(["solve", "assignment", "--costs", slow], useDatabase: false)
        #expect(c.stdout == a.stdout)
    }
}
