/// A hospital–resident instance as `gsl solve stable` reads it: residents and hospitals with
/// preference lists of `id`s or positions, hospital capacities (default 1) and the side whose
/// optimum is wanted. Decoding resolves every reference and names the JSON path of a problem.
public struct StableInstance: Codable, Sendable, Equatable {
    /// A resident.
    public struct Resident: Codable, Sendable, Equatable {
        /// Optional name used in lists and results.
        public var id: String?
        /// Hospitals, most preferred first.
        public var preferences: [InstanceRef]

        /// A resident.
        public init(id: String? = nil, preferences: [InstanceRef]) {
            self.id = id
            self.preferences = preferences
        }

        /// Reads `{"id": …, "preferences": […]}`; any other member is refused.
        public init(from decoder: any Decoder) throws {
            try InstanceKeys.check(decoder, known: ["id", "preferences"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            preferences = try container.decode([InstanceRef].self, forKey: .preferences)
        }
    }

    /// A hospital.
    public struct Hospital: Codable, Sendable, Equatable {
        /// Optional name used in lists and results.
        public var id: String?
        /// Places; 1 when absent.
        public var capacity: Int?
        /// Residents, most preferred first.
        public var preferences: [InstanceRef]

        /// A hospital.
        public init(id: String? = nil, capacity: Int? = nil, preferences: [InstanceRef]) {
            self.id = id
            self.capacity = capacity
            self.preferences = preferences
        }

        /// Reads `{"id": …, "capacity": …, "preferences": […]}`; any other member is refused.
        public init(from decoder: any Decoder) throws {
            try InstanceKeys.check(decoder, known: ["id", "capacity", "preferences"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            capacity = try container.decodeIfPresent(Int.self, forKey: .capacity)
            preferences = try container.decode([InstanceRef].self, forKey: .preferences)
        }
    }

    /// The residents in order.
    public private(set) var residents: [Resident]
    /// The hospitals in order.
    public private(set) var hospitals: [Hospital]
    /// Whose optimal stable matching to return (residents when absent).
    public var optimalFor: DeferredAcceptance.Side?
    /// The resolved instance.
    private var problem: HospitalResidentInstance

    /// An instance; ids must be unique and references must resolve.
    public init(residents: [Resident], hospitals: [Hospital], optimalFor: DeferredAcceptance.Side? = nil)
        throws(InstanceError)
    {
        try self.init(residents: residents, hospitals: hospitals, optimalFor: optimalFor, path: "$")
    }

    private init(
        residents: [Resident], hospitals: [Hospital], optimalFor: DeferredAcceptance.Side?, path: String
    )
        throws(InstanceError)
    {
        func index(_ ids: [String?], kind: String) throws(InstanceError) -> [String: Int] {
            var index: [String: Int] = [:]
            for (k, id) in ids.enumerated() {
                guard let id else { continue }
                if index[id] != nil { throw InstanceError(at: "\(path).\(kind)[\(k)].id", .duplicateID(id)) }
                index[id] = k
            }
            return index
        }
        let residentIds = try index(residents.map(\.id), kind: "residents")
        let hospitalIds = try index(hospitals.map(\.id), kind: "hospitals")
        var residentLists: [[Int]] = []
        residentLists.reserveCapacity(residents.count)
        for (r, resident) in residents.enumerated() {
            var list: [Int] = []
            for (k, ref) in resident.preferences.enumerated() {
                guard let h = ref.resolve(hospitalIds, count: hospitals.count) else {
                    throw InstanceError(
                        at: "\(path).residents[\(r)].preferences[\(k)]", .unknownReference(ref))
                }
                list.append(h)
            }
            residentLists.append(list)
        }
        var hospitalLists: [[Int]] = []
        var capacities: [Int] = []
        for (h, hospital) in hospitals.enumerated() {
            var list: [Int] = []
            for (k, ref) in hospital.preferences.enumerated() {
                guard let r = ref.resolve(residentIds, count: residents.count) else {
                    throw InstanceError(
                        at: "\(path).hospitals[\(h)].preferences[\(k)]", .unknownReference(ref))
                }
                list.append(r)
            }
            let capacity = hospital.capacity ?? 1
            if capacity < 0 {
                throw InstanceError(at: "\(path).hospitals[\(h)].capacity", .negativeCapacity(capacity))
            }
            hospitalLists.append(list)
            capacities.append(capacity)
        }
        do {
            problem = try HospitalResidentInstance(
                residentPreferences: residentLists, hospitalPreferences: hospitalLists, capacities: capacities
            )
        } catch {
            throw InstanceError(at: path, .rejected(error))
        }
        self.residents = residents
        self.hospitals = hospitals
        self.optimalFor = optimalFor
    }

    private enum CodingKeys: String, CodingKey {
        case residents, hospitals, optimalFor
    }

    /// Reads `{"residents": […], "hospitals": […], "optimalFor": …}` and validates it.
    public init(from decoder: any Decoder) throws {
        let path = InstanceError.jsonPath(decoder.codingPath)
        try InstanceKeys.check(decoder, known: ["residents", "hospitals", "optimalFor"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var side: DeferredAcceptance.Side? = nil
        if let name = try container.decodeIfPresent(String.self, forKey: .optimalFor) {
            guard let named = DeferredAcceptance.Side(rawValue: name) else {
                throw InstanceError(at: "\(path).optimalFor", .unknownSide(name))
            }
            side = named
        }
        try self.init(
            residents: container.decode([Resident].self, forKey: .residents),
            hospitals: container.decode([Hospital].self, forKey: .hospitals), optimalFor: side, path: path)
    }

    /// Writes the instance in the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(residents, forKey: .residents)
        try container.encode(hospitals, forKey: .hospitals)
        try container.encodeIfPresent(optimalFor?.rawValue, forKey: .optimalFor)
    }

    /// Two instances are equal when their lists, capacities and side are.
    public static func == (a: StableInstance, b: StableInstance) -> Bool {
        a.residents == b.residents && a.hospitals == b.hospitals && a.optimalFor == b.optimalFor
    }

    /// The stable matching optimal for `side` (a command-line choice), else for the file's side,
    /// else for the residents; the checker's count of blocking pairs comes with it.
    public func solve(optimalFor side: DeferredAcceptance.Side? = nil) -> StableResult {
        let side = side ?? optimalFor ?? .residents
        let matching = DeferredAcceptance.solve(problem, optimalFor: side)
        let report = StabilityChecker.check(problem, matching)
        let residentIds = residents.map(\.id)
        let hospitalIds = hospitals.map(\.id)
        return StableResult(
            optimalFor: side,
            pairs: matching.pairs.map {
                StableResult.Pair(
                    resident: InstanceRef.of($0.resident, ids: residentIds),
                    hospital: InstanceRef.of($0.hospital, ids: hospitalIds))
            },
            unmatchedResidents: matching.residentToHospital.indices.filter {
                matching.residentToHospital[$0] < 0
            }
            .map { InstanceRef.of($0, ids: residentIds) },
            blockingPairs: report.blockingPairs.count)
    }
}
