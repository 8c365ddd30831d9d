import ArgumentParser
import GSLCore
import GSLOptimize

/// `gsl solve stable FILE [--optimal-for residents|hospitals]`: hospital–resident stable matching.
struct SolveStable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stable",
        abstract: "稳定匹配 stable matching (hospital–resident with capacities)",
        discussion: """
            {"residents": [{"id": "r1", "preferences": ["h1"]}],
             "hospitals": [{"id": "h1", "capacity": 2, "preferences": ["r1"]}]}
            """)

    @OptionGroup var options: SolveOptions

    /// Which side's optimal stable matching to return.
    @Option(name: .customLong("optimal-for"), help: "哪一方最优 optimal for: residents | hospitals")
    var optimalFor: String?

    /// A resident of the instance.
    struct Resident: Decodable {
        var id: String?
        var preferences: [InstanceRef]
    }

    /// A hospital of the instance.
    struct Hospital: Decodable {
        var id: String?
        var capacity: Int?
        var preferences: [InstanceRef]
    }

    /// The instance format.
    struct Instance: Decodable {
        var residents: [Resident]
        var hospitals: [Hospital]
        var optimalFor: String?
    }

    /// One matched pair.
    struct Pair: Encodable {
        var resident: InstanceRef
        var hospital: InstanceRef
    }

    /// The output document.
    struct Output: Encodable {
        var status = "stable"
        var optimalFor: String
        var pairs: [Pair]
        var unmatchedResidents: [InstanceRef]
        var blockingPairs: Int
    }

    func run() throws {
        let reader = InstanceReader(path: options.file)
        let instance = try reader.decode(Instance.self)
        let sideName = optimalFor ?? instance.optimalFor ?? "residents"
        guard let side = DeferredAcceptance.Side(rawValue: sideName) else {
            if optimalFor != nil {
                throw GSLError.usage(
                    "--optimal-for 应为 residents 或 hospitals",
                    en: "--optimal-for must be residents or hospitals")
            }
            throw reader.error(
                at: "$.optimalFor", "应为 residents 或 hospitals", en: "expected residents or hospitals")
        }
        func index<T>(_ items: [T], id: (T) -> String?, kind: String) throws(GSLError) -> [String: Int] {
            var ids: [String: Int] = [:]
            for (k, item) in items.enumerated() {
                guard let name = id(item) else { continue }
                if ids[name] != nil {
                    throw reader.error(
                        at: "$.\(kind)[\(k)].id", "重复的 id \"\(name)\"", en: "duplicate id \"\(name)\"")
                }
                ids[name] = k
            }
            return ids
        }
        let residentIds = try index(instance.residents, id: \.id, kind: "residents")
        let hospitalIds = try index(instance.hospitals, id: \.id, kind: "hospitals")
        var residentLists: [[Int]] = []
        for (r, resident) in instance.residents.enumerated() {
            var list: [Int] = []
            for (k, ref) in resident.preferences.enumerated() {
                guard let h = ref.resolve(hospitalIds, count: instance.hospitals.count) else {
                    throw reader.error(
                        at: "$.residents[\(r)].preferences[\(k)]", "没有医院 \(ref.text)",
                        en: "no hospital \(ref.text)")
                }
                list.append(h)
            }
            residentLists.append(list)
        }
        var hospitalLists: [[Int]] = []
        var capacities: [Int] = []
        for (h, hospital) in instance.hospitals.enumerated() {
            var list: [Int] = []
            for (k, ref) in hospital.preferences.enumerated() {
                guard let r = ref.resolve(residentIds, count: instance.residents.count) else {
                    throw reader.error(
                        at: "$.hospitals[\(h)].preferences[\(k)]", "没有住院医师 \(ref.text)",
                        en: "no resident \(ref.text)")
                }
                list.append(r)
            }
            let capacity = hospital.capacity ?? 1
            if capacity < 0 {
                throw reader.error(at: "$.hospitals[\(h)].capacity", "容量为负", en: "negative capacity")
            }
            hospitalLists.append(list)
            capacities.append(capacity)
        }
        let problem: HospitalResidentInstance
        do {
            problem = try HospitalResidentInstance(
                residentPreferences: residentLists, hospitalPreferences: hospitalLists,
                capacities: capacities)
        } catch {
            throw reader.error(error)
        }
        let matching = DeferredAcceptance.solve(problem, optimalFor: side)
        let report = StabilityChecker.check(problem, matching)
        func residentRef(_ r: Int) -> InstanceRef { instance.residents[r].id.map { .name($0) } ?? .index(r) }
        func hospitalRef(_ h: Int) -> InstanceRef { instance.hospitals[h].id.map { .name($0) } ?? .index(h) }
        try SolveOutput.print(
            Output(
                optimalFor: side.rawValue,
                pairs: matching.pairs.map {
                    Pair(resident: residentRef($0.resident), hospital: hospitalRef($0.hospital))
                },
                unmatchedResidents: matching.residentToHospital.indices.filter {
                    matching.residentToHospital[$0] < 0
                }.map(residentRef),
                blockingPairs: report.blockingPairs.count))
    }
}
