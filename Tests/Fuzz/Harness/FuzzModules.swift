import GSLCore
import GSLEvents
import GSLMatching
import GSLTabular

// Fuzz targets for the readers of the events and matching modules that are their own code, beyond
// the CSV/JSON layer (GSLTabular, fuzzed by csv/json/ndjson/encoding) and the recurrence reader (ics).

/// The modules' targets, appended to `fuzzTargets` in the order `make fuzz` runs them.
let moduleFuzzTargets: [FuzzTarget] = [
    FuzzTarget(name: "profile") { bytes in
        // A weights profile (strict YAML: unknown keys, negative or non-finite weights refused), and
        // each line of the input through the posting fields a user types: rate, size classes,
        // industry code, lists.
        let string = text(bytes)
        if let profile = try? MatchProfile.parse(string, file: "fuzz.yaml") {
            for kind in PostingKind.allCases {
                let weights = profile.weights(kind)
                precondition(
                    weights.values.allSatisfy { $0.isFinite && $0 >= 0 }, "a weight escaped the checks")
            }
            precondition(profile.candidateCount >= 1, "candidates below 1 escaped the checks")
        }
        for line in string.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
            let field = String(line)
            if let basisPoints = try? NewPosting.rate(field) {
                precondition(basisPoints >= 0, "a negative rate")
            }
            _ = try? NewPosting.sizes(field)
            _ = try? NewPosting.industryCode(field, field: "industry")
            _ = NewPosting.list(field)
        }
    },
    FuzzTarget(name: "signin") { bytes in
        // A sign-in sheet as the check-in reads it: the table, a line per row (first column the name,
        // second the enterprise), a matcher whose candidates are the sheet's own names (so that
        // unknown, unique and ambiguous names all occur), the matches and the duplicate finder.
        guard let file = try? TabularReader.parse(bytes, path: "fuzz.csv", format: .csv, encoding: .auto)
        else {
            return
        }
        let lines = file.rows.map { row in
            SignInMatcher.Line(
                line: row.line, name: row.values.first ?? "",
                organisation: row.values.count > 1 ? row.values[1] : nil)
        }
        let candidates = lines.enumerated().map { index, line in
            SignInMatcher.Candidate(
                personID: Int64(index % 7), name: line.name,
                organisation: index % 2 == 0 ? line.organisation : nil)
        }
        let matcher = SignInMatcher(candidates: candidates)
        let matches = lines.map(matcher.match)
        if let duplicate = SignInMatcher.duplicate(in: lines, matches: matches) {
            precondition(duplicate.earlier < duplicate.line.line, "a duplicate before its original")
        }
    },
]
