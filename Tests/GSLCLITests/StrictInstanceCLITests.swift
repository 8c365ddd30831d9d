import Foundation
import GSLTestSupport
import Testing

/// Solver instance files are settings files too: an unknown member is an error with a suggestion.
@Suite struct StrictInstanceCLITests {
    @Test func maximizeInTheFileIsRefusedWithASuggestion() throws {
        let cli = try CLIRunner()
        let file = try cli.write("a.json", #"{"costs": [[1, 2], [3, 4]], "maximize": true}"#)
        let report = try cli.fail(["solve", "assignment", file], useDatabase: false)
        #expect(report.status == 65 && report.cause == "config.unknown-key", "\(report)")
        #expect(report.en.contains("'maximize'") && report.en.contains("maximise"), "\(report)")
        let flow = try cli.write(
            "f.json",
            #"{"nodes": [{"supply": 1}, {"supply": -1}], "arcs": [{"from": 0, "to": 1, "cost": 1, "capcity": 1}]}"#
        )
        let arc = try cli.fail(["solve", "flow", flow], useDatabase: false)
        #expect(arc.cause == "config.unknown-key" && arc.en.contains("$.arcs[0]"), "\(arc)")
        // The same document with the right spelling solves.
        let good = try cli.write("b.json", #"{"costs": [[1, 2], [3, 4]], "maximise": true}"#)
        let solved = try cli.run(["solve", "assignment", good], useDatabase: false)
        #expect(solved.status == 0, "\(solved.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(solved.stdout.utf8)) as? [String: Any]
        #expect(object?["objective"] as? Double == 5, "\(solved.stdout)")
    }
}
