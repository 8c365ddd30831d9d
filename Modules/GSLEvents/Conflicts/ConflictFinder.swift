import GSLCore

/// Finds double bookings (pretalx's schedule conflicts): one venue, or one person with a part in
/// running them (speaker, leader, staff), in two sessions whose times overlap.
public enum ConflictFinder {
    /// A session as the finder sees it.
    public struct Slot: Sendable, Hashable {
        /// The session's id.
        public let sessionID: Int64
        /// Its event's id.
        public let eventID: Int64
        /// Where it takes place (empty: nowhere booked).
        public let venue: String
        /// Start.
        public let start: EventTime
        /// End.
        public let end: EventTime
        /// People with a part in it.
        public let people: [Int64]

        /// A slot.
        public init(
            sessionID: Int64, eventID: Int64, venue: String, start: EventTime, end: EventTime, people: [Int64]
        ) {
            self.sessionID = sessionID
            self.eventID = eventID
            self.venue = venue
            self.start = start
            self.end = end
            self.people = people
        }
    }

    /// Two sessions that cannot both happen.
    public struct Conflict: Sendable, Hashable {
        /// What is booked twice.
        public enum Resource: Sendable, Hashable {
            /// A venue, by name.
            case venue(String)
            /// A person, by id.
            case person(Int64)
        }

        /// The resource.
        public let resource: Resource
        /// The earlier session.
        public let first: Slot
        /// The later one.
        public let second: Slot
    }

    /// Every conflicting pair, venues first, then people; each list by start time.
    public static func find(_ slots: [Slot]) -> [Conflict] {
        var out: [Conflict] = []
        let venues = Dictionary(grouping: slots.filter { !$0.venue.isEmpty }) { SignInMatcher.key($0.venue) }
        for key in venues.keys.sorted() {
            out += overlaps(venues[key]!).map {
                Conflict(resource: .venue($0.0.venue), first: $0.0, second: $0.1)
            }
        }
        var byPerson: [Int64: [Slot]] = [:]
        for slot in slots { for p in Set(slot.people) { byPerson[p, default: []].append(slot) } }
        for person in byPerson.keys.sorted() {
            out += overlaps(byPerson[person]!).map {
                Conflict(resource: .person(person), first: $0.0, second: $0.1)
            }
        }
        return out
    }

    /// Overlapping pairs among `slots` (a sweep over start times).
    static func overlaps(_ slots: [Slot]) -> [(Slot, Slot)] {
        let sorted = slots.sorted { ($0.start, $0.sessionID) < ($1.start, $1.sessionID) }
        var active: [Slot] = []
        var out: [(Slot, Slot)] = []
        for s in sorted {
            active.removeAll { $0.end <= s.start }
            for a in active where a.sessionID != s.sessionID { out.append((a, s)) }
            active.append(s)
        }
        return out
    }
}
