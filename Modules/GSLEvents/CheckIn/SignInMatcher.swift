import GSLCore

/// Matches the names on a sign-in sheet to people: a name matches when exactly one person has it
/// (after removing spaces and full-width forms), within the row's enterprise when the sheet names
/// one. Nothing is guessed: no candidate is unknown, several are ambiguous.
public struct SignInMatcher: Sendable {
    /// A person who might have signed: id, name, and the name of the enterprise they belong to.
    public struct Candidate: Sendable, Hashable {
        /// The person's id.
        public let personID: Int64
        /// The person's name.
        public let name: String
        /// Their organisation's name, if any.
        public let organisation: String?

        /// A candidate.
        public init(personID: Int64, name: String, organisation: String?) {
            self.personID = personID
            self.name = name
            self.organisation = organisation
        }
    }

    /// One line of a sheet.
    public struct Line: Sendable, Hashable {
        /// The line number in the file.
        public let line: Int
        /// The name as written.
        public let name: String
        /// The enterprise as written, if the sheet has one.
        public let organisation: String?

        /// A sheet line.
        public init(line: Int, name: String, organisation: String?) {
            self.line = line
            self.name = name
            self.organisation = organisation
        }
    }

    /// What became of a line.
    public enum Match: Sendable, Hashable {
        /// Exactly one person.
        case person(Int64)
        /// Nobody by that name (in that enterprise).
        case unknown
        /// Several people; their ids.
        case ambiguous([Int64])
    }

    /// Candidates by normalised name.
    let byName: [String: [Candidate]]

    /// A matcher over `candidates` (everyone whose name appears on the sheet is enough).
    public init(candidates: [Candidate]) {
        byName = Dictionary(grouping: candidates) { Self.key($0.name) }
    }

    /// The comparison form of a name or enterprise: half-width, without spaces.
    public static func key(_ text: String) -> String {
        String(
            TextNormaliser.halfWidth(text).unicodeScalars.filter { !$0.properties.isWhitespace }.map(
                Character.init))
    }

    /// The match for one line.
    public func match(_ line: Line) -> Match {
        var found = byName[Self.key(line.name)] ?? []
        if let org = line.organisation.map(Self.key), !org.isEmpty {
            found = found.filter { $0.organisation.map(Self.key) == org }
        }
        switch found.count {
        case 0: return .unknown
        case 1: return .person(found[0].personID)
        default: return .ambiguous(found.map(\.personID).sorted())
        }
    }

    /// The first line that repeats an earlier one (the same name and enterprise, or the same
    /// person), with the earlier line's number.
    public static func duplicate(in lines: [Line], matches: [Match]) -> (line: Line, earlier: Int)? {
        var seenText: [String: Int] = [:]
        var seenPerson: [Int64: Int] = [:]
        for (line, match) in zip(lines, matches) {
            let text = key(line.name) + "\u{1F}" + (line.organisation.map(key) ?? "")
            if let earlier = seenText[text] { return (line, earlier) }
            seenText[text] = line.line
            if case .person(let id) = match {
                if let earlier = seenPerson[id] { return (line, earlier) }
                seenPerson[id] = line.line
            }
        }
        return nil
    }
}
