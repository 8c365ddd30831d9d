import Foundation
import GSLCore
import GSLSurveys
import GSLTabular
import GSLTestSupport

/// The 问卷星 samples: the project's copies, and the shared reference ones when present.
enum SurveyFixtures {
    static var directory: URL { Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/surveys") }

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A file read by GSLTabular as the survey importer reads it.
    static func sheet(path: String) throws -> SurveySheet {
        let file = try TabularReader.read(path: path, format: nil, encoding: .auto)
        let probe = TabularRow(line: 1, index: 0, values: [])
        return SurveySheet(
            file: file.path, header: file.header,
            rows: file.rows.map { SurveySheet.Row(line: $0.line, values: $0.values) },
            physicalColumns: file.header.indices.map {
                file.location(row: probe, column: $0).column ?? $0 + 1
            })
    }

    /// CSV text as a sheet.
    static func sheet(csv: String, name: String = "t.csv") throws -> SurveySheet {
        let file = try TabularReader.parse(Array(csv.utf8), path: name, format: .csv, encoding: .utf8)
        return SurveySheet(
            file: name, header: file.header,
            rows: file.rows.map { SurveySheet.Row(line: $0.line, values: $0.values) })
    }

    /// The shared sample `name`, or nil (with a message) when ../shared is absent.
    static func shared(_ name: String) -> String? {
        guard let root = Fixtures.sharedReference else {
            print(
                "skipped: ../shared/reference is not here; the project's copy in Tests/Fixtures/surveys is used instead"
            )
            return nil
        }
        return root.appendingPathComponent("surveys/\(name)").path
    }
}
